// GitHub's own local runner, @github/local-action, on the action's entry point (src/main.ts) with a .env file:
// it stands in for @actions/core, so what it prints at the end is what the action reported through the toolkit.
// Once as a dry run, once as a real deploy against the local S3 server (fauxqs) and the CloudFront stand-in.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { getText, s3Client, tmpDir, writeTree } from './support/harness.js';

const ROOT = path.resolve('.');
const LOCAL_ACTION = path.join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');
const BUCKET = 'local-action-bucket';
const DIST = 'ELOCALACTION1';

let s3: S3StandIn;
let cf: CloudFrontStandIn;

beforeAll(async () => {
  [s3, cf] = await Promise.all([startS3({ buckets: [BUCKET] }), startCloudFront({ completeAfterPolls: 1 })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([s3?.stop(), cf?.stop()]);
});

interface LocalRun {
  code: number;
  stdout: string;
  /** The "Action Outputs" table local-action prints (empty when it says "No outputs were set!"). */
  outputs: Record<string, string>;
  summary: string;
}

/** The rows of the last console.table on stdout: `│ 0 │ 'uploaded' │ '2' │`. */
function outputTable(stdout: string): Record<string, string> {
  const at = stdout.lastIndexOf('Action Outputs');
  if (at < 0) return {};
  const out: Record<string, string> = {};
  for (const m of stdout.slice(at).matchAll(/^│\s*\d+\s*│\s*'([^']*)'\s*│\s*'(.*)'\s*│$/gm)) out[m[1]!] = m[2]!;
  return out;
}

/** `local-action run . src/main.ts <dotenv>` from the repository root, as its README says; the env only from the file. */
async function localAction(dotenv: Record<string, string>): Promise<LocalRun> {
  const dir = tmpDir('local-action');
  const envFile = path.join(dir, '.env');
  const summaryFile = path.join(dir, 'step-summary.md');
  const lines = Object.entries({ ...dotenv, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: dir }).map(([k, v]) => `${k}=${v}`);
  fs.writeFileSync(envFile, lines.join('\n') + '\n');
  // Nothing of this process's environment reaches the action but PATH and HOME (npm runs tsx): no INPUT_*,
  // no AWS_*, no NODE_OPTIONS from jest. The servers live in this process, so the child runs asynchronously.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, NO_COLOR: '1', FORCE_COLOR: '0' };
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      [LOCAL_ACTION, 'run', '.', 'src/main.ts', envFile],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 32 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: stdout + stderr }),
    );
  });
  const summary = fs.existsSync(summaryFile) ? fs.readFileSync(summaryFile, 'utf8') : '';
  return { code, stdout, outputs: outputTable(stdout), summary };
}

describe('@github/local-action runs src/main.ts', () => {
  const site = tmpDir('local-action-site');
  const dotenv = (extra: Record<string, string>) => ({
    'INPUT_SOURCE-DIR': site,
    INPUT_BUCKET: BUCKET,
    'INPUT_DISTRIBUTION-ID': DIST,
    'INPUT_GITHUB-TOKEN': 'none',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REPOSITORY: 'acme/site',
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: site,
    ...extra,
  });

  beforeAll(async () => {
    writeTree(site, { 'index.html': '<h1>v2</h1>', 'about.html': 'about', 'app.js': 'console.log(2)' });
    // A live site: index.html as an earlier deploy left it, so the new one is a change CloudFront must forget.
    await s3Client(s3.endpoint).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'index.html', Body: '<h1>v1</h1>' }));
  });

  it('a dry run: the plan as outputs and the job summary, nothing written', async () => {
    await s3.resetStats();
    const r = await localAction(dotenv({ 'INPUT_DRY-RUN': 'true' }));
    expect(r.stdout).not.toContain('No outputs were set!');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      uploaded: '3',
      deleted: '0',
      unchanged: '0',
      'invalidation-id': '',
      report: expect.stringMatching(/s3-cloudfront-deploy\/report\.json$/),
    });
    expect(JSON.parse(r.outputs['invalidation-paths']!)).toEqual(['/', '/index.html']);
    // The notice a dry run gives, through local-action's @actions/core, with the action's title.
    expect(r.stdout).toMatch(/Dry run: nothing was written to S3 or CloudFront/);
    expect(r.summary).toContain('## S3 CloudFront Deploy');
    expect(r.summary).toMatch(/dry run/i);
    expect(JSON.parse(fs.readFileSync(r.outputs.report!, 'utf8')).dryRun).toBe(true);
    const stats = await s3.stats();
    expect(stats.PUT ?? 0).toBe(0);
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation')).toHaveLength(0);
    expect(await getText(s3Client(s3.endpoint), BUCKET, 'index.html')).toBe('<h1>v1</h1>');
  }, 180_000);

  it('a real deploy: uploads, one invalidation, its id in the outputs and the job summary', async () => {
    const r = await localAction(dotenv({ 'INPUT_DRY-RUN': 'false', INPUT_WAIT: 'false' }));
    expect(r.stdout).not.toContain('No outputs were set!');
    expect(r.code).toBe(0);
    const sent = cf.invalidations(DIST);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.paths.sort()).toEqual(['/', '/index.html']);
    expect(r.outputs).toMatchObject({
      uploaded: '3',
      deleted: '0',
      'invalidation-id': sent[0]!.id,
      'invalidation-ids': JSON.stringify({ [DIST]: sent[0]!.id }),
      report: expect.stringMatching(/report\.json$/),
    });
    expect(r.outputs['invalidation-status']).toMatch(/^(InProgress|Completed)$/);
    expect(await getText(s3Client(s3.endpoint), BUCKET, 'index.html')).toBe('<h1>v2</h1>');
    expect(r.summary).toContain('## S3 CloudFront Deploy');
    expect(r.summary).toContain(sent[0]!.id);
    const report = JSON.parse(fs.readFileSync(r.outputs.report!, 'utf8'));
    expect(report.totals.uploaded).toBe(3);
  }, 180_000);
});
