import { describe, expect, it } from '@jest/globals';
import { classifyFingerprints, isFingerprintedName } from '../src/plan/fingerprint.js';
import { dropShapes, learnShapes } from '../src/plan/fingerprint-history.js';
import { removedVerdict } from '../src/plan/ledger.js';

// One table per hash shape that real bundlers and image pipelines emit (issue 21), each with
// counter-examples that must stay mutable: dates, versions, counters, words. `true` = fingerprinted.
// Names alone go through `isFingerprintedName`; names whose proof is their siblings go through
// `classifyFingerprints` with those siblings; names proven by a redeploy through `learnShapes`.
type Row = [path: string, fingerprinted: boolean];

const COMMON_COUNTER_EXAMPLES: Row[] = [
  ['vendor/jquery-3.7.1.min.js', false],
  ['downloads/release-2024-01-15.zip', false],
  ['downloads/release-2024-01-15.js', false],
  ['images/photo_2024-01-15_14-30-22.png', false],
  ['images/IMG_20240115.jpg', false],
  ['images/DSC01234.jpg', false],
  ['docs/v2.3.1/changelog.txt', false],
  ['fonts/font-awesome-4.7.0.css', false],
  ['fonts/Roboto-BoldItalic.woff2', false],
  ['js/my-settings.js', false],
];

const NAME_TABLES: Record<string, Row[]> = {
  // `[hash]-[name].[ext]`: Rspack/webpack `[contenthash:8]-[name].js` (built for real), the Qwik site's
  // Rollup `assets/[hash]-[name].[ext]`.
  'hash before the name': [
    ['0ae99683-402.js', true],
    ['a8549338-main.js.map', true],
    ['img/1da73111-hero.png', true],
    ['img/54784ebc-icon-2024-01-15.png', true],
    ['assets/Oj3lIpGg-style.css', true],
    ['assets/i1J_JzP5-global.css', true],
    ['assets/BqDbmoIC-global.css', true],
    ['img/MyPhoto1-hero.png', false],
    ['img/k8sGuide-intro.png', false],
    ['js/jQueryUI-plugin.js', false],
    ['js/MyWidget-core.js', false],
    ['20240115-report.pdf', false], // a date
    ['12345678-notes.js', false], // digits: no sibling proves a template
    ['deadbeef-notes.js', false], // letters only: a word as likely as a hash
    ['abc123-logo.png', false], // 6 chars
    ['Settings-page.js', false],
    ['Win10Pro-setup.js', false],
    ['IMG_2024-beach.jpg', false],
    ['550e8400-e29b-41d4-a716-446655440000-avatar.png', false], // a UUID names a record
    ...COMMON_COUNTER_EXAMPLES,
  ],
  // Two hash segments: Gatsby `[name]-[contenthash]` whose name is a chunk-id hash, Docusaurus
  // `[name].[contenthash:8]` whose name is a path hash or number, Astro images `<name>.<hash>_<hash>`.
  'two hash segments': [
    ['252f366e-2705b607be296edabcea.js', true],
    ['assets/js/1df93b7f.8c0e5b3a.js', true],
    ['assets/js/17896441.18a4b8ad.js', true],
    ['assets/js/a7bd4aaa.50315632.js', true],
    ['_astro/hero.DFdp_Lx-_Z1Kq2xN.webp', true],
    ['v1.2.3-20240115.tar.gz', false],
    ['backup-20240115-143022.sql', false],
    ...COMMON_COUNTER_EXAMPLES,
  ],
  // base64url (`[A-Za-z0-9_-]`): the hash may begin with, or hold, the name's own separator.
  'base64url with - and _': [
    ['assets/analytics-CfaFZ-lr.js', true],
    ['assets/index-B_x9Kq2m.js', true],
    ['img/-0Ax5fWYR1-64.jpeg', true],
    ['img/jrI9Ng4Z_R-120.webp', true],
    ['img/FHvowR-J8x-224.avif', true],
    ['img/8g3CTB_6vz-79.avif', true],
    ['js/my-component-abcdefgh.js', false],
    ['js/x-V2_FINAL.js', false],
    ['js/data-__DATA__.json', false],
    ['img/hero-banner-1200.jpg', false],
    ['img/IMG_2024-300.jpg', false],
    ...COMMON_COUNTER_EXAMPLES,
  ],
  // `<hash>-<width>.<ext>`: eleventy-img's default `filenameFormat` (built for real), 10-char ids.
  '<hash>-<width>.<ext>': [
    ['img/1WDUOaMviW-64.avif', true],
    ['img/Usl1n_EeJM-184.webp', true],
    ['img/6dfd7ac6c4-300.jpeg', true],
    ['img/logo-512.png', false],
    ['img/icon-192.png', false],
    ['img/apple-touch-icon-180.png', false],
    ['img/DSC01234-640.jpg', false],
    ['img/Win10Start-300.jpg', false],
    ['img/photo-2024-800.webp', false],
    ['img/hero-banner-1200.jpg', false],
    ...COMMON_COUNTER_EXAMPLES,
  ],
  // wasm-bindgen's `_bg` after Trunk's `[name]-[16 hex]`.
  'hash before a constant suffix': [
    ['app-e082ae386338b441_bg.wasm', true],
    ['app-e082ae386338b441.js', true],
    ['app_bg.wasm', false],
    ['release-2024-01-15_bg.wasm', false],
  ],
  // A random build id in the path, written once per build: Nuxt `builds/meta/<uuid>.json` (Nuxt serves it
  // `immutable` itself), Next.js `_next/static/<buildId>/`. Elsewhere a UUID names a record: mutable.
  'build id in the path': [
    ['_nuxt/builds/meta/9e376aa3-3904-4c65-944d-490ea72d437c.json', true],
    ['_next/static/Xy7_aB3kLmN9pQ2rS4tU6/_buildManifest.js', true],
    ['_nuxt/builds/latest.json', false],
    ['uploads/9e376aa3-3904-4c65-944d-490ea72d437c.jpg', false],
    ['api/users/9e376aa3-3904-4c65-944d-490ea72d437c.json', false],
    ['builds/meta/9e376aa3-3904-4c65-944d-490ea72d437c.json', false],
  ],
};

