/**
 * A forward-only XML scanner for the Office parts we read (.xlsx sheets, shared strings, workbook
 * and relationships; the .docx body). It walks the text once with indexOf, builds no tree and keeps
 * nothing it has passed, so reading time and memory are linear in the part and the readers can
 * apply their limits while reading. It does what those parts need and no more: elements,
 * attributes, text with the five named entities and character references, CDATA; comments,
 * processing instructions and a DOCTYPE are skipped (its entities are never expanded: no
 * billion-laughs). It checks that each end tag closes the open element, so a cut or garbled part is
 * refused rather than read partly.
 */

export class XmlScanError extends Error {}

export const Token = { End: 0, Open: 1, Close: 2, Text: 3 } as const;
export type Token = (typeof Token)[keyof typeof Token];

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five named entities and numeric character references; anything else is kept as written. */
export function decodeXmlText(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  let out = '';
  let from = 0;
  let semi = -1;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', amp + 1)) {
    // The next ';' is looked up again only once passed, so a text of many '&' stays linear.
    if (semi <= amp) semi = raw.indexOf(';', amp + 1);
    if (semi < 0) break;
    if (semi - amp > 12) continue;
    const ref = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 0x23) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) ch = String.fromCodePoint(code);
    } else ch = NAMED[ref];
    if (ch === undefined) continue;
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = semi;
  }
  return out + raw.slice(from);
}

/**
 * A pull cursor: `next()` moves to the next element start, element end or text run and returns its
 * kind. A self-closing element gives Open (with `selfClosing`) and then Close.
 */
export class XmlCursor {
  /** Qualified name of the current element (Open and Close). */
  name = '';
  /** Name after any namespace prefix. */
  local = '';
  selfClosing = false;
  /** Depth of the current element (1 for the root); for Text, the depth of the element holding it. */
  depth = 0;
  private pos = 0;
  private attrFrom = 0;
  private attrTo = 0;
  private textFrom = 0;
  private textTo = 0;
  private cdata = false;
  private pendingClose = false;
  private readonly stack: string[] = [];
  /** The open elements' local names, beside their qualified names. */
  private readonly locals: string[] = [];

  constructor(private readonly xml: string) {}

  next(): Token {
    const xml = this.xml;
    if (this.pendingClose) {
      this.pendingClose = false;
      this.stack.pop();
      this.locals.pop();
      this.depth = this.stack.length + 1;
      return Token.Close;
    }
    for (;;) {
      const at = this.pos;
      if (at >= xml.length) {
        if (this.stack.length > 0) throw new XmlScanError(`元素 ${this.stack[this.stack.length - 1]} 没有结束`);
        return Token.End;
      }
      if (xml.charCodeAt(at) !== LT) {
        let lt = xml.indexOf('<', at);
        if (lt < 0) lt = xml.length;
        this.pos = lt;
        if (this.stack.length === 0) continue; // whitespace around the root
        this.textFrom = at;
        this.textTo = lt;
        this.cdata = false;
        this.depth = this.stack.length;
        return Token.Text;
      }
      const c = xml.charCodeAt(at + 1);
      if (c === BANG) {
        if (xml.startsWith('<!--', at)) {
          this.pos = this.after('-->', at + 4);
          continue;
        }
        if (xml.startsWith('<![CDATA[', at)) {
          const end = xml.indexOf(']]>', at + 9);
          if (end < 0) throw new XmlScanError('CDATA 没有结束');
          this.pos = end + 3;
          this.textFrom = at + 9;
          this.textTo = end;
          this.cdata = true;
          this.depth = this.stack.length;
          return Token.Text;
        }
        this.pos = this.skipDeclaration(at);
        continue;
      }
      if (c === QUESTION) {
        this.pos = this.after('?>', at + 2);
        continue;
      }
      const gt = this.tagEnd(at);
      if (c === SLASH) {
        let end = gt;
        while (end > at + 2 && isSpace(xml.charCodeAt(end - 1))) end--;
        const open = this.stack.pop();
        // Compared in place: the end tag's name is not copied out of the text.
        if (open === undefined || end - at - 2 !== open.length || !xml.startsWith(open, at + 2)) {
          const name = xml.slice(at + 2, end);
          throw new XmlScanError(open === undefined ? `多余的结束标记 ${name}` : `${open} 的结束标记写成了 ${name}`);
        }
        this.pos = gt + 1;
        this.name = open;
        this.local = this.locals.pop()!;
        this.depth = this.stack.length + 1;
        return Token.Close;
      }
      let nameEnd = at + 1;
      while (nameEnd < gt) {
        const ch = xml.charCodeAt(nameEnd);
        if (isSpace(ch) || ch === SLASH) break;
        nameEnd++;
      }
      const name = xml.slice(at + 1, nameEnd);
      if (name === '') throw new XmlScanError('标记没有名称');
      this.selfClosing = xml.charCodeAt(gt - 1) === SLASH;
      this.attrFrom = nameEnd;
      this.attrTo = this.selfClosing ? gt - 1 : gt;
      this.pos = gt + 1;
      this.setName(name);
      this.stack.push(name);
      this.locals.push(this.local);
      this.depth = this.stack.length;
      if (this.selfClosing) this.pendingClose = true;
      return Token.Open;
    }
  }

