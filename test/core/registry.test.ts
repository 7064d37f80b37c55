import {
  CHECKS,
  MESSAGES,
  RULE_DEFINITIONS,
  RULE_IDS,
  isCellKey,
  renderMessage,
  runRules,
  type Check,
} from '../../src/core';
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

describe('rule registry', () => {
  test('rule ids are unique and each has a definition and at least one check', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const id of RULE_IDS) {
      expect(RULE_DEFINITIONS[id].id).toBe(id);
      expect(CHECKS.some((c) => c.rule === id)).toBe(true);
    }
  });

  test('every check names existing cells', () => {
    for (const check of CHECKS) for (const key of cellsOf(check)) expect(isCellKey(key)).toBe(true);
  });

  test('every message id used by a check exists', () => {
    for (const check of CHECKS) if (check.family === 'linear') expect(MESSAGES[check.messageId]).toBeDefined();
  });

  test('every message renders with data, without holes', () => {
    const data = new Proxy({}, { get: (_t, p) => (typeof p === 'string' ? `‹${p}›` : undefined) }) as Record<string, string>;
    for (const id of Object.keys(MESSAGES)) {
      const text = renderMessage(id, data);
      expect(text.length).toBeGreaterThan(5);
      expect(text).not.toMatch(/undefined|null|NaN/u);
    }
  });

  test('every rule definition has a Chinese title', () => {
    for (const d of Object.values(RULE_DEFINITIONS)) expect(d.title).toMatch(/[\u4e00-\u9fff]/u);
  });
});

describe('the Chengdong 2023 example', () => {
  const findings = runRules(loadExample());

  test('yields a blank-cell warning for each of its 14 blank cells', () => {
    const blanks = findings.filter((f) => f.rule === 'blank-cell');
    expect(blanks).toHaveLength(14);
    expect(blanks.every((f) => f.severity === 'warning' && f.cells.length === 1)).toBe(true);
    expect(blanks.map((f) => f.cells[0])).toEqual(
      expect.arrayContaining(['requests.carriedOver.natural', 'requests.carriedOver.total', 'requests.disclosed.commercial', 'requests.otherHandling.feeUnpaid.total']),
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
    expect(findings).toHaveLength(15);
  });

  test('every finding points at cells', () => {
    for (const f of findings) expect(f.cells.length).toBeGreaterThan(0);
  });
});
