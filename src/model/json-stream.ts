// JSON read as it arrives: the value JSON.parse would give of the whole text, built from pieces of it, so the text
// of a large record (the ledger of a million keys: hundreds of MB) is never held whole, as bytes or as one string
// (V8's longest string is 2^29 - 24 units: past that a ledger could not be read at all).
//
// Each value that holds no array or object (a ledger entry, a header set, a hash) is handed whole to JSON.parse,
// which builds it as it would in the whole text; only the containers around them are built here. (stream-json and
// @streamparser/json build every value token by token: 2.8-3.8x slower than JSON.parse on a ledger of a million
// keys, and their arrays grown by push hold several times the memory of JSON.parse's.)

/** A flat value still unfinished after this many units of text is built piece by piece (no rescanning it). */
const FLAT_MAX = 64 * 1024;

const enum Want {
  Value,
  /** After `[`: a value or `]`. */
  ValueOrEnd,
  /** After `{`: a key or `}`. */
  KeyOrEnd,
  Key,
  Colon,
  CommaOrEnd,
  Done,
}

interface Frame {
  value: unknown[] | Record<string, unknown>;
  array: boolean;
  key: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Ends a number or literal token. */
function isDelimiter(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c);
}

/** An own property, as JSON.parse makes it (also for `__proto__`, which an assignment would take as the prototype). */
function define(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else o[key] = value;
}

/**
 * Reads JSON text given in pieces (`write`, in order; any split, even inside a token) and gives the value at `end`.
 * Throws a SyntaxError, as JSON.parse would, for text that is not one JSON value.
 */
export class JsonAssembler {
  private text = '';
  private pos = 0;
  /** Units of text consumed before `text` (for error positions). */
  private consumed = 0;
  private want = Want.Value;
  private readonly stack: Frame[] = [];
  private root: unknown = undefined;

  write(piece: string): void {
    this.text = this.pos < this.text.length ? this.text.slice(this.pos) + piece : piece;
    this.consumed += this.pos;
    this.pos = 0;
    this.run(false);
  }

  end(): unknown {
    this.run(true);
    this.skipSpace();
    // What is left after the last whole token is the start of one the text ends in.
    if (this.want !== Want.Done) this.fail('Unexpected end of JSON input');
    if (this.pos < this.text.length) this.fail('Unexpected non-whitespace character after JSON');
    const v = this.root;
    this.root = undefined;
    this.text = '';
    return v;
  }

  /** A SyntaxError at pos in the whole text; `where`: how the position relates to the error. */
  private fail(what: string, where = 'at position'): never {
    throw new SyntaxError(`${what} ${where} ${this.consumed + this.pos}`);
  }

  /** JSON.parse's message without its position (which counts in the part it was given). */
  private static reason(err: unknown): string {
    return (err as Error).message.replace(/ in JSON at position \d+.*$/s, '').slice(0, 200);
  }

