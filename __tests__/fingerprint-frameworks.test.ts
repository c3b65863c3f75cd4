import { afterAll, describe, expect, it } from '@jest/globals';
import { isFingerprintedName } from '../src/plan/fingerprint.js';

// Generalisation tables: real-looking names per framework, none of them in the corpus. `true` = the
// name is content-hashed. Sources are the tools' naming templates (docs or source), as noted.
type Row = [path: string, fingerprinted: boolean];
const TABLES: Record<string, Row[]> = {
  // Next.js 16 App Router static export with Turbopack: `_next/static/` is immutable (chunks named by
  // content hash, `_next/static/<buildId>/`); route payloads `__next.<segments>.txt` are rewritten in place
  // (next/src/export/routes/app-page.ts writes per-segment prefetch data).
  'Next.js (Turbopack)': [
    ['_next/static/chunks/0a1b2c3d4e5f6789.js', true],
    ['_next/static/chunks/turbopack-5f3c1a9e8b7d6c4a.js', true],
    ['_next/static/media/inter.3f2a1b4c.woff2', true],
    ['_next/static/Xy7_aB3kLmN9pQ2rS4tU6/_buildManifest.js', true],
    ['__next._index.__PAGE__.txt', false],
    ['__next.__PAGE__.txt', false],
    ['__next._tree.txt', false],
    ['__next._head.txt', false],
    ['blog/__next.blog.$d$slug.__PAGE__.txt', false],
    ['blog/hello/__next.blog.hello.__PAGE__.txt', false],
    ['docs/__next.docs.__LAYOUT__.txt', false],
    ['index.txt', false],
    ['blog/hello.txt', false],
    ['404.html', false],
  ],
  // Next.js webpack: `static/chunks/[name]-[contenthash:16].js`, `static/css/[contenthash:16].css`.
  'Next.js (webpack)': [
    ['_next/static/chunks/pages/_app-0123456789abcdef.js', true],
    ['_next/static/chunks/app/page-9f8e7d6c5b4a3210.js', true],
    ['_next/static/css/0123456789abcdef.css', true],
    ['_next/static/chunks/main-app-1a2b3c4d5e6f7a8b.js', true],
    ['_not-found.txt', false],
    ['favicon.ico', false],
  ],
  // Parcel 2: `[name].[hash].[ext]` with an 8-hex hash (packages/namers/default).
  Parcel: [
    ['index.975ef6c8.js', true],
    ['index.4c1b9a0e.css', true],
    ['logo.6b0d2f3e.png', true],
    ['about.31a5c2d0.js', true],
    ['robots.txt', false],
  ],
  // Astro: `_astro/[name].[hash].[ext]` (Vite base64url 8); images `<name>.<hash>_<hash>.<ext>`.
  Astro: [
    ['_astro/index.Bq3x_7Ke.css', true],
    ['_astro/ClientRouter.astro_astro_type_script_index_0_lang.CMTcOisY.js', true],
    ['_astro/hero.CXAnwGyb_1Dz3OE.webp', true],
    ['_astro/page.D4kR9x2a.js', true],
    ['favicon.svg', false],
  ],
  // SvelteKit: `_app/immutable/{entry,chunks,nodes,assets}/` is hashed; `_app/version.json`, `_app/env.js` are not.
  SvelteKit: [
    ['_app/immutable/entry/start.Bx9LmQ2w.js', true],
    ['_app/immutable/nodes/0.C7f-kq2_.js', true],
    ['_app/immutable/assets/0.Dk3x9aQe.css', true],
    ['_app/version.json', false],
    ['_app/env.js', false],
  ],
  // VitePress: `assets/[name].[hash].js`, pages `assets/<page>.md.[hash].lean.js`.
  VitePress: [
    ['assets/app.CkX5tH3T.js', true],
    ['assets/guide_getting-started.md.Dx3kP9q2.lean.js', true],
    ['assets/chunks/framework.Dx3kP9q2.js', true],
    ['assets/style.BcT7xD0a.css', true],
    ['assets/inter-roman-latin.Di8DUHzh.woff2', true],
    ['hashmap.json', false],
    ['vp-icons.css', false],
  ],
  // Docusaurus: webpack `[name].[contenthash:8].js`, chunks `<chunk hash>.<contenthash>.js`, file-loader `[name]-[contenthash].[ext]`.
  Docusaurus: [
    ['assets/js/main.3f2a1b4c.js', true],
    ['assets/js/runtime~main.1a2b3c4d.js', true],
    ['assets/js/1df93b7f.8c0e5b3a.js', true],
    ['assets/css/styles.9a8b7c6d.css', true],
    ['assets/images/docsVersionDropdown-35e13cbe46c9923327f30a76a90bff3b.png', true],
    ['assets/fonts/Inter-Bold-8f2a3b9c0d1e2f3a4b5c.woff2', true],
    ['img/docusaurus-social-card.jpg', false],
    ['sitemap.xml', false],
  ],
  // Angular 17+ (esbuild): `[name]-[hash]` base32 8 upper case; Angular <= 16 (webpack): `[name].[contenthash:16]`.
  Angular: [
    ['main-UJOF4T32.js', true],
    ['polyfills-FFHMD2TL.js', true],
    ['chunk-ABCDEF12.js', true],
    ['styles-5INURTSO.css', true],
    ['media/roboto-latin-KFOMCNQX.woff2', true],
    ['main.1a2b3c4d5e6f7a8b.js', true],
    ['3rdpartylicenses.txt', false],
    ['prerendered-routes.json', false],
  ],
  // Storybook: Vite builder `assets/[name]-[hash].js`; webpack builder `[name].[contenthash:8].iframe.bundle.js`.
  Storybook: [
    ['assets/iframe-Dx3kP9q2.js', true],
    ['assets/Button.stories-Cg0IDmVo.js', true],
    ['main.a1b2c3d4.iframe.bundle.js', true],
    ['runtime~main.0f9e8d7c.iframe.bundle.js', true],
    ['852.4e5f6a7b.iframe.bundle.js', true],
    ['sb-manager/globals-runtime.js', false],
    ['sb-addons/storybook-core-server-presets-0/common-manager-bundle.js', false],
    ['sb-common-assets/nunito-sans-regular.woff2', false],
    ['index.json', false],
    ['project.json', false],
  ],
  // Rsbuild: `static/js/[name].[contenthash:8].js`, `static/js/async/...`, `static/image/[name].[contenthash:8][ext]`.
  Rsbuild: [
    ['static/js/index.a1b2c3d4.js', true],
    ['static/js/lib-react.5e6f7a8b.js', true],
    ['static/js/async/812.9c0d1e2f.js', true],
    ['static/css/index.3a4b5c6d.css', true],
    ['static/image/logo.7e8f9a0b.png', true],
    ['static/font/inter.0c1d2e3f.woff2', true],
  ],
  // Nuxt 3/4: `_nuxt/[hash].js`, `_nuxt/[name].[hash].css`; `_nuxt/builds/latest.json` is mutable, but
  // `_nuxt/builds/meta/<buildId>.json` (buildId a random UUID per build) is written once: Nuxt's own Nitro
  // route rules serve `/_nuxt/builds/meta/**` with `public, max-age=31536000, immutable` and
  // `/_nuxt/builds/**` with `max-age=1`. Nuxt 2: `[contenthash:7]`.
  Nuxt: [
    ['_nuxt/BxQ4p0fK.js', true],
    ['_nuxt/entry.DkX9a2Lm.css', true],
    ['_nuxt/index.B6zPKmS5.css', true],
    ['_nuxt/4f2c1a0.js', true],
    ['_nuxt/builds/latest.json', false],
    ['_nuxt/builds/meta/3c1e5c4a-8d2b-4f6e-9a7b-0c1d2e3f4a5b.json', true],
    ['200.html', false],
  ],
  // React Router 7 (Vite): `assets/[name]-[hash].js`, `assets/manifest-<8 hex>.js`; prerendered `.data` files are mutable.
  'React Router': [
    ['assets/entry.client-DjqR7bPz.js', true],
    ['assets/root-BqA2c9Xe.js', true],
    ['assets/manifest-3f2a9c1b.js', true],
    ['assets/chunk-NISHYRIK-Bv0a9sPL.js', true],
    ['_root.data', false],
    ['about.data', false],
    ['__spa-fallback.html', false],
  ],
  // Eleventy: no hashes by default; eleventy-img `<id>-<width>.<format>` (id: 10-char hash).
  Eleventy: [
    ['img/6dfd7ac6c4-300.jpeg', true],
    ['img/Yd8ZtxzRg2-600.webp', true],
    ['css/index.css', false],
    ['img/hero-image-1920.jpg', false],
    ['img/IMG_20240115-001.jpg', false],
    ['feed/feed.xml', false],
  ],
  // Gatsby: webpack `[name]-[contenthash].js` (20 hex), `static/<md5>/<name>`; page-data is mutable.
  Gatsby: [
    ['app-3f1c2e4b5a6d7e8f9a0b.js', true],
    ['framework-0a1b2c3d4e5f6a7b8c9d.js', true],
    ['component---src-pages-index-js-3f1c2e4b5a6d7e8f9a0b.js', true],
    ['styles.e1ab1c3a2b1b2e1f2d3c.css', true],
    ['static/c1c8a4a3e3d8b5b5f1f2a3b4c5d6e7f8/logo.png', true],
    ['page-data/index/page-data.json', false],
    ['page-data/app-data.json', false],
    ['chunk-map.json', false],
    ['webpack.stats.json', false],
  ],
  // MkDocs Material: `assets/javascripts/bundle.<8 hex>.min.js`, `assets/stylesheets/main.<8 hex>.min.css`.
  MkDocs: [
    ['assets/javascripts/bundle.5090c770.min.js', true],
    ['assets/stylesheets/main.8608ea7d.min.css', true],
    ['assets/stylesheets/palette.06af60db.min.css', true],
    ['assets/javascripts/workers/search.f8cc74c7.min.js', true],
    ['assets/javascripts/lunr/min/lunr.ja.min.js', false],
    ['assets/javascripts/lunr/wordcut.js', false],
    ['search/search_index.json', false],
    ['sitemap.xml.gz', false],
    ['assets/images/favicon.png', false],
  ],
  // Sphinx: `_static/` names are constant (cache-busted with `?v=`); `_downloads/<md5 of the path>/`
  // is not a content hash; imgmath `_images/math/<sha1 of the LaTeX>.png` is.
  Sphinx: [
    ['_images/math/8b2c1c4c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a.png', true],
    ['_static/pygments.css', false],
    ['_static/basic.css', false],
    ['_static/documentation_options.js', false],
    ['_static/sphinx_highlight.js', false],
    ['_static/scripts/furo.js', false],
    ['_downloads/0a1b2c3d4e5f60718293a4b5c6d7e8f9/example.pdf', false],
    ['_sources/index.rst.txt', false],
    ['objects.inv', false],
    ['searchindex.js', false],
  ],
  // Custom templates and site pipelines: webpack `[contenthash:N]` of any length, several constant
  // words after the hash, hash-only names, gulp-rev (10 hex), CSS modules.
  'Custom pipelines': [
    ['js/app.3f2a9c.js', true],
    ['js/app.3f2a9c1b7d4e.js', true],
    ['css/app-d41d8cd98f.css', true],
    ['js/name.abc123ef.chunk.min.js', true],
    ['css/button.a1b2c3d4.module.css', true],
    ['css/x.Dx3kP9q2.module.css', true],
    ['3f2a9c1b7d.js', true],
    ['images/photo_9e107d9d372bb6826bd81d3542a419d6.jpg', true],
    ['js/app.Ab3dE5fG7hK9.js', true],
    ['swatch-a1b2c3.png', false],
    ['banner.ad2025.png', false],
    ['icon-Win10Start.png', false],
    ['uploads/550e8400-e29b-41d4-a716-446655440000.jpg', false],
    ['js/MyApp2Go.js', false],
    ['js/Q3Report.js', false],
    ['docs/guide.v1.2.3.pdf', false],
    ['config.production.json', false],
  ],
  // Corpus-style tricky negatives, as every build contains them.
  'Tricky negatives': [
    ['jquery-3.7.1.min.js', false],
    ['Roboto-BoldItalic.woff2', false],
    ['photo_2024-01-15_14-30-22.png', false],
    ['release-notes-2024-01.html', false],
    ['apple-touch-icon-180x180.png', false],
    ['my-settings.js', false],
    ['constants-MY_CONST.js', false],
    ['x-V2_FINAL.js', false],
    ['__init__.py', false],
    ['data-__DATA__.json', false],
  ],
};

const rows: string[] = [];
afterAll(() => {
  console.log(['framework            rows  TP  FP  FN  precision  recall', ...rows].join('\n'));
});

describe.each(Object.entries(TABLES))('%s', (name, table) => {
  it.each(table)('%s -> %s', (p, expected) => {
    expect(isFingerprintedName(p).fingerprinted).toBe(expected);
  });
  it('score', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [p, want] of table) {
      const got = isFingerprintedName(p).fingerprinted;
      if (got && want) tp++;
      else if (got) fp++;
      else if (want) fn++;
    }
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    rows.push(
      `${name.padEnd(20)} ${String(table.length).padStart(4)} ${String(tp).padStart(3)} ${String(fp).padStart(3)} ${String(fn).padStart(3)}  ${precision.toFixed(4).padStart(9)}  ${recall.toFixed(4)}`,
    );
    expect(fp).toBe(0);
  });
});
