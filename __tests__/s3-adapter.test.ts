// The S3 adapter against the local S3 server (fauxqs) through the fault proxy: every header sent, gzip uploads
// (single PUT and multipart), object settings, head(), conditional writes (enforced by the proxy), and never an ACL.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startFaultProxy, type FaultProxy, type ProxyCall } from '../testing/s3-fault-proxy.mjs';
import { isPreconditionFailed, MD5_META, type S3Options } from '../src/io/s3/store.js';
import { gzipDeterministic } from '../src/plan/gzip.js';
import { jsonBody } from '../src/model/json-slices.js';
import type { UploadHeaders } from '../src/model/ports.js';
import { tmpDir } from './support/harness.js';
import { testS3Client, testS3Store } from './support/s3-client.js';

const BUCKET = 'adapter-bucket';
const MiB = 1024 * 1024;
let s3: S3StandIn;
let proxy: FaultProxy;

beforeAll(async () => {
  s3 = await startS3({ buckets: [BUCKET] });
  proxy = await startFaultProxy(s3.endpoint, { enforceConditionalWrites: true });
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await s3?.stop();
});
beforeEach(() => proxy.clear());

const client = (): S3Client => testS3Client(proxy.endpoint);
const store = (extra: Partial<S3Options> = {}) => testS3Store(BUCKET, client(), extra);

const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');

function file(name: string, content: Buffer | string): { abs: string; buf: Buffer } {
  const dir = tmpDir('s3-adapter');
  const abs = path.join(dir, name);
  const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
  fs.writeFileSync(abs, buf);
  return { abs, buf };
}

async function bytesOf(key: string): Promise<Buffer> {
  const res = await client().send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await res.Body!.transformToByteArray());
}

/** Text of a large, compressible but not trivially so, document. */
function bigText(bytes: number): string {
  const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
  let out = '';
  let x = 12345;
  while (out.length < bytes) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += `${words[x % 8]}${x % 997} `;
  }
  return out.slice(0, bytes);
}

const ACL_HEADER = /^x-amz-(acl|grant-)/i;
function aclHeaders(calls: readonly ProxyCall[]): string[] {
  return calls.flatMap((c) =>
    Object.keys(c.headers)
      .filter((h) => ACL_HEADER.test(h))
      .map((h) => `${c.method} ${c.url}: ${h}`),
  );
}

const FULL: UploadHeaders = {
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'public, max-age=60',
  contentEncoding: 'identity',
  contentLanguage: 'de-CH',
  contentDisposition: 'inline; filename="page.html"',
  websiteRedirectLocation: '/elsewhere.html',
  metadata: { team: 'web', [MD5_META]: 'f'.repeat(32) },
};

