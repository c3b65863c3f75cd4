// Invalidation behaviour against the CloudFront stand-in (real SDK, real REST-XML) and the local S3 server:
// several distributions, in-flight limits, cost, idempotent CallerReference, TooManyInvalidationsInProgress.
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { createCdn, createInvalidation } from '../src/io/cloudfront/api.js';
import { callerReference } from '../src/plan/invalidation.js';
import { runAction, tmpDir, writeTree } from './support/harness.js';

let s3: S3StandIn;
const stopList: CloudFrontStandIn[] = [];
let bucketN = 0;

beforeAll(async () => {
  s3 = await startS3();
}, 60_000);
afterAll(async () => {
  await Promise.all([s3?.stop(), ...stopList.map((c) => c.stop())]);
});

async function cloudFront(opts: Parameters<typeof startCloudFront>[0] = {}): Promise<CloudFrontStandIn> {
  const cf = await startCloudFront(opts);
  stopList.push(cf);
  return cf;
}

const cfClient = (cf: CloudFrontStandIn) =>
  new CloudFrontClient({
    endpoint: cf.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
    maxAttempts: 3,
  });

/** Create `n` one-wildcard invalidations (left in progress when the stand-in never completes by polls). */
async function wildcardsInFlight(cf: CloudFrontStandIn, dist: string, n: number, refPrefix: string, pathPrefix: string) {
  const client = cfClient(cf);
  for (let i = 0; i < n; i++) {
    await client.send(
      new CreateInvalidationCommand({
        DistributionId: dist,
        InvalidationBatch: { CallerReference: `${refPrefix}${i}`, Paths: { Quantity: 1, Items: [`${pathPrefix}${i}/*`] } },
      }),
    );
  }
}

/** A site deployed once (v1), then changed: returns inputs for the second deploy. */
async function deployedSite(cf: CloudFrontStandIn, files: Record<string, string>, inputs: Record<string, string> = {}) {
  const bucket = `inv-bucket-${++bucketN}`;
  await s3.createBucket(bucket);
  const site = tmpDir('inv');
  writeTree(site, files);
  const env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint };
  const base = { 'source-dir': site, bucket, ...inputs };
  const first = await runAction(base, env);
  expect(first.failed).toBe(false);
  return { site, bucket, env, base };
}

describe('several distributions', () => {
  it('plans each with its own origin path and submits one invalidation per distribution', async () => {
    const cf = await cloudFront();
    const { site, env, base } = await deployedSite(cf, { 'a.html': 'v1', 'docs/index.html': 'v1' }, { prefix: 'site/' });
    writeTree(site, { 'a.html': 'v2', 'docs/index.html': 'v2' });
    const r = await runAction({ ...base, 'distribution-id': 'EAAAA1111111\nEBBBB2222222:/site' }, env);
    expect(r.failed).toBe(false);
    expect(cf.invalidations('EAAAA1111111').map((i) => [...i.paths].sort())).toEqual([
      ['/site/a.html', '/site/docs/', '/site/docs/index.html'],
    ]);
    expect(cf.invalidations('EBBBB2222222').map((i) => [...i.paths].sort())).toEqual([['/a.html', '/docs/', '/docs/index.html']]);
    const ids = JSON.parse(r.outputs['invalidation-ids']!);
    expect(Object.keys(ids).sort()).toEqual(['EAAAA1111111', 'EBBBB2222222']);
    expect(ids.EAAAA1111111).toBe(cf.invalidations('EAAAA1111111')[0]!.id);
    expect(r.outputs['invalidation-id']).toBe(ids.EAAAA1111111);
  });
});

