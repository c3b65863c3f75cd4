// JSON of a large record (the ledger of a site of a million keys) as UTF-8 bytes built from slices: the same text
// as JSON.stringify, without ever holding it as one string (which V8 keeps on its heap beside the bytes sent).
import { Buffer } from 'node:buffer';
import type { StreamedBody } from './ports.js';

/** Slices of this many UTF-16 units are encoded and let go. */
const SLICE = 64 * 1024;

function isLeaf(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/** Objects and arrays of leaves only (a ledger entry, a header set) are stringified whole. */
function flat(v: object): boolean {
  // Loops, not every()/Object.values(): this runs once per ledger entry, four times per write of a large ledger.
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!isLeaf(v[i])) return false;
    return true;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) if (Object.hasOwn(o, k) && !isLeaf(o[k])) return false;
  return true;
}

/**
 * `JSON.stringify(value)` (plain data: no toJSON, no indentation) as slices of about SLICE UTF-16 units, in order:
 * joined, exactly that text. Nothing larger than a slice (or one flat entry) is held.
 */
export function* jsonSlices(value: unknown): Generator<string, void, undefined> {
  let cur = '';
  function* walk(v: unknown): Generator<string, void, undefined> {
    if (isLeaf(v) || flat(v as object)) {
      cur += JSON.stringify(v);
    } else if (Array.isArray(v)) {
      cur += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) cur += ',';
        const x: unknown = v[i];
        // As JSON.stringify: what has no JSON form is null in an array.
        if (x === undefined || typeof x === 'function' || typeof x === 'symbol') cur += 'null';
        else if (isLeaf(x) || flat(x as object)) cur += JSON.stringify(x);
        else yield* walk(x);
        if (cur.length >= SLICE) {
          yield cur;
          cur = '';
        }
      }
      cur += ']';
    } else {
      cur += '{';
      let first = true;
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        const x = o[k];
        // As JSON.stringify: a property with no JSON form is left out.
        if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
        cur += `${first ? '' : ','}${JSON.stringify(k)}:`;
        first = false;
        // A flat entry (a ledger tuple) is stringified here: no generator per entry.
        if (isLeaf(x) || flat(x as object)) cur += JSON.stringify(x);
        else yield* walk(x);
        if (cur.length >= SLICE) {
          yield cur;
          cur = '';
        }
      }
      cur += '}';
    }
    if (cur.length >= SLICE) {
      yield cur;
      cur = '';
    }
  }
  yield* walk(value);
  if (cur !== '') yield cur;
}

/** `JSON.stringify(value)` as UTF-8 bytes. */
export function jsonBytes(value: unknown): Buffer {
  return Buffer.concat([...jsonSlices(value)].map((s) => Buffer.from(s, 'utf8')));
}

/**
 * `JSON.stringify(value)` as a body sent in UTF-8 chunks: its length counted by one pass, its bytes made by another
 * for each send, so the text of a large record (a ledger of a million keys) is never held whole. `value` must not
 * change until it is sent (the store checks the length: a body that differs fails, it is never cut short).
 */
export function jsonBody(value: unknown): StreamedBody {
  let byteLength = 0;
  for (const s of jsonSlices(value)) byteLength += Buffer.byteLength(s, 'utf8');
  return {
    byteLength,
    *chunks() {
      for (const s of jsonSlices(value)) yield Buffer.from(s, 'utf8');
    },
  };
}
