// Cache tags end to end: the action against the local S3 server (fauxqs) and the CloudFront stand-in, with the caching
// proxy in front of the bucket honouring tags from the origin's response (CacheTagConfig x-amz-meta-cache-tag). After a
// deploy with tags no stale variant survives (clean-URL forms, index forms, ?v=2 variants, a ~ key) and nothing
// fingerprinted is evicted; without CacheTagConfig the requests are today's; a tenant's invalidations go through the
// tenant calls.
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { startCachingProxy, type CachingProxy } from '../testing/caching-proxy.mjs';
import { getText, head, runAction, s3Client, tmpDir, writeTree } from './support/harness.js';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import fs from 'node:fs';
import path from 'node:path';
import { createS3Store } from '../src/io/s3/store.js';

const TAGGED = 'ETAGGED12345';
const PLAIN = 'EPLAIN123456';
const MULTI = 'EMULTI123456';
const TENANT = 'dt_2abcTenant';
const HEADER = 'x-amz-meta-cache-tag';
let s3: S3StandIn;
let cf: CloudFrontStandIn;
const proxies: CachingProxy[] = [];

beforeAll(async () => {
  [s3, cf] = await Promise.all([
    startS3({ buckets: ['tags-on', 'tags-off', 'tags-on-2', 'tags-off-2', 'tags-plain', 'tags-tenant', 'tags-adopt', 'tags-adopt-big'] }),
    startCloudFront({ completeAfterPolls: 1, cacheTagHeaders: { [TAGGED]: HEADER, [MULTI]: HEADER }, tenants: { [TENANT]: MULTI } }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([s3?.stop(), cf?.stop(), ...proxies.map((p) => p.stop())]);
});

const v1 = {
  'index.html': 'home v1',
  'about.html': 'about v1',
  'docs/index.html': 'docs v1',
  'docs/guide.html': 'guide v1',
  '~user/page.html': 'user v1',
  'style.css': 'css v1',
  'assets/app-1a2b3c4d.js': 'js v1',
};
const v2 = { 'about.html': 'about v2', 'docs/index.html': 'docs v2', '~user/page.html': 'user v2', 'style.css': 'css v2' };

// What visitors load: every URL form and a query variant of each changed page, and unchanged ones.
const CHANGED_URLS = [
  '/about',
  '/about.html',
  '/about?v=2',
  '/about.html?v=2',
  '/docs/',
  '/docs',
  '/docs/index.html',
  '/docs/?v=2',
  '/~user/page.html',
  '/~user/page.html?v=2',
  '/style.css',
  '/style.css?v=2',
];
const UNCHANGED_URLS = ['/', '/index.html', '/docs/guide', '/docs/guide.html', '/assets/app-1a2b3c4d.js', '/assets/app-1a2b3c4d.js?v=2'];

async function scenario(bucket: string, dist: string, extra: Record<string, string> = {}, tilde = true) {
  const keep = (u: string) => tilde || !u.includes('~');
  const changedUrls = CHANGED_URLS.filter(keep);
  const proxy = await startCachingProxy({
    origin: `${s3.endpoint}/${bucket}`,
    invalidations: () => cf.invalidations(dist),
    onlyCompleted: true,
    queryStrings: true,
    cleanUrls: true,
    tagHeader: HEADER,
  });
  proxies.push(proxy);
  const site = tmpDir('tags');
  writeTree(site, Object.fromEntries(Object.entries(v1).filter(([k]) => keep(k))));
  const env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint };
  const inputs = {
    'source-dir': site,
    bucket,
    'distribution-id': dist,
    'url-style': 'clean',
    'query-strings': 'true',
    wait: 'true',
    ...extra,
  };
  const r1 = await runAction(inputs, env);
  expect(r1.failed).toBe(false);
  for (const u of [...changedUrls, ...UNCHANGED_URLS]) {
    const res = await fetch(proxy.endpoint + u);
    expect([u, res.status]).toEqual([u, 200]);
  }
  const cachedBefore = proxy.cachedPaths();
  writeTree(site, Object.fromEntries(Object.entries(v2).filter(([k]) => keep(k))));
  const before = cf.calls.length;
  const r2 = await runAction(inputs, env);
  expect(r2.failed).toBe(false);
  const calls = cf.calls.slice(before);
  const sent = calls.filter((c) => c.operation.startsWith('CreateInvalidation')).flatMap((c) => c.paths ?? []);
  return { proxy, r2, calls, sent, cachedBefore };
}

/** What each URL serves now, from the cache or the origin. */
async function served(proxy: CachingProxy, urls: string[]) {
  const out: Record<string, { body: string; cache: string }> = {};
  for (const u of urls) {
    const res = await fetch(proxy.endpoint + u);
    out[u] = { body: await res.text(), cache: res.headers.get('x-cache') ?? '' };
  }
  return out;
}

describe('cache tags through a caching CDN', () => {
  it('no stale variant survives and nothing unchanged is evicted (paths alone would send /* for the ~ key)', async () => {
    const on = await scenario('tags-on', TAGGED);
    expect(on.sent.every((p) => p.startsWith('#'))).toBe(true);
    expect(on.proxy.tagsOf('/about?v=2')).toContain('o:about.html');
    // Every stale variant is gone: the CDN serves v2 for every form and query of every changed page.
    const now = await served(on.proxy, CHANGED_URLS);
    for (const u of CHANGED_URLS) expect([u, now[u]!.body]).toEqual([u, expect.stringContaining('v2')]);
    // Nothing unchanged was evicted: the fingerprinted asset and the unchanged pages are still hits.
    const kept = await served(on.proxy, UNCHANGED_URLS);
    for (const u of UNCHANGED_URLS) expect([u, kept[u]!.cache]).toEqual([u, 'Hit']);

    // Paths alone cannot name the ~ key: the whole site goes, fingerprinted assets with it.
    const off = await scenario('tags-off', TAGGED, { 'cache-tags': 'off' });
    expect(off.sent).toEqual(['/*']);
    expect((await served(off.proxy, ['/assets/app-1a2b3c4d.js']))['/assets/app-1a2b3c4d.js']!.cache).toBe('Miss');
    // The report splits the items into paths, wildcards and tags.
    const inv = (on.r2.report.invalidations as { items?: { tags: unknown[]; paths: unknown[]; wildcards: unknown[] } }[])[0]!;
    expect(inv.items!.tags.length).toBe(on.sent.length);
    expect(on.r2.summary).toContain(`Billed items sent to ${TAGGED}: 0 path(s), 0 wildcard(s), 4 cache tag(s).`);
    expect(on.r2.summary).toContain('| `#o:about.html` | 1 (`about.html`) | 0 |');
  });

  it('on a clean-URL site, fewer items are billed with tags than with paths only, and none is stale', async () => {
    const on = await scenario('tags-on-2', TAGGED, {}, false);
    const off = await scenario('tags-off-2', TAGGED, { 'cache-tags': 'off' }, false);
    expect(on.sent.length).toBeLessThan(off.sent.length);
    const urls = CHANGED_URLS.filter((u) => !u.includes('~'));
    for (const s of [on, off]) {
      const now = await served(s.proxy, urls);
      for (const u of urls) expect([u, now[u]!.body]).toEqual([u, expect.stringContaining('v2')]);
    }
  });

  it('adopting tags on a bucket deployed before: CopyObject onto itself (S3 keeps the bytes), nothing invalidated', async () => {
    const site = tmpDir('adopt');
    writeTree(site, { 'index.html': 'home', 'about.html': 'about', 'assets/app-1a2b3c4d.js': 'js' });
    const env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint };
    const inputs = { 'source-dir': site, bucket: 'tags-adopt', 'distribution-id': TAGGED, wait: 'true' };
    expect((await runAction({ ...inputs, 'cache-tags': 'off' }, env)).failed).toBe(false);
    const client = s3Client(s3.endpoint);
    const before = await head(client, 'tags-adopt', 'about.html');
    expect(before.Metadata?.['cache-tag']).toBeUndefined();
    const created = cf.invalidations(TAGGED).length;
    const r = await runAction(inputs, env);
    expect(r.failed).toBe(false);
    const after = await head(client, 'tags-adopt', 'about.html');
    expect(after.Metadata?.['cache-tag']).toBe('o:about.html,g:mutable,g:html');
    expect(after.Metadata?.['s3cfd-md5']).toBe(before.Metadata?.['s3cfd-md5']);
    expect(after.ContentType).toBe(before.ContentType);
    expect(after.CacheControl).toBe(before.CacheControl);
    expect(await getText(client, 'tags-adopt', 'about.html')).toBe('about');
    expect(cf.invalidations(TAGGED).length).toBe(created);
    const files = r.report.files as { key: string; reason: string }[];
    expect(files.find((f) => f.key === 'about.html')!.reason).toBe('headers-changed');
    expect((r.report.totals as { uploadedBytes: number }).uploadedBytes).toBe(0);
    expect(r.log).toMatch(/metadata rewritten.*3|3 .*metadata/i);
    client.destroy();
  });

  it('adopting tags on an object above the single-copy limit copies it onto itself in parts (UploadPartCopy), bytes kept', async () => {
    // S3 (and fauxqs) copy ranges only of sources above 5 MiB: a 6 MiB object, and a copy limit lowered to 1 MiB.
    const MiB = 1024 * 1024;
    const site = tmpDir('adopt-big');
    writeTree(site, { 'index.html': 'home' });
    const bytes = Buffer.alloc(6 * MiB, 'video bytes ');
    fs.writeFileSync(path.join(site, 'movie.mp4'), bytes);
    const env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint };
    const inputs = { 'source-dir': site, bucket: 'tags-adopt-big', 'distribution-id': TAGGED };
    const store = (c: { bucket: string; region: string }, sizes: { multipartThreshold: number; partSize: number }) =>
      createS3Store(c.bucket, { region: c.region, concurrency: 4, ...sizes, env, copyPartThreshold: MiB, copyPartSize: 5 * MiB });
    expect((await runAction({ ...inputs, 'cache-tags': 'off' }, env, { store })).failed).toBe(false);
    await s3.resetStats();
    const r = await runAction(inputs, env, { store });
    expect([r.failed, r.log.includes('::error::') ? r.log : '']).toEqual([false, '']);
    const stats = await s3.stats();
    expect(stats.UploadPartCopy ?? 0).toBeGreaterThanOrEqual(2);
    expect(stats.UploadPart ?? 0).toBe(0);
    const client = s3Client(s3.endpoint);
    const after = await head(client, 'tags-adopt-big', 'movie.mp4');
    expect(after.Metadata?.['cache-tag']).toBe('o:movie.mp4,g:mutable');
    expect(after.ContentLength).toBe(bytes.length);
    expect((await getText(client, 'tags-adopt-big', 'movie.mp4')) === bytes.toString()).toBe(true);
    client.destroy();
  });

  it("without CacheTagConfig: today's requests, paths only, and a log line saying why", async () => {
    const plain = await scenario('tags-plain', PLAIN);
    const ops = (calls: typeof plain.calls) => calls.map((c) => c.operation);
    expect(plain.sent.some((p) => p.startsWith('#'))).toBe(false);
    expect(ops(plain.calls)).toEqual(['GetDistributionConfig', 'ListInvalidations', 'CreateInvalidation', 'GetInvalidation']);
    expect(plain.r2.log).toContain(`${PLAIN}: no CacheTagConfig: invalidating by paths`);
  });

  it('distribution-tenant-id: the invalidation and the wait go through the tenant calls', async () => {
    const t = await scenario('tags-tenant', MULTI, { 'distribution-tenant-id': TENANT });
    const ops = t.calls.map((c) => c.operation);
    expect(ops).toContain('CreateInvalidationForDistributionTenant');
    expect(ops).toContain('GetInvalidationForDistributionTenant');
    expect(ops).not.toContain('CreateInvalidation');
    expect(cf.invalidations(MULTI).at(-1)!.tenantId).toBe(TENANT);
    const now = await served(t.proxy, CHANGED_URLS);
    for (const u of CHANGED_URLS) expect([u, now[u]!.body]).toEqual([u, expect.stringContaining('v2')]);
  });
});

