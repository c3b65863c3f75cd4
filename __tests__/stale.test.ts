// Which URL paths are stale and which others exist (src/plan/stale.ts).
import type { Distribution } from '../src/model/config.js';
import type { SyncEntry } from '../src/plan/sync.js';
import { coverRoot, staleFor, type ChangedFile, type StaleInput } from '../src/plan/stale.js';
import type { FingerprintVerdict } from '../src/model/data.js';

/** Test stand-in for the classifier: names like app-1a2b3c4d.js are fingerprinted. */
const fingerprint = (rel: string): FingerprintVerdict =>
  /-[0-9a-f]{8}\.[a-z0-9]+$/.test(rel) ? { fingerprinted: true, reason: 'test hash' } : { fingerprinted: false, reason: 'no hash' };

const upload = (key: string, path: string, overwrites: boolean): SyncEntry => ({
  key,
  path,
  action: 'upload',
  reason: overwrites ? 'content-changed' : 'new',
  size: 1,
  overwrites,
});
const unchanged = (key: string, path: string): SyncEntry => ({ key, path, action: 'unchanged', reason: 'md5-match', size: 1 });
const del = (key: string, path: string): SyncEntry => ({ key, path, action: 'delete', reason: 'removed-locally', size: 1 });

const D: Distribution = { id: 'E1ABCDEFGH', originPath: '' };

function input(over: Partial<StaleInput> = {}): StaleInput {
  return {
    distribution: D,
    prefix: '',
    invalidate: 'changed',
    withoutSlash: false,
    sync: [],
    otherKeys: [],
    originKnown: true,
    fingerprint,
    diff: null,
    pathMap: [{ from: 'public/', to: '/' }],
    manual: [],
    owed: [],
    ...over,
  };
}

const paths = (over: Partial<StaleInput>) =>
  staleFor(input(over))
    .stale.map((s) => s.path)
    .sort();

describe('staleFor: sync entries', () => {
  it('overwritten and deleted objects are stale; new uploads and unchanged files are not', () => {
    const r = staleFor(
      input({
        sync: [
          upload('a.html', 'a.html', true),
          upload('new.html', 'new.html', false),
          unchanged('same.css', 'same.css'),
          del('gone.js', 'gone.js'),
        ],
      }),
    );
    expect(r.stale).toEqual(
      expect.arrayContaining([
        { path: '/a.html', reason: 'overwritten', source: 'a.html' },
        { path: '/gone.js', reason: 'deleted', source: 'gone.js' },
      ]),
    );
    expect(r.stale).toHaveLength(2);
  });

  it.each<[string, boolean, string[]]>([
    ['docs/index.html', false, ['/docs/', '/docs/index.html']],
    ['docs/index.html', true, ['/docs', '/docs/', '/docs/index.html']],
    ['index.html', false, ['/', '/index.html']],
    ['index.html', true, ['/', '/index.html']],
  ])('overwritten %p (withoutSlash=%p) adds the directory forms', (key, withoutSlash, expected) => {
    expect(paths({ withoutSlash, sync: [upload(key, key, true)] })).toEqual(expected);
  });

  it('deleted index.html also adds the directory form', () => {
    expect(paths({ sync: [del('blog/index.html', 'blog/index.html')] })).toEqual(['/blog/', '/blog/index.html']);
  });

  it('fingerprinted deletions are skipped and reported', () => {
    const r = staleFor(input({ sync: [del('assets/app-1a2b3c4d.js', 'assets/app-1a2b3c4d.js'), del('old.html', 'old.html')] }));
    expect(r.stale.map((s) => s.path)).toEqual(['/old.html']);
    expect(r.skippedFingerprinted).toEqual(['assets/app-1a2b3c4d.js']);
  });

  it('overwritten fingerprinted files are still stale, and listed as violations', () => {
    const r = staleFor(input({ sync: [upload('assets/app-1a2b3c4d.js', 'assets/app-1a2b3c4d.js', true)] }));
    expect(r.stale).toEqual([{ path: '/assets/app-1a2b3c4d.js', reason: 'overwritten', source: 'assets/app-1a2b3c4d.js' }]);
    expect(r.fingerprintViolations).toEqual(['assets/app-1a2b3c4d.js']);
    expect(r.skippedFingerprinted).toEqual([]);
  });

  it('new fingerprinted uploads are neither stale nor violations', () => {
    const r = staleFor(input({ sync: [upload('assets/app-1a2b3c4d.js', 'assets/app-1a2b3c4d.js', false)] }));
    expect(r.stale).toEqual([]);
    expect(r.fingerprintViolations).toEqual([]);
  });

  it('the fingerprint classifier is asked with the path relative to source-dir, not the key', () => {
    const asked: string[] = [];
    staleFor(
      input({
        prefix: 'site/',
        sync: [upload('site/a.html', 'a.html', true), del('site/b.html', 'b.html')],
        fingerprint: (rel) => {
          asked.push(rel);
          return { fingerprinted: false, reason: '' };
        },
      }),
    );
    expect(asked.sort()).toEqual(['a.html', 'b.html']);
  });
});

