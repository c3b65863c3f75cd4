import { describe, expect, it } from '@jest/globals';
import { classifyFingerprints } from '../src/plan/fingerprint.js';
import { memoryCdn, memoryClock, memoryStore, pipelineRun } from './support/memory.js';
import { loadTables, redraw, scoreTable, seeded, total, type ToolScore } from './fixtures/fingerprint-tools/evaluate.js';

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

  it('fresh hashes (every token drawn again in its alphabet and length, seeds 1-10): precision 1.000 on every draw, recall >= 0.98 single and >= 0.995 after a redeploy', () => {
    const sums = { single: { tp: 0, fn: 0 }, redeploy: { tp: 0, fn: 0 } };
    for (let seed = 1; seed <= 10; seed++) {
      const random = seeded(seed);
      const s = tables.map((t) => scoreTable(redraw(t, random)));
      const one = total(s.map((x) => x.single));
      const two = total(s.map((x) => x.redeploy));
      expect([seed, one.falsePositives, two.falsePositives]).toEqual([seed, [], []]);
      sums.single.tp += one.tp;
      sums.single.fn += one.fn;
      sums.redeploy.tp += two.tp;
      sums.redeploy.fn += two.fn;
      expect(one.recall).toBeGreaterThanOrEqual(0.98);
    }
    expect(sums.single.tp / (sums.single.tp + sums.single.fn)).toBeGreaterThanOrEqual(0.98);
    expect(sums.redeploy.tp / (sums.redeploy.tp + sums.redeploy.fn)).toBeGreaterThanOrEqual(0.995);
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

describe('end to end on the in-memory ports: evidence in report.json, nothing hashed sent after a redeploy', () => {
  const D1 = 'E1ABCDEFGH';
  const IMMUTABLE = 'public, max-age=31536000, immutable';
  const OLD_ID = '3c1e5c4a-8d2b-4f6e-9a7b-0c1d2e3f4a5b';
  const NEW_ID = '9e376aa3-3904-4c65-944d-490ea72d437c';
  const build = (v: string, id: string, digits: string): Record<string, string> => ({
    'index.html': `<h1>${v}</h1>`,
    'robots.txt': 'User-agent: *',
    'downloads/release-2024-01-15.zip': 'zip',
    'vendor/jquery-3.7.1.min.js': 'jq',
    // Rsbuild media: one all-digit hex hash among its siblings
    'static/image/hero.79bc686a.png': 'hero',
    'static/image/logo.a992ac7d.png': 'logo',
    'static/image/team.b2537aa2.png': 'team',
    [`static/image/map.${digits}.png`]: `map ${v}`,
    // the hash before the name; eleventy-img `<id>-<width>`; wasm-bindgen `_bg`
    '0ae99683-402.js': 'chunk',
    'img/-0Ax5fWYR1-64.webp': 'img',
    'app-e082ae386338b441_bg.wasm': 'wasm',
    // a build directory named by a UUID, replaced whole by each build
    [`builds/${id}/app.js`]: `app ${v}`,
    [`builds/${id}/data.json`]: `data ${v}`,
  });

  it('first deploy: the hashed names are immutable and their report rows name rule and token; the redeploy sends none of them', async () => {
    const store = memoryStore();
    const cdn = memoryCdn();
    const o = { store, cdn, clock: memoryClock() };
    const inputs = { bucket: 'site-bucket', 'distribution-id': D1 };

    const r1 = await pipelineRun(inputs, build('one', OLD_ID, '40918273'), o);
    expect(r1.failure).toBeNull();
    const row = (r: typeof r1, p: string) => r.report!.files.find((f) => f.path === p);
    for (const [p, token] of [
      ['static/image/map.40918273.png', '40918273'],
      ['0ae99683-402.js', '0ae99683'],
      ['img/-0Ax5fWYR1-64.webp', '-0Ax5fWYR1'],
      ['app-e082ae386338b441_bg.wasm', 'e082ae386338b441'],
    ] as const) {
      expect([p, row(r1, p)?.fingerprinted, row(r1, p)?.cacheControl]).toEqual([p, true, IMMUTABLE]);
      expect(row(r1, p)?.fingerprintReason).toContain(`[token '${token}']`);
    }
    for (const p of [
      'index.html',
      'robots.txt',
      'downloads/release-2024-01-15.zip',
      'vendor/jquery-3.7.1.min.js',
      `builds/${OLD_ID}/app.js`,
    ]) {
      expect([p, row(r1, p)?.fingerprinted]).toEqual([p, false]);
    }

    // Redeploy: new content for the map (new hash, all digits again) and a new build id.
    const r2 = await pipelineRun(inputs, build('two', NEW_ID, '51028374'), o);
    expect(r2.failure).toBeNull();
    expect(row(r2, `builds/${NEW_ID}/data.json`)?.fingerprintReason).toMatch(/^learned from history: builds\/<36-char uuid build id>\//);
    expect(row(r2, `builds/${NEW_ID}/data.json`)?.cacheControl).toBe(IMMUTABLE);
    const sent = cdn.sent().flatMap(([, paths]) => paths);
    expect(sent.filter((p) => /40918273|51028374|builds\//.test(p))).toEqual([]);
    expect(sent).toContain('/index.html');
  });
});
