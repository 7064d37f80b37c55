import { RULES, RULE_IDS, makeFinding, runRules, ruleInfo, type Check, type Family, type RuleId } from '../../src/core';
import { REV, isCellKey } from '../helpers/format';
import { loadExample } from '../helpers/reports';

function cellsOf(check: Check): string[] {
  switch (check.family) {
    case 'linear':
      return [...check.left, ...check.right].map((t) => t.key);
    case 'value':
    case 'blank':
      return [check.cell];
    default:
      return [];
  }
}

const FAMILIES: readonly Family[] = ['linear', 'value', 'blank', 'section', 'template', 'year', 'figure', 'copied', 'meta', 'deadline', 'content', 'register'];

describe('rule declarations', () => {
  test('every rule is declared once, with its family, and has at least one check in the 2021 revision', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    expect(REV.rules).toEqual(RULE_IDS);
    for (const id of RULE_IDS) {
      const checks = REV.checks.filter((c) => c.rule === id);
      expect(checks.length).toBeGreaterThan(0);
      for (const c of checks) expect(c.family).toBe(RULES[id].family);
    }
  });

  test('every family has a rule and a check: no family is left to a silent default', () => {
    for (const family of FAMILIES) {
      expect(RULE_IDS.some((id) => RULES[id].family === family)).toBe(true);
      expect(REV.checks.some((c) => c.family === family)).toBe(true);
    }
    expect(new Set(REV.checks.map((c) => c.family))).toEqual(new Set(FAMILIES));
  });

  test('every check names existing cells', () => {
    for (const check of REV.checks) for (const key of cellsOf(check)) expect(isCellKey(key)).toBe(true);
  });

  test("every linear check names one of its own rule's messages", () => {
    for (const check of REV.checks) if (check.family === 'linear') expect(Object.keys(RULES[check.rule].messages)).toContain(check.messageId);
  });

  test('every message renders with data, without holes, and takes its severity from the declaration', () => {
    const data = new Proxy({}, { get: (_t, p) => (typeof p === 'string' ? `‹${p}›` : undefined) });
    for (const id of RULE_IDS) {
      for (const messageId of Object.keys(RULES[id].messages)) {
        const make = makeFinding as (r: RuleId, m: string, c: string[], d: unknown) => ReturnType<typeof makeFinding>;
        const f = make(id, messageId, ['x'], data);
        expect(f.message.length).toBeGreaterThan(5);
        expect(f.message).not.toMatch(/undefined|null|NaN/u);
        expect(ruleInfo(id).severities).toContain(f.severity);
      }
    }
  });

  test('a message of another rule is refused', () => {
    const make = makeFinding as (r: RuleId, m: string, c: string[], d: unknown) => unknown;
    expect(() => make('balance', 'blank.cell', ['x'], { cell: 'x' })).toThrow(/no message/u);
  });

  test('every rule has a Chinese title, a description and a source', () => {
    for (const id of RULE_IDS) {
      const r = ruleInfo(id);
      expect(r.title).toMatch(/[\u4e00-\u9fff]/u);
      expect(r.description).toMatch(/[\u4e00-\u9fff]/u);
      expect(r.source).toMatch(/条例|国办|表三注释|本工具补充|本地规则/u);
    }
  });

  test('the fee rule is an error that has warning messages; the others have one severity', () => {
    expect(ruleInfo('fee-amount').severities).toEqual(['error', 'warning']);
    expect(ruleInfo('row-total').severities).toEqual(['error']);
    expect(ruleInfo('blank-cell').severities).toEqual(['warning']);
  });
});

describe('the Chengdong 2023 example', () => {
  const findings = runRules(loadExample());

  test('yields a blank-cell warning for each of its 14 blank cells', () => {
    const blanks = findings.filter((f) => f.rule === 'blank-cell');
    expect(blanks).toHaveLength(14);
    expect(blanks.every((f) => f.severity === 'warning' && f.cells.length === 1)).toBe(true);
    expect(blanks.map((f) => f.cells[0])).toEqual(
      expect.arrayContaining([
        'requests.carriedOver.natural',
        'requests.carriedOver.total',
        'requests.disclosed.commercial',
        'requests.otherHandling.feeUnpaid.total',
      ]),
    );
  });

  test('yields one structure finding for the missing 3.其他 row', () => {
    const structure = findings.filter((f) => f.rule === 'old-template');
    expect(structure).toHaveLength(1);
    expect(structure[0]!.cells).toHaveLength(7);
    expect(structure[0]!.cells.every((c) => c.startsWith('requests.otherHandling.other.'))).toBe(true);
  });

  test('has no error and nothing else', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Besides the 14 blanks and the missing row: no publication date in its signature, and — as a
    // 人民政府 — no word on 社会评议 or 责任追究 (条例 第五十条第四项).
    expect(findings.filter((f) => f.rule !== 'blank-cell').map((f) => [f.rule, f.messageId])).toEqual([
      ['meta-date', 'meta.missing'],
      ['content-topics', 'content.assessment-missing'],
      ['old-template', 'template.missing-cells'],
    ]);
    expect(findings).toHaveLength(17);
  });

  test('every finding points at cells', () => {
    for (const f of findings) expect(f.cells.length).toBeGreaterThan(0);
  });
});
