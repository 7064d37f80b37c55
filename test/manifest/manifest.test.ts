/** Offline checks of manifest.xml: well-formed, every resid resolves, https URLs, icons present, ids unique. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { COMMANDS } from '../../src/commands/commands';

const ROOT = join(__dirname, '../..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

test('is well-formed XML', () => {
  expect(XMLValidator.validate(xml)).toBe(true);
});

test('every resid resolves to a resource', () => {
  const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/gu)].map((m) => m[1]));
  const resids = [...xml.matchAll(/resid="([^"]+)"/gu)].map((m) => m[1]);
  expect(resids.length).toBeGreaterThan(5);
  for (const r of resids) expect(ids).toContain(r);
});

test('resource and control ids are unique and at most 125 characters', () => {
  const ids = [...xml.matchAll(/\bid="([^"]+)"/gu)].map((m) => m[1]!);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
});

test('every URL is https and every icon exists in assets/', () => {
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/gu)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u).toMatch(/^https:\/\//u);
  for (const u of urls.filter((x) => x.endsWith('.png'))) {
    expect(existsSync(join(ROOT, 'assets', u.split('/assets/')[1]!))).toBe(true);
  }
});

test('ribbon icons come in 16, 32 and 80', () => {
  for (const icon of ['Icon', 'Check', 'Word']) {
    const sizes = [...xml.matchAll(new RegExp(`<bt:Image id="${icon}\\.(\\d+)"`, 'gu'))].map((m) => Number(m[1]));
    expect([icon, sizes]).toEqual([icon, [16, 32, 80]]);
  }
});

test('Excel and Word hosts, no requirement set that would hide it in one of them, zh-CN with en-US overrides', () => {
  const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
  expect(doc.OfficeApp.DefaultLocale).toBe('zh-CN');
  expect(doc.OfficeApp.Hosts.Host.map((h: { '@_Name': string }) => h['@_Name'])).toEqual(['Workbook', 'Document']);
  expect(doc.OfficeApp.Requirements).toBeUndefined();
  const strings = [...xml.matchAll(/<bt:String id="[^"]+" DefaultValue="[^"]*">\s*<bt:Override Locale="en-US"/gu)];
  const all = [...xml.matchAll(/<bt:String id=/gu)];
  expect(strings.length).toBe(all.length);
});

test('every ExecuteFunction names a function the commands code associates', () => {
  const functions = [...xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/gu)].map((m) => m[1]!);
  expect(functions).toEqual(Object.values(COMMANDS));
});

test('shared runtime: the function file is the task pane page', () => {
  expect(xml).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
  expect(xml).toContain('<FunctionFile resid="Taskpane.Url"/>');
});

test('the ribbon tab is 信息公开年报 with 检查报告 / Check report', () => {
  expect(xml).toMatch(/id="Tab.Label" DefaultValue="信息公开年报"/u);
  expect(xml).toMatch(/id="CheckReport.Label" DefaultValue="检查报告">\s*<bt:Override Locale="en-US" Value="Check report"/u);
});

describe('element order as the schemas require', () => {
  type Node = Record<string, unknown>;
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(xml) as Node[];
  const tag = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;
  const kids = (n: Node) => ((n[tag(n)] as Node[]) ?? []).filter((c) => tag(c) !== '#text' && tag(c) !== '#comment');
  /** Every node with this tag, anywhere. */
  const all = (nodes: Node[], name: string): Node[] => nodes.flatMap((n) => [...(tag(n) === name ? [n] : []), ...all(kids(n), name)]);
  /** The children's tags appear in the schema's order (each known tag no earlier than the one before). */
  const inOrder = (node: Node, order: string[]) => {
    const names = kids(node).map(tag);
    const positions = names.map((n) => order.indexOf(n));
    expect([tag(node), names.filter((_, i) => positions[i] === -1)]).toEqual([tag(node), []]);
    for (let i = 1; i < positions.length; i++) expect([tag(node), names[i], positions[i]! >= positions[i - 1]!]).toEqual([tag(node), names[i], true]);
  };

  test('OfficeApp', () => {
    inOrder(all(tree, 'OfficeApp')[0]!, [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'AllowSnapshot',
      'VersionOverrides',
    ]);
  });
  test('VersionOverrides, Host, DesktopFormFactor, tabs, groups, controls, resources', () => {
    for (const n of all(tree, 'VersionOverrides')) inOrder(n, ['Description', 'Requirements', 'Hosts', 'Resources']);
    for (const n of all(tree, 'Host').filter((h) => kids(h).length > 0)) inOrder(n, ['Runtimes', 'AllFormFactors', 'DesktopFormFactor', 'MobileFormFactor']);
    for (const n of all(tree, 'DesktopFormFactor')) inOrder(n, ['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    for (const n of all(tree, 'CustomTab')) inOrder(n, ['Group', 'Label', 'InsertAfter', 'InsertBefore']);
    for (const n of all(tree, 'OfficeTab')) inOrder(n, ['Group']);
    for (const n of all(tree, 'Group')) inOrder(n, ['Label', 'Icon', 'Control']);
    for (const n of all(tree, 'Control')) inOrder(n, ['Label', 'Supertip', 'Icon', 'Action']);
    for (const n of all(tree, 'Resources')) inOrder(n, ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
  });
});
