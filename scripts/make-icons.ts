/**
 * Draws the add-in's ribbon and store icons (a report page with a check mark on the Fluent brand
 * blue) and writes them as PNG files into assets/. Deterministic: the same sizes give the same bytes.
 * Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];
const BLUE: RGBA = [15, 108, 189, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const LINE: RGBA = [143, 184, 230, 255];
const GREEN: RGBA = [16, 124, 16, 255];

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The 检查报告 button: a table with a red and a yellow cell under a green check. */
function shadeCheck(x: number, y: number): RGBA | undefined {
  let c: RGBA | undefined;
  if (x > 0.08 && x < 0.78 && y > 0.1 && y < 0.8) {
    c = WHITE;
    const gx = (x - 0.08) / 0.7;
    const gy = (y - 0.1) / 0.7;
    const onLine = Math.abs(gx * 3 - Math.round(gx * 3)) < 0.09 || Math.abs(gy * 3 - Math.round(gy * 3)) < 0.09;
    if (onLine) c = BLUE;
    else if (gx > 1 / 3 && gx < 2 / 3 && gy > 1 / 3 && gy < 2 / 3) c = [255, 199, 206, 255];
    else if (gx > 2 / 3 && gy < 1 / 3) c = [255, 235, 156, 255];
  }
  const check = Math.min(segmentDistance(x, y, 0.5, 0.72, 0.64, 0.86), segmentDistance(x, y, 0.64, 0.86, 0.94, 0.5));
  if (check < 0.12) c = WHITE;
  if (check < 0.07) c = GREEN;
  return c;
}

/** The 生成Word报告 button: a page with text lines and a blue W band. */
function shadeWord(x: number, y: number): RGBA | undefined {
  let c: RGBA | undefined;
  if (x > 0.22 && x < 0.9 && y > 0.06 && y < 0.94) {
    c = WHITE;
    if (x < 0.25 || x > 0.87 || y < 0.09 || y > 0.91) c = [96, 96, 96, 255];
    for (const ly of [0.2, 0.34, 0.48, 0.62, 0.76]) if (x > 0.5 && x < 0.8 && y > ly && y < ly + 0.06) c = LINE;
  }
  if (x > 0.06 && x < 0.56 && y > 0.26 && y < 0.74) {
    c = [24, 90, 189, 255];
    // A white W: four strokes.
    const w = Math.min(
      segmentDistance(x, y, 0.14, 0.36, 0.22, 0.64),
      segmentDistance(x, y, 0.22, 0.64, 0.31, 0.42),
      segmentDistance(x, y, 0.31, 0.42, 0.4, 0.64),
      segmentDistance(x, y, 0.4, 0.64, 0.48, 0.36),
    );
    if (w < 0.035) c = WHITE;
  }
  return c;
}

/** 生成模板: a sheet with the table's grid (header row shaded). */
function shadeTemplate(x: number, y: number): RGBA | undefined {
  if (x < 0.1 || x > 0.9 || y < 0.14 || y > 0.86) return undefined;
  const edge = x < 0.15 || x > 0.85 || y < 0.19 || y > 0.81;
  if (edge) return BLUE;
  const col = [0.42, 0.63].some((g) => Math.abs(x - g) < 0.03);
  const row = [0.38, 0.6].some((g) => Math.abs(y - g) < 0.03);
  if (col || row) return BLUE;
  return y < 0.38 ? LINE : WHITE;
}

/** 帮助: a question mark in a circle. */
function shadeHelp(x: number, y: number): RGBA | undefined {
  const d = Math.hypot(x - 0.5, y - 0.5);
  if (d > 0.42) return undefined;
  const arc = Math.abs(Math.hypot(x - 0.5, y - 0.4) - 0.15) < 0.055 && !(y > 0.4 && x < 0.5);
  const stem = segmentDistance(x, y, 0.5, 0.55, 0.5, 0.62) < 0.055;
  const dot = Math.hypot(x - 0.5, y - 0.75) < 0.06;
  return arc || stem || dot ? WHITE : BLUE;
}

/** Colour of the icon at a point of the unit square (later shapes paint over earlier ones). */
function shade(x: number, y: number): RGBA | undefined {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return undefined;
  let c: RGBA = BLUE;
  if (x > 0.24 && x < 0.76 && y > 0.14 && y < 0.86) c = WHITE;
  for (const ly of [0.3, 0.44, 0.58]) if (x > 0.33 && x < 0.67 && y > ly && y < ly + 0.065) c = LINE;
  const check = Math.min(segmentDistance(x, y, 0.47, 0.68, 0.57, 0.79), segmentDistance(x, y, 0.57, 0.79, 0.82, 0.5));
  if (check < 0.1) c = WHITE;
  if (check < 0.055) c = GREEN;
  return c;
}

function render(size: number, shape: (x: number, y: number) => RGBA | undefined = shade): Buffer {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shape((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) acc[i]! += c[i]! * c[3];
          acc[3]! += c[3];
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const a = acc[3]!;
      for (let i = 0; i < 3; i++) raw[o + i] = a ? Math.round(acc[i]! / a) : 0;
      raw[o + 3] = Math.round(a / (ss * ss));
    }
  }
  return png(size, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(__dirname, '..', 'assets', `icon-${size}.png`), render(size));
for (const size of [16, 32, 80]) writeFileSync(join(__dirname, '..', 'assets', `check-${size}.png`), render(size, shadeCheck));
for (const size of [16, 32, 80]) writeFileSync(join(__dirname, '..', 'assets', `word-${size}.png`), render(size, shadeWord));
for (const size of [16, 32, 80]) writeFileSync(join(__dirname, '..', 'assets', `template-${size}.png`), render(size, shadeTemplate));
for (const size of [16, 32, 80]) writeFileSync(join(__dirname, '..', 'assets', `help-${size}.png`), render(size, shadeHelp));
