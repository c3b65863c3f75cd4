// The fault matrix (issue 5): the whole action against the local S3 server (fauxqs), with a fault-injecting
// proxy in front of it, and the CloudFront stand-in answering errors on demand. Each test is named after its
// row. Rows covered elsewhere: TooManyInvalidationsInProgress and Throttling (invalidation.test.ts); input
// parsing in detail (inputs.test.ts); empty source-dir and max-deletes (e2e.test.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { ListMultipartUploadsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { jest } from '@jest/globals';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { startFaultProxy, type FaultProxy } from '../testing/s3-fault-proxy.mjs';
import { clearOwed, readOwed, recordKey, writeOwed } from '../src/io/s3/owed.js';
import { createS3Store, s3ClientConfig } from '../src/io/s3/store.js';
import { getText, head, listKeys, runAction, s3Client, tmpDir, writeTree } from './support/harness.js';

const MiB = 1024 * 1024;
// The action's records live in a hidden folder with an unguessable name: `.s3cfd-<random>/owed/...`.
const OWED_DIR = '/owed/';
const OWED_KEY = /^\.s3cfd-[0-9a-z]{20,}\/owed\//;

let s3: S3StandIn;
let cf: CloudFrontStandIn;
let proxy: FaultProxy;
const extraStandIns: CloudFrontStandIn[] = [];

beforeAll(async () => {
  [s3, cf] = await Promise.all([startS3(), startCloudFront({ completeAfterPolls: 1 })]);
  proxy = await startFaultProxy(s3.endpoint);
}, 60_000);

afterAll(async () => {
  await Promise.all([proxy?.stop(), s3?.stop(), cf?.stop(), ...extraStandIns.map((c) => c.stop())]);
});

beforeEach(async () => {
  proxy.clear();
  cf.reset();
  await s3.resetStats();
});

let n = 0;
/** A fresh bucket and distribution id for one test. */
async function fresh(): Promise<{ bucket: string; dist: string; site: string }> {
  n++;
  const bucket = `faults-${n}`;
  await s3.createBucket(bucket);
  return { bucket, dist: `EFAULT${String(n).padStart(6, '0')}`, site: tmpDir(`faults-${n}`) };
}

const direct = (cfEndpoint = cf.endpoint) => ({ AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cfEndpoint });
const viaProxy = (cfEndpoint = cf.endpoint) => ({ AWS_ENDPOINT_URL_S3: proxy.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cfEndpoint });

const client = () => s3Client(s3.endpoint);
const errorLines = (log: string) => log.split('\n').filter((l) => l.startsWith('::error::'));
/** The log without the runner's masking commands (`::add-mask::VALUE` is how a secret gets masked). */
const visibleLog = (log: string) =>
  log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
const owedKeys = async (bucket: string) => (await listKeys(client(), bucket)).filter((k) => OWED_KEY.test(k));

/** Deterministic, incompressible-looking bytes. */
function bytes(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b.writeUInt32LE(x >>> 0, i);
  }
  return b;
}

