// The lean PutObject path (src/io/s3/put.ts) against the local S3 server through the fault proxy: when it is used
// (after a listing of the bucket), that what lands is byte- and header-identical to the SDK's PutObject, that the
// signature on the wire is valid SigV4 (checked by an independent implementation of the spec), keys with every
// awkward character, retries (SlowDown, reset, clock skew) and errors shaped like the SDK's.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import pMap from 'p-map';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startFaultProxy, type FaultProxy, type ProxyCall } from '../testing/s3-fault-proxy.mjs';
import type { S3Options } from '../src/io/s3/store.js';
import { endpointFromRequest, keyPath } from '../src/io/s3/put.js';
import type { UploadHeaders } from '../src/model/ports.js';
import { tmpDir } from './support/harness.js';
import { testS3Client, testS3Store } from './support/s3-client.js';

const BUCKET = 'lean-put-bucket';
const SECRET = 'lean-secret/+=key';
const MiB = 1024 * 1024;
let s3: S3StandIn;
let proxy: FaultProxy;

beforeAll(async () => {
  s3 = await startS3({ buckets: [BUCKET] });
  proxy = await startFaultProxy(s3.endpoint);
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await s3?.stop();
});
beforeEach(() => proxy.clear());

const client = (): S3Client =>
  testS3Client(proxy.endpoint, { accessKeyId: 'LEANKEY', secretAccessKey: SECRET, sessionToken: 'session/token+1' });
const store = (extra: Partial<S3Options> = {}) => testS3Store(BUCKET, client(), { retryBaseDelayMs: 1, ...extra });

const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');
const headers = (extra: Partial<UploadHeaders> = {}): UploadHeaders => ({
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'public, max-age=0, must-revalidate',
  ...extra,
});

function file(name: string, content: Buffer): string {
  const abs = path.join(tmpDir('s3-put'), name);
  fs.writeFileSync(abs, content);
  return abs;
}

const puts = () => proxy.calls.filter((c) => c.method === 'PUT');
/** The SDK stamps every request it sends with an invocation id; the lean path does not. */
const viaSdk = (c: ProxyCall) => c.headers['amz-sdk-invocation-id'] !== undefined;

