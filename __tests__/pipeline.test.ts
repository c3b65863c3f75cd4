// The whole pipeline in-process on the in-memory ports (no S3 or CloudFront server): run() from the inputs to
// the report, each test in milliseconds. What is asserted is what was written where, and in what order.
import {
  HIDDEN_RECORDS,
  MD5_META,
  memoryClock,
  memoryCdn,
  memoryStore,
  pipelineRun,
  recordsDir,
  tmpDir,
  writeTree,
  type MemoryStore,
  type PipelineResult,
} from './support/memory.js';
import type { Clock } from '../src/model/ports.js';
import { gzipDeterministic } from '../src/plan/gzip.js';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const D1 = 'E1ABCDEFGH';
const D2 = 'E2ABCDEFGH';
// The records live in a hidden folder with a random name (`.s3cfd-<24 hex>/`), read back from the store.
const STATE = (s: MemoryStore, prefix = '') => `${recordsDir(s, prefix)}state.json`;
const OWED = (s: MemoryStore, prefix = '') => `${recordsDir(s, prefix)}owed/`;
// The lock is in the records folder; a fixed name in the prefix (the bootstrap) is held only while a run finds or
// makes that folder (two first deploys must meet at one key).
const LOCK = (s: MemoryStore, prefix = '') => `${recordsDir(s, prefix)}lock.json`;
const BOOT = (prefix = '') => `${prefix}.s3cfd-lock.json`;
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

// keep-deploys 0: these tests pin the writes of a deploy without rollback history (history-e2e.test.ts has them with it).
const base = { bucket: 'site-bucket', 'distribution-id': D1, 'keep-deploys': '0' };

const v1 = {
  'index.html': '<h1>home</h1>',
  'about/index.html': '<h1>about</h1>',
  'css/site.css': 'body{}',
  'assets/app-1a2b3c4d.js': 'console.log(1)',
  'old.html': 'old page',
};
/** v1 with index.html and site.css modified, new.html added, old.html removed and the bundle renamed by its hash. */
const v2 = {
  'index.html': '<h1>home, v2</h1>',
  'about/index.html': '<h1>about</h1>',
  'css/site.css': 'body{color:red}',
  'assets/app-5e6f7a8b.js': 'console.log(2)',
  'new.html': 'new page',
};

