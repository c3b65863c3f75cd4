// Issue 17, correct under races, damaged records and edge inputs: runs interleaved at the points where production
// runs meet (one run reading while another deploys), records damaged or written by a newer version, and the inputs
// the review found mishandled. The whole pipeline, on the in-memory ports; each test names the defect it guards.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bodyBytes, memoryCdn, memoryStore, pipelineRun, recordsDir, tmpDir, type MemoryStore } from './support/memory.js';
import type { ObjectStore } from '../src/model/ports.js';
import { LEDGER_VERSION } from '../src/model/record-format.js';

const D1 = 'E1RACESTEST';
const base = { bucket: 'site-bucket', 'distribution-id': D1, 'delete-removed': 'true' };
const STATE = (s: MemoryStore, prefix = '') => `${recordsDir(s, prefix)}state.json`;

/** A git repository with commits c0 < c1 < c2 on one branch (the workspace the runs check ancestry in). */
function repoWithCommits(n: number): { dir: string; shas: string[] } {
  const dir = tmpDir('races-repo');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q');
  const shas: string[] = [];
  for (let i = 0; i < n; i++) {
    git('-c', 'user.email=a@b.c', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', `c${i}`);
    shas.push(git('rev-parse', 'HEAD'));
  }
  return { dir, shas };
}

/** A checkout of its own for each run (runs at once must not share a build directory). */
function cloneOf(repo: string): string {
  const dir = tmpDir('races-clone');
  execFileSync('git', ['clone', '-q', repo, dir]);
  return dir;
}

/**
 * The store as one run sees it, paused at its first write of `key` (its deploy lock) until `release()`: the run has
 * read everything and planned, and waits there while another run deploys.
 */
function pausedAtFirstPut(store: MemoryStore, key: string): { view: ObjectStore; reached: Promise<void>; release: () => void } {
  let release!: () => void;
  let reachedResolve!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const reached = new Promise<void>((r) => (reachedResolve = r));
  let paused = false;
  const view: ObjectStore = Object.create(store) as ObjectStore;
  view.putText = async (k, body, condition) => {
    if (k === key && !paused) {
      paused = true;
      reachedResolve();
      await gate;
    }
    return store.putText(k, body, condition);
  };
  return { view, reached, release };
}

describe('issue 17.1: a plan made before the lock is re-validated under it', () => {
  it('an older commit that read before a newer deploy ran is refused under the lock, not executed over it', async () => {
    const { dir: repo, shas } = repoWithCommits(3);
    const [c0, c1, c2] = shas as [string, string, string];
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const at = (sha: string) => ({ workspace: cloneOf(repo), env: { GITHUB_SHA: sha } });
    expect((await pipelineRun(base, { 'index.html': 'c0', 'a.html': 'a0' }, { store, cdn, ...at(c0) })).failed).toBe(false);

    // Run A (commit c1) reads and plans, then waits at its lock while run B (c2, newer) deploys and releases it.
    const a = pausedAtFirstPut(store, '.s3cfd-lock.json');
    const runA = pipelineRun(base, { 'index.html': 'c1', 'a.html': 'a1' }, { store: a.view as MemoryStore, cdn, ...at(c1) });
    await a.reached;
    const b = await pipelineRun(base, { 'index.html': 'c2', 'a.html': 'a1', 'b.html': 'new in c2' }, { store, cdn, ...at(c2) });
    expect(b.failed).toBe(false);
    a.release();
    const ra = await runA;

    // A found the ledger moved, read again, and refused as older: the newer deploy stands, whole.
    expect(ra.failed).toBe(true);
    expect(ra.failure).toContain('newer than this run');
    expect(store.text('index.html')).toBe('c2');
    expect(store.text('b.html')).toBe('new in c2');
    const ledger = JSON.parse(store.text(STATE(store))) as { deploys: { sha: string }[]; objects: Record<string, unknown> };
    expect(ledger.deploys[0]!.sha).toBe(c2);
    expect(Object.keys(ledger.objects)).toContain('b.html');
  });

  it('a newer commit that read before another deploy ran re-plans under the lock: nothing of the other deploy is lost', async () => {
    const { dir: repo, shas } = repoWithCommits(3);
    const [c0, c1, c2] = shas as [string, string, string];
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const at = (sha: string) => ({ workspace: cloneOf(repo), env: { GITHUB_SHA: sha } });
    await pipelineRun(base, { 'index.html': 'c0' }, { store, cdn, ...at(c0) });

    // A is the newer commit (c2) and reads first; B (c1) deploys in between, adding page.html.
    const a = pausedAtFirstPut(store, '.s3cfd-lock.json');
    const runA = pipelineRun(base, { 'index.html': 'c2', 'page.html': 'page' }, { store: a.view as MemoryStore, cdn, ...at(c2) });
    await a.reached;
    expect((await pipelineRun(base, { 'index.html': 'c1', 'page.html': 'page' }, { store, cdn, ...at(c1) })).failed).toBe(false);
    a.release();
    const ra = await runA;
    expect(ra.failed).toBe(false);
    expect(ra.log.text()).toContain('reading again under the lock');
    // Both deploys are in the history; page.html (written by B, unchanged by A) is in the ledger and not re-sent.
    const ledger = JSON.parse(store.text(STATE(store))) as { deploys: { sha: string }[]; objects: Record<string, unknown> };
    expect(ledger.deploys.map((d) => d.sha).slice(0, 3)).toEqual([c2, c1, c0]);
    expect(Object.keys(ledger.objects).sort()).toEqual(['index.html', 'page.html']);
    expect(ra.outputs['uploaded']).toBe('1');
    expect(store.text('index.html')).toBe('c2');
  });

  it('two first deploys of one bucket meet in one records folder (the later one re-reads the folder the other made)', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const a = pausedAtFirstPut(store, '.s3cfd-lock.json');
    const runA = pipelineRun(base, { 'index.html': 'a', 'x.html': 'x' }, { store: a.view as MemoryStore, cdn });
    await a.reached;
    expect((await pipelineRun(base, { 'index.html': 'b' }, { store, cdn })).failed).toBe(false);
    a.release();
    expect((await runA).failed).toBe(false);
    // One folder (recordsDir throws on two), whose ledger knows both deploys.
    const ledger = JSON.parse(store.text(STATE(store))) as { deploys: unknown[]; objects: Record<string, unknown> };
    expect(ledger.deploys).toHaveLength(2);
    expect(Object.keys(ledger.objects).sort()).toEqual(['index.html', 'x.html']);
  });

  it('the ledger write is a compare-and-swap: a ledger rewritten under a held lock stops the run, nothing is lost', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    await pipelineRun(base, { 'index.html': 'v1' }, { store, cdn });
    const stateKey = STATE(store);
    // Another writer (a run whose lock expired and was taken over) rewrites the ledger while this run uploads.
    const view: ObjectStore = Object.create(store) as ObjectStore;
    view.upload = async (...args) => {
      const etag = await store.upload(...args);
      const cur = JSON.parse(store.text(stateKey)) as Record<string, unknown>;
      store.seed(stateKey, JSON.stringify({ ...cur, deploys: [{ sha: 'other', runId: '9', time: 'x' }] }));
      return etag;
    };
    const r = await pipelineRun(base, { 'index.html': 'v2' }, { store: view as MemoryStore, cdn });
    expect(r.failed).toBe(true);
    expect(r.failure).toContain('was changed by another run after this one read it');
    // The other writer's ledger stands; the owed record of this run stays for the next one.
    expect((JSON.parse(store.text(stateKey)) as { deploys: { sha: string }[] }).deploys[0]!.sha).toBe('other');
    expect(store.keys().some((k) => k.includes('/owed/'))).toBe(true);
    expect(cdn.sent()).toEqual([]);
  });
});

