// The order of a deploy's writes, seen at the servers: the S3 request log (the fault proxy, no faults) and the
// CloudFront stand-in's clock. Removed pages are deleted before the invalidation that covers them (an edge that
// processes it must not refetch a deleted page), and removed fingerprinted assets only after it, once their
// grace period has passed.
import { execFileSync } from 'node:child_process';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { startFaultProxy, type FaultProxy } from '../testing/s3-fault-proxy.mjs';
import { listKeys, runAction, s3Client, tmpDir, writeTree } from './support/harness.js';

let s3: S3StandIn;
let cf: CloudFrontStandIn;
let proxy: FaultProxy;

beforeAll(async () => {
  [s3, cf] = await Promise.all([startS3({ buckets: ['order-e2e'] }), startCloudFront({ completeAfterPolls: 1 })]);
  proxy = await startFaultProxy(s3.endpoint);
}, 60_000);

afterAll(async () => {
  await Promise.all([proxy?.stop(), s3?.stop(), cf?.stop()]);
});

const DIST = 'EORDERE2E001';
const env = () => ({ AWS_ENDPOINT_URL_S3: proxy.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint });
const inputs = (site: string, extra: Record<string, string> = {}) => ({
  'source-dir': site,
  bucket: 'order-e2e',
  'distribution-id': DIST,
  'delete-removed': 'true',
  // The harness's clock moves a second per reading: a grace period of 1 s has passed by the next run, not
  // within the run that removes the file.
  'keep-removed': '1s',
  // No rollback history: with it, the removed bundle stays while a restorable deploy served it (history-e2e tests that).
  'keep-deploys': '0',
  ...extra,
});
const writes = () => proxy.calls.filter((c) => c.method === 'PUT' || c.method === 'DELETE' || c.method === 'POST');
const isDeleteObjects = (c: { method: string; url: string }) => c.method === 'POST' && c.url.includes('delete');

it('deletes removed pages before the invalidation, removed fingerprinted assets after a later one', async () => {
  const site = tmpDir('order-e2e');
  writeTree(site, {
    'index.html': '<script src="/assets/app-Bq3x7KeL.js"></script>',
    'old.html': 'old page',
    'assets/app-Bq3x7KeL.js': 'console.log(1)',
  });
  expect((await runAction(inputs(site), env())).failed).toBe(false);

  // v2: a page removed, the bundle replaced (the old one is fingerprinted), the home page changed.
  writeTree(site, {
    'index.html': '<script src="/assets/app-Zx9y8W7v.js"></script>',
    'old.html': null,
    'assets/app-Bq3x7KeL.js': null,
    'assets/app-Zx9y8W7v.js': 'console.log(2)',
  });
  proxy.clear();
  cf.reset();
  const r2 = await runAction(inputs(site), env());
  expect(r2.failed).toBe(false);
  const [inv2] = cf.invalidations(DIST);
  expect([...inv2!.paths].sort()).toEqual(['/', '/index.html', '/old.html']);
  const created2 = Date.parse(inv2!.createTime);
  const deletes2 = writes().filter(isDeleteObjects);
  expect(deletes2).toHaveLength(1); // old.html only: the old bundle waits out its grace period
  expect(deletes2[0]!.at).toBeLessThanOrEqual(created2);
  // Every upload and the ledger came before the invalidation too; only the lock's release and the owed
  // record's clearing come after it.
  const after2 = writes().filter((c) => c.at > created2);
  expect(after2.every((c) => c.method === 'DELETE' && /(owed\/|lock\.json)/.test(decodeURIComponent(c.url)))).toBe(true);
  let keys = await listKeys(s3Client(s3.endpoint), 'order-e2e');
  expect(keys).not.toContain('old.html');
  expect(keys).toContain('assets/app-Bq3x7KeL.js'); // still there for pages already open

  // v3, past the grace period: the old bundle goes now, after this run's invalidation.
  writeTree(site, { 'index.html': '<script src="/assets/app-Zx9y8W7v.js"></script><p>v3</p>' });
  proxy.clear();
  cf.reset();
  const r3 = await runAction(inputs(site), env());
  expect(r3.failed).toBe(false);
  const [inv3] = cf.invalidations(DIST);
  expect([...inv3!.paths].sort()).toEqual(['/', '/index.html']); // the fingerprinted bundle is never invalidated
  const deletes3 = writes().filter(isDeleteObjects);
  expect(deletes3).toHaveLength(1);
  expect(deletes3[0]!.at).toBeGreaterThanOrEqual(Date.parse(inv3!.createTime));
  keys = await listKeys(s3Client(s3.endpoint), 'order-e2e');
  expect(keys).not.toContain('assets/app-Bq3x7KeL.js');
  expect(keys).toContain('assets/app-Zx9y8W7v.js');
});

it('an older commit never overwrites a newer deploy (the ledger names the live commit); allow-older deploys it', async () => {
  await s3.createBucket('order-older');
  const repo = tmpDir('order-older-repo');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  git('init', '-q');
  git('-c', 'user.email=a@b.c', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'older');
  const older = git('rev-parse', 'HEAD');
  git('-c', 'user.email=a@b.c', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'newer');
  const newer = git('rev-parse', 'HEAD');
  const site = tmpDir('order-older-site');
  writeTree(site, { 'index.html': 'newer build' });
  const base = { 'source-dir': site, bucket: 'order-older', 'distribution-id': DIST };
  const at = (sha: string) => ({ ...env(), GITHUB_WORKSPACE: repo, GITHUB_SHA: sha });
  expect((await runAction(base, at(newer))).failed).toBe(false);

  writeTree(site, { 'index.html': 'older build' });
  proxy.clear();
  cf.reset();
  const refused = await runAction(base, at(older));
  expect(refused.failed).toBe(true);
  expect(refused.log).toContain(
    `The bucket holds a deploy of ${newer.slice(0, 12)}, which is newer than this run's commit ${older.slice(0, 12)}`,
  );
  expect(writes()).toEqual([]); // stopped before any write: not even the lock
  expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation')).toHaveLength(0);

  const rollback = await runAction({ ...base, 'allow-older': 'true' }, at(older));
  expect(rollback.failed).toBe(false);
  expect(rollback.outputs['uploaded']).toBe('1');
});
