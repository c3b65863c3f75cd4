// The pure parts of keep-deploys and rollback-to: the ledger's sites (full + deltas) round trip, which deploy
// `rollback-to` names, what a run copies into the history and prunes, and ledger format 3 read back.
import type { DeployEntry, DeployState, ServedHeaders } from '../src/model/data.js';
import type { Site, SitedDeploy } from '../src/model/history.js';
import { parseLedger, RecordError } from '../src/model/record-format.js';
import { decodeDeploys, encodeDeploys, nextDeployId, planHistory } from '../src/plan/history.js';
import { resolveTarget } from '../src/plan/rollback.js';

const HTML: ServedHeaders = { contentType: 'text/html', cacheControl: 'max-age=0' };
const JS: ServedHeaders = { contentType: 'text/javascript', cacheControl: 'immutable' };
const site = (entries: Record<string, [md5: string, headers?: ServedHeaders]>): Site =>
  new Map(Object.entries(entries).map(([k, [md5, h]]) => [k, { md5, size: md5.length, headers: h ?? HTML, fingerprinted: h === JS }]));
const entry = (id: number, sha: string, extra: Partial<DeployEntry> = {}): DeployEntry => ({
  sha,
  runId: String(id),
  time: `2025-06-${String(id).padStart(2, '0')}T00:00:00.000Z`,
  id,
  ...extra,
});

describe('sites in the ledger: the newest in full, older ones as deltas', () => {
  const deploys: SitedDeploy[] = [
    { entry: entry(3, 'c'.repeat(40)), site: site({ 'a.html': ['a3'], 'b.html': ['b1'], 'x.js': ['x2', JS] }) },
    { entry: entry(2, 'b'.repeat(40)), site: site({ 'a.html': ['a2'], 'b.html': ['b1'], 'x.js': ['x2', JS], 'gone.html': ['g'] }) },
    { entry: entry(1, 'a'.repeat(40)), site: site({ 'a.html': ['a1', { ...HTML, cacheControl: 'no-cache' }], 'b.html': ['b1'] }) },
  ];

  it.each([
    [3, 3],
    [2, 2],
    [1, 1],
    [0, 0],
  ])('keeping %i sites: decode(encode(x)) gives those sites back, the rest without', (keep, sited) => {
    const encoded = encodeDeploys(deploys, keep);
    const back = decodeDeploys({ version: 3, objects: {}, ...encoded });
    expect(back.map((d) => d.entry.id)).toEqual([3, 2, 1]);
    // A decoded site is a view (no object per key); read whole, it is the site that was encoded, in size too.
    expect(back.map((d) => d.site && new Map(d.site))).toEqual(deploys.map((d, i) => (i < sited ? d.site : null)));
    expect(back.map((d) => d.site?.size ?? null)).toEqual(deploys.map((d, i) => (i < sited ? d.site!.size : null)));
    for (const [i, d] of back.entries()) {
      if (!d.site) continue;
      for (const key of ['a.html', 'b.html', 'x.js', 'gone.html', 'never.html']) {
        expect([d.site.has(key), d.site.get(key)]).toEqual([deploys[i]!.site!.has(key), deploys[i]!.site!.get(key)]);
      }
    }
  });

  it('stores only what differs: unchanged objects cost nothing in older entries; header sets are shared', () => {
    const { deploys: stored = [], headerSets } = encodeDeploys(deploys, 3);
    expect(Object.keys(stored[0]!.site!.full!)).toEqual(['a.html', 'b.html', 'x.js']);
    expect(stored[1]!.site).toEqual({ set: { 'a.html': ['a2', 2, 0, 0], 'gone.html': ['g', 1, 0, 0] } });
    expect(stored[2]!.site).toEqual({ set: { 'a.html': ['a1', 2, 2, 0] }, gone: ['gone.html', 'x.js'] });
    expect(headerSets).toEqual([HTML, JS, { ...HTML, cacheControl: 'no-cache' }]);
  });

  it('header sets compared and indexed by content, whether objects are shared or one per key (past any cache)', () => {
    // 12,000 keys, each with its own header objects (as per-file cache tags make them), in two contents only.
    const n = 12_000;
    const own = (h: ServedHeaders, i: number): ServedHeaders => ({ ...h, ...(i % 3 === 0 ? { contentLanguage: 'en' } : {}) });
    const newer: Site = new Map(
      Array.from({ length: n }, (_, i) => [`k${i}`, { md5: `m${i}`, size: 1, headers: own(HTML, i), fingerprinted: false }] as const),
    );
    const older: Site = new Map(
      Array.from(
        { length: n },
        (_, i) => [`k${i}`, { md5: `m${i}`, size: 1, headers: own(i % 1000 === 7 ? JS : HTML, i), fingerprinted: false }] as const,
      ),
    );
    const { deploys: stored = [], headerSets = [] } = encodeDeploys(
      [
        { entry: entry(2, 'b'.repeat(40)), site: newer },
        { entry: entry(1, 'a'.repeat(40)), site: older },
      ],
      2,
    );
    expect(headerSets).toHaveLength(4);
    // The older site differs from the newer only where its headers' content does.
    expect(Object.keys(stored[1]!.site!.set ?? {}).sort()).toEqual(
      Array.from({ length: n }, (_, i) => i)
        .filter((i) => i % 1000 === 7)
        .map((i) => `k${i}`)
        .sort(),
    );
    const back = decodeDeploys({ version: 3, objects: {}, ...{ deploys: stored, headerSets } });
    expect(new Map(back[0]!.site!)).toEqual(newer);
    expect(new Map(back[1]!.site!)).toEqual(older);
  });

  it("the next ledger's full site holds the previous ledger's own tuple for an object served the same, a new one otherwise", () => {
    const previous = { version: 3 as const, objects: {}, ...encodeDeploys(deploys.slice(1), 3) };
    const before = previous.deploys![0]!.site!.full!;
    const next = site({ 'a.html': ['a2'], 'b.html': ['b1', JS], 'x.js': ['x2', JS], 'new.html': ['n'] });
    const sited = [{ entry: entry(4, 'd'.repeat(40)), site: next }, ...decodeDeploys(previous)];
    const full = encodeDeploys(sited, 3).deploys![0]!.site!.full!;
    // a.html, x.js: same bytes and headers, and the same header index in the new table: the very array.
    expect(full['a.html']).toBe(before['a.html']);
    expect(full['x.js']).toBe(before['x.js']);
    // b.html: new headers; new.html: new key: tuples of their own.
    expect(full['b.html']).not.toBe(before['b.html']);
    expect(full['b.html']).toEqual(['b1', 2, 1, 1]);
    expect(full['new.html']).toEqual(['n', 1, 0, 0]);
    // Whatever is shared, the new ledger reads back as the site it was given.
    const back = decodeDeploys({ version: 3, objects: {}, ...encodeDeploys(sited, 3) });
    expect(new Map(back[0]!.site!)).toEqual(next);
  });

  it('a header index the table lacks makes that deploy (and older ones) not restorable, never guessed', () => {
    const encoded = encodeDeploys(deploys, 3);
    const broken = { version: 3 as const, objects: {}, deploys: encoded.deploys, headerSets: encoded.headerSets!.slice(0, 2) };
    expect(decodeDeploys(broken).map((d) => d.site !== null)).toEqual([true, true, false]);
  });

  it('the next deploy number is one more than the highest recorded (1 for a ledger of format 2)', () => {
    expect(nextDeployId(null)).toBe(1);
    expect(nextDeployId({ version: 2, objects: {}, deploys: [{ sha: 'a', runId: '1', time: 't' }] })).toBe(1);
    expect(nextDeployId({ version: 3, objects: {}, deploys: [entry(7, 'a'), entry(9, 'b')] })).toBe(10);
  });
});

