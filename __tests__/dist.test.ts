// The committed dist/index.js, run as GitHub runs it: Node 24, inputs as INPUT_* env, a push event file,
// outputs and summary written to the files the runner reads.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { resolveNodeBinary, startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { tmpDir, writeTree } from './support/harness.js';

const DIST_JS = path.resolve('dist/index.js');
let s3: S3StandIn;
let cf: CloudFrontStandIn;

beforeAll(async () => {
  [s3, cf] = await Promise.all([startS3({ buckets: ['dist-bucket'] }), startCloudFront()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([s3?.stop(), cf?.stop()]);
});

/**
 * Runs the bundle in a child process without blocking this one: the CloudFront stand-in answers from this
 * process's event loop (the bundle reads the distribution before any write).
 */
async function runDist(inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const dir = tmpDir('dist');
  const files = { out: path.join(dir, 'out'), summary: path.join(dir, 'summary'), event: path.join(dir, 'event.json') };
  fs.writeFileSync(files.out, '');
  fs.writeFileSync(files.summary, '');
  fs.writeFileSync(files.event, JSON.stringify({ before: '0'.repeat(40), after: 'a'.repeat(40) }));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: files.out,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/site',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: dir,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const res = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(resolveNodeBinary(), [DIST_JS], { env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  return { ...res, output: fs.readFileSync(files.out, 'utf8'), summary: fs.readFileSync(files.summary, 'utf8') };
}

describe('dist/index.js under Node 24', () => {
  it('exists and is an ES module bundle', () => {
    expect(fs.existsSync(DIST_JS)).toBe(true);
    expect(JSON.parse(fs.readFileSync('dist/package.json', 'utf8'))).toEqual({ type: 'module' });
  });

  it('deploys, sets outputs and writes the job summary', async () => {
    const site = tmpDir('dist-site');
    writeTree(site, { 'index.html': 'hi', 'app.js': 'x' });
    const res = await runDist({ 'source-dir': site, bucket: 'dist-bucket', 'distribution-id': 'EDISTTEST123' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.output).toMatch(/^uploaded<<.+\n2\n/m);
    expect(res.output).toMatch(/^invalidation-id<<.+\n\n/m);
    expect(res.stdout).toContain('push creates a new branch');
    expect(res.summary).toContain('## S3 CloudFront Deploy');
    expect((await s3.stats()).PutObject).toBe(5); // 2 files + the ledger + the bootstrap and the deploy lock
  });

  it('fails with exit code 1 and one clear line on a bad input', async () => {
    const res = await runDist({ 'source-dir': '.', bucket: 'Bad_Bucket' });
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/::error::Input 'bucket': 'Bad_Bucket' is not a valid S3 bucket name/);
  });
});
