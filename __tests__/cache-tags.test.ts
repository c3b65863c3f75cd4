// Cache tags: discovery, the tags each object carries, adoption by a metadata-only rewrite, the ledger's record of
// tagged objects, and the cover choosing among paths, wildcards and tag items. Pure tables, then whole runs on the
// in-memory ports.
import {
  GROUP_HTML,
  GROUP_MUTABLE,
  MAX_TAG_HEADER_CHARS,
  MAX_TAGS_PER_OBJECT,
  discoverTagging,
  isValidTag,
  objectTag,
  tagsFor,
} from '../src/plan/cache-tags.js';
import { planTagCover, type TagObject } from '../src/plan/cover/tags.js';
import { matchesCloudFrontPath, planCover } from '../src/plan/cover.js';
import { planInvalidation } from '../src/plan/invalidation.js';
import { parseLedger } from '../src/model/record-format.js';
import type { Config } from '../src/model/config.js';
import type { DeployState } from '../src/model/data.js';
import type { DistributionFact } from '../src/model/stages.js';
import { memoryCdn, memoryClock, memoryStore, pipelineRun, recordsDir, type MemoryStore } from './support/memory.js';

const D1 = 'E1ABCDEFGH';
const HEADER = 'x-amz-meta-cache-tag';

describe('tagsFor: a tag of its own, groups, folders', () => {
  it.each([
    ['index.html', { mutable: true, html: true }, ['o:index.html', GROUP_MUTABLE, GROUP_HTML]],
    ['docs/api/index.html', { mutable: true, html: true }, ['o:docs/api/index.html', GROUP_MUTABLE, GROUP_HTML, 'd:docs/', 'd:docs/api/']],
    ['assets/app-1a2b3c4d.js', { mutable: false, html: false }, ['o:assets/app-1a2b3c4d.js', 'd:assets/']],
    ['~user/page.html', { mutable: true, html: true }, ['o:~user/page.html', GROUP_MUTABLE, GROUP_HTML, 'd:~user/']],
  ])('%s', (key, cls, expected) => {
    expect(tagsFor(key, cls)).toEqual(expected);
  });

  it.each([
    ['upper case (tags are case-insensitive)', 'About.html'],
    ['non-ASCII', 'café/menü.html'],
    ['a comma', 'a,b.html'],
    ['a space', 'my page.html'],
    ['a star', 'a*b.html'],
    ['long', 'x/'.repeat(150) + 'y.html'],
  ])('a key with %s gets a hashed own tag, valid and deterministic', (_what, key) => {
    const t = objectTag(key);
    expect(t).toMatch(/^oh:[0-9a-f]{32}$/);
    expect(isValidTag(t)).toBe(true);
    expect(objectTag(key)).toBe(t);
  });

  it('About.html and about.html do not share a tag (CloudFront compares tags case-insensitively)', () => {
    expect(objectTag('About.html').toLowerCase()).not.toBe(objectTag('about.html').toLowerCase());
  });

  it('a deep key keeps at most 50 tags and the header within its budget, folders from the top', () => {
    const deep = Array.from({ length: 80 }, (_, i) => `f${i}`).join('/') + '/page.html';
    const tags = tagsFor(deep, { mutable: true, html: true });
    expect(tags.length).toBeLessThanOrEqual(MAX_TAGS_PER_OBJECT);
    expect(tags.slice(3, 5)).toEqual(['d:f0/', 'd:f0/f1/']);
    expect(tags.every(isValidTag)).toBe(true);
    const long = Array.from({ length: 40 }, (_, i) => `folder-with-a-long-name-${i}`).join('/') + '/p.html';
    const t2 = tagsFor(long, { mutable: true, html: true });
    expect(t2.join(',').length).toBeLessThanOrEqual(MAX_TAG_HEADER_CHARS);
    expect(t2.length).toBeLessThan(MAX_TAGS_PER_OBJECT);
  });

  it.each([
    ['', false],
    ['a,b', false],
    ['a b', false],
    ['a*', false],
    ['x'.repeat(257), false],
    ['x'.repeat(256), true],
    ['o:~user/a.html', true],
  ])('isValidTag(%j) = %s', (tag, ok) => {
    expect(isValidTag(tag)).toBe(ok);
  });
});