describe('upload', () => {
  it('sends every header; user metadata merged with the content MD5, which wins; head() reads them back', async () => {
    const { abs, buf } = file('page.html', '<p>hello</p>');
    const etag = await store().upload('h/page.html', abs, buf.length, md5(buf), FULL);
    expect(etag).toBe(md5(buf));

    const put = proxy.calls.find((c) => c.method === 'PUT')!;
    expect(put.headers['content-type']).toBe(FULL.contentType);
    expect(put.headers['cache-control']).toBe(FULL.cacheControl);
    expect(put.headers['content-encoding']).toBe('identity');
    expect(put.headers['content-language']).toBe('de-CH');
    expect(put.headers['content-disposition']).toBe('inline; filename="page.html"');
    expect(put.headers['x-amz-website-redirect-location']).toBe('/elsewhere.html');
    expect(put.headers['x-amz-meta-team']).toBe('web');
    expect(put.headers[`x-amz-meta-${MD5_META}`]).toBe(md5(buf));

    const head = await store().head('h/page.html');
    expect(head).not.toBeNull();
    expect(head!.md5).toBe(md5(buf));
    // fauxqs does not store WebsiteRedirectLocation (see ENVIRONMENT.md): checked on the request above.
    expect(head!.headers).toEqual({
      contentType: FULL.contentType,
      cacheControl: FULL.cacheControl,
      contentEncoding: 'identity',
      contentLanguage: 'de-CH',
      contentDisposition: 'inline; filename="page.html"',
      metadata: { team: 'web' },
    });
    expect(await store().storedMd5('h/page.html')).toBe(md5(buf));
  });

  it('head() is null and storedMd5() undefined for a missing key; md5 absent for an object without it', async () => {
    expect(await store().head('h/missing.html')).toBeNull();
    expect(await store().storedMd5('h/missing.html')).toBeUndefined();
    await store().putText('h/foreign.json', '{}');
    const head = await store().head('h/foreign.json');
    expect(head).toEqual({ headers: { contentType: 'application/json', cacheControl: 'no-store', metadata: {} } });
    expect(await store().storedMd5('h/foreign.json')).toBeUndefined();
  });

  it('gzip, single PUT: the stored bytes are gzipDeterministic(file), with the compressed MD5 as ETag and s3cfd-md5', async () => {
    const { abs, buf } = file('app.js', bigText(200_000));
    const gz = gzipDeterministic(buf);
    expect(gz.length).toBeLessThan(buf.length);
    const etag = await store().upload('g/app.js', abs, gz.length, md5(gz), { ...FULL, contentEncoding: 'gzip' }, { gzip: true });
    expect(etag).toBe(md5(gz));
    const stored = await bytesOf('g/app.js');
    expect(stored.equals(gz)).toBe(true);
    expect(gunzipSync(stored).equals(buf)).toBe(true);
    const put = proxy.calls.find((c) => c.method === 'PUT')!;
    expect(put.headers['content-encoding']).toBe('gzip');
    expect(put.headers['content-length']).toBe(String(gz.length));
    expect((await store().head('g/app.js'))!.md5).toBe(md5(gz));
  });

  it('gzip, multipart: parts cut from the compressed bytes; the object is the gzip, ETag in md5-of-md5s-N form', async () => {
    // Random base64 text compresses to ~75%: 8 MiB of it gives a gzip of ~6 MiB, above the 5 MiB threshold.
    const { abs, buf } = file('big.json', randomBytes(6 * MiB).toString('base64'));
    const gz = gzipDeterministic(buf);
    expect(gz.length).toBeGreaterThan(5 * MiB);
    const st = store({ multipartThreshold: 5 * MiB, partSize: 5 * MiB });
    const etag = await st.upload('g/big.json', abs, gz.length, md5(gz), { ...FULL, contentEncoding: 'gzip' }, { gzip: true });
    expect(etag).toMatch(/^[0-9a-f]{32}-2$/);
    const stored = await bytesOf('g/big.json');
    expect(stored.equals(gz)).toBe(true);
    expect(gunzipSync(stored).equals(buf)).toBe(true);
    const head = await store().head('g/big.json');
    expect(head!.md5).toBe(md5(gz));
    expect(head!.headers.contentEncoding).toBe('gzip');
    expect(proxy.calls.some((c) => c.method === 'POST' && c.url.includes('uploads'))).toBe(true);
  });

  it('gzip: a size/MD5 that is not the compressed bytes is refused before anything is sent', async () => {
    const { abs, buf } = file('x.css', 'body { color: red }');
    await expect(store().upload('g/x.css', abs, buf.length, md5(buf), FULL, { gzip: true })).rejects.toThrow(/gzipped content is/);
    expect(proxy.calls).toHaveLength(0);
  });

  it('object settings go on PutObject and CreateMultipartUpload, not on UploadPart', async () => {
    const st = store({ storageClass: 'STANDARD_IA', sse: 'aws:kms', sseKmsKeyId: 'alias/site' });
    const small = file('s.txt', 'small');
    await st.upload('o/s.txt', small.abs, small.buf.length, md5(small.buf), FULL);
    const big = file('b.bin', Buffer.alloc(9 * MiB, 7));
    await st.upload('o/b.bin', big.abs, big.buf.length, md5(big.buf), FULL);

    const settings = (c: ProxyCall) => [
      c.headers['x-amz-storage-class'],
      c.headers['x-amz-server-side-encryption'],
      c.headers['x-amz-server-side-encryption-aws-kms-key-id'],
    ];
    const put = proxy.calls.find((c) => c.method === 'PUT' && c.url.includes('s.txt'))!;
    const create = proxy.calls.find((c) => c.method === 'POST' && c.url.includes('uploads'))!;
    const parts = proxy.calls.filter((c) => c.method === 'PUT' && c.url.includes('partNumber'));
    expect(settings(put)).toEqual(['STANDARD_IA', 'aws:kms', 'alias/site']);
    expect(settings(create)).toEqual(['STANDARD_IA', 'aws:kms', 'alias/site']);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const p of parts) expect(settings(p)).toEqual([undefined, undefined, undefined]);
    // AES256 alone: no key id header.
    await store({ sse: 'AES256' }).upload('o/s2.txt', small.abs, small.buf.length, md5(small.buf), FULL);
    const put2 = proxy.calls.find((c) => c.method === 'PUT' && c.url.includes('s2.txt'))!;
    expect(settings(put2)).toEqual([undefined, 'AES256', undefined]);
  });

  it('never sends an ACL or grant header: single PUT, streamed PUT, multipart (every call), gzip, records', async () => {
    const st = store({ storageClass: 'STANDARD', sse: 'AES256' });
    const a = file('a.html', 'a');
    await st.upload('acl/a.html', a.abs, 1, md5(a.buf), FULL);
    const mid = file('mid.bin', Buffer.alloc(2 * MiB, 1)); // above SMALL_FILE: streamed
    await st.upload('acl/mid.bin', mid.abs, mid.buf.length, md5(mid.buf), FULL);
    const big = file('big.bin', Buffer.alloc(11 * MiB, 2));
    await st.upload('acl/big.bin', big.abs, big.buf.length, md5(big.buf), FULL);
    const t = file('t.css', bigText(5000));
    const gz = gzipDeterministic(t.buf);
    await st.upload('acl/t.css', t.abs, gz.length, md5(gz), FULL, { gzip: true });
    await st.putText('acl/state.json', '{}');
    await st.putText('acl/lock.json', '{}', { ifNoneMatch: '*' });

    const methods = new Set(proxy.calls.map((c) => `${c.method}${c.url.includes('partNumber') ? ' part' : ''}`));
    expect(methods).toEqual(new Set(['PUT', 'POST', 'PUT part']));
    expect(proxy.calls.filter((c) => c.method === 'POST')).toHaveLength(2); // create + complete
    expect(aclHeaders(proxy.calls)).toEqual([]);
  });
});