describe.each(Object.entries(NAME_TABLES))('shape: %s (name alone)', (_shape, table) => {
  it.each(table)('%s -> %s', (p, expected) => {
    const v = isFingerprintedName(p);
    expect(v.fingerprinted).toBe(expected);
    if (expected) expect(v.reason).toMatch(/\[token '[^']+'\]$|^under _next\/static\//);
  });
});

// Context: the siblings of one build prove a template; a name in the same position whose token has the
// template's length and alphabet is one of them, unless it counts, dates or spells a word.
const SIBLING_TABLES: Record<string, { siblings: string[]; rows: Row[] }> = {
  // An 8-hex hash is all digits about one time in forty (Rsbuild `static/image/[name].[contenthash:8][ext]`).
  'all-digit hex, [name].[hash:8]': {
    siblings: [
      'static/image/hero.79bc686a.png',
      'static/image/logo.a992ac7d.png',
      'static/image/avatar.e12d5b1d.png',
      'static/image/team.b2537aa2.png',
    ],
    rows: [
      ['static/image/map.40918273.png', true],
      ['static/image/photo.20240115.png', false], // a date
      ['static/image/frame.00000042.png', false], // a counter
      ['static/image/x.11111111.png', false],
      ['static/image/y.12345678.png', false],
      ['static/image/banner-1200x630.png', false],
      ['static/image/icon-2024-01-15.png', false],
      ['static/image/menu.cafe2024.png', false],
      ['static/image/menu.facade12.png', false],
      ['images/map.40918273.png', false], // another directory: no template there
      ['static/image/map.40918273.jpg', false], // another extension: no template for it
    ],
  },
  // Rspack asset modules `[hash][ext]`: a whole name of 16 hex, and Zola's `<stem>.<16 hex>.<ext>`.
  'all-digit hex, whole name and 16 chars': {
    siblings: [
      '021b3e7835d61362.png',
      '79bc686a32db08eb.png',
      'a992ac7d36131849.png',
      'processed_images/hero.5e3d6c2a4b1f8e97.jpg',
      'processed_images/logo.0a1b2c3d4e5f6a7b.jpg',
      'processed_images/map.9f8e7d6c5b4a3f2e.jpg',
    ],
    rows: [
      ['4091827364510293.png', true],
      ['processed_images/team.4091827364510293.jpg', true],
      ['1705312345678901.png', false], // leading digits of a millisecond clock: 13 + 3
      ['0000000000000042.png', false],
    ],
  },
  // esbuild/Angular `chunk-[B32x8].js`: letters only one time in five.
  'letters-only base32 beside constant text': {
    siblings: ['browser/chunk-FFHMD2TL.js', 'browser/chunk-5INURTSO.js', 'browser/chunk-UJOF4T32.js', 'browser/media/inter-MV2EFFYE.woff2'],
    rows: [
      ['browser/chunk-DDABSDOB.js', true],
      ['browser/chunk-2024.js', false],
      ['browser/chunk-v2-final.js', false],
      ['browser/main.js', false],
    ],
  },
  // Vite `assets/[name]-[hash]`: a base64url hash without lower case.
  'base64url without lower case': {
    siblings: ['assets/hero-BvAciO2w.jpg', 'assets/logo-CfaFZ-lr.jpg', 'assets/team-D4kR9x2a.jpg', 'assets/map-Bq3x_7Ke.jpg'],
    rows: [
      ['assets/banner-9_049BZ7.jpg', true],
      ['assets/photo-IMG_2024.jpg', false],
      ['assets/shot-20240115.jpg', false],
      ['assets/cover-OVERVIEW.jpg', false],
      ['assets/hero-darkMode.jpg', false],
      ['assets/pic-DSC01234.jpg', false],
      ['assets/pic-iPadMini.jpg', false],
      ['assets/pic-BUDGET99.jpg', false],
      ['assets/pic-settings.jpg', false],
      ['assets/pic-__PAGE__.jpg', false],
    ],
  },
};

describe.each(Object.entries(SIBLING_TABLES))('shape: %s (with siblings)', (_shape, { siblings, rows }) => {
  it.each(rows)('%s -> %s', (p, expected) => {
    const v = classifyFingerprints({ files: [...siblings, p], manifests: {} }).get(p);
    expect(v?.fingerprinted).toBe(expected);
    if (expected) expect(v?.reason).toMatch(/^template context: .*\[token '[^']+'\]$/);
  });
  it('the names alone are not enough', () => {
    for (const [p] of rows) expect([p, isFingerprintedName(p).fingerprinted]).toEqual([p, false]);
  });
  it('without the siblings, no row is fingerprinted', () => {
    const alone = classifyFingerprints({ files: rows.map(([p]) => p), manifests: {} });
    for (const [p] of rows) expect([p, alone.get(p)?.fingerprinted]).toEqual([p, false]);
  });
});

describe('context needs a template that the siblings make', () => {
  it('more undecided names in the position than proven ones prove nothing (a folder of counters beside a few hashes)', () => {
    const proven = ['static/image/hero.79bc686a.png', 'static/image/logo.a992ac7d.png', 'static/image/team.b2537aa2.png'];
    const counters = ['static/image/scan.40918273.png', 'static/image/scan.40918274.png', 'static/image/scan.40918275.png'];
    const v = classifyFingerprints({ files: [...proven, ...counters], manifests: {} });
    for (const p of counters) expect([p, v.get(p)?.fingerprinted]).toEqual([p, false]);
    const one = classifyFingerprints({ files: [...proven, counters[0]!], manifests: {} });
    expect(one.get(counters[0]!)?.fingerprinted).toBe(true);
  });
  it("a bundler's own folder (8+ proven tokens) takes a camel-cased random hash, never typed names", () => {
    const hashes = ['BvAciO2w', 'CfaFZ-lr', 'D4kR9x2a', 'Bq3x_7Ke', 'CkX5tH3T', 'Dx3kP9q2', 'B6zPKmS5', 'DkX9a2Lm', 'BxQ4p0fK', 'C8mWq2Zr'];
    const proven = hashes.map((h, i) => `assets/img${i}-${h}.png`);
    const rows: Row[] = [
      ['assets/avatar-adNgd__C.png', true],
      ['assets/pic-darkMode.png', false],
      ['assets/pic-iPadMini.png', false],
      ['assets/pic-DSC01234.png', false],
      ['assets/pic-BUDGET99.png', false],
      ['assets/pic-OVERVIEW.png', false],
      ['assets/pic-settings.png', false],
      ['assets/pic-__PAGE__.png', false],
      ['assets/pic-20240115.png', false],
      ['assets/pic-v2_final.png', false],
      ['assets/pic-hero-img.png', false],
      // A name and a number (a file copied from public/ beside the bundler's output): not a hash.
      ['assets/pic-jquery-3.png', false],
      ['assets/chunk-bundle_12.js', false],
    ];
    for (const [p, expected] of rows) {
      expect([p, isFingerprintedName(p).fingerprinted]).toEqual([p, false]);
      expect([p, classifyFingerprints({ files: [...proven, p], manifests: {} }).get(p)?.fingerprinted]).toEqual([p, expected]);
    }
  });
  it('two proven siblings are not a template unless the text before the token is the same', () => {
    const v = classifyFingerprints({
      files: ['static/image/hero.79bc686a.png', 'static/image/logo.a992ac7d.png', 'static/image/map.40918273.png'],
      manifests: {},
    });
    expect(v.get('static/image/map.40918273.png')?.fingerprinted).toBe(false);
  });
});

describe('shape: history (a redeploy)', () => {
  it('an all-digit hex token of a shape the redeploy proves is fingerprinted; a date in that shape is not', () => {
    const previous = [
      { path: 'img/hero.3f2a1b4c.png', md5: 'a' },
      { path: 'img/logo.9e8d7c6b.png', md5: 'b' },
    ];
    const current = [
      { path: 'img/hero.40918273.png', md5: 'c' },
      { path: 'img/logo.9e8d7c6b.png', md5: 'b' },
    ];
    const learned = learnShapes(previous, current);
    const v = classifyFingerprints({
      files: ['img/hero.40918273.png', 'img/hero.20240115.png', 'pics/hero.40918273.png'],
      manifests: {},
      learned,
    });
    expect(isFingerprintedName('img/hero.40918273.png').fingerprinted).toBe(false);
    expect(v.get('img/hero.40918273.png')?.reason).toMatch(/^learned from history: .*\[token '40918273'\]$/);
    expect(v.get('img/hero.20240115.png')?.fingerprinted).toBe(false);
    expect(v.get('pics/hero.40918273.png')?.fingerprinted).toBe(false);
  });

  it('a pair whose old token reads as camel-cased words is still learned, and the removed name is covered by the shape', () => {
    // eleventy-img ids: `wrPgDolt28` reads as words and numbers alone; its replacement does not.
    const previous = [{ path: 'img/wrPgDolt28-120.avif', md5: 'a' }];
    const current = [{ path: 'img/Xq3_kT9zLm-120.avif', md5: 'b' }];
    const learned = learnShapes(previous, current);
    expect(learned).toEqual([{ dir: 'img', before: '', after: '-120.avif', alphabet: 'base64url', length: 10 }]);
    expect(isFingerprintedName('img/wrPgDolt28-120.avif').fingerprinted).toBe(false);
    expect(removedVerdict('img/wrPgDolt28-120.avif', { learned, demoted: new Set() }, isFingerprintedName).fingerprinted).toBe(true);
    // but a pair of typed names teaches nothing, and a typed name never matches a learned shape
    expect(learnShapes([{ path: 'img/darkMode12-120.avif', md5: 'a' }], [{ path: 'img/lightMode1-120.avif', md5: 'b' }])).toEqual([]);
    const v = classifyFingerprints({ files: ['img/settings12-120.avif', 'img/2024-01-15-120.avif'], manifests: {}, learned });
    expect(v.get('img/settings12-120.avif')?.fingerprinted).toBe(false);
    expect(v.get('img/2024-01-15-120.avif')?.fingerprinted).toBe(false);
  });

  const OLD = '3c1e5c4a-8d2b-4f6e-9a7b-0c1d2e3f4a5b';
  const NEW = '9e376aa3-3904-4c65-944d-490ea72d437c';
  it('a UUID build-id directory replaced whole by the redeploy: everything under the new id is fingerprinted, nothing under the old one is sent', () => {
    const previous = [`builds/${OLD}/app.js`, `builds/${OLD}/data.json`, 'index.html'].map((path) => ({
      path,
      md5: path,
    }));
    const current = [`builds/${NEW}/app.js`, `builds/${NEW}/data.json`, 'index.html'].map((path) => ({
      path,
      md5: path,
    }));
    const learned = learnShapes(previous, current);
    expect(learned).toEqual([{ dir: 'builds', before: '', after: '/', alphabet: 'uuid', length: 36 }]);
    expect(isFingerprintedName(`builds/${NEW}/data.json`).fingerprinted).toBe(false);
    const v = classifyFingerprints({ files: current.map((f) => f.path), manifests: {}, learned });
    expect(v.get(`builds/${NEW}/data.json`)?.reason).toMatch(
      new RegExp(`^learned from history: builds/<36-char uuid build id>/.*\\[token '${NEW}'\\]$`),
    );
    expect(v.get(`builds/${NEW}/app.js`)?.fingerprinted).toBe(true);
    const withPage = classifyFingerprints({ files: [`builds/${NEW}/404.html`], manifests: {}, learned });
    expect(withPage.get(`builds/${NEW}/404.html`)?.fingerprinted).toBe(false); // entry documents stay mutable
    const evidence = { learned, demoted: new Set<string>() };
    expect(removedVerdict(`builds/${OLD}/data.json`, evidence, isFingerprintedName).fingerprinted).toBe(true);
    expect(v.get('index.html')?.fingerprinted).toBe(false);
    expect(dropShapes(learned, [`builds/${NEW}/data.json`])).toEqual([]);
  });

  it('UUID directories that are records, not build ids, teach nothing', () => {
    const A = '11111111-2222-4333-8444-555555555555';
    // an old id still in the build (uploads kept, one added)
    const kept = learnShapes(
      [{ path: `uploads/${OLD}/photo.jpg`, md5: 'a' }],
      [
        { path: `uploads/${OLD}/photo.jpg`, md5: 'a' },
        { path: `uploads/${NEW}/photo.jpg`, md5: 'b' },
      ],
    );
    expect(kept).toEqual([]);
    // several ids on a side (records renamed in bulk)
    const many = learnShapes(
      [`api/users/${OLD}/profile.json`, `api/users/${A}/profile.json`].map((path) => ({ path, md5: path })),
      [`api/users/${NEW}/profile.json`].map((path) => ({ path, md5: path })),
    );
    expect(many).toEqual([]);
    // nothing in common under the old and the new id
    const unrelated = learnShapes([{ path: `x/${OLD}/a.json`, md5: 'a' }], [{ path: `x/${NEW}/b.json`, md5: 'b' }]);
    expect(unrelated).toEqual([]);
    // a folder of pages named by a UUID (a post replaced by another) is content
    const post = learnShapes(
      [`posts/${OLD}/index.html`, `posts/${OLD}/cover.jpg`, `posts/${OLD}/thumb.jpg`].map((path) => ({ path, md5: path })),
      [`posts/${NEW}/index.html`, `posts/${NEW}/cover.jpg`, `posts/${NEW}/thumb.jpg`].map((path) => ({ path, md5: path })),
    );
    expect(post).toEqual([]);
    // one name in common is not enough
    expect(learnShapes([{ path: `x/${OLD}/a.json`, md5: 'a' }], [{ path: `x/${NEW}/a.json`, md5: 'b' }])).toEqual([]);
    // a dated folder is not an id
    expect(learnShapes([{ path: 'release-2024-01-15/app.js', md5: 'a' }], [{ path: 'release-2024-02-01/app.js', md5: 'b' }])).toEqual([]);
  });

  it('esbuild chunk-<base32> tokens: a letters-only hash in a group with digit-bearing ones is learned; a word elsewhere is not', () => {
    const previous = [
      { path: 'chunk-DDABSDOB.js', md5: 'a' },
      { path: 'chunk-FFHMD2TL.js', md5: 'b' },
      { path: 'chunk-5INURTSO.js', md5: 'c' },
    ];
    const current = [
      { path: 'chunk-UJOF4T32.js', md5: 'd' },
      { path: 'chunk-MV2EFFYE.js', md5: 'e' },
      { path: 'chunk-WEUPETY5.js', md5: 'f' },
    ];
    const learned = learnShapes(previous, current);
    expect(learned).toEqual([{ dir: '', before: 'chunk-', after: '.js', alphabet: 'base32', length: 8 }]);
    const v = classifyFingerprints({ files: ['chunk-SPRINGER.js', 'OVERVIEW.js', 'notes-OVERVIEW.js'], manifests: {}, learned });
    expect(v.get('chunk-SPRINGER.js')?.fingerprinted).toBe(true);
    expect(v.get('OVERVIEW.js')?.fingerprinted).toBe(false);
    expect(v.get('notes-OVERVIEW.js')?.fingerprinted).toBe(false);
  });
});