describe('the CloudFront stand-in takes tag items as CloudFront does', () => {
  let standIn: CloudFrontStandIn;
  let client: CloudFrontClient;
  beforeAll(async () => {
    standIn = await startCloudFront({ maxInProgressPaths: 3, maxInProgressWildcards: 1, completeAfterPolls: null });
    client = new CloudFrontClient({
      endpoint: standIn.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    client?.destroy();
    await standIn?.stop();
  });
  let ref = 0;
  const send = (items: string[]) =>
    client.send(
      new CreateInvalidationCommand({
        DistributionId: 'ESTANDIN1234',
        InvalidationBatch: { CallerReference: `r${++ref}`, Paths: { Quantity: items.length, Items: items } },
      }),
    );

  it.each([
    ['#', /name a tag/],
    ['#a,b', /comma/],
    ['#a b', /ASCII 33-126/],
    ['#café', /ASCII 33-126/],
    ['#page*', /wildcards are not supported/],
    ['#' + 'x'.repeat(257), /longer than 256/],
  ])('rejects %j with InvalidArgument', async (item, message) => {
    await expect(send([item])).rejects.toMatchObject({ name: 'InvalidArgument', message: expect.stringMatching(message) });
  });

  it('takes paths and tags in one batch; tag items count against the in-progress file paths, not the wildcards', async () => {
    standIn.reset();
    await expect(send(['/a.html', '#o:a.html', '/img/*'])).resolves.toBeDefined();
    // 2 file paths in flight (a path and a tag) of 3: two more tags do not fit, one does; the wildcard room is full.
    await expect(send(['#t1', '#t2'])).rejects.toMatchObject({ name: 'TooManyInvalidationsInProgress' });
    await expect(send(['#T1'])).resolves.toBeDefined();
    expect(standIn.invalidations().map((i) => i.paths)).toEqual([['/a.html', '#o:a.html', '/img/*'], ['#T1']]);
  });
});