const writes = (s: MemoryStore) => s.ops.filter((o) => !['list', 'head', 'getText', 'etagOf', 'storedMd5'].includes(o.op));
const owedKeys = (s: MemoryStore) => s.keys().filter((k) => /(^|\/)\.s3cfd-[0-9a-f]{24}\/owed\//.test(k));

describe('first deploy', () => {
  it('uploads every file (assets first), records the state, and invalidates nothing (nothing was cached)', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const r = await pipelineRun(base, v1, { store, cdn });
    expect(r.failure).toBeNull();
    expect(r.failed).toBe(false);
    expect(store.opsOf('upload')).toEqual(['assets/app-1a2b3c4d.js', 'css/site.css', 'about/index.html', 'index.html', 'old.html']);
    expect(recordsDir(store)).toMatch(HIDDEN_RECORDS);
    // The lock is gone again: only the ledger is left of the action's records.
    expect(store.keys()).toEqual([STATE(store), 'about/index.html', 'assets/app-1a2b3c4d.js', 'css/site.css', 'index.html', 'old.html']);
    expect(store.text('index.html')).toBe(v1['index.html']);
    // Headers and the content MD5 as metadata.
    expect(store.objects.get('index.html')).toMatchObject({
      etag: md5(v1['index.html']),
      headers: { contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=0, s-maxage=86400, must-revalidate' },
      metadata: { [MD5_META]: md5(v1['index.html']) },
    });
    expect(store.objects.get('assets/app-1a2b3c4d.js')!.headers.cacheControl).toBe('public, max-age=31536000, immutable');
    // The state record: every object's ETag and MD5.
    const state = JSON.parse(store.text(STATE(store))) as { version: number; objects: Record<string, string[]> };
    expect(Object.keys(state.objects).sort()).toEqual(Object.keys(v1).sort());
    // A single PUT's ETag is its MD5: recorded as '' (the MD5 stands for it).
    expect(state.objects['css/site.css']!.slice(0, 2)).toEqual(['', md5('body{}')]);
    // No owed record, no CloudFront call at all; the deploy lock taken before the writes and deleted after.
    expect(store.opsOf('putText')).toEqual([BOOT(), LOCK(store), STATE(store)]);
    expect(store.opsOf('deleteKey')).toEqual([BOOT(), LOCK(store)]);
    // The one read per distribution per run that proves it exists before the first write.
    expect(cdn.calls).toEqual([{ op: 'config', distributionId: D1 }]);
    expect(r.outputs).toMatchObject({ uploaded: '5', unchanged: '0', deleted: '0', 'invalidation-id': '', 'invalidation-paths': '[]' });
    expect(r.report!.invalidations[0]).toMatchObject({ distributionId: D1, paths: [], reason: 'nothing is stale' });
  });
});

describe('redeploy', () => {
  it('uploads exactly what changed, invalidates exactly the stale URLs, deletes the removed page and keeps the removed bundle (keep-removed)', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const inputs = { ...base, 'delete-removed': 'true' };
    await pipelineRun(inputs, v1, { store, cdn });
    store.resetOps();
    const r = await pipelineRun(inputs, v2, { store, cdn });
    expect(r.failure).toBeNull();
    // Uploads: the new bundle and the changed CSS, then the pages.
    expect(store.opsOf('upload')).toEqual(['assets/app-5e6f7a8b.js', 'css/site.css', 'index.html', 'new.html']);
    // The removed page is deleted; the removed fingerprinted bundle stays for pages already open (keep-removed, 7d).
    expect(store.opsOf('deleteKeys')).toEqual(['old.html']);
    expect(store.keys()).toEqual([
      STATE(store),
      'about/index.html',
      'assets/app-1a2b3c4d.js',
      'assets/app-5e6f7a8b.js',
      'css/site.css',
      'index.html',
      'new.html',
    ]);
    // One invalidation (paths sorted by the cover planner): the overwritten CSS and home page (both URL forms) and the deleted page; not the new files,
    // not the deleted fingerprinted bundle, not the unchanged about page.
    expect(cdn.sent()).toEqual([[D1, ['/', '/css/site.css', '/index.html', '/old.html']]]);
    const inv = r.report!.invalidations[0]!;
    expect(inv.stale.map((s) => [s.path, s.reason])).toEqual([
      ['/css/site.css', 'overwritten'],
      ['/index.html', 'overwritten'],
      ['/', 'overwritten'],
      ['/old.html', 'deleted'],
    ]);
    expect(r.outputs).toMatchObject({
      uploaded: '4',
      unchanged: '1',
      deleted: '1',
      'invalidation-id': cdn.created()[0]!.id,
      'invalidation-paths': JSON.stringify(['/', '/css/site.css', '/index.html', '/old.html']),
      'invalidation-status': 'InProgress',
    });
    expect(r.report!.files.find((f) => f.path === 'index.html')).toMatchObject({ action: 'upload', reason: 'size-changed' });
    // The memory clock starts at 2025-06-15T12:00:00Z: due a week later.
    expect(r.report!.files.find((f) => f.path === 'assets/app-1a2b3c4d.js')).toMatchObject({
      action: 'pending-delete',
      fingerprinted: true,
      dueAt: '2025-06-22T12:00:00.000Z',
    });
    expect(r.report!.pendingDeletions).toEqual([{ key: 'assets/app-1a2b3c4d.js', dueAt: '2025-06-22T12:00:00.000Z' }]);
    const ledger = JSON.parse(store.text(STATE(store))) as { pending: Record<string, { since: number }> };
    expect(ledger.pending).toEqual({ 'assets/app-1a2b3c4d.js': { since: Date.parse('2025-06-15T12:00:00Z'), size: 14 } });
    // The owed record was written and cleared.
    expect(owedKeys(store)).toEqual([]);
  });

  it('a no-op redeploy reads and writes nothing: no upload, no putText, no CDN call but the distribution read', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    await pipelineRun({ ...base, 'delete-removed': 'true' }, v1, { store, cdn });
    store.resetOps();
    cdn.calls.length = 0;
    const before = new Map(store.objects);
    const r = await pipelineRun({ ...base, 'delete-removed': 'true' }, v1, { store, cdn });
    expect(r.failure).toBeNull();
    // Not even a lock.
    expect(store.ops).toEqual([
      { op: 'list', key: '' },
      { op: 'getText', key: STATE(store) },
    ]);
    expect(cdn.calls).toEqual([{ op: 'config', distributionId: D1 }]);
    expect(store.objects).toEqual(before);
    expect(r.outputs).toMatchObject({ uploaded: '0', unchanged: '5', deleted: '0', 'invalidation-id': '' });
  });

  it('a dry run writes nothing, but reports the plan a real run would carry out', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    await pipelineRun({ ...base, 'delete-removed': 'true' }, v1, { store, cdn });
    store.resetOps();
    const before = new Map(store.objects);
    const r = await pipelineRun({ ...base, 'delete-removed': 'true', 'dry-run': 'true' }, v2, { store, cdn });
    expect(r.failure).toBeNull();
    expect(writes(store)).toEqual([]);
    expect(store.objects).toEqual(before);
    expect(cdn.calls.filter((c) => c.op === 'create')).toEqual([]);
    expect(r.report!.dryRun).toBe(true);
    expect(r.report!.totals).toMatchObject({ uploaded: 4, deleted: 1, unchanged: 1 });
    expect(r.report!.pendingDeletions).toEqual([{ key: 'assets/app-1a2b3c4d.js', dueAt: '2025-06-22T12:00:00.000Z' }]);
    expect(r.report!.invalidations[0]).toMatchObject({ id: '', paths: ['/', '/css/site.css', '/index.html', '/old.html'] });
    expect(r.log.lines.notice.some((l) => l.startsWith('Dry run: nothing was written'))).toBe(true);
  });

  it('over max-deletes: refused before any write', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    await pipelineRun(base, v1, { store, cdn });
    store.resetOps();
    // keep-removed: 0, so the removed bundle is deleted in this run too (a pending one would not count).
    const inputs = { ...base, 'delete-removed': 'true', 'max-deletes': '1', 'keep-removed': '0' };
    const r = await pipelineRun(inputs, v2, { store, cdn });
    expect(r.failed).toBe(true);
    expect(r.failure).toMatch(/^2 objects would be deleted, over max-deletes \(1\)\. Nothing was uploaded or deleted\./);
    expect(writes(store)).toEqual([]);
    expect(cdn.created()).toEqual([]);
  });

  it('a changed cache-control rule re-uploads the same content (headers-changed) and invalidates nothing', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    await pipelineRun(base, v1, { store, cdn });
    store.resetOps();
    const r = await pipelineRun({ ...base, 'cache-control': '**/*.css: public, max-age=60' }, v1, { store, cdn });
    expect(r.failure).toBeNull();
    expect(store.opsOf('upload')).toEqual(['css/site.css']);
    expect(store.objects.get('css/site.css')!.headers.cacheControl).toBe('public, max-age=60');
    // Same bytes, read the same way: a Cache-Control change reaches clients as cached copies expire.
    expect(cdn.sent()).toEqual([]);
  });
});