describe('issue 17.3: damaged and newer records fail before any write', () => {
  const damaged: [string, (s: Record<string, unknown>) => Record<string, unknown>, string][] = [
    ['deploys not a list', (s) => ({ ...s, deploys: { sha: 'x' } }), "'deploys' is not a list"],
    ['shapes not a list', (s) => ({ ...s, shapes: 'hex' }), "'shapes' is not a list"],
    ['demoted not a list', (s) => ({ ...s, demoted: 7 }), "'demoted' is not a list"],
    ['an object entry of the wrong shape', (s) => ({ ...s, objects: { 'index.html': 'abc' } }), "'objects' is"],
    ['pending with a text time', (s) => ({ ...s, pending: { 'a.js': { since: 'yesterday', size: 1 } } }), "'pending' is"],
    ['no objects', (s) => ({ ...s, objects: undefined }), "'objects' is missing"],
  ];
  it.each(damaged)('%s: one line naming the ledger (folder name hidden), what is wrong, how to recover', async (_n, damage, what) => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    await pipelineRun(base, { 'index.html': 'v1', 'old.html': 'old' }, { store, cdn });
    const key = STATE(store);
    store.seed(key, JSON.stringify(damage(JSON.parse(store.text(key)) as Record<string, unknown>)));
    store.resetOps();
    const r = await pipelineRun(base, { 'index.html': 'v2' }, { store, cdn });
    expect(r.failed).toBe(true);
    expect(r.failure).toContain('s3://site-bucket/.s3cfd-<hidden>/state.json is damaged');
    expect(r.failure).toContain(what);
    expect(r.failure).toContain('To recover, delete that object');
    expect(r.failure).not.toMatch(/TypeError/);
    expect(r.stdout + r.log.text() + r.summary).not.toContain(recordsDir(store));
    // Nothing written: no upload, no delete, no lock, no record.
    expect(store.ops.filter((o) => ['upload', 'putText', 'deleteKeys', 'deleteKey'].includes(o.op))).toEqual([]);
    expect(store.text('old.html')).toBe('old');
  });

  it('a ledger written by a newer version is never overwritten by an older format', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    await pipelineRun(base, { 'index.html': 'v1' }, { store, cdn });
    const key = STATE(store);
    const newer = JSON.stringify({ ...(JSON.parse(store.text(key)) as object), version: LEDGER_VERSION + 1, future: { kept: 5 } });
    store.seed(key, newer);
    store.resetOps();
    const r = await pipelineRun(base, { 'index.html': 'v2' }, { store, cdn });
    expect(r.failed).toBe(true);
    expect(r.failure).toContain(`was written by a newer version of s3-cloudfront-deploy (format ${LEDGER_VERSION + 1}`);
    expect(store.text(key)).toBe(newer);
    expect(store.ops.filter((o) => o.op === 'upload' || o.op === 'putText')).toEqual([]);
  });

  it('a damaged owed-invalidation record fails before any write, naming it', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    await pipelineRun(base, { 'index.html': 'v1' }, { store, cdn });
    const owedKey = `${recordsDir(store)}owed/${D1}/77-1.json`;
    store.seed(owedKey, JSON.stringify({ distributionId: D1, paths: '/index.html' }));
    store.resetOps();
    const r = await pipelineRun(base, { 'index.html': 'v2' }, { store, cdn });
    expect(r.failed).toBe(true);
    expect(r.failure).toContain(`.s3cfd-<hidden>/owed/${D1}/77-1.json is damaged: 'paths' is not a list`);
    expect(store.ops.filter((o) => o.op === 'upload' || o.op === 'putText')).toEqual([]);
  });
});

