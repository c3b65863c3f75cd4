// Runs the action's run() against the local S3 server and the CloudFront stand-in, as GitHub would:
// inputs as INPUT_* env vars, outputs and summary in files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { S3Client, ListObjectsV2Command, HeadObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { run, type Deps } from '../../src/main.js';

export const instantClock = {
  now: (() => {
    let t = Date.now();
    return () => (t += 1000);
  })(),
  sleep: async () => {},
};

export function tmpDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `s3cfd-${name}-`));
}

/** Write files: { 'a/b.html': 'content' }; null deletes. */
export function writeTree(root: string, files: Record<string, string | null>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    if (content === null) {
      fs.rmSync(abs, { force: true });
      continue;
    }
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

export interface RunResult {
  outputs: Record<string, string>;
  failed: boolean;
  summary: string;
  report: Record<string, unknown> & { files: Array<Record<string, unknown>>; invalidations: Array<Record<string, unknown>> };
  log: string;
}

/** Parse the GITHUB_OUTPUT file format (name<<DELIM ... DELIM). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const val: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) val.push(lines[i]!);
    out[m[1]!] = val.join('\n');
  }
  return out;
}

/**
 * The job summary file of this test file's runs. One per process, as a runner gives one per step: @actions/core's
 * summary keeps the path it first wrote to, so each run empties this file first and reads it after.
 */
const SUMMARY_FILE = path.join(tmpDir('summary'), 'step-summary');

export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string>,
  overrides: Partial<Deps> = {},
): Promise<RunResult> {
  const dir = tmpDir('run');
  const outFile = path.join(dir, 'output');
  const summaryFile = SUMMARY_FILE;
  fs.writeFileSync(outFile, '');
  fs.writeFileSync(summaryFile, '');
  const vars: Record<string, string> = {
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    GITHUB_REPOSITORY: 'acme/site',
    GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e9)),
    GITHUB_RUN_ATTEMPT: '1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    ...env,
  };
  for (const [k, v] of Object.entries(inputs)) vars[`INPUT_${k.toUpperCase()}`] = v;
  const saved = { ...process.env };
  const savedExit = process.exitCode;
  let log = '';
  const origWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  Object.assign(process.env, vars);
  try {
    process.exitCode = 0;
    await run({ clock: instantClock, pollDelayMs: 1, ...overrides });
  } finally {
    process.stdout.write = origWrite;
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
  const failed = process.exitCode === 1;
  process.exitCode = savedExit;
  const reportPath = path.join(dir, 's3-cloudfront-deploy', 'report.json');
  const report = fs.existsSync(reportPath) ? JSON.parse(fs.readFileSync(reportPath, 'utf8')) : { files: [], invalidations: [] };
  return { outputs: parseOutputs(fs.readFileSync(outFile, 'utf8')), failed, summary: fs.readFileSync(summaryFile, 'utf8'), report, log };
}

export function s3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

export async function listKeys(client: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const res = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const o of res.Contents ?? []) keys.push(o.Key!);
    token = res.IsTruncated ? res.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
}

export async function head(client: S3Client, bucket: string, key: string) {
  return client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
}

export async function getText(client: S3Client, bucket: string, key: string): Promise<string> {
  const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await res.Body!.transformToString()) ?? '';
}
