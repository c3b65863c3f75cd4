// keep-deploys and rollback-to end to end, in-process on the in-memory ports and a real git repository: three
// deploys (changed, new and removed pages; a new bundle, a removed bundle; a header rule change), rollbacks back and
// forward, `previous` after a rollback, the older-commit guard after a rollback, the refusal of a target no longer
// kept, a crash at any write of a rollback, a dry run, pruning.
import { createHash } from 'node:crypto';
import {
  memoryCdn,
  memoryClock,
  memoryStore,
  pipelineRun,
  recordsDir,
  tmpDir,
  type MemoryStore,
  type PipelineOptions,
  type StoreOp,
  type Timeline,
} from './support/memory.js';
import type { DeployState } from '../src/model/data.js';
import { servedHeaders } from '../src/plan/history.js';
import { git } from './support/git.js';

const D1 = 'E1ABCDEFGH';
const OLD_APP = 'assets/app-1a2b3c4d.js';
const NEW_APP = 'assets/app-5e6f7a8b.js';

const deployInputs = { bucket: 'site-bucket', 'distribution-id': D1, 'delete-removed': 'true' };
const CSS_RULE = 'css/*.css: Cache-Control: public, max-age=60';

/** Three versions of a site: v2 changes, adds and removes pages, swaps the bundle and changes a header rule. */
const V: Record<1 | 2 | 3, { files: Record<string, string>; inputs: Record<string, string> }> = {
  1: {
    files: {
      'index.html': `<script src="/${OLD_APP}"></script>home 1`,
      'about.html': 'about 1',
      'old.html': 'old page',
      [OLD_APP]: 'app 1',
      'css/site.css': 'body{}',
    },
    inputs: deployInputs,
  },
  2: {
    files: {
      'index.html': `<script src="/${NEW_APP}"></script>home 2`,
      'about.html': 'about 1',
      'new.html': 'new page',
      [NEW_APP]: 'app 2',
      'css/site.css': 'body{}',
    },
    inputs: { ...deployInputs, headers: CSS_RULE },
  },
  3: {
    files: {
      'index.html': `<script src="/${NEW_APP}"></script>home 3`,
      'about.html': 'about 3',
      'extra.html': 'extra page',
      [NEW_APP]: 'app 2',
      'css/site.css': 'body{}',
    },
    inputs: { ...deployInputs, headers: CSS_RULE },
  },
};

/** A repository with commits C1 <- C2 <- C3. */
function repo() {
  const ws = tmpDir('git');
  git(ws, 'init', '-q', '-b', 'main');
  const commit = (msg: string) => {
    git(ws, 'commit', '-q', '--allow-empty', '-m', msg);
    return git(ws, 'rev-parse', 'HEAD');
  };
  return { ws, C: [commit('C1'), commit('C2'), commit('C3')] as const };
}

/** Every site object (the action's records left out) with its bytes, headers and metadata. */
function snapshot(store: MemoryStore): Record<string, unknown> {
  return snapshotOf(store, '');
}

function snapshotOf(store: MemoryStore, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, o] of store.objects) {
    if (key.includes('.s3cfd-') || !key.startsWith(prefix)) continue;
    // The headers S3 keeps (the in-memory store also keeps what the upload was given beyond them, e.g. their provenance).
    out[key] = { body: o.body.toString('utf8'), headers: servedHeaders(o.headers), metadata: o.metadata };
  }
  return out;
}

const ledgerOf = (s: MemoryStore) => JSON.parse(s.text(`${recordsDir(s)}state.json`)) as DeployState;
const SITE_WRITES: StoreOp[] = ['upload', 'copy', 'deleteKeys'];
/** The writes to the site itself (not the records): key and kind. */
const siteWrites = (s: MemoryStore) => s.ops.filter((o) => SITE_WRITES.includes(o.op) && !o.key.includes('.s3cfd-'));

