/** Opening Office files (zip packages) safely: only the parts asked for are inflated, within size caps. */
import { unzipSync } from 'fflate';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
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