/** SigV4 as the AWS documentation specifies it, written independently of @smithy/signature-v4. */
function expectedSignature(call: ProxyCall, secret: string): { given: string; expected: string } {
  const auth = String(call.headers.authorization);
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) throw new Error(`not a SigV4 Authorization header: ${auth}`);
  const [, , day, region, service, signedHeaders, given] = m as unknown as string[];
  const [rawPath, rawQuery = ''] = call.url.split('?');
  const canonicalQuery = rawQuery
    .split('&')
    .filter(Boolean)
    .map((p) => (p.includes('=') ? p : `${p}=`))
    .sort()
    .join('&');
  const names = signedHeaders!.split(';');
  const canonicalHeaders = names.map((n) => `${n}:${String(call.headers[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const payloadHash = String(call.headers['x-amz-content-sha256']);
  const canonicalRequest = [call.method, rawPath, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const amzDate = String(call.headers['x-amz-date']);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const kSigning = hmac(hmac(hmac(hmac(`AWS4${secret}`, day!), region!), service!), 'aws4_request');
  return { given: given!, expected: createHmac('sha256', kSigning).update(stringToSign).digest('hex') };
}

describe('keyPath: each segment percent-encoded as the SDK sends it', () => {
  it.each([
    ['index.html', 'index.html'],
    ['a b/c+d.html', 'a%20b/c%2Bd.html'],
    ["it's (1)!*.js", 'it%27s%20%281%29%21%2A.js'],
    ['ünï/页.html', '%C3%BCn%C3%AF/%E9%A1%B5.html'],
    ['a~b_c-d.e', 'a~b_c-d.e'],
    ['q?x=1#frag&y', 'q%3Fx%3D1%23frag%26y'],
    ['100%.html', '100%25.html'],
    ['dir//double/', 'dir//double/'],
  ])('%s -> %s', (key, expected) => {
    expect(keyPath(key)).toBe(expected);
  });
});

describe('endpointFromRequest: the bucket endpoint the SDK resolved for a ListObjectsV2', () => {
  const auth = (region: string, service = 's3') =>
    `AWS4-HMAC-SHA256 Credential=AK/20261201/${region}/${service}/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
  it.each([
    [
      'path-style local',
      { protocol: 'http:', hostname: '127.0.0.1', port: 9000, path: '/b/', headers: { authorization: auth('us-east-1') } },
      { protocol: 'http:', hostname: '127.0.0.1', port: 9000, basePath: '/b', signingRegion: 'us-east-1', signingService: 's3' },
    ],
    [
      'virtual-hosted AWS',
      { protocol: 'https:', hostname: 'b.s3.eu-west-1.amazonaws.com', path: '/', headers: { authorization: auth('eu-west-1') } },
      { protocol: 'https:', hostname: 'b.s3.eu-west-1.amazonaws.com', basePath: '', signingRegion: 'eu-west-1', signingService: 's3' },
    ],
    [
      'endpoint with a path',
      { protocol: 'https:', hostname: 'gw.example', path: '/storage/b/', headers: { authorization: auth('auto') } },
      { protocol: 'https:', hostname: 'gw.example', basePath: '/storage/b', signingRegion: 'auto', signingService: 's3' },
    ],
  ])('%s', (_name, req, expected) => {
    expect(endpointFromRequest(req)).toEqual(expected);
  });
  it.each([
    ['unsigned', { protocol: 'https:', hostname: 'h', path: '/', headers: {} }],
    [
      'SigV4a',
      {
        protocol: 'https:',
        hostname: 'h',
        path: '/',
        headers: { authorization: 'AWS4-ECDSA-P256-SHA256 Credential=AK/20261201/s3/aws4_request, x' },
      },
    ],
    [
      'S3 Express session',
      {
        protocol: 'https:',
        hostname: 'b--use1-az4--x-s3.s3express-use1-az4.us-east-1.amazonaws.com',
        path: '/',
        headers: { authorization: auth('us-east-1', 's3express'), 'x-amz-s3session-token': 't' },
      },
    ],
    ['not http', { protocol: 'ftp:', hostname: 'h', path: '/', headers: { authorization: auth('us-east-1') } }],
  ])('%s: null (uploads stay on the SDK)', (_name, req) => {
    expect(endpointFromRequest(req)).toBeNull();
  });
});