describe('issue 17.2: a consolidating job consumes only what is finished', () => {
  it("a preview deploy's crash-safety record is left alone while its deploy runs; when its own invalidation fails, it is still owed", async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const preview = { ...base, prefix: 'previews/pr-1/' };
    expect((await pipelineRun(preview, { 'index.html': 'v1' }, { store, cdn })).failed).toBe(false);

    // The preview's second deploy is held before its first upload (its owed record is written by then); the
    // consolidating job (no uploads, no prefix) runs meanwhile.
    let consolidated: Awaited<ReturnType<typeof pipelineRun>> | null = null;
    let previewCreates = false;
    const view: ObjectStore = Object.create(store) as ObjectStore;
    view.upload = async (...args) => {
      if (!consolidated) {
        consolidated = await pipelineRun(
          { bucket: 'site-bucket', 'distribution-id': D1, upload: 'false', invalidate: 'none' },
          {},
          { store, cdn },
        );
        previewCreates = true;
      }
      return store.upload(...args);
    };
    // The consolidating job's CreateInvalidation goes through; the preview's own one is refused.
    cdn.fail = (op) => (op === 'create' && previewCreates ? Object.assign(new Error('not allowed'), { name: 'AccessDenied' }) : undefined);
    const res = await pipelineRun(preview, { 'index.html': 'v2' }, { store: view as MemoryStore, cdn });

    expect(consolidated).not.toBeNull();
    // The consolidating job sent nothing for the preview's record: its deploy was still running.
    expect(cdn.sent().flatMap(([, paths]) => paths)).not.toContain('/previews/pr-1/index.html');
    expect(consolidated!.log.text()).toContain('its deploy is still running');
    // The preview's own invalidation failed: its record is still in the bucket for the next run.
    expect(res.failed).toBe(true);
    const owed = store.keys().filter((k) => k.startsWith('previews/pr-1/') && k.includes('/owed/'));
    expect(owed).toHaveLength(1);
    expect(JSON.parse(store.text(owed[0]!)).paths).toContain('/previews/pr-1/index.html');
  });

  it("a deferred record is taken only once its shard marked it complete; the shard's next run takes it over", async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const shard = { ...base, prefix: 'docs/', invalidate: 'defer' };
    await pipelineRun(shard, { 'a.html': 'a1' }, { store, cdn });
    // A shard run that crashed after its crash-safety record (no lock left: it expired or was released).
    const dir = recordsDir(store, 'docs/');
    const crashed = `${dir}owed/${D1}/500-1.json`;
    const write = (stage: string) =>
      store.seed(
        crashed,
        JSON.stringify({ version: 2, distributionId: D1, paths: ['/docs/crashed.html'], note: 'run 500', deferred: true, stage }),
      );
    write('before-writes');
    const consolidator = { bucket: 'site-bucket', 'distribution-id': D1, upload: 'false', invalidate: 'none' };
    const c1 = await pipelineRun(consolidator, {}, { store, cdn });
    expect(c1.failed).toBe(false);
    expect(cdn.sent()).toEqual([]);
    expect(c1.log.text()).toContain('its shard has not finished');
    expect(store.keys()).toContain(crashed);

    // The shard's next run carries the crashed run's paths into its own complete record and clears the old one.
    const next = await pipelineRun(shard, { 'a.html': 'a2' }, { store, cdn, env: { GITHUB_RUN_ID: '501' } });
    expect(next.failed).toBe(false);
    expect(store.keys()).not.toContain(crashed);
    const mine = JSON.parse(store.text(`${dir}owed/${D1}/501-1.json`)) as { paths: string[]; stage: string };
    expect(mine.stage).toBe('complete');
    expect(mine.paths.sort()).toEqual(['/docs/a.html', '/docs/crashed.html']);
    const c2 = await pipelineRun(consolidator, {}, { store, cdn });
    expect(c2.failed).toBe(false);
    expect(cdn.sent().map(([, p]) => p.sort())).toEqual([['/docs/a.html', '/docs/crashed.html']]);
  });
});

