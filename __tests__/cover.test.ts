import fc from 'fast-check';
import {
  isValidCloudFrontPath,
  matchesCloudFrontPath,
  planCover,
  planCoverTuned,
  wildcardSpecificity,
  type CoverTuning,
} from '../src/plan/cover.js';
import type { CoverInput, CoverResult } from '../src/model/data.js';

const HI = '\uD83D';
const GRIN = '\uD83D\uDE00'; // 😀
const BEAM = '\uD83D\uDE01'; // 😁 (same high surrogate as 😀)

/** Structural checks every result must pass. */
function checkValid(input: CoverInput, r: CoverResult): void {
  const W = Math.min(input.maxWildcards ?? input.budget, input.budget);
  const stale = [...new Set(input.stale)];
  expect(r.paths.length).toBeLessThanOrEqual(input.budget);
  expect(r.paths.filter((p) => p.wildcard).length).toBeLessThanOrEqual(W);
  expect(new Set(r.paths.map((p) => p.path)).size).toBe(r.paths.length);
  for (const p of r.paths) {
    expect(isValidCloudFrontPath(p.path)).toBe(true);
    expect(p.path).not.toContain('~'); // CloudFront rejects a raw '~'; '%7E' clears nothing
    expect(p.wildcard).toBe(p.path.endsWith('*'));
    // never cut inside a surrogate pair
    const prefix = p.wildcard ? p.path.slice(0, -1) : p.path;
    const last = prefix.charCodeAt(prefix.length - 1);
    if (p.wildcard) expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    expect(p.covers).toBe(stale.filter((s) => matchesCloudFrontPath(p.path, s)).length);
  }
  for (const s of stale) expect(r.paths.some((p) => matchesCloudFrontPath(p.path, s))).toBe(true);
  if (input.existing === null) {
    expect(r.collateral).toBeNull();
  } else {
    const sset = new Set(stale);
    const u = [...new Set(input.existing)].filter((x) => !sset.has(x));
    const wild = r.paths.filter((p) => p.wildcard);
    expect(r.collateral).toBe(u.filter((x) => wild.some((p) => matchesCloudFrontPath(p.path, x))).length);
    for (const p of wild) expect(p.collateral).toBe(u.filter((x) => matchesCloudFrontPath(p.path, x)).length);
  }
  expect(r.fellBackToAll).toBe(r.paths.length === 1 && r.paths[0]!.path === '/*');
  expect(r.reason).not.toContain('\n');
}

const sorted = (r: CoverResult) => r.paths.map((p) => p.path);

describe('matchesCloudFrontPath / isValidCloudFrontPath', () => {
  test.each([
    ['/a', '/a', true],
    ['/a', '/ab', false],
    ['/a*', '/a', true],
    ['/a*', '/ab/c', true],
    ['/img/hero*', '/img/hero-1.png', true],
    ['/img/hero*', '/img/logo.png', false],
    ['/*', '/', true],
    ['/a*', '/a*b', true],
  ])('%s matches %s: %s', (pattern, path, want) => {
    expect(matchesCloudFrontPath(pattern, path)).toBe(want);
  });
  test.each([
    ['/a', true],
    ['/a*', true],
    ['/*', true],
    ['a', false],
    ['/a*b', false],
    ['/a**', false],
  ])('%s valid: %s', (p, want) => expect(isValidCloudFrontPath(p)).toBe(want));
});

