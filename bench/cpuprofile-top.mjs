#!/usr/bin/env node
// Summarize a V8 .cpuprofile of dist/index.js (node --cpu-prof): self time by function and by source package,
// positions mapped back through dist/index.js.map (src/... or node_modules/<pkg>/...).
//
//   node bench/cpuprofile-top.mjs PROFILE.cpuprofile [--top=25]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { SourceMapConsumer } = require('source-map'); // 0.6: synchronous API

const file = process.argv[2];
const top = Number((process.argv.find((a) => a.startsWith('--top=')) ?? '--top=25').slice(6));
if (!file) {
  console.error('usage: node bench/cpuprofile-top.mjs PROFILE.cpuprofile [--top=25]');
  process.exit(2);
}
const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
// Source maps of the profiled bundles (dist/index.js.map next to each bundle), loaded on first use.
const consumers = new Map();
function consumerFor(url) {
  if (!consumers.has(url)) {
    let c = null;
    try {
      const js = fileURLToPath(url);
      const map = `${js}.map`;
      if (fs.existsSync(map)) {
        if (fs.statSync(map).mtimeMs + 5000 < fs.statSync(js).mtimeMs)
          console.error(`warning: ${map} is older than the bundle; positions may be wrong`);
        c = new SourceMapConsumer(JSON.parse(fs.readFileSync(map, 'utf8')));
      }
    } catch {
      c = null;
    }
    consumers.set(url, c);
  }
  return consumers.get(url);
}

// Self time per node: samples x time deltas.
const self = new Map();
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const totalUs = prof.endTime - prof.startTime;

function where(cf) {
  const url = cf.url ?? '';
  const consumer = url.startsWith('file:') && url.endsWith('.js') ? consumerFor(url) : null;
  if (consumer && cf.lineNumber >= 0) {
    const pos = consumer.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
    if (pos.source) {
      const src = pos.source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '');
      // Lines are those of the compiled module in the bundle (approximate in the .ts); names come from V8.
      return { file: `${src}:~${pos.line}`, pkg: pkgOf(src), name: cf.functionName || pos.name || '(anonymous)' };
    }
  }
  if (!url)
    return { file: '', pkg: cf.functionName.startsWith('(') ? cf.functionName : '(native)', name: cf.functionName || '(anonymous)' };
  if (url.startsWith('node:'))
    return { file: `${url}:${cf.lineNumber + 1}`, pkg: 'node internals', name: cf.functionName || '(anonymous)' };
  return { file: `${url}:${cf.lineNumber + 1}`, pkg: url, name: cf.functionName || '(anonymous)' };
}
function pkgOf(src) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(src);
  if (m) return m[1];
  if (src.startsWith('src/') || src.includes('/src/')) return 'src (this action)';
  return src.split('/')[0];
}

const byFn = new Map();
const byPkg = new Map();
for (const node of prof.nodes) {
  const us = self.get(node.id) ?? 0;
  if (!us) continue;
  const w = where(node.callFrame);
  const k = `${w.name}  ${w.file}`;
  byFn.set(k, (byFn.get(k) ?? 0) + us);
  byPkg.set(w.pkg, (byPkg.get(w.pkg) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / totalUs).toFixed(1)}%`;
const ms = (us) => `${(us / 1000).toFixed(0)} ms`;
console.log(`# ${path.basename(file)}: ${ms(totalUs)} profiled`);
console.log('\n## Self time by package\n');
for (const [k, us] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`${pct(us).padStart(6)}  ${ms(us).padStart(8)}  ${k}`);
console.log(`\n## Top ${top} functions by self time\n`);
for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(us).padStart(6)}  ${ms(us).padStart(8)}  ${k}`);
