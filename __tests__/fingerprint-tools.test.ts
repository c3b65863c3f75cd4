import { describe, expect, it } from '@jest/globals';
import { classifyFingerprints } from '../src/plan/fingerprint.js';
import { loadTables, scoreTable, total, type ToolScore } from './fixtures/fingerprint-tools/evaluate.js';

// Tools the action has never seen (none is in ../shared/corpus): per-tool tables in
// __tests__/fixtures/fingerprint-tools/, built for real where they install from npm (Parcel, Rspack,
// Rsbuild, eleventy-img) and otherwise written from the tool's documented naming. Each has a first build
// and a redeploy of a changed build; each row says which token (if any) is the content hash or build id
// and where that truth comes from. `bench/fingerprint-tools.ts` prints the same figures per tool.

const tables = loadTables();
const scores: ToolScore[] = tables.map(scoreTable);
const CORPUS_TOOLS = new Set(['vite', 'webpack', 'webpack-cra', 'rollup', 'esbuild', 'hugo']);

describe('fingerprint tables of tools outside the corpus', () => {
  it('has at least ten tools, none from the corpus, some built for real, every row with a documented source', () => {
    const tools = new Set(tables.map((t) => t.tool.replace(/-hash-first$/, '')));
    expect(tools.size).toBeGreaterThanOrEqual(10);
    for (const t of tables) {
      expect(CORPUS_TOOLS.has(t.tool)).toBe(false);
      expect(t.builds).toHaveLength(2);
      for (const b of t.builds) for (const r of b.files) expect(t.sources[r.source]).toEqual(expect.any(String));
    }
    expect(tables.filter((t) => t.built).length).toBeGreaterThanOrEqual(4);
  });

  it('single build: precision 1.000 on every tool, recall >= 0.98 over all of them', () => {
    const all = total(scores.map((s) => s.single));
    expect(all.falsePositives).toEqual([]);
    if (all.recall < 0.98) expect(all.misses).toEqual([]); // show the misses
    expect(all.recall).toBeGreaterThanOrEqual(0.98);
    for (const s of scores) expect([s.tool, s.single.recall >= 0.95]).toEqual([s.tool, true]);
  });

  it('after a redeploy: precision 1.000, recall >= 0.995, and no exact path sent for a removed hashed or build-id name', () => {
    const all = total(scores.map((s) => s.redeploy));
    expect(all.falsePositives).toEqual([]);
    if (all.recall < 0.995) expect(all.misses).toEqual([]);
    expect(all.recall).toBeGreaterThanOrEqual(0.995);
    expect(scores.flatMap((s) => s.sentHashed.map((p) => `${s.tool}: ${p}`))).toEqual([]);
  });

  it('every fingerprinted verdict names its rule and the token it rests on (directory rules name the directory)', () => {
    const DIRECTORY_RULE = /_next\/static\/|_app\/immutable\/|(?:^|\/)static\/[0-9a-f]{32}\//;
    let checked = 0;
    for (const t of tables) {
      const verdicts = classifyFingerprints({ files: t.builds[0].files.map((f) => f.path), manifests: {} });
      for (const r of t.builds[0].files) {
        const v = verdicts.get(r.path);
        if (!v?.fingerprinted || !r.token) continue;
        if (DIRECTORY_RULE.test(r.path)) {
          expect(v.reason).toMatch(/^under /);
          continue;
        }
        const named = /\[token '([^']+)'\]$/.exec(v.reason)?.[1] ?? null;
        expect([r.path, named !== null && r.token.split(' ').includes(named)]).toEqual([r.path, true]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