function world() {
  const { ws, C } = repo();
  const store = memoryStore();
  const cdn = memoryCdn({ completeAfterGets: 0 });
  const clock = memoryClock();
  const at = (sha: string): PipelineOptions => ({ store, cdn, clock, workspace: ws, env: { GITHUB_SHA: sha } });
  const deploy = (v: 1 | 2 | 3, sha: string = C[v - 1]!) => pipelineRun(V[v].inputs, V[v].files, at(sha));
  // A workflow_dispatch job on main: no checkout of the old commit, no build, no source-dir.
  const rollback = (to: string, extra: Record<string, string> = {}) =>
    pipelineRun({ bucket: 'site-bucket', 'distribution-id': D1, 'source-dir': '', 'rollback-to': to, ...extra }, {}, at(C[2]));
  return { ws, C, store, cdn, clock, at, deploy, rollback };
}

describe('rollback-to', () => {
  it('v1, v2, v3; back to v2 (previous), to v1 by commit, forward to v3 by number: byte for byte with headers, only server-side copies, exactly the changed URLs invalidated', async () => {
    const w = world();
    const { store, cdn } = w;
    const snaps: Record<number, Record<string, unknown>> = {};
    for (const v of [1, 2, 3] as const) {
      const r = await w.deploy(v);
      expect(r.failure).toBeNull();
      expect(r.outputs['deploy-id']).toBe(String(v));
      snaps[v] = snapshot(store);
    }
    // The header rule change is there: v1 served the stylesheet with the default mutable Cache-Control.
    expect((snaps[1]!['css/site.css'] as { headers: { cacheControl: string } }).headers.cacheControl).not.toBe('public, max-age=60');
    expect((snaps[2]!['css/site.css'] as { headers: { cacheControl: string } }).headers.cacheControl).toBe('public, max-age=60');
    const sentBefore = cdn.sent().length;

    // Back to v2: the deploy before the live one.
    store.resetOps();
    const r4 = await w.rollback('previous');
    expect(r4.failure).toBeNull();
    expect(r4.outputs['deploy-id']).toBe('4');
    expect(snapshot(store)).toEqual(snaps[2]);
    expect(store.opsOf('upload')).toEqual([]); // no object body through the runner
    expect(siteWrites(store).map((o) => `${o.op} ${o.key}`)).toEqual([
      'copy about.html',
      'copy index.html', // entry documents last, as a deploy does
      'copy new.html',
      'deleteKeys extra.html',
    ]);
    expect(cdn.sent().slice(sentBefore)).toEqual([[D1, ['/', '/about.html', '/extra.html', '/index.html']]]);
    expect(r4.report!.rollback).toMatchObject({ asked: 'previous', target: { id: 2, sha: w.C[1] }, restored: 3, deleted: 1 });
    expect(ledgerOf(store).deploys![0]).toMatchObject({ id: 4, sha: w.C[1], rollbackOf: 2 });

    // To v1 by its commit (12 hex digits): the header rule change goes back too, by a copy with v1's headers.
    store.resetOps();
    const r5 = await w.rollback(w.C[0].slice(0, 12));
    expect(r5.failure).toBeNull();
    const now = snapshot(store);
    // Every object of v1 as it was; the only other one is v2's bundle, kept (fingerprinted) for pages already open.
    expect(Object.fromEntries(Object.entries(now).filter(([k]) => k in snaps[1]!))).toEqual(snaps[1]);
    expect(Object.keys(now).filter((k) => !(k in snaps[1]!))).toEqual([NEW_APP]);
    expect(ledgerOf(store).pending).toHaveProperty([NEW_APP]);
    expect(store.opsOf('upload')).toEqual([]);
    // As in a deploy: a page put back where there was none is not stale, nor is a Cache-Control change (it does not
    // change how the bytes read); the deleted page is.
    expect(cdn.sent().at(-1)).toEqual([D1, ['/', '/index.html', '/new.html']]);
    expect(r5.report!.rollback!.changes).toEqual(
      expect.arrayContaining([
        { key: 'css/site.css', action: 'restore', reason: 'restored: headers differ' },
        { key: 'old.html', action: 'restore', reason: 'restored: missing' },
        { key: 'new.html', action: 'delete', reason: 'not in the target deploy' },
        { key: NEW_APP, action: 'keep', reason: 'fingerprinted: kept for pages already open (keep-removed)' },
      ]),
    );

    // Forward to v3 by its number.
    store.resetOps();
    const r6 = await w.rollback('3');
    expect(r6.failure).toBeNull();
    const v3now = snapshot(store);
    expect(Object.fromEntries(Object.entries(v3now).filter(([k]) => k in snaps[3]!))).toEqual(snaps[3]);
    // v1's bundle is kept (fingerprinted), as it was after the v3 deploy itself.
    expect(Object.keys(v3now).sort()).toEqual(Object.keys(snaps[3]!).sort());
    expect(store.opsOf('upload')).toEqual([]);
    expect(cdn.sent().at(-1)).toEqual([D1, ['/', '/about.html', '/index.html', '/old.html']]);
    expect(
      ledgerOf(store)
        .deploys!.slice(0, 3)
        .map((d) => [d.id, d.rollbackOf, d.sha]),
    ).toEqual([
      [6, 3, w.C[2]],
      [5, 1, w.C[0]],
      [4, 2, w.C[1]],
    ]);
    // The summary lists the restorable deploys.
    expect(r6.summary).toContain('### Restorable deploys (rollback-to)');
    expect(r6.summary).toMatch(/\| 6 \(live\) \| `[0-9a-f]{12}` \(rollback to 3\) \|/);
  });

  it("'previous' after a rollback steps further back (the build deploy before the one now served), not forward again", async () => {
    const w = world();
    for (const v of [1, 2, 3] as const) expect((await w.deploy(v)).failure).toBeNull();
    expect((await w.rollback('previous')).report!.rollback!.target.id).toBe(2);
    const again = await w.rollback('previous');
    expect(again.failure).toBeNull();
    expect(again.report!.rollback!.target.id).toBe(1);
    expect(w.store.text('index.html')).toContain('home 1');
  });

  it('the older-commit guard never blocks a rollback; the next deploy compares against the commit the site now serves', async () => {
    const w = world();
    for (const v of [1, 2, 3] as const) expect((await w.deploy(v)).failure).toBeNull();
    // Without a rollback, C2's build over live C3 is refused.
    const refused = await w.deploy(2);
    expect(refused.failure).toMatch(/newer than this run's commit/);
    const r = await w.rollback(w.C[0].slice(0, 7));
    expect(r.failure).toBeNull();
    expect(r.report!.commit).toMatchObject({ verdict: 'deploy', reason: 'rollback' });
    expect(ledgerOf(w.store).deploys![0]!.sha).toBe(w.C[0]);
    // Now C1 is served: C2 is newer than it and deploys without allow-older.
    const next = await w.deploy(2);
    expect(next.failure).toBeNull();
    expect(next.report!.commit).toMatchObject({ live: w.C[0], order: 'newer', verdict: 'deploy' });
  });

  it('a target older than keep-deploys fails before any write, listing the restorable deploys (number, commit, time)', async () => {
    const w = world();
    const keep1 = (v: 1 | 2 | 3) => pipelineRun({ ...V[v].inputs, 'keep-deploys': '1' }, V[v].files, w.at(w.C[v - 1]!));
    for (const v of [1, 2, 3] as const) expect((await keep1(v)).failure).toBeNull();
    w.store.resetOps();
    const before = snapshot(w.store);
    const r = await w.rollback('1', { 'keep-deploys': '1' });
    expect(r.failed).toBe(true);
    expect(r.failure).toMatch(
      /^rollback-to: deploy 1 \([0-9a-f]{12}, 2025-[^)]+\) is older than keep-deploys: its files are no longer kept\. Nothing was written\./,
    );
    expect(r.failure).toMatch(
      /Restorable deploys \(number, commit, time\), newest first: 3 \([0-9a-f]{12}, 2025-[^)]+\); 2 \([0-9a-f]{12}, 2025-[^)]+\)\./,
    );
    expect(w.store.ops.filter((o) => !['list', 'getText', 'head', 'etagOf'].includes(o.op))).toEqual([]);
    expect(snapshot(w.store)).toEqual(before);
    const unknown = await w.rollback('deadbeef');
    expect(unknown.failure).toMatch(/no deploy of this prefix is commit deadbeef/);
  });

  it('a history object gone from the bucket (a lifecycle rule, a person) fails the rollback before any write, naming it', async () => {
    const w = world();
    for (const v of [1, 2, 3] as const) expect((await w.deploy(v)).failure).toBeNull();
    const kept = w.store.keys().filter((k) => /\/history\/3\//.test(k));
    expect(kept.length).toBeGreaterThan(0);
    w.store.objects.delete(kept[0]!);
    w.store.resetOps();
    const before = snapshot(w.store);
    const r = await w.rollback('2');
    expect(r.failed).toBe(true);
    const lost = kept[0]!.replace(/^.*\/history\/3\//, '');
    expect(r.failure).toContain(`neither in the bucket nor in the kept history (${lost}`);
    expect(r.failure).toContain('Nothing was written.');
    expect(w.store.ops.filter((o) => !['list', 'getText', 'head', 'etagOf'].includes(o.op))).toEqual([]);
    expect(snapshot(w.store)).toEqual(before);
  });

  it('a rollback sends what an owed record left under a distribution that does not exist owes, and only then clears it', async () => {
    const w = world();
    for (const v of [1, 2, 3] as const) expect((await w.deploy(v)).failure).toBeNull();
    // An earlier run with a typo in distribution-id left what it owes under that id (CloudFront has no such one).
    const orphan = `${recordsDir(w.store)}owed/ETYPO0000001/9-1.json`;
    await w.store.putText(
      orphan,
      JSON.stringify({ version: 2, distributionId: 'ETYPO0000001', paths: ['/typo-page.html'], note: 'run 9' }),
    );
    w.cdn.fail = (op, id) =>
      op === 'config' && id === 'ETYPO0000001' ? Object.assign(new Error('no such'), { name: 'NoSuchDistribution' }) : undefined;
    const sentBefore = w.cdn.sent().length;
    const r = await w.rollback('2');
    expect(r.failure).toBeNull();
    const sent = w.cdn.sent().slice(sentBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]![1]).toContain('/typo-page.html');
    expect(w.store.keys()).not.toContain(orphan);
  });

  it('a dry run prints the rollback plan and writes nothing', async () => {
    const w = world();
    for (const v of [1, 2, 3] as const) expect((await w.deploy(v)).failure).toBeNull();
    w.store.resetOps();
    const r = await w.rollback('2', { 'dry-run': 'true' });
    expect(r.failure).toBeNull();
    expect(w.store.ops.filter((o) => !['list', 'getText', 'head', 'etagOf'].includes(o.op))).toEqual([]);
    const info = r.log.lines.info.join('\n');
    expect(info).toMatch(/Rollback \(2\) to deploy 2 \([0-9a-f]{12}, [^)]+\): restore 3 by server-side copy, delete 1, unchanged \d+/);
    expect(info).toContain('restore about.html (bytes) from .s3cfd-<hidden>/history/3/about.html');
    expect(info).toContain('delete extra.html (not in deploy 2)');
    expect(r.summary).toContain('### Rollback to deploy 2');
  });

  it('a crash at any write of a rollback: the same rollback again completes it, byte for byte, and every changed URL is invalidated', async () => {
    // Count the rollback's writes once, then crash at each in turn.
    const count = async () => {
      const w = world();
      for (const v of [1, 2, 3] as const) await w.deploy(v);
      w.store.resetOps();
      await w.rollback('2');
      return w.store.ops.filter((o) => !['list', 'getText', 'head', 'etagOf'].includes(o.op)).length;
    };
    const writes = await count();
    expect(writes).toBeGreaterThan(8);
    for (let crashAt = 1; crashAt <= writes; crashAt++) {
      const w = world();
      const snaps: Record<number, Record<string, unknown>> = {};
      for (const v of [1, 2, 3] as const) {
        await w.deploy(v);
        snaps[v] = snapshot(w.store);
      }
      let n = 0;
      w.store.fail = (op) =>
        ['list', 'getText', 'head', 'etagOf'].includes(op) || ++n !== crashAt ? undefined : new Error(`crash ${crashAt}`);
      const crashed = await w.rollback('2');
      w.store.fail = null;
      const sent = new Set(w.cdn.sent().flatMap(([, p]) => p));
      const again = await w.rollback('2');
      expect([crashAt, again.failure]).toEqual([crashAt, null]);
      expect([crashAt, snapshot(w.store)]).toEqual([crashAt, snaps[2]]);
      for (const p of w.cdn.sent().flatMap(([, p]) => p)) sent.add(p);
      // Whatever the crash, every URL the rollback changed was invalidated by one of the two runs.
      for (const p of ['/', '/about.html', '/extra.html', '/index.html'])
        expect([crashAt, crashed.failed, sent.has(p)]).toEqual([crashAt, crashed.failed, true]);
      expect(w.store.keys().filter((k) => k.includes('/owed/'))).toEqual([]);
    }
  });
});

