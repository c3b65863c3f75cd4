// JSON of a large record (the ledger of a site of a million keys) as UTF-8 bytes built from slices: the same text
// as JSON.stringify, without ever holding it as one string (which V8 keeps on its heap beside the bytes sent).
import { Buffer } from 'node:buffer';
import type { StreamedBody } from './ports.js';

/** Slices of this many UTF-16 units are encoded and let go. */
const SLICE = 64 * 1024;

function isLeaf(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/** What JSON.stringify leaves out of an object and writes as null in an array. */
function hasNoJson(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** An array of leaves only (a ledger entry): stringified whole, by V8's own fast path. */
function flatArray(v: unknown[]): boolean {
  for (let i = 0; i < v.length; i++) if (!isLeaf(v[i])) return false;
  return true;
}

/** An object JSON.stringify writes otherwise than by its own keys (a Date): stringified whole. */
function ownJson(v: object): boolean {
  return typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/** An array or object being written: its elements or keys, and how far. */
type Frame = { array: unknown[]; i: number } | { object: Record<string, unknown>; keys: string[]; i: number; first: boolean };

/**
 * `JSON.stringify(value)` (plain data: no indentation) as slices of about SLICE UTF-16 units, in order: joined,
 * exactly that text. Nothing larger than a slice (or one flat entry) is held. One loop over an explicit stack: each
 * object's keys are listed once (a dict of a million keys, enumerated again to test whether it is flat, cost more
 * than writing it), and an entry costs no generator.
 */
export function* jsonSlices(value: unknown): Generator<string, void, undefined> {
  let cur = '';
  const stack: Frame[] = [];
  /** Writes `v` whole, or its opening with a frame to write the rest. */
  const open = (v: unknown): void => {
    if (isLeaf(v) || ownJson(v as object)) cur += JSON.stringify(v);
    else if (Array.isArray(v)) {
      if (flatArray(v)) cur += JSON.stringify(v);
      else {
        cur += '[';
        stack.push({ array: v, i: 0 });
      }
    } else {
      cur += '{';
      stack.push({ object: v as Record<string, unknown>, keys: Object.keys(v as object), i: 0, first: true });
    }
  };
  open(value);
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if ('array' in f) {
      if (f.i === f.array.length) {
        stack.pop();
        cur += ']';
      } else {
        const x: unknown = f.array[f.i];
        if (f.i++ > 0) cur += ',';
        // As JSON.stringify: what has no JSON form is null in an array.
        if (hasNoJson(x)) cur += 'null';
        else open(x);
      }
    } else if (f.i === f.keys.length) {
      stack.pop();
      cur += '}';
    } else {
      const k = f.keys[f.i++]!;
      const x = f.object[k];
      // As JSON.stringify: a property with no JSON form is left out.
      if (!hasNoJson(x)) {
        cur += `${f.first ? '' : ','}${JSON.stringify(k)}:`;
        f.first = false;
        open(x);
      }
    }
    if (cur.length >= SLICE) {
      yield cur;
      cur = '';
    }
  }
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