describe('a failed upload', () => {
  it('leaves the owed record and sends no invalidation; the next run sends the owed paths and clears the record', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const a = { 'index.html': 'home 1', 'css/site.css': 'css 1' };
    const b = { 'index.html': 'home 2', 'css/site.css': 'css 2' };
    await pipelineRun(base, a, { store, cdn });
    const stateBefore = store.text(STATE(store));

    store.fail = (op, key) =>
      op === 'upload' && key === 'index.html' ? Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }) : undefined;
    const failed = await pipelineRun(base, b, { store, cdn, env: { GITHUB_RUN_ID: '555' } });
    expect(failed.failed).toBe(true);
    expect(failed.failure).toMatch(
      /^Upload failed for 1 file\(s\): index\.html: TimeoutError: socket hang up\. 1 of 2 uploaded; not uploaded: index\.html\./,
    );
    expect(failed.report!.error).toBe(failed.failure);
    expect(store.text('css/site.css')).toBe('css 2'); // the asset wave went out
    expect(store.text('index.html')).toBe('home 1');
    expect(store.text(STATE(store))).toBe(stateBefore); // no state record after a failed upload
    expect(store.keys()).not.toContain(LOCK(store)); // released all the same
    expect(cdn.calls.filter((c) => c.op === 'create')).toEqual([]);
    const owedKey = `${OWED(store)}${D1}/555-1.json`;
    expect(owedKeys(store)).toEqual([owedKey]);
    expect(JSON.parse(store.text(owedKey))).toMatchObject({ distributionId: D1, paths: ['/', '/css/site.css', '/index.html'] });

    // Next run: site.css is now unchanged in the bucket, yet still stale at the edge: the owed record says so.
    store.fail = null;
    store.resetOps();
    const next = await pipelineRun(base, b, { store, cdn, env: { GITHUB_RUN_ID: '556' } });
    expect(next.failure).toBeNull();
    expect(store.opsOf('upload')).toEqual(['index.html']);
    expect(cdn.sent()).toEqual([[D1, ['/', '/css/site.css', '/index.html']]]);
    expect(next.report!.invalidations[0]!.stale.find((s) => s.path === '/css/site.css')!.reason).toBe('owed');
    expect(owedKeys(store)).toEqual([]);
    // The earlier run's record is deleted only after checking it is unchanged since it was read.
    expect(store.ops.filter((o) => o.key === owedKey).map((o) => o.op)).toEqual(['getText', 'etagOf', 'deleteKey']);
  });

  it('an owed record rewritten since it was read is kept', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    await pipelineRun(base, { 'index.html': 'home 1' }, { store, cdn });
    const otherKey = `${OWED(store)}${D1}/999-1.json`;
    store.seed(otherKey, JSON.stringify({ distributionId: D1, paths: ['/x.html'] }));
    // Another run rewrites its record while this one runs (between the read and the clear).
    store.fail = (op, key) => {
      if (op === 'upload' && key === 'index.html')
        store.seed(otherKey, JSON.stringify({ distributionId: D1, paths: ['/x.html', '/y.html'] }));
      return undefined;
    };
    const r = await pipelineRun(base, { 'index.html': 'home 2' }, { store, cdn });
    expect(r.failure).toBeNull();
    expect(cdn.sent()).toEqual([[D1, ['/', '/index.html', '/x.html']]]);
    expect(owedKeys(store)).toEqual([otherKey]);
  });
});

describe('the order of writes (as src/stages/execute.ts does it today)', () => {
  it('owed record, asset uploads, entry uploads, ledger, deletes of removed pages, invalidation, own record cleared, deletes of due fingerprinted objects, then the wait', async () => {
    const timeline: string[] = [];
    const clock = memoryClock();
    const store = memoryStore({ timeline });
    const cdn = memoryCdn({ timeline, completeAfterGets: 2 });
    const inputs = { ...base, 'delete-removed': 'true', wait: 'true', 'entry-documents': 'sw.js' };
    await pipelineRun(inputs, { ...v1, 'sw.js': 'sw 1' }, { store, cdn, clock });
    // The bundle leaves the build: kept (pending) for keep-removed (7d).
    const { 'assets/app-1a2b3c4d.js': _bundle, ...withoutBundle } = v1;
    await pipelineRun(inputs, { ...withoutBundle, 'sw.js': 'sw 1' }, { store, cdn, clock });
    expect(store.keys()).toContain('assets/app-1a2b3c4d.js');
    // Eight days later its grace period has passed.
    await clock.sleep(8 * 86_400_000);
    timeline.length = 0;
    const r = await pipelineRun(inputs, { ...v2, 'sw.js': 'sw 2' }, { store, cdn, clock, env: { GITHUB_RUN_ID: '42' } });
    expect(r.failure).toBeNull();
    const owed = `${OWED(store)}${D1}/42-1.json`;
    const [state, lock] = [STATE(store), LOCK(store)];
    const id = cdn.created()[0]!.id;
    expect(timeline).toEqual([
      'store.list ',
      `cdn.config ${D1}`,
      `store.getText ${state}`,
      `cdn.listSince ${D1}`, // in-flight usage, read only because something is stale
      `store.putText ${BOOT()}`, // the bootstrap lock, once the plan is known to write
      'store.list .s3cfd-', // which records folder this prefix uses now
      `store.putText ${lock}`, // the deploy lock in it
      `store.getText ${BOOT()}`, // the bootstrap let go at once (still ours?)
      `store.deleteKey ${BOOT()}`,
      'store.list .s3cfd-', // under the lock: has the ledger moved since it was read? (the witness)
      `store.putText ${owed}`, // before the first upload
      'store.upload assets/app-5e6f7a8b.js',
      'store.upload css/site.css',
      'store.upload index.html', // entry documents after every asset
      'store.upload new.html',
      'store.upload sw.js',
      `store.putText ${state}`, // after the uploads
      'store.deleteKeys old.html', // the origin is final before the invalidation that covers it
      `cdn.create ${D1} / /css/site.css /index.html /old.html /sw.js`,
      `store.deleteKey ${owed}`, // cleared only once CloudFront has it
      'store.deleteKeys assets/app-1a2b3c4d.js', // due fingerprinted objects after the invalidation (never invalidated)
      `store.getText ${lock}`, // the lock is released once the last write is done: still ours?
      `store.deleteKey ${lock}`,
      `cdn.get ${D1} ${id}`, // the wait needs no lock
      `cdn.get ${D1} ${id}`,
    ]);
    expect(r.outputs['invalidation-status']).toBe('Completed');
  });
});