describe('issue 17.8: one lock per job, let go before the wait', () => {
  it('two jobs of one matrix (same run id and attempt) on one bucket and prefix take turns; neither releases the other', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const env = { GITHUB_RUN_ID: '321', GITHUB_RUN_ATTEMPT: '1' };
    await pipelineRun(base, { 'index.html': 'v0' }, { store, cdn });
    // Job A holds the lock (paused at its owed record); job B of the same run must wait for it, not share it.
    let releaseA!: () => void;
    const gate = new Promise<void>((r) => (releaseA = r));
    const viewA: ObjectStore = Object.create(store) as ObjectStore;
    let paused = false;
    viewA.upload = async (...args) => {
      if (!paused) {
        paused = true;
        await gate;
      }
      return store.upload(...args);
    };
    const runA = pipelineRun(base, { 'index.html': 'A' }, { store: viewA as MemoryStore, cdn, env });
    while (!paused) await new Promise((r) => setTimeout(r, 1));
    const lockKey = `${recordsDir(store)}lock.json`;
    const ownerA = (JSON.parse(store.text(lockKey)) as { owner: string }).owner;
    let bSawLock = '';
    // B's clock reads the time A's lock was taken at (the memory clock's start), so A's lock is live for it.
    const clock = {
      now: () => Date.parse('2025-06-15T12:00:00Z'),
      sleep: async () => {
        bSawLock ||= store.keys().includes(lockKey) ? (JSON.parse(store.text(lockKey)) as { owner: string }).owner : '';
        releaseA();
        await runA;
      },
    };
    const rb = await pipelineRun(base, { 'index.html': 'B' }, { store, cdn, env, clock });
    const ra = await runA;
    expect(ra.failed).toBe(false);
    expect(rb.failed).toBe(false);
    expect(bSawLock).toBe(ownerA); // B waited while A held it
    expect(rb.log.text()).toContain('Waiting for deploy lock');
    expect(store.text('index.html')).toBe('B');
    expect(store.keys()).not.toContain(lockKey);
  });

  it('the lock is released once the last write is done, before the wait for the invalidation', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 3 });
    await pipelineRun(base, { 'index.html': 'v0' }, { store, cdn });
    const heldDuringWait: boolean[] = [];
    const origGet = cdn.get.bind(cdn);
    cdn.get = async (d, id) => {
      heldDuringWait.push(store.keys().some((k) => k.endsWith('lock.json')));
      return origGet(d, id);
    };
    const r = await pipelineRun({ ...base, wait: 'true' }, { 'index.html': 'v1' }, { store, cdn });
    expect(r.failed).toBe(false);
    expect(heldDuringWait.length).toBeGreaterThan(0);
    expect(heldDuringWait.every((h) => !h)).toBe(true);
  });
});

