// Issue 23: a wrong distribution id fails before any write, errors name what they are about, and the statuses
// emulators answer (moto: COMPLETED) are read as CloudFront's. Against the local S3 server and the CloudFront
// stand-in, which answers NoSuchDistribution for an id it does not have and upper-case statuses on request.
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { getText, listKeys, runAction, s3Client, tmpDir, writeTree } from './support/harness.js';

const GOOD = 'EGOODDIST1234';
const OTHER = 'EOTHERDIST123';
const TYPO = 'EGOODDIST1243';
let s3: S3StandIn;
let cf: CloudFrontStandIn;
/** A stand-in that answers statuses as moto does. */
let moto: CloudFrontStandIn;

beforeAll(async () => {
  [s3, cf, moto] = await Promise.all([
    startS3({ buckets: ['typo', 'orphan', 'elsewhere', 'upper', 'upper-usage'] }),
    startCloudFront({ distributions: [GOOD, OTHER] }),
    startCloudFront({ distributions: [GOOD], upperCaseStatus: true, completeAfterPolls: 3 }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([s3?.stop(), cf?.stop(), moto?.stop()]);
});
beforeEach(() => {
  cf.reset();
  moto.reset();
});

const errorLines = (log: string) => log.split('\n').filter((l) => l.startsWith('::error'));
const warningLines = (log: string) => log.split('\n').filter((l) => l.startsWith('::warning'));
const env = () => ({ AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint });
const writes = (stats: Record<string, number>) => (stats.PUT ?? 0) + (stats.POST ?? 0) + (stats.DELETE ?? 0);
const owedKeys = async (bucket: string) => (await listKeys(s3Client(s3.endpoint), bucket)).filter((k) => /\/owed\//.test(k));

const v1 = { 'index.html': 'home v1', 'about.html': 'about v1', 'style.css': 'css v1' };
const v2 = { 'index.html': 'home v1', 'about.html': 'about v2', 'style.css': 'css v2' };

describe('issue 23.1: a wrong distribution id', () => {
  it('fails before any S3 write with one error line naming it; the fixed re-run invalidates what changed', async () => {
    const site = tmpDir('typo');
    const inputs = (id: string) => ({ 'source-dir': site, bucket: 'typo', 'distribution-id': id });
    writeTree(site, v1);
    expect((await runAction(inputs(GOOD), env())).failed).toBe(false);

    writeTree(site, v2);
    await s3.resetStats();
    const bad = await runAction(inputs(TYPO), env());
    expect(bad.failed).toBe(true);
    // Read, never written: no upload, no owed record, no lock.
    expect(writes(await s3.stats())).toBe(0);
    expect(await getText(s3Client(s3.endpoint), 'typo', 'about.html')).toBe('about v1');
    expect(await owedKeys('typo')).toEqual([]);
    const errors = errorLines(bad.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(TYPO);
    expect(errors[0]).toContain('NoSuchDistribution');
    expect(errors[0]).toContain('distribution-id');
    expect(errors[0]).toContain('nothing was written');
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation')).toEqual([]);

    // The id fixed: the changed pages go up and are invalidated.
    const fixed = await runAction(inputs(GOOD), env());
    expect(fixed.failed).toBe(false);
    const sent = cf.invalidations(GOOD).at(-1)!.paths;
    expect(sent).toEqual(expect.arrayContaining(['/about.html']));
    expect(sent).toEqual(expect.arrayContaining(['/style.css']));
  });

  it('an owed record left under an id CloudFront does not have (a run that could not check it) goes to the fixed run', async () => {
    const site = tmpDir('orphan');
    const inputs = (id: string) => ({ 'source-dir': site, bucket: 'orphan', 'distribution-id': id });
    writeTree(site, v1);
    expect((await runAction(inputs(GOOD), env())).failed).toBe(false);

    // The run with the typo may not read distributions (AccessDenied): it warns naming the permission, uploads,
    // records what it owes under the wrong id, and fails at CreateInvalidation with an error naming the id.
    writeTree(site, v2);
    cf.failNext('GetDistributionConfig', { status: 403, code: 'AccessDenied', message: 'User is not authorized' });
    const bad = await runAction(inputs(TYPO), env());
    expect(bad.failed).toBe(true);
    expect(warningLines(bad.log).join('\n')).toContain(
      `cloudfront:GetDistributionConfig on arn:aws:cloudfront::<account>:distribution/${TYPO}`,
    );
    const errors = errorLines(bad.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`CloudFront CreateInvalidation on distribution ${TYPO} failed: NoSuchDistribution`);
    expect(errors[0]).toContain(`Check the distribution-id input (${TYPO})`);
    expect(await getText(s3Client(s3.endpoint), 'orphan', 'about.html')).toBe('about v2');
    expect(await owedKeys('orphan')).toHaveLength(1);

    // The fixed run has nothing to upload; the record owed to a distribution that does not exist is its own.
    const fixed = await runAction(inputs(GOOD), env());
    expect(fixed.failed).toBe(false);
    expect(fixed.outputs.uploaded).toBe('0');
    expect(cf.invalidations(GOOD).at(-1)!.paths).toEqual(expect.arrayContaining(['/about.html', '/style.css']));
    expect(await owedKeys('orphan')).toEqual([]);
    const collected = (fixed.report as { collected?: { distributionId: string; orphan?: boolean }[] }).collected;
    expect(collected).toEqual([expect.objectContaining({ distributionId: TYPO, orphan: true })]);
  });

  it('an owed record for another distribution that exists is left and shown with what to do, never silently kept', async () => {
    const site = tmpDir('elsewhere');
    const inputs = (id: string) => ({ 'source-dir': site, bucket: 'elsewhere', 'distribution-id': id });
    writeTree(site, v1);
    expect((await runAction(inputs(OTHER), env())).failed).toBe(false);
    writeTree(site, v2);
    cf.failNext('CreateInvalidation', { status: 403, code: 'AccessDenied', message: 'User is not authorized' });
    const denied = await runAction(inputs(OTHER), env());
    expect(denied.failed).toBe(true);
    expect(errorLines(denied.log)[0]).toContain(
      `Grant cloudfront:CreateInvalidation on arn:aws:cloudfront::<account>:distribution/${OTHER}`,
    );
    expect(await owedKeys('elsewhere')).toHaveLength(1);

    // A deploy to another distribution: it does not send OTHER's paths, keeps the record, and says so.
    writeTree(site, { 'index.html': 'home v3' });
    const r = await runAction(inputs(GOOD), env());
    expect(r.failed).toBe(false);
    expect(cf.invalidations(OTHER)).toEqual([]);
    expect(cf.invalidations(GOOD).at(-1)!.paths).not.toContain('/about.html');
    expect(await owedKeys('elsewhere')).toHaveLength(1);
    const elsewhere = (r.report as { owedElsewhere?: { distributionId: string; distribution: string; todo: string }[] }).owedElsewhere;
    expect(elsewhere).toEqual([expect.objectContaining({ distributionId: OTHER, distribution: 'exists' })]);
    expect(elsewhere![0]!.todo).toContain(`distribution-id: ${OTHER}`);
    expect(r.summary).toContain('Owed invalidations left for other distributions');
    expect(warningLines(r.log).join('\n')).toContain(`for distributions this run does not invalidate: ${OTHER} (exists)`);

    // The run that names OTHER sends them and clears the record.
    const other = await runAction(inputs(OTHER), env());
    expect(other.failed).toBe(false);
    expect(cf.invalidations(OTHER).at(-1)!.paths).toEqual(expect.arrayContaining(['/about.html', '/style.css']));
    expect(await owedKeys('elsewhere')).toEqual([]);
  });
});

describe('issue 23.2: errors name what they are about', () => {
  it('a bucket that does not exist: the error names it and what to check', async () => {
    const site = tmpDir('nobucket');
    writeTree(site, v1);
    const r = await runAction({ 'source-dir': site, bucket: 'no-such-bucket-here', 'distribution-id': GOOD }, env());
    expect(r.failed).toBe(true);
    const errors = errorLines(r.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('S3 ListObjectsV2 on s3://no-such-bucket-here failed');
    expect(errors[0]).toContain('Check the bucket input (no-such-bucket-here)');
  });
});

describe('issue 23.3: status values from emulators', () => {
  it('a wait against upper-case statuses completes, and reports the status the server gave', async () => {
    const site = tmpDir('upper');
    writeTree(site, v1);
    const inputs = { 'source-dir': site, bucket: 'upper', 'distribution-id': GOOD, wait: 'true', 'wait-timeout': '600' };
    const e = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: moto.endpoint };
    expect((await runAction(inputs, e)).failed).toBe(false);
    writeTree(site, v2);
    const r = await runAction(inputs, e);
    expect(r.failed).toBe(false);
    expect(r.log).not.toMatch(/timed out|did not complete/i);
    // Three polls: the stand-in said INPROGRESS twice, then COMPLETED; the wait stopped there.
    const gets = moto.calls.filter((c) => c.operation === 'GetInvalidation');
    expect(gets).toHaveLength(3);
    expect(r.outputs['invalidation-status']).toBe('COMPLETED');
    expect((r.report.invalidations[0] as { status: string }).status).toBe('COMPLETED');
  });

  it('in-flight usage counts upper-case INPROGRESS invalidations', async () => {
    const site = tmpDir('upper-usage');
    writeTree(site, v1);
    const inputs = { 'source-dir': site, bucket: 'upper-usage', 'distribution-id': GOOD };
    const e = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: moto.endpoint };
    expect((await runAction(inputs, e)).failed).toBe(false);
    // Another run's invalidation still in progress, with 15 wildcards: none is left for this run.
    const { CloudFrontClient, CreateInvalidationCommand } = await import('@aws-sdk/client-cloudfront');
    const client = new CloudFrontClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    const wild = Array.from({ length: 15 }, (_, i) => `/w${i}/*`);
    await client.send(
      new CreateInvalidationCommand({
        DistributionId: GOOD,
        InvalidationBatch: { CallerReference: 'other', Paths: { Quantity: 15, Items: wild } },
      }),
    );
    writeTree(site, v2);
    const r = await runAction(inputs, e);
    expect(r.failed).toBe(false);
    expect(r.log).toContain(`${GOOD}: 15 wildcard and 0 file paths already in flight`);
  });
});