  private skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length && isSpace(t.charCodeAt(this.pos))) this.pos++;
  }

  /** Reads tokens while the text holds whole ones; `final`: no more text comes. */
  private run(final: boolean): void {
    const t = this.text;
    for (;;) {
      this.skipSpace();
      if (this.pos >= t.length || this.want === Want.Done) return;
      const c = t.charCodeAt(this.pos);
      switch (this.want) {
        case Want.Value:
        case Want.ValueOrEnd:
          if (this.want === Want.ValueOrEnd && c === CLOSE_BRACKET) {
            this.close();
            break;
          }
          if (this.stack.length > 0 && this.stack[this.stack.length - 1]!.array && this.batch()) break;
          if (!this.value(c, final)) return;
          break;
        case Want.KeyOrEnd:
        case Want.Key: {
          if (this.want === Want.KeyOrEnd && c === CLOSE_BRACE) {
            this.close();
            break;
          }
          if (c === QUOTE && this.batch()) break;
          if (c !== QUOTE) this.fail(`Unexpected token '${t[this.pos]}' where a key was expected`);
          const end = this.stringEnd(this.pos);
          if (end < 0) return;
          this.stack[this.stack.length - 1]!.key = this.parse(t.slice(this.pos, end), this.pos, 'in the key at position') as string;
          this.pos = end;
          this.want = Want.Colon;
          break;
        }
        case Want.Colon:
          if (c !== COLON) this.fail(`Unexpected token '${t[this.pos]}' where ':' was expected`);
          this.pos++;
          this.want = Want.Value;
          break;
        case Want.CommaOrEnd: {
          const top = this.stack[this.stack.length - 1]!;
          if (c === COMMA) {
            this.pos++;
            this.want = top.array ? Want.Value : Want.Key;
          } else if (c === (top.array ? CLOSE_BRACKET : CLOSE_BRACE)) this.close();
          else this.fail(`Unexpected token '${t[this.pos]}' where ',' or '${top.array ? ']' : '}'}' was expected`);
          break;
        }
      }
    }
  }

  /**
   * Reads the members from pos on (of the container being built) that hold no array or object deeper than their
   * own value, up to about FLAT_MAX units of text, with one JSON.parse: a dict of a million entries costs a few
   * thousand calls, and its keys come internalized as JSON.parse makes them. False when not one member is whole.
   */
  private batch(): boolean {
    const t = this.text;
    const top = this.stack[this.stack.length - 1]!;
    const from = this.pos;
    const limit = Math.min(t.length, from + FLAT_MAX);
    // First a guess, without scanning: the members up to the last comma after a value's end (`],` `},` `",`).
    // JSON.parse takes it only if that comma is between this container's members (one inside a value leaves a
    // bracket open; one past this container's close leaves text after it; a string holds no bare quote).
    const guess = Math.max(t.lastIndexOf('],', limit - 2), t.lastIndexOf('},', limit - 2), t.lastIndexOf('",', limit - 2)) + 1;
    if (guess > from && guess - from >= FLAT_MAX / 4) {
      const members = this.tryParse(top.array ? '[' : '{', t.slice(from, guess), top.array ? ']' : '}');
      if (members !== undefined) {
        this.take(top, members);
        this.pos = guess;
        this.want = Want.CommaOrEnd;
        return true;
      }
    }
    let depth = 0;
    /** Where the last whole member ends (at its comma, or at the container's close). */
    let last = -1;
    for (let i = from; i < limit;) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) {
        const e = this.stringEnd(i);
        if (e < 0) break;
        i = e;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (depth > 0) break;
        depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === 0) {
          last = i;
          break;
        }
        depth--;
      } else if (c === COMMA && depth === 0) last = i;
      i++;
    }
    if (last <= from) return false;
    const [open, close] = top.array ? ['[', ']'] : ['{', '}'];
    this.take(top, this.parse(open + t.slice(from, last) + close, from, 'in the members from position'));
    this.pos = last;
    this.want = Want.CommaOrEnd;
    return true;
  }

  /** Adds parsed members to the container being built. */
  private take(top: Frame, members: unknown): void {
    if (top.array) {
      const items = members as unknown[];
      const target = top.value as unknown[];
      for (let k = 0; k < items.length; k++) target.push(items[k]);
      return;
    }
    const m = members as Record<string, unknown>;
    const target = top.value as Record<string, unknown>;
    // A loop, not Object.assign (1.5x slower into a dictionary of a million keys); the keys, as JSON.parse made
    // them, are internalized already.
    const keys = Object.keys(m);
    for (let k = 0; k < keys.length; k++) define(target, keys[k]!, m[keys[k]!]);
  }

  /** JSON.parse of `open + text + close`, or undefined when that is not JSON. */
  private tryParse(open: string, text: string, close: string): unknown {
    try {
      return JSON.parse(open + text + close) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Reads the value at pos; false when the text ends inside it (more is needed). */
  private value(c: number, final: boolean): boolean {
    const t = this.text;
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const end = this.flatEnd(this.pos);
      if (end > 0) {
        this.attach(this.parse(t.slice(this.pos, end), this.pos, 'in the value at position'));
        this.pos = end;
        return true;
      }
      if (end === -2 && t.length - this.pos <= FLAT_MAX) return false;
      // Nested (or a long flat one): this container is built here, its members read one by one.
      const array = c === OPEN_BRACKET;
      const container: unknown[] | Record<string, unknown> = array ? [] : {};
      this.attach(container);
      this.stack.push({ value: container, array, key: '' });
      this.pos++;
      this.want = array ? Want.ValueOrEnd : Want.KeyOrEnd;
      return true;
    }
    let end: number;
    if (c === QUOTE) {
      end = this.stringEnd(this.pos);
    } else {
      end = this.pos;
      while (end < t.length && !isDelimiter(t.charCodeAt(end))) end++;
      if (end === t.length && !final) end = -1;
      if (end === this.pos) this.fail(`Unexpected token '${t[this.pos]}'`);
    }
    if (end < 0) return false;
    this.attach(this.parse(t.slice(this.pos, end), this.pos, 'in the value at position'));
    this.pos = end;
    return true;
  }

  /** JSON.parse of `text`, which starts at `from` in the whole text: its error placed there (`where`: how). */
  private parse(text: string, from: number, where: string): unknown {
    try {
      return JSON.parse(text);
    } catch (err) {
      this.pos = from;
      return this.fail(JsonAssembler.reason(err), where);
    }
  }

  private attach(v: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.root = v;
      this.want = Want.Done;
    } else {
      if (top.array) (top.value as unknown[]).push(v);
      else define(top.value as Record<string, unknown>, top.key, v);
      this.want = Want.CommaOrEnd;
    }
  }

  private close(): void {
    this.pos++;
    this.stack.pop();
    this.want = this.stack.length === 0 ? Want.Done : Want.CommaOrEnd;
  }

  /** The end (exclusive) of the string token at `at`, or -1 when the text ends first. */
  private stringEnd(at: number): number {
    const t = this.text;
    let i = at + 1;
    for (;;) {
      const q = t.indexOf('"', i);
      if (q < 0) return -1;
      // An escape before the quote (looked for up to it only: most strings have none) is skipped, then on.
      while (i < q && t.charCodeAt(i) !== BACKSLASH) i++;
      if (i === q) return q + 1;
      i += 2;
      if (i > t.length) return -1;
    }
  }

  /**
   * The end (exclusive) of the array or object at `at` when it holds no array or object; -1 when it does; -2 when
   * the text ends first.
   */
  private flatEnd(at: number): number {
    const t = this.text;
    for (let i = at + 1; i < t.length;) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) {
        const e = this.stringEnd(i);
        if (e < 0) return -2;
        i = e;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) return i + 1;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) return -1;
      else i++;
    }
    return -2;
  }
}

/** JSON.parse of the text given in pieces (see JsonAssembler). */
export function parseJsonPieces(pieces: Iterable<string>): unknown {
  const a = new JsonAssembler();
  for (const p of pieces) a.write(p);
  return a.end();
}