describe('discoverTagging: from the input and the distributions read', () => {
  const config = (cacheTags: Config['cacheTags'], ids = [D1]) =>
    ({ upload: true, distributions: ids.map((id) => ({ id, originPath: '' })), cacheTags }) as unknown as Config;
  const facts = (d: Record<string, DistributionFact>) => ({ distributions: d });

  it.each<[string, Config['cacheTags'], Record<string, DistributionFact>, string | null, RegExp]>([
    [
      'auto, x-amz-meta-cache-tag',
      { mode: 'auto' },
      { [D1]: { read: true, cacheTagHeader: HEADER } },
      'cache-tag',
      /tagged in metadata cache-tag/,
    ],
    ['auto, header in another case', { mode: 'auto' }, { [D1]: { read: true, cacheTagHeader: 'X-Amz-Meta-Tags' } }, 'tags', /tagged/],
    ['auto, no CacheTagConfig', { mode: 'auto' }, { [D1]: { read: true } }, null, /no CacheTagConfig: invalidating by paths/],
    ['auto, another header', { mode: 'auto' }, { [D1]: { read: true, cacheTagHeader: 'Edge-Cache-Tag' } }, null, /S3 metadata cannot set/],
    ['auto, AccessDenied', { mode: 'auto' }, { [D1]: { read: false, why: 'AccessDenied' } }, null, /cloudfront:GetDistributionConfig/],
    ['off', { mode: 'off' }, { [D1]: { read: true, cacheTagHeader: HEADER } }, null, /off/],
    [
      'a header in the input',
      { mode: 'header', header: 'x-amz-meta-ct' },
      { [D1]: { read: false, why: 'AccessDenied' } },
      'ct',
      /from the input/,
    ],
  ])('%s', (_name, mode, dist, meta, note) => {
    const d = discoverTagging(config(mode), facts(dist));
    expect(d.tagging?.metaName ?? null).toBe(meta);
    expect(d.notes.join('\n')).toMatch(note);
  });
});