describe("issue 17.5: the records folder's name is never printed", () => {
  it('a consolidating job that collects owed records: log, summary, report, outputs and errors hold no folder name', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const shard = { ...base, prefix: 'docs/', invalidate: 'defer' };
    await pipelineRun(shard, { 'a.html': 'a1' }, { store, cdn });
    await pipelineRun(shard, { 'a.html': 'a2' }, { store, cdn });
    const secret = recordsDir(store, 'docs/').slice('docs/'.length, -1);
    expect(secret).toMatch(/^\.s3cfd-[0-9a-f]{24}$/);
    const c = await pipelineRun({ bucket: 'site-bucket', 'distribution-id': D1, upload: 'false', invalidate: 'none' }, {}, { store, cdn });
    expect(c.failed).toBe(false);
    expect(c.report!.collected).toHaveLength(1);
    const everything = [c.summary, c.stdout, c.log.text(), JSON.stringify(c.report), JSON.stringify(c.outputs)].join('\n');
    expect(everything).toContain('.s3cfd-<hidden>/owed/');
    expect(everything).not.toContain(secret);

    // An S3 error that names a record's key is shown with the name hidden, too.
    store.fail = (op, key) => (op === 'putText' && key.includes('/owed/') ? new Error(`Access Denied for ${key}`) : undefined);
    const f = await pipelineRun(shard, { 'a.html': 'a3' }, { store, cdn });
    expect(f.failed).toBe(true);
    expect(f.failure).toContain('.s3cfd-<hidden>/owed/');
    expect([f.failure, f.stdout, f.log.text(), f.summary].join('\n')).not.toContain(secret);
  });
});

