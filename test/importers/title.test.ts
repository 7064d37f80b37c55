/**
 * 机关名称 and 年度 come from the title (the part before the year) or the signature, never from the
 * first sentence of the text. The openings in test/fixtures/web-text are real reports as copied
 * from government web pages (their README names the sources).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport } from '../../src/importers';
import { reportFromBlocks } from '../../src/importers/report';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/web-text', name));
const paragraphs = (...lines: string[]) => lines.map((text) => ({ type: 'paragraph' as const, text }));
const SECTIONS = ['一、总体情况', '正文。', '五、存在的主要问题及改进情况', '问题。', '六、其他需要报告的事项', '无。'];

test.each([
  ['湛江市人民政府地方志办公室2023年政府信息公开工作年度报告', '湛江市人民政府地方志办公室', 2023],
  ['关于长春市二道区房屋征收工作管理办公室2022年度政府信息公开工作的报告', '长春市二道区房屋征收工作管理办公室', 2022],
  ['昌图县七家子镇人民政府 2023年政府信息公开工作年度报告', '昌图县七家子镇人民政府', 2023],
  ['某区教育局（体育局）2023年政府信息公开工作年度报告', '某区教育局（体育局）', 2023],
])('the title %s names the body', (title, agency, year) => {
  const { report } = reportFromBlocks(paragraphs(title, ...SECTIONS));
  expect(report.meta.agency).toBe(agency);
  expect(report.meta.year).toBe(year);
});

test.each([
  '根据《中华人民共和国政府信息公开条例》的有关规定,现向社会公布湛江市人民政府地方志办公室2023年政府信息公开工作年度报告。',
  '根据《中华人民共和国政府信息公开条例》要求,特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告。〔……〕所列数据统计期限自2023年1月1日起到2023年12月31日止。',
  '按照要求，现将我镇2023年政府信息公开工作年度报告公布如下',
])('a first sentence is never the title: %s', (sentence) => {
  const { report, problems } = reportFromBlocks(paragraphs(sentence, ...SECTIONS));
  expect(report.meta.agency).toBeUndefined();
  expect(report.meta.title).toBeUndefined();
  expect(problems.join()).toContain('没有找到报告标题');
  expect(report.narrative.preamble).toContain(sentence.slice(0, 8));
});

test('a title without a body name (关于2022年度…的报告) gives the year and takes the name from the signature', () => {
  const { report } = reportFromBlocks(paragraphs('关于2022年度政府信息公开情况的报告', ...SECTIONS, '长春市二道区房屋征收工作管理办公室', '2023年1月17日'));
  expect(report.meta.title).toBe('关于2022年度政府信息公开情况的报告');
  expect(report.meta.year).toBe(2022);
  expect(report.meta.agency).toBe('长春市二道区房屋征收工作管理办公室');
  expect(report.meta.office).toBe('长春市二道区房屋征收工作管理办公室');
});

test.each(['001.txt', '004.txt', '008.txt', '009.txt'])('web text %s: the body name is never a sentence fragment', (file) => {
  let agency: string | undefined;
  try {
    agency = importReport(file, fixture(file)).report.meta.agency;
  } catch {
    agency = undefined; // refused with a message: no name at all is fine, a wrong one is not
  }
  if (agency !== undefined) {
    expect(agency).not.toMatch(/[，,。《》]|根据|按照|现向|特编制/u);
    expect(agency.length).toBeLessThanOrEqual(40);
  }
});