describe('waiting', () => {
  it('wait-timeout reached: the step fails naming what is still in progress, after the uploads and the invalidation', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ completeAfterGets: 1000 });
    await pipelineRun(base, { 'index.html': 'a' }, { store, cdn });
    const r = await pipelineRun({ ...base, wait: 'true', 'wait-timeout': '60' }, { 'index.html': 'b' }, { store, cdn });
    const id = cdn.created()[0]!.id;
    expect(r.failed).toBe(true);
    expect(r.failure).toBe(`wait-timeout (60 s) reached; still in progress: ${id} (${D1})`);
    expect(store.text('index.html')).toBe('b');
    expect(r.outputs['invalidation-status']).toBe('InProgress');
  });
});

describe('several distributions', () => {
  it('one invalidation each, in its own URL space, one owed record each, all cleared', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const inputs = { bucket: 'site-bucket', prefix: 'site', 'distribution-id': `${D1}:/site\n${D2}`, 'keep-deploys': '0' };
    await pipelineRun(inputs, { 'index.html': 'home 1', 'a.css': 'a' }, { store, cdn });
    store.resetOps();
    const r = await pipelineRun(inputs, { 'index.html': 'home 2', 'a.css': 'a' }, { store, cdn, env: { GITHUB_RUN_ID: '77' } });
    expect(r.failure).toBeNull();
    expect(store.opsOf('list')).toEqual(['site/', 'site/.s3cfd-', 'site/.s3cfd-']); // the prefix, the folder for the lock, the witness
    expect(store.opsOf('upload')).toEqual(['site/index.html']);
    expect(cdn.sent()).toEqual([
      [D1, ['/', '/index.html']],
      [D2, ['/site/', '/site/index.html']],
    ]);
    const dir = recordsDir(store, 'site/');
    expect(dir).toMatch(/^site\/\.s3cfd-[0-9a-f]{24}\/$/);
    expect(store.opsOf('putText')).toEqual([
      BOOT('site/'),
      `${dir}lock.json`,
      `${dir}owed/${D1}/77-1.json`,
      `${dir}owed/${D2}/77-1.json`,
      `${dir}state.json`,
    ]);
    expect(store.opsOf('deleteKey').sort()).toEqual(
      [BOOT('site/'), `${dir}lock.json`, `${dir}owed/${D1}/77-1.json`, `${dir}owed/${D2}/77-1.json`].sort(),
    );
    const [i1, i2] = cdn.created();
    expect(JSON.parse(r.outputs['invalidation-ids']!)).toEqual({ [D1]: i1!.id, [D2]: i2!.id });
    expect(r.report!.invalidations.map((i) => [i.distributionId, i.id])).toEqual([
      [D1, i1!.id],
      [D2, i2!.id],
    ]);
  });

  it('the in-flight usage of one distribution budgets only its own batch', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const inputs = { bucket: 'site-bucket', 'distribution-id': `${D1},${D2}` };
    const files: Record<string, string> = { 'keep.css': 'k' };
    for (const d of ['a', 'b']) for (let i = 0; i < 3; i++) files[`${d}/${i}.html`] = `${d}${i} v1`;
    for (const d of ['a', 'b']) files[`${d}/keep.css`] = 'k';
    await pipelineRun(inputs, files, { store, cdn });
    // Someone else's invalidation leaves D2 room for 2 file paths.
    cdn.seed(
      D2,
      Array.from({ length: 2998 }, (_, i) => `/other/${i}`),
    );
    const changed = { ...files };
    for (const d of ['a', 'b']) for (let i = 0; i < 3; i++) changed[`${d}/${i}.html`] = `${d}${i} v2`;
    const r = await pipelineRun(inputs, changed, { store, cdn });
    expect(r.failure).toBeNull();
    const sent = new Map(cdn.sent());
    expect(sent.get(D1)).toEqual(['/a/0.html', '/a/1.html', '/a/2.html', '/b/0.html', '/b/1.html', '/b/2.html']);
    expect(sent.get(D2)).toEqual(['/a/*', '/b/*']);
    expect(r.report!.invalidations[1]).toMatchObject({ wildcards: 2, collateral: 2 });
  });
});

describe('invalidate-only mode', () => {
  const only = { upload: 'false', 'source-dir': '', 'distribution-id': D1, paths: '/docs/*\n/about/index.html' };

  it('sends the paths input; without a bucket the store is never used', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const r = await pipelineRun(only, {}, { store, cdn });
    expect(r.failure).toBeNull();
    expect(store.ops).toEqual([]);
    expect(cdn.sent()).toEqual([[D1, ['/about/', '/about/index.html', '/docs/*']]]);
    expect(r.report!.invalidations[0]!.stale.map((s) => s.reason)).toEqual(['manual', 'manual', 'manual']);
    expect(r.outputs).toMatchObject({ uploaded: '0', 'invalidation-id': cdn.created()[0]!.id });
  });

  it('with a bucket: the lock and the owed record guard the invalidation, and no state record is read or written', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const r = await pipelineRun({ ...only, bucket: 'site-bucket' }, {}, { store, cdn, env: { GITHUB_RUN_ID: '9' } });
    expect(r.failure).toBeNull();
    const owed = `${OWED(store)}${D1}/9-1.json`;
    // Two such jobs at once (consolidating a sharded deploy) must not both send the same owed records: the lock.
    const lock = LOCK(store);
    expect(store.ops).toEqual([
      { op: 'list', key: '' },
      { op: 'putText', key: BOOT() },
      { op: 'list', key: '.s3cfd-' },
      { op: 'putText', key: lock },
      { op: 'getText', key: BOOT() },
      { op: 'deleteKey', key: BOOT() },
      { op: 'putText', key: owed },
      { op: 'deleteKey', key: owed },
      { op: 'getText', key: lock },
      { op: 'deleteKey', key: lock },
    ]);
    expect(cdn.sent()).toHaveLength(1);
  });

  it('a failing CreateInvalidation keeps the owed record for the next run', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    cdn.fail = (op) => (op === 'create' ? Object.assign(new Error('denied'), { name: 'AccessDenied' }) : undefined);
    const r = await pipelineRun({ ...only, bucket: 'site-bucket' }, {}, { store, cdn, env: { GITHUB_RUN_ID: '10' } });
    expect(r.failed).toBe(true);
    expect(r.failure).toBe(
      `CloudFront CreateInvalidation on distribution ${D1} failed: AccessDenied: denied. Grant cloudfront:CreateInvalidation on ` +
        `arn:aws:cloudfront::<account>:distribution/${D1} to the role or user of these credentials, and check that they belong to ` +
        `the account that owns ${D1}. The paths are kept as owed ` +
        'in the bucket and the next run sends them.',
    );
    expect(owedKeys(store)).toEqual([`${OWED(store)}${D1}/10-1.json`]);
    cdn.fail = null;
    const next = await pipelineRun({ upload: 'false', 'source-dir': '', 'distribution-id': D1, bucket: 'site-bucket' }, {}, { store, cdn });
    expect(next.failure).toBeNull();
    expect(cdn.sent()).toEqual([[D1, ['/about/', '/about/index.html', '/docs/*']]]);
    expect(owedKeys(store)).toEqual([]);
  });
});