describe('issue 17.4: invalidate-only maps the commit diff through the default <source-dir>/ => /', () => {
  it('a push that changes public/index.html invalidates / and /index.html, not /public/index.html', async () => {
    const { dir: repo } = repoWithCommits(1);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=a@b.c', '-c', 'user.name=t', ...args], { cwd: repo, encoding: 'utf8' }).trim();
    fs.mkdirSync(path.join(repo, 'public/docs'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'public/index.html'), 'v1');
    fs.writeFileSync(path.join(repo, 'public/docs/a.html'), 'v1');
    git('add', '-A');
    git('commit', '-qm', 'v1');
    const before = git('rev-parse', 'HEAD');
    fs.writeFileSync(path.join(repo, 'public/index.html'), 'v2');
    fs.writeFileSync(path.join(repo, 'public/docs/a.html'), 'v2');
    git('commit', '-qam', 'v2');
    const after = git('rev-parse', 'HEAD');
    const event = path.join(tmpDir('event'), 'event.json');
    fs.writeFileSync(event, JSON.stringify({ before, after, ref: 'refs/heads/main' }));
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const r = await pipelineRun(
      { upload: 'false', 'source-dir': 'public', 'distribution-id': D1 },
      {},
      { cdn, workspace: repo, env: { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_SHA: after } },
    );
    expect(r.failed).toBe(false);
    expect(cdn.sent().map(([, p]) => p.sort())).toEqual([['/', '/docs/a.html', '/index.html']]);
  });
});

describe('issue 17.7: remove-prefix covers every URL form a deploy of the prefix invalidates', () => {
  it.each([
    ['url-style: clean', { 'url-style': 'clean' }, ['/previews/pr-12', '/previews/pr-12/*']],
    ['invalidate-directory-without-slash', { 'invalidate-directory-without-slash': 'true' }, ['/previews/pr-12', '/previews/pr-12/*']],
    ['the default (directory URLs with a slash)', {}, ['/previews/pr-12/*']],
  ])('%s', async (_name, extra, expected) => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const preview = { ...base, prefix: 'previews/pr-12/', ...extra };
    const deployed = await pipelineRun(preview, { 'index.html': 'v1', 'a.html': 'a' }, { store, cdn });
    // What a deploy of the prefix invalidates for its index page (here: its first deploy's owed URL forms).
    const r = await pipelineRun({ ...preview, 'delete-removed': 'false', 'remove-prefix': 'true' }, {}, { store, cdn });
    expect(deployed.failed).toBe(false);
    expect(r.failure).toBeNull();
    expect(cdn.sent().at(-1)![1].sort()).toEqual(expected);
    expect(store.keys().filter((k) => k.startsWith('previews/'))).toEqual([]);
  });
});

describe('issue 17.6: query-strings covers an index page without evicting its directory', () => {
  it('index.html and docs/index.html change: their query variants are covered after the ?, not by /* or /docs/*', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const inputs = { ...base, 'query-strings': 'true' };
    const v1 = { 'index.html': 'home', 'docs/index.html': 'docs', 'docs/a.html': 'a', 'docs/b.html': 'b', 'x.html': 'x' };
    await pipelineRun(inputs, v1, { store, cdn });
    const r = await pipelineRun(inputs, { ...v1, 'index.html': 'home 2', 'docs/index.html': 'docs 2' }, { store, cdn });
    expect(r.failed).toBe(false);
    const sent = cdn.sent().at(-1)![1].sort();
    expect(sent).not.toContain('/*');
    expect(sent).not.toContain('/docs/*');
    // Every stale URL and its query variants are covered.
    const covers = (url: string) => sent.some((p) => (p.endsWith('*') ? url.startsWith(p.slice(0, -1)) : p === url));
    for (const url of ['/', '/?v=2', '/index.html', '/index.html?x', '/docs/', '/docs/?lang=en', '/docs/index.html', '/docs/index.html?a'])
      expect([url, covers(url)]).toEqual([url, true]);
    // ...and nothing that did not change.
    for (const url of ['/x.html', '/docs/a.html', '/docs/b.html']) expect([url, covers(url)]).toEqual([url, false]);
    const inv = r.report!.invalidations[0]!;
    expect(inv.collateral).toBe(0);
    expect(JSON.stringify(inv)).not.toContain('/* requested');
  });
});

