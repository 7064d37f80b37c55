/**
 * The document relay: the task pane posts the .docx bytes and gets a short-lived, single-use URL on
 * its own origin, which it opens in the system browser (blob downloads do not work in the desktop
 * webviews). Documents live in memory only, capped in size, count and lifetime.
 */
import { randomBytes } from 'node:crypto';

export type RelayLimits = {
  /** Largest document accepted, in bytes. */
  maxBytes: number;
  /** Most documents held at once. */
  maxDocuments: number;
  /** Lifetime of a link, in milliseconds. */
  ttlMs: number;
};

export const DEFAULT_LIMITS: RelayLimits = { maxBytes: 20 * 1024 * 1024, maxDocuments: 50, ttlMs: 2 * 60 * 1000 };

export type RelayDocument = { bytes: Buffer; filename: string; contentType: string; expires: number };

export class RelayFullError extends Error {}

export class RelayStore {
  private documents = new Map<string, RelayDocument>();

  constructor(
    readonly limits: RelayLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores a document; returns its unguessable token (256 random bits). */
  put(bytes: Buffer, filename: string, contentType: string): string {
    this.sweep();
    if (this.documents.size >= this.limits.maxDocuments) throw new RelayFullError('relay is full');
    const token = randomBytes(32).toString('base64url');
    this.documents.set(token, { bytes, filename, contentType, expires: this.now() + this.limits.ttlMs });
    return token;
  }

  /** Hands a document out once: it is gone afterwards. Expired or unknown tokens give nothing. */
  take(token: string): RelayDocument | undefined {
    const doc = this.documents.get(token);
    if (!doc) return undefined;
    this.documents.delete(token);
    return doc.expires > this.now() ? doc : undefined;
  }

  /** Forgets expired documents. */
  sweep(): void {
    const t = this.now();
    for (const [token, doc] of this.documents) if (doc.expires <= t) this.documents.delete(token);
  }

  get size(): number {
    return this.documents.size;
  }

  get bytesHeld(): number {
    let n = 0;
    for (const d of this.documents.values()) n += d.bytes.length;
    return n;
  }
}