describe('which deploy rollback-to names', () => {
  const s = site({ 'a.html': ['a'] });
  const d = (id: number, sha: string, rollbackOf?: number, sited = true): SitedDeploy => ({
    entry: entry(id, sha, rollbackOf !== undefined ? { rollbackOf } : {}),
    site: sited ? s : null,
  });
  const A = 'aaaaaaa1'.padEnd(40, '1');
  const B = 'bbbbbbb2'.padEnd(40, '2');
  const C = 'ccccccc3'.padEnd(40, '3');
  const C2 = 'ccccccc4'.padEnd(40, '4');
  const plain = [d(3, C), d(2, B), d(1, A)];
  const afterRollback = [d(4, B, 2), ...plain];

  it.each([
    ['previous', plain, 2],
    ['previous', afterRollback, 1], // after a rollback to 2: the build deploy before 2
    ['previous', [d(5, A, 1), ...afterRollback], null], // nothing before 1
    ['3', afterRollback, 3],
    ['4', afterRollback, 4], // a rollback's own number
    ['bbbbbbb', afterRollback, 2], // a commit: its build deploy, not the rollback that served it again
    ['BBBBBBB2', afterRollback, 2],
    ['9', plain, null],
    ['deadbeef', plain, null],
  ] as const)('%s over %j -> %s', (asked, deploys, want) => {
    const got = resolveTarget(asked, [...deploys]);
    if (want === null) expect(typeof got).toBe('string');
    else expect(typeof got === 'string' ? got : got.entry.id).toBe(want);
  });

  it('an ambiguous SHA prefix names the commits; a deploy without a site is older than keep-deploys', () => {
    const got = resolveTarget('ccccccc', [d(4, C2), ...plain]);
    expect(got).toMatch(/^rollback-to 'ccccccc' matches deploys of 2 commits \(ccccccc44444, ccccccc33333\): give more of the SHA\./);
    const old = resolveTarget('1', [d(3, C), d(2, B), d(1, A, undefined, false)]);
    expect(old).toMatch(/deploy 1 \(aaaaaaa11111, 2025-06-01T00:00:00.000Z\) is older than keep-deploys/);
    expect(old).toMatch(
      /Restorable deploys \(number, commit, time\), newest first: 3 \(ccccccc33333, 2025-06-03T00:00:00.000Z\); 2 \(bbbbbbb22222, 2025-06-02T00:00:00.000Z\)\./,
    );
  });
});