describe('planTagCover: paths, wildcards and tag items', () => {
  const obj = (key: string, stale: boolean, weight = 2, mutable = true): TagObject => ({
    key,
    tags: tagsFor(key, { mutable, html: key.endsWith('.html') }),
    weight,
    stale,
  });
  const pathCover = (existing: string[]) => (stale: string[], budget: number) => planCover({ stale, existing, budget });

  it('a clean-URL page with two forms: one tag item instead of two paths, no collateral', () => {
    const r = planTagCover({
      stale: ['/about.html', '/about', '/docs/'],
      coverable: { 'about.html': ['/about.html', '/about'] },
      objects: [obj('about.html', true), obj('index.html', false)],
      explicit: [],
      budget: 100,
      pathCover: pathCover(['/', '/index.html']),
    });
    expect(r.tags.map((t) => t.item)).toEqual(['#o:about.html']);
    expect(r.cover!.paths.map((p) => p.path)).toEqual(['/docs/']);
    expect(r.items).toBe(2);
    expect(r.collateral).toBe(0);
  });

  it('a stale ~ key is covered exactly by its tag (paths alone need a wildcard before the ~)', () => {
    const input = {
      stale: ['/~user/page.html'],
      coverable: { '~user/page.html': ['/~user/page.html'] },
      objects: [obj('~user/page.html', true, 1), obj('~user/other.html', false, 1)],
      explicit: [],
      budget: 100,
      pathCover: pathCover(['/~user/other.html', '/index.html']),
    };
    const paths = planCover({ stale: input.stale, existing: ['/~user/other.html', '/index.html'], budget: 100 });
    expect(paths.paths.map((p) => p.path)).toEqual(['/*']);
    const r = planTagCover(input);
    expect(r.tags.map((t) => t.item)).toEqual(['#o:~user/page.html']);
    expect(r.cover).toBeNull();
    expect(r.collateral).toBe(0);
  });

  it('an object the ledger does not know to be tagged is covered by paths only', () => {
    const r = planTagCover({
      stale: ['/about.html', '/about'],
      coverable: {},
      objects: [obj('about.html', true)],
      explicit: [],
      budget: 100,
      pathCover: pathCover([]),
    });
    expect(r.tags).toEqual([]);
    expect(r.cover!.paths.map((p) => p.path).sort()).toEqual(['/about', '/about.html']);
  });

  it('budget short: the mutable group tag, sparing fingerprinted assets, where paths need /*', () => {
    const pages = ['a.html', 'b.html', 'c.html', 'd.html', 'e.html', 'f.html'];
    const stalePages = pages.slice(0, 4);
    const coverable = Object.fromEntries(stalePages.map((k) => [k, [`/${k}`, `/${k.slice(0, -5)}`]]));
    const assets = Array.from({ length: 10 }, (_, i) => obj(`a${i}-1a2b3c4d.js`, false, 1, false));
    const objects = [...pages.map((k) => obj(k, stalePages.includes(k))), ...assets];
    const existing = [...pages.slice(4).flatMap((k) => [`/${k}`, `/${k.slice(0, -5)}`]), ...assets.map((a) => `/${a.key}`)];
    const stale = Object.values(coverable).flat();
    expect(planCover({ stale, existing, budget: 1 }).paths.map((p) => p.path)).toEqual(['/*']);
    const r = planTagCover({ stale, coverable, objects, explicit: [], budget: 1, pathCover: pathCover(existing) });
    expect(r.tags.map((t) => t.item)).toEqual([`#${GROUP_HTML}`]);
    expect(r.collateral).toBe(4); // the two unchanged pages' forms; no asset
  });

  it('budget short: a folder tag covers a folder of changed pages', () => {
    const docs = ['docs/a.html', 'docs/b.html', 'docs/c.html'];
    const coverable = Object.fromEntries(docs.map((k) => [k, [`/${k}`, `/${k.slice(0, -5)}`]]));
    const objects = [...docs.map((k) => obj(k, true)), obj('docs/d.html', false), obj('index.html', false), obj('blog/x.html', true)];
    coverable['blog/x.html'] = ['/blog/x.html', '/blog/x'];
    const stale = Object.values(coverable).flat();
    const r = planTagCover({
      stale,
      coverable,
      objects,
      explicit: [],
      budget: 2,
      pathCover: pathCover(['/docs/d.html', '/docs/d', '/', '/index.html']),
    });
    expect(r.tags.map((t) => t.item).sort()).toEqual(['#d:docs/', '#o:blog/x.html']);
    expect(r.collateral).toBe(2);
    expect(r.items).toBe(2);
  });

  it('a path two objects made stale stays a path unless both are covered by tag (strip-index-html)', () => {
    const r = planTagCover({
      stale: ['/docs/index.html', '/docs/', '/docs'],
      coverable: { 'docs/index.html': ['/docs/index.html', '/docs/', '/docs'] },
      producers: { 'docs/index.html': ['/docs/index.html', '/docs/', '/docs'], 'docs/': ['/docs/', '/docs'] },
      objects: [obj('docs/index.html', true)],
      explicit: [],
      budget: 10,
      pathCover: pathCover([]),
    });
    // The tag cannot take /docs/ and /docs off the paths: then the tag saves nothing and paths alone win the tie.
    expect(r.tags).toEqual([]);
    expect(r.cover!.paths.map((p) => p.path).sort()).toEqual(['/docs', '/docs/', '/docs/index.html']);
    const alone = planTagCover({
      stale: ['/docs/index.html', '/docs/', '/docs'],
      coverable: { 'docs/index.html': ['/docs/index.html', '/docs/', '/docs'] },
      producers: { 'docs/index.html': ['/docs/index.html', '/docs/', '/docs'] },
      objects: [obj('docs/index.html', true)],
      explicit: [],
      budget: 10,
      pathCover: pathCover([]),
    });
    expect(alone.tags.map((t) => t.item)).toEqual(['#o:docs/index.html']);
    expect(alone.cover).toBeNull();
  });

  it('an owed tag item is sent as it is; manual paths stay paths', () => {
    const r = planTagCover({
      stale: ['#o:old.html', '/about.html', '/about'],
      coverable: { 'about.html': ['/about.html', '/about'] },
      objects: [obj('about.html', true)],
      explicit: ['/about'],
      budget: 10,
      pathCover: pathCover([]),
    });
    expect(r.tags.map((t) => t.item)).toEqual(['#o:old.html']);
    expect(r.cover!.paths.map((p) => p.path).sort()).toEqual(['/about', '/about.html']);
  });
});

