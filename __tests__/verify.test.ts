// verify-url: GET invalidated paths through a caching CDN stand-in (testing/caching-proxy.mjs) in front of the
// local S3 server and compare body MD5s with what was uploaded: stale until invalidated, fresh after.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { startCachingProxy, type CachingProxy, type ProxyInvalidation } from '../testing/caching-proxy.mjs';
import { verifyUrls } from '../src/io/cloudfront/verify.js';
import { chooseSample } from '../src/plan/verify-sample.js';
import { joinUrl, normalizeBaseUrl } from '../src/model/site-url.js';
import type { VerifyTarget } from '../src/model/data.js';

const BUCKET = 'verify-bucket';
const DIST = 'EVERIFY12345';
const md5 = (s: string | Buffer) => createHash('md5').update(s).digest('hex');

let s3: S3StandIn;
let cf: CloudFrontStandIn;
let client: S3Client;
const stoppers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  [s3, cf] = await Promise.all([startS3({ buckets: [BUCKET] }), startCloudFront()]);
  client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(stoppers.map((s) => s()));
  client?.destroy();
  await Promise.all([s3?.stop(), cf?.stop()]);
});

async function put(key: string, body: string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: 'text/html' }));
}

async function proxy(opts: Parameters<typeof startCachingProxy>[0]): Promise<CachingProxy> {
  const p = await startCachingProxy(opts);
  stoppers.push(() => p.stop());
  return p;
}

