// Safe ordering: assets first, entry documents (HTML + entry-documents globs) last; force-upload.
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { Upload } from '@aws-sdk/lib-storage';
import { createS3Store } from '../src/io/s3/store.js';
import type { Deps } from '../src/main.js';
import { runAction, s3Client, tmpDir, writeTree } from './support/harness.js';
import { MUTABLE } from '../src/plan/headers.js';

let s3: S3StandIn;
beforeAll(async () => {
  s3 = await startS3({ buckets: ['order-bucket', 'force-bucket', 'foreign-bucket'] });
}, 60_000);
afterAll(async () => s3?.stop());

/** The real S3 store, recording the order in which uploads finish. */
function recordingStore(order: string[]): Deps['store'] {
  return (c, sizes) => {
    const real = createS3Store(c.bucket, {
      region: 'us-east-1',
      concurrency: c.concurrency,
      ...sizes,
      env: { AWS_ENDPOINT_URL_S3: s3.endpoint },
    });
    return {
      ...real,
      async upload(key, abs, size, md5, headers) {
        const etag = await real.upload(key, abs, size, md5, headers);
        order.push(key);
        return etag;
      },
    };
  };
}

it('uploads every asset before any entry document, with entry-documents globs joining the HTML', async () => {
  const site = tmpDir('order');
  const files: Record<string, string> = { 'sw.js': 'sw', 'index.html': 'i', 'docs/index.html': 'd', 'search.json': 's' };
  for (let i = 0; i < 40; i++) files[`assets/a${i}.css`] = `css ${i}`;
  writeTree(site, files);
  const order: string[] = [];
  const r = await runAction(
    { 'source-dir': site, bucket: 'order-bucket', 'entry-documents': 'sw.js\nsearch.json', concurrency: '8' },
    { AWS_ENDPOINT_URL_S3: s3.endpoint },
    { store: recordingStore(order) },
  );
  expect(r.failed).toBe(false);
  expect(order).toHaveLength(44);
  const entries = new Set(['sw.js', 'index.html', 'docs/index.html', 'search.json']);
  const firstEntry = order.findIndex((k) => entries.has(k));
  expect(firstEntry).toBe(40);
  expect(new Set(order.slice(40))).toEqual(entries);
});

it('force-upload re-uploads unchanged files (reason forced)', async () => {
  const site = tmpDir('force');
  writeTree(site, { 'a.html': 'a', 'b.css': 'b' });
  const env = { AWS_ENDPOINT_URL_S3: s3.endpoint };
  expect((await runAction({ 'source-dir': site, bucket: 'force-bucket' }, env)).failed).toBe(false);
  await s3.resetStats();
  const r = await runAction({ 'source-dir': site, bucket: 'force-bucket', 'force-upload': 'true' }, env);
  expect(r.failed).toBe(false);
  expect(r.outputs['uploaded']).toBe('2');
  expect(r.report.files.filter((f) => f.action === 'upload').map((f) => f.reason)).toEqual(['forced', 'forced']);
  expect((await s3.stats()).PutObject).toBe(5); // 2 files + the ledger + the bootstrap and the deploy lock
});

it('a multipart object written by another tool (no metadata, no record) compares by its multipart ETag', async () => {
  const MiB = 1024 * 1024;
  const site = tmpDir('foreign');
  const body = Buffer.alloc(12 * MiB, 7);
  writeTree(site, { 'big.bin': body.toString('latin1'), 'a.html': 'a' });
  // Another tool uploads the same bytes in 5 MiB parts, with no metadata (and the headers the action would set,
  // so only the content comparison is at stake here: headers another tool got wrong are fixed, tested elsewhere).
  await new Upload({
    client: s3Client(s3.endpoint),
    params: { Bucket: 'foreign-bucket', Key: 'big.bin', Body: body, ContentType: 'application/octet-stream', CacheControl: MUTABLE },
    partSize: 5 * MiB,
  }).done();
  await s3.resetStats();
  const r = await runAction(
    { 'source-dir': site, bucket: 'foreign-bucket' },
    { AWS_ENDPOINT_URL_S3: s3.endpoint },
    { multipartThreshold: 5 * MiB, partSize: 5 * MiB },
  );
  expect(r.failed).toBe(false);
  expect(r.report.files.find((f) => f.path === 'big.bin')).toMatchObject({ action: 'unchanged', reason: 'multipart-etag-match' });
  const stats = await s3.stats();
  expect(stats.HeadObject).toBe(1); // metadata first; only then the local multipart hash
  expect(stats.UploadPart ?? 0).toBe(0);
});
