// Sites as views (src/plan/site-view.ts) read exactly as the Maps they replace: the delta chain applied the way the
// ledger defines it (the next newer site, `gone` removed, `set` over it), on generated sites and deltas.
import { describe, expect, it } from '@jest/globals';
import type { ServedHeaders, ServedTuple } from '../src/model/data.js';
import { DeltaSite, RowSite, TupleSite } from '../src/plan/site-view.js';

const table: ServedHeaders[] = [
  { contentType: 'text/html', cacheControl: 'max-age=0' },
  { contentType: 'text/javascript', cacheControl: 'immutable' },
];

/** A small deterministic generator (no dependency on Math.random: a failure is reproducible by its seed). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function tuples(r: () => number, keys: string[]): Record<string, ServedTuple> {
  const out: Record<string, ServedTuple> = {};
  for (const k of keys) if (r() < 0.5) out[k] = [`m${Math.floor(r() * 4)}`, Math.floor(r() * 100), r() < 0.5 ? 0 : 1, r() < 0.3 ? 1 : 0];
  return out;
}

const expand = (t: Record<string, ServedTuple>) =>
  new Map(Object.entries(t).map(([k, [md5, size, h, fp]]) => [k, { md5, size, headers: table[h]!, fingerprinted: fp === 1 }]));

describe('site views', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('a chain of deltas reads as the Maps it encodes (seed %i)', (seed) => {
    const r = rng(seed);
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const newest = tuples(r, keys);
    let view: ReadonlyMap<string, unknown> = new TupleSite(newest, table);
    let reference = expand(newest);
    for (let depth = 0; depth < 4; depth++) {
      const set = tuples(r, keys);
      // `gone` may name keys the newer site lacks, keys `set` also has, and the same key twice.
      const gone = keys.filter(() => r() < 0.3);
      if (gone.length > 0) gone.push(gone[0]!);
      view = new DeltaSite(view as TupleSite, new TupleSite(set, table), gone);
      const next = new Map(reference);
      for (const k of gone) next.delete(k);
      for (const [k, v] of expand(set)) next.set(k, v);
      reference = next;
      expect(view.size).toBe(reference.size);
      expect(new Map(view)).toEqual(reference);
      expect([...view.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const k of [...keys, 'absent']) expect([view.has(k), view.get(k)]).toEqual([reference.has(k), reference.get(k)]);
    }
  });

  it('a tuple site that refers to a header set the table lacks is not complete', () => {
    expect(new TupleSite({ a: ['m', 1, 0, 0] }, table).complete()).toBe(true);
    expect(new TupleSite({ a: ['m', 1, 2, 0] }, table).complete()).toBe(false);
  });

  it('a row site reads each row through its function, by key', () => {
    const rows = [
      { key: 'b', md5: 'm2' },
      { key: 'a', md5: 'm1' },
    ];
    const site = new RowSite(
      rows,
      (x) => x.key,
      (x) => ({ md5: x.md5, size: 1, headers: table[0]!, fingerprinted: false }),
    );
    expect(site.size).toBe(2);
    expect([...site.keys()]).toEqual(['b', 'a']);
    expect(site.get('a')?.md5).toBe('m1');
    expect(site.has('c')).toBe(false);
    expect(site.get('c')).toBeUndefined();
  });

  it.each([1, 2, 3, 4, 5, 6])('a row site answers as a Map of its rows would, in any row order, repeated keys too (seed %i)', (seed) => {
    let s = seed;
    const r = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const names = ['', 'a', 'a/b', 'a.b', 'a-b', 'b', 'é', '😀', 'z14/1/2.png', 'Z', '10', '9'];
    const sorted = seed % 2 === 0;
    const rows = Array.from({ length: 40 }, (_, i) => ({
      key: `${names[Math.floor(r() * names.length)]!}${sorted ? i : Math.floor(r() * 8)}`,
      md5: `m${i}`,
    }));
    if (sorted) rows.sort((a, b) => (a.key < b.key ? -1 : 1));
    const site = new RowSite(
      rows,
      (x) => x.key,
      (x) => ({ md5: x.md5, size: 1, headers: table[0]!, fingerprinted: false }),
    );
    const map = new Map(rows.map((x) => [x.key, x.md5]));
    expect(site.size).toBe(map.size);
    expect([...site.keys()]).toEqual([...map.keys()]);
    expect([...site.entries()].map(([k, v]) => [k, v.md5])).toEqual([...map.entries()]);
    expect([...site.values()].map((v) => v.md5)).toEqual([...map.values()]);
    expect([...site].map(([k, v]) => [k, v.md5])).toEqual([...map]);
    for (const k of [...map.keys(), 'missing', 'a', '']) {
      expect(site.has(k)).toBe(map.has(k));
      expect(site.get(k)?.md5).toBe(map.get(k));
      const i = site.indexOf(k);
      expect(i < 0 ? undefined : rows[i]!.md5).toBe(map.get(k));
    }
  });
});