describe('upload after a listing goes the lean way', () => {
  const awkward = [
    'plain.html',
    'with space/and+plus.html',
    "quote's (paren)!*.css",
    'ünïcödé/页面.html',
    'tilde~/a_b-c.d.js',
    'query?hash#amp&eq=.txt',
    '100%/pct%20lit.html',
    'emoji-🚀.svg',
  ];

  it('objects land with the exact bytes, headers and metadata; every PUT is lean and validly signed', async () => {
    const st = store();
    await st.list('');
    const written: Record<string, { body: Buffer; etag: string }> = {};
    for (const [i, key] of awkward.entries()) {
      const body = randomBytes(100 + i * 37);
      const etag = await st.upload(
        key,
        file(`f${i}`, body),
        body.length,
        md5(body),
        headers({ contentLanguage: 'en', metadata: { Owner: 'team-a' } }),
      );
      written[key] = { body, etag };
    }
    expect(puts()).toHaveLength(awkward.length);
    for (const call of puts()) {
      expect(viaSdk(call)).toBe(false);
      expect(call.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
      expect(call.headers['x-amz-security-token']).toBe('session/token+1');
      // S3 refuses a body whose MD5 is not this (the local server does not check it, so the header is checked here).
      const key = decodeURIComponent(call.url.slice(`/${BUCKET}/`.length));
      expect(call.headers['content-md5']).toBe(Buffer.from(md5(written[key]!.body), 'hex').toString('base64'));
      const { given, expected } = expectedSignature(call, SECRET);
      expect(given).toBe(expected);
    }
    // The listing returns the keys exactly as given, with the MD5 as ETag.
    const listed = new Map((await st.list('')).map((o) => [o.key, o]));
    for (const key of awkward) {
      expect(listed.get(key)?.etag).toBe(md5(written[key]!.body));
      expect(written[key]!.etag).toBe(md5(written[key]!.body));
      const head = await client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head.ContentType).toBe('text/html; charset=utf-8');
      expect(head.CacheControl).toBe('public, max-age=0, must-revalidate');
      expect(head.ContentLanguage).toBe('en');
      expect(head.ContentLength).toBe(written[key]!.body.length);
      expect(head.Metadata).toEqual({ owner: 'team-a', 's3cfd-md5': md5(written[key]!.body) });
    }
  });

  it('the same upload through the SDK (before any listing, or leanPut: false) stores identical headers', async () => {
    const body = Buffer.from('<!doctype html><p>same</p>');
    const h = headers({
      contentEncoding: 'identity',
      contentDisposition: 'inline',
      websiteRedirectLocation: '/elsewhere.html',
      metadata: { x: 'y' },
    });
    const read = async (key: string) => {
      const r = await client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      return [r.ContentType, r.CacheControl, r.ContentEncoding, r.ContentDisposition, r.WebsiteRedirectLocation, r.Metadata, r.ETag];
    };
    const sdk = store();
    await sdk.upload('cmp/sdk.html', file('sdk', body), body.length, md5(body), h);
    const off = store({ leanPut: false });
    await off.list('cmp/');
    await off.upload('cmp/off.html', file('off', body), body.length, md5(body), h);
    const lean = store();
    await lean.list('cmp/');
    await lean.upload('cmp/lean.html', file('lean', body), body.length, md5(body), h);
    expect(puts().map(viaSdk)).toEqual([true, true, false]);
    expect(await read('cmp/lean.html')).toEqual(await read('cmp/sdk.html'));
    expect(await read('cmp/off.html')).toEqual(await read('cmp/sdk.html'));
  });

  it('a file over 1 MiB is streamed from disk; retried after SlowDown with a fresh stream, it lands whole', async () => {
    const st = store();
    await st.list('big/');
    const body = randomBytes(3 * MiB + 17);
    proxy.failWhen({ method: 'PUT', keyIncludes: 'big/streamed.bin', times: 2, code: 'SlowDown' });
    const etag = await st.upload(
      'big/streamed.bin',
      file('big', body),
      body.length,
      md5(body),
      headers({ contentType: 'application/octet-stream' }),
    );
    expect(etag).toBe(md5(body));
    expect(puts().map((c) => c.status)).toEqual([503, 503, 200]);
    expect(puts().every((c) => !viaSdk(c))).toBe(true);
  });

  it('a connection reset and a 500 are retried; the object lands once', async () => {
    const st = store();
    await st.list('retry/');
    proxy.failWhen({ method: 'PUT', keyIncludes: 'retry/a.html', times: 1, reset: true });
    proxy.failWhen({ method: 'PUT', keyIncludes: 'retry/a.html', times: 1, status: 500 });
    const body = Buffer.from('retry me');
    await expect(st.upload('retry/a.html', file('r', body), body.length, md5(body), headers())).resolves.toBe(md5(body));
    expect(puts().map((c) => c.status)).toEqual([0, 500, 200]);
  });

  it('RequestTimeTooSkewed: the clock offset is learned and the PUT retried', async () => {
    const st = store();
    await st.list('skew/');
    proxy.failWhen({ method: 'PUT', keyIncludes: 'skew/a.html', times: 1, status: 403, code: 'RequestTimeTooSkewed' });
    const body = Buffer.from('skew');
    await expect(st.upload('skew/a.html', file('s', body), body.length, md5(body), headers())).resolves.toBe(md5(body));
    expect(puts().map((c) => c.status)).toEqual([403, 200]);
  });

  it('AccessDenied is not retried and fails with the SDK-shaped error (name, message, HTTP status)', async () => {
    const st = store();
    await st.list('denied/');
    proxy.failWhen({ method: 'PUT', keyIncludes: 'denied/', status: 403, code: 'AccessDenied', message: 'Access Denied & more' });
    const body = Buffer.from('nope');
    const err = await st.upload('denied/a.html', file('d', body), body.length, md5(body), headers()).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AccessDenied', message: 'Access Denied & more', $metadata: { httpStatusCode: 403 } });
    expect(puts()).toHaveLength(1);
  });

  it('persistent SlowDown: gives up after maxAttempts', async () => {
    const st = store({ maxAttempts: 3 });
    await st.list('slow/');
    proxy.failWhen({ method: 'PUT', keyIncludes: 'slow/', code: 'SlowDown' });
    const body = Buffer.from('slow');
    await expect(st.upload('slow/a.html', file('w', body), body.length, md5(body), headers())).rejects.toMatchObject({ name: 'SlowDown' });
    expect(puts()).toHaveLength(3);
  });
});

