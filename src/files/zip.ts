/** Opening Office files (zip packages) safely: only the parts asked for are inflated, within size caps. */
import { unzipSync } from 'fflate';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * An OLE compound file (the container of .xls/.doc, and of an .xlsx/.docx saved with a password:
 * Office encrypts the package into an "EncryptedPackage" stream of such a file).
 */
export function compoundFileKind(bytes: Uint8Array): 'encrypted' | 'legacy' | undefined {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length < 512 || magic.some((b, i) => bytes[i] !== b)) return undefined;
  // The stream name in the directory, in UTF-16LE.
  const name = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 512; i + name.length <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) if (bytes[i + k] !== name[k]) continue outer;
    return 'encrypted';
  }
  return 'legacy';
}

export type UnzipResult = { ok: true; files: Record<string, Uint8Array> } | { ok: false; reason: 'corrupt' | 'too-big' };

/** Inflates the wanted parts; refuses a part over `maxPart` or a total over `maxTotal` bytes (zip bombs). */
export function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, maxPart: number, maxTotal: number): UnzipResult {
  let total = 0;
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > maxPart || total > maxTotal) {
          tooBig = true;
          return false;
        }
        return true;
      },
    });
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  return tooBig ? { ok: false, reason: 'too-big' } : { ok: true, files };
}
