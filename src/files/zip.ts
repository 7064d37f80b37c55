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
  if (tooBig) return { ok: false, reason: 'too-big' };
  // The parts we read must be what was stored: a damaged byte inflates to other text, not an error.
  const crcs = centralCrcs(bytes);
  for (const [name, data] of Object.entries(files)) {
    const expected = crcs.get(name);
    if (expected !== undefined && checksum(data) !== expected) return { ok: false, reason: 'corrupt' };
  }
  return { ok: true, files };
}

let CRC_TABLES: Uint32Array[] | undefined;
let checksum: (data: Uint8Array) => number = crc32;

/** A faster CRC-32 where the platform has one (Node's zlib.crc32); the task pane keeps this file's. */
export function useCrc32(impl: (data: Uint8Array) => number): void {
  checksum = impl;
}

/** CRC-32 (IEEE), as zip stores it for every entry; eight bytes a step (slicing-by-8 tables). */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLES) {
    const t = Array.from({ length: 8 }, () => new Uint32Array(256));
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[0]![n] = c >>> 0;
    }
    for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k]![n] = (t[k - 1]![n]! >>> 8) ^ t[0]![t[k - 1]![n]! & 0xff]!;
    CRC_TABLES = t;
  }
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
  ];
  let crc = 0xffffffff;
  let i = 0;
  for (const n = data.length - 8; i <= n; i += 8) {
    const lo = (crc ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
    crc =
      t7[lo & 0xff]! ^
      t6[(lo >>> 8) & 0xff]! ^
      t5[(lo >>> 16) & 0xff]! ^
      t4[lo >>> 24]! ^
      t3[data[i + 4]!]! ^
      t2[data[i + 5]!]! ^
      t1[data[i + 6]!]! ^
      t0[data[i + 7]!]!;
  }
  for (; i < data.length; i++) crc = t0[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Each entry's CRC from the central directory, by name (empty when the directory cannot be found). */
function centralCrcs(bytes: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return out;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    out.set(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), view.getUint32(at + 16, true));
    at += 46 + skip;
  }
  return out;
}
