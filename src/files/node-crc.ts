/** In Node (the CLI and its readers): zip checksums through zlib's native CRC-32, when this Node has it (20.15 and later). */
import * as zlib from 'node:zlib';
import { useCrc32 } from './zip';

const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
if (typeof native === 'function') useCrc32((data) => native(data) >>> 0);
