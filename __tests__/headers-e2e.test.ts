// The per-file headers and object settings end to end: run() against the real local S3 server (fauxqs), through
// the recording proxy (testing/s3-fault-proxy.mjs, no faults injected) so the request headers fauxqs does not
// store (x-amz-website-redirect-location, storage class, SSE) can be checked as sent, and the CloudFront
// stand-in (strict path encoding), whose received paths are asserted exactly. Every header is read back with
// HeadObject. Each test uses its own bucket and distribution.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { startFaultProxy, type FaultProxy, type ProxyCall } from '../testing/s3-fault-proxy.mjs';
import { head, listKeys, runAction, s3Client, tmpDir, writeTree, type RunResult } from './support/harness.js';

const MUTABLE = 'public, max-age=0, s-maxage=86400, must-revalidate';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const MiB = 1024 * 1024;

let s3: S3StandIn;
let cf: CloudFrontStandIn;
let proxy: FaultProxy;

beforeAll(async () => {
  [s3, cf] = await Promise.all([startS3(), startCloudFront({ completeAfterPolls: 1 })]);
  proxy = await startFaultProxy(s3.endpoint);
}, 60_000);

afterAll(async () => {
  await Promise.all([proxy?.stop(), s3?.stop(), cf?.stop()]);
});

const client = () => s3Client(s3.endpoint);

interface Site {
  bucket: string;
  dist: string;
  dir: string;
}

let n = 0;
/** A fresh bucket, distribution id and build dir for one test. */
async function fresh(files: Record<string, string>): Promise<Site> {
  n++;
  const bucket = `headers-e2e-${n}`;
  await s3.createBucket(bucket);
  const dir = tmpDir(`headers-e2e-${n}`);
  writeTree(dir, files);
  return { bucket, dist: `EHDRS${String(n).padStart(6, '0')}`, dir };
}

/** Clear every counter, then deploy through the recording proxy. */
async function deploy(site: Site, extra: Record<string, string> = {}, overrides: Parameters<typeof runAction>[2] = {}): Promise<RunResult> {
  proxy.clear();
  cf.reset();
  await s3.resetStats();
  const r = await runAction(
    { 'source-dir': site.dir, bucket: site.bucket, 'distribution-id': site.dist, ...extra },
    { AWS_ENDPOINT_URL_S3: proxy.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint },
    overrides,
  );
  if (r.failed) throw new Error(`deploy failed:\n${r.log}`);
  return r;
}

/** The object key of a path-style request to `bucket` (decoded), or null for a bucket-level request. */
function keyOf(call: ProxyCall, bucket: string): string | null {
  const p = decodeURIComponent(new URL(call.url, 'http://proxy.invalid').pathname);
  const pre = `/${bucket}/`;
  return p.startsWith(pre) ? p.slice(pre.length) : null;
}

/** The site's own keys (not the action's records under `.s3cfd-*`). */
const isSiteKey = (k: string | null): k is string => k !== null && !k.startsWith('.s3cfd-');

/** PUT object requests (PutObject, not UploadPart) to site keys, by key. */
function sitePuts(bucket: string): Map<string, ProxyCall> {
  const out = new Map<string, ProxyCall>();
  for (const c of proxy.calls) {
    const k = keyOf(c, bucket);
    if (c.method !== 'PUT' || !isSiteKey(k) || /[?&]partNumber=/.test(c.url)) continue;
    if (out.has(k)) throw new Error(`${k} was PUT twice`);
    out.set(k, c);
  }
  return out;
}

/** HEAD requests to site keys: key -> count. */
function siteHeads(bucket: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of proxy.calls) {
    const k = keyOf(c, bucket);
    if (c.method === 'HEAD' && isSiteKey(k)) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** The paths of every CreateInvalidation the stand-in received for `dist`, sorted per batch. */
function sentPaths(dist: string): string[][] {
  return cf.calls
    .filter((c) => c.operation === 'CreateInvalidation' && c.distributionId === dist && c.status < 300)
    .map((c) => [...(c.paths ?? [])].sort());
}

const uploads = (r: RunResult) =>
  r.report.files
    .filter((f) => f.action === 'upload')
    .map((f) => [f.path as string, f.reason as string])
    .sort(([a], [b]) => (a! < b! ? -1 : 1));

async function bodyOf(bucket: string, key: string): Promise<Buffer> {
  const res = await client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await res.Body!.transformToByteArray());
}

