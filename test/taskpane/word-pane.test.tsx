/**
 * @jest-environment jsdom
 */
import '../helpers/jsdom-polyfills';
/** The pane in Word: pick a report (JSON or workbook), confirm errors, insert with insertFileFromBase64. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { placesFromReport, workbookPlan } from '../../src/core';
import { REV } from '../helpers/format';
import { App } from '../../src/taskpane/App';
import { detectHost } from '../../src/taskpane/host';
import { createWordController, type RunWord } from '../../src/taskpane/word-controller';
import { buildWorkbook } from '../../src/xlsx/write';
import { EXAMPLE_PATH, loadExample } from '../helpers/reports';

function fakeWord() {
  const inserted: { base64: string; location: string }[] = [];
  let syncs = 0;
  const run: RunWord = async (batch) =>
    batch({
      document: { body: { insertFileFromBase64: (base64: string, location: string) => void inserted.push({ base64, location }) } },
      sync: async () => void syncs++,
    } as unknown as Word.RequestContext);
  return { run, inserted, syncs: () => syncs };
}

const example = () => new TextEncoder().encode(readFileSync(EXAMPLE_PATH, 'utf8'));

test('host detection: Word with and without WordApi 1.1', () => {
  const office = (ok: boolean) => ({ context: { requirements: { isSetSupported: (s: string) => ok && s === 'WordApi' } } });
  expect(detectHost(office(true), 'Word')).toMatchObject({ kind: 'word', canInsert: true });
  expect(detectHost(office(false), 'Word')).toMatchObject({ kind: 'word', canInsert: false });
});

test('a report JSON is generated and inserted at the end of the document', async () => {
  const word = fakeWord();
  const controller = createWordController(word.run);
  await controller.insertReport({ name: 'chengdong-2023.json', bytes: example() });
  expect(controller.getState().failure).toBeNull();
  expect(word.inserted).toHaveLength(1);
  expect(word.inserted[0]!.location).toBe('End');
  expect(Buffer.from(word.inserted[0]!.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  expect(word.syncs()).toBe(1);
  expect(controller.getState().notice?.text).toContain('已把“chengdong-2023.json”生成的年度报告插入到文档末尾');
});

test('a report workbook (.xlsx) is read in the pane and inserted', async () => {
  const word = fakeWord();
  const controller = createWordController(word.run);
  const bytes = new Uint8Array(await buildWorkbook(workbookPlan(REV), placesFromReport(loadExample(), REV)));
  await controller.insertReport({ name: 'report.xlsx', bytes });
  expect(controller.getState().failure).toBeNull();
  expect(word.inserted).toHaveLength(1);
});

test('errors: asks first; inserting only after confirmation', async () => {
  const word = fakeWord();
  const controller = createWordController(word.run);
  const bad = new TextEncoder().encode(readFileSync(EXAMPLE_PATH, 'utf8').replace('"requests.disclosed.total": 6', '"requests.disclosed.total": 7'));
  await controller.insertReport({ name: 'bad.json', bytes: bad });
  expect(controller.getState().confirm).toEqual({ errors: 2, name: 'bad.json' });
  expect(word.inserted).toHaveLength(0);
  await controller.insertReport({ name: 'bad.json', bytes: bad }, true);
  expect(word.inserted).toHaveLength(1);
});

test.each<[string, Uint8Array, RegExp]>([
  ['broken.json', new TextEncoder().encode('{"format":'), /不是有效的 JSON/u],
  ['fake.xlsx', new TextEncoder().encode('not a workbook'), /不是 Excel 工作簿/u],
  ['report.pptx', new Uint8Array([1, 2, 3]), /\.json.*\.xlsx/u],
  ['report.pdf', new TextEncoder().encode('%PDF-1.4 broken'), /PDF 文件已损坏/u],
])('%s: a clear message, nothing inserted', async (name, bytes, message) => {
  const word = fakeWord();
  const controller = createWordController(word.run);
  await controller.insertReport({ name, bytes });
  expect(controller.getState().failure?.message).toMatch(message);
  expect(word.inserted).toHaveLength(0);
});

test('the Word pane renders its picker, and the upgrade message where insertion is unsupported', async () => {
  const word = fakeWord();
  const controller = createWordController(word.run);
  const { unmount } = render(<App status={{ kind: 'word', theme: 'light', canInsert: true }} wordController={controller} />);
  // The Word pane loads on first use (its own chunk in the build).
  expect(await screen.findByRole('button', { name: /选择报告并插入/u })).toBeTruthy();
  const input = screen.getByLabelText('选择报告文件') as HTMLInputElement;
  const file = new File([readFileSync(EXAMPLE_PATH, 'utf8')], 'chengdong-2023.json', { type: 'application/json' });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  await waitFor(() => expect(word.inserted).toHaveLength(1));
  unmount();
  render(<App status={{ kind: 'word', theme: 'light', canInsert: false }} wordController={controller} />);
  expect(await screen.findByText('此版本的 Word 不支持插入报告')).toBeTruthy();
});

/** Word with Document.insertFileFromBase64 (WordApi 1.5), its body holding `text`. */
function fakeWord15(text: string) {
  const inserted: { base64: string; location: string; level: 'document' | 'body'; options?: Record<string, unknown> }[] = [];
  let syncs = 0;
  let loaded = false;
  const body = {
    load: () => void (loaded = true),
    get text() {
      if (!loaded || syncs === 0) throw new Error('PropertyNotLoaded: body.text');
      return text;
    },
    insertFileFromBase64: (base64: string, location: string) => void inserted.push({ base64, location, level: 'body' }),
  };
  const run: RunWord = async (batch) =>
    batch({
      document: {
        body,
        insertFileFromBase64: (base64: string, location: string, options?: Record<string, unknown>) =>
          void inserted.push({ base64, location, level: 'document', ...(options ? { options } : {}) }),
      },
      sync: async () => void syncs++,
    } as unknown as Word.RequestContext);
  return { run, inserted };
}

describe('Word insertion keeps the footer and page setup where the host can (Document.insertFileFromBase64)', () => {
  test('an empty document is replaced by the report whole, with its styles', async () => {
    const word = fakeWord15('  \n');
    const controller = createWordController(word.run, { documentInsert: true });
    await controller.insertReport({ name: 'chengdong-2023.json', bytes: example() });
    expect(word.inserted).toEqual([
      expect.objectContaining({ level: 'document', location: 'Replace', options: expect.objectContaining({ importStyles: true }) }),
    ]);
    expect(controller.getState().notice).toEqual({ intent: 'success', text: expect.stringContaining('含页面设置和页码') });
  });

  test('a document with content gets the report at its end, keeping its own styles', async () => {
    const word = fakeWord15('已有的内容');
    const controller = createWordController(word.run, { documentInsert: true });
    await controller.insertReport({ name: 'chengdong-2023.json', bytes: example() });
    expect(word.inserted).toEqual([expect.objectContaining({ level: 'document', location: 'End', options: expect.objectContaining({ importStyles: false }) })]);
  });

  test('without WordApi 1.5 the body insertion is used, and the user is told what it leaves out', async () => {
    const word = fakeWord15('');
    const controller = createWordController(word.run, { documentInsert: false });
    await controller.insertReport({ name: 'chengdong-2023.json', bytes: example() });
    expect(word.inserted).toEqual([expect.objectContaining({ level: 'body', location: 'End' })]);
    expect(controller.getState().notice).toEqual({ intent: 'warning', text: expect.stringContaining('页码（页脚）和页面设置未带入') });
  });
});