  /** An attribute of the current start tag, by qualified name, decoded; undefined when absent. */
  attr(name: string): string | undefined {
    const raw = this.rawAttr((n) => n === name);
    return raw === undefined || raw.indexOf('&') < 0 ? raw : decodeXmlText(raw);
  }

  /** An attribute by its name after any prefix (`r:id`, `x:id` → `id`). */
  attrLocal(local: string): string | undefined {
    const raw = this.rawAttr((n) => n === local || n.endsWith(`:${local}`));
    return raw === undefined ? undefined : decodeXmlText(raw);
  }

  /** The current text run, decoded (CDATA as written). */
  text(): string {
    const raw = this.xml.slice(this.textFrom, this.textTo);
    return this.cdata || raw.indexOf('&') < 0 ? raw : decodeXmlText(raw);
  }

  /** Skips to the end of the current element (after an Open): its content is not looked at. */
  skipElement(): void {
    if (this.pendingClose) return;
    const depth = this.stack.length;
    for (;;) {
      const t = this.next();
      if (t === Token.End) return;
      if (t === Token.Close && this.stack.length < depth) {
        // next() already popped: push it back so the caller sees the Close of the skipped element.
        this.stack.push(this.name);
        this.locals.push(this.local);
        this.pendingClose = true;
        return;
      }
    }
  }

  private setName(name: string): void {
    this.name = name;
    const colon = name.indexOf(':');
    this.local = colon < 0 ? name : name.slice(colon + 1);
  }

  private rawAttr(match: (name: string) => boolean): string | undefined {
    const xml = this.xml;
    let i = this.attrFrom;
    const to = this.attrTo;
    while (i < to) {
      while (i < to && isSpace(xml.charCodeAt(i))) i++;
      if (i >= to) break;
      const eq = xml.indexOf('=', i);
      if (eq < 0 || eq >= to) break;
      let nameEnd = eq;
      while (nameEnd > i && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
      const name = xml.slice(i, nameEnd);
      let q = eq + 1;
      while (q < to && isSpace(xml.charCodeAt(q))) q++;
      const quote = xml[q];
      if (quote !== '"' && quote !== "'") break;
      const close = xml.indexOf(quote, q + 1);
      if (close < 0 || close > to) break;
      if (match(name)) return xml.slice(q + 1, close);
      i = close + 1;
    }
    return undefined;
  }

  /**
   * Index of the '>' that ends the tag starting at `at`; a '>' inside a quoted attribute does not.
   * One pass over the tag (tags do not overlap, so over the whole text too), a quoted value skipped
   * by one search for its closing quote.
   */
  private tagEnd(at: number): number {
    const xml = this.xml;
    const n = xml.length;
    for (let i = at + 1; i < n; i++) {
      const ch = xml.charCodeAt(i);
      if (ch === GT) return i;
      if (ch === 0x22 || ch === 0x27) {
        const close = xml.indexOf(ch === 0x22 ? '"' : "'", i + 1);
        if (close < 0) throw new XmlScanError('属性值没有结束');
        i = close;
      }
    }
    throw new XmlScanError('标记没有结束');
  }

  private after(end: string, from: number): number {
    const i = this.xml.indexOf(end, from);
    if (i < 0) throw new XmlScanError(`缺少 ${end}`);
    return i + end.length;
  }

  /** A `<!DOCTYPE …>` or other declaration, with an internal subset in brackets: skipped whole. */
  private skipDeclaration(at: number): number {
    const xml = this.xml;
    let i = at + 2;
    let bracket = 0;
    for (; i < xml.length; i++) {
      const ch = xml.charCodeAt(i);
      if (ch === 0x5b) bracket++;
      else if (ch === 0x5d) bracket--;
      else if (ch === GT && bracket <= 0) return i + 1;
    }
    throw new XmlScanError('声明没有结束');
  }
}
