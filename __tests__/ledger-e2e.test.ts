// The deploy ledger end to end, in-process on the in-memory ports: demotion over three deploys, shapes learned
// from history, keep-removed with a clock that moves, a crash between any two writes, and the older-commit guard
// on a real git repository.
import {
  memoryCdn,
  memoryClock,
  memoryStore,
  pipelineRun,
  recordsDir,
  tmpDir,
  type MemoryCdn,
  type MemoryClock,
  type MemoryStore,
  type PipelineOptions,
  type StoreOp,
  type Timeline,
} from './support/memory.js';
import type { DeployState } from '../src/model/data.js';
import { git } from './support/git.js';

const D1 = 'E1ABCDEFGH';
// The records live in a hidden folder with a random name (`.s3cfd-<24 hex>/`), read back from the store.
const STATE = (s: MemoryStore) => `${recordsDir(s)}state.json`;
const DAY = 86_400_000;
const T0 = Date.parse('2025-06-15T12:00:00Z'); // memoryClock's start
const IMMUTABLE = 'public, max-age=31536000, immutable';

// keep-deploys 0: these tests pin the writes of a deploy without rollback history (history-e2e.test.ts has them with it).
const base = { bucket: 'site-bucket', 'distribution-id': D1, 'keep-deploys': '0' };
const ledgerOf = (s: MemoryStore) => JSON.parse(s.text(STATE(s))) as DeployState;
const cacheControl = (s: MemoryStore, key: string) => s.objects.get(key)!.headers.cacheControl;
const writes = (s: MemoryStore) => s.ops.filter((o) => !['list', 'head', 'getText', 'etagOf', 'storedMd5'].includes(o.op));
const owedKeys = (s: MemoryStore) => s.keys().filter((k) => /^\.s3cfd-[0-9a-f]{24}\/owed\//.test(k));

function ports(timeline?: Timeline) {
  const store = memoryStore(timeline ? { timeline } : {});
  const cdn = memoryCdn(timeline ? { timeline } : {});
  const clock = memoryClock();
  return { store, cdn, clock };
}

describe('demotion: a "fingerprinted" name reused with new content', () => {
  const APP = 'assets/app-1a2b3c4d.js';
  const site = (app: string) => ({ 'index.html': '<h1>home</h1>', [APP]: app });

  it('deploy 1 immutable; deploy 2 (new content) mutable, invalidated, warned; deploy 3 (same content) stays mutable', async () => {
    const { store, cdn, clock } = ports();
    const o = { store, cdn, clock };

    const r1 = await pipelineRun(base, site('console.log(1)'), o);
    expect(r1.failure).toBeNull();
    expect(cacheControl(store, APP)).toBe(IMMUTABLE);

    store.resetOps();
    const r2 = await pipelineRun(base, site('console.log(2)'), o);
    expect(r2.failure).toBeNull();
    expect(store.opsOf('upload')).toEqual([APP]);
    expect(store.text(APP)).toBe('console.log(2)');
    expect(cacheControl(store, APP)).not.toContain('immutable');
    expect(cdn.sent()).toEqual([[D1, [`/${APP}`]]]);
    const warning = r2.report!.warnings.find((w) => w.startsWith(`${APP} was taken for fingerprinted`));
    expect(warning).toMatch(/demoted \(name reused with new content\)/);
    expect(r2.log.lines.warning).toContain(warning);
    expect(r2.report!.files.find((f) => f.path === APP)).toMatchObject({
      action: 'upload',
      reason: 'content-changed',
      fingerprinted: false,
      fingerprintReason: 'demoted: name reused with new content',
    });
    expect(ledgerOf(store).demoted).toEqual([APP]);

    // Deploy 3: the content does not change. Forgetting the demotion would re-upload it immutable (headers-changed).
    store.resetOps();
    const r3 = await pipelineRun(base, site('console.log(2)'), o);
    expect(r3.failure).toBeNull();
    expect(writes(store)).toEqual([]);
    expect(cdn.sent()).toHaveLength(1); // still only deploy 2's
    expect(cacheControl(store, APP)).not.toContain('immutable');
    expect(r3.report!.files.find((f) => f.path === APP)).toMatchObject({
      action: 'unchanged',
      fingerprinted: false,
      fingerprintReason: 'demoted: name reused with new content',
    });
    expect(r3.report!.warnings).toEqual([]); // said once
    expect(ledgerOf(store).demoted).toEqual([APP]);

    // Deploy 4: new content again: mutable, invalidated, no second warning.
    const r4 = await pipelineRun(base, site('console.log(4)'), o);
    expect(r4.failure).toBeNull();
    expect(cacheControl(store, APP)).not.toContain('immutable');
    expect(cdn.sent()[1]).toEqual([D1, [`/${APP}`]]);
    expect(r4.report!.warnings).toEqual([]);
  });
});

describe('history: a renamed chunk teaches its name shape', () => {
  const OLD = 'chunks/k9qzvbwy2x.js';
  const NEW = 'chunks/m4dpqtr7uv.js';
  const KEPT = 'chunks/x7wqpzk3rt.js'; // same shape, unchanged between the builds
  const A = { 'index.html': 'home', [OLD]: 'chunk a', [KEPT]: 'chunk c' };
  const B = { 'index.html': 'home', [NEW]: 'chunk b', [KEPT]: 'chunk c' };
  const inputs = { ...base, 'delete-removed': 'true' };

  it('the unchanged file of that shape gets immutable headers (re-uploaded once, headers-changed); the new and the removed name are not invalidated, the removed one waits', async () => {
    const { store, cdn, clock } = ports();
    const o = { store, cdn, clock };
    await pipelineRun(inputs, A, o);
    // Before: the name rules alone do not take these names for hashes.
    expect(cacheControl(store, KEPT)).not.toContain('immutable');
    expect(cacheControl(store, OLD)).not.toContain('immutable');

    store.resetOps();
    const r2 = await pipelineRun(inputs, B, o);
    expect(r2.failure).toBeNull();
    expect(store.opsOf('upload').sort()).toEqual([NEW, KEPT]);
    expect(cacheControl(store, NEW)).toBe(IMMUTABLE);
    expect(cacheControl(store, KEPT)).toBe(IMMUTABLE);
    const byPath = (p: string) => r2.report!.files.find((f) => f.path === p);
    expect(byPath(KEPT)).toMatchObject({ action: 'upload', reason: 'headers-changed', fingerprinted: true });
    expect(byPath(NEW)).toMatchObject({ action: 'upload', reason: 'new', fingerprinted: true });
    // The old name is of the learned shape too: kept for open pages, not invalidated, not deleted.
    expect(byPath(OLD)).toMatchObject({ action: 'pending-delete', fingerprinted: true });
    expect(store.opsOf('deleteKeys')).toEqual([]);
    // Nothing else is stale: no invalidation but (see the failing test below) the re-uploaded KEPT.
    expect(cdn.sent().flatMap(([, paths]) => paths)).not.toContain(`/${OLD}`);
    expect(cdn.sent().flatMap(([, paths]) => paths)).not.toContain(`/${NEW}`);
    expect(ledgerOf(store).shapes).toEqual([{ dir: 'chunks', before: '', after: '.js', alphabet: 'base36', length: 10 }]);

    // Once: the next deploy of the same build writes nothing.
    store.resetOps();
    const r3 = await pipelineRun(inputs, B, o);
    expect(r3.failure).toBeNull();
    expect(writes(store)).toEqual([]);
    expect(r3.report!.files.find((f) => f.path === KEPT)).toMatchObject({ action: 'unchanged', fingerprinted: true });
  });

  // BUG in src/plan/stale.ts: an overwritten fingerprinted file is always invalidated and reported as a
  // "fingerprint violation" ("has a fingerprinted name but its content changed"), even when only its headers
  // changed (headers-changed, same bytes). With history learning that is exactly what happens to every unchanged
  // file of a newly learned shape: it is invalidated for nothing and the warning blames the bundler wrongly.
  // staleFor() should skip fingerprinted uploads whose reason is headers-changed (the bytes at the edge are right).
  it('the unchanged file of a newly learned shape, re-uploaded for its headers, is not invalidated and not warned about', async () => {
    const { store, cdn, clock } = ports();
    const o = { store, cdn, clock };
    await pipelineRun(inputs, A, o);
    const r2 = await pipelineRun(inputs, B, o);
    expect(r2.failure).toBeNull();
    expect(r2.report!.files.find((f) => f.path === KEPT)).toMatchObject({ action: 'upload', reason: 'headers-changed' });
    expect(cdn.sent()).toEqual([]);
    expect(r2.report!.warnings).toEqual([]);
  });

  // BUG (or an undocumented limit) in src/plan/fingerprint-history.ts: plausibleToken() refuses every token of
  // lower-case letters only unless it is hex of 12+ characters (`/^[a-z]+$/` is taken for a word), so
  // `kqzvbwyxab` -> `mdpqtrsuvw` teaches nothing, although the module's own header gives `chart-kqzvbwyx.js` as
  // a name history can prove. A base36 hash is all letters about 1 time in 6 at 10 characters (26/36)^10 ~ 4 %;
  // such a chunk is then served mutable and its removal invalidated. looksEnglish() (used for upper-case tokens)
  // could tell `kqzvbwyxab` from `navigation`.
  it.failing('a token of lower-case letters only (chunks/kqzvbwyxab.js -> chunks/mdpqtrsuvw.js) teaches the shape too', async () => {
    const { store, cdn, clock } = ports();
    const o = { store, cdn, clock };
    await pipelineRun(base, { 'index.html': 'home', 'chunks/kqzvbwyxab.js': 'a', 'chunks/zjxwqvkbrt.js': 'c' }, o);
    const r = await pipelineRun(base, { 'index.html': 'home', 'chunks/mdpqtrsuvw.js': 'b', 'chunks/zjxwqvkbrt.js': 'c' }, o);
    expect(r.failure).toBeNull();
    expect(cacheControl(store, 'chunks/zjxwqvkbrt.js')).toBe(IMMUTABLE);
  });
});

describe('keep-removed', () => {
  const BUNDLE = 'assets/app-1a2b3c4d.js';
  const v1 = { 'index.html': 'home 1', [BUNDLE]: 'bundle 1', 'old.html': 'old page' };
  const v2 = { 'index.html': 'home 2', 'assets/app-5e6f7a8b.js': 'bundle 2' };
  const inputs = { ...base, 'delete-removed': 'true' };

  it('a removed fingerprinted asset is kept (pending, due in 7d); the removed page is deleted before the invalidation; 8 days later the asset is deleted after it', async () => {
    const timeline: Timeline = [];
    const { store, cdn, clock } = ports(timeline);
    const o = { store, cdn, clock };
    await pipelineRun(inputs, v1, o);

    timeline.length = 0;
    const r2 = await pipelineRun(inputs, v2, o);
    expect(r2.failure).toBeNull();
    expect(store.keys()).toContain(BUNDLE);
    expect(store.keys()).not.toContain('old.html');
    expect(r2.report!.pendingDeletions).toEqual([{ key: BUNDLE, dueAt: new Date(T0 + 7 * DAY).toISOString() }]);
    expect(r2.report!.files.find((f) => f.path === BUNDLE)).toMatchObject({ action: 'pending-delete', dueAt: '2025-06-22T12:00:00.000Z' });
    expect(r2.outputs.deleted).toBe('1');
    expect(ledgerOf(store).pending).toEqual({ [BUNDLE]: { since: T0, size: 8 } });
    // The page is gone from the origin before the invalidation that covers it; the bundle is never invalidated.
    const del = timeline.indexOf('store.deleteKeys old.html');
    const create = timeline.findIndex((l) => l.startsWith(`cdn.create ${D1}`));
    expect(del).toBeGreaterThan(timeline.indexOf(`store.putText ${STATE(store)}`));
    expect(create).toBeGreaterThan(del);
    expect(timeline[create]).toBe(`cdn.create ${D1} / /index.html /old.html`);
    expect(timeline.filter((l) => l.includes(BUNDLE))).toEqual([]);

    // A day later: still kept, still due at the same time (the grace period runs from its removal).
    await clock.sleep(DAY);
    const r3 = await pipelineRun(inputs, v2, o);
    expect(r3.failure).toBeNull();
    expect(store.keys()).toContain(BUNDLE);
    expect(r3.report!.pendingDeletions).toEqual([{ key: BUNDLE, dueAt: '2025-06-22T12:00:00.000Z' }]);

    // Eight days after the removal (with something else to invalidate): deleted, after the invalidation.
    await clock.sleep(7 * DAY);
    timeline.length = 0;
    const r4 = await pipelineRun(inputs, { ...v2, 'index.html': 'home 3' }, o);
    expect(r4.failure).toBeNull();
    expect(store.keys()).not.toContain(BUNDLE);
    expect(r4.report!.pendingDeletions).toBeUndefined();
    expect(r4.report!.files.find((f) => f.path === BUNDLE)).toMatchObject({ action: 'delete', fingerprinted: true });
    const created = timeline.findIndex((l) => l.startsWith(`cdn.create ${D1}`));
    expect(timeline[created]).toBe(`cdn.create ${D1} / /index.html`); // the bundle is not invalidated
    expect(timeline.indexOf(`store.deleteKeys ${BUNDLE}`)).toBeGreaterThan(created);

    // The ledger forgets it once the listing shows it gone.
    await pipelineRun(inputs, { ...v2, 'index.html': 'home 3' }, o);
    expect(ledgerOf(store).pending).toEqual({});
  });

  it('keep-removed: 0 deletes a removed fingerprinted asset at once (before the invalidation, never invalidated)', async () => {
    const timeline: Timeline = [];
    const { store, cdn, clock } = ports(timeline);
    const o = { store, cdn, clock };
    await pipelineRun({ ...inputs, 'keep-removed': '0' }, v1, o);
    timeline.length = 0;
    const r = await pipelineRun({ ...inputs, 'keep-removed': '0' }, v2, o);
    expect(r.failure).toBeNull();
    expect(store.keys()).not.toContain(BUNDLE);
    expect(r.report!.pendingDeletions).toBeUndefined();
    expect(r.outputs.deleted).toBe('2');
    expect(ledgerOf(store).pending).toEqual({});
    const create = timeline.findIndex((l) => l.startsWith(`cdn.create ${D1}`));
    expect(timeline[create]).toBe(`cdn.create ${D1} / /index.html /old.html`);
    expect(timeline.indexOf(`store.deleteKeys ${BUNDLE}`)).toBeLessThan(create);
    expect(timeline.indexOf('store.deleteKeys old.html')).toBeLessThan(create);
  });

  it('a pending asset back in the build is no longer pending; removed again, its grace period starts over', async () => {
    const { store, cdn, clock } = ports();
    const o = { store, cdn, clock };
    await pipelineRun(inputs, v1, o);
    await pipelineRun(inputs, { 'index.html': 'home 1', 'old.html': 'old page' }, o);
    expect(Object.keys(ledgerOf(store).pending!)).toEqual([BUNDLE]);
    await clock.sleep(5 * DAY);
    await pipelineRun(inputs, v1, o);
    expect(ledgerOf(store).pending).toEqual({});
    await clock.sleep(5 * DAY);
    const r = await pipelineRun(inputs, { 'index.html': 'home 1', 'old.html': 'old page' }, o);
    expect(store.keys()).toContain(BUNDLE); // 10 days after its first removal, but only just removed again
    expect(r.report!.pendingDeletions).toEqual([{ key: BUNDLE, dueAt: new Date(T0 + 17 * DAY).toISOString() }]);
  });
});

describe('a crash between any two writes', () => {
  // Setup: v1 deployed; the vendor bundle removed (pending since T0); 8 days later deploy 3 changes pages and CSS,
  // renames the app bundle (the old one becomes pending), removes a page (deleted now) and the vendor bundle is due.
  const APP1 = 'assets/app-1a2b3c4d.js';
  const APP2 = 'assets/app-5e6f7a8b.js';
  const VENDOR = 'assets/vendor-9a8b7c6d.js';
  const v1 = {
    'index.html': 'home 1',
    'about/index.html': 'about',
    'css/site.css': 'body{}',
    [APP1]: 'app 1',
    [VENDOR]: 'vendor',
    'old.html': 'old page',
  };
  const { [VENDOR]: _vendor, ...v1b } = v1;
  const v3 = { 'index.html': 'home 3', 'about/index.html': 'about', 'css/site.css': 'body{color:red}', [APP2]: 'app 2' };
  const inputs = { ...base, 'delete-removed': 'true' };
  const STALE = ['/', '/css/site.css', '/index.html', '/old.html'];
  const RUN = '300';
  // Keys in the records folder, whose random name is known once the store has it: `{dir}` stands for it.
  const owedKey = `{dir}owed/${D1}/${RUN}-1.json`;
  const BOOT = '.s3cfd-lock.json';
  const LOCK = '{dir}lock.json';
  const inDir = (store: MemoryStore, key: string) => key.replace('{dir}', recordsDir(store));
  /** The writes of deploy 3, in order, as [port, op, key]. */
  const WRITES: [string, StoreOp | 'create', string][] = [
    ['store', 'putText', BOOT],
    ['store', 'putText', LOCK],
    ['store', 'deleteKey', BOOT],
    ['store', 'putText', owedKey],
    ['store', 'upload', APP2],
    ['store', 'upload', 'css/site.css'],
    ['store', 'upload', 'index.html'],
    ['store', 'putText', '{dir}state.json'],
    ['store', 'deleteKeys', 'old.html'],
    ['cdn', 'create', D1],
    ['store', 'deleteKey', owedKey],
    ['store', 'deleteKeys', VENDOR],
    ['store', 'deleteKey', LOCK],
  ];

  async function setup(): Promise<{ store: MemoryStore; cdn: MemoryCdn; clock: MemoryClock; timeline: Timeline; o: PipelineOptions }> {
    const timeline: Timeline = [];
    const store = memoryStore({ timeline });
    const cdn = memoryCdn({ timeline });
    const clock = memoryClock();
    const o = { store, cdn, clock };
    expect((await pipelineRun(inputs, v1, o)).failure).toBeNull();
    expect((await pipelineRun(inputs, v1b, o)).failure).toBeNull();
    expect(ledgerOf(store).pending).toEqual({ [VENDOR]: { since: T0, size: 6 } });
    await clock.sleep(8 * DAY);
    timeline.length = 0;
    return { store, cdn, clock, timeline, o };
  }

  const isWrite = (l: string) => /^(store\.(putText|upload|deleteKeys|deleteKey) |cdn\.create )/.test(l);

  it('without a crash, deploy 3 writes in this order', async () => {
    const { store, timeline, o } = await setup();
    const r = await pipelineRun(inputs, v3, { ...o, env: { GITHUB_RUN_ID: RUN } });
    expect(r.failure).toBeNull();
    expect(timeline.filter(isWrite)).toEqual(
      WRITES.map(([port, op, key]) => (port === 'cdn' ? `cdn.create ${D1} ${STALE.join(' ')}` : `store.${op} ${inDir(store, key)}`)),
    );
    expect(store.keys()).toContain(APP1);
    expect(store.keys()).not.toContain(VENDOR);
  });

  it.each(WRITES.map((w, i) => [i + 1, ...w] as const))(
    'crash at write %i (%s %s %s): the next run leaves nothing stale, loses nothing, deletes nothing early',
    async (_i, port, op, key) => {
      const { store, cdn, clock, timeline, o } = await setup();
      const boom = () => Object.assign(new Error('connection reset'), { name: 'NetworkingError' });
      if (port === 'cdn') cdn.fail = (c) => (c === 'create' ? boom() : undefined);
      else {
        const target = inDir(store, key);
        store.fail = (sop, skey) => (sop === op && skey === target ? boom() : undefined);
      }
      const crashed = await pipelineRun(inputs, v3, { ...o, env: { GITHUB_RUN_ID: RUN } });
      expect(crashed.failed).toBe(true);
      store.fail = null;
      cdn.fail = null;

      // A lock whose delete failed stays until its time is up (10 min); the next run waits for it (30 min at most)
      // and takes it over.
      await clock.sleep(60_000);
      const next = await pipelineRun(inputs, v3, o);
      expect(next.failure).toBeNull();

      // Nothing stale: every changed URL is in an invalidation created after the last write of its object.
      const keyOf: Record<string, string> = {
        '/': 'index.html',
        '/index.html': 'index.html',
        '/css/site.css': 'css/site.css',
        '/old.html': 'old.html',
      };
      for (const url of STALE) {
        const objectKey = keyOf[url]!;
        const lastWrite = timeline.findLastIndex((l) => /^store\.(upload|deleteKeys) /.test(l) && l.endsWith(` ${objectKey}`));
        const covered = timeline.findIndex((l, j) => j > lastWrite && l.startsWith(`cdn.create ${D1} `) && l.split(' ').includes(url));
        expect([url, lastWrite >= 0, covered > lastWrite]).toEqual([url, true, true]);
      }
      const created = cdn.created();
      expect(created.every((inv) => !inv.paths.includes(`/${APP1}`) && !inv.paths.includes(`/${VENDOR}`))).toBe(true);
      expect(owedKeys(store)).toEqual([]);

      // Loses nothing: the build is in the bucket, with its headers, and the ledger knows every file of it.
      for (const [path, body] of Object.entries(v3)) expect([path, store.text(path)]).toEqual([path, body]);
      expect(cacheControl(store, APP2)).toBe(IMMUTABLE);
      expect(Object.keys(ledgerOf(store).objects).sort()).toEqual(Object.keys(v3).sort());
      expect(store.keys()).not.toContain('old.html');

      // Deletes nothing early: the bundle removed 8 days in is still there and pending from then (or later);
      // the vendor bundle (due) is gone once a run got past the invalidation.
      expect(store.keys()).toContain(APP1);
      expect(ledgerOf(store).pending![APP1]!.since).toBeGreaterThanOrEqual(T0 + 8 * DAY);
      expect(store.keys()).not.toContain(VENDOR);
      const vendorDelete = timeline.indexOf(`store.deleteKeys ${VENDOR}`);
      expect(vendorDelete).toBeGreaterThan(timeline.findIndex((l) => l.startsWith(`cdn.create ${D1} `)));
    },
  );

  // BUG in src/stages/execute.ts: the evidence of a demotion lives only in the ledger, which is written after the
  // uploads. A crash between the upload of the demoted file and the ledger write loses it: the next run sees
  // the same content (md5-match), finds nothing reused, takes the name for fingerprinted again, and the ledger
  // never records the demotion; the report calls the file immutable while S3 serves it mutable, and the
  // demotion (with its warning) happens again on the next content change. Writing the learned knowledge
  // (demoted) before the uploads, or with the owed record, would keep it.
  it('a crash between the upload of a demoted file and the ledger write keeps the demotion', async () => {
    const { store, cdn, clock } = ports();
    const o = { store, cdn, clock };
    const APP = 'assets/app-1a2b3c4d.js';
    await pipelineRun(base, { 'index.html': 'home', [APP]: 'one' }, o);
    const state = STATE(store);
    store.fail = (op, key) => (op === 'putText' && key === state ? new Error('connection reset') : undefined);
    expect((await pipelineRun(base, { 'index.html': 'home', [APP]: 'two' }, o)).failed).toBe(true);
    store.fail = null;
    const r = await pipelineRun(base, { 'index.html': 'home', [APP]: 'two' }, o);
    expect(r.failure).toBeNull();
    expect(r.report!.files.find((f) => f.path === APP)).toMatchObject({ fingerprinted: false });
    expect(ledgerOf(store).demoted).toEqual([APP]);
  });
});

describe('the older-commit guard', () => {
  /** A workspace with commits Y <- X <- Z (each the parent of the next) and a side branch W off Y. */
  function repo() {
    const ws = tmpDir('git');
    git(ws, 'init', '-q', '-b', 'main');
    const commit = (msg: string) => {
      git(ws, 'commit', '-q', '--allow-empty', '-m', msg);
      return git(ws, 'rev-parse', 'HEAD');
    };
    const Y = commit('Y');
    const X = commit('X');
    const Z = commit('Z');
    git(ws, 'checkout', '-q', '-b', 'side', Y);
    const W = commit('W');
    return { ws, X, Y, Z, W };
  }

  const siteAt = (n: string) => ({ 'index.html': `home ${n}`, 'a.css': `css ${n}` });

  it('live X, a run of Y (X descends from Y) is refused before any write; allow-older deploys; a newer commit deploys', async () => {
    const { ws, X, Y, Z } = repo();
    const { store, cdn, clock } = ports();
    const at = (sha: string): PipelineOptions => ({ store, cdn, clock, workspace: ws, env: { GITHUB_SHA: sha } });

    const rX = await pipelineRun(base, siteAt('X'), at(X));
    expect(rX.failure).toBeNull();
    expect(ledgerOf(store).deploys!.map((d) => d.sha)).toEqual([X]);

    store.resetOps();
    const before = new Map(store.objects);
    const rY = await pipelineRun(base, siteAt('Y'), at(Y));
    expect(rY.failed).toBe(true);
    expect(rY.failure).toBe(
      `The bucket holds a deploy of ${X.slice(0, 12)}, which is newer than this run's commit ${Y.slice(0, 12)} ` +
        '(it descends from it): a run that finished out of order, or a re-run of an old workflow. Nothing was written. ' +
        'Set allow-older: true to deploy an older commit on purpose (a rollback).',
    );
    expect(writes(store)).toEqual([]);
    expect(store.objects).toEqual(before);
    expect(cdn.calls.filter((c) => c.op === 'create')).toEqual([]);

    const rollback = await pipelineRun({ ...base, 'allow-older': 'true' }, siteAt('Y'), at(Y));
    expect(rollback.failure).toBeNull();
    expect(store.text('index.html')).toBe('home Y');
    expect(ledgerOf(store).deploys!.map((d) => d.sha)).toEqual([Y, X]);

    const rZ = await pipelineRun(base, siteAt('Z'), at(Z));
    expect(rZ.failure).toBeNull();
    expect(store.text('index.html')).toBe('home Z');
    expect(ledgerOf(store).deploys!.map((d) => d.sha)).toEqual([Z, Y, X]);
  });

  it('a newer commit over the live one deploys; a commit on another branch (diverged) deploys too', async () => {
    const { ws, X, Z, W } = repo();
    const { store, cdn, clock } = ports();
    const at = (sha: string): PipelineOptions => ({ store, cdn, clock, workspace: ws, env: { GITHUB_SHA: sha } });
    expect((await pipelineRun(base, siteAt('X'), at(X))).failure).toBeNull();
    const rZ = await pipelineRun(base, siteAt('Z'), at(Z));
    expect(rZ.failure).toBeNull();
    expect(store.text('index.html')).toBe('home Z');
    const rW = await pipelineRun(base, siteAt('W'), at(W));
    expect(rW.failure).toBeNull();
    expect(store.text('index.html')).toBe('home W');
  });

  it('a re-run of the live commit (same) deploys', async () => {
    const { ws, X } = repo();
    const { store, cdn, clock } = ports();
    const at = (sha: string): PipelineOptions => ({ store, cdn, clock, workspace: ws, env: { GITHUB_SHA: sha } });
    expect((await pipelineRun(base, siteAt('X'), at(X))).failure).toBeNull();
    const again = await pipelineRun(base, { ...siteAt('X'), 'b.css': 'more' }, at(X));
    expect(again.failure).toBeNull();
    expect(store.keys()).toContain('b.css');
  });
});