describe('planCover: table', () => {
  interface Case {
    name: string;
    input: CoverInput;
    paths: string[];
    collateral?: number | null;
    fellBackToAll?: boolean;
    reason?: RegExp;
  }
  const cases: Case[] = [
    {
      name: '|S| <= B: sent exactly, duplicates removed',
      input: { stale: ['/b', '/a', '/b', '/c/d.html'], existing: ['/x', '/a'], budget: 3 },
      paths: ['/a', '/b', '/c/d.html'],
      collateral: 0,
      reason: /^3 stale paths fit the budget of 3: sent exactly$/,
    },
    {
      name: '|S| <= B with unknown origin: exact, collateral null',
      input: { stale: ['/a', '/b'], existing: null, budget: 2 },
      paths: ['/a', '/b'],
      collateral: null,
    },
    {
      name: 'collapse to /img/*',
      input: {
        stale: ['/img/a.png', '/img/b.png', '/img/c.png', '/index.html'],
        existing: ['/img/logo.png', '/index.css', '/about.html'],
        budget: 2,
      },
      paths: ['/img/*', '/index.html'],
      collateral: 1,
      reason: /^4 stale paths over budget 2: 1 exact \+ 1 wildcard, collateral 1 object$/,
    },
    {
      name: 'character prefix /img/hero* beats /img/* when /img/logo.png exists',
      input: {
        stale: ['/img/hero-1.png', '/img/hero-2.png', '/img/hero-3.png', '/index.html'],
        existing: ['/img/logo.png', '/index.css'],
        budget: 2,
      },
      paths: ['/img/hero-*', '/index.html'],
      collateral: 0,
    },
    {
      name: 'zero collateral wildcard preferred over exact paths when over budget',
      input: { stale: ['/a/1', '/a/2', '/a/3', '/b'], existing: ['/c'], budget: 3 },
      paths: ['/a/*', '/b'],
      collateral: 0,
    },
    {
      name: 'equal collateral: fewer paths wins',
      input: { stale: ['/d/x/1', '/d/x/2', '/d/y/1', '/d/y/2', '/e'], existing: ['/d/x/3', '/d/y/3', '/f'], budget: 3 },
      paths: ['/d/*', '/e'],
      collateral: 2,
    },
    {
      name: 'root fallback: only /* fits',
      input: { stale: ['/a/1', '/b/1', '/c/1'], existing: ['/a/2', '/b/2', '/c/2'], budget: 1 },
      paths: ['/*'],
      collateral: 3,
      fellBackToAll: true,
      reason: /^only \/\* fits: /,
    },
    {
      name: 'single wildcard that is narrower than /* when everything shares a prefix',
      input: { stale: ['/docs/a', '/docs/b'], existing: [], budget: 1 },
      paths: ['/docs/*'],
      collateral: 0,
      fellBackToAll: false,
    },
    {
      name: 'wildcard limit W forces fewer wildcards (more collateral)',
      input: {
        stale: ['/x/p/1', '/x/p/2', '/x/p/3', '/x/q/1', '/x/q/2', '/x/q/3', '/r/1', '/r/2', '/r/3'],
        existing: ['/x/o', '/t'],
        budget: 3,
        maxWildcards: 2,
      },
      // W = 3 would send /x/p/* /x/q/* /r/* with collateral 0
      paths: ['/r/*', '/x/*'],
      collateral: 1,
    },
    {
      name: 'same case without the wildcard limit',
      input: {
        stale: ['/x/p/1', '/x/p/2', '/x/p/3', '/x/q/1', '/x/q/2', '/x/q/3', '/r/1', '/r/2', '/r/3'],
        existing: ['/x/o', '/t'],
        budget: 3,
      },
      paths: ['/r/*', '/x/p/*', '/x/q/*'],
      collateral: 0,
    },
    {
      name: 'wildcard limit W = 1 forces /*',
      input: { stale: ['/a/1', '/a/2', '/b/1', '/b/2', '/c/1', '/c/2'], existing: ['/d'], budget: 3, maxWildcards: 1 },
      paths: ['/*'],
      collateral: 1,
      fellBackToAll: true,
    },
    {
      name: 'W unlimited for comparison',
      input: { stale: ['/a/1', '/a/2', '/b/1', '/b/2', '/c/1', '/c/2'], existing: ['/d'], budget: 3 },
      paths: ['/a/*', '/b/*', '/c/*'],
      collateral: 0,
    },
    {
      name: 'unknown origin: broadest wildcard as specific as possible',
      input: { stale: ['/a/1', '/a/2', '/b/1', '/b/2', '/c/1', '/c/2'], existing: null, budget: 3 },
      paths: ['/a/*', '/b/*', '/c/*'],
      collateral: null,
      reason: /collateral unknown .*broadest wildcard \/a\/\*$/,
    },
    {
      name: 'unknown origin: fewest wildcards at that specificity, exact for the rest',
      input: { stale: ['/a/x1', '/a/x2', '/a/y', '/b'], existing: null, budget: 3 },
      paths: ['/a/x*', '/a/y', '/b'],
      collateral: null,
    },
    {
      name: 'unknown origin: character prefix is more specific than the directory',
      input: { stale: ['/img/hero-1.png', '/img/hero-2.png', '/img/hero-3.png', '/index.html'], existing: null, budget: 2 },
      paths: ['/img/hero-*', '/index.html'],
      collateral: null,
    },
    {
      name: 'unknown origin: fewest wildcards once the floor is fixed',
      input: { stale: ['/s/a/1', '/s/a/2', '/s/b/1', '/s/b/2', '/t/1', '/t/2'], existing: null, budget: 3 },
      // /s/a/* + /s/b/* + 2 exact do not fit, so some wildcard is at most as specific as /s/* or /t/* (the floor);
      // then the fewest wildcards: /s/* plus two exact paths.
      paths: ['/s/*', '/t/1', '/t/2'],
      collateral: null,
    },
    {
      name: 'unknown origin: many directory wildcards rather than one /*',
      input: { stale: Array.from({ length: 50 }, (_, i) => `/d${i % 10}/f${i}`), existing: null, budget: 10 },
      paths: Array.from({ length: 10 }, (_, i) => `/d${i}/f*`), // every file name starts with 'f'
      collateral: null,
    },
    {
      name: 'unknown origin: /* when nothing narrower fits',
      input: { stale: ['/a', '/b'], existing: null, budget: 1 },
      paths: ['/*'],
      collateral: null,
      fellBackToAll: true,
    },
    {
      name: 'surrogate pairs: never cut between the halves',
      input: { stale: [`/e/${GRIN}`, `/e/${BEAM}`, '/e/x'], existing: ['/e/y'], budget: 2 },
      // "/e/\uD83D*" would cover both emoji without /e/y, but it is not a valid UTF-8 prefix
      paths: ['/e/*'],
      collateral: 1,
    },
    {
      name: 'surrogate pairs: whole characters are fine',
      input: { stale: [`/e/${GRIN}1`, `/e/${GRIN}2`, '/e/x'], existing: ['/e/y'], budget: 2 },
      paths: ['/e/x', `/e/${GRIN}*`], // sorted by UTF-16 code units
      collateral: 0,
    },
    {
      name: "'*' in a stale name: covered by the prefix before it as a wildcard",
      input: { stale: ['/a/b*c', '/x'], existing: ['/a/bd', '/a/q'], budget: 5 },
      paths: ['/a/b*', '/x'],
      collateral: 1,
      reason: /1 containing '\*'/,
    },
    {
      name: "'*' in a stale name: the wildcard also covers its neighbours",
      input: { stale: ['/a/b*c', '/a/b', '/a/bz'], existing: [], budget: 5 },
      paths: ['/a/b*'],
      collateral: 0,
    },
    {
      name: "'~' in a stale name: covered by a wildcard cut before it",
      input: {
        stale: ['/static/js/runtime~main.abc.js', '/index.html'],
        existing: ['/static/js/runtime-old.js', '/static/js/app.js'],
        budget: 5,
      },
      paths: ['/index.html', '/static/js/runtime*'],
      collateral: 1,
      reason: /^2 stale paths within budget 5, 1 containing '~' \(needs a wildcard\): 1 exact \+ 1 wildcard, collateral 1 object$/,
    },
    {
      name: "'~' in a stale name: the wildcard also covers its neighbours",
      input: { stale: ['/a/b~c', '/a/b', '/a/bz'], existing: ['/a/q'], budget: 5 },
      paths: ['/a/b*'],
      collateral: 0,
    },
    {
      name: "'~' right after a '/': the directory wildcard",
      input: { stale: ['/docs/~user/x.html'], existing: ['/docs/a', '/b'], budget: 3 },
      paths: ['/docs/*'],
      collateral: 1,
    },
    {
      name: "'~' as the first character: only /* fits",
      input: { stale: ['/~'], existing: ['/a'], budget: 3 },
      paths: ['/*'],
      collateral: 1,
      fellBackToAll: true,
    },
    {
      name: "'~' and '*': cut before whichever comes first",
      input: { stale: ['/a/x~y*z', '/a/p*q~r', '/b'], existing: ['/a/xy', '/a/q'], budget: 5 },
      paths: ['/a/p*', '/a/x*', '/b'],
      collateral: 1,
      reason: /3 stale paths within budget 5, 2 containing '\*', 2 containing '~' \(needs a wildcard\)/,
    },
    {
      name: "'~' stale paths: existing names under the cut are collateral",
      input: { stale: ['/a~b', '/a~c', '/d'], existing: ['/a~d', '/a', '/e'], budget: 2 },
      paths: ['/a*', '/d'],
      collateral: 2,
    },
    {
      name: "'~' stale path also listed as existing: not collateral",
      input: { stale: ['/a~b', '/c'], existing: ['/a~b', '/a~c', '/e'], budget: 3 },
      paths: ['/a*', '/c'],
      collateral: 1,
    },
    {
      name: "'~' with unknown origin",
      input: { stale: ['/js/runtime~a.js', '/js/runtime~b.js', '/x'], existing: null, budget: 3 },
      paths: ['/js/runtime*', '/x'],
      collateral: null,
    },
    {
      name: "W = 0 and a '~' stale path: falls back to /*",
      input: { stale: ['/a~b'], existing: [], budget: 2, maxWildcards: 0 },
      paths: ['/*'],
      fellBackToAll: true,
      reason: /^nothing fits: 1 stale path \(1 containing '~'\), budget 2, 0 wildcards allowed; fell back to \/\*$/,
    },
    {
      name: "stale '/*' itself",
      input: { stale: ['/*'], existing: ['/a'], budget: 3 },
      paths: ['/*'],
      collateral: 1,
      fellBackToAll: true,
    },
    {
      name: 'W = 0 and nothing fits: falls back to /*',
      input: { stale: ['/a', '/b', '/c'], existing: [], budget: 2, maxWildcards: 0 },
      paths: ['/*'],
      fellBackToAll: true,
      reason: /^nothing fits/,
    },
    {
      name: 'W = 0 and exact fits',
      input: { stale: ['/a', '/b'], existing: [], budget: 2, maxWildcards: 0 },
      paths: ['/a', '/b'],
    },
    {
      name: 'existing paths outside "/" are ignored; existing = stale is not collateral',
      input: { stale: ['/a/1', '/a/2'], existing: ['a/3', '/a/1', '/a/2'], budget: 1 },
      paths: ['/a/*'],
      collateral: 0,
    },
  ];

  test.each(cases)('$name', (c) => {
    const r = planCover(c.input);
    expect(sorted(r)).toEqual(c.paths);
    if (c.collateral !== undefined) expect(r.collateral).toBe(c.collateral);
    if (c.fellBackToAll !== undefined) expect(r.fellBackToAll).toBe(c.fellBackToAll);
    if (c.reason) expect(r.reason).toMatch(c.reason);
    if (!c.reason?.source.startsWith('^nothing fits')) checkValid(c.input, r);
  });

  test('reason formats thousands', () => {
    const stale = Array.from({ length: 2400 }, (_, i) => `/d${i % 40}/f${i}`);
    const r = planCover({ stale, existing: ['/d1/keep'], budget: 100 });
    expect(r.reason).toMatch(/^2,400 stale paths over budget 100: \d+ exact \+ \d+ wildcards?, collateral \d+ objects?$/);
    checkValid({ stale, existing: ['/d1/keep'], budget: 100 }, r);
  });

  test('bad input', () => {
    expect(() => planCover({ stale: ['a'], existing: null, budget: 1 })).toThrow(TypeError);
    expect(() => planCover({ stale: ['/a'], existing: null, budget: 0 })).toThrow(RangeError);
    expect(planCover({ stale: [], existing: [], budget: 1 })).toEqual({
      paths: [],
      collateral: 0,
      fellBackToAll: false,
      reason: 'nothing is stale',
    });
  });

  test('lone high surrogate in a name', () => {
    const input: CoverInput = { stale: [`/a${HI}x`, `/a${HI}y`, '/b'], existing: ['/a'], budget: 2 };
    const r = planCover(input);
    checkValid(input, r);
  });
});

