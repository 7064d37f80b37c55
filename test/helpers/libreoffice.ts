/** LibreOffice as a real client: converting files headless, and workbooks it must recalculate itself. */
import { execFileSync } from 'node:child_process';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** Converts files with LibreOffice headless into `outDir` (one process for all), with its own profile. */
export function convertWithLibreOffice(paths: readonly string[], format: 'xlsx' | 'pdf', outDir: string, profileDir: string): void {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profileDir}`, '--convert-to', format, '--outdir', outDir, ...paths], {
    stdio: 'ignore',
    timeout: 240000,
  });
}

/** Rewrites a workbook's sheets; every formula's saved value is dropped, so a program that opens it must compute them. */
export function withoutSavedValues(bytes: Uint8Array, edit: (sheetPart: string, xml: string) => string = (_p, xml) => xml): Uint8Array {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    if (!name.startsWith('xl/worksheets/')) continue;
    const xml = edit(name, strFromU8(files[name]!));
    files[name] = strToU8(xml.replace(/<c r="([A-Z]+\d+)" s="(\d+)"(?: t="(?:str|e)")?>(<f>[^<]*<\/f>)<v>[^<]*<\/v><\/c>/gu, '<c r="$1" s="$2">$3</c>'));
  }
  return zipSync(files);
}