describe('staleFor: origin path', () => {
  const prod: Distribution = { id: 'E1ABCDEFGH', originPath: 'prod/' };

  it('keys outside the origin path are ignored; inside ones are mapped without it', () => {
    expect(
      paths({
        distribution: prod,
        sync: [
          upload('prod/index.html', 'prod/index.html', true),
          upload('staging/index.html', 'staging/index.html', true),
          del('prod/x.css', 'prod/x.css'),
        ],
      }),
    ).toEqual(['/', '/index.html', '/x.css']);
  });

  it('existing only lists URL paths inside the origin path', () => {
    const r = staleFor(
      input({
        distribution: prod,
        sync: [unchanged('prod/a.html', 'prod/a.html'), unchanged('staging/b.html', 'staging/b.html')],
        otherKeys: ['prod/keep.png', 'elsewhere/c.png'],
      }),
    );
    expect(r.existing?.sort()).toEqual(['/a.html', '/keep.png']);
  });
});

describe('staleFor: commit diff', () => {
  const diff: ChangedFile[] = [
    { path: 'public/about.html', status: 'modified' },
    { path: 'public/old.html', status: 'deleted' },
    { path: 'public/new-name.html', status: 'renamed', previousPath: 'public/old-name.html' },
    { path: 'public/added.html', status: 'added' },
    { path: 'src/main.ts', status: 'modified' },
    { path: 'public/docs/index.html', status: 'modified' },
  ];

  it('modified, deleted and renamed-from are mapped through path-map; added and unmapped files are not stale', () => {
    const r = staleFor(input({ diff }));
    const byPath = Object.fromEntries(r.stale.map((s) => [s.path, s]));
    expect(Object.keys(byPath).sort()).toEqual(['/about.html', '/docs/', '/docs/index.html', '/old-name.html', '/old.html']);
    expect(byPath['/about.html']).toEqual({ path: '/about.html', reason: 'diff-modified', source: 'public/about.html' });
    expect(byPath['/old.html']).toEqual({ path: '/old.html', reason: 'diff-deleted', source: 'public/old.html' });
    expect(byPath['/old-name.html']).toEqual({ path: '/old-name.html', reason: 'diff-renamed-from', source: 'public/old-name.html' });
  });

  it('a different path-map moves the URLs', () => {
    expect(paths({ diff: [{ path: 'site/a.html', status: 'modified' }], pathMap: [{ from: 'site/', to: '/docs/' }] })).toEqual([
      '/docs/a.html',
    ]);
  });

  it('fingerprinted diff paths are skipped', () => {
    const r = staleFor(input({ diff: [{ path: 'public/assets/app-1a2b3c4d.js', status: 'deleted' }] }));
    expect(r.stale).toEqual([]);
    expect(r.skippedFingerprinted).toEqual(['public/assets/app-1a2b3c4d.js']);
  });

  it('a path stale for two reasons is listed once, with the first reason', () => {
    const r = staleFor(
      input({ sync: [upload('about.html', 'about.html', true)], diff: [{ path: 'public/about.html', status: 'modified' }] }),
    );
    expect(r.stale).toEqual([{ path: '/about.html', reason: 'overwritten', source: 'about.html' }]);
  });

  it('diff null: nothing from the diff', () => {
    expect(paths({ diff: null })).toEqual([]);
  });
});

describe('staleFor: manual and owed paths', () => {
  it('manual and owed paths are stale with their reasons', () => {
    const r = staleFor(input({ manual: ['/a b.html', '/docs/*'], owed: ['/owed.html', '/x/index.html'] }));
    expect(r.stale).toEqual([
      { path: '/a b.html', reason: 'manual' },
      { path: '/docs/*', reason: 'manual' },
      { path: '/owed.html', reason: 'owed' },
      { path: '/x/index.html', reason: 'owed' },
      { path: '/x/', reason: 'owed' },
    ]);
  });
});

