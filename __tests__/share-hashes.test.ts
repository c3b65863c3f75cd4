// shareHashes (src/stages/gather.ts) makes equal MD5 strings one string; it must never change a value: the
// listing, the scan and the recorded site read exactly as before, whatever matches and whatever does not.
import { describe, expect, it } from '@jest/globals';
import type { DeployState, LocalFile, RemoteObject, StateEntry } from '../src/model/data.js';
import { shareHashes } from '../src/stages/gather.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Fresh strings (not literals V8 would share), so the test runs the same as on parsed and listed data. */
/** An own property even for `__proto__` (as JSON.parse makes it). */
const put = <T>(o: Record<string, T>, k: string, v: T) =>
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

const md5 = (n: number) => [...`${n}`.padStart(32, '0')].join('');

function generated(seed: number) {
  const r = rng(seed);
  const prefix = r() < 0.5 ? '' : 'site/';
  const state: DeployState = {
    version: 3,
    objects: {},
    deploys: [{ sha: 'a', runId: '1', time: 't', site: { full: {} } }],
    tags: { meta: 'cache-tag', objects: {} },
  };
  const remote: RemoteObject[] = [];
  const files: LocalFile[] = [];
  for (let i = 0; i < 200; i++) {
    const key = `${prefix}${i === 0 ? '__proto__' : `p${i}`}`;
    const m = Math.floor(r() * 6);
    if (r() < 0.8)
      put<StateEntry>(state.objects, key, [
        r() < 0.2 ? `etag${i}` : '',
        md5(m),
        ['hh', 'hx'][i % 2]!,
        r() < 0.5 ? `rh${i % 3}` : undefined,
      ]);
    if (r() < 0.5) put(state.tags!.objects, key, ['#mh', '#m', '#'][i % 3]!);
    if (r() < 0.8) remote.push({ key, etag: md5(r() < 0.7 ? m : m + 1), size: i });
    if (r() < 0.8) files.push({ path: key.slice(prefix.length), size: i, md5: md5(r() < 0.7 ? m : m + 2) });
    if (r() < 0.8) put(state.deploys![0]!.site!.full!, key, [md5(r() < 0.7 ? m : m + 3), i, 0, 0]);
  }
  return { state, remote, files, prefix };
}

describe('shareHashes', () => {
  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('changes no value (seed %i)', (seed) => {
    const g = generated(seed);
    const before = structuredClone({ state: g.state, remote: g.remote, files: g.files });
    shareHashes(g.state, g.remote, g.files, g.prefix);
    expect({ state: g.state, remote: g.remote, files: g.files }).toEqual(before);
    expect(Object.getPrototypeOf(g.state.objects)).toBe(Object.prototype);
  });

  it('a ledger without deploys, an empty listing and scan', () => {
    const state: DeployState = { version: 1, objects: { a: ['', md5(1), 'hh'] } };
    shareHashes(state, [], [], '');
    expect(state).toEqual({ version: 1, objects: { a: ['', md5(1), 'hh'] } });
  });
});

describe('shareHashes: keys', () => {
  // The listing and the walk come in about the ledger's order, not exactly (S3's byte order, a walk that descends
  // into `a/` before `a.html`): sharing is by a merge, and a key out of order must be left as it is, never changed.
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('changes no key or path, in any order (seed %i)', (seed) => {
    const g = generated(seed);
    const r = rng(seed + 1000);
    const shuffle = <T>(xs: T[]) => {
      for (let i = xs.length - 1; i > 0; i--) {
        if (r() < 0.3) {
          const j = Math.floor(r() * (i + 1));
          [xs[i], xs[j]] = [xs[j]!, xs[i]!];
        }
      }
    };
    shuffle(g.remote);
    shuffle(g.files);
    const before = structuredClone({ state: g.state, remote: g.remote, files: g.files });
    shareHashes(g.state, g.remote, g.files, g.prefix);
    expect(g.remote.map((o) => o.key)).toEqual(before.remote.map((o) => o.key));
    expect(g.files.map((f) => f.path)).toEqual(before.files.map((f) => f.path));
    expect({ state: g.state, remote: g.remote, files: g.files }).toEqual(before);
  });
});
