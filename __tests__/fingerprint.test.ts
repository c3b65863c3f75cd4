import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import picomatch from 'picomatch';
import { classifyFingerprints, isFingerprintedName, MANIFEST_GLOBS } from '../src/plan/fingerprint.js';

// ---------------------------------------------------------------------------------------------------
// Ground truth corpus: real builds of vite, webpack, CRA, rollup, esbuild and hugo (shared/corpus).
// ---------------------------------------------------------------------------------------------------

/** CI always has ../shared beside the clone; a missing corpus must fail these tests, not skip them. */
function findCorpus(): string | null {
  for (const dir of [path.resolve(process.cwd(), '../shared/corpus'), '/work/shared/corpus']) {
    if (fs.existsSync(path.join(dir, 'fingerprints'))) return dir;
  }
  return null;
}

const CORPUS = findCorpus();
const EXPECTED_TOOLS = ['vite', 'webpack', 'webpack-cra', 'rollup', 'esbuild', 'hugo'];
const TOOLS = [
  ...new Set([
    ...EXPECTED_TOOLS,
    ...(CORPUS
      ? fs
          .readdirSync(path.join(CORPUS, 'fingerprints'))
          .filter((f) => f.endsWith('.json'))
          .map((f) => f.slice(0, -5))
      : []),
  ]),
];

interface Truth {
  tool: string;
  files: Array<{ path: string; fingerprinted: boolean }>;
}

