// The whole action against a second S3 server, s3rver 3.7.1 (file-backed, its own XML and key handling), with
// every request's SigV4 signature checked in front of it by an implementation independent of the SDK's signer
// (aws4; s3rver itself checks only the access key id: see testing/s3rver-child.mjs). This is what proves that the
// lean PutObject path (src/io/s3/put.ts) and the SDK requests (listing, HEAD, multipart, DeleteObjects, the
// records) are signed right, for keys with a space, '+', '~' and non-ASCII characters.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startS3rver, type S3rverRequest, type S3rverStandIn } from '../testing/s3rver-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { MULTIPART_THRESHOLD } from '../src/main.js';
import { runAction, tmpDir, writeTree } from './support/harness.js';
import { testS3Store } from './support/s3-client.js';

const BUCKET = 'signed-site';
const PROBES = 'signature-probes';
const DIST = 'ES3RVERDIST1';
const MiB = 1024 * 1024;

let s3: S3rverStandIn;
let cf: CloudFrontStandIn;

beforeAll(async () => {
  [s3, cf] = await Promise.all([startS3rver({ buckets: [BUCKET, PROBES] }), startCloudFront({ completeAfterPolls: 1 })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([s3?.stop(), cf?.stop()]);
});

/** The secret the server takes now (a test rotates it). */
let liveSecret = 'S3RVER';
const client = (secretAccessKey = liveSecret) =>
  new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

async function listAll(): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const res = await client().send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: token }));
    for (const o of res.Contents ?? []) keys.push(o.Key!);
    token = res.IsTruncated ? res.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
}

async function body(key: string): Promise<Buffer> {
  const res = await client().send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await res.Body!.transformToByteArray());
}

const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');
const own = (k: string) => /^\.s3cfd-[0-9a-z]{20,}\//.test(k);
const errorLines = (log: string) => log.split('\n').filter((l) => l.startsWith('::error'));

/** Every request the run made was signed, and every signature checked out (no 403 of any kind). */
function expectAllSignedRight(requests: S3rverRequest[]) {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((r) => !r.signed || r.accessKeyId !== 'S3RVER')).toEqual([]);
  expect(requests.filter((r) => r.status === 403)).toEqual([]);
}

const site = tmpDir('s3rver-site');
const env = () => ({
  AWS_ENDPOINT_URL_S3: s3.endpoint,
  AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
});
const inputs = (extra: Record<string, string> = {}) => ({
  'source-dir': site,
  bucket: BUCKET,
  'distribution-id': DIST,
  'delete-removed': 'true',
  ...extra,
});

// Keys whose canonical (SigV4) form differs from the raw one: a space, '+', '~' (unreserved: never encoded),
// non-ASCII (UTF-8 percent-encoded), and characters encodeURIComponent leaves but SigV4 encodes.
const v1: Record<string, string> = {
  'index.html': '<h1>home v1</h1>',
  'about us/index.html': 'about v1',
  'c++/a+b.js': 'plus v1',
  'runtime~main.3f2a1b9c.js': 'tilde v1',
  'café/naïve résumé.html': 'accents v1',
  '日本語/ページ.html': 'cjk v1',
  "it's (1)!*.txt": 'rfc3986 v1',
};

