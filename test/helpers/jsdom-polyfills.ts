/** What jsdom lacks and every browser the task pane runs in has. Import first in jsdom tests. */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

// The docx packer and the report readers need them.
globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof TextEncoder;
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;

// Fluent's MessageBar only uses it to reflow its actions.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

// pdf.js passes its messages through it.
globalThis.structuredClone ??= ((value: unknown) => deserialize(serialize(value))) as typeof structuredClone;
