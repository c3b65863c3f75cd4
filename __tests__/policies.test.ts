// Table tests of the run's small policies (src/plan/policies.ts), one describe per function.
import { parseInputs } from '../src/config/inputs.js';
import type { Config } from '../src/model/config.js';
import type {
  DeployState,
  DistributionUsage,
  InvalidationPlan,
  LocalFile,
  RemoteObject,
  RemoteState,
  StalePath,
  SyncEntry,
} from '../src/model/data.js';
import type { HeaderDecision } from '../src/model/headers.js';
import type { DiffFact, FileRecord } from '../src/model/stages.js';
import { readingHash, headersHash } from '../src/plan/headers.js';
import {
  collateralKeys,
  deleteWarning,
  inFlightBudget,
  missingDiffFallback,
  nextState,
  remoteStates,
  uploadWaves,
  verifyTargets,
  withMultipartEtags,
} from '../src/plan/policies.js';

const HTML: HeaderDecision = {
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'no-cache',
  cacheControlSource: { kind: 'default-mutable' },
};
const CSS: HeaderDecision = {
  contentType: 'text/css; charset=utf-8',
  cacheControl: 'max-age=60',
  cacheControlSource: { kind: 'default-mutable' },
};

function record(path: string, entry: Partial<SyncEntry> & Pick<SyncEntry, 'action'>, md5 = `md5-${path}`): FileRecord {
  const full = { key: path, path, size: 10, reason: 'new', overwrites: false, ...entry } as SyncEntry;
  return {
    key: full.key,
    path,
    source: path,
    gzip: false,
    size: 10,
    md5,
    headers: path.endsWith('.html') ? HTML : CSS,
    verdict: { fingerprinted: false, reason: 'test' },
    entry: full,
  };
}