/** COVER_PROPERTY_RUNS=10 multiplies the number of property runs (default 1). */
const RUNS = Math.max(1, Number(process.env.COVER_PROPERTY_RUNS ?? 1) || 1);

// ---- brute force ---------------------------------------------------------------------------------------------

type Key = number[];
const cmpKey = (a: Key, b: Key) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

/** Objective of a result as planCover defines it (see cover.ts). */
function keyOf(paths: string[], stale: string[], existing: string[] | null): Key {
  const wild = paths.filter((p) => p.endsWith('*'));
  if (existing !== null) {
    const sset = new Set(stale);
    const u = [...new Set(existing)].filter((x) => !sset.has(x));
    const coll = u.filter((x) => wild.some((p) => matchesCloudFrontPath(p, x))).length;
    return [coll, paths.length];
  }
  let minS = Infinity;
  let minL = Infinity;
  let sumL = 0;
  for (const p of wild) {
    const [s, l] = wildcardSpecificity(p.slice(0, -1));
    if (s < minS || (s === minS && l < minL)) [minS, minL] = [s, l];
    sumL += l;
  }
  return [-minS, -minL, wild.length, -sumL, paths.length];
}

function bruteForce(staleIn: string[], existing: string[] | null, B: number, W: number): { key: Key; paths: string[] } | null {
  const stale = [...new Set(staleIn)];
  const cands = new Set<string>();
  // CloudFront reads '*' as a wildcard and rejects a raw '~' ('%7E' clears nothing): neither can be sent exactly
  // nor appear in a wildcard prefix.
  const unsendable = (p: string) => p.includes('*') || p.includes('~');
  for (const s of stale) {
    if (!unsendable(s)) cands.add(s);
    for (let i = 1; i <= s.length; i++) {
      const p = s.slice(0, i);
      if (unsendable(p)) break;
      const c = p.charCodeAt(i - 1);
      if (c >= 0xd800 && c <= 0xdbff) continue;
      cands.add(p + '*');
    }
  }
  // The planner's rule: when everything fits and nothing needs a wildcard, send S exactly.
  if (stale.length <= B && !stale.some(unsendable)) return { key: keyOf(stale, stale, existing), paths: stale };
  const list = [...cands];
  const masks = list.map((p) => stale.reduce((m, s, i) => (matchesCloudFrontPath(p, s) ? m | (1 << i) : m), 0));
  const full = (1 << stale.length) - 1;
  let best: { key: Key; paths: string[] } | null = null;
  const chosen: number[] = [];
  const rec = (start: number, mask: number, wild: number) => {
    if (mask === full) {
      const paths = chosen.map((i) => list[i]!);
      const key = keyOf(paths, stale, existing);
      if (best === null || cmpKey(key, best.key) < 0) best = { key, paths };
    }
    if (chosen.length === B) return;
    for (let i = start; i < list.length; i++) {
      const w = list[i]!.endsWith('*') ? 1 : 0;
      if (wild + w > W) continue;
      if ((masks[i]! | mask) === mask) continue; // adds nothing: never part of an optimum
      chosen.push(i);
      rec(i + 1, mask | masks[i]!, wild + w);
      chosen.pop();
    }
  };
  rec(0, 0, 0);
  return best;
}