describe('the in-memory ports', () => {
  it('CloudFront idempotency: the same CallerReference and paths return the same invalidation; other paths are refused', async () => {
    const cdn = memoryCdn({ completeAfterGets: 2 });
    const a = await cdn.create(D1, ['/a'], 'ref-1');
    expect(await cdn.create(D1, ['/a'], 'ref-1')).toEqual(a);
    await expect(cdn.create(D1, ['/b'], 'ref-1')).rejects.toMatchObject({ name: 'InvalidationBatchAlreadyExists' });
    expect((await cdn.create(D2, ['/b'], 'ref-1')).id).not.toBe(a.id); // per distribution
    expect(cdn.created()).toHaveLength(2);
    expect((await cdn.get(D1, a.id)).status).toBe('InProgress');
    expect((await cdn.get(D1, a.id)).status).toBe('Completed');
  });

  it('CloudFront in-flight limits: TooManyInvalidationsInProgress past 15 wildcards', async () => {
    const cdn = memoryCdn();
    cdn.seed(
      D1,
      Array.from({ length: 15 }, (_, i) => `/w${i}/*`),
    );
    await expect(cdn.create(D1, ['/x/*'], 'r')).rejects.toMatchObject({ name: 'TooManyInvalidationsInProgress' });
    await expect(cdn.create(D1, ['/x'], 'r2')).resolves.toMatchObject({ status: 'InProgress' });
  });

  it('the store checks Content-MD5 like S3', async () => {
    const store = memoryStore();
    const dir = tmpDir('md5');
    writeTree(dir, { 'a.txt': 'abc' });
    await expect(store.upload('a.txt', `${dir}/a.txt`, 3, md5('xyz'), { contentType: 't', cacheControl: 'c' })).rejects.toMatchObject({
      name: 'BadDigest',
    });
    expect(await store.upload('a.txt', `${dir}/a.txt`, 3, md5('abc'), { contentType: 't', cacheControl: 'c' })).toBe(md5('abc'));
    expect(await store.storedMd5('a.txt')).toBe(md5('abc'));
  });
});

describe('the in-memory store: conditional writes, head, upload headers and gzip', () => {
  it('putText returns the ETag; If-None-Match * fails on an existing key, If-Match on a missing key or another ETag', async () => {
    const store = memoryStore();
    const e1 = await store.putText('r.json', '{"a":1}', { ifNoneMatch: '*' });
    expect(e1).toBe(md5('{"a":1}'));
    await expect(store.putText('r.json', '{"a":2}', { ifNoneMatch: '*' })).rejects.toMatchObject({ name: 'PreconditionFailed' });
    await expect(store.putText('r.json', '{"a":2}', { ifMatch: 'other' })).rejects.toMatchObject({ name: 'PreconditionFailed' });
    await expect(store.putText('gone.json', '{}', { ifMatch: e1 })).rejects.toMatchObject({ name: 'PreconditionFailed' });
    expect(store.text('r.json')).toBe('{"a":1}');
    expect(store.keys()).toEqual(['r.json']);
    expect(await store.putText('r.json', '{"a":3}', { ifMatch: `"${e1}"` })).toBe(md5('{"a":3}'));
    expect(await store.putText('r.json', '{"a":4}')).toBe(md5('{"a":4}'));
    expect((await store.list('')).map((o) => o.key)).toEqual(['r.json']);
  });

  it('head returns the stored MD5 and every header; gzip stores the deterministic gzip of the file', async () => {
    const store = memoryStore();
    const dir = tmpDir('head');
    writeTree(dir, { 'a.js': 'console.log("hello hello hello hello")' });
    const gz = gzipDeterministic(Buffer.from('console.log("hello hello hello hello")'));
    const headers = {
      contentType: 'text/javascript',
      cacheControl: 'no-cache',
      contentEncoding: 'gzip',
      contentLanguage: 'en',
      contentDisposition: 'inline',
      websiteRedirectLocation: '/b.js',
      metadata: { owner: 'web', [MD5_META]: 'not-this' },
    };
    const etag = await store.upload('a.js', `${dir}/a.js`, gz.length, createHash('md5').update(gz).digest('hex'), headers, { gzip: true });
    expect(store.objects.get('a.js')!.body.equals(gz)).toBe(true);
    expect(await store.head('a.js')).toEqual({
      md5: etag, // the action's MD5 wins over the metadata given
      headers: { ...headers, metadata: { owner: 'web' } },
    });
    expect(await store.head('missing.js')).toBeNull();
    store.seed('other.js', 'x');
    expect(await store.head('other.js')).toEqual({ headers: { contentType: 'application/octet-stream', metadata: {} } });
  });
});