describe('issue 17, also checked: paths CloudFront must read as meant', () => {
  it('a key holding ? is invalidated as %3F (a literal ? would start a query string)', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    await pipelineRun(base, { 'what?.html': 'v1', 'index.html': 'i' }, { store, cdn });
    await pipelineRun(base, { 'what?.html': 'v2', 'index.html': 'i' }, { store, cdn });
    expect(cdn.sent().at(-1)![1]).toEqual(['/what%3F.html']);
  });

  it.each([
    ['/a%2Fb.html', ['/a%2Fb.html']], // an encoded slash stays encoded
    ['/caf%C3%A9 menu.html', ['/caf%C3%A9%20menu.html']], // UTF-8 escapes and a raw space, each encoded once
    ['/100%zz/x%20y.html', ['/100%25zz/x%20y.html']], // a malformed escape is a literal %; the valid one is not encoded twice
    ['/search?q=1', ['/search?q=1']], // a ? the user wrote starts the query string
    ['/what%3F.html', ['/what%3F.html']],
  ])('manual path %s reaches CloudFront as %j', async (given, expected) => {
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const r = await pipelineRun({ upload: 'false', 'distribution-id': D1, paths: given }, {}, { cdn });
    expect(r.failure).toBeNull();
    expect(cdn.sent()).toEqual([[D1, expected]]);
  });

  it('one of several distributions fails: the invalidations created for the others are in the outputs and the report', async () => {
    const D2 = 'E2RACESTEST';
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    const inputs = { ...base, 'distribution-id': `${D1}\n${D2}` };
    await pipelineRun(inputs, { 'index.html': 'v1' }, { store, cdn });
    cdn.fail = (op, d) => (op === 'create' && d === D2 ? Object.assign(new Error('denied'), { name: 'AccessDenied' }) : undefined);
    const r = await pipelineRun(inputs, { 'index.html': 'v2' }, { store, cdn });
    expect(r.failed).toBe(true);
    const made = cdn
      .created()
      .filter((i) => i.distributionId === D1)
      .at(-1)!;
    expect(r.outputs['invalidation-id']).toContain(made.id);
    const inv = r.report!.invalidations.find((i) => i.distributionId === D1)!;
    expect(inv.id).toBe(made.id);
    // The failed one's record is still owed; the sent one's is cleared.
    const owed = store.keys().filter((k) => k.includes('/owed/'));
    expect(owed.map((k) => k.split('/owed/')[1]!.split('/')[0])).toEqual([D2]);
  });
});

it('issue 17.6: the report shows a query-string variant as the URL it stands for', async () => {
  const store = memoryStore();
  const cdn = memoryCdn({ completeAfterGets: 0 });
  const inputs = { ...base, 'query-strings': 'true' };
  await pipelineRun(inputs, { 'docs/index.html': 'a', 'docs/x.html': 'x' }, { store, cdn });
  const r = await pipelineRun(inputs, { 'docs/index.html': 'b', 'docs/x.html': 'x' }, { store, cdn });
  const stale = r.report!.invalidations[0]!.stale.map((s) => s.path).sort();
  expect(stale).toEqual(['/docs/', '/docs/?*', '/docs/index.html', '/docs/index.html?*']);
});

describe('issue 18.6: the lock lives with the records', () => {
  it('while a deploy writes, its lock is in the records folder; the public fixed name is let go before the first write', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 0 });
    await pipelineRun(base, { 'index.html': 'v1' }, { store, cdn });
    let during: string[] = [];
    let bootstrapBody: string | null = null;
    const view: ObjectStore = Object.create(store) as ObjectStore;
    view.putText = async (k, body, c) => {
      if (k === '.s3cfd-lock.json') bootstrapBody = bodyBytes(body).toString('utf8');
      return store.putText(k, body, c);
    };
    view.upload = async (...args) => {
      during = store.keys().filter((k) => k.endsWith('lock.json'));
      return store.upload(...args);
    };
    const r = await pipelineRun(base, { 'index.html': 'v2' }, { store: view as MemoryStore, cdn, env: { GITHUB_SHA: 'abcdef1234567890' } });
    expect(r.failed).toBe(false);
    expect(during).toEqual([`${recordsDir(store)}lock.json`]);
    expect((JSON.parse(bootstrapBody!) as { owner: string }).owner).toMatch(/^a deploy \(job [0-9a-f]{12}\)$/);
    expect(bootstrapBody).not.toContain('acme/site');
    expect(bootstrapBody).not.toContain('abcdef123456');
    expect(store.keys().filter((k) => k.endsWith('lock.json'))).toEqual([]);
  });
});