// keep-deploys 0: these count the PUTs of one key, which a history copy (a PUT with x-amz-copy-source) would add to.
describe('S3 SlowDown / 500 / 503 / connection reset during uploads', () => {
  // The SDK refuses to retry a request whose body is a stream ("An error was encountered in a non-retryable
  // streaming request."), and single-PUT uploads send the file as a ReadStream: see the report of issue 5.
  it('S3 SlowDown (503) a few times during uploads: retried with backoff, the deploy succeeds and the PUT lands', async () => {
    const { bucket, dist, site } = await fresh();
    writeTree(site, { 'index.html': 'v1', 'styles.css': 'body{color:red}', 'app.js': 'console.log(1)' });
    const base = { 'source-dir': site, bucket, 'distribution-id': dist, 'keep-deploys': '0' };
    expect((await runAction(base, direct())).failed).toBe(false);

    writeTree(site, { 'styles.css': 'body{color:blue}', 'app.js': 'console.log(2)' });
    proxy.failWhen({ method: 'PUT', keyIncludes: 'styles.css', times: 2, status: 503, code: 'SlowDown' });
    proxy.failWhen({ method: 'PUT', keyIncludes: 'app.js', times: 1, status: 500, code: 'InternalError' });
    proxy.failWhen({ method: 'PUT', keyIncludes: 'app.js', times: 1, status: 503, code: 'ServiceUnavailable' });
    const r = await runAction(base, viaProxy());
    expect(r.failed).toBe(false);
    expect(proxy.pending()).toBe(0);

    const css = proxy.calls.filter((c) => c.method === 'PUT' && c.url.includes('styles.css'));
    expect(css.map((c) => c.status)).toEqual([503, 503, 200]);
    const js = proxy.calls.filter((c) => c.method === 'PUT' && c.url.includes('app.js'));
    expect(js.map((c) => c.status)).toEqual([500, 503, 200]);
    // The bytes that landed are the new ones, whole (S3 checked them against Content-MD5).
    expect(await getText(client(), bucket, 'styles.css')).toBe('body{color:blue}');
    expect(await getText(client(), bucket, 'app.js')).toBe('console.log(2)');
    expect(r.outputs['uploaded']).toBe('2');
    // And the invalidation went out as usual, the owed record cleared.
    expect(cf.invalidations(dist).map((i) => [...i.paths].sort())).toEqual([['/app.js', '/styles.css']]);
    expect(await owedKeys(bucket)).toEqual([]);
  });

  it('S3 SlowDown / 500 / 503 / reset on requests with replayable bodies (list, owed record, multipart parts, DeleteObjects): retried, the deploy succeeds', async () => {
    const { bucket, dist, site } = await fresh();
    const sizes = { multipartThreshold: 5 * MiB, partSize: 5 * MiB };
    writeTree(site, { 'index.html': 'v1', 'old.html': 'old' });
    fs.writeFileSync(path.join(site, 'big.bin'), bytes(6 * MiB, 11));
    const base = { 'source-dir': site, bucket, 'distribution-id': dist, 'keep-deploys': '0', 'delete-removed': 'true' };
    expect((await runAction(base, direct(), sizes)).failed).toBe(false);

    writeTree(site, { 'old.html': null });
    fs.writeFileSync(path.join(site, 'big.bin'), bytes(6 * MiB, 12));
    proxy.failWhen({ method: 'GET', query: 'list-type', times: 1, status: 503, code: 'SlowDown' });
    proxy.failWhen({ method: 'PUT', keyIncludes: OWED_DIR, times: 1, status: 503, code: 'ServiceUnavailable' });
    proxy.failWhen({ method: 'POST', query: 'uploads', times: 1, reset: true });
    proxy.failWhen({ method: 'PUT', query: 'partNumber', times: 2, status: 500, code: 'InternalError' });
    proxy.failWhen({ method: 'POST', query: 'delete', times: 1, status: 503, code: 'SlowDown' });
    const r = await runAction(base, viaProxy(), sizes);
    expect(r.failed).toBe(false);
    expect(proxy.pending()).toBe(0);

    // Each faulted request was sent again and then succeeded.
    const outcome = (pick: (url: string, method: string) => boolean) =>
      proxy.calls.filter((c) => pick(c.url, c.method)).map((c) => (c.reset ? 'reset' : c.status));
    // The listing (retried), then the witness listing of the records folders under the lock.
    expect(outcome((u, m) => m === 'GET' && u.includes('list-type=2'))).toEqual([503, 200, 200, 200]);
    expect(outcome((u, m) => m === 'PUT' && u.includes(encodeURI(OWED_DIR)))).toEqual([503, 200]);
    expect(outcome((u, m) => m === 'POST' && /[?&]uploads(=|&|$)/.test(u))).toEqual(['reset', 200]);
    expect(outcome((u, m) => m === 'PUT' && /[?&]partNumber=/.test(u)).filter((s) => s === 500)).toHaveLength(2);
    expect(outcome((u, m) => m === 'POST' && /[?&]delete(=|&|$)/.test(u))).toEqual([503, 200]);

    const h = await head(client(), bucket, 'big.bin');
    expect(h.ETag).toMatch(/-2"?$/);
    expect(h.Metadata?.['s3cfd-md5']).toBe(
      createHash('md5')
        .update(bytes(6 * MiB, 12))
        .digest('hex'),
    );
    expect(await listKeys(client(), bucket)).not.toContain('old.html');
    expect(cf.invalidations(dist).map((i) => [...i.paths].sort())).toEqual([['/big.bin', '/old.html']]);
    expect(await owedKeys(bucket)).toEqual([]);
  });

  it('S3 failing persistently for one key: exit 1 naming the file, no invalidation, no deletes, owed record kept', async () => {
    const { bucket, dist, site } = await fresh();
    writeTree(site, { 'index.html': 'v1', 'a.css': 'a1', 'broken.css': 'b1', 'old.html': 'old' });
    const base = { 'source-dir': site, bucket, 'distribution-id': dist, 'keep-deploys': '0', 'delete-removed': 'true', concurrency: '1' };
    expect((await runAction(base, direct())).failed).toBe(false);

    writeTree(site, { 'a.css': 'a2', 'broken.css': 'b2', 'old.html': null });
    proxy.failWhen({ method: 'PUT', keyIncludes: 'broken.css', status: 500, code: 'InternalError' });
    await s3.resetStats();
    cf.reset();
    const r = await runAction(base, viaProxy());
    expect(r.failed).toBe(true);

    // Every attempt at it failed (a single PUT is not retried by the SDK today: see the todo above).
    const attempts = proxy.calls.filter((c) => c.method === 'PUT' && c.url.includes('broken.css'));
    expect(attempts.length).toBe(6); // every attempt of the retry budget, then a clear failure
    expect(attempts.every((c) => c.injected && c.status === 500)).toBe(true);

    const errors = errorLines(r.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Upload failed for 1 file\(s\): broken\.css/);
    expect(errors[0]).toMatch(/not uploaded: ([\w./-]+, )*broken\.css/);
    expect(errors[0]).toMatch(/No invalidation was sent and nothing was deleted/);

    // Nothing stale was announced to CloudFront, nothing deleted, the old object still there.
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation')).toHaveLength(0);
    const stats = await s3.stats();
    expect(stats.DeleteObjects ?? 0).toBe(0);
    expect(stats.DeleteObject ?? 0).toBe(2); // the bootstrap's and the deploy lock's release; no site object is deleted
    expect(await getText(client(), bucket, 'old.html')).toBe('old');
    expect(await getText(client(), bucket, 'broken.css')).toBe('b1');

    // The owed record is in the bucket, naming what the next run must invalidate.
    const owed = await owedKeys(bucket);
    expect(owed).toHaveLength(1);
    expect(owed[0]).toMatch(new RegExp(`${OWED_KEY.source}${dist}/`));
    const record = JSON.parse(await getText(client(), bucket, owed[0]!)) as { distributionId: string; paths: string[] };
    expect(record.distributionId).toBe(dist);
    expect(record.paths).toEqual(expect.arrayContaining(['/a.css', '/broken.css', '/old.html']));

    // Once S3 recovers, the next run uploads the rest, invalidates everything owed and clears the record.
    proxy.clear();
    const next = await runAction(base, viaProxy());
    expect(next.failed).toBe(false);
    expect(await getText(client(), bucket, 'broken.css')).toBe('b2');
    expect(cf.invalidations(dist)).toHaveLength(1);
    expect(cf.invalidations(dist)[0]!.paths).toEqual(expect.arrayContaining(['/a.css', '/broken.css', '/old.html']));
    expect(await owedKeys(bucket)).toEqual([]);
  });

  it('a streamed upload (1-16 MiB) is retried with a fresh stream after SlowDown, and lands whole', async () => {
    const { bucket, dist, site } = await fresh();
    const big = (fill: string) => fill.repeat(3 * 1024 * 1024);
    writeTree(site, { 'index.html': 'v1', 'video.bin': big('a') });
    const base = { 'source-dir': site, bucket, 'distribution-id': dist, 'keep-deploys': '0' };
    expect((await runAction(base, direct())).failed).toBe(false);
    writeTree(site, { 'video.bin': big('b') });
    proxy.failWhen({ method: 'PUT', keyIncludes: 'video.bin', times: 2, status: 503, code: 'SlowDown' });
    const r = await runAction(base, viaProxy());
    expect(r.failed).toBe(false);
    const puts = proxy.calls.filter((c) => c.method === 'PUT' && c.url.includes('video.bin'));
    expect(puts.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(await getText(client(), bucket, 'video.bin')).toBe(big('b'));
  });

  it('connection reset during an upload (once): retried, the deploy succeeds', async () => {
    const { bucket, dist, site } = await fresh();
    writeTree(site, { 'index.html': 'v1', 'page.html': 'p1' });
    const base = { 'source-dir': site, bucket, 'distribution-id': dist, 'keep-deploys': '0' };
    expect((await runAction(base, direct())).failed).toBe(false);

    writeTree(site, { 'page.html': 'p2 with more bytes' });
    proxy.failWhen({ method: 'PUT', keyIncludes: 'page.html', times: 1, reset: true });
    const r = await runAction(base, viaProxy());
    expect(r.failed).toBe(false);
    const puts = proxy.calls.filter((c) => c.method === 'PUT' && c.url.includes('page.html'));
    expect(puts.map((c) => (c.reset ? 'reset' : c.status))).toEqual(['reset', 200]);
    expect(await getText(client(), bucket, 'page.html')).toBe('p2 with more bytes');
    expect(cf.invalidations(dist).map((i) => i.paths)).toEqual([['/page.html']]);
  });
});

describe('wait', () => {
  it('wait and GetInvalidation is denied (AccessDenied): fails fast naming cloudfront:GetInvalidation', async () => {
    const { bucket, dist, site } = await fresh();
    writeTree(site, { 'index.html': 'v1', 'a.html': 'a1' });
    const base = { 'source-dir': site, bucket, 'distribution-id': dist };
    expect((await runAction(base, direct())).failed).toBe(false);

    writeTree(site, { 'a.html': 'a2' });
    cf.reset();
    cf.failNext('GetInvalidation', {
      status: 403,
      code: 'AccessDenied',
      message: 'User is not authorized to perform: cloudfront:GetInvalidation',
    });
    let sleeps = 0;
    const clock = { now: () => Date.now(), sleep: async () => void sleeps++ };
    const r = await runAction({ ...base, wait: 'true', 'wait-timeout': '3600' }, direct(), { clock });
    expect(r.failed).toBe(true);
    const errors = errorLines(r.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('cloudfront:GetInvalidation');
    const id = cf.invalidations(dist)[0]!.id;
    expect(errors[0]).toContain(id);
    // No polling until the timeout: exactly one GetInvalidation, and no wait between polls.
    expect(cf.calls.filter((c) => c.operation === 'GetInvalidation')).toHaveLength(1);
    expect(sleeps).toBe(0);
    // The invalidation itself went out and the owed record was cleared.
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation' && c.status === 201)).toHaveLength(1);
    // The invalidation was created: the outputs, report and summary say so even though the run failed.
    expect(r.outputs['invalidation-id']).toBe(id);
    expect(r.report.error).toContain('cloudfront:GetInvalidation');
    expect(r.summary).toContain('The deploy failed');
    expect(await owedKeys(bucket)).toEqual([]);
  });

  it('wait-timeout reached: exit 1 naming the invalidation still in progress; outputs still set', async () => {
    const never = await startCloudFront({ completeAfterPolls: null });
    extraStandIns.push(never);
    const { bucket, dist, site } = await fresh();
    writeTree(site, { 'index.html': 'v1', 'a.html': 'a1' });
    const base = { 'source-dir': site, bucket, 'distribution-id': dist };
    expect((await runAction(base, direct(never.endpoint))).failed).toBe(false);

    writeTree(site, { 'a.html': 'a2' });
    let now = Date.UTC(2030, 0, 15, 12);
    const slept: number[] = [];
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        slept.push(ms);
        now += ms;
      },
    };
    const started = Date.now();
    const r = await runAction({ ...base, wait: 'true', 'wait-timeout': '120' }, direct(never.endpoint), { clock, pollDelayMs: 5_000 });
    expect(Date.now() - started).toBeLessThan(10_000); // the fake clock, not real time
    expect(r.failed).toBe(true);

    const inv = never.invalidations(dist);
    expect(inv).toHaveLength(1);
    expect(inv[0]!.status).toBe('InProgress');
    const errors = errorLines(r.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/wait-timeout \(120 s\) reached/);
    expect(errors[0]).toContain(inv[0]!.id);
    expect(errors[0]).toContain(dist);

    // Polled with backoff for the whole timeout and no longer.
    expect(inv[0]!.polls).toBeGreaterThan(2);
    expect(slept.reduce((a, b) => a + b, 0)).toBe(120_000);
    expect(slept[1]!).toBeGreaterThan(slept[0]!);

    expect(r.outputs['invalidation-id']).toBe(inv[0]!.id);
    expect(r.outputs['invalidation-status']).toBe('InProgress');
    expect(JSON.parse(r.outputs['invalidation-ids']!)).toEqual({ [dist]: inv[0]!.id });
    expect(r.outputs['uploaded']).toBe('1');
    expect(r.report.invalidations[0]).toMatchObject({ id: inv[0]!.id, status: 'InProgress' });
  });
});

describe('file larger than the single-PUT limit (simulated with a lowered threshold)', () => {
  const sizes = { multipartThreshold: 5 * MiB, partSize: 5 * MiB };

  it('file larger than the single-PUT limit: multipart, and an identical deploy re-uploads nothing', async () => {
    const { bucket, site } = await fresh();
    writeTree(site, { 'index.html': 'v1' });
    fs.writeFileSync(path.join(site, 'video.bin'), bytes(12 * MiB, 7));
    const base = { 'source-dir': site, bucket };

    const r = await runAction(base, direct(), sizes);
    expect(r.failed).toBe(false);
    const stats = await s3.stats();
    expect(stats.CreateMultipartUpload).toBe(1);
    expect(stats.UploadPart).toBe(3);
    expect(stats.CompleteMultipartUpload).toBe(1);
    expect(stats.PutObject).toBe(4); // index.html, the ledger, the bootstrap and the deploy lock
    const h = await head(client(), bucket, 'video.bin');
    expect(h.ETag).toMatch(/-3"?$/);
    expect(h.ContentLength).toBe(12 * MiB);
    expect(h.ContentType).toBe('application/octet-stream');

    await s3.resetStats();
    const again = await runAction(base, direct(), sizes);
    expect(again.failed).toBe(false);
    const s2 = await s3.stats();
    expect((s2.PutObject ?? 0) + (s2.UploadPart ?? 0) + (s2.CreateMultipartUpload ?? 0)).toBe(0);
    expect(again.outputs['uploaded']).toBe('0');
    expect(again.outputs['unchanged']).toBe('2');
  });

  it('file larger than the single-PUT limit: a failing UploadPart aborts the multipart upload (no orphaned parts)', async () => {
    const { bucket, dist, site } = await fresh();
    writeTree(site, { 'index.html': 'v1' });
    fs.writeFileSync(path.join(site, 'video.bin'), bytes(12 * MiB, 1));
    const base = { 'source-dir': site, bucket, 'distribution-id': dist };
    expect((await runAction(base, direct(), sizes)).failed).toBe(false);
    const before = (await head(client(), bucket, 'video.bin')).ETag;

    fs.writeFileSync(path.join(site, 'video.bin'), bytes(12 * MiB, 2));
    proxy.failWhen({ method: 'PUT', query: 'partNumber', status: 500, code: 'InternalError' });
    await s3.resetStats();
    cf.reset();
    const r = await runAction(base, viaProxy(), sizes);
    expect(r.failed).toBe(true);
    expect(errorLines(r.log)[0]).toMatch(/Upload failed for 1 file\(s\): video\.bin/);

    const parts = proxy.calls.filter((c) => c.method === 'PUT' && /[?&]partNumber=/.test(c.url));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((c) => c.injected)).toBe(true);
    const aborts = proxy.calls.filter((c) => c.method === 'DELETE' && /[?&]uploadId=/.test(c.url));
    expect(aborts).toHaveLength(1);
    expect(aborts[0]!.status).toBe(204);
    const stats = await s3.stats();
    expect(stats.CreateMultipartUpload).toBe(1);
    expect(stats.AbortMultipartUpload).toBe(1);
    expect(stats.CompleteMultipartUpload ?? 0).toBe(0);
    const open = await client().send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(open.Uploads ?? []).toEqual([]);

    // The live object is untouched; nothing was invalidated; the owed record waits for the next run.
    expect((await head(client(), bucket, 'video.bin')).ETag).toBe(before);
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation')).toHaveLength(0);
    expect(await owedKeys(bucket)).toHaveLength(1);
  });
});

describe('two runs at once on the same bucket', () => {
  it('two runs at once on the same bucket: the owed-invalidation record survives interleaving (no lost paths)', async () => {
    const { bucket, dist } = await fresh();
    const prefix = 'site/';
    const cfg = s3ClientConfig({ region: 'us-east-1', concurrency: 4, env: { AWS_ENDPOINT_URL_S3: s3.endpoint } });
    const store = createS3Store(
      bucket,
      { region: 'us-east-1', concurrency: 4, multipartThreshold: 16 * MiB, partSize: 8 * MiB, env: {} },
      new S3Client({ ...cfg, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
    );
    const dir = `${prefix}.s3cfd-abcdefghij0123456789abcd/`;
    const keyA = recordKey(dir, dist, '1001', '1');
    const keyB = recordKey(dir, dist, '1002', '1');
    const keyC = recordKey(dir, dist, '1000', '2');
    const listed = async () => (await store.list(prefix)).map((o) => o.key).filter((k) => k.startsWith(`${dir}owed/`));

    // C: an older failed run's record. A: a run in flight that has recorded what it owes.
    await writeOwed(store, keyC, dist, ['/c.html'], 'run 1000 attempt 2');
    await writeOwed(store, keyA, dist, ['/a.html'], 'run 1001 attempt 1');
    // B starts, lists and reads every owed record, records its own paths (its plan includes the owed ones).
    const seenByB = await readOwed(store, [dir], await listed());
    expect(seenByB.map((r) => r.key).sort()).toEqual([keyC, keyA].sort());
    await writeOwed(store, keyB, dist, ['/b.html', '/a.html', '/c.html'], 'run 1002 attempt 1');
    // A, meanwhile, rewrites its record: it owes more now (B never saw /a2.html).
    await writeOwed(store, keyA, dist, ['/a.html', '/a2.html'], 'run 1001 attempt 1');
    // B's CreateInvalidation succeeded: it clears its own record and the ones it consumed.
    await clearOwed(store, keyB, seenByB);

    const left = await listed();
    expect(left).toEqual([keyA]); // A's rewritten record survives; C (unchanged since B read it) and B are gone
    const next = await readOwed(store, [dir], left);
    expect(next).toHaveLength(1);
    expect(next[0]!.paths).toEqual(['/a.html', '/a2.html']);

    // And a record of another run that is unchanged since it was read is deleted, even if read long ago.
    await writeOwed(store, keyB, dist, ['/b2.html'], 'run 1002 attempt 1');
    const seen = await readOwed(store, [dir], await listed());
    await clearOwed(store, keyB, seen);
    expect(await listed()).toEqual([]);
  });
});

describe('credentials missing or expired', () => {
  it('credentials missing: one error naming aws-actions/configure-aws-credentials, no request leaves the machine', async () => {
    const { bucket, dist, site } = await fresh();
    writeTree(site, { 'index.html': 'v1' });
    const hosts: string[] = [];
    const record = (args: unknown[]) => {
      const a = args[0] as { hostname?: string; host?: string } | string | URL;
      hosts.push(typeof a === 'string' ? new URL(a).hostname : a instanceof URL ? a.hostname : String(a.hostname ?? a.host ?? ''));
    };
    const origHttp = http.request;
    const origHttps = https.request;
    const spyHttp = jest.spyOn(http, 'request').mockImplementation(((...args: unknown[]) => {
      record(args);
      return (origHttp as (...a: unknown[]) => http.ClientRequest)(...args);
    }) as typeof http.request);
    const spyHttps = jest.spyOn(https, 'request').mockImplementation(((...args: unknown[]) => {
      record(args);
      return (origHttps as (...a: unknown[]) => http.ClientRequest)(...args);
    }) as typeof https.request);
    let r;
    const started = Date.now();
    try {
      r = await runAction(
        { 'source-dir': site, bucket, 'distribution-id': dist },
        {
          ...direct(),
          AWS_ACCESS_KEY_ID: '',
          AWS_SECRET_ACCESS_KEY: '',
          AWS_SESSION_TOKEN: '',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
          AWS_CONFIG_FILE: '/nonexistent',
          AWS_WEB_IDENTITY_TOKEN_FILE: '',
          AWS_ROLE_ARN: '',
          AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '',
          AWS_CONTAINER_CREDENTIALS_FULL_URI: '',
        },
      );
    } finally {
      spyHttp.mockRestore();
      spyHttps.mockRestore();
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.failed).toBe(true);
    const errors = errorLines(r.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('aws-actions/configure-aws-credentials');
    expect(errors[0]).toMatch(/credentials are missing or expired/);
    // The SDK never got credentials, so nothing was sent anywhere (no S3, no CloudFront, no IMDS).
    expect((await s3.stats()).total ?? 0).toBe(0);
    expect(cf.calls).toHaveLength(0);
    expect(hosts.filter((h) => h.includes('169.254.169.254') || h.includes('fd00:ec2'))).toEqual([]);
    expect(hosts).toEqual([]);
  });

  it('credentials expired (S3 answers ExpiredToken): one error naming configure-aws-credentials, secrets never printed', async () => {
    const { bucket, dist, site } = await fresh();
    writeTree(site, { 'index.html': 'v1' });
    const secret = 'wJalrXUtnFEMIK7MDENGbPxRfiCYzzSECRETzz';
    const token = 'IQoJb3JpZ2luX2VjEXPIREDSESSIONTOKENzz';
    proxy.failWhen({ status: 400, code: 'ExpiredToken', message: 'The provided token has expired.' });
    const r = await runAction(
      { 'source-dir': site, bucket, 'distribution-id': dist, 'github-token': 'ghs_topsecretgithubtoken' },
      { ...viaProxy(), AWS_ACCESS_KEY_ID: 'ASIAEXPIRED', AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token },
    );
    expect(r.failed).toBe(true);
    const errors = errorLines(r.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('aws-actions/configure-aws-credentials');
    expect(errors[0]).toContain('ExpiredToken');
    expect(proxy.calls.length).toBeGreaterThan(0);
    expect(proxy.calls.every((c) => c.injected)).toBe(true);
    // Only the read that proves the distribution exists (before any write) reached CloudFront.
    expect(cf.calls.map((c) => c.operation)).toEqual(['GetDistributionConfig']);
    expect(r.log).toContain('::add-mask::ghs_topsecretgithubtoken');
    for (const s of [secret, token, 'ghs_topsecretgithubtoken']) {
      expect(visibleLog(r.log)).not.toContain(s);
      expect(r.summary).not.toContain(s);
      expect(JSON.stringify(r.report)).not.toContain(s);
    }
  });
});

describe('IAM least privilege', () => {
  // Operation -> the IAM action that authorises it (multipart parts are authorised by s3:PutObject).
  const IAM: Record<string, string> = {
    ListObjectsV2: 's3:ListBucket',
    HeadObject: 's3:GetObject',
    GetObject: 's3:GetObject',
    PutObject: 's3:PutObject',
    CreateMultipartUpload: 's3:PutObject',
    UploadPart: 's3:PutObject',
    CompleteMultipartUpload: 's3:PutObject',
    AbortMultipartUpload: 's3:AbortMultipartUpload',
    DeleteObject: 's3:DeleteObject',
    DeleteObjects: 's3:DeleteObject',
    // keep-deploys: the history copies (s3:GetObject on the source too, which the policy grants).
    CopyObject: 's3:PutObject',
    UploadPartCopy: 's3:PutObject',
    CreateInvalidation: 'cloudfront:CreateInvalidation',
    GetInvalidation: 'cloudfront:GetInvalidation',
    ListInvalidations: 'cloudfront:ListInvalidations',
    GetDistributionConfig: 'cloudfront:GetDistributionConfig',
  };
  const S3_ALLOWED = [
    'ListObjectsV2',
    'HeadObject',
    'GetObject',
    'PutObject',
    'DeleteObject',
    'DeleteObjects',
    'CreateMultipartUpload',
    'UploadPart',
    'CompleteMultipartUpload',
    'AbortMultipartUpload',
    'CopyObject',
    'UploadPartCopy',
  ];
  const CF_ALLOWED = ['CreateInvalidation', 'GetInvalidation', 'ListInvalidations', 'GetDistributionConfig'];
  const NOT_OPERATIONS = new Set(['total', 'GET', 'PUT', 'HEAD', 'POST', 'DELETE', 'errors']);
  const s3Ops = (stats: Record<string, number>) => Object.keys(stats).filter((k) => !NOT_OPERATIONS.has(k) && !k.startsWith('errors:'));

  /** The IAM actions of the README's policy JSON. */
  function readmePolicyActions(): Set<string> {
    const readme = fs.readFileSync(path.join(process.cwd(), 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Permissions'));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(json).toBeDefined();
    const policy = JSON.parse(json!) as { Statement: { Action: string | string[] }[] };
    return new Set(policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
  }

  it('IAM least privilege: a full upload + multipart + delete + invalidate + wait deploy calls only the README policy actions', async () => {
    const { bucket, dist, site } = await fresh();
    writeTree(site, { 'index.html': 'v1', 'a.css': 'a1', 'old.html': 'old' });
    fs.writeFileSync(path.join(site, 'big.bin'), bytes(6 * MiB, 3));
    const base = { 'source-dir': site, bucket, 'distribution-id': dist, 'delete-removed': 'true', wait: 'true' };
    const sizes = { multipartThreshold: 5 * MiB, partSize: 5 * MiB };
    const ops = new Set<string>();
    const collect = async () => {
      for (const o of s3Ops(await s3.stats())) ops.add(o);
      for (const c of cf.calls) ops.add(c.operation);
      await s3.resetStats();
      cf.reset();
    };

    expect((await runAction(base, direct(), sizes)).failed).toBe(false);
    await collect();
    // Second deploy: modified, added, removed, multipart re-upload, invalidation, wait for it.
    writeTree(site, { 'a.css': 'a2', 'new.html': 'n', 'old.html': null });
    fs.writeFileSync(path.join(site, 'big.bin'), bytes(6 * MiB, 4));
    const r = await runAction(base, direct(), sizes);
    expect(r.failed).toBe(false);
    expect(r.outputs['invalidation-status']).toBe('Completed');
    await collect();
    // Third: nothing changed, the same-size multipart object is compared by its stored hash.
    await client().send(new PutObjectCommand({ Bucket: bucket, Key: 'x.txt', Body: 'x' })); // not ours: deleted
    expect((await runAction(base, direct(), sizes)).failed).toBe(false);
    await collect();

    // The deploy really exercised every mode.
    for (const op of [
      'ListObjectsV2',
      'PutObject',
      'CreateMultipartUpload',
      'UploadPart',
      'CompleteMultipartUpload',
      'DeleteObjects',
      'CreateInvalidation',
      'GetInvalidation',
    ]) {
      expect(ops).toContain(op);
    }
    const s3Used = [...ops].filter((o) => !CF_ALLOWED.includes(o));
    const cfUsed = [...ops].filter((o) => CF_ALLOWED.includes(o));
    expect(s3Used.filter((o) => !S3_ALLOWED.includes(o))).toEqual([]);
    expect(cfUsed.filter((o) => !CF_ALLOWED.includes(o))).toEqual([]);
    // Every operation is authorised by the README's least-privilege policy.
    const granted = readmePolicyActions();
    expect([...ops].map((o) => IAM[o] ?? `unknown:${o}`).filter((a) => !granted.has(a))).toEqual([]);
  });

  it('IAM least privilege: upload-only mode (no distribution, no delete-removed) needs only s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject (the deploy lock)', async () => {
    const { bucket, site } = await fresh();
    writeTree(site, { 'index.html': 'v1', 'a.css': 'a1' });
    expect((await runAction({ 'source-dir': site, bucket }, direct())).failed).toBe(false);
    writeTree(site, { 'a.css': 'a2', 'index.html': null });
    expect((await runAction({ 'source-dir': site, bucket }, direct())).failed).toBe(false);
    const used = new Set(s3Ops(await s3.stats()).map((o) => IAM[o] ?? `unknown:${o}`));
    expect([...used].filter((a) => !['s3:ListBucket', 's3:GetObject', 's3:PutObject', 's3:DeleteObject'].includes(a))).toEqual([]);
    // DeleteObject only ever on the action's own lock, never on a site object (no delete-removed).
    const keys = await listKeys(client(), bucket);
    expect(keys).toContain('index.html');
    expect(keys.filter((k) => k.endsWith('lock.json'))).toEqual([]);
    expect(cf.calls).toHaveLength(0);
  });

  it('IAM least privilege: the README policy grants s3:AbortMultipartUpload, which the abort after a failed multipart upload needs', () => {
    expect(readmePolicyActions().has('s3:AbortMultipartUpload')).toBe(true);
  });
});

describe('bad inputs', () => {
  it.each([
    ['distribution-id', 'e2-not-an-id'],
    ['bucket', 's3://x'],
    ['concurrency', 'abc'],
    ['invalidate', 'sometimes'],
    ['path-map', 'a -> b'],
  ])("bad inputs: %s = '%s' fails with one ::error::Input line, exit 1, no AWS call", async (name, value) => {
    const bad = { [name]: value };
    const { bucket, dist, site } = await fresh();
    writeTree(site, { 'index.html': 'v1' });
    await s3.resetStats();
    const r = await runAction({ 'source-dir': site, bucket, 'distribution-id': dist, ...bad }, viaProxy());
    expect(r.failed).toBe(true);
    const errors = errorLines(r.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.startsWith(`::error::Input '${name}'`)).toBe(true);
    expect((await s3.stats()).total ?? 0).toBe(0);
    expect(proxy.calls).toHaveLength(0);
    expect(cf.calls).toHaveLength(0);
  });
});