describe('staleFor: invalidate modes', () => {
  const busy: Partial<StaleInput> = {
    sync: [upload('a.html', 'a.html', true), del('b.html', 'b.html')],
    manual: ['/m.html'],
    owed: ['/o.html'],
    diff: [{ path: 'public/c.html', status: 'modified' }],
  };

  it("'all' -> only /*", () => {
    const r = staleFor(input({ ...busy, invalidate: 'all' }));
    expect(r.stale.map((s) => s.path)).toEqual(['/*']);
    expect(r.stale[0]!.reason).toBe('all');
  });

  it("'none' -> nothing of this run; what earlier runs owe is still paid", () => {
    const r = staleFor(input({ ...busy, invalidate: 'none' }));
    expect(r.stale).toEqual([{ path: '/o.html', reason: 'owed' }]);
    expect(staleFor(input({ ...busy, invalidate: 'none', owed: [] })).stale).toEqual([]);
  });

  it("'changed' -> every reason", () => {
    expect(paths({ ...busy })).toEqual(['/a.html', '/b.html', '/c.html', '/m.html', '/o.html']);
  });
});

describe('staleFor: existing', () => {
  it('lists other objects at the origin (unchanged, new, otherKeys), never the stale paths or deleted objects', () => {
    const r = staleFor(
      input({
        sync: [
          upload('docs/index.html', 'docs/index.html', true),
          upload('new.html', 'new.html', false),
          unchanged('keep.css', 'keep.css'),
          unchanged('blog/index.html', 'blog/index.html'),
          del('gone.html', 'gone.html'),
        ],
        otherKeys: ['uploads/photo.jpg'],
      }),
    );
    expect(r.stale.map((s) => s.path).sort()).toEqual(['/docs/', '/docs/index.html', '/gone.html']);
    expect(r.existing?.sort()).toEqual(['/blog/', '/blog/index.html', '/keep.css', '/new.html', '/uploads/photo.jpg']);
  });

  it('existing excludes a path that is stale for another reason (manual)', () => {
    const r = staleFor(input({ sync: [unchanged('a.html', 'a.html'), unchanged('b.html', 'b.html')], manual: ['/a.html'] }));
    expect(r.existing).toEqual(['/b.html']);
  });

  it('existing is null when the origin is not known', () => {
    const r = staleFor(input({ originKnown: false, sync: [unchanged('a.html', 'a.html')], manual: ['/x.html'] }));
    expect(r.existing).toBeNull();
    expect(r.stale.map((s) => s.path)).toEqual(['/x.html']);
  });
});

describe('coverRoot', () => {
  it.each<[string[], string, string, string | null, string]>([
    [['/a.html', '/docs/b.html'], '', '', '/', 'whole bucket = whole origin'],
    [['/a.html'], '', 'prod/', '/', 'listing of the whole bucket contains the origin path'],
    [['/a.html'], 'prod/', 'prod/', '/', 'prefix is the origin path'],
    [['/site/a.html', '/site/docs/'], 'site/', '', '/site/', 'prefix below the origin: re-root under it'],
    [['/site/a.html', '/other.html'], 'site/', '', null, 'a stale path outside the listed prefix: unknown'],
    [['/site'], 'site/', '', null, 'the slash-less directory form lies outside /site/'],
    [['/docs/x.html'], 'prod/docs/', 'prod/', '/docs/', 'prefix below a non-empty origin path'],
    [['/a.html'], 'a/', 'b/', null, 'prefix and origin path unrelated'],
    [[], 'site/', '', '/site/', 'nothing stale'],
  ])('%p prefix=%p origin=%p -> %p (%s)', (stale, prefix, origin, expected) => {
    expect(coverRoot(stale, prefix, origin)).toBe(expected);
  });
});

describe('staleFor: the default path-map follows prefix and origin path', () => {
  const diff: ChangedFile[] = [{ path: 'dist/docs/a.html', status: 'modified' }];
  const pathMap = [{ from: 'dist/', to: '/', viaKey: true }];
  it.each<[string, string, string[]]>([
    ['', '', ['/docs/a.html']],
    ['site/', '', ['/site/docs/a.html']],
    ['site/', 'site/', ['/docs/a.html']],
    ['other/', 'site/', []], // the prefix is not served by this distribution
  ])('prefix %j origin %j -> %j', (prefix, originPath, expected) => {
    expect(paths({ prefix, distribution: { id: 'E1ABCDEFGH', originPath }, diff, pathMap })).toEqual(expected);
  });
});