describe('list: a long listing goes on by top-level folder', () => {
  const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  const lists = () => proxy.calls.filter((c) => c.method === 'GET' && c.url.includes('list-type=2')).map((c) => decodeURIComponent(c.url));
  // Pages of 10 keys (MaxKeys) stand for S3's 1,000.
  const paged = () => store({ listPageSize: 10 });

  async function put(keys: string[]) {
    const c = client();
    await pMap(keys, (Key) => c.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key })), { concurrency: 16 });
  }

  it('big folders: the first page kept, the rest of its folder and each later folder listed side by side; every key once, in byte order', async () => {
    const keys = [
      ...Array.from({ length: 150 }, (_, i) => `split/f${i % 5}/k${i}.html`),
      'split/a-root.html',
      'split/f3',
      'split/f3-x.html',
      'split/f9/',
      'split/ü/页.html',
      'split/z~.txt',
    ];
    await put(keys);
    proxy.clear();
    const listed = (await paged().list('split/')).map((o) => o.key);
    expect(listed).toEqual([...keys].sort(byteOrder));
    const urls = lists();
    // The root's folders are named from where the first page ended (one delimited page: 2 objects, 6 folders).
    expect(urls.filter((u) => u.includes('delimiter=/') && /prefix=split\/(&|$)/.test(u))).toHaveLength(1);
    // A folder without subfolders costs the pages it would cost page by page (16 in all), plus one per folder.
    expect(urls.length).toBeLessThanOrEqual(16 + 7);
    // The first page ended in f0/: f0/ goes on from its last key, and f1/..f4/, f9/, ü/ are listed from their start.
    const fresh = urls.filter((u) => !u.includes('delimiter') && !u.includes('continuation-token') && !u.includes('start-after'));
    expect(fresh.map((u) => /prefix=([^&]*)/.exec(u)?.[1])).toEqual(
      expect.arrayContaining(['split/f1/', 'split/f4/', 'split/f9/', 'split/ü/']),
    );
    expect(urls.filter((u) => !u.includes('delimiter') && u.includes('prefix=split/f0/&start-after=split/f0/'))).toHaveLength(1);
  });

  it('one page: one request, as before', async () => {
    await put(['small/a.html', 'small/b/c.html']);
    proxy.clear();
    expect((await paged().list('small/')).map((o) => o.key)).toEqual(['small/a.html', 'small/b/c.html']);
    expect(lists()).toHaveLength(1);
  });

  it('many small folders (a page or two left): page after page, from where the first page ended', async () => {
    await put(Array.from({ length: 25 }, (_, i) => `few/d${String(i).padStart(2, '0')}/x.html`));
    proxy.clear();
    const listed = (await paged().list('few/')).map((o) => o.key);
    expect(listed).toHaveLength(25);
    expect(listed).toEqual([...listed].sort(byteOrder));
    const plain = lists().filter((u) => !u.includes('delimiter'));
    expect(plain).toHaveLength(3);
    expect(plain.filter((u) => u.includes('continuation-token'))).toHaveLength(2);
  });

  it('folders of a key or two each: page after page (a request per folder would be one per key)', async () => {
    await put(Array.from({ length: 300 }, (_, i) => `many/d${i}/x.html`));
    proxy.clear();
    const listed = (await paged().list('many/')).map((o) => o.key);
    expect(new Set(listed).size).toBe(300);
    expect(listed).toEqual([...listed].sort(byteOrder));
    const plain = lists().filter((u) => !u.includes('delimiter'));
    expect(plain).toHaveLength(30);
    expect(plain.every((u) => u.includes('prefix=many/&') || u.endsWith('prefix=many/'))).toBe(true);
  });

  it('a server that ignores StartAfter on a delimited listing: every key still once, in byte order', async () => {
    const keys = Array.from({ length: 120 }, (_, i) => `nostart/z/${i % 6}/${Math.floor(i / 6)}.png`);
    await put(keys);
    const c = client();
    // The delimited requests go out without StartAfter, as if the server had dropped it: they name every folder.
    c.middlewareStack.add(
      (next) => (args) => {
        const input = args.input as { Delimiter?: string; StartAfter?: string };
        if (input.Delimiter) delete input.StartAfter;
        return next(args);
      },
      { step: 'initialize', name: 'dropStartAfter' },
    );
    proxy.clear();
    const listed = (await testS3Store(BUCKET, c, { retryBaseDelayMs: 1, listPageSize: 10 }).list('nostart/')).map((o) => o.key);
    expect(listed).toEqual([...keys].sort(byteOrder));
    expect(lists().some((u) => u.includes('delimiter=/') && !u.includes('start-after') && !u.includes('continuation'))).toBe(true);
  });

  it('a page of a split listing that keeps failing fails the whole listing (never a partial one)', async () => {
    const keys = Array.from({ length: 120 }, (_, i) => `failing/z/${i % 6}/${Math.floor(i / 6)}.png`);
    await put(keys);
    proxy.clear();
    proxy.failWhen({ method: 'GET', query: 'prefix=failing%2Fz%2F4%2F', code: 'InternalError', status: 500 });
    await expect(store({ listPageSize: 10, maxAttempts: 2 }).list('failing/')).rejects.toMatchObject({ name: 'InternalError' });
    proxy.clear();
  });

  it('everything in one folder that fans out below (a tile pyramid, z/x/y.png): split one level down, side by side', async () => {
    const keys = [
      ...Array.from({ length: 240 }, (_, i) => `tiles/z14/${i % 12}/${Math.floor(i / 12)}.png`),
      'tiles/z14/readme.txt',
      'tiles/z14~.json',
      'tiles/index.html',
    ];
    await put(keys);
    proxy.clear();
    const listed = (await paged().list('tiles/')).map((o) => o.key);
    expect(listed).toEqual([...keys].sort(byteOrder));
    const urls = lists();
    // The root names one folder (z14/), the first page ended in it: z14/ is split by its own folders.
    expect(urls.filter((u) => u.includes('delimiter=/') && /prefix=tiles\/z14\/(&|$)/.test(u)).length).toBeGreaterThan(0);
    const fresh = urls.filter((u) => !u.includes('delimiter') && !u.includes('continuation-token') && !u.includes('start-after'));
    expect(fresh.map((u) => /prefix=([^&]*)/.exec(u)?.[1])).toEqual(expect.arrayContaining(['tiles/z14/5/', 'tiles/z14/9/']));
    // Only the folder the first pages ended in goes on page by page; the rest are one page each here.
    expect(urls.filter((u) => u.includes('continuation-token')).length).toBeLessThanOrEqual(3);
  });
});
