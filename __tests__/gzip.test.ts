// Deterministic gzip (src/plan/gzip.ts).
import { createHash, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GZIP_OS_UNIX, gzipDeterministic } from '../src/plan/gzip.js';

const text = Buffer.from('<!doctype html><title>x</title>' + 'hello gzip '.repeat(500));

describe('gzipDeterministic', () => {
  it.each<[string, Buffer]>([
    ['empty', Buffer.alloc(0)],
    ['one byte', Buffer.from('a')],
    ['text', text],
    ['incompressible', randomBytes(70_000)],
  ])('%s: round-trips, and the header has no mtime, no name, XFL 2 (level 9) and OS 3', (_label, input) => {
    const out = gzipDeterministic(input);
    expect(gunzipSync(out).equals(input)).toBe(true);
    expect([...out.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]); // magic, deflate, FLG: no FNAME/FCOMMENT/FEXTRA/FHCRC
    expect(out.readUInt32LE(4)).toBe(0); // MTIME
    expect(out[8]).toBe(2); // XFL: maximum compression
    expect(out[9]).toBe(GZIP_OS_UNIX);
    expect(GZIP_OS_UNIX).toBe(3);
  });

  it('the same input gives byte-identical output, call after call', () => {
    const digests = new Set(Array.from({ length: 5 }, () => createHash('md5').update(gzipDeterministic(text)).digest('hex')));
    expect(digests.size).toBe(1);
    expect(gzipDeterministic(Buffer.from(text)).equals(gzipDeterministic(text))).toBe(true);
  });

  it('is level 9: as small as zlib level 9, smaller than the fastest level', () => {
    const out = gzipDeterministic(text);
    expect(out.length).toBe(gzipSync(text, { level: 9 }).length);
    expect(out.length).toBeLessThan(gzipSync(text, { level: 1 }).length);
  });

  it('different input -> different output', () => {
    expect(gzipDeterministic(Buffer.from('a')).equals(gzipDeterministic(Buffer.from('b')))).toBe(false);
  });

  it('does not modify its input', () => {
    const input = Buffer.from(text);
    gzipDeterministic(input);
    expect(input.equals(text)).toBe(true);
  });
});