describe('planInvalidation: tag items owed by earlier runs', () => {
  it('a job that does not tag (a consolidating one) sends them as they are, never percent-encoded', () => {
    const plan = planInvalidation({
      distributionId: D1,
      staleResult: {
        stale: [
          { path: '#o:about.html', reason: 'owed' },
          { path: '/a b.html', reason: 'owed' },
        ],
        existing: null,
        fingerprintViolations: [],
        skippedFingerprinted: [],
        explicit: ['#o:about.html', '/a b.html'],
      },
      prefix: '',
      originPath: '',
      budget: 10,
      tags: null,
    });
    expect(plan.paths).toEqual(['/a%20b.html', '#o:about.html']);
    expect(plan.tags).toEqual([{ item: '#o:about.html', covers: ['#o:about.html'], collateral: 0 }]);
  });
});

describe('planTagCover: random sites (soundness, budget, never worse than paths alone)', () => {
  // A small deterministic generator (no Math.random: the same cases every run).
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const folders = ['', 'docs/', 'docs/api/', 'blog/', '~user/', 'assets/'];
  const cases = Array.from({ length: 150 }, (_, i) => i);

  it.each(cases)('case %i', () => {
    const keys = [...new Set(Array.from({ length: 4 + rnd(20) }, () => `${folders[rnd(folders.length)]}p${rnd(12)}.html`))];
    const stale = new Set(keys.filter(() => rnd(3) === 0));
    if (stale.size === 0) stale.add(keys[0]!);
    const forms = (k: string) => ['/' + k, '/' + k.slice(0, -5)];
    const coverable = Object.fromEntries([...stale].filter(() => rnd(4) !== 0).map((k) => [k, forms(k)]));
    const objects = keys.map((k) => ({ key: k, tags: tagsFor(k, { mutable: true, html: true }), weight: 2, stale: stale.has(k) }));
    const stalePaths = [...stale].flatMap(forms);
    const existing = keys.filter((k) => !stale.has(k)).flatMap(forms);
    const budget = 1 + rnd(8);
    const pathCover = (p: string[], b: number) => planCover({ stale: p, existing, budget: b });
    const r = planTagCover({ stale: stalePaths, coverable, objects, explicit: [], budget, pathCover });
    // Within the budget.
    expect(r.items).toBeLessThanOrEqual(budget);
    expect(r.items).toBe(r.tags.length + (r.cover?.paths.length ?? 0));
    // Sound: every stale path is matched by a path sent, or belongs to a coverable object carrying a tag sent.
    const sentTags = new Set(r.tags.map((t) => t.item.slice(1)));
    for (const p of stalePaths) {
      const byPath = (r.cover?.paths ?? []).some((c) => matchesCloudFrontPath(c.path, p));
      const byTag = Object.entries(coverable).some(
        ([k, f]) => f.includes(p) && objects.find((o) => o.key === k)!.tags.some((t) => sentTags.has(t)),
      );
      expect([p, byPath || byTag]).toEqual([p, true]);
    }
    // Collateral as claimed: the unchanged objects carrying a tag sent, plus the paths' own.
    const tagCollateral = objects.filter((o) => !o.stale && o.tags.some((t) => sentTags.has(t))).length * 2;
    expect(r.tags.reduce((n, t) => n + t.collateral, 0)).toBeGreaterThanOrEqual(tagCollateral);
    // Never worse than paths alone (least collateral, then fewest items).
    const alone = pathCover(stalePaths, budget);
    const score = (c: number | null, n: number) => [c ?? Infinity, n];
    const [c1, n1] = score(r.collateral, r.items);
    const [c0, n0] = score(alone.collateral, alone.paths.length);
    expect(c1! < c0! || (c1 === c0 && n1! <= n0!)).toBe(true);
  });
});