describe('planHistory: what a run keeps before it changes anything, and what it prunes', () => {
  const state = (deploys: SitedDeploy[], saved: DeployState['saved'] = {}): DeployState => ({
    version: 3,
    objects: {},
    ...encodeDeploys(deploys, 10),
    saved,
  });
  const prev = [
    { entry: entry(2, 'b'), site: site({ 'a.html': ['a2'], 'b.html': ['b2'] }) },
    { entry: entry(1, 'a'), site: site({ 'a.html': ['a1'], 'b.html': ['b1'] }) },
  ];

  it.each([
    // [what changes, keep-deploys, copies made]
    ['a page replaced, served by the live deploy', [{ key: 'a.html', md5: 'a2', size: 2 }], 5, ['D/history/3/a.html']],
    ['bytes no restorable deploy served (another tool wrote them)', [{ key: 'a.html', md5: 'zz', size: 2 }], 5, []],
    ['unknown content', [{ key: 'a.html', md5: undefined, size: 2 }], 5, []],
    ['keep-deploys 0', [{ key: 'a.html', md5: 'a2', size: 2 }], 0, []],
  ] as const)('%s', (_what, changed, keep, copies) => {
    const h = planHistory({
      state: state(prev),
      dir: 'D/',
      ownKeys: [],
      keepDeploys: keep,
      entry: { sha: 'c', runId: '3', time: 't' },
      site: site({ 'a.html': ['a3'], 'b.html': ['b2'] }),
      changed: [...changed],
    });
    expect(h.id).toBe(3);
    expect(h.preserve.map((p) => p.to)).toEqual(copies);
  });

  it('bytes already kept are not copied again; copies only older deploys needed are pruned with stray history objects', () => {
    const h = planHistory({
      state: state(prev, { 'a.html': { a1: 2 }, 'b.html': { b1: 2 } }),
      dir: 'D/',
      ownKeys: ['D/history/2/a.html', 'D/history/2/b.html', 'D/history/1/stray.html', 'D/state.json'],
      keepDeploys: 1,
      entry: { sha: 'c', runId: '3', time: 't' },
      site: site({ 'a.html': ['a1'], 'b.html': ['b3'] }),
      changed: [{ key: 'b.html', md5: 'b2', size: 2 }],
    });
    // keep-deploys 1: this deploy and deploy 2 stay restorable; deploy 1's b1 is no longer needed, its a1 is (served now).
    expect(h.preserve.map((p) => p.to)).toEqual(['D/history/3/b.html']);
    expect(h.saved).toEqual({ 'a.html': { a1: 2 }, 'b.html': { b2: 3 } });
    expect(h.prune).toEqual(['D/history/2/b.html', 'D/history/1/stray.html']);
  });
});

describe('ledger format 3 read back', () => {
  const ctx = { shown: 's3://b/.s3cfd-<hidden>/state.json' };
  const good = {
    version: 3,
    objects: {},
    deploys: [{ ...entry(1, 'a'), site: { full: { 'a.html': ['m', 1, 0, 0] } } }],
    headerSets: [HTML],
  };

  it('reads deploys with numbers and sites, the header table and the saved index; format 2 still reads', () => {
    expect(parseLedger(JSON.stringify({ ...good, saved: { 'a.html': { m: 1 } } }), ctx).saved).toEqual({ 'a.html': { m: 1 } });
    expect(parseLedger(JSON.stringify({ version: 2, objects: {}, deploys: [{ sha: 'a', runId: '1', time: 't' }] }), ctx).version).toBe(2);
  });

  it.each([
    ['a site tuple of the wrong shape', { deploys: [{ ...entry(1, 'a'), site: { full: { 'a.html': ['m', 1, 0] } } }] }],
    ['a fingerprinted flag other than 0 or 1', { deploys: [{ ...entry(1, 'a'), site: { set: { 'a.html': ['m', 1, 0, 2] } } }] }],
    ['a deploy number that is not a number', { deploys: [{ ...entry(1, 'a'), id: '1' }] }],
    ['a saved index of the wrong shape', { saved: { 'a.html': { m: 'x' } } }],
    ['a header set without Cache-Control', { headerSets: [{ contentType: 'text/html' }] }],
  ])('a damaged ledger is refused whole: %s', (_what, patch) => {
    expect(() => parseLedger(JSON.stringify({ ...good, ...patch }), ctx)).toThrow(RecordError);
  });
});