describe('own records', () => {
  it('putText returns the new ETag; If-None-Match: * creates once, then PreconditionFailed', async () => {
    const st = store();
    const etag = await st.putText('r/lock.json', '{"a":1}', { ifNoneMatch: '*' });
    expect(etag).toBe(md5('{"a":1}'));
    const err = await st.putText('r/lock.json', '{"a":2}', { ifNoneMatch: '*' }).catch((e: unknown) => e);
    expect(isPreconditionFailed(err)).toBe(true);
    expect((err as Error).name).toBe('PreconditionFailed');
    expect((await st.getText('r/lock.json'))!.body).toBe('{"a":1}');
    expect(proxy.preconditionFailures).toBe(1);
    expect(proxy.calls.filter((c) => c.method === 'PUT').map((c) => c.headers['if-none-match'])).toEqual(['*', '*']);
  });

  it('If-Match: replaces only the version with that ETag; a stale or missing one is PreconditionFailed', async () => {
    const st = store();
    const first = await st.putText('r/rec.json', 'v1');
    const second = await st.putText('r/rec.json', 'v2', { ifMatch: first });
    expect(second).toBe(md5('v2'));
    expect(proxy.calls.at(-1)!.headers['if-match']).toBe(`"${first}"`);
    await expect(st.putText('r/rec.json', 'v3', { ifMatch: first })).rejects.toMatchObject({ name: 'PreconditionFailed' });
    await expect(st.putText('r/none.json', 'v1', { ifMatch: first })).rejects.toMatchObject({ name: 'PreconditionFailed' });
    expect((await st.getText('r/rec.json'))!.body).toBe('v2');
    expect(await st.etagOf('r/none.json')).toBeNull();
    expect(proxy.preconditionFailures).toBe(2);
    // A quoted ETag (as HeadObject gives it) works the same.
    expect(await st.putText('r/rec.json', 'v4', { ifMatch: `"${second}"` })).toBe(md5('v4'));
  });

  it('a streamed record (the ledger of a large site): the exact bytes, under its condition, sent afresh after a 503', async () => {
    const st = store({ retryBaseDelayMs: 1 });
    const ledger = {
      version: 3,
      objects: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`d/f${i}.js`, ['', md5(`${i}`), 'h']])),
    };
    const text = JSON.stringify(ledger);
    const first = await st.putText('r/big.json', 'v1');
    proxy.failWhen({ method: 'PUT', keyIncludes: 'r/big.json', times: 1 });
    const etag = await st.putText('r/big.json', jsonBody(ledger), { ifMatch: first });
    expect(etag).toBe(md5(text));
    expect((await st.getText('r/big.json'))!.body).toBe(text);
    const puts = proxy.calls.filter((c) => c.method === 'PUT' && c.url.includes('r/big.json'));
    expect(puts.map((c) => [c.status, c.headers['if-match'], c.headers['content-length']])).toEqual([
      [200, undefined, '2'],
      [503, `"${first}"`, `${Buffer.byteLength(text)}`],
      [200, `"${first}"`, `${Buffer.byteLength(text)}`],
    ]);
    // Over a version it did not read: refused, nothing written.
    await expect(st.putText('r/big.json', jsonBody({ other: 1 }), { ifMatch: first })).rejects.toMatchObject({
      name: 'PreconditionFailed',
    });
    expect((await st.getText('r/big.json'))!.body).toBe(text);
  });

  it('isPreconditionFailed is false for other errors', () => {
    expect(isPreconditionFailed(new Error('x'))).toBe(false);
    expect(isPreconditionFailed({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } })).toBe(false);
    expect(isPreconditionFailed(undefined)).toBe(false);
    expect(isPreconditionFailed({ name: 'ConditionalRequestConflict', $metadata: { httpStatusCode: 409 } })).toBe(true);
  });

  it('twenty concurrent If-None-Match creates of one key: exactly one wins (the proxy serializes them)', async () => {
    const st = store();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => st.putText('r/race.json', `{"n":${i}}`, { ifNoneMatch: '*' })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(isPreconditionFailed(r.reason)).toBe(true);
    expect(proxy.preconditionFailures).toBe(19);
    const winner = (won[0] as PromiseFulfilledResult<string>).value;
    expect((await st.getText('r/race.json'))!.etag).toBe(winner);
  });

  it('list(prefix) lists records outside the site prefix', async () => {
    const st = store();
    await st.putText('.s3cfd/locks/site.json', '{}');
    await st.putText('.s3cfd/state.json', '{}');
    expect((await st.list('.s3cfd/')).map((o) => o.key).sort()).toEqual(['.s3cfd/locks/site.json', '.s3cfd/state.json']);
  });

  it('without enforcement the server ignores conditions (which is what the lock detects)', async () => {
    proxy.enforceConditionalWrites(false);
    try {
      const st = store();
      await st.putText('r/ignored.json', 'v1', { ifNoneMatch: '*' });
      expect(await st.putText('r/ignored.json', 'v2', { ifNoneMatch: '*' })).toBe(md5('v2'));
      expect(proxy.preconditionFailures).toBe(0);
    } finally {
      proxy.enforceConditionalWrites(true);
    }
  });
});