describe('in-flight limits', () => {
  it('uses only the wildcard room left by invalidations already in progress', async () => {
    const cf = await cloudFront({ completeAfterPolls: null });
    const files: Record<string, string> = {};
    for (let d = 0; d < 6; d++) for (let f = 0; f < 5; f++) files[`d${d}/p${f}.html`] = 'v1';
    const { site, env, base } = await deployedSite(cf, files);
    // 14 wildcards already in flight: room for 1 more.
    await wildcardsInFlight(cf, 'EFLIGHT12345', 14, 'other-', '/other');
    const changed: Record<string, string> = {};
    for (let d = 0; d < 6; d++) for (let f = 0; f < 4; f++) changed[`d${d}/p${f}.html`] = 'v2';
    writeTree(site, changed);
    const r = await runAction({ ...base, 'distribution-id': 'EFLIGHT12345', 'max-paths': '10' }, env);
    expect(r.failed).toBe(false);
    const mine = cf.invalidations('EFLIGHT12345').filter((i) => !i.callerReference.startsWith('other-'));
    expect(mine).toHaveLength(1);
    const sent = mine[0]!.paths;
    expect(sent.length).toBeLessThanOrEqual(10);
    expect(sent.filter((p) => p.endsWith('*'))).toHaveLength(1);
    // Every stale path is covered.
    for (const p of Object.keys(changed).map((k) => `/${k}`)) {
      expect(sent.some((s) => (s.endsWith('*') ? p.startsWith(s.slice(0, -1)) : s === p))).toBe(true);
    }
    expect(r.log).toContain('14 wildcard and 0 file paths already in flight');
  });

  it('plans within the file-path room left by invalidations in progress (3,000 per distribution)', async () => {
    const cf = await cloudFront({ completeAfterPolls: null });
    const files: Record<string, string> = {};
    for (let f = 0; f < 30; f++) files[`p${f}.html`] = 'v1';
    const { site, env, base } = await deployedSite(cf, files);
    const items = Array.from({ length: 2990 }, (_, i) => `/busy/${i}.html`);
    await cfClient(cf).send(
      new CreateInvalidationCommand({
        DistributionId: 'EROOM1234567',
        InvalidationBatch: { CallerReference: 'room', Paths: { Quantity: items.length, Items: items } },
      }),
    );
    writeTree(site, Object.fromEntries(Object.keys(files).map((k) => [k, 'v2'])));
    const r = await runAction({ ...base, 'distribution-id': 'EROOM1234567' }, env);
    expect(r.failed).toBe(false);
    const mine = cf.invalidations('EROOM1234567').find((i) => i.callerReference !== 'room')!;
    expect(mine.paths.filter((p) => !p.endsWith('*')).length).toBeLessThanOrEqual(10);
    expect(mine.paths.length).toBeLessThanOrEqual(10);
  });

  it('waits out TooManyInvalidationsInProgress with the same CallerReference, then succeeds', async () => {
    const cf = await cloudFront({ completeAfterPolls: null });
    const { site, env, base } = await deployedSite(cf, { 'a.html': 'v1' });
    await wildcardsInFlight(cf, 'EBUSY1234567', 15, 'busy-', '/busy');
    // `invalidate: all` needs a wildcard; the stand-in refuses it until the in-flight ones complete.
    writeTree(site, { 'a.html': 'v2' });
    let sleeps = 0;
    const clock = {
      now: () => Date.now(),
      sleep: async () => {
        sleeps++;
        if (sleeps === 2) cf.completeAll('EBUSY1234567');
      },
    };
    const r = await runAction({ ...base, 'distribution-id': 'EBUSY1234567', invalidate: 'all' }, env, { clock });
    expect(r.failed).toBe(false);
    const creates = cf.calls.filter((c) => c.operation === 'CreateInvalidation' && c.callerReference?.startsWith('s3cfd-'));
    expect(creates.map((c) => c.errorCode ?? 'ok')).toEqual(['TooManyInvalidationsInProgress', 'TooManyInvalidationsInProgress', 'ok']);
    expect(new Set(creates.map((c) => c.callerReference)).size).toBe(1);
    expect(r.log).toMatch(/TooManyInvalidationsInProgress \(in-flight limits reached\); waiting/);
  });

  it('fails with a clear error when the in-flight wait bound is reached', async () => {
    const cf = await cloudFront({ completeAfterPolls: null });
    const { site, env, base } = await deployedSite(cf, { 'a.html': 'v1' });
    await wildcardsInFlight(cf, 'ESTUCK123456', 15, 'stuck-', '/s');
    writeTree(site, { 'a.html': 'v2' });
    let t = 0;
    const clock = { now: () => t, sleep: async (ms: number) => void (t += ms) };
    const r = await runAction({ ...base, 'distribution-id': 'ESTUCK123456', invalidate: 'all' }, env, { clock, maxInFlightWaitMs: 60_000 });
    expect(r.failed).toBe(true);
    expect(r.log).toMatch(/ESTUCK123456 still has too many invalidations in progress after waiting \d+ s/);
  });
});