describe('rollback-to: safety and scope', () => {
  it('the order of writes: lock, owed record, history copies, their record, restores, ledger, deletes, invalidation, owed record cleared', async () => {
    const timeline: Timeline = [];
    const { ws, C } = repo();
    const store = memoryStore({ timeline });
    const cdn = memoryCdn({ completeAfterGets: 0, timeline });
    const clock = memoryClock();
    const at = (sha: string): PipelineOptions => ({ store, cdn, clock, workspace: ws, env: { GITHUB_SHA: sha, GITHUB_RUN_ID: '77' } });
    for (const v of [1, 2, 3] as const) await pipelineRun(V[v].inputs, V[v].files, at(C[v - 1]!));
    timeline.splice(0);
    const r = await pipelineRun({ bucket: 'site-bucket', 'distribution-id': D1, 'rollback-to': '2' }, {}, at(C[2]));
    expect(r.failure).toBeNull();
    const dir = recordsDir(store);
    const writes = timeline
      .filter(
        (t) =>
          !/^store\.(list|getText|head|etagOf)\b/.test(t) &&
          !t.startsWith('cdn.get') &&
          !t.startsWith('cdn.list') &&
          !t.startsWith('cdn.config'),
      )
      .map((t) => t.split(dir).join('{dir}'));
    expect(writes).toEqual([
      'store.putText .s3cfd-lock.json',
      'store.putText {dir}lock.json',
      'store.deleteKey .s3cfd-lock.json',
      `store.putText {dir}owed/${D1}/77-1.json`,
      'store.copy about.html -> {dir}history/4/about.html',
      'store.copy extra.html -> {dir}history/4/extra.html',
      'store.copy index.html -> {dir}history/4/index.html',
      'store.putText {dir}state.json',
      'store.copy {dir}history/3/about.html -> about.html',
      'store.copy {dir}history/3/index.html -> index.html',
      'store.copy {dir}history/3/new.html -> new.html',
      'store.putText {dir}state.json',
      'store.deleteKeys extra.html',
      `cdn.create ${D1} / /about.html /extra.html /index.html`,
      `store.deleteKey {dir}owed/${D1}/77-1.json`,
      'store.deleteKey {dir}lock.json',
    ]);
  });

  it('per prefix with state-prefix: the rollback of one prefix leaves a sibling prefix and objects other tools wrote alone; protect and max-deletes hold', async () => {
    const w = world();
    const inPrefix = (v: 1 | 2 | 3, prefix: string) =>
      pipelineRun({ ...V[v].inputs, prefix, 'state-prefix': 'deploy-state' }, V[v].files, w.at(w.C[v - 1]!));
    for (const v of [1, 2, 3] as const) expect((await inPrefix(v, 'site/')).failure).toBeNull();
    expect((await inPrefix(3, 'blog/')).failure).toBeNull();
    w.store.seed('site/uploaded-by-hand.txt', 'keep me');
    const blog = snapshotOf(w.store, 'blog/');
    const back = (extra: Record<string, string> = {}) =>
      w.rollback('previous', { prefix: 'site/', 'state-prefix': 'deploy-state', ...extra });
    // max-deletes 0: refused before any write.
    w.store.resetOps();
    const capped = await back({ 'max-deletes': '0' });
    expect(capped.failure).toMatch(/1 objects would be deleted, over max-deletes \(0\)/);
    expect(w.store.ops.filter((o) => !['list', 'getText', 'head', 'etagOf'].includes(o.op))).toEqual([]);
    // protect keeps extra.html.
    const r = await back({ protect: 'extra.html' });
    expect(r.failure).toBeNull();
    expect(w.store.text('site/index.html')).toContain('home 2');
    expect(w.store.text('site/extra.html')).toBe('extra page');
    expect(w.store.text('site/uploaded-by-hand.txt')).toBe('keep me');
    expect(snapshotOf(w.store, 'blog/')).toEqual(blog);
    // The history under state-prefix, keyed relative to the prefix.
    expect(w.store.keys().filter((k) => k.startsWith('deploy-state/site/history/'))).toEqual(
      expect.arrayContaining(['deploy-state/site/history/3/index.html', 'deploy-state/site/history/4/about.html']),
    );
    const H = 'deploy-state/site/history/';
    expect(w.store.keys().filter((k) => k.startsWith(H) && k.slice(H.length).includes('site/'))).toEqual([]);
    expect(w.store.keys().filter((k) => !k.startsWith('site/') && !k.startsWith('blog/') && !k.startsWith('deploy-state/'))).toEqual([]);
    expect(r.report!.rollback!.changes).toEqual(
      expect.arrayContaining([
        { key: 'site/extra.html', action: 'keep', reason: 'protected (protect, or a hidden file)' },
        { key: 'site/uploaded-by-hand.txt', action: 'keep', reason: 'not written by a recorded deploy of this prefix' },
      ]),
    );
  });
});

