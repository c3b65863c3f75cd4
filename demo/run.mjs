// npm run demo: deploy the bundled example site twice with the built dist/index.js, run as GitHub runs it
// (Node 24, INPUT_* env, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files), against an embedded local S3 server
// and the CloudFront stand-in. Prints what a user would see on GitHub.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startS3, resolveNodeBinary } from '../testing/s3-server.mjs';
import { startCloudFront } from '../testing/cloudfront-standin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const rule = (title) => console.log(`\n${bold('='.repeat(8) + ' ' + title + ' ' + '='.repeat(Math.max(0, 70 - title.length)))}`);

const BUCKET = 'demo-site';
const DIST = 'EDEMO1234567';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 's3cfd-demo-'));
const site = path.join(work, 'site');
fs.cpSync(path.join(root, 'demo', 'site'), site, { recursive: true });
// Files a real build dir may hold that must never be published.
fs.writeFileSync(path.join(site, '.env'), 'API_KEY=do-not-publish\n');
fs.writeFileSync(path.join(site, '.DS_Store'), 'x');

const node24 = resolveNodeBinary();
const s3 = await startS3({ buckets: [BUCKET] });
const cf = await startCloudFront({ completeAfterPolls: 2 });

async function deploy(title, inputs) {
  rule(title);
  const out = path.join(work, 'output');
  const summary = path.join(work, 'summary.md');
  fs.writeFileSync(out, '');
  fs.writeFileSync(summary, '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: out,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: work,
    GITHUB_REPOSITORY: 'acme/demo-site',
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    AWS_ACCESS_KEY_ID: 'demo',
    AWS_SECRET_ACCESS_KEY: 'demo',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  // Async: the CloudFront stand-in answers from this process's event loop.
  const child = spawn(node24, [path.join(root, 'dist', 'index.js')], { env });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) log += `\n(exit code ${code})`;
  console.log(bold('--- step log (as GitHub shows it; ::debug:: lines hidden unless DEMO_DEBUG=1) ---'));
  for (const line of log.trimEnd().split('\n')) {
    if (line.startsWith('::debug::') && !process.env.DEMO_DEBUG) continue;
    if (line === '::endgroup::') continue;
    console.log(line.replace(/^::group::/, '> ').replace(/^::(warning|error|notice)[^:]*::/, (_, k) => `${k.toUpperCase()}: `));
  }
  console.log(bold('--- step outputs ($GITHUB_OUTPUT) ---'));
  const text = fs.readFileSync(out, 'utf8');
  for (const m of text.matchAll(/^([^<\n]+)<<(.+)\n([\s\S]*?)\n\2$/gm)) console.log(`${m[1]} = ${m[3]}`);
  console.log(bold('--- job summary ($GITHUB_STEP_SUMMARY, markdown) ---'));
  console.log(fs.readFileSync(summary, 'utf8').trimEnd());
}

const inputs = {
  'source-dir': site,
  bucket: BUCKET,
  'distribution-id': DIST,
  'delete-removed': 'true',
  wait: 'true',
  'wait-timeout': '60',
};
try {
  await deploy('Deploy 1: empty bucket (everything is new, so nothing is stale)', inputs);

  // v2: edit two pages, rebuild the hashed bundle under a new name, remove a post, add a page.
  fs.writeFileSync(path.join(site, 'about', 'index.html'), '<!doctype html><h1>About v2</h1>\n');
  fs.writeFileSync(path.join(site, 'blog', 'hello world.html'), '<!doctype html><p>Hello world, v2</p>\n');
  fs.writeFileSync(path.join(site, 'styles.css'), 'body{color:#111}\n');
  fs.rmSync(path.join(site, 'assets', 'index-Bq3x7KeL.js'));
  fs.writeFileSync(path.join(site, 'assets', 'index-Dk29xLq4.js'), 'console.log("app v2");\n');
  fs.rmSync(path.join(site, 'blog', 'old-post.html'));
  fs.writeFileSync(path.join(site, 'blog', 'new-post.html'), '<!doctype html><p>New</p>\n');
  await deploy('Deploy 2: 3 edits, 1 new bundle, 1 new page, 2 removals', inputs);

  rule('What CloudFront received');
  for (const inv of cf.invalidations()) console.log(`${inv.distributionId} ${inv.id} ${inv.status}: ${inv.paths.join(' ')}`);
  const stats = await s3.stats();
  console.log(`S3 requests during the demo: ${JSON.stringify(stats)}`);
} finally {
  await s3.stop();
  await cf.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