function walk(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(root, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

const rows: string[] = [];
const tmpDirs: string[] = [];

afterAll(() => {
  if (rows.length) {
    console.log(['tool          files   TP  FP  FN  precision  recall', ...rows].join('\n'));
  }
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('corpus: precision 1 and recall >= 0.98 per tool', () => {
  it('finds the corpus (../shared/corpus or /work/shared/corpus)', () => {
    expect(CORPUS).not.toBeNull();
  });

  it.each(TOOLS)('%s', (tool) => {
    expect(CORPUS).not.toBeNull();
    const corpus = CORPUS as string;
    const truth = JSON.parse(fs.readFileSync(path.join(corpus, 'fingerprints', `${tool}.json`), 'utf8')) as Truth;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fp-${tool}-`));
    tmpDirs.push(dir);
    execFileSync('tar', ['-xzf', path.join(corpus, 'builds', `${tool}.tar.gz`), '-C', dir]);

    const isManifest = picomatch(MANIFEST_GLOBS, { dot: true });
    const manifests: Record<string, string> = {};
    for (const rel of walk(dir)) if (isManifest(rel)) manifests[rel] = fs.readFileSync(path.join(dir, rel), 'utf8');

    const verdicts = classifyFingerprints({ files: truth.files.map((f) => f.path), manifests });
    let tp = 0;
    const fp: string[] = [];
    const fn: string[] = [];
    for (const f of truth.files) {
      const v = verdicts.get(f.path);
      expect(v).toBeDefined();
      if (v?.fingerprinted && f.fingerprinted) tp++;
      else if (v?.fingerprinted) fp.push(`${f.path}: ${v.reason}`);
      else if (f.fingerprinted) fn.push(`${f.path}: ${v?.reason}`);
    }
    const precision = tp + fp.length === 0 ? 1 : tp / (tp + fp.length);
    const recall = tp + fn.length === 0 ? 1 : tp / (tp + fn.length);
    rows.push(
      `${tool.padEnd(12)} ${String(truth.files.length).padStart(6)} ${String(tp).padStart(4)} ${String(fp.length).padStart(3)} ${String(fn.length).padStart(3)}  ${precision.toFixed(4).padStart(9)}  ${recall.toFixed(4)}`,
    );
    expect(fp).toEqual([]); // the wrong hits, with their reasons, if any
    expect(precision).toBe(1);
    if (recall < 0.98) expect(fn).toEqual([]); // show the misses
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });
});

// ---------------------------------------------------------------------------------------------------
// Generalisation: how other bundlers name files (none of these are in the corpus).
// ---------------------------------------------------------------------------------------------------

const POSITIVES: Array<[string, string]> = [
  ['Parcel', 'index.7a8b9c0d.js'],
  ['Parcel', 'logo.1a2b3c4d.png'],
  ['Docusaurus', 'assets/js/main.3f2a1b4c.js'],
  ['Docusaurus', 'assets/js/runtime~main.1a2b3c4d.js'],
  ['Docusaurus', 'assets/js/1df93b7f.8c0e5b3a.js'],
  ['Docusaurus', 'assets/css/styles.9a8b7c6d.css'],
  ['Docusaurus', 'assets/images/social-card-2f95a8c7bd2b54b0bd5b4f6a5f48b9a8.jpg'],
  ['Astro', '_astro/index.Bq3x_7Ke.css'],
  ['Astro', '_astro/hoisted.Ab12Cd34.js'],
  ['Astro image', '_astro/cat.CXAnwGyb_1Dz3OE.webp'],
  ['SvelteKit', '_app/immutable/chunks/index.D4kR9x2a.js'],
  ['SvelteKit', '_app/immutable/entry/start.Bx9LmQ2w.js'],
  ['VitePress', 'assets/app.CkX5tH3T.js'],
  ['VitePress', 'assets/guide_index.md.Dx3kP9q2.lean.js'],
  ['VitePress', 'assets/chunks/framework.Dx3kP9q2.js'],
  ['Gatsby', 'app-3f1c2e4b5a6d7e8f9a0b.js'],
  ['Gatsby', 'webpack-runtime-0a1b2c3d4e5f6a7b8c9d.js'],
  ['Gatsby', 'component---src-pages-index-js-3f1c2e4b5a6d7e8f9a0b.js'],
  ['Gatsby', 'styles.e1ab1c3a2b1b2e1f2d3c.css'],
  ['Gatsby', 'static/c1c8a4a3e3d8b5b5f1f2a3b4c5d6e7f8/logo.png'],
  ['Next webpack', '_next/static/chunks/pages/_app-0123456789abcdef.js'],
  ['Next webpack', '_next/static/css/0123456789abcdef.css'],
  ['Next build id', '_next/static/Xy7_aB3kLmN9pQ2rS4tU6/_buildManifest.js'],
  ['Next build id', '_next/static/Xy7_aB3kLmN9pQ2rS4tU6/_ssgManifest.js'],
  ['Next basePath', 'docs/_next/static/media/inter.3f2a1b4c.woff2'],
  ['Turbopack', '_next/static/chunks/0a1b2c3d4e5f6789.js'],
  ['Turbopack whole name', 'chunks/0a1b2c3d4e5f6789.js'],
  ['Angular 17+', 'chunk-ABCDEF12.js'],
  ['Angular 17+', 'polyfills-FFHMD2TL.js'],
  ['Angular 17+', 'styles-5INURTSO.css'],
  ['Angular 17+', 'main-UJOF4T32.js'],
  ['Angular <= 16', 'main.1a2b3c4d5e6f7a8b.js'],
  ['Angular <= 16', 'runtime.0f1e2d3c4b5a6978.js'],
  ['Nuxt 3', '_nuxt/BxQ4p0fK.js'],
  ['Nuxt 3', '_nuxt/entry.DkX9a2Lm.css'],
  ['Nuxt 2', '_nuxt/4f2c1a0.js'],
  ['Vite', 'assets/index-BvAciO2w.js'],
  ['Vite (hash with - and _)', 'assets/analytics-CfaFZ-lr.js'],
  ['webpack', 'main.02b22154870bc0e54445.js'],
  ['webpack asset [hash][ext]', '64fa97bef11529365557.woff2'],
  ['CRA all-digit hash', 'static/js/main.12345678.js'],
  ['CRA chunk', 'static/js/787.a1b2c3d4.chunk.js'],
  ['source map', 'assets/main-UJOF4T32.js.map'],
  ['LICENSE', 'main.02b22154870bc0e54445.js.LICENSE.txt'],
  ['precompressed', 'assets/index-BvAciO2w.js.br'],
  ['Hugo sha256', 'css/main.min.b1792f127046ff0f4dd201d1333e1e322dc207f59d3613c832ddc7286ad28f67.css'],
  ['Hugo md5', 'css/print.ddc7e4170622d7582ee4015caea53ed7.css'],
  ['Hugo image', 'images/hero_hua1961135bf5e677f9115930a4600d75d_18569_48x0_resize_box_3.png'],
  ['Sprockets', 'assets/application-9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.css'],
  ['esbuild all letters', 'assets/team-photo-WFSAEKPX.png'],
];

const NEGATIVES: Array<[string, string]> = [
  ['version', 'jquery-3.7.1.min.js'],
  ['word', 'my-settings.js'],
  ['dimensions', 'apple-touch-icon-180x180.png'],
  ['date', 'release-notes-2024-01.html'],
  ['Pascal words', 'Roboto-BoldItalic.woff2'],
  ['Pascal words, 8 chars', 'fonts/Inter-SemiBold.woff2'],
  ['timestamp', 'photo_2024-01-15_14-30-22.png'],
  ['plain', 'favicon.ico'],
  ['plain', 'robots.txt'],
  ['HTML', 'index.html'],
  ['HTML with a hash', 'assets/page-BvAciO2w.html'],
  ['HTML under _next/static', '_next/static/x/page.html'],
  ['service worker', 'sw.js'],
  ['service worker', 'service-worker.js'],
  ['web manifest', 'manifest.webmanifest'],
  ['min bundle', 'bootstrap.bundle.min.js'],
  ['version', 'font-awesome-4.7.0.css'],
  ['word', 'logo-dark.svg'],
  ['width', 'hero-background-1920w.jpg'],
  ['doc', 'README.md'],
  ['version', 'CHANGELOG-v2.html'],
  ['index', 'sitemap-0.xml'],
  ['dimensions', 'og-image-1200x630.png'],
  ['lowercase letters (ambiguous: precision first)', 'my-component-abcdefgh.js'],
  ['capitalised word', 'docs-OVERVIEW.pdf'],
  ['capitalised word', 'photo-EXPLORER.png'],
  ['capitalised word and number', 'photo-BUDGET99.png'],
  ['resolution', 'video/clip-4K-HDR10.mp4'],
  ['number and word', 'layouts/grid-3columns.css'],
  ['Pascal word and number', 'docs/intro-Project6.pdf'],
  ['word and year', 'banner-SALE2024.png'],
  ['camera name', 'trip-IMG_2024.jpg'],
  ['camera name', 'trip-DSC01234.jpg'],
  ['words', 'report-v2-final.pdf'],
  ['month and year', 'event-may-2024.png'],
  ['date digits', 'app.20240115.js'],
  ['8 digits on media', 'photo.12345678.jpg'],
  ['hex word and number', 'menu-cafe2024.pdf'],
  ['all-letter hex', 'deadbeef.txt'],
  ['whole name 8 hex', 'abcdef12.js'],
  ['whole name 8 capitals', 'ABCDEFGH.js'],
  ['whole name word', 'settings.js'],
  ['numeric id', 'page-data/sq/d/2744905544.json'],
  ['Gatsby page data', 'page-data/index/page-data.json'],
  ['Nuxt mutable pointer', '_nuxt/builds/latest.json'],
  ['SvelteKit version file', '_app/version.json'],
  ['VitePress hashmap', 'hashmap.json'],
  ['camel word', 'js/darkMode.js'],
  ['word with number', 'lessons/intro-chapter1.pdf'],
  ['dotted version', 'bootstrap.5.3.min.css'],
  ['well-known', '.well-known/acme-challenge/0123456789abcdef0123456789abcdef.txt'],
  ['Google verification', 'google1234567890abcdef.html'],
  ['mock service worker', 'mockServiceWorker.js'],
  ['no extension', 'assets/BvAciO2w'],
];

describe('name rules generalise to other bundlers', () => {
  it.each(POSITIVES)('%s: %s is fingerprinted', (_tool, p) => {
    const v = isFingerprintedName(p);
    expect(v).toEqual({ fingerprinted: true, reason: expect.any(String) });
  });

  it.each(NEGATIVES)('%s: %s is not fingerprinted', (_why, p) => {
    expect(isFingerprintedName(p).fingerprinted).toBe(false);
  });

  it('names the evidence in the reason', () => {
    expect(isFingerprintedName('assets/app.CkX5tH3T.js').reason).toMatch(/8-char base64url/);
    expect(isFingerprintedName('polyfills-FFHMD2TL.js').reason).toMatch(/base32/);
    expect(isFingerprintedName('main.02b22154870bc0e54445.js').reason).toMatch(/20-char hex/);
    expect(isFingerprintedName('_next/static/chunks/main-0123456789abcdef.js').reason).toMatch(/_next\/static/);
    expect(isFingerprintedName('index.html').reason).toMatch(/HTML/);
  });

  it('classifyFingerprints gives one verdict per file, agreeing with the name rule without evidence', () => {
    const files = [...POSITIVES, ...NEGATIVES].map(([, p]) => p);
    const v = classifyFingerprints({ files, manifests: {} });
    expect(v.size).toBe(new Set(files).size);
    for (const p of files) expect(v.get(p)).toEqual(isFingerprintedName(p));
  });
});

// ---------------------------------------------------------------------------------------------------
// Manifests
// ---------------------------------------------------------------------------------------------------

describe('manifests', () => {
  it('vite: lists hashed outputs relative to the folder holding .vite/, catching hashes the name rule misses', () => {
    const manifest = {
      'index.html': { file: 'assets/main-ab3dxq9z.js', name: 'main', src: 'index.html', isEntry: true, css: ['assets/main-BqxYwzKd.css'] },
      // lower-case letters only: the name rule refuses it (could be a word), the manifest proves it is the hash
      'src/lazy/chart.js': { file: 'assets/chart-kqzvbwyx.js', name: 'chart', src: 'src/lazy/chart.js' },
      'src/assets/hero.png': { file: 'assets/hero-CT5meQGN.png', src: 'src/assets/hero.png' },
      // `[name].js` output: listed, but no hash in the name
      'src/worker.js': { file: 'assets/worker.js', name: 'worker', src: 'src/worker.js' },
      // `[name]-[name]` style constant suffix is not a hash
      'src/my.js': { file: 'assets/my-settings.js', name: 'my', src: 'src/my.js' },
    };
    const files = [
      'app/index.html',
      'app/assets/main-ab3dxq9z.js',
      'app/assets/main-BqxYwzKd.css',
      'app/assets/chart-kqzvbwyx.js',
      'app/assets/hero-CT5meQGN.png',
      'app/assets/worker.js',
      'app/assets/my-settings.js',
    ];
    expect(isFingerprintedName('app/assets/chart-kqzvbwyx.js').fingerprinted).toBe(false);
    const v = classifyFingerprints({ files, manifests: { 'app/.vite/manifest.json': JSON.stringify(manifest) } });
    const fp = (p: string) => v.get(p)?.fingerprinted;
    expect(fp('app/index.html')).toBe(false);
    expect(fp('app/assets/main-ab3dxq9z.js')).toBe(true);
    expect(fp('app/assets/main-BqxYwzKd.css')).toBe(true);
    expect(fp('app/assets/chart-kqzvbwyx.js')).toBe(true);
    expect(v.get('app/assets/chart-kqzvbwyx.js')?.reason).toMatch(/app\/\.vite\/manifest\.json/);
    expect(fp('app/assets/hero-CT5meQGN.png')).toBe(true);
    expect(fp('app/assets/worker.js')).toBe(false);
    expect(fp('app/assets/my-settings.js')).toBe(false);
  });

  it('vite <= 4: manifest.json at the outDir root; a PWA manifest.json is ignored', () => {
    const vite4 = { 'src/main.ts': { file: 'assets/main.5c6d7e8f.js', src: 'src/main.ts', isEntry: true } };
    const v = classifyFingerprints({ files: ['assets/main.5c6d7e8f.js'], manifests: { 'manifest.json': JSON.stringify(vite4) } });
    expect(v.get('assets/main.5c6d7e8f.js')?.reason).toMatch(/manifest\.json/);
    const pwa = { name: 'Site', start_url: '/index.html', icons: [{ src: '/icon-192x192.png' }] };
    const w = classifyFingerprints({ files: ['index.html', 'icon-192x192.png'], manifests: { 'manifest.json': JSON.stringify(pwa) } });
    expect(w.get('index.html')?.fingerprinted).toBe(false);
    expect(w.get('icon-192x192.png')?.fingerprinted).toBe(false);
  });

  it('CRA asset-manifest: URL paths with a public path, and public files listed next to hashed ones', () => {
    const manifest = {
      files: {
        'main.js': '/my-app/static/js/main.deadbeef.js', // all-letter hex: the name rule refuses it
        'main.css': '/my-app/static/css/main.647ad83a.css',
        'static/js/787.00112233.chunk.js': '/my-app/static/js/787.00112233.chunk.js',
        'static/media/logo.svg': '/my-app/static/media/logo.20240115.svg', // a date is not a hash
        'settings.js': '/my-app/settings.js',
        'index.html': '/my-app/index.html',
        'deadbeef.txt': '/my-app/deadbeef.txt',
      },
      entrypoints: ['static/css/main.647ad83a.css', 'static/js/main.deadbeef.js'],
    };
    const files = [
      'static/js/main.deadbeef.js',
      'static/css/main.647ad83a.css',
      'static/js/787.00112233.chunk.js',
      'static/media/logo.20240115.svg',
      'settings.js',
      'index.html',
      'deadbeef.txt',
    ];
    expect(isFingerprintedName('static/js/main.deadbeef.js').fingerprinted).toBe(false);
    const v = classifyFingerprints({ files, manifests: { 'asset-manifest.json': JSON.stringify(manifest) } });
    const fp = (p: string) => v.get(p)?.fingerprinted;
    expect(fp('static/js/main.deadbeef.js')).toBe(true);
    expect(v.get('static/js/main.deadbeef.js')?.reason).toMatch(/asset-manifest\.json.*'main\.js'.*'deadbeef'/);
    expect(fp('static/css/main.647ad83a.css')).toBe(true);
    expect(fp('static/js/787.00112233.chunk.js')).toBe(true);
    expect(fp('static/media/logo.20240115.svg')).toBe(false);
    expect(fp('settings.js')).toBe(false);
    expect(fp('index.html')).toBe(false);
    expect(fp('deadbeef.txt')).toBe(false);
  });

  it('webpack-manifest-plugin flat map', () => {
    const manifest = { 'main.js': 'auto/main.0a0b0c0d0e.js', 'vendor.js': 'auto/vendor.js' };
    const v = classifyFingerprints({
      files: ['main.0a0b0c0d0e.js', 'vendor.js'],
      manifests: { 'manifest.json': JSON.stringify(manifest) },
    });
    expect(v.get('main.0a0b0c0d0e.js')?.fingerprinted).toBe(true); // 10-hex: only the manifest knows
    expect(v.get('vendor.js')?.fingerprinted).toBe(false);
  });

  it('ignores manifests that are not JSON or not a known shape', () => {
    const v = classifyFingerprints({
      files: ['a.js', 'assets/index-BvAciO2w.js'],
      manifests: { 'manifest.json': '{not json', 'asset-manifest.json': '[1,2]', '.vite/manifest.json': '{"x": 1}' },
    });
    expect(v.get('a.js')?.fingerprinted).toBe(false);
    expect(v.get('assets/index-BvAciO2w.js')?.fingerprinted).toBe(true);
  });

  it('MANIFEST_GLOBS match the manifests the corpus builds contain', () => {
    const m = picomatch(MANIFEST_GLOBS, { dot: true });
    expect(m('.vite/manifest.json')).toBe(true);
    expect(m('dist/.vite/manifest.json')).toBe(true);
    expect(m('asset-manifest.json')).toBe(true);
    expect(m('manifest.json')).toBe(true);
    expect(m('assets/main.js')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// User patterns
// ---------------------------------------------------------------------------------------------------

describe('user fingerprint-patterns', () => {
  it('mark matching files fingerprinted and name the glob; others fall back to the rules', () => {
    const files = ['media/photo.jpg', 'media/.hidden/x.png', 'static/app.js', 'assets/index-BvAciO2w.js', 'index.html'];
    const v = classifyFingerprints({ files, manifests: {}, userPatterns: ['media/**', ' ./static/*.js ', ''] });
    expect(v.get('media/photo.jpg')).toEqual({ fingerprinted: true, reason: "user fingerprint-patterns glob 'media/**'" });
    expect(v.get('media/.hidden/x.png')?.fingerprinted).toBe(true); // dot: true
    expect(v.get('static/app.js')?.reason).toBe("user fingerprint-patterns glob './static/*.js'");
    expect(v.get('assets/index-BvAciO2w.js')?.fingerprinted).toBe(true);
    expect(v.get('index.html')?.fingerprinted).toBe(false);
  });

  it('win over the HTML rule: an explicit pattern is the user’s contract', () => {
    const v = classifyFingerprints({ files: ['embed/widget.html'], manifests: {}, userPatterns: ['embed/*.html'] });
    expect(v.get('embed/widget.html')?.fingerprinted).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// Speed
// ---------------------------------------------------------------------------------------------------

describe('scale', () => {
  it('classifies 100,000 paths, one verdict each (timing: no assertion, the machine may be shared)', () => {
    const shapes = [
      (i: number) => `assets/chunk-${i.toString(36)}-${'BvAciO2w'}.js`,
      (i: number) => `static/js/${i}.${(i * 2654435761).toString(16).padStart(8, '0').slice(-8)}.chunk.js`,
      (i: number) => `blog/post-${i}/index.html`,
      (i: number) => `images/photo_${i}_2024-01-15.jpg`,
      (i: number) => `_next/static/chunks/${i.toString(16).padStart(16, '0')}.js`,
    ];
    const files = Array.from({ length: 100_000 }, (_, i) => (shapes[i % shapes.length] as (i: number) => string)(i));
    const manifests = { 'asset-manifest.json': JSON.stringify({ files: { 'main.js': '/static/js/1.9e3779b1.chunk.js' } }) };
    const v = classifyFingerprints({ files, manifests, userPatterns: ['downloads/**'] });
    expect(v.size).toBe(new Set(files).size);
    expect(v.size).toBe(100_000);
    expect(v.get('_next/static/chunks/0000000000000004.js')?.fingerprinted).toBe(true);
    expect(v.get('blog/post-2/index.html')?.fingerprinted).toBe(false);
  });
});