describe('the ledger records the tagged objects', () => {
  const ctx = { shown: 's3://b/.s3cfd-x/state.json' };
  const body = (tags: unknown) =>
    JSON.stringify({ version: 2, objects: { 'a.html': ['', 'd41d8cd98f00b204e9800998ecf8427e', 'h'] }, tags });

  it('reads them back', () => {
    expect(parseLedger(body({ meta: 'cache-tag', objects: { 'a.html': '#mh' } }), ctx).tags).toEqual({
      meta: 'cache-tag',
      objects: { 'a.html': '#mh' },
    });
  });

  it.each([[{ meta: 1, objects: {} }], [{ meta: 'cache-tag', objects: { 'a.html': 3 } }], ['cache-tag']])(
    'refuses %j as damaged',
    (tags) => {
      expect(() => parseLedger(body(tags), ctx)).toThrow(/damaged: 'tags'/);
    },
  );
});

// ---- whole runs on the in-memory ports ----

const STATE = (s: MemoryStore) => `${recordsDir(s)}state.json`;
const ledgerOf = (s: MemoryStore) => JSON.parse(s.text(STATE(s))) as DeployState;
const clean = { bucket: 'site-bucket', 'distribution-id': D1, 'url-style': 'clean' };
const site = (about: string) => ({
  'index.html': '<h1>home</h1>',
  'about.html': about,
  'docs/index.html': '<h1>docs</h1>',
  'assets/app-1a2b3c4d.js': 'console.log(1)',
});

