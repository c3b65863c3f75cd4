// verify-url end to end: a caching CDN stand-in in front of the local S3 server serves old content until the
// CloudFront stand-in has a Completed invalidation for the path; the action checks what it serves after wait.
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { startCachingProxy, type CachingProxy } from '../testing/caching-proxy.mjs';
import { runAction, tmpDir, writeTree } from './support/harness.js';

const DIST = 'EVERIFY12345';
let s3: S3StandIn;
let cf: CloudFrontStandIn;
const proxies: CachingProxy[] = [];

beforeAll(async () => {
  [s3, cf] = await Promise.all([startS3({ buckets: ['verify-ok', 'verify-broken'] }), startCloudFront({ completeAfterPolls: 1 })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([s3?.stop(), cf?.stop(), ...proxies.map((p) => p.stop())]);
});

async function cdn(bucket: string, honoursInvalidations: boolean): Promise<CachingProxy> {
  const p = await startCachingProxy({
    origin: `${s3.endpoint}/${bucket}`,
    invalidations: honoursInvalidations ? () => cf.invalidations(DIST) : () => [],
    onlyCompleted: true,
  });
  proxies.push(p);
  return p;
}

async function deployTwice(bucket: string, proxy: CachingProxy, verify: string) {
  const site = tmpDir('verify');
  writeTree(site, { 'index.html': 'home v1', 'a b.html': 'space v1', 'style.css': 'css v1', 'app-Bq3x7KeL.js': 'js' });
  const env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint };
  const inputs = { 'source-dir': site, bucket, 'distribution-id': DIST, wait: 'true', 'verify-url': proxy.endpoint, verify };
  expect((await runAction(inputs, env)).failed).toBe(false);
  // Visitors load the pages: the CDN now caches v1.
  for (const p of ['/', '/index.html', '/a%20b.html', '/style.css']) expect((await fetch(proxy.endpoint + p)).status).toBe(200);
  writeTree(site, { 'index.html': 'home v2', 'a b.html': 'space v2', 'style.css': 'css v2' });
  return runAction(inputs, env);
}

describe('verify-url', () => {
  it('after the invalidation completed, every sampled URL serves the new bytes', async () => {
    const proxy = await cdn('verify-ok', true);
    const r = await deployTwice('verify-ok', proxy, 'fail');
    expect(r.failed).toBe(false);
    const verify = (r.report as { verify?: { path: string; status: string }[] }).verify!;
    expect(verify.map((v) => [v.path, v.status]).sort()).toEqual([
      ['/', 'fresh'],
      ['/a%20b.html', 'fresh'],
      ['/index.html', 'fresh'],
      ['/style.css', 'fresh'],
    ]);
    expect(r.summary).toContain('4 of 4 sampled URLs fresh');
  });

  it('a CDN still serving old content is reported, and fails the run with verify: fail', async () => {
    const proxy = await cdn('verify-broken', false);
    const r = await deployTwice('verify-broken', proxy, 'fail');
    expect(r.failed).toBe(true);
    expect(r.log).toMatch(/4 of 4 verified URL\(s\) are stale or failing/);
    expect(r.summary).toContain('0 of 4 sampled URLs fresh');
    expect(r.summary).toMatch(/\| stale \| `http:\/\/127\.0\.0\.1:\d+\/style\.css` \| got md5 /);
    // The invalidation itself was created and is in the outputs.
    expect(r.outputs['invalidation-id']).not.toBe('');
  });

  it('needs wait: true, said before any AWS call', async () => {
    const r = await runAction(
      { 'source-dir': tmpDir('x'), bucket: 'verify-ok', 'distribution-id': DIST, 'verify-url': 'https://example.com' },
      {},
    );
    expect(r.failed).toBe(true);
    expect(r.log).toContain("Input 'verify-url': needs wait: true");
  });
});