describe('invalidate-only mode without a commit diff', () => {
  // The workspace is no git repository and the GitHub API answers 404 (at once, no retries): no diff at all.
  let api: http.Server;
  let apiUrl = '';
  beforeAll(async () => {
    api = http.createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}'));
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

  it.each<[string, string, string[], RegExp]>([
    [
      'missing-diff: warn (default): the paths input only, with a warning',
      'warn',
      ['/about/', '/about/index.html', '/docs/*'],
      /only the paths input and the diff that was read are invalidated/,
    ],
    ['missing-diff: all: /*', 'all', ['/*'], /invalidating \/\* as missing-diff: all allows/],
  ])('%s', async (_name, missingDiff, paths, warning) => {
    const cdn = memoryCdn();
    const inputs = {
      upload: 'false',
      'source-dir': '',
      'distribution-id': D1,
      paths: '/docs/*\n/about/index.html',
      'diff-base': 'abc123',
      'missing-diff': missingDiff,
    };
    const r = await pipelineRun(inputs, {}, { cdn, env: { GITHUB_SHA: 'def456', GITHUB_API_URL: apiUrl } });
    expect(r.failure).toBeNull();
    expect(cdn.sent()).toEqual([[D1, paths]]);
    expect(r.report!.diff).toMatchObject({ source: 'unavailable' });
    expect(r.report!.warnings.some((w) => warning.test(w))).toBe(true);
  });
});

describe("the action's records folder", () => {
  const own = (s: MemoryStore) => s.keys().filter((k) => /(^|\/)\.s3cfd-|\.s3-cloudfront-deploy\//.test(k));

  it('is hidden (a random name), stable across deploys, never synced, compared or deleted, and differs per bucket', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const inputs = { ...base, 'delete-removed': 'true', 'keep-removed': '0' };
    const r1 = await pipelineRun(inputs, v1, { store, cdn });
    expect(r1.failure).toBeNull();
    const dir = recordsDir(store);
    expect(dir).toMatch(HIDDEN_RECORDS);
    expect(own(store)).toEqual([`${dir}state.json`]);
    const r2 = await pipelineRun(inputs, v2, { store, cdn, env: { GITHUB_RUN_ID: '61' } });
    expect(r2.failure).toBeNull();
    // The same folder: the ledger was found again through the listing, and nothing else of the action's is left.
    expect(recordsDir(store)).toBe(dir);
    expect(own(store)).toEqual([`${dir}state.json`]);
    expect(store.opsOf('putText').filter((k) => !k.startsWith(dir) && k !== '.s3cfd-lock.json')).toEqual([]);
    // Not part of the site: not in the report, not deleted by delete-removed, not invalidated.
    expect([...r1.report!.files, ...r2.report!.files].filter((f) => f.path.includes('s3cfd'))).toEqual([]);
    expect(store.opsOf('deleteKeys').filter((k) => k.startsWith(dir))).toEqual([]);
    expect(
      cdn
        .sent()
        .flatMap(([, paths]) => paths)
        .filter((p) => p.includes('s3cfd')),
    ).toEqual([]);
    // Another bucket gets another name.
    const other = memoryStore();
    await pipelineRun(inputs, v1, { store: other, cdn: memoryCdn() });
    expect(recordsDir(other)).toMatch(HIDDEN_RECORDS);
    expect(recordsDir(other)).not.toBe(dir);
  });

  it('state-prefix puts every record outside the site prefix: nothing of the action is under the prefix', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const inputs = { ...base, prefix: 'site', 'state-prefix': 'deploy-state', 'delete-removed': 'true', 'keep-removed': '0' };
    expect((await pipelineRun(inputs, v1, { store, cdn })).failure).toBeNull();
    const r = await pipelineRun(inputs, v2, { store, cdn, env: { GITHUB_RUN_ID: '62' } });
    expect(r.failure).toBeNull();
    expect(cdn.sent()).toHaveLength(1); // an owed record was written and cleared, the lock taken and released
    const recordOps = store.ops.filter((o) => ['putText', 'deleteKey', 'getText', 'etagOf'].includes(o.op)).map((o) => o.key);
    expect(recordOps.length).toBeGreaterThan(0);
    expect(recordOps.filter((k) => !k.startsWith('deploy-state/site/'))).toEqual([]);
    expect(store.opsOf('putText')).toEqual(
      expect.arrayContaining(['deploy-state/site/lock.json', `deploy-state/site/owed/${D1}/62-1.json`, 'deploy-state/site/state.json']),
    );
    expect(store.keys().filter((k) => k.startsWith('site/'))).toEqual(
      Object.keys(v2)
        .map((k) => `site/${k}`)
        .sort(),
    );
    expect(store.keys().filter((k) => !k.startsWith('site/'))).toEqual(['deploy-state/site/state.json']);
    // The ledger there is used: a redeploy of the same build reads it and writes nothing.
    store.resetOps();
    const again = await pipelineRun(inputs, v2, { store, cdn });
    expect(again.failure).toBeNull();
    expect(writes(store)).toEqual([]);
    expect(store.opsOf('getText')).toEqual(['deploy-state/site/state.json']);
  });

  it('state-prefix set on a bucket with a hidden folder: the ledger moves out of the prefix', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    await pipelineRun({ ...base, prefix: 'site' }, v1, { store, cdn });
    const hidden = recordsDir(store, 'site/');
    store.resetOps();
    const r = await pipelineRun({ ...base, prefix: 'site', 'state-prefix': 'deploy-state' }, v2, { store, cdn });
    expect(r.failure).toBeNull();
    expect(store.opsOf('getText')[0]).toBe(`${hidden}state.json`); // read from the old folder (none in the new one yet)
    expect(own(store)).toEqual([]);
    expect(store.keys().filter((k) => !k.startsWith('site/'))).toEqual(['deploy-state/site/state.json']);
  });

  /** A bucket as the previous version left it: the site, its ledger (v1 objects) and an owed record in `.s3-cloudfront-deploy/`. */
  async function legacyBucket(files: Record<string, string>) {
    const store = memoryStore();
    const cdn = memoryCdn();
    await pipelineRun(base, files, { store, cdn });
    const dir = recordsDir(store);
    const { objects } = JSON.parse(store.text(`${dir}state.json`)) as { objects: Record<string, string[]> };
    store.objects.delete(`${dir}state.json`);
    store.seed('.s3-cloudfront-deploy/state.json', JSON.stringify({ version: 1, objects }));
    const oldOwed = `.s3-cloudfront-deploy/owed/${D1}/900-1.json`;
    store.seed(oldOwed, JSON.stringify({ distributionId: D1, paths: ['/about/index.html'] }));
    expect(own(store)).toEqual(['.s3-cloudfront-deploy/owed/E1ABCDEFGH/900-1.json', '.s3-cloudfront-deploy/state.json']);
    store.resetOps();
    return { store, cdn, oldOwed };
  }

  it('a bucket of the previous version is migrated on a deploy that changes something', async () => {
    const { store, cdn, oldOwed } = await legacyBucket(v1);
    const r = await pipelineRun(base, v2, { store, cdn });
    expect(r.failure).toBeNull();
    // The old ledger was used: the unchanged page is unchanged without a HEAD.
    expect(store.opsOf('getText')[0]).toBe('.s3-cloudfront-deploy/state.json');
    expect(store.opsOf('head')).toEqual([]);
    expect(store.opsOf('storedMd5')).toEqual([]);
    expect(r.report!.files.find((f) => f.path === 'about/index.html')).toMatchObject({ action: 'unchanged' });
    // The old owed paths were sent, with this run's.
    expect(cdn.sent()).toEqual([[D1, ['/', '/about/', '/about/index.html', '/css/site.css', '/index.html']]]);
    // The ledger moved: the new one written before the old one is deleted; the old owed record cleared once sent.
    const dir = recordsDir(store);
    expect(dir).toMatch(HIDDEN_RECORDS);
    const order = store.ops.filter((o) => o.op === 'putText' || o.op === 'deleteKey').map((o) => `${o.op} ${o.key}`);
    expect(order.indexOf(`putText ${dir}state.json`)).toBeLessThan(order.indexOf('deleteKey .s3-cloudfront-deploy/state.json'));
    expect(order).toContain(`deleteKey ${oldOwed}`);
    expect(own(store)).toEqual([`${dir}state.json`]);
    expect(Object.keys((JSON.parse(store.text(`${dir}state.json`)) as { objects: object }).objects).sort()).toEqual(Object.keys(v2).sort());
    // The next run reads only the new folder.
    store.resetOps();
    const again = await pipelineRun(base, v2, { store, cdn });
    expect(again.failure).toBeNull();
    expect(store.ops).toEqual([
      { op: 'list', key: '' },
      { op: 'getText', key: `${dir}state.json` },
    ]);
  });

  it('a bucket of the previous version: the owed paths are sent and the old record cleared on a run that uploads nothing', async () => {
    const { store, cdn, oldOwed } = await legacyBucket(v1);
    const r = await pipelineRun(base, v1, { store, cdn });
    expect(r.failure).toBeNull();
    expect(store.opsOf('upload')).toEqual([]);
    expect(cdn.sent()).toEqual([[D1, ['/about/', '/about/index.html']]]);
    expect(store.keys()).not.toContain(oldOwed);
    expect(owedKeys(store)).toEqual([]);
  });

  // BUG in src/plan/deploy.ts (writeState) / src/stages/execute.ts (migrateRecords): the ledger is migrated only
  // as part of a ledger write, and a run that changes nothing writes no ledger (the old one counts as "a record
  // exists"). So on a bucket of the previous version, runs of an unchanged build never move the ledger: it stays
  // in the guessable `.s3-cloudfront-deploy/state.json` (listing every key of the site to whoever fetches it,
  // which the hidden folder is meant to prevent) until some deploy happens to change a file. Old folders in
  // facts.records.oldDirs holding a state.json should force writeState.
  it('a bucket of the previous version is migrated even when the build is unchanged', async () => {
    const { store, cdn } = await legacyBucket(v1);
    const r = await pipelineRun(base, v1, { store, cdn });
    expect(r.failure).toBeNull();
    expect(store.keys()).not.toContain('.s3-cloudfront-deploy/state.json');
    expect(own(store)).toEqual([`${recordsDir(store)}state.json`]);
  });
});