function config(inputs: Record<string, string>): Config {
  const get = (n: string) => inputs[n] ?? '';
  return parseInputs(get, { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/tmp/rt' });
}

describe('remoteStates', () => {
  const listed: RemoteObject[] = [{ key: 'a.html', etag: 'etag-a', size: 3 }];
  it.each<[string, DeployState | null, Record<string, string>, Partial<RemoteState>]>([
    ['no record, no HEAD: the listing only', null, {}, {}],
    [
      'record with the same ETag: its MD5 and headers hash',
      { version: 1, objects: { 'a.html': ['etag-a', 'md5-a', 'hh-a'] } },
      {},
      { storedMd5: 'md5-a', headersHash: 'hh-a' },
    ],
    [
      'record with another ETag (another tool rewrote it): ignored',
      { version: 1, objects: { 'a.html': ['etag-OLD', 'md5-a', 'hh-a'] } },
      {},
      {},
    ],
    [
      "record with no headers hash (''): MD5 only, headers stay unknown",
      { version: 1, objects: { 'a.html': ['etag-a', 'md5-a', ''] } },
      {},
      { storedMd5: 'md5-a' },
    ],
    ['HEAD MD5 when there is no record', null, { 'a.html': 'md5-head' }, { storedMd5: 'md5-head' }],
    [
      'the record wins over a HEAD',
      { version: 1, objects: { 'a.html': ['etag-a', 'md5-rec', 'hh'] } },
      { 'a.html': 'md5-head' },
      { storedMd5: 'md5-rec', headersHash: 'hh' },
    ],
    [
      "record with '' for the ETag (it was the MD5): trusted while the listed ETag is that MD5",
      { version: 2, objects: { 'a.html': ['', 'etag-a', 'hh-a'] } },
      {},
      { storedMd5: 'etag-a', headersHash: 'hh-a' },
    ],
    [
      "record with '' for the ETag, but the listed ETag is not its MD5 (rewritten since): ignored",
      { version: 2, objects: { 'a.html': ['', 'md5-other', 'hh-a'] } },
      {},
      {},
    ],
    [
      'HEAD fills in when the record is stale',
      { version: 1, objects: { 'a.html': ['etag-OLD', 'md5-rec', 'hh'] } },
      { 'a.html': 'md5-head' },
      { storedMd5: 'md5-head' },
    ],
  ])('%s', (_name, state, head, extra) => {
    const out = remoteStates(listed, state, head);
    expect([...out.keys()]).toEqual(['a.html']);
    expect(out.get('a.html')).toStrictEqual({ ...listed[0], ...extra });
  });

  it('keeps every listed object, in listing order, and ignores records of keys not listed', () => {
    const state: DeployState = { version: 1, objects: { 'gone.css': ['e', 'm', 'h'] } };
    const out = remoteStates(
      [
        { key: 'b', etag: '1', size: 1 },
        { key: 'a', etag: '2', size: 2 },
      ],
      state,
      { zzz: 'x' },
    );
    expect([...out.keys()]).toEqual(['b', 'a']);
    expect(out.has('gone.css')).toBe(false);
  });

  it('a key named like an Object.prototype member takes nothing from the records that do not hold it', () => {
    const keys = ['toString', 'constructor', '__proto__', 'hasOwnProperty'];
    const out = remoteStates(
      keys.map((key) => ({ key, etag: 'e', size: 1 })),
      { version: 1, objects: {}, tags: { meta: 'm', objects: {} } },
      {},
      {},
    );
    for (const key of keys) expect(out.get(key)).toStrictEqual({ key, etag: 'e', size: 1 });
    // Recorded with the same ETag: the record's fields, and no tag marker the markers do not hold.
    const recorded = remoteStates(
      keys.map((key) => ({ key, etag: 'e', size: 1 })),
      { version: 1, objects: Object.fromEntries(keys.map((k) => [k, ['e', 'm', 'h']])), tags: { meta: 'm', objects: {} } },
      {},
    );
    for (const key of keys.filter((k) => k !== '__proto__')) {
      expect(recorded.get(key)).toStrictEqual({ key, etag: 'e', size: 1, storedMd5: 'm', headersHash: 'h' });
    }
  });

  it('answers for every listed key as a Map of the states would, unsorted and repeated keys too (the last listed wins)', () => {
    const listed: RemoteObject[] = [
      { key: 'b', etag: 'e1', size: 1 },
      { key: 'a', etag: 'e2', size: 2 },
      { key: 'b', etag: 'e3', size: 3 },
      { key: 'c/d', etag: 'e4', size: 4 },
    ];
    const state: DeployState = { version: 1, objects: { b: ['e3', 'm3', 'h3'], a: ['e-old', 'm2', 'h2'] } };
    const out = remoteStates(listed, state, { 'c/d': 'head-md5' });
    const expected = new Map<string, RemoteState>([
      ['b', { key: 'b', etag: 'e3', size: 3, storedMd5: 'm3', headersHash: 'h3' }],
      ['a', { key: 'a', etag: 'e2', size: 2 }],
      ['c/d', { key: 'c/d', etag: 'e4', size: 4, storedMd5: 'head-md5' }],
    ]);
    expect(out.size).toBe(3);
    expect(new Map(out)).toStrictEqual(expected);
    expect([...out.values()]).toStrictEqual([...expected.values()]);
    expect(out.get('zz')).toBeUndefined();
  });

  it('does not change the listing it was given', () => {
    const obj = { key: 'a', etag: 'e', size: 1 };
    remoteStates([obj], { version: 1, objects: { a: ['e', 'm', 'h'] } }, {});
    expect(obj).toStrictEqual({ key: 'a', etag: 'e', size: 1 });
  });
});

describe('withMultipartEtags', () => {
  const files: LocalFile[] = [
    { path: 'big.bin', size: 100, md5: 'm1' },
    { path: 'small.txt', size: 1, md5: 'm2' },
  ];
  it.each<[string, Record<string, string>, (string | undefined)[]]>([
    ['none computed', {}, [undefined, undefined]],
    ['one computed', { 'big.bin': 'abc-3' }, ['abc-3', undefined]],
    ['a path that is not a local file is ignored', { 'other.bin': 'x-2' }, [undefined, undefined]],
  ])('%s', (_name, etags, expected) => {
    const out = withMultipartEtags(files, etags);
    expect(out.map((f) => f.multipartEtag)).toEqual(expected);
    expect(out.map((f) => f.path)).toEqual(['big.bin', 'small.txt']);
  });

  it('returns new objects for changed files and never mutates the input', () => {
    const out = withMultipartEtags(files, { 'big.bin': 'abc-3' });
    expect(files[0]).not.toHaveProperty('multipartEtag');
    expect(out[0]).not.toBe(files[0]);
    expect(out[1]).toBe(files[1]);
  });
});

describe('missingDiffFallback', () => {
  const complete: DiffFact = { files: [], source: 'git' };
  const incomplete: DiffFact = { files: null, source: 'unavailable', note: 'API down', incomplete: true };
  const noNote: DiffFact = { files: null, source: 'unavailable', incomplete: true };
  const upload = { 'source-dir': 'site', bucket: 'site-bucket', 'distribution-id': 'E1ABCDEFGH', paths: '/x.html' };
  const only = { upload: 'false', 'distribution-id': 'E1ABCDEFGH', paths: '/x.html' };
  it.each<[string, Record<string, string>, DiffFact, string[], RegExp | null]>([
    ['upload mode, complete diff', upload, complete, ['/x.html'], null],
    ['upload mode, incomplete diff: the sync covers it, no warning', upload, incomplete, ['/x.html'], null],
    ['invalidate-only, complete diff', only, complete, ['/x.html'], null],
    [
      'invalidate-only, incomplete diff, missing-diff: warn (default)',
      only,
      incomplete,
      ['/x.html'],
      /^The commit diff is incomplete \(API down\): only the paths input .* set missing-diff: all to fall back to \/\*$/,
    ],
    [
      'invalidate-only, incomplete diff, missing-diff: all',
      { ...only, 'missing-diff': 'all' },
      incomplete,
      ['/x.html', '/*'],
      /^The commit diff is incomplete \(API down\): invalidating \/\* as missing-diff: all allows$/,
    ],
    ['invalidate-only, incomplete diff without a note', only, noNote, ['/x.html'], /incomplete \(unavailable\)/],
    [
      'upload mode with missing-diff: all and a complete diff: nothing added',
      { ...upload, 'missing-diff': 'all' },
      complete,
      ['/x.html'],
      null,
    ],
  ])('%s', (_name, inputs, diff, manual, warning) => {
    const out = missingDiffFallback(config(inputs), diff);
    expect(out.manual).toEqual(manual);
    if (warning) expect(out.warning).toMatch(warning);
    else expect(out.warning).toBeNull();
  });

  it('does not change config.paths', () => {
    const c = config({ ...only, 'missing-diff': 'all' });
    missingDiffFallback(c, incomplete);
    expect(c.paths).toEqual(['/x.html']);
  });
});

describe('inFlightBudget', () => {
  const usage = (inFlightPaths: number, inFlightWildcards: number): DistributionUsage => ({
    inFlightPaths,
    inFlightWildcards,
    monthPaths: 0,
    unreadable: 0,
  });
  it.each<[string, number, DistributionUsage | null, number, number]>([
    ['usage unknown: max-paths and 15 wildcards', 100, null, 100, 15],
    ['nothing in flight', 100, usage(0, 0), 100, 15],
    ['max-paths 3000, nothing in flight', 3000, usage(0, 0), 3000, 15],
    ['room left below max-paths', 100, usage(2950, 0), 50, 15],
    ['room exactly max-paths', 100, usage(2900, 0), 100, 15],
    ['no room: 1 (CloudFront queues it)', 100, usage(3000, 0), 1, 15],
    ['more in flight than the limit: still 1', 100, usage(3500, 0), 1, 15],
    ['wildcards in flight reduce the wildcard room', 100, usage(0, 10), 100, 5],
    ['14 wildcards in flight: 1 left', 100, usage(0, 14), 100, 1],
    ['15 wildcards in flight: never below 1', 100, usage(0, 15), 100, 1],
    ['both', 40, usage(2990, 12), 10, 3],
  ])('%s', (_name, maxPaths, u, budget, maxWildcards) => {
    expect(inFlightBudget(maxPaths, u)).toEqual({ budget, maxWildcards });
  });
});

describe('collateralKeys', () => {
  const listed: RemoteObject[] = ['a.html', 'protected/x.pdf', 'excluded.map', 'b.css'].map((key) => ({ key, etag: 'e', size: 1 }));
  const entry = (key: string, action: SyncEntry['action']): SyncEntry =>
    ({ key, path: key, action, reason: 'new', size: 1, overwrites: false }) as SyncEntry;
  it.each<[string, SyncEntry[], string[]]>([
    ['nothing synced: every listed key', [], ['a.html', 'protected/x.pdf', 'excluded.map', 'b.css']],
    [
      'synced keys (any action) are left out',
      [entry('a.html', 'upload'), entry('b.css', 'unchanged')],
      ['protected/x.pdf', 'excluded.map'],
    ],
    ['a delete is synced too', [entry('excluded.map', 'delete')], ['a.html', 'protected/x.pdf', 'b.css']],
    [
      'a synced key that is not listed changes nothing',
      [entry('new.html', 'upload')],
      ['a.html', 'protected/x.pdf', 'excluded.map', 'b.css'],
    ],
  ])('%s', (_name, sync, expected) => {
    expect(collateralKeys(listed, sync)).toEqual(expected);
  });
});

describe('uploadWaves', () => {
  const isEntry = (p: string) => p.endsWith('.html') || p === 'sw.js';
  const up = (p: string) => record(p, { action: 'upload' });
  const same = (p: string) => record(p, { action: 'unchanged', reason: 'md5-match' });
  it.each<[string, FileRecord[], string[], string[]]>([
    ['nothing to upload', [same('a.html'), same('b.css')], [], []],
    [
      'assets first, entry documents last, order kept',
      [up('b.html'), up('x.css'), up('sw.js'), up('a.html'), up('y.js')],
      ['x.css', 'y.js'],
      ['b.html', 'sw.js', 'a.html'],
    ],
    ['unchanged files are left out of both waves', [up('a.css'), same('b.css'), same('c.html'), up('d.html')], ['a.css'], ['d.html']],
    ['only HTML', [up('a.html')], [], ['a.html']],
  ])('%s', (_name, files, assets, entries) => {
    const waves = uploadWaves(files, isEntry);
    expect(waves).toHaveLength(2);
    expect(waves.map((w) => w.map((f) => f.path))).toEqual([assets, entries]);
  });
});

describe('verifyTargets', () => {
  const plan = (stale: StalePath[]): InvalidationPlan => ({
    distributionId: 'E1ABCDEFGH',
    stale,
    decoded: [],
    paths: [],
    wildcards: 0,
    cover: null,
    reason: '',
    zeroCollateralBudget: null,
  });
  const files = [
    record('docs/index.html', { action: 'upload', reason: 'content-changed', overwrites: true }, 'md5-docs'),
    record('a b.css', { action: 'upload', reason: 'content-changed', overwrites: true }, 'md5-ab'),
    record('same.css', { action: 'unchanged', reason: 'md5-match' }, 'md5-same'),
  ];
  it.each<[string, InvalidationPlan | undefined, { path: string; md5: string }[]]>([
    ['no plan (no distribution)', undefined, []],
    ['nothing stale', plan([]), []],
    [
      'an overwritten index document and its directory form carry its MD5',
      plan([
        { path: '/docs/index.html', reason: 'overwritten', source: 'docs/index.html' },
        { path: '/docs/', reason: 'overwritten', source: 'docs/index.html' },
      ]),
      [
        { path: '/docs/index.html', md5: 'md5-docs' },
        { path: '/docs/', md5: 'md5-docs' },
      ],
    ],
    [
      'paths are percent-encoded as invalidated',
      plan([{ path: '/a b.css', reason: 'overwritten', source: 'a b.css' }]),
      [{ path: '/a%20b.css', md5: 'md5-ab' }],
    ],
    [
      'only overwritten: deleted, diff, manual and owed paths are not verified',
      plan([
        { path: '/gone.html', reason: 'deleted', source: 'gone.html' },
        { path: '/docs/index.html', reason: 'diff-modified', source: 'site/docs/index.html' },
        { path: '/x', reason: 'manual' },
        { path: '/y', reason: 'owed' },
      ]),
      [],
    ],
    [
      'a stale path of an uploaded file that is not overwritten (e.g. a new file also in the diff) is left out',
      plan([{ path: '/docs/index.html', reason: 'diff-modified', source: 'docs/index.html' }]),
      [],
    ],
    [
      'an overwritten path whose source is not uploaded is left out',
      plan([{ path: '/same.css', reason: 'overwritten', source: 'same.css' }]),
      [],
    ],
    ['an overwritten path without a source is left out', plan([{ path: '/docs/index.html', reason: 'overwritten' }]), []],
  ])('%s', (_name, p, expected) => {
    expect(verifyTargets(p, files)).toEqual(expected);
  });
});

describe('nextState', () => {
  const up = record('a.html', { action: 'upload', reason: 'content-changed', overwrites: true }, 'md5-a');
  const same = record('b.css', { action: 'unchanged', reason: 'md5-match' }, 'md5-b');
  const remote = (hh?: string) =>
    new Map<string, RemoteState>([
      ['a.html', { key: 'a.html', etag: 'old-a', size: 10 }],
      ['b.css', { key: 'b.css', etag: 'etag-b', size: 10, ...(hh !== undefined ? { headersHash: hh } : {}) }],
    ]);
  it.each<[string, FileRecord[], Map<string, RemoteState>, Record<string, string>, DeployState['objects']]>([
    ['nothing', [], remote(), {}, {}],
    [
      'an upload: its new ETag, MD5, headers hash and reading hash',
      [up],
      remote(),
      { 'a.html': 'new-a' },
      { 'a.html': ['new-a', 'md5-a', headersHash(HTML), readingHash(HTML)] },
    ],
    ['an upload without an ETag (the run failed first) is left out', [up], remote(), {}, {}],
    [
      "an upload whose ETag is its MD5 (a single PUT): the ETag recorded as ''",
      [up],
      remote(),
      { 'a.html': 'md5-a' },
      { 'a.html': ['', 'md5-a', headersHash(HTML), readingHash(HTML)] },
    ],
    [
      "unchanged and listed with its MD5 as ETag: ''",
      [same],
      new Map([['b.css', { key: 'b.css', etag: 'md5-b', size: 10, headersHash: 'hh-b' }]]),
      {},
      { 'b.css': ['', 'md5-b', 'hh-b'] },
    ],
    ['unchanged with a known headers hash keeps it', [same], remote('hh-b'), {}, { 'b.css': ['etag-b', 'md5-b', 'hh-b'] }],
    ["unchanged with unknown headers: '' (never assumed)", [same], remote(), {}, { 'b.css': ['etag-b', 'md5-b', ''] }],
    ['unchanged but not listed is left out', [same], new Map(), {}, {}],
    [
      'both',
      [up, same],
      remote('hh-b'),
      { 'a.html': 'new-a' },
      { 'a.html': ['new-a', 'md5-a', headersHash(HTML), readingHash(HTML)], 'b.css': ['etag-b', 'md5-b', 'hh-b'] },
    ],
    [
      'deletes never enter the record',
      [record('gone.css', { action: 'delete', reason: 'removed-locally' })],
      remote(),
      { 'gone.css': 'x' },
      {},
    ],
  ])('%s', (_name, files, rem, etags, objects) => {
    expect(nextState(files, rem, etags)).toEqual({ version: 1, objects });
  });

  it.each<[string, DeployState['objects'], boolean]>([
    ['the same entry: the previous array itself', { 'b.css': ['etag-b', 'md5-b', 'hh-b'] }, true],
    ['another headers hash: a new entry', { 'b.css': ['etag-b', 'md5-b', 'hh-old'] }, false],
    ['a reading hash more: a new entry', { 'b.css': ['etag-b', 'md5-b', 'hh-b', 'rh'] }, false],
    ['another key only: a new entry', { 'c.css': ['etag-b', 'md5-b', 'hh-b'] }, false],
  ])('an unchanged object, previous ledger %s', (_name, previous, shared) => {
    const next = nextState([same], remote('hh-b'), {}, { meta: null }, previous);
    expect(next.objects).toEqual({ 'b.css': ['etag-b', 'md5-b', 'hh-b'] });
    expect(next.objects['b.css'] === previous['b.css']).toBe(shared);
  });

  it('an uploaded object never takes the previous entry', () => {
    const previous: DeployState['objects'] = { 'a.html': ['new-a', 'md5-a', headersHash(HTML), readingHash(HTML)] };
    const next = nextState([up], remote(), { 'a.html': 'new-a' }, { meta: null }, previous);
    expect(next.objects['a.html']).toEqual(previous['a.html']);
    expect(next.objects['a.html']).not.toBe(previous['a.html']);
  });
});

describe('deleteWarning', () => {
  it.each<[string, number, number, boolean]>([
    ['no cap (-1)', 1000, -1, false],
    ['cap 0 (no deletes allowed: the cap itself refuses)', 5, 0, false],
    ['no deletes', 0, 100, false],
    ['well below the cap', 10, 100, false],
    ['exactly 80% is not close yet', 80, 100, false],
    ['just over 80%', 81, 100, true],
    ['at the cap', 100, 100, true],
    ['over the cap', 150, 100, true],
    ['small cap: 1 of 1', 1, 1, true],
  ])('%s', (_name, deletes, max, warns) => {
    const w = deleteWarning(deletes, max);
    if (!warns) return expect(w).toBeNull();
    expect(w).toBe(`${deletes} objects will be deleted: close to max-deletes (${max}). Check source-dir and prefix.`);
  });
});