/** The headers that matter, from HeadObject (the action's s3cfd-md5 metadata left out). */
async function headersOf(bucket: string, key: string) {
  const h = await head(client(), bucket, key);
  const meta = Object.fromEntries(Object.entries(h.Metadata ?? {}).filter(([k]) => !k.startsWith('s3cfd-')));
  return {
    contentType: h.ContentType,
    cacheControl: h.CacheControl,
    contentEncoding: h.ContentEncoding,
    contentLanguage: h.ContentLanguage,
    contentDisposition: h.ContentDisposition,
    metadata: meta,
  };
}

describe('1. headers rules', () => {
  const files = {
    'index.html': '<h1>home</h1>',
    'app/main.mjs': 'export const a = 1;',
    'app/engine.wasm': '\0asm-bytes',
    'site.webmanifest': '{"name":"site"}',
    'docs/guide': '<h1>guide, no extension</h1>',
    'export/report.csv': 'a,b\n1,2\n',
    'data/search.json.br': 'brotli-bytes',
    'de/index.html': '<h1>hallo</h1>',
    'de/faq.html': '<h1>fragen</h1>',
    'downloads/manual.pdf': '%PDF-1.7 manual',
    'downloads/special.pdf': '%PDF-1.7 special',
    'old/page.html': 'moved',
  };
  const rules = [
    '# Content-Type overrides',
    '**/*.mjs: Content-Type: application/javascript',
    '**/*.wasm: Content-Type: application/wasm',
    '**/*.webmanifest: Content-Type: application/manifest+json; charset=utf-8',
    'docs/guide: Content-Type: text/html; charset=utf-8',
    'export/*.csv: Content-Type: text/plain; charset=utf-8',
    'data/*.json.br: Content-Type: application/json',
    'data/*.br: Content-Encoding: br',
    'de/**: Content-Language: de',
    // First match per header wins: special.pdf gets its own disposition and owner, the rest of downloads/ the generic ones.
    'downloads/special.pdf: Content-Disposition: inline; filename="special.pdf"',
    'downloads/special.pdf: x-amz-meta-owner: legal',
    'downloads/**: Content-Disposition: attachment',
    'downloads/**: X-Amz-Meta-Owner: docs-team',
    'downloads/**: x-amz-meta-tier: public',
    'downloads/**: Content-Type: application/octet-stream',
    '**/*.pdf: Content-Type: application/x-never-reached',
    'old/page.html: x-amz-website-redirect-location: /new/page.html',
    'de/faq.html: Cache-Control: public, max-age=60',
  ].join('\n');

  let site: Site;
  let first: RunResult;

  beforeAll(async () => {
    site = await fresh(files);
    first = await deploy(site, { headers: rules });
  }, 60_000);

  it('sets every rule type on the objects, first match per header wins, and the report agrees with HeadObject', async () => {
    const b = site.bucket;
    expect((await headersOf(b, 'app/main.mjs')).contentType).toBe('application/javascript');
    expect((await headersOf(b, 'app/engine.wasm')).contentType).toBe('application/wasm');
    expect((await headersOf(b, 'site.webmanifest')).contentType).toBe('application/manifest+json; charset=utf-8');
    expect((await headersOf(b, 'docs/guide')).contentType).toBe('text/html; charset=utf-8');
    expect((await headersOf(b, 'export/report.csv')).contentType).toBe('text/plain; charset=utf-8');
    expect(await headersOf(b, 'data/search.json.br')).toEqual({
      contentType: 'application/json',
      cacheControl: MUTABLE,
      contentEncoding: 'br',
      contentLanguage: undefined,
      contentDisposition: undefined,
      metadata: {},
    });
    expect(await headersOf(b, 'de/index.html')).toMatchObject({ contentLanguage: 'de', cacheControl: MUTABLE });
    expect(await headersOf(b, 'de/faq.html')).toMatchObject({ contentLanguage: 'de', cacheControl: 'public, max-age=60' });
    expect(await headersOf(b, 'downloads/manual.pdf')).toEqual({
      contentType: 'application/octet-stream',
      cacheControl: MUTABLE,
      contentEncoding: undefined,
      contentLanguage: undefined,
      contentDisposition: 'attachment',
      metadata: { owner: 'docs-team', tier: 'public' },
    });
    expect(await headersOf(b, 'downloads/special.pdf')).toEqual({
      contentType: 'application/octet-stream',
      cacheControl: MUTABLE,
      contentEncoding: undefined,
      contentLanguage: undefined,
      contentDisposition: 'inline; filename="special.pdf"',
      metadata: { owner: 'legal', tier: 'public' },
    });
    // No rule: defaults only, nothing extra.
    expect(await headersOf(b, 'index.html')).toEqual({
      contentType: 'text/html; charset=utf-8',
      cacheControl: MUTABLE,
      contentEncoding: undefined,
      contentLanguage: undefined,
      contentDisposition: undefined,
      metadata: {},
    });

    // The report's Content-Type and Cache-Control are what the objects have.
    for (const f of first.report.files.filter((x) => x.action === 'upload')) {
      const h = await headersOf(b, f.key as string);
      expect([f.key, f.contentType, f.cacheControl]).toEqual([f.key, h.contentType, h.cacheControl]);
    }
  });

  it('sends x-amz-website-redirect-location on the PUT (fauxqs does not store it, so the request is checked)', () => {
    const puts = sitePuts(site.bucket);
    expect(puts.size).toBe(Object.keys(files).length);
    expect(puts.get('old/page.html')!.headers['x-amz-website-redirect-location']).toBe('/new/page.html');
    for (const [k, c] of puts) if (k !== 'old/page.html') expect([k, c.headers['x-amz-website-redirect-location']]).toEqual([k, undefined]);
  });

  it('a changed rule re-uploads exactly the objects it changes (no HEAD), and a Content-Language change invalidates nothing', async () => {
    const r = await deploy(site, { headers: rules.replace('de/**: Content-Language: de', 'de/**: Content-Language: de-DE') });
    expect(uploads(r)).toEqual([
      ['de/faq.html', 'headers-changed'],
      ['de/index.html', 'headers-changed'],
    ]);
    expect([...sitePuts(site.bucket).keys()].sort()).toEqual(['de/faq.html', 'de/index.html']);
    expect(siteHeads(site.bucket)).toEqual({});
    expect((await headersOf(site.bucket, 'de/index.html')).contentLanguage).toBe('de-DE');
    expect(sentPaths(site.dist)).toEqual([]);
  });

  it('a changed metadata rule re-uploads only its objects; dropping the redirect rule re-uploads that page and invalidates it', async () => {
    const changed = rules
      .replace('downloads/**: x-amz-meta-tier: public', 'downloads/**: x-amz-meta-tier: internal')
      .replace('de/**: Content-Language: de', 'de/**: Content-Language: de-DE')
      .replace('old/page.html: x-amz-website-redirect-location: /new/page.html\n', '');
    const r = await deploy(site, { headers: changed });
    expect(uploads(r)).toEqual([
      ['downloads/manual.pdf', 'headers-changed'],
      ['downloads/special.pdf', 'headers-changed'],
      ['old/page.html', 'headers-changed'],
    ]);
    expect((await headersOf(site.bucket, 'downloads/special.pdf')).metadata).toEqual({ owner: 'legal', tier: 'internal' });
    expect(sitePuts(site.bucket).get('old/page.html')!.headers['x-amz-website-redirect-location']).toBeUndefined();
    // Metadata changes are not invalidated; the redirect location changes how the URL is answered.
    expect(sentPaths(site.dist)).toEqual([['/old/page.html']]);
  });

  it('the same rules again: no PUT, no HEAD, no invalidation', async () => {
    const changed = rules
      .replace('downloads/**: x-amz-meta-tier: public', 'downloads/**: x-amz-meta-tier: internal')
      .replace('de/**: Content-Language: de', 'de/**: Content-Language: de-DE')
      .replace('old/page.html: x-amz-website-redirect-location: /new/page.html\n', '');
    const r = await deploy(site, { headers: changed });
    expect(uploads(r)).toEqual([]);
    expect((await s3.stats()).PutObject ?? 0).toBe(0);
    expect(siteHeads(site.bucket)).toEqual({});
    expect(sentPaths(site.dist)).toEqual([]);
  });
});