describe('planCover: property tests against brute force', () => {
  const unit = (withSpecial: boolean, withTilde: boolean) =>
    withTilde
      ? fc.constantFrom('/', 'a', 'b', '~', '*', GRIN)
      : withSpecial
        ? fc.constantFrom('/', 'a', 'b', 'c', '*', GRIN, BEAM)
        : fc.constantFrom('/', 'a', 'b', 'c');
  const caseArb = (withSpecial: boolean, withTilde = false) =>
    fc
      .record({
        pool: fc.uniqueArray(
          fc.string({ unit: unit(withSpecial, withTilde), minLength: 0, maxLength: 4 }).map((s) => '/' + s),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        split: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        dup: fc.boolean(),
        known: fc.boolean(),
        B: fc.integer({ min: 1, max: 4 }),
        wFrac: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      })
      .map(({ pool, split, dup, known, B, wFrac }) => {
        let stale = pool.filter((_, i) => split[i]);
        if (stale.length === 0) stale = [pool[0]!];
        if (dup) stale = [...stale, stale[0]!];
        const existing = known ? pool.filter((p) => !stale.includes(p)) : null;
        const maxWildcards = wFrac === undefined ? undefined : 1 + Math.floor(wFrac * (B - 1) + 1e-9);
        const input: CoverInput = { stale, existing, budget: B, ...(maxWildcards !== undefined ? { maxWildcards } : {}) };
        return input;
      });

  // Every pruning mode must reach the same optimum: default (per-wildcard-count outside arrays), the scalar
  // wildcard-aware bound, the region-count bound, and no pruning at all.
  const tunings: CoverTuning[] = [
    { boundWildcardLimit: 128, outsideWildcardLimit: 24, prune: true },
    { boundWildcardLimit: 128, outsideWildcardLimit: 0, prune: true },
    { boundWildcardLimit: 0, outsideWildcardLimit: 0, prune: true },
    { boundWildcardLimit: 0, outsideWildcardLimit: 0, prune: false },
  ];

  const check = (input: CoverInput) => {
    const W = Math.min(input.maxWildcards ?? input.budget, input.budget);
    const bf = bruteForce(input.stale, input.existing, input.budget, W);
    expect(bf).not.toBeNull();
    for (const tuning of tunings) {
      const r = planCoverTuned(input, tuning);
      checkValid(input, r);
      const got = keyOf(sorted(r), [...new Set(input.stale)], input.existing);
      if (cmpKey(got, bf!.key) !== 0) {
        throw new Error(
          `not optimal (${JSON.stringify(tuning)}): ${JSON.stringify(input)} -> ${JSON.stringify(sorted(r))} key ${got}; brute force ${JSON.stringify(bf!.paths)} key ${bf!.key}`,
        );
      }
    }
  };

  test('alphabet / a b c: known and unknown origin (600 runs)', () => {
    fc.assert(fc.property(caseArb(false), check), { numRuns: 600 * RUNS, seed: 20240601 });
  });

  test("alphabet with '*' and surrogate pairs (400 runs)", () => {
    fc.assert(fc.property(caseArb(true), check), { numRuns: 400 * RUNS, seed: 20240602 });
  });

  test("alphabet with '~' and '*' (400 runs)", () => {
    fc.assert(fc.property(caseArb(true, true), check), { numRuns: 400 * RUNS, seed: 20240603 });
  });

  test('random seed (300 runs)', () => {
    fc.assert(fc.property(caseArb(true), check), { numRuns: 300 * RUNS });
  });
});

describe('planCover: medium random sites, every pruning mode agrees', () => {
  /** A deploy diff on a small site: clustered (a few directories) or scattered stale paths. */
  const mediumArb = fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      n: fc.integer({ min: 50, max: 1200 }),
      frac: fc.double({ min: 0.02, max: 0.6, noNaN: true }),
      clustered: fc.boolean(),
      known: fc.boolean(),
      B: fc.integer({ min: 2, max: 40 }),
      w: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    })
    .map(({ seed, n, frac, clustered, known, B, w }) => {
      const site = makeSite(n, seed);
      const stale = pickStale(site, frac, clustered, seed + 1);
      const sset = new Set(stale);
      const input: CoverInput = {
        stale,
        existing: known ? site.filter((p) => !sset.has(p)) : null,
        budget: B,
        ...(w !== undefined ? { maxWildcards: Math.min(w, B) } : {}),
      };
      return input;
    });

  const keyFor = (input: CoverInput, r: CoverResult) => keyOf(sorted(r), [...new Set(input.stale)], input.existing);

  test('same optimum with and without pruning; monotone in B and W (80 runs)', () => {
    fc.assert(
      fc.property(mediumArb, (input) => {
        const base = planCover(input);
        checkValid(input, base);
        const want = keyFor(input, base);
        for (const tuning of [
          { boundWildcardLimit: 128, outsideWildcardLimit: 0, prune: true },
          { boundWildcardLimit: 0, outsideWildcardLimit: 0, prune: true },
          { boundWildcardLimit: 0, outsideWildcardLimit: 0, prune: false },
        ]) {
          const got = keyFor(input, planCoverTuned(input, tuning));
          if (cmpKey(got, want) !== 0) throw new Error(`${JSON.stringify(tuning)}: key ${got} != ${want}`);
        }
        // More budget or more wildcards never costs more collateral (known) / never lowers the floor (unknown).
        const W = Math.min(input.maxWildcards ?? input.budget, input.budget);
        const more = [
          { ...input, budget: input.budget + 1, maxWildcards: W },
          { ...input, maxWildcards: Math.min(W + 1, input.budget) },
        ];
        for (const m of more) {
          const k2 = keyFor(m, planCover(m));
          if (input.existing !== null) expect(k2[0]!).toBeLessThanOrEqual(want[0]!);
          else expect(cmpKey(k2.slice(0, 2), want.slice(0, 2))).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 80 * RUNS },
    );
  });
});

// ---- performance ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A site of `n` distinct URL paths in a directory tree shaped like a real static site. */
function makeSite(n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const sections = ['blog', 'docs', 'assets', 'img', 'en', 'de', 'fr', 'products', 'static', 'api', 'news', 'help'];
  const words = ['post', 'guide', 'page', 'item', 'topic', 'v', 'release', 'chapter', 'team', 'case'];
  const exts = ['.html', '.png', '.jpg', '.css', '.js', '.json', '.webp', '.svg'];
  const out = new Set<string>();
  while (out.size < n) {
    const depth = 1 + Math.floor(rnd() * 4);
    let p = '/' + pick(sections);
    for (let d = 1; d < depth; d++) p += `/${pick(words)}-${Math.floor(rnd() * (d === 1 ? 40 : 12))}`;
    p += rnd() < 0.3 ? '/index.html' : `/${pick(words)}${Math.floor(rnd() * 300)}${pick(exts)}`;
    out.add(p);
  }
  return JSON.parse(JSON.stringify([...out])) as string[]; // flat strings, as parsed from a listing
}

/** Stale paths for a deploy: `clustered` concentrates them in a few directories, otherwise uniform. */
function pickStale(site: string[], frac: number, clustered: boolean, seed: number): string[] {
  const rnd = mulberry32(seed);
  const want = Math.max(1, Math.round(site.length * frac));
  if (!clustered)
    return site
      .filter(() => rnd() < frac)
      .concat(site[0]!)
      .slice(0, Math.max(want, 1));
  const dirs = [...new Set(site.map((p) => p.slice(0, p.lastIndexOf('/') + 1)))];
  const out = new Set<string>();
  while (out.size < want) {
    const d = dirs[Math.floor(rnd() * dirs.length)]!;
    for (const p of site) if (p.startsWith(d) && rnd() < 0.9) out.add(p);
  }
  return [...out];
}

// Timings live in bench/planner.ts (no timed assertions here: a shared machine would make them flaky); these
// check that the full-size cases plan correctly within the limits.
describe('planCover: full-size inputs', () => {
  /** 100k stale + 100k existing paths of one generated site (uniformly scattered: the hard case). */
  const bigInput = (seed: number): { stale: string[]; existing: string[] } => {
    const site = makeSite(200_000, seed);
    const rnd = mulberry32(seed + 4);
    const stale: string[] = [];
    const existing: string[] = [];
    for (const p of site) (rnd() < 0.5 ? stale : existing).push(p);
    return { stale, existing };
  };
  /** The plan, with the wall-clock ms of two runs logged for information only. */
  const timed = (input: CoverInput): { ms: number[]; r: CoverResult } => {
    const ms: number[] = [];
    let r: CoverResult | undefined;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      r = planCover(input);
      ms.push(performance.now() - t0);
    }
    return { ms, r: r! };
  };

  test('100k stale + 100k existing, B = 100: a valid cover within the budget', () => {
    const { stale, existing } = bigInput(7);
    const input: CoverInput = { stale, existing, budget: 100 };
    const { ms, r } = timed(input);
    console.log(
      `planCover: ${stale.length} stale + ${existing.length} existing, B=100: ${ms.map((x) => x.toFixed(0)).join(' ms, ')} ms; ${r.reason}`,
    );
    expect(r.paths.length).toBeLessThanOrEqual(100);
    for (const p of r.paths) expect(isValidCloudFrontPath(p.path)).toBe(true);
    for (const s of stale.slice(0, 2000)) expect(r.paths.some((p) => matchesCloudFrontPath(p.path, s))).toBe(true);
  });

  test('100k stale + 100k existing, B = 100, W = 15', () => {
    const { stale, existing } = bigInput(8);
    const { ms, r } = timed({ stale, existing, budget: 100, maxWildcards: 15 });
    console.log(
      `planCover: ${stale.length} stale + ${existing.length} existing, B=100, W=15: ${ms.map((x) => x.toFixed(0)).join(' ms, ')} ms; ${r.reason}`,
    );
    expect(r.paths.filter((p) => p.wildcard).length).toBeLessThanOrEqual(15);
    for (const s of stale.slice(0, 2000)) expect(r.paths.some((p) => matchesCloudFrontPath(p.path, s))).toBe(true);
  });
});