describe('staleFor: url-style and index-document', () => {
  it.each<[Partial<StaleInput>, string, string[]]>([
    [{}, 'about.html', ['/about.html']],
    [{ urlStyle: 'directory' }, 'docs/index.html', ['/docs/', '/docs/index.html']],
    [{ urlStyle: 'clean' }, 'about.html', ['/about', '/about.html']],
    [{ urlStyle: 'clean' }, 'docs/index.html', ['/docs', '/docs/', '/docs/index.html']],
    [{ urlStyle: 'clean' }, 'index.html', ['/', '/index.html']],
    [{ indexDocument: 'default.htm' }, 'docs/default.htm', ['/docs/', '/docs/default.htm']],
    [{ indexDocument: 'default.htm' }, 'docs/index.html', ['/docs/index.html']],
    [{ indexDocument: 'default.htm', withoutSlash: true }, 'docs/default.htm', ['/docs', '/docs/', '/docs/default.htm']],
  ])('%j: overwritten %p -> %p', (over, key, expected) => {
    expect(paths({ ...over, sync: [upload(key, key, true)] })).toEqual(expected);
  });

  it('diff, manual and owed paths get the same forms', () => {
    expect(
      paths({
        urlStyle: 'clean',
        diff: [{ path: 'public/blog/post.html', status: 'deleted' }],
        manual: ['/m.html'],
        owed: ['/o/index.html'],
      }),
    ).toEqual(['/blog/post', '/blog/post.html', '/m', '/m.html', '/o', '/o/', '/o/index.html']);
  });

  it('existing uses the same forms as the stale paths (so collateral is counted against what is sent)', () => {
    const r = staleFor(
      input({
        urlStyle: 'clean',
        sync: [upload('about.html', 'about.html', true), unchanged('blog/index.html', 'blog/index.html'), unchanged('x.css', 'x.css')],
      }),
    );
    expect(r.stale.map((s) => s.path).sort()).toEqual(['/about', '/about.html']);
    expect(r.existing?.sort()).toEqual(['/blog', '/blog/', '/blog/index.html', '/x.css']);
  });

  it('existing honours index-document', () => {
    const r = staleFor(
      input({
        indexDocument: 'default.htm',
        sync: [unchanged('a/default.htm', 'a/default.htm'), unchanged('b/index.html', 'b/index.html')],
      }),
    );
    expect(r.existing?.sort()).toEqual(['/a/', '/a/default.htm', '/b/index.html']);
  });

  it('with query strings every clean form is stale with its query-string variants (a wildcard after the ?)', () => {
    const q = (p: string) => `${p}\u0000*`;
    expect(paths({ urlStyle: 'clean', queryStrings: true, sync: [upload('a.html', 'a.html', true)] })).toEqual([
      '/a',
      q('/a'),
      '/a.html',
      q('/a.html'),
    ]);
  });
});

describe('staleFor: strip-index-html keys ending in /', () => {
  it('an overwritten directory key is stale at the directory URL (and slash-less with withoutSlash)', () => {
    expect(paths({ sync: [upload('docs/', 'docs/index.html', true)] })).toEqual(['/docs/']);
    expect(paths({ withoutSlash: true, sync: [upload('docs/', 'docs/index.html', true)] })).toEqual(['/docs', '/docs/']);
  });

  it('both keys of one index document overwritten: each URL once', () => {
    const r = staleFor(input({ sync: [upload('docs/index.html', 'docs/index.html', true), upload('docs/', 'docs/index.html', true)] }));
    expect(r.stale).toEqual([
      { path: '/docs/index.html', reason: 'overwritten', source: 'docs/index.html' },
      { path: '/docs/', reason: 'overwritten', source: 'docs/index.html' },
    ]);
  });

  it('a deleted directory key is stale at its URL', () => {
    expect(paths({ sync: [del('docs/', 'docs/')] })).toEqual(['/docs/']);
  });

  it('a directory key under the origin path maps without it', () => {
    expect(
      paths({ distribution: { id: 'E1ABCDEFGH', originPath: 'prod/' }, sync: [upload('prod/docs/', 'prod/docs/index.html', true)] }),
    ).toEqual(['/docs/']);
  });

  it('existing lists the directory URL once when both keys exist', () => {
    const r = staleFor(input({ sync: [unchanged('docs/index.html', 'docs/index.html')], otherKeys: ['docs/'] }));
    expect(r.existing).toEqual(['/docs/index.html', '/docs/']);
  });
});