/** A local HTTP server for odd behaviours (redirects, hanging); stopped in afterAll. */
async function server(handler: http.RequestListener): Promise<string> {
  const srv = http.createServer(handler);
  const sockets = new Set<import('node:net').Socket>();
  srv.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  stoppers.push(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => srv.close(() => r()));
  });
  return `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
}

async function closedPort(): Promise<number> {
  const srv = http.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

// Keys (S3, decoded) -> URL paths as invalidated (percent-encoded UTF-8).
const v1: Record<string, string> = {
  'index.html': '<h1>home v1</h1>',
  'a b.html': 'space v1',
  'caf\u00e9.html': 'unicode v1',
  'docs/index.html': '<h1>docs v1</h1>',
  'app.js': 'console.log("v1")',
};
const v2: Record<string, string> = {
  'index.html': '<h1>home v2, longer</h1>',
  'a b.html': 'space v2',
  'caf\u00e9.html': 'unicode v2',
  'docs/index.html': '<h1>docs v2</h1>',
  'app.js': 'console.log("v2")',
};
const PATHS: Record<string, string> = {
  'index.html': '/index.html',
  'a b.html': '/a%20b.html',
  'caf\u00e9.html': '/caf%C3%A9.html',
  'docs/index.html': '/docs/', // the directory form: served from docs/index.html
  'app.js': '/app.js',
};
const targets = (content: Record<string, string>): VerifyTarget[] =>
  Object.keys(PATHS).map((k) => ({ path: PATHS[k]!, md5: md5(content[k]!) }));

describe('verifyUrls through a caching proxy in front of S3', () => {
  let invs: ProxyInvalidation[] = [];
  let cdn: CachingProxy;

  beforeAll(async () => {
    for (const [k, body] of Object.entries(v1)) await put(k, body);
    cdn = await proxy({ origin: `${s3.endpoint}/${BUCKET}`, invalidations: () => invs });
  });

  it('the proxy caches: first GET is a miss from the origin, the second a hit', async () => {
    for (const path of Object.values(PATHS)) {
      const r1 = await fetch(cdn.endpoint + path);
      expect([path, r1.status, r1.headers.get('x-cache')]).toEqual([path, 200, 'Miss']);
      await r1.arrayBuffer();
      const r2 = await fetch(cdn.endpoint + path);
      expect([path, r2.status, r2.headers.get('x-cache')]).toEqual([path, 200, 'Hit']);
      await r2.arrayBuffer();
    }
    expect(await (await fetch(`${cdn.endpoint}/caf%C3%A9.html`)).text()).toBe('unicode v1');
    expect(await (await fetch(`${cdn.endpoint}/docs/`)).text()).toBe('<h1>docs v1</h1>');
    expect(cdn.cachedPaths()).toEqual(['/a%20b.html', '/app.js', '/caf%C3%A9.html', '/docs/', '/index.html']);
    expect([cdn.misses, cdn.hits]).toEqual([5, 7]);
  });

  it('everything is fresh while the cache holds what was uploaded', async () => {
    const results = await verifyUrls(cdn.endpoint, targets(v1));
    expect(results.map((r) => [r.path, r.status, r.httpStatus])).toEqual(Object.values(PATHS).map((p) => [p, 'fresh', 200]));
    expect(results[1]!.url).toBe(`${cdn.endpoint}/a%20b.html`);
    expect(results[1]!.detail).toBe(`md5 ${md5('space v1')} (8 bytes) matches`);
  });

  it('(a) after overwriting the objects, cached paths are stale with the md5 detail; the origin is not asked', async () => {
    for (const [k, body] of Object.entries(v2)) await put(k, body);
    await s3.resetStats();
    const hitsBefore = cdn.hits;

    const results = await verifyUrls(cdn.endpoint, targets(v2));
    expect(results.map((r) => [r.path, r.status, r.httpStatus])).toEqual(Object.values(PATHS).map((p) => [p, 'stale', 200]));
    expect(results[0]!.detail).toBe(`got md5 ${md5('<h1>home v1</h1>')} (16 bytes), expected ${md5('<h1>home v2, longer</h1>')}`);
    expect(results[2]!.detail).toBe(`got md5 ${md5('unicode v1')} (10 bytes), expected ${md5('unicode v2')}`);
    expect(cdn.hits - hitsBefore).toBe(5);
    expect((await s3.stats()).GetObject).toBeUndefined();
  });

  it('(b) after an invalidation of those paths they are fresh; a path not invalidated stays stale', async () => {
    invs = [
      { paths: ['/index.html', '/a%20b.html', '/caf%C3%A9.html', '/docs/*'], createTime: new Date().toISOString(), status: 'Completed' },
    ];
    // An entry cached in the invalidation's own millisecond counts as older (purged again): step past it.
    await new Promise((r) => setTimeout(r, 5));
    const results = await verifyUrls(cdn.endpoint, targets(v2));
    expect(results.map((r) => [r.path, r.status])).toEqual([
      ['/index.html', 'fresh'],
      ['/a%20b.html', 'fresh'],
      ['/caf%C3%A9.html', 'fresh'],
      ['/docs/', 'fresh'],
      ['/app.js', 'stale'],
    ]);
    expect(results[4]!.detail).toBe(`got md5 ${md5(v1['app.js']!)} (17 bytes), expected ${md5(v2['app.js']!)}`);
    // Re-fetched once, then cached again: the old invalidation does not purge the new entries.
    const again = await verifyUrls(cdn.endpoint, targets(v2), { concurrency: 1 });
    expect(again.map((r) => r.status)).toEqual(['fresh', 'fresh', 'fresh', 'fresh', 'stale']);
    expect(cdn.calls.slice(-5).map((c) => c.cache)).toEqual(['Hit', 'Hit', 'Hit', 'Hit', 'Hit']);
  });

  it('an invalidation path encoded differently (raw space, lowercase hex) does not purge', async () => {
    await put('x y.html', 'xy v1');
    await (await fetch(`${cdn.endpoint}/x%20y.html`)).arrayBuffer();
    await put('x y.html', 'xy v2');
    invs = [{ paths: ['/x y.html', '/x%20Y.html'], createTime: new Date().toISOString() }];
    const [r] = await verifyUrls(cdn.endpoint, [{ path: '/x%20y.html', md5: md5('xy v2') }]);
    expect([r!.status, r!.detail]).toEqual(['stale', `got md5 ${md5('xy v1')} (5 bytes), expected ${md5('xy v2')}`]);
    expect(cdn.purge(['/x%20y.html'])).toBe(1);
    const [r2] = await verifyUrls(cdn.endpoint, [{ path: '/x%20y.html', md5: md5('xy v2') }]);
    expect(r2!.status).toBe('fresh');
  });

  it('(c) a missing object is an error with HTTP 404 (and is not cached)', async () => {
    const results = await verifyUrls(cdn.endpoint, [{ path: '/missing%20page.html', md5: md5('x') }]);
    expect(results).toEqual([
      {
        path: '/missing%20page.html',
        url: `${cdn.endpoint}/missing%20page.html`,
        status: 'error',
        httpStatus: 404,
        detail: 'HTTP 404 Not Found',
      },
    ]);
    expect(cdn.cachedPaths()).not.toContain('/missing%20page.html');
  });
});

describe('verifyUrls with the CloudFront stand-in as the invalidation source', () => {
  it('stale before CreateInvalidation, fresh after (paths as the SDK sent them)', async () => {
    const cdn = await proxy({ origin: `${s3.endpoint}/${BUCKET}`, invalidations: () => cf.invalidations(DIST), onlyCompleted: true });
    await put('blog/\u00fcber uns.html', 'ueber v1');
    const path = '/blog/%C3%BCber%20uns.html';
    await (await fetch(cdn.endpoint + path)).arrayBuffer();
    await put('blog/\u00fcber uns.html', 'ueber v2');
    const target = { path, md5: md5('ueber v2') };
    expect((await verifyUrls(cdn.endpoint, [target]))[0]!.status).toBe('stale');

    const cfClient = new CloudFrontClient({
      endpoint: cf.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const created = await cfClient.send(
      new CreateInvalidationCommand({
        DistributionId: DIST,
        InvalidationBatch: { CallerReference: 'verify-1', Paths: { Quantity: 1, Items: [path] } },
      }),
    );
    cfClient.destroy();
    // InProgress: not purged yet with onlyCompleted.
    expect((await verifyUrls(cdn.endpoint, [target]))[0]!.status).toBe('stale');
    cf.complete(created.Invalidation!.Id!);
    expect(await verifyUrls(cdn.endpoint, [target])).toEqual([
      { path, url: cdn.endpoint + path, status: 'fresh', httpStatus: 200, detail: `md5 ${md5('ueber v2')} (8 bytes) matches` },
    ]);
  });
});

describe('verifyUrls: URLs, transport and failures', () => {
  it('(d) a base URL with a path prefix (with or without a trailing slash) keeps the path encoding', async () => {
    await put('site/a b.html', 'prefixed');
    await put('site/caf\u00e9.html', 'prefixed unicode');
    const cdn = await proxy({ origin: `${s3.endpoint}/${BUCKET}` });
    const t = [
      { path: '/a%20b.html', md5: md5('prefixed') },
      { path: '/caf%C3%A9.html', md5: md5('prefixed unicode') },
    ];
    for (const base of [`${cdn.endpoint}/site`, `${cdn.endpoint}/site/`, `${cdn.endpoint}/site//`]) {
      const results = await verifyUrls(base, t);
      expect(results.map((r) => [r.url, r.status])).toEqual([
        [`${cdn.endpoint}/site/a%20b.html`, 'fresh'],
        [`${cdn.endpoint}/site/caf%C3%A9.html`, 'fresh'],
      ]);
    }
    expect(new Set(cdn.calls.map((c) => c.path))).toEqual(new Set(['/site/a%20b.html', '/site/caf%C3%A9.html']));
  });

  it('gzip-compressed responses are hashed decoded (the uploaded bytes)', async () => {
    const body = '<p>' + 'compress me '.repeat(200) + '</p>';
    await put('big.html', body);
    const cdn = await proxy({ origin: `${s3.endpoint}/${BUCKET}`, gzip: true });
    const raw = await fetch(`${cdn.endpoint}/big.html`);
    expect(raw.headers.get('content-encoding')).toBe('gzip');
    expect(Number(raw.headers.get('content-length'))).toBeLessThan(body.length);
    await raw.arrayBuffer();
    const [r] = await verifyUrls(cdn.endpoint, [{ path: '/big.html', md5: md5(body) }]);
    expect([r!.status, r!.detail]).toEqual(['fresh', `md5 ${md5(body)} (${body.length} bytes) matches`]);
  });

  it('(e) an unreachable base URL gives errors, not a throw', async () => {
    const port = await closedPort();
    const results = await verifyUrls(`http://127.0.0.1:${port}/`, [
      { path: '/a.html', md5: md5('a') },
      { path: '/b.html', md5: md5('b') },
    ]);
    expect(results.map((r) => [r.path, r.url, r.status, r.httpStatus])).toEqual([
      ['/a.html', `http://127.0.0.1:${port}/a.html`, 'error', undefined],
      ['/b.html', `http://127.0.0.1:${port}/b.html`, 'error', undefined],
    ]);
    expect(results[0]!.detail).toBe(`request failed: fetch failed: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('a response that never comes times out as an error', async () => {
    const base = await server(() => {
      /* never answers */
    });
    const started = Date.now();
    const [r] = await verifyUrls(base, [{ path: '/slow.html', md5: md5('x') }], { timeoutMs: 300 });
    expect([r!.status, r!.detail]).toEqual(['error', 'request failed: timed out after 300 ms']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a body over maxBytes is an error, not read to the end', async () => {
    const base = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(10_000));
    });
    const [r] = await verifyUrls(base, [{ path: '/big', md5: md5('x'.repeat(10_000)) }], { maxBytes: 1000 });
    expect([r!.status, r!.httpStatus, r!.detail]).toEqual(['error', 200, 'body larger than 1000 bytes; not compared']);
    const [ok] = await verifyUrls(base, [{ path: '/big', md5: md5('x'.repeat(10_000)) }], { maxBytes: 10_000 });
    expect(ok!.status).toBe('fresh');
  });

  it('redirects are followed and recorded', async () => {
    const target = await server((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`final ${req.url}`);
    });
    const base = await server((req, res) => {
      res.writeHead(301, { location: `${target}/moved${req.url}` });
      res.end();
    });
    const [r] = await verifyUrls(base, [{ path: '/old%20page', md5: md5('final /moved/old%20page') }]);
    expect(r).toEqual({
      path: '/old%20page',
      url: `${base}/old%20page`,
      status: 'fresh',
      httpStatus: 200,
      redirectedTo: `${target}/moved/old%20page`,
      detail: `md5 ${md5('final /moved/old%20page')} (23 bytes) matches (redirected to ${target}/moved/old%20page)`,
    });
  });

  it('sends a plain GET with the user agent (no cache-busting headers)', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const base = await server((req, res) => {
      seen.push(req.headers);
      res.end(req.method);
    });
    const [r] = await verifyUrls(base, [{ path: '/x', md5: md5('GET') }], { userAgent: 'test-agent/1' });
    expect(r!.status).toBe('fresh');
    expect(seen[0]!['user-agent']).toBe('test-agent/1');
    expect(seen[0]!['cache-control']).toBeUndefined();
    expect(seen[0]!.pragma).toBeUndefined();
  });

  it('bounded concurrency; results in input order; md5 compared case-insensitively', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const fetchImpl = (async (input: string | URL | Request) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const url = String(input);
      await new Promise((r) => setTimeout(r, url.endsWith('/0') ? 60 : 10));
      inFlight--;
      return new Response(url.slice(url.lastIndexOf('/') + 1), { status: 200 });
    }) as typeof fetch;
    const t = Array.from({ length: 7 }, (_, i) => ({ path: `/${i}`, md5: md5(String(i)).toUpperCase() }));
    const results = await verifyUrls('https://cdn.example.com', t, { concurrency: 2, fetchImpl });
    expect(maxInFlight).toBe(2);
    expect(results.map((r) => [r.path, r.status])).toEqual(t.map((x) => [x.path, 'fresh']));
    maxInFlight = 0;
    await verifyUrls('https://cdn.example.com', t, { fetchImpl });
    expect(maxInFlight).toBe(4);
  });

  it('paths it cannot fetch exactly are errors without a request; a bad base URL throws', async () => {
    const calls: string[] = [];
    const fetchImpl = (async (input: string | URL | Request) => {
      calls.push(String(input));
      return new Response('x');
    }) as typeof fetch;
    const results = await verifyUrls(
      'https://cdn.example.com/site',
      [
        { path: '/docs/*', md5: md5('x') },
        { path: 'relative.html', md5: md5('x') },
        { path: '/a/../b.html', md5: md5('x') },
        { path: '/a/%2e%2e/b.html', md5: md5('x') },
        { path: '/q?x#y', md5: md5('x') },
      ],
      { fetchImpl },
    );
    expect(results.map((r) => [r.status, r.detail])).toEqual([
      ['error', 'not an exact path (must start with "/" and have no "*")'],
      ['error', 'not an exact path (must start with "/" and have no "*")'],
      ['error', 'the URL path is normalized to /site/b.html by URL parsing; not verifiable'],
      ['error', 'the URL path is normalized to /site/b.html by URL parsing; not verifiable'],
      ['fresh', `md5 ${md5('x')} (1 bytes) matches`],
    ]);
    expect(calls).toEqual(['https://cdn.example.com/site/q%3Fx%23y']);
    await expect(verifyUrls('cdn.example.com', [], { fetchImpl })).rejects.toThrow('not an absolute URL: "cdn.example.com"');
    await expect(verifyUrls('ftp://cdn.example.com', [], { fetchImpl })).rejects.toThrow('not an http(s) URL');
    await expect(verifyUrls('https://u:p@cdn.example.com', [], { fetchImpl })).rejects.toThrow('must not contain credentials');
  });

  it('normalizeBaseUrl / joinUrl', () => {
    expect(normalizeBaseUrl('https://Example.COM')).toBe('https://example.com');
    expect(normalizeBaseUrl('https://example.com/')).toBe('https://example.com');
    expect(normalizeBaseUrl(' https://example.com/my site/ ')).toBe('https://example.com/my%20site');
    expect(() => normalizeBaseUrl('https://example.com/?a=1')).toThrow('must not contain a query or fragment');
    expect(joinUrl('https://example.com', '/caf%C3%A9.html')).toBe('https://example.com/caf%C3%A9.html');
    expect(joinUrl('https://example.com/site', '/a+b~c%25.html')).toBe('https://example.com/site/a+b~c%25.html');
  });
});

describe('(f) chooseSample', () => {
  const all: VerifyTarget[] = Array.from({ length: 10 }, (_, i) => ({ path: `/p${i}.html`, md5: md5(String(i)) }));

  it('is bounded, evenly spaced over the sorted paths, and independent of input order', () => {
    const expected = ['/p0.html', '/p3.html', '/p6.html'];
    expect(chooseSample(all, 3).map((t) => t.path)).toEqual(expected);
    expect(chooseSample([...all].reverse(), 3).map((t) => t.path)).toEqual(expected);
    const shuffled = [all[4]!, all[9]!, all[0]!, all[7]!, all[2]!, all[5]!, all[1]!, all[8]!, all[3]!, all[6]!];
    expect(chooseSample(shuffled, 3).map((t) => t.path)).toEqual(expected);
    expect(chooseSample(all, 4).map((t) => t.path)).toEqual(['/p0.html', '/p2.html', '/p5.html', '/p7.html']);
    expect(chooseSample(all, 1).map((t) => t.path)).toEqual(['/p0.html']);
    expect(chooseSample(all, 0)).toEqual([]);
    expect(chooseSample(all, -1)).toEqual([]);
    expect(chooseSample(all, Number.NaN)).toEqual([]);
    expect(chooseSample([], 5)).toEqual([]);
  });

  it('dedupes by path (first occurrence wins), drops wildcards and relative paths, returns all when under the bound', () => {
    const input: VerifyTarget[] = [
      { path: '/b.html', md5: 'first' },
      { path: '/a.html', md5: 'a' },
      { path: '/b.html', md5: 'second' },
      { path: '/docs/*', md5: 'w' },
      { path: 'c.html', md5: 'rel' },
      { path: '/a.html', md5: 'a2' },
    ];
    expect(chooseSample(input, 10)).toEqual([
      { path: '/a.html', md5: 'a' },
      { path: '/b.html', md5: 'first' },
    ]);
    expect(chooseSample(input, 1)).toEqual([{ path: '/a.html', md5: 'a' }]);
  });
});