describe('the signature check in front of s3rver', () => {
  /** A PutObject whose request is changed by `tamper` after the SDK signed it. */
  async function putAltered(key: string, tamper: (req: { path: string; headers: Record<string, string> }) => void) {
    const c = client();
    c.middlewareStack.add(
      (next) => async (args) => {
        tamper((args as unknown as { request: { path: string; headers: Record<string, string> } }).request);
        return next(args);
      },
      { step: 'deserialize', name: 'tamperAfterSigning' },
    );
    return c.send(new PutObjectCommand({ Bucket: PROBES, Key: key, Body: 'x', ContentType: 'text/plain' })).then(
      () => 'ok',
      (err: Error) => err.name,
    );
  }

  it('takes a request as signed, refuses one whose path or a signed header changed after signing', async () => {
    expect(await putAltered('probe/a b.txt', () => {})).toBe('ok');
    expect(await putAltered('probe/a b.txt', (r) => (r.path = r.path.replace('a%20b', 'a%20c')))).toBe('SignatureDoesNotMatch');
    expect(await putAltered('probe/c.txt', (r) => (r.headers['content-type'] = 'text/html'))).toBe('SignatureDoesNotMatch');
    expect(await putAltered('probe/d.txt', (r) => (r.headers['x-amz-date'] = r.headers['x-amz-date']!.replace(/.$/, '9')))).toBe(
      'SignatureDoesNotMatch',
    );
    const denied = await client('S3RVER-wrong')
      .send(new HeadObjectCommand({ Bucket: PROBES, Key: 'probe/a b.txt' }))
      .catch((e: { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode);
    expect(denied).toBe(403);
  });
});

describe('listing on s3rver (its own Delimiter and StartAfter handling)', () => {
  it('a listing split by folders from where a page ended returns every key once, in byte order', async () => {
    const keys = [
      ...Array.from({ length: 120 }, (_, i) => `tiles/z3/${i % 6}/${Math.floor(i / 6)}.png`),
      ...Array.from({ length: 30 }, (_, i) => `tiles/big/k${i}.html`),
      'tiles/z3/readme.txt',
      'tiles/z3~.json',
      'tiles/a.html',
      'tiles/ü/页.html',
    ];
    const c = client();
    for (const Key of keys) await c.send(new PutObjectCommand({ Bucket: PROBES, Key, Body: Key }));
    const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    const before = (await s3.requests()).length;
    const listed = (await testS3Store(PROBES, c, { listPageSize: 10 }).list('tiles/')).map((o) => o.key);
    expect(listed).toEqual([...keys].sort(byteOrder));
    const made = (await s3.requests()).slice(before).map((r) => ({ ...r, url: decodeURIComponent(r.url) }));
    expect(made.filter((r) => r.status !== 200)).toEqual([]);
    // It did split: z3/ was named from where a page ended, and its folders were listed on their own.
    expect(made.some((r) => r.url.includes('delimiter=/') && /prefix=tiles\/z3\/(&|$)/.test(r.url))).toBe(true);
    expect(made.some((r) => !r.url.includes('delimiter') && /prefix=tiles\/z3\/4\/(&|$)/.test(r.url))).toBe(true);
  });
});

describe('deploys to s3rver, every request signed right', () => {
  it('first deploy: every file, byte for byte, under its own key', async () => {
    writeTree(site, v1);
    await s3.resetRequests();
    const r = await runAction(inputs(), env());
    expect(errorLines(r.log)).toEqual([]);
    expect(r.failed).toBe(false);
    expect(r.outputs.uploaded).toBe(String(Object.keys(v1).length));
    const requests = await s3.requests();
    expectAllSignedRight(requests);
    // The site's files went up on the lean PutObject path (src/io/s3/put.ts: no `x-id` query), the records on the SDK.
    const sitePuts = requests.filter((q) => q.method === 'PUT' && !q.url.includes('.s3cfd-'));
    expect(sitePuts).toHaveLength(Object.keys(v1).length);
    expect(sitePuts.filter((q) => q.url.includes('x-id='))).toEqual([]);
    const keys = await listAll();
    expect(keys.filter((k) => !own(k))).toEqual(Object.keys(v1).sort());
    expect(keys.filter(own)).toHaveLength(1); // the ledger
    for (const [key, content] of Object.entries(v1)) {
      // The stored bytes are the file's, not an aws-chunked frame around them.
      expect((await body(key)).toString('utf8')).toBe(content);
      const h = await client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(h.Metadata?.['s3cfd-md5']).toBe(md5(content));
      expect(h.ContentType).toMatch(/^(text|application)\//);
    }
  });

  it('redeploy: changed, new and removed files; one invalidation for what went stale', async () => {
    writeTree(site, {
      'index.html': '<h1>home v2</h1>',
      'c++/a+b.js': 'plus v2',
      'new ~file+1.html': 'new',
      'café/naïve résumé.html': null,
      "it's (1)!*.txt": null,
    });
    cf.reset();
    await s3.resetRequests();
    const r = await runAction(inputs(), env());
    expect(errorLines(r.log)).toEqual([]);
    expect(r.failed).toBe(false);
    expect(r.outputs).toMatchObject({ uploaded: '3', deleted: '2', unchanged: '3' });
    const requests = await s3.requests();
    expectAllSignedRight(requests);
    // Only the three files went up (plus the action's own records).
    const sitePuts = requests.filter((q) => q.method === 'PUT' && !q.url.includes('.s3cfd-'));
    expect(sitePuts).toHaveLength(3);
    const keys = (await listAll()).filter((k) => !own(k));
    expect(keys).toEqual([
      'about us/index.html',
      'c++/a+b.js',
      'index.html',
      'new ~file+1.html',
      'runtime~main.3f2a1b9c.js',
      '日本語/ページ.html',
    ]);
    expect((await body('index.html')).toString()).toBe('<h1>home v2</h1>');
    expect((await body('c++/a+b.js')).toString()).toBe('plus v2');
    expect((await body('new ~file+1.html')).toString()).toBe('new');
    const invs = cf.invalidations(DIST);
    expect(invs).toHaveLength(1);
    expect(r.outputs['invalidation-id']).toBe(invs[0]!.id);
    // Changed and removed pages, URL-encoded as CloudFront wants them, are covered; unchanged ones are not.
    const covered = (url: string) => invs[0]!.paths.some((p) => (p.endsWith('*') ? url.startsWith(p.slice(0, -1)) : url === p));
    for (const url of ['/', '/index.html', '/c++/a+b.js', '/caf%C3%A9/na%C3%AFve%20r%C3%A9sum%C3%A9.html'])
      expect([url, covered(url)]).toEqual([url, true]);
    for (const url of ['/about%20us/', '/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E3%83%9A%E3%83%BC%E3%82%B8.html'])
      expect([url, covered(url)]).toEqual([url, false]);
  });

  it(`a file over MULTIPART_THRESHOLD (${MULTIPART_THRESHOLD / MiB} MiB) goes up in signed parts, whole`, async () => {
    const big = Buffer.alloc(MULTIPART_THRESHOLD + 3 * MiB + 17);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32LE((i * 2654435761) >>> 0, i);
    fs.mkdirSync(path.join(site, 'media'), { recursive: true });
    fs.writeFileSync(path.join(site, 'media', 'vidéo big+1.bin'), big);
    await s3.resetRequests();
    const r = await runAction(inputs(), env());
    expect(errorLines(r.log)).toEqual([]);
    expect(r.failed).toBe(false);
    expect(r.outputs.uploaded).toBe('1');
    const requests = await s3.requests();
    expectAllSignedRight(requests);
    const mine = requests.filter((q) => q.url.startsWith(`/${BUCKET}/media/`));
    expect(mine.filter((q) => q.method === 'POST' && /[?&]uploads\b/.test(q.url))).toHaveLength(1);
    expect(mine.filter((q) => q.method === 'PUT' && /[?&]partNumber=/.test(q.url)).length).toBeGreaterThanOrEqual(2);
    expect(mine.filter((q) => q.method === 'POST' && /[?&]uploadId=/.test(q.url))).toHaveLength(1);
    expect(md5(await body('media/vidéo big+1.bin'))).toBe(md5(big));

    // s3rver's multipart ETag has no "-N": the action compares its own stored MD5, so an unchanged big file
    // is not uploaded again.
    await s3.resetRequests();
    const again = await runAction(inputs(), env());
    expect(again.failed).toBe(false);
    expect(again.outputs.uploaded).toBe('0');
    expect((await s3.requests()).filter((q) => q.method === 'PUT' && q.url.includes('/media/'))).toEqual([]);
  }, 120_000);

  it('a wrong secret key: one error line naming the credentials, nothing written, nothing claimed', async () => {
    writeTree(site, { 'index.html': '<h1>home v3</h1>' });
    const before = await listAll();
    const records = Object.fromEntries(await Promise.all(before.filter(own).map(async (k) => [k, md5(await body(k))] as const)));
    cf.reset();
    await s3.resetRequests();
    const r = await runAction(inputs(), { ...env(), AWS_SECRET_ACCESS_KEY: 'not-the-secret' });
    expect(r.failed).toBe(true);
    const errors = errorLines(r.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/AWS refused the credentials \(SignatureDoesNotMatch\)/);
    expect(errors[0]).toContain('AWS_SECRET_ACCESS_KEY');
    expect(errors[0]).toContain('S3RVER'); // the access key id whose secret did not match
    const requests = await s3.requests();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((q) => q.status === 403)).toBe(true);
    // The first request (the listing) was refused: no plan, so no report and no outputs claim anything; nothing
    // was sent to CloudFront; the bucket and its records are as they were.
    expect(r.outputs).toEqual({});
    expect(r.report.files).toEqual([]);
    // Only the read that proves the distribution exists reached CloudFront.
    expect(cf.calls.map((c) => c.operation)).toEqual(['GetDistributionConfig']);
    expect(await listAll()).toEqual(before);
    for (const [k, sum] of Object.entries(records)) expect(md5(await body(k))).toBe(sum);
    expect((await body('index.html')).toString()).toBe('<h1>home v2</h1>');
  });

  it('a key rotated part way through: the step fails naming the credentials, only what S3 took is reported, and the next run with the new key sends what is owed', async () => {
    writeTree(site, { 'index.html': '<h1>home v4</h1>', 'c++/a+b.js': 'plus v4', '日本語/ページ.html': 'cjk v4' });
    cf.reset();
    await s3.resetRequests();
    await s3.rotateSecretAfter(1); // S3 takes one of the three uploads, then the old secret stops working
    const r = await runAction(inputs({ concurrency: '1' }), env());
    expect(r.failed).toBe(true);
    liveSecret = 'ROTATED';
    const errors = errorLines(r.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /AWS refused the credentials \(SignatureDoesNotMatch\): the secret access key does not match the access key id S3RVER/,
    );
    expect(errors[0]).toMatch(/1 of 3 uploaded/);
    // The lock's release was refused too: a warning, not a second error.
    expect(r.log).toMatch(/^::warning title=Deploy lock::The deploy lock could not be released/m);
    const taken = (await s3.requests()).filter((q) => q.method === 'PUT' && !q.url.includes('.s3cfd-') && q.status === 200);
    expect(taken).toHaveLength(1);
    const changed = { 'index.html': '<h1>home v4</h1>', 'c++/a+b.js': 'plus v4', '日本語/ページ.html': 'cjk v4' };
    const nowLive: string[] = [];
    for (const [key, content] of Object.entries(changed)) if ((await body(key)).toString() === content) nowLive.push(key);
    expect(nowLive).toHaveLength(1);
    // What the run reports as uploaded is exactly what S3 took.
    expect(r.outputs.uploaded).toBe('1');
    expect(r.report.files.filter((f) => f.action === 'upload').map((f) => f.key)).toEqual(nowLive);
    expect(
      r.report.files
        .filter((f) => f.action === 'not-uploaded')
        .map((f) => f.key)
        .sort(),
    ).toEqual(
      Object.keys(changed)
        .filter((k) => !nowLive.includes(k))
        .sort(),
    );
    expect(r.summary).toContain('## S3 CloudFront Deploy');
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation')).toEqual([]);
    // The owed invalidation was recorded before the uploads: the origin changed, so it must not be lost.
    const owed = (await listAll()).filter((k) => own(k) && k.includes('/owed/'));
    expect(owed).toHaveLength(1);

    // The workflow gets the new secret: the next run uploads the rest and sends the owed paths with its own.
    await s3.resetRequests();
    const next = await runAction(inputs(), { ...env(), AWS_SECRET_ACCESS_KEY: 'ROTATED' });
    expect(errorLines(next.log)).toEqual([]);
    expect(next.failed).toBe(false);
    expect(next.outputs.uploaded).toBe('2');
    for (const [key, content] of Object.entries(changed)) expect((await body(key)).toString()).toBe(content);
    const invs = cf.invalidations(DIST);
    expect(invs).toHaveLength(1);
    const covered = (url: string) => invs[0]!.paths.some((p) => (p.endsWith('*') ? url.startsWith(p.slice(0, -1)) : url === p));
    for (const url of ['/', '/index.html', '/c++/a+b.js', '/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E3%83%9A%E3%83%BC%E3%82%B8.html']) {
      expect([url, covered(url)]).toEqual([url, true]);
    }
    expect((await listAll()).filter((k) => own(k) && k.includes('/owed/'))).toEqual([]);
  }, 120_000);
});
