// JSON of a large record (the ledger of a site of a million keys) as UTF-8 bytes built from slices: the same text
// as JSON.stringify, without ever holding it as one string (which V8 keeps on its heap beside the bytes sent).
import { Buffer } from 'node:buffer';

/** Slices of this many UTF-16 units are encoded and let go. */
const SLICE = 64 * 1024;

function isLeaf(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/** Objects and arrays of leaves only (a ledger entry, a header set) are stringified whole. */
function flat(v: object): boolean {
  return Array.isArray(v) ? v.every(isLeaf) : Object.values(v as Record<string, unknown>).every(isLeaf);
}

/** `JSON.stringify(value)` (plain data: no toJSON, no indentation) as UTF-8 bytes. */
export function jsonBytes(value: unknown): Buffer {
  const chunks: Buffer[] = [];
  let cur = '';
  const put = (s: string) => {
    cur += s;
    if (cur.length >= SLICE) {
      chunks.push(Buffer.from(cur, 'utf8'));
      cur = '';
    }
  };
  const walk = (v: unknown): void => {
    if (isLeaf(v) || flat(v as object)) {
      put(JSON.stringify(v));
      return;
    }
    if (Array.isArray(v)) {
      put('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) put(',');
        const x: unknown = v[i];
        // As JSON.stringify: what has no JSON form is null in an array.
        if (x === undefined || typeof x === 'function' || typeof x === 'symbol') put('null');
        else walk(x);
      }
      put(']');
      return;
    }
    put('{');
    let first = true;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const x = o[k];
      // As JSON.stringify: a property with no JSON form is left out.
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      put(`${first ? '' : ','}${JSON.stringify(k)}:`);
      first = false;
      walk(x);
    }
    put('}');
  };
  walk(value);
  chunks.push(Buffer.from(cur, 'utf8'));
  return Buffer.concat(chunks);
}