describe('cost', () => {
  it('reports paths used earlier this month and the charge past the free tier', async () => {
    const cf = await cloudFront();
    const { site, env, base } = await deployedSite(cf, { 'a.html': '1', 'b.html': '1', 'c.html': '1' });
    const client = cfClient(cf);
    // 998 paths used earlier this month on this distribution.
    for (let i = 0; i < 2; i++) {
      const items = Array.from({ length: 499 }, (_, j) => `/old/${i}/${j}.html`);
      await client.send(
        new CreateInvalidationCommand({
          DistributionId: 'ECOST1234567',
          InvalidationBatch: { CallerReference: `month-${i}`, Paths: { Quantity: items.length, Items: items } },
        }),
      );
    }
    writeTree(site, { 'a.html': '2', 'b.html': '2', 'c.html': '2' });
    const r = await runAction({ ...base, 'distribution-id': 'ECOST1234567' }, env);
    expect(r.failed).toBe(false);
    const inv = r.report.invalidations[0]!;
    expect(inv).toMatchObject({ billedPaths: 3, monthPathsBefore: 998, estimatedCostUsd: 0.005 });
    expect(r.summary).toContain('| 998 | $0.005 |');
  });
});

describe('idempotent CallerReference', () => {
  it('is stable for a retry of the same batch and distinct for any other deploy', () => {
    const ref = callerReference('acme/site', '100', '1', 'E1', ['/a', '/b']);
    expect(callerReference('acme/site', '100', '1', 'E1', ['/b', '/a'])).toBe(ref);
    for (const other of [
      callerReference('acme/site', '101', '1', 'E1', ['/a', '/b']),
      callerReference('acme/site', '100', '2', 'E1', ['/a', '/b']),
      callerReference('acme/site', '100', '1', 'E2', ['/a', '/b']),
      callerReference('acme/site', '100', '1', 'E1', ['/a']),
      callerReference('acme/other', '100', '1', 'E1', ['/a', '/b']),
      callerReference('acme/site', '100', '1', 'E1', ['/a\0/b']),
    ]) {
      expect(other).not.toBe(ref);
    }
    expect(ref.length).toBeLessThanOrEqual(128);
  });

  it('a retried create returns the same invalidation instead of a second one', async () => {
    const cf = await cloudFront();
    const cdn = createCdn(cfClient(cf));
    const ref = callerReference('acme/site', '7', '1', 'EIDEM1234567', ['/a.html']);
    const opts = { clock: { now: () => 0, sleep: async () => {} }, maxWaitMs: 1000, log: () => {} };
    const one = await createInvalidation(cdn, 'EIDEM1234567', ['/a.html'], ref, opts);
    const two = await createInvalidation(cdn, 'EIDEM1234567', ['/a.html'], ref, opts);
    expect(two.id).toBe(one.id);
    expect(cf.invalidations('EIDEM1234567')).toHaveLength(1);
  });

  it('a create retried by the SDK after Throttling creates exactly one invalidation', async () => {
    const cf = await cloudFront();
    cf.failNext('CreateInvalidation', { status: 400, code: 'Throttling', message: 'Rate exceeded' });
    const cdn = createCdn(cfClient(cf));
    const ref = callerReference('acme/site', '8', '1', 'ETHROT123456', ['/a.html']);
    await createInvalidation(cdn, 'ETHROT123456', ['/a.html'], ref, {
      clock: { now: () => 0, sleep: async () => {} },
      maxWaitMs: 1000,
      log: () => {},
    });
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation').map((c) => c.status)).toEqual([400, 201]);
    expect(cf.invalidations('ETHROT123456')).toHaveLength(1);
  });
});

describe('query strings in the cache key', () => {
  it('sends /a.css and /a.css?* so versioned URLs are invalidated too, without evicting /a.css.map', async () => {
    const cf = await cloudFront();
    const { site, env, base } = await deployedSite(cf, { 'a.css': 'v1', 'a.css.map': 'm', 'b.html': 'v1' });
    writeTree(site, { 'a.css': 'v2' });
    const r = await runAction({ ...base, 'distribution-id': 'EQUERY123456', 'query-strings': 'true' }, env);
    expect(r.failed).toBe(false);
    // `/a.css*` would also match the unchanged /a.css.map: the query-string wildcard after `?` does not.
    expect(cf.invalidations('EQUERY123456')[0]!.paths).toEqual(['/a.css', '/a.css?*']);
    expect(r.report.invalidations[0]).toMatchObject({ collateral: 0 });
  });

  it('sends /a.js* where that evicts nothing else (one path instead of two)', async () => {
    const cf = await cloudFront();
    const { site, env, base } = await deployedSite(cf, { 'a.js': 'v1', 'b.html': 'v1' });
    writeTree(site, { 'a.js': 'v2' });
    const r = await runAction({ ...base, 'distribution-id': 'EQUERY123457', 'query-strings': 'true' }, env);
    expect(r.failed).toBe(false);
    expect(cf.invalidations('EQUERY123457')[0]!.paths).toEqual(['/a.js*']);
    expect(r.report.invalidations[0]).toMatchObject({ collateral: 0 });
  });
});