describe('the deploy lock', () => {
  const MIN = 60_000;
  const inputs = { ...base, 'delete-removed': 'true', 'keep-removed': '0' };
  // The fixed name: held by an earlier version for a whole run, or by a run finding its records folder.
  const lockOf = (_s: MemoryStore) => '.s3cfd-lock.json';
  const ledgerRuns = (s: MemoryStore) =>
    (JSON.parse(s.text(`${recordsDir(s)}state.json`)) as { deploys?: { runId: string }[] }).deploys?.map((d) => d.runId);

  /** A bucket with v1 deployed (run 100) and the lock held by another owner until `until`. */
  async function lockedBucket(owner: string, until: (now: number) => number) {
    const store = memoryStore();
    const cdn = memoryCdn();
    const clock = memoryClock();
    expect((await pipelineRun(inputs, v1, { store, cdn, clock, env: { GITHUB_RUN_ID: '100' } })).failure).toBeNull();
    store.seed(lockOf(store), JSON.stringify({ owner, expiresAt: new Date(until(clock.now())).toISOString() }));
    store.resetOps();
    return { store, cdn, clock };
  }

  it('a run waits for a lock another run holds (polling on the clock), then re-plans with what that run wrote', async () => {
    const { store, cdn, clock } = await lockedBucket('acme/site run 500 attempt 1', (now) => now + 30 * MIN);
    // The holder, run 500, is still deploying (v1 plus extra.html): it finishes while this run sleeps.
    let holder: PipelineResult | null = null;
    const waiting: Clock = {
      now: () => clock.now(),
      sleep: async (ms) => {
        if (!holder) {
          holder = await pipelineRun(inputs, { ...v1, 'extra.html': 'extra' }, { store, cdn, clock, env: { GITHUB_RUN_ID: '500' } });
        }
        await clock.sleep(ms);
      },
    };
    const r = await pipelineRun(inputs, v2, { store, cdn, clock: waiting, env: { GITHUB_RUN_ID: '501' } });
    expect(holder!.failure).toBeNull();
    // The seeded lock is not the holder's own (every job's owner is unique): it took it over once it expired.
    expect(holder!.log.lines.info.some((l) => l.includes('Took over deploy lock'))).toBe(true);
    expect(r.failure).toBeNull();
    expect(r.log.lines.info.some((l) => /^Waiting for deploy lock .*lock\.json, held by acme\/site run 500 attempt 1 until /.test(l))).toBe(
      true,
    );
    expect(clock.slept).toBeGreaterThanOrEqual(2_000);
    // Re-planned: extra.html, written by the other run while this one waited, is not in this build: deleted.
    expect(store.keys()).not.toContain('extra.html');
    expect(r.report!.files.find((f) => f.path === 'extra.html')).toMatchObject({ action: 'delete' });
    expect(cdn.sent().at(-1)![1]).toContain('/extra.html');
    expect(Object.keys(v2).every((k) => store.text(k) === v2[k as keyof typeof v2])).toBe(true);
    // Both runs are in the ledger, the waiting one last; no lock is left.
    expect(ledgerRuns(store)!.slice(0, 3)).toEqual(['501', '500', '100']);
    expect(store.keys()).not.toContain(lockOf(store));
    // Nothing of this run was written before it held the lock (its first write is the lock).
    const firstWrite = writes(store).findIndex(
      (o) => o.key === 'extra.html' || o.key.startsWith(recordsDir(store)) || o.key === lockOf(store),
    );
    expect(writes(store)[firstWrite]).toEqual({ op: 'putText', key: lockOf(store) });
  });

  it('an expired lock (a crashed run) is taken over at once', async () => {
    const { store, cdn, clock } = await lockedBucket('acme/site run 77 attempt 1', (now) => now - 1);
    const r = await pipelineRun(inputs, v2, { store, cdn, clock, env: { GITHUB_RUN_ID: '78' } });
    expect(r.failure).toBeNull();
    expect(clock.slept).toBe(0);
    expect(
      r.log.lines.info.some((l) => l.startsWith(`Took over deploy lock ${lockOf(store)} (held by acme/site run 77 attempt 1, expired at`)),
    ).toBe(true);
    expect(store.opsOf('upload')).toHaveLength(4);
    expect(store.keys()).not.toContain(lockOf(store));
  });

  it('a lock left by a crashed run holds for its 10 minutes, then the waiting run takes it over; a live holder past the wait: LockTimeout', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const clock = memoryClock();
    expect((await pipelineRun(inputs, v1, { store, cdn, clock })).failure).toBeNull();
    // The lock in the records folder (the bootstrap name is held only while a run takes it).
    const lock = `${recordsDir(store)}lock.json`;
    // Run 200 deploys but cannot delete its lock (as if it died at the end).
    store.fail = (op, key) => (op === 'deleteKey' && key === lock ? new Error('connection reset') : undefined);
    const t0 = clock.now();
    expect((await pipelineRun(inputs, v2, { store, cdn, clock, env: { GITHUB_RUN_ID: '200' } })).failed).toBe(true);
    store.fail = null;
    const left = JSON.parse(store.text(lock)) as { owner: string; expiresAt: string };
    expect(left.owner).toMatch(/^acme\/site run 200 attempt 1 job [0-9a-f]{12}$/);
    expect(left.expiresAt).toBe(new Date(t0 + 10 * MIN).toISOString());

    await clock.sleep(MIN);
    store.resetOps();
    const late = await pipelineRun(inputs, v1, { store, cdn, clock, env: { GITHUB_RUN_ID: '201' } });
    expect(late.failure).toBeNull();
    expect(clock.now() - t0).toBeGreaterThan(10 * MIN);
    expect(clock.now() - t0).toBeLessThan(11 * MIN);
    // (the records folder's name hidden, as in every line the action logs)
    const shownLock = '.s3cfd-<hidden>/lock.json';
    expect(late.log.lines.info.some((l) => l.startsWith(`Took over deploy lock ${shownLock} (held by acme/site run 200 attempt 1`))).toBe(
      true,
    );
    expect(store.text('index.html')).toBe(v1['index.html']);
    expect(store.keys()).not.toContain(lock);

    // A holder that stays alive (its lock renewed) for longer than a waiter's wait: the waiter gives up after 30 minutes.
    const t1 = clock.now();
    store.seed(lock, JSON.stringify({ owner: 'acme/site run 300 attempt 1 job abc', expiresAt: new Date(t1 + 45 * MIN).toISOString() }));
    store.resetOps();
    const blocked = await pipelineRun(inputs, v2, { store, cdn, clock, env: { GITHUB_RUN_ID: '301' } });
    expect(blocked.failed).toBe(true);
    expect(blocked.failure).toMatch(
      /^LockTimeout: deploy lock .*lock\.json is held by acme\/site run 300 attempt 1 job abc until .*; gave up after waiting 1800 s$/,
    );
    expect(clock.now() - t1).toBe(30 * MIN);
    expect(store.opsOf('upload')).toEqual([]);
    // Refused creates of the folder's lock only, besides taking and letting go the bootstrap name.
    expect(
      writes(store)
        .filter((o) => o.key !== lockOf(store))
        .every((o) => o.op === 'putText' && o.key === lock),
    ).toBe(true);
  });

  it('a no-op run and a dry run take no lock, and do not wait for one another run holds', async () => {
    const { store, cdn, clock } = await lockedBucket('acme/site run 500 attempt 1', (now) => now + 30 * MIN);
    const held = store.text(lockOf(store));
    const noop = await pipelineRun(inputs, v1, { store, cdn, clock });
    expect(noop.failure).toBeNull();
    const dry = await pipelineRun({ ...inputs, 'dry-run': 'true' }, v2, { store, cdn, clock });
    expect(dry.failure).toBeNull();
    expect(writes(store)).toEqual([]);
    expect(store.ops.filter((o) => o.key === lockOf(store))).toEqual([]);
    expect(clock.slept).toBe(0);
    expect(store.text(lockOf(store))).toBe(held);
  });

  it('a refused plan (over max-deletes) takes no lock', async () => {
    const { store, cdn, clock } = await lockedBucket('acme/site run 500 attempt 1', (now) => now + 30 * MIN);
    const r = await pipelineRun({ ...inputs, 'max-deletes': '1' }, v2, { store, cdn, clock });
    expect(r.failure).toMatch(/over max-deletes \(1\)/);
    expect(store.ops.filter((o) => o.key === lockOf(store))).toEqual([]);
    expect(clock.slept).toBe(0);
  });
});
