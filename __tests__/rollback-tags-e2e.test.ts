// Rollback and cache tags together, through the caching proxy that honours tags from the origin's response: a site
// deployed first without tags, then with them, rolled back to the untagged version (whose copies the CDN then caches
// without tags), then deployed again. No cached variant of any changed page may survive any step: an object the CDN
// holds without tags must be invalidated by paths, whatever the ledger knew of the version before the rollback.
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { startCachingProxy, type CachingProxy } from '../testing/caching-proxy.mjs';
import { runAction, tmpDir, writeTree } from './support/harness.js';

const DIST = 'EROLLTAGS123';
const HEADER = 'x-amz-meta-cache-tag';
const BUCKET = 'rollback-tags';
let s3: S3StandIn;
let cf: CloudFrontStandIn;
let proxy: CachingProxy;

beforeAll(async () => {
  [s3, cf] = await Promise.all([
    startS3({ buckets: [BUCKET] }),
    startCloudFront({ completeAfterPolls: 1, cacheTagHeaders: { [DIST]: HEADER } }),
  ]);
  proxy = await startCachingProxy({
    origin: `${s3.endpoint}/${BUCKET}`,
    invalidations: () => cf.invalidations(DIST),
    onlyCompleted: true,
    queryStrings: true,
    cleanUrls: true,
    tagHeader: HEADER,
  });
}, 60_000);
afterAll(async () => {
  await Promise.all([s3?.stop(), cf?.stop(), proxy?.stop()]);
});

// `about-team.html` and `docs/guide.html` stay as they are in v3 and are cached: a wildcard over a changed page would
// evict them, so the cheapest exact cover of a changed page is its one tag, when the ledger says the CDN has it tagged.
const PAGES = ['index.html', 'about.html', 'about-team.html', 'docs/index.html', 'docs/guide.html'];
const site = (v: string, changed: string[] = PAGES) =>
  Object.fromEntries(PAGES.map((p) => [p, changed.includes(p) ? `${p} ${v}` : `${p} v1`]));
/** Every URL form of every page, and a query variant of each. */
const URLS = [
  '/',
  '/index.html',
  '/about',
  '/about.html',
  '/about?v=2',
  '/docs/',
  '/docs',
  '/docs/index.html',
  '/docs/guide',
  '/docs/guide.html?x=1',
];
const PAGE_OF: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/about': 'about.html',
  '/about.html': 'about.html',
  '/about?v=2': 'about.html',
  '/about-team': 'about-team.html',
  '/docs/': 'docs/index.html',
  '/docs': 'docs/index.html',
  '/docs/index.html': 'docs/index.html',
  '/docs/guide': 'docs/guide.html',
  '/docs/guide.html?x=1': 'docs/guide.html',
};

/** Visitors load every URL: the CDN caches what the origin serves now. */
async function visit(): Promise<void> {
  for (const u of URLS) expect([u, (await fetch(proxy.endpoint + u)).status]).toEqual([u, 200]);
}

/** Every URL serves what the site holds now (from the cache or the origin). */
async function expectFresh(files: Record<string, string>, step: string): Promise<void> {
  for (const u of URLS) {
    const body = await (await fetch(proxy.endpoint + u)).text();
    expect([step, u, body]).toEqual([step, u, files[PAGE_OF[u]!]]);
  }
}

it('untagged v1, tagged v2, rollback to v1, then v3: no stale variant at any step', async () => {
  const dir = tmpDir('rollback-tags');
  const env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint };
  const base = { bucket: BUCKET, 'distribution-id': DIST, 'url-style': 'clean', 'query-strings': 'true', wait: 'true' };
  const deploy = async (files: Record<string, string>, tags: string) => {
    writeTree(dir, files);
    const r = await runAction({ ...base, 'source-dir': dir, 'cache-tags': tags }, env);
    expect([r.failed, r.log.includes('::error::') ? r.log : '']).toEqual([false, '']);
    return r;
  };

  const v1 = site('v1');
  await deploy(v1, 'off');
  await visit();

  const v2 = site('v2', ['about.html', 'docs/index.html']);
  await deploy(v2, 'auto');
  await expectFresh(v2, 'v2');
  await visit();

  // Back to v1: its pages come back as they were (without tags), and the CDN then caches them so.
  const back = await runAction({ ...base, 'rollback-to': 'previous' }, env);
  expect([back.failed, back.log.includes('::error::') ? back.log : '']).toEqual([false, '']);
  await expectFresh(v1, 'rollback to v1');
  await visit();

  // v3 changes the pages the rollback put back: the CDN holds them untagged, so tags alone would leave them stale.
  const v3 = site('v3', ['about.html', 'docs/index.html']);
  await deploy(v3, 'auto');
  await expectFresh(v3, 'v3');
});
