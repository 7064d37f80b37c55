/** Family register: one line per case, valid and invalid register rows (message ids and cells, not wording). */
import { runRules, type Register, type RegisterEntry } from '../../src/core';
import { consistentReport } from '../helpers/reports';

const ok: RegisterEntry = {
  sheet: '申请台账',
  row: 3,
  number: '1',
  date: '2023-03-15',
  dateReadable: true,
  applicant: '自然人',
  result: '（一）予以公开',
  carriedOver: '否',
  carriedForward: '否',
};

function found(requests: Partial<RegisterEntry>[], cases: Register['cases'] = []): [string, string][] {
  const report = { ...consistentReport(), register: { requests: requests.map((r) => ({ ...ok, ...r })), cases } };
  return runRules(report)
    .filter((f) => f.rule === 'register-entry')
    .map((f) => [f.messageId, f.cells[0]!]);
}

test.each<[string, Partial<RegisterEntry>, [string, string][]]>([
  ['a complete row', {}, []],
  ['carried forward without a result', { result: null, carriedForward: '是' }, []],
  ['carried over with last year’s date', { carriedOver: '是', date: '2022-11-02' }, []],
  ['an unknown applicant type', { applicant: '个人' }, [['register.unknown', '申请台账!C4']]],
  ['an unknown result', { result: '同意公开' }, [['register.unknown', '申请台账!D4']]],
  ['no applicant type', { applicant: null }, [['register.missing', '申请台账!C4']]],
  ['finished without a result', { result: null }, [['register.missing', '申请台账!D4']]],
  ['a yes/no cell with other text', { carriedOver: '对' }, [['register.unknown', '申请台账!E4']]],
  ['a date of another year', { date: '2024-01-03' }, [['register.date-outside', '申请台账!B4']]],
  ['carried over with this year’s date', { carriedOver: '是' }, [['register.carried-date', '申请台账!B4']]],
  ['carried over without a date', { carriedOver: '是', date: null, dateReadable: false }, [['register.carried-no-date', '申请台账!B4']]],
  ['an unreadable date', { date: '三月中旬', dateReadable: false }, [['register.bad-date', '申请台账!B4']]],
])('%s', (_name, row, expected) => {
  expect(found([row])).toEqual(expected);
});

test('cases: an unknown type or result, and a blank one, point at their cells', () => {
  const at = (type: string | null, result: string | null) => ({ sheet: '复议诉讼', row: 3, number: '1', type, result });
  expect(found([], [at('行政复议', '结果维持')])).toEqual([]);
  expect(found([], [at('复议', '结果维持')])).toEqual([['register.unknown', '复议诉讼!B4']]);
  expect(found([], [at('行政复议', null)])).toEqual([['register.missing', '复议诉讼!C4']]);
});

test('a report without a register has no register finding', () => {
  expect(runRules(consistentReport()).filter((f) => f.rule === 'register-entry')).toEqual([]);
});