describe('keep-deploys: the history', () => {
  it('only the delta: one copy per replaced or deleted mutable object, none for unchanged ones; a removed bundle stays in place while a restorable deploy served it', async () => {
    const w = world();
    await w.deploy(1);
    w.store.resetOps();
    const r2 = await w.deploy(2);
    expect(r2.failure).toBeNull();
    const dir = recordsDir(w.store);
    // index.html replaced, old.html deleted; about.html and the stylesheet's bytes unchanged (its headers are recorded).
    expect(w.store.opsOf('copy')).toEqual([`${dir}history/2/index.html`, `${dir}history/2/old.html`]);
    expect(w.store.keys()).toContain(OLD_APP);
    expect(ledgerOf(w.store).saved).toEqual({
      'index.html': { [md5Of(V[1].files['index.html']!)]: 2 },
      'old.html': { [md5Of('old page')]: 2 },
    });
    // The ledger keeps one full site and deltas.
    const deploys = ledgerOf(w.store).deploys!;
    expect(deploys[0]!.site!.full).toBeDefined();
    expect(Object.keys(deploys[1]!.site!.set ?? {}).sort()).toEqual(['css/site.css', 'index.html', 'old.html', OLD_APP].sort());
    expect(deploys[1]!.site!.gone!.sort()).toEqual(['new.html', NEW_APP].sort());
  });

  it('history older than keep-deploys is pruned at the end of a deploy, with the removed bundle only it referenced', async () => {
    const w = world();
    const keep1 = (v: 1 | 2 | 3) =>
      pipelineRun({ ...V[v].inputs, 'keep-deploys': '1', 'keep-removed': '0' }, V[v].files, w.at(w.C[v - 1]!));
    await keep1(1);
    await keep1(2);
    const dir = recordsDir(w.store);
    expect(w.store.keys().filter((k) => k.startsWith(`${dir}history/`))).toEqual([
      `${dir}history/2/index.html`,
      `${dir}history/2/old.html`,
    ]);
    expect(w.store.keys()).toContain(OLD_APP); // deploy 1 is still restorable
    await keep1(3);
    // Deploy 1 is no longer restorable: its copies and its bundle go; deploy 2's replaced pages are kept.
    expect(w.store.keys().filter((k) => k.startsWith(`${dir}history/`))).toEqual([
      `${dir}history/3/about.html`,
      `${dir}history/3/index.html`,
      `${dir}history/3/new.html`,
    ]);
    expect(w.store.keys()).not.toContain(OLD_APP);
  });

  it('keep-deploys 0 keeps no history: no copy, no site in the ledger, and a rollback is refused', async () => {
    const w = world();
    const keep0 = (v: 1 | 2) => pipelineRun({ ...V[v].inputs, 'keep-deploys': '0' }, V[v].files, w.at(w.C[v - 1]!));
    await keep0(1);
    const r = await keep0(2);
    expect(r.outputs['deploy-id']).toBe('2');
    expect(w.store.opsOf('copy')).toEqual([]);
    expect(ledgerOf(w.store).deploys!.every((d) => d.site === undefined)).toBe(true);
    const back = await w.rollback('previous', { 'keep-deploys': '0' });
    expect(back.failure).toMatch(/is older than keep-deploys.*No deploy can be restored/);
  });
});

function md5Of(s: string): string {
  return createHash('md5').update(s).digest('hex');
}