describe('2. storage-class and sse on every upload', () => {
  it('PutObject and CreateMultipartUpload carry the storage class and SSE-KMS key; (multipart included)', async () => {
    const big = Buffer.alloc(6 * MiB, 7);
    const site = await fresh({ 'index.html': 'home', 'a/b.css': 'b{}', 'img/x.png': 'png' });
    fs.writeFileSync(path.join(site.dir, 'video.bin'), big);
    await deploy(
      site,
      { 'storage-class': 'standard_ia', sse: 'aws:kms', 'sse-kms-key-id': 'alias/site-key' },
      { multipartThreshold: 5 * MiB, partSize: 5 * MiB },
    );
    const puts = sitePuts(site.bucket);
    expect([...puts.keys()].sort()).toEqual(['a/b.css', 'img/x.png', 'index.html']);
    for (const [k, c] of puts) {
      expect([
        k,
        c.headers['x-amz-storage-class'],
        c.headers['x-amz-server-side-encryption'],
        c.headers['x-amz-server-side-encryption-aws-kms-key-id'],
      ]).toEqual([k, 'STANDARD_IA', 'aws:kms', 'alias/site-key']);
    }
    const creates = proxy.calls.filter(
      (c) => c.method === 'POST' && /[?&]uploads(=|&|$)/.test(c.url) && keyOf(c, site.bucket) === 'video.bin',
    );
    expect(creates).toHaveLength(1);
    expect(creates[0]!.headers['x-amz-storage-class']).toBe('STANDARD_IA');
    expect(creates[0]!.headers['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(creates[0]!.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBe('alias/site-key');
    // Buffer.equals: jest's deep equality walks 6 MiB byte by byte (over a minute).
    expect((await bodyOf(site.bucket, 'video.bin')).equals(big)).toBe(true);
  });

  it('sse AES256 without a storage class sends exactly that (no storage class, no KMS key)', async () => {
    const site = await fresh({ 'index.html': 'home', 'x.js': 'x()' });
    await deploy(site, { sse: 'AES256' });
    const puts = sitePuts(site.bucket);
    expect(puts.size).toBe(2);
    for (const [k, c] of puts) {
      expect([
        k,
        c.headers['x-amz-server-side-encryption'],
        c.headers['x-amz-storage-class'],
        c.headers['x-amz-server-side-encryption-aws-kms-key-id'],
      ]).toEqual([k, 'AES256', undefined, undefined]);
    }
  });
});

describe('3. gzip', () => {
  const files = {
    'index.html': '<html>' + 'hello world '.repeat(200) + '</html>',
    'app.js': 'console.log("x");'.repeat(100),
    'styles.css': 'body{color:red}'.repeat(50),
    'img/logo.png': 'png-bytes-not-gzipped',
  };
  let site: Site;

  it('stores the matched files gzip-compressed with Content-Encoding: gzip; others untouched', async () => {
    site = await fresh(files);
    await deploy(site, { gzip: '**/*.{html,js,css}' });
    for (const f of ['index.html', 'app.js', 'styles.css'] as const) {
      const stored = await bodyOf(site.bucket, f);
      expect(stored.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      expect(gunzipSync(stored).toString('utf8')).toBe(files[f]);
      const h = await headersOf(site.bucket, f);
      expect([f, h.contentEncoding]).toEqual([f, 'gzip']);
    }
    expect((await headersOf(site.bucket, 'index.html')).contentType).toBe('text/html; charset=utf-8');
    expect((await bodyOf(site.bucket, 'img/logo.png')).toString()).toBe(files['img/logo.png']);
    expect((await headersOf(site.bucket, 'img/logo.png')).contentEncoding).toBeUndefined();
  });

  it('a second identical deploy makes zero uploads (deterministic compression, compared on compressed bytes)', async () => {
    const now = new Date(Date.now() + 60_000);
    for (const f of Object.keys(files)) fs.utimesSync(path.join(site.dir, f), now, now);
    const r = await deploy(site, { gzip: '**/*.{html,js,css}' });
    expect((await s3.stats()).PutObject ?? 0).toBe(0);
    expect(siteHeads(site.bucket)).toEqual({});
    expect(r.outputs['uploaded']).toBe('0');
    expect(sentPaths(site.dist)).toEqual([]);
  });

  it('a changed gzip file is uploaded and invalidated; turning gzip off re-uploads plain bytes and invalidates them', async () => {
    writeTree(site.dir, { 'styles.css': 'body{color:blue}'.repeat(50) });
    let r = await deploy(site, { gzip: '**/*.{html,js,css}' });
    expect(uploads(r)).toEqual([['styles.css', 'size-changed']]);
    expect(gunzipSync(await bodyOf(site.bucket, 'styles.css')).toString()).toBe('body{color:blue}'.repeat(50));
    expect(sentPaths(site.dist)).toEqual([['/styles.css']]);

    r = await deploy(site, { gzip: '**/*.js' });
    expect(uploads(r).map(([p]) => p)).toEqual(['index.html', 'styles.css']);
    expect((await bodyOf(site.bucket, 'index.html')).toString()).toBe(files['index.html']);
    expect((await headersOf(site.bucket, 'index.html')).contentEncoding).toBeUndefined();
    expect(sentPaths(site.dist)).toEqual([['/', '/index.html', '/styles.css']]);
  });
});

describe('3b. gzip with strip-index-html', () => {
  it('the docs/ copy of a gzipped index page is gzipped too, and an identical deploy uploads nothing', async () => {
    const site = await fresh({ 'index.html': 'home', 'docs/index.html': '<h1>docs</h1>' });
    await deploy(site, { gzip: '**/*.html', 'strip-index-html': 'true' });
    expect(gunzipSync(await bodyOf(site.bucket, 'docs/')).toString()).toBe('<h1>docs</h1>');
    expect((await headersOf(site.bucket, 'docs/')).contentEncoding).toBe('gzip');
    const r = await deploy(site, { gzip: '**/*.html', 'strip-index-html': 'true' });
    expect(uploads(r)).toEqual([]);
    expect((await s3.stats()).PutObject ?? 0).toBe(0);
  });
});

describe('4. adopting a bucket another tool wrote', () => {
  const files = {
    'index.html': '<h1>home</h1>',
    'about/index.html': '<h1>about</h1>',
    'assets/app-Bq3x7KeL.js': 'console.log(1)',
    'assets/style-C4mN8pQz.css': 'body{}',
    'img/logo.png': 'png',
    'robots.txt': 'User-agent: *',
  };
  // What `aws s3 sync` stores: a guessed Content-Type (no charset), no Cache-Control, a plain MD5 ETag.
  const guessed: Record<string, string> = {
    'index.html': 'text/html',
    'about/index.html': 'text/html',
    'assets/app-Bq3x7KeL.js': 'text/javascript',
    'assets/style-C4mN8pQz.css': 'text/css',
    'img/logo.png': 'image/png',
  };
  let site: Site;
  let first: RunResult;

  beforeAll(async () => {
    site = await fresh(files);
    for (const [key, body] of Object.entries(files)) {
      await client().send(
        new PutObjectCommand({
          Bucket: site.bucket,
          Key: key,
          Body: body,
          // robots.txt was written with exactly the headers the action would give it.
          ...(key === 'robots.txt' ? { ContentType: 'text/plain; charset=utf-8', CacheControl: MUTABLE } : { ContentType: guessed[key] }),
        }),
      );
    }
    first = await deploy(site, { 'delete-removed': 'true' });
  }, 60_000);

  it('HEADs each matching object once and re-uploads those whose headers differ (headers-changed)', () => {
    expect(siteHeads(site.bucket)).toEqual(Object.fromEntries(Object.keys(files).map((k) => [k, 1])));
    expect(uploads(first)).toEqual(
      Object.keys(files)
        .filter((k) => k !== 'robots.txt')
        .sort()
        .map((k) => [k, 'headers-changed']),
    );
    expect(first.report.files.find((f) => f.path === 'robots.txt')).toMatchObject({ action: 'unchanged' });
  });

  it('HTML gets the mutable Cache-Control, fingerprinted assets immutable, and the report claims only headers the objects have', async () => {
    for (const k of ['index.html', 'about/index.html', 'img/logo.png', 'robots.txt']) {
      expect([k, (await headersOf(site.bucket, k)).cacheControl]).toEqual([k, MUTABLE]);
    }
    for (const k of ['assets/app-Bq3x7KeL.js', 'assets/style-C4mN8pQz.css']) {
      expect([k, (await headersOf(site.bucket, k)).cacheControl]).toEqual([k, IMMUTABLE]);
    }
    expect((await headersOf(site.bucket, 'index.html')).contentType).toBe('text/html; charset=utf-8');
    for (const f of first.report.files.filter((x) => x.action === 'upload' || x.action === 'unchanged')) {
      const h = await headersOf(site.bucket, f.key as string);
      expect([f.key, f.contentType, f.cacheControl]).toEqual([f.key, h.contentType, h.cacheControl]);
    }
  });

  it('sends no invalidation: Cache-Control and charset-only changes do not change how the bytes are read', () => {
    expect(sentPaths(site.dist)).toEqual([]);
    expect(first.outputs['invalidation-id']).toBe('');
  });

  it('a second deploy makes no HEAD and no PUT (the adopted headers are recorded)', async () => {
    const r = await deploy(site, { 'delete-removed': 'true' });
    expect(siteHeads(site.bucket)).toEqual({});
    expect((await s3.stats()).PutObject ?? 0).toBe(0);
    expect((await s3.stats()).HeadObject ?? 0).toBe(0);
    expect(uploads(r)).toEqual([]);
    expect(sentPaths(site.dist)).toEqual([]);
  });

  // BUG (report): an adopted object whose headers equal the rules only after normalisation (media type compared
  // case- and space-insensitively: `text/html;charset=UTF-8` == `text/html; charset=utf-8`) is rightly left
  // unchanged, but the report (src/report/report.ts fileReports) prints the rules' decision as its contentType, a value the
  // object does not have. The report should show the stored value for an unchanged object whose headers were read
  // with HEAD (or say it is equivalent).
  it('the report of an unchanged adopted object shows the Content-Type it has, not an equivalent spelling', async () => {
    const other = await fresh({ 'legacy.html': '<p>legacy</p>' });
    await client().send(
      new PutObjectCommand({
        Bucket: other.bucket,
        Key: 'legacy.html',
        Body: '<p>legacy</p>',
        ContentType: 'text/html;charset=UTF-8',
        CacheControl: MUTABLE,
      }),
    );
    const r = await deploy(other);
    const f = r.report.files.find((x) => x.path === 'legacy.html')!;
    const h = await headersOf(other.bucket, 'legacy.html');
    expect([f.action, f.contentType, f.cacheControl]).toEqual(['unchanged', h.contentType, h.cacheControl]);
  });

  it('an adopted object with another media type is re-uploaded and invalidated', async () => {
    const other = await fresh({ 'data.json': '{"a":1}', 'page.html': '<p>x</p>' });
    await client().send(
      new PutObjectCommand({ Bucket: other.bucket, Key: 'data.json', Body: '{"a":1}', ContentType: 'binary/octet-stream' }),
    );
    await client().send(new PutObjectCommand({ Bucket: other.bucket, Key: 'page.html', Body: '<p>x</p>', ContentType: 'text/html' }));
    const r = await deploy(other);
    expect(uploads(r)).toEqual([
      ['data.json', 'headers-changed'],
      ['page.html', 'headers-changed'],
    ]);
    expect((await headersOf(other.bucket, 'data.json')).contentType).toBe('application/json; charset=utf-8');
    expect(sentPaths(other.dist)).toEqual([['/data.json']]);
  });
});

describe('5. headers-only changes on objects the action wrote', () => {
  it('a Content-Type (other media type) or Content-Disposition change is invalidated; charset, Cache-Control, Content-Language are not', async () => {
    const site = await fresh({
      'index.html': 'home',
      'feed.xml': '<rss/>',
      'notes.txt': 'notes',
      'page.html': '<p>page</p>',
      'guide.pdf': '%PDF',
      'fr.html': '<p>bonjour</p>',
      'untouched.css': 'a{}',
    });
    await deploy(site);
    const r = await deploy(site, {
      headers: [
        'feed.xml: Content-Type: application/rss+xml; charset=utf-8',
        'notes.txt: Content-Type: text/plain; charset=iso-8859-1',
        'guide.pdf: Content-Disposition: attachment',
        'fr.html: Content-Language: fr',
      ].join('\n'),
      'cache-control': 'page.html: public, max-age=60',
    });
    expect(uploads(r)).toEqual([
      ['feed.xml', 'headers-changed'],
      ['fr.html', 'headers-changed'],
      ['guide.pdf', 'headers-changed'],
      ['notes.txt', 'headers-changed'],
      ['page.html', 'headers-changed'],
    ]);
    expect(siteHeads(site.bucket)).toEqual({});
    expect((await headersOf(site.bucket, 'feed.xml')).contentType).toBe('application/rss+xml; charset=utf-8');
    expect((await headersOf(site.bucket, 'notes.txt')).contentType).toBe('text/plain; charset=iso-8859-1');
    expect((await headersOf(site.bucket, 'page.html')).cacheControl).toBe('public, max-age=60');
    expect(sentPaths(site.dist)).toEqual([['/feed.xml', '/guide.pdf']]);
  });
});

describe('6. url-style, index-document, strip-index-html', () => {
  it('url-style clean: about.html -> /about.html and /about; docs/index.html -> /docs/index.html, /docs/, /docs', async () => {
    const site = await fresh({
      'index.html': 'home',
      'about.html': 'about v1',
      'docs/index.html': 'docs v1',
      'docs/intro.html': 'intro',
      'contact.html': 'contact',
    });
    await deploy(site, { 'url-style': 'clean' });
    writeTree(site.dir, { 'about.html': 'about v2', 'docs/index.html': 'docs v2' });
    await deploy(site, { 'url-style': 'clean' });
    expect(sentPaths(site.dist)).toEqual([['/about', '/about.html', '/docs', '/docs/', '/docs/index.html']]);
  });

  it('url-style clean: removed pages (delete-removed) invalidate their clean forms too', async () => {
    const site = await fresh({ 'index.html': 'home', 'about.html': 'a', 'x.html': 'x', 'docs/index.html': 'd', 'docs/a.html': 'a' });
    await deploy(site, { 'url-style': 'clean', 'delete-removed': 'true' });
    writeTree(site.dir, { 'about.html': null, 'docs/index.html': null });
    await deploy(site, { 'url-style': 'clean', 'delete-removed': 'true' });
    expect(sentPaths(site.dist)).toEqual([['/about', '/about.html', '/docs', '/docs/', '/docs/index.html']]);
  });

  it('url-style directory (default) sends no slashless forms', async () => {
    const site = await fresh({ 'index.html': 'home', 'about.html': 'about v1', 'docs/index.html': 'docs v1', 'docs/intro.html': 'i' });
    await deploy(site);
    writeTree(site.dir, { 'about.html': 'about v2', 'docs/index.html': 'docs v2' });
    await deploy(site);
    expect(sentPaths(site.dist)).toEqual([['/about.html', '/docs/', '/docs/index.html']]);
  });

  it('index-document default.htm: a changed docs/default.htm invalidates its directory forms; index.html is an ordinary page', async () => {
    const site = await fresh({ 'default.htm': 'root', 'docs/default.htm': 'd v1', 'docs/index.html': 'i v1', 'docs/other.htm': 'o' });
    const inputs = { 'index-document': 'default.htm', 'url-style': 'clean' };
    await deploy(site, inputs);
    writeTree(site.dir, { 'docs/default.htm': 'd v2', 'docs/index.html': 'i v2' });
    await deploy(site, inputs);
    // /docs/index is the clean form of the ordinary page docs/index.html; docs/default.htm is the index document.
    expect(sentPaths(site.dist)).toEqual([['/docs', '/docs/', '/docs/default.htm', '/docs/index', '/docs/index.html']]);
  });

  describe('strip-index-html', () => {
    let site: Site;
    const inputs = { 'strip-index-html': 'true', 'delete-removed': 'true' };

    it('stores docs/index.html again under docs/ with the same bytes and headers; the root index.html gets no extra key', async () => {
      site = await fresh({
        'index.html': 'home',
        'docs/index.html': '<h1>docs v1</h1>',
        'docs/a.html': 'a',
        'docs/deep/index.html': 'deep',
      });
      await deploy(site, { ...inputs, headers: 'docs/**: x-amz-meta-section: docs' });
      const keys = (await listKeys(client(), site.bucket)).filter((k) => !k.startsWith('.s3cfd-'));
      expect(keys).toEqual(['docs/', 'docs/a.html', 'docs/deep/', 'docs/deep/index.html', 'docs/index.html', 'index.html']);
      expect((await bodyOf(site.bucket, 'docs/')).toString()).toBe('<h1>docs v1</h1>');
      const a = await head(client(), site.bucket, 'docs/');
      const b = await head(client(), site.bucket, 'docs/index.html');
      expect({ ct: a.ContentType, cc: a.CacheControl, m: a.Metadata, etag: a.ETag }).toEqual({
        ct: b.ContentType,
        cc: b.CacheControl,
        m: b.Metadata,
        etag: b.ETag,
      });
      expect(a.ContentType).toBe('text/html; charset=utf-8');
      expect(a.Metadata?.['section']).toBe('docs');
    });

    it('a changed page updates both keys and invalidates /docs/index.html and /docs/', async () => {
      writeTree(site.dir, { 'docs/index.html': '<h1>docs v2</h1>' });
      const r = await deploy(site, { ...inputs, headers: 'docs/**: x-amz-meta-section: docs' });
      expect([...sitePuts(site.bucket).keys()].sort()).toEqual(['docs/', 'docs/index.html']);
      expect(uploads(r).map(([p]) => p)).toEqual(['docs/', 'docs/index.html']);
      expect((await bodyOf(site.bucket, 'docs/')).toString()).toBe('<h1>docs v2</h1>');
      expect(sentPaths(site.dist)).toEqual([['/docs/', '/docs/index.html']]);
    });

    it('a removed page deletes both keys (delete-removed) and invalidates them', async () => {
      writeTree(site.dir, { 'docs/index.html': null });
      const r = await deploy(site, { ...inputs, headers: 'docs/**: x-amz-meta-section: docs' });
      const keys = (await listKeys(client(), site.bucket)).filter((k) => !k.startsWith('.s3cfd-'));
      expect(keys).toEqual(['docs/a.html', 'docs/deep/', 'docs/deep/index.html', 'index.html']);
      expect(r.outputs['deleted']).toBe('2');
      expect(sentPaths(site.dist)).toEqual([['/docs/', '/docs/index.html']]);
    });

    // BUG: with an `include` that does not match the key `docs/` (e.g. `**/*.html`), removing docs/index.html
    // deletes docs/index.html but leaves its strip-index-html copy `docs/`: the delete guard
    // (makeDeleteGuard(makeFileFilter(include, exclude), protect) in src/plan/files.ts) runs the include filter on
    // the key itself, finds `docs/` "excluded", and so protects it. /docs/ is invalidated, and the edge then
    // refetches the removed page from the stale copy. The guard should judge a `d/` key by its source `d/index.html`
    // when strip-index-html is on.
    it('with include: **/*.html, a removed page still deletes its docs/ copy', async () => {
      const other = await fresh({ 'index.html': 'home', 'docs/index.html': 'd', 'docs/a.html': 'a' });
      const opts = { include: '**/*.html', 'strip-index-html': 'true', 'delete-removed': 'true' };
      await deploy(other, opts);
      const siteKeys = async () => (await listKeys(client(), other.bucket)).filter((k) => !k.startsWith('.s3cfd-'));
      expect(await siteKeys()).toEqual(['docs/', 'docs/a.html', 'docs/index.html', 'index.html']);
      writeTree(other.dir, { 'docs/index.html': null });
      await deploy(other, opts);
      expect(sentPaths(other.dist)).toEqual([['/docs/', '/docs/index.html']]);
      expect(await siteKeys()).toEqual(['docs/a.html', 'index.html']);
    });
  });
});

describe('7. a key with ~', () => {
  it('a changed mutable static/js/runtime~main.abc123.js is covered by a wildcard cut before the ~', async () => {
    const site = await fresh({
      'index.html': 'home',
      'static/js/runtime~main.abc123.js': 'runtime v1',
      'static/js/main.js': 'main',
      'static/js/vendor.js': 'vendor',
    });
    await deploy(site);
    writeTree(site.dir, { 'static/js/runtime~main.abc123.js': 'runtime v2' });
    const r = await deploy(site);
    expect(uploads(r)).toEqual([['static/js/runtime~main.abc123.js', 'content-changed']]);
    expect(r.report.files.find((f) => f.path === 'static/js/runtime~main.abc123.js')).toMatchObject({
      fingerprinted: false,
      cacheControl: MUTABLE,
    });
    const sent = sentPaths(site.dist);
    expect(sent).toEqual([['/static/js/runtime*']]);
    // The wildcard covers the key's URL, and the stand-in (strict encoding) accepted it.
    expect('/static/js/runtime~main.abc123.js'.startsWith(sent[0]![0]!.slice(0, -1))).toBe(true);
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation').map((c) => c.status)).toEqual([201]);
  });
});
