/**
 * Fuzzing the value reader, the rules and the importers: more than 10,000 generated cases per run,
 * seeded so that a failure can be replayed (fast-check prints the seed and the counterexample).
 */
import fc from 'fast-check';
import { classifyText, documentPlan, parseChineseNumeral, readTypedValue, reportFromPlaces, runRules } from '../../src/core';
import { CELLS, REV } from '../helpers/format';
import { ImportError, importReport } from '../../src/importers';
import { blocksFromHtml } from '../../src/importers/html';
import { blocksFromTextDump } from '../../src/importers/blocks';
import { reportFromBlocks } from '../../src/importers/report';
import { WorkbookError, parseXlsx } from '../../src/xlsx/parse';
import { buildWorkbook } from '../../src/xlsx/write';
import { buildDocx } from '../../src/word/docx';
import { placesFromReport, workbookPlan } from '../../src/core';
import { consistentReport } from '../helpers/reports';
import { toHtml, toTextDump } from '../helpers/render';

const SEED = Number(process.env.FUZZ_SEED ?? 20231231);
let cases = 0;

const typed = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.stringMatching(/^[\s\u00a0\u3000]*[+\-－]?[0-9０-９,，.．]{0,12}(件|元|万元|个)?[\s\u00a0\u3000]*$/u),
  fc.stringMatching(/^[〇零一二三四五六七八九十百千万两]{0,8}件?$/u),
  fc.constantFrom('#REF!', '#N/A', '=A1', '/', '—', 'N/A', '1e20', 'NaN', '-0'),
);

test('the value reader: total, deterministic, and numbers read back as themselves', () => {
  fc.assert(
    fc.property(typed, (s) => {
      cases++;
      const v = readTypedValue(s);
      expect(readTypedValue(s)).toEqual(v);
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      if (typeof v === 'string') {
        classifyText(v);
        // Text is kept (trimmed) and reads back as the same text.
        expect(readTypedValue(v)).toBe(v);
      }
      // A number reads back as itself from its own text.
      if (typeof v === 'number') expect(readTypedValue(String(v))).toBe(v);
      parseChineseNumeral(s);
    }),
    { numRuns: 4000, seed: SEED },
  );
});

test('the rules: never throw on reports built from arbitrary typed cells', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...CELLS.map((c) => c.key)), typed), { maxLength: 60 }), fc.string(), (cells, text) => {
      cases++;
      const raw = new Map<string, unknown>(cells);
      raw.set('narrative.overview', text);
      raw.set('meta.year', text);
      raw.set('meta.date', text);
      const report = reportFromPlaces(raw, REV);
      for (const f of runRules(report, { previous: report })) expect(f.cells.length).toBeGreaterThan(0);
      documentPlan(report);
    }),
    { numRuns: 1500, seed: SEED + 1 },
  );
});

const dump = toTextDump(consistentReport());
const html = toHtml(consistentReport());

/** Mutations of a real document: cut, duplicate, swap lines, insert noise. */
const mutated = (source: string) =>
  fc.tuple(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 200 }), fc.string({ maxLength: 20 })), { maxLength: 12 }), fc.boolean()).map(([edits, cut]) => {
    let s = source;
    for (const [pos, len, insert] of edits) {
      const p = pos % Math.max(1, s.length);
      s = s.slice(0, p) + insert + s.slice(p + len);
    }
    return cut ? s.slice(0, s.length >> 1) : s;
  });

test('the text-dump importer: arbitrary mutations of a real dump', () => {
  fc.assert(
    fc.property(mutated(dump), (s) => {
      cases++;
      const imported = reportFromBlocks(blocksFromTextDump(s));
      runRules(imported.report);
    }),
    { numRuns: 2000, seed: SEED + 2 },
  );
});

test('the HTML importer: arbitrary mutations of a real page, and tag soup', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        mutated(html),
        fc
          .array(
            fc.constantFrom(
              '<table>',
              '</table>',
              '<tr>',
              '</tr>',
              '<td rowspan=2>',
              '</td>',
              '<p>',
              '</p>',
              '<br>',
              '自然人',
              '12',
              '&nbsp;',
              '<script>',
              '</script>',
              '<!--',
              '-->',
            ),
            { maxLength: 200 },
          )
          .map((a) => a.join('')),
      ),
      (s) => {
        cases++;
        runRules(reportFromBlocks(blocksFromHtml(s)).report);
      },
    ),
    { numRuns: 2000, seed: SEED + 3 },
  );
});

test('the .xlsx reader and the .docx importer: corrupted bytes of real files give a clear error or a report', async () => {
  const xlsx = new Uint8Array(await buildWorkbook(workbookPlan(REV), placesFromReport(consistentReport(), REV)));
  const docx = await buildDocx(documentPlan(consistentReport()));
  const corrupt = (bytes: Uint8Array) =>
    fc.tuple(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat()).map(([flips, cut]) => {
      const b = bytes.slice(0, cut % 3 === 0 ? Math.max(4, cut % bytes.length) : bytes.length);
      for (const [pos, value] of flips) b[pos % b.length] = value;
      return b;
    });
  fc.assert(
    fc.property(corrupt(xlsx), (b) => {
      cases++;
      try {
        parseXlsx(b);
      } catch (e) {
        expect(e).toBeInstanceOf(WorkbookError);
      }
    }),
    { numRuns: 400, seed: SEED + 4 },
  );
  fc.assert(
    fc.property(corrupt(docx), (b) => {
      cases++;
      try {
        runRules(importReport('r.docx', b).report);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
      }
    }),
    { numRuns: 400, seed: SEED + 5 },
  );
}, 120000);

test('at least 10,000 generated cases ran (replay with FUZZ_SEED=<seed>)', () => {
  expect(cases).toBeGreaterThanOrEqual(10000);
});