describe('pipeline: a distribution with CacheTagConfig', () => {
  it('tags every object, records them in the ledger, and invalidates a changed clean-URL page by one tag item', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ cacheTagHeaders: { [D1]: HEADER } });
    const o = { store, cdn, clock: memoryClock() };
    const r1 = await pipelineRun(clean, site('v1'), o);
    expect(r1.failure).toBeNull();
    expect(store.objects.get('about.html')!.metadata['cache-tag']).toBe('o:about.html,g:mutable,g:html');
    expect(store.objects.get('assets/app-1a2b3c4d.js')!.metadata['cache-tag']).toBe('o:assets/app-1a2b3c4d.js,d:assets/');
    expect(ledgerOf(store).tags).toEqual({
      meta: 'cache-tag',
      objects: { 'about.html': '#mh', 'assets/app-1a2b3c4d.js': '#', 'docs/index.html': '#mh', 'index.html': '#mh' },
    });
    const r2 = await pipelineRun(clean, site('v2'), o);
    expect(r2.failure).toBeNull();
    expect(cdn.sent().at(-1)).toEqual([D1, ['#o:about.html']]);
  });

  it('adopting tags on a bucket deployed before: metadata rewritten server-side, no byte sent, nothing invalidated', async () => {
    const store = memoryStore();
    const clock = memoryClock();
    await pipelineRun(clean, site('v1'), { store, cdn: memoryCdn(), clock });
    const cdn = memoryCdn({ cacheTagHeaders: { [D1]: HEADER } });
    store.resetOps();
    const r = await pipelineRun(clean, site('v1'), { store, cdn, clock });
    expect(r.failure).toBeNull();
    expect(store.opsOf('upload')).toEqual([]);
    expect(store.opsOf('copy').sort()).toEqual(['about.html', 'assets/app-1a2b3c4d.js', 'docs/index.html', 'index.html']);
    expect(store.objects.get('about.html')!.metadata['cache-tag']).toBe('o:about.html,g:mutable,g:html');
    expect(store.text('about.html')).toBe('v1');
    expect(cdn.sent()).toEqual([]);
    // Variants cached before the rewrite carry no tag: the ledger does not call them tagged yet.
    expect(ledgerOf(store).tags).toEqual({ meta: 'cache-tag', objects: {} });
    // So the next change goes by paths; once uploaded with its tags, the one after by tag.
    await pipelineRun(clean, site('v2'), { store, cdn, clock });
    expect(cdn.sent().at(-1)![1].sort()).toEqual(['/about', '/about.html']);
    await pipelineRun(clean, site('v3'), { store, cdn, clock });
    expect(cdn.sent().at(-1)).toEqual([D1, ['#o:about.html']]);
  });

  it('a tag item owed by a run whose CreateInvalidation failed is sent by the next run', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ cacheTagHeaders: { [D1]: HEADER } });
    const o = { store, cdn, clock: memoryClock() };
    await pipelineRun(clean, site('v1'), o);
    cdn.fail = (op) => (op === 'create' ? Object.assign(new Error('boom'), { name: 'ServiceUnavailable' }) : undefined);
    const r2 = await pipelineRun(clean, site('v2'), o);
    expect(r2.failed).toBe(true);
    const owed = store.keys().filter((k) => k.includes('/owed/'));
    expect(owed).toHaveLength(1);
    expect(JSON.parse(store.text(owed[0]!)).paths).toEqual(['#o:about.html']);
    cdn.fail = null;
    const r3 = await pipelineRun(clean, site('v2'), o);
    expect(r3.failure).toBeNull();
    expect(cdn.sent().at(-1)).toEqual([D1, ['#o:about.html']]);
  });

  it('cache-tags: off after a tagged deploy drops the tags by a metadata-only rewrite, invalidating nothing', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ cacheTagHeaders: { [D1]: HEADER } });
    const o = { store, cdn, clock: memoryClock() };
    await pipelineRun(clean, site('v1'), o);
    store.resetOps();
    const r = await pipelineRun({ ...clean, 'cache-tags': 'off' }, site('v1'), o);
    expect(r.failure).toBeNull();
    expect(store.opsOf('upload')).toEqual([]);
    expect(store.opsOf('copy').sort()).toEqual(['about.html', 'assets/app-1a2b3c4d.js', 'docs/index.html', 'index.html']);
    expect(store.objects.get('about.html')!.metadata['cache-tag']).toBeUndefined();
    expect(cdn.sent()).toEqual([]);
    expect(ledgerOf(store).tags).toBeUndefined();
  });

  it('invalidate: none (the configuration not read) keeps the tags the ledger records: nothing rewritten', async () => {
    const store = memoryStore();
    const cdn = memoryCdn({ cacheTagHeaders: { [D1]: HEADER } });
    const o = { store, cdn, clock: memoryClock() };
    await pipelineRun(clean, site('v1'), o);
    store.resetOps();
    const r = await pipelineRun({ ...clean, invalidate: 'none' }, site('v1'), o);
    expect(r.failure).toBeNull();
    expect(store.opsOf('upload')).toEqual([]);
    expect(store.opsOf('copy')).toEqual([]);
    expect(store.objects.get('about.html')!.metadata['cache-tag']).toBe('o:about.html,g:mutable,g:html');
  });

  it('without CacheTagConfig: no tag metadata and the same invalidation as with cache-tags: off', async () => {
    const runs = async (inputs: Record<string, string>, cdnOpts: Parameters<typeof memoryCdn>[0]) => {
      const store = memoryStore();
      const cdn = memoryCdn(cdnOpts);
      const o = { store, cdn, clock: memoryClock() };
      await pipelineRun(inputs, site('v1'), o);
      await pipelineRun(inputs, site('v2'), o);
      return { store, cdn };
    };
    const a = await runs(clean, {});
    const b = await runs({ ...clean, 'cache-tags': 'off' }, { cacheTagHeaders: { [D1]: HEADER } });
    expect(a.store.objects.get('about.html')!.metadata['cache-tag']).toBeUndefined();
    expect(b.store.objects.get('about.html')!.metadata['cache-tag']).toBeUndefined();
    expect(a.cdn.sent()).toEqual(b.cdn.sent());
    expect(a.cdn.sent().at(-1)![1].sort()).toEqual(['/about', '/about.html']);
    expect(ledgerOf(a.store).tags).toBeUndefined();
  });
});
