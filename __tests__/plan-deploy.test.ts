// Table tests of planDeploy(config, facts): plain Facts in, the plan out (uploads, unchanged, deletes with their
// reasons, upload waves, the delete cap, writeState, warnings, the invalidation per distribution within the
// in-flight budget, verify targets). No I/O: the facts are written out by hand.
import { parseInputs } from '../src/config/inputs.js';
import type { Config } from '../src/model/config.js';
import type { ChangedFile, DeployState, DistributionUsage, LocalFile, OwedRecord, RemoteObject } from '../src/model/data.js';
import type { DeployPlan, DiffFact, Facts } from '../src/model/stages.js';
import { planDeploy } from '../src/plan/deploy.js';
import { headerRules, headersHash } from '../src/plan/headers.js';
import { buildReport, type FileReport } from '../src/report/report.js';

const D1 = 'E1ABCDEFGH';
const D2 = 'E2ABCDEFGH';

function config(inputs: Record<string, string> = {}): Config {
  const all: Record<string, string> = { 'source-dir': 'site', bucket: 'site-bucket', 'distribution-id': D1, ...inputs };
  return parseInputs((n) => all[n] ?? '', { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/tmp/rt' });
}

/** A local file whose MD5 is `m:<path>:<content>`, and the object S3 would hold for it (ETag = MD5). */
const local = (path: string, content = 'v1', size = 10): LocalFile => ({ path, size, md5: md5Of(path, content) });
const md5Of = (path: string, content: string) => `m:${path}:${content}`;
const obj = (key: string, content = 'v1', size = 10): RemoteObject => ({ key, etag: md5Of(key, content), size });

interface FactsIn {
  files?: LocalFile[];
  remote?: RemoteObject[];
  state?: DeployState | null;
  owed?: OwedRecord[];
  headMd5?: Record<string, string>;
  multipartEtags?: Record<string, string>;
  diff?: DiffFact;
  usage?: Record<string, DistributionUsage | null>;
  skipped?: { path: string; reason: 'dotfile' | 'excluded' }[];
  manifests?: Record<string, string>;
  upload?: boolean;
}

/** Facts as gatherFacts would return them. A state record exists unless `state: null` (then writeState is forced). */
function facts(f: FactsIn = {}): Facts {
  return {
    run: {
      eventName: 'push',
      payload: {},
      sha: 'abc',
      headSha: 'abc',
      headSource: 'GITHUB_SHA',
      forced: false,
      repository: 'acme/site',
      runId: '7',
      runAttempt: '1',
      apiUrl: 'https://api.github.com',
    },
    now: Date.parse('2025-06-15T12:00:00Z'),
    scan: f.upload === false ? null : { files: f.files ?? [], skipped: f.skipped ?? [], warnings: [], manifests: f.manifests ?? {} },
    remote: f.remote ?? [],
    ownKeys: [],
    records: { dir: '.s3cfd-0123456789abcdef01234567/', oldDirs: [] },
    state: f.state === undefined ? { version: 1, objects: {} } : f.state,
    owed: f.owed ?? [],
    headMd5: f.headMd5 ?? {},
    headHeaders: {},
    gzipped: {},
    multipartEtags: f.multipartEtags ?? {},
    diff: f.diff ?? { files: null, source: 'none' },
    commitOrder: { order: 'none' },
    usage: f.usage ?? {},
    distributions: {},
    warnings: [],
    timingsMs: {},
  };
}

const syncOf = (p: DeployPlan) => p.sync.map((e) => `${e.action} ${e.key} ${e.reason}`);
const pathsOf = (p: DeployPlan, id = D1) => p.invalidations.find((i) => i.distributionId === id)!.paths;

describe('sync decisions with reasons', () => {
  const hh = (path: string) => headersHash(headerRules([])(path, false));
  it.each<[string, Config, FactsIn, string[], string[]]>([
    ['a new file: upload new, nothing cached so nothing invalidated', config(), { files: [local('a.html')] }, ['upload a.html new'], []],
    [
      'same MD5 as the ETag: unchanged',
      config(),
      { files: [local('a.html')], remote: [obj('a.html')] },
      ['unchanged a.html md5-match'],
      [],
    ],
    [
      'same size, other content: content-changed, invalidated in both URL forms',
      config(),
      { files: [local('index.html', 'v2')], remote: [obj('index.html')] },
      ['upload index.html content-changed'],
      ['/', '/index.html'],
    ],
    [
      'other size: size-changed',
      config(),
      { files: [local('a.css', 'v2', 11)], remote: [obj('a.css')] },
      ['upload a.css size-changed'],
      ['/a.css'],
    ],
    [
      'ETag not the MD5 but the HEAD metadata is: stored-hash-match',
      config(),
      { files: [local('a.css')], remote: [{ key: 'a.css', etag: 'kms-etag', size: 10 }], headMd5: { 'a.css': md5Of('a.css', 'v1') } },
      ['unchanged a.css stored-hash-match'],
      [],
    ],
    [
      'the record knows the MD5 of a multipart object: stored-hash-match',
      config(),
      {
        files: [local('big.bin')],
        remote: [{ key: 'big.bin', etag: 'abc-3', size: 10 }],
        state: { version: 1, objects: { 'big.bin': ['abc-3', md5Of('big.bin', 'v1'), ''] } },
      },
      ['unchanged big.bin stored-hash-match'],
      [],
    ],
    [
      'a foreign multipart object with the locally computed multipart ETag: multipart-etag-match',
      config(),
      { files: [local('big.bin')], remote: [{ key: 'big.bin', etag: 'abc-3', size: 10 }], multipartEtags: { 'big.bin': 'abc-3' } },
      ['unchanged big.bin multipart-etag-match'],
      [],
    ],
    [
      'same content, recorded headers differ: headers-changed (and invalidated)',
      config(),
      {
        files: [local('a.css')],
        remote: [obj('a.css')],
        state: { version: 1, objects: { 'a.css': [md5Of('a.css', 'v1'), md5Of('a.css', 'v1'), 'other'] } },
      },
      ['upload a.css headers-changed'],
      ['/a.css'],
    ],
    [
      'same content, recorded headers equal: unchanged',
      config(),
      {
        files: [local('a.css')],
        remote: [obj('a.css')],
        state: { version: 1, objects: { 'a.css': [md5Of('a.css', 'v1'), md5Of('a.css', 'v1'), hh('a.css')] } },
      },
      ['unchanged a.css md5-match'],
      [],
    ],
    [
      'force-upload: forced, and invalidated',
      config({ 'force-upload': 'true' }),
      { files: [local('a.css')], remote: [obj('a.css')] },
      ['upload a.css forced'],
      ['/a.css'],
    ],
    [
      'delete-removed: a removed file is deleted and invalidated',
      config({ 'delete-removed': 'true' }),
      { files: [local('a.html')], remote: [obj('a.html'), obj('old.css')] },
      ['unchanged a.html md5-match', 'delete old.css removed-locally'],
      ['/old.css'],
    ],
    [
      'without delete-removed a removed file stays (and is not invalidated)',
      config(),
      { files: [local('a.html')], remote: [obj('a.html'), obj('old.css')] },
      ['unchanged a.html md5-match'],
      [],
    ],
    [
      'protect: a protected key is never deleted',
      config({ 'delete-removed': 'true', protect: 'uploads/**' }),
      { files: [local('a.html')], remote: [obj('a.html'), obj('uploads/u.pdf'), obj('x.css')] },
      ['unchanged a.html md5-match', 'delete x.css removed-locally'],
      ['/x.css'],
    ],
    [
      'a removed fingerprinted asset is not invalidated and not deleted yet: it waits out keep-removed (not in the sync)',
      config({ 'delete-removed': 'true' }),
      { files: [local('a.html')], remote: [obj('a.html'), obj('assets/app-3f2a1b9c.js')] },
      ['unchanged a.html md5-match'],
      [],
    ],
    [
      'keep-removed: 0: a removed fingerprinted asset is deleted at once, still not invalidated',
      config({ 'delete-removed': 'true', 'keep-removed': '0' }),
      { files: [local('a.html')], remote: [obj('a.html'), obj('assets/app-3f2a1b9c.js')] },
      ['unchanged a.html md5-match', 'delete assets/app-3f2a1b9c.js removed-locally'],
      [],
    ],
    [
      'prefix: keys under it, URLs with it (origin path empty)',
      config({ prefix: 'site' }),
      { files: [local('a.html', 'v2')], remote: [{ ...obj('a.html'), key: 'site/a.html' }] },
      ['upload site/a.html content-changed'],
      ['/site/a.html'],
    ],
    [
      'prefix and the same origin path: URLs without it',
      config({ prefix: 'site', 'origin-path': '/site' }),
      { files: [local('a.html', 'v2')], remote: [{ ...obj('a.html'), key: 'site/a.html' }] },
      ['upload site/a.html content-changed'],
      ['/a.html'],
    ],
  ])('%s', (_name, c, f, sync, paths) => {
    const plan = planDeploy(c, facts(f));
    expect(syncOf(plan)).toEqual(sync);
    expect(pathsOf(plan)).toEqual(paths);
    expect(plan.refusal).toBeNull();
    expect(plan.deletes).toEqual(plan.sync.filter((e) => e.action === 'delete').map((e) => e.key));
  });
});

describe('upload waves', () => {
  it.each<[string, Config, string[], string[]]>([
    ['HTML last', config(), ['a.css', 'b.js'], ['index.html', 'docs/index.xhtml']],
    [
      'entry-documents join the HTML',
      config({ 'entry-documents': 'sw.js\n*.json' }),
      ['a.css', 'b.js'],
      ['index.html', 'docs/index.xhtml', 'sw.js', 'data.json'],
    ],
  ])('%s', (_name, c, assets, entries) => {
    const files = ['index.html', 'a.css', 'docs/index.xhtml', 'sw.js', 'b.js', 'data.json', 'same.css'].map((p) => local(p, 'v2'));
    const plan = planDeploy(c, facts({ files, remote: [obj('same.css', 'v2')] }));
    const waves = plan.uploadWaves.map((w) => w.map((f) => f.path));
    const extra = c.entryDocuments.length ? [] : ['sw.js', 'data.json'];
    expect(waves[0]!.sort()).toEqual([...assets, ...extra].sort());
    expect(waves[1]!.sort()).toEqual(entries.sort());
    expect(waves.flat()).not.toContain('same.css');
  });
});

describe('the delete cap', () => {
  const remote = ['a.html', 'x1.css', 'x2.css', 'x3.css'].map((k) => obj(k));
  it.each<[string, string, string | null, boolean]>([
    ['under the cap', '5', null, false],
    ['at the cap: allowed, with a warning', '3', null, true],
    ['over the cap: refused', '2', '3 objects would be deleted, over max-deletes (2). Nothing was uploaded or deleted.', true],
    ['cap 0: any delete is refused', '0', '3 objects would be deleted, over max-deletes (0).', false],
    ['no cap (-1)', '-1', null, false],
  ])('%s', (_name, max, refusal, warns) => {
    const plan = planDeploy(config({ 'delete-removed': 'true', 'max-deletes': max }), facts({ files: [local('a.html')], remote }));
    if (refusal === null) expect(plan.refusal).toBeNull();
    else expect(plan.refusal).toContain(refusal);
    expect(plan.deletes).toEqual(['x1.css', 'x2.css', 'x3.css']);
    const w = plan.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(w).toEqual(warns ? [`3 objects will be deleted: close to max-deletes (${max}). Check source-dir and prefix.`] : []);
  });
});

describe('writeState', () => {
  it.each<[string, Config, FactsIn, boolean]>([
    ['uploads: written', config(), { files: [local('a.html')] }, true],
    ['no uploads, a record exists: not written', config(), { files: [local('a.html')], remote: [obj('a.html')] }, false],
    [
      'no uploads, no record: written (so the next run has one)',
      config(),
      { files: [local('a.html')], remote: [obj('a.html')], state: null },
      true,
    ],
    [
      'only deletes, a record exists: written (the ledger records the deploy)',
      config({ 'delete-removed': 'true' }),
      { files: [local('a.html')], remote: [obj('a.html'), obj('b.css')] },
      true,
    ],
    [
      'only a removed fingerprinted asset (pending, nothing deleted), a record exists: written (the pending deletion is new)',
      config({ 'delete-removed': 'true' }),
      { files: [local('a.html')], remote: [obj('a.html'), obj('assets/app-3f2a1b9c.js')] },
      true,
    ],
    [
      'the same pending deletion already in the record, nothing else: not written',
      config({ 'delete-removed': 'true' }),
      {
        files: [local('a.html')],
        remote: [obj('a.html'), obj('assets/app-3f2a1b9c.js')],
        state: { version: 2, objects: {}, pending: { 'assets/app-3f2a1b9c.js': { since: Date.parse('2025-06-14T12:00:00Z'), size: 10 } } },
      },
      false,
    ],
    ['invalidate-only: never', config({ upload: 'false', 'source-dir': '', bucket: '' }), { upload: false, state: null }, false],
  ])('%s', (_name, c, f, expected) => {
    expect(planDeploy(c, facts(f)).writeState).toBe(expected);
  });
});

describe('warnings', () => {
  const only = config({ upload: 'false', 'source-dir': '', bucket: '', paths: '/manual.html' });
  const incomplete: DiffFact = {
    files: [{ path: 'site/a.html', status: 'modified' }],
    source: 'GitHub API',
    note: 'maybe truncated at 300 files',
    incomplete: true,
  };

  it('invalidate-only with an incomplete diff (missing-diff: warn): the diff that was read and the paths, and a warning', () => {
    const plan = planDeploy(only, facts({ upload: false, diff: incomplete }));
    expect(plan.warnings).toEqual([
      'The commit diff is incomplete (maybe truncated at 300 files): only the paths input and the diff that was read are invalidated; set missing-diff: all to fall back to /*',
    ]);
    // No source-dir in this mode: the default path-map serves the repo root at /.
    expect(pathsOf(plan).sort()).toEqual(['/manual.html', '/site/a.html']);
  });

  it('invalidate-only with an incomplete diff and missing-diff: all: /*', () => {
    const plan = planDeploy(
      config({ upload: 'false', 'source-dir': '', bucket: '', 'missing-diff': 'all' }),
      facts({ upload: false, diff: incomplete }),
    );
    expect(plan.warnings).toEqual([
      'The commit diff is incomplete (maybe truncated at 300 files): invalidating /* as missing-diff: all allows',
    ]);
    expect(pathsOf(plan)).toEqual(['/*']);
  });

  it('upload mode with an incomplete diff: no fallback warning (the sync covers the rest)', () => {
    const plan = planDeploy(
      config({ 'missing-diff': 'all' }),
      facts({ files: [local('a.html')], remote: [obj('a.html')], diff: incomplete }),
    );
    expect(plan.warnings).toEqual([]);
    expect(pathsOf(plan)).toEqual(['/a.html']); // from the diff, not /*
  });

  it('a fingerprinted name whose content changed: demoted, with a warning giving the evidence; served mutable and invalidated', () => {
    const plan = planDeploy(config(), facts({ files: [local('assets/app-3f2a1b9c.js', 'v2')], remote: [obj('assets/app-3f2a1b9c.js')] }));
    expect(plan.warnings).toEqual([
      'assets/app-3f2a1b9c.js was taken for fingerprinted (name has a 8-char hex content hash before the extension ' +
        "(CRA/Parcel/Docusaurus/Rsbuild [contenthash:8] style) [token '3f2a1b9c']) but the bucket holds other content under the same name: " +
        'demoted (name reused with new content). It is uploaded with the mutable Cache-Control, invalidated, and kept mutable from now on.',
    ]);
    expect(pathsOf(plan)).toEqual(['/assets/app-3f2a1b9c.js']);
    const f = plan.files.find((x) => x.path === 'assets/app-3f2a1b9c.js')!;
    expect(f.verdict).toEqual({ fingerprinted: false, reason: 'demoted: name reused with new content' });
    expect(f.headers.cacheControl).not.toContain('immutable');
    expect(plan.ledger.demoted).toEqual(['assets/app-3f2a1b9c.js']);
    expect(plan.writeState).toBe(true);
  });

  it('when only /* fits max-paths: a warning naming the max-paths that would evict nothing needlessly', () => {
    const files = ['a/x.html', 'b/y.html', 'c/z.html'].map((p) => local(p, 'v2'));
    const remote = ['a/x.html', 'b/y.html', 'c/z.html']
      .map((k) => obj(k))
      .concat([obj('a/keep.css'), obj('b/keep.css'), obj('c/keep.css')]);
    const plan = planDeploy(
      config({ 'max-paths': '1' }),
      facts({ files: [...files, local('a/keep.css'), local('b/keep.css'), local('c/keep.css')], remote }),
    );
    expect(pathsOf(plan)).toEqual(['/*']);
    expect(plan.warnings).toEqual([
      `${D1}: the cheapest cover within max-paths (1) is /*, which evicts every cached object. max-paths: 3 would evict nothing needlessly.`,
    ]);
  });

  it('a single stale path never warns about /*', () => {
    const plan = planDeploy(config({ 'max-paths': '1' }), facts({ files: [local('a.css', 'v2')], remote: [obj('a.css')] }));
    expect(pathsOf(plan)).toEqual(['/a.css']);
    expect(plan.warnings).toEqual([]);
  });

  it('hidden files skipped by the scan: a notice annotation, not a warning', () => {
    const plan = planDeploy(
      config(),
      facts({
        files: [local('a.html')],
        skipped: [
          { path: '.env', reason: 'dotfile' },
          { path: 'x.map', reason: 'excluded' },
        ],
      }),
    );
    expect(plan.annotations).toEqual([
      {
        level: 'notice',
        message: 'Not uploaded: 1 hidden file(s) or folder(s) (.env). Name them in include to publish them.',
        // The annotation's title, and the first hidden file as its file (source-dir 'site' in the workspace /ws).
        at: { title: 'Hidden files not uploaded', file: '/ws/site/.env' },
      },
    ]);
    expect(plan.warnings).toEqual([]);
  });
});

describe('invalidations per distribution', () => {
  const changed = ['a/1.html', 'a/2.html', 'a/3.html', 'b/1.html', 'b/2.html', 'c/1.css'];
  // Unchanged files next to them: a wildcard over their directory evicts them needlessly (collateral).
  const kept = ['a/keep.css', 'b/keep.css', 'c/keep.css', 'root.css'];
  const twoDists = config({ 'distribution-id': `${D1}\n${D2}:/site`, prefix: 'site' });
  const siteFacts = (extra: FactsIn = {}) =>
    facts({
      files: [...changed.map((p) => local(p, 'v2')), ...kept.map((p) => local(p))],
      remote: [...changed, ...kept].map((p) => ({ ...obj(p), key: `site/${p}` })),
      ...extra,
    });

  it('one plan per distribution, each in its own URL space', () => {
    const plan = planDeploy(twoDists, siteFacts());
    expect(plan.invalidations.map((i) => i.distributionId)).toEqual([D1, D2]);
    expect(pathsOf(plan, D1)).toEqual(changed.map((p) => `/site/${p}`));
    expect(pathsOf(plan, D2)).toEqual(changed.map((p) => `/${p}`));
  });

  it.each<[string, DistributionUsage | null | undefined, number, number]>([
    ['usage not read: max-paths', undefined, 100, 15],
    ['usage unreadable (null): max-paths', null, 100, 15],
    ['3 file paths of room left: at most 3 paths', { inFlightPaths: 2997, inFlightWildcards: 0, monthPaths: 0, unreadable: 0 }, 3, 3],
    ['1 wildcard of room left', { inFlightPaths: 2997, inFlightWildcards: 14, monthPaths: 0, unreadable: 0 }, 3, 1],
  ])('the in-flight budget from facts.usage: %s', (_name, usage, maxLen, maxWild) => {
    const plan = planDeploy(twoDists, siteFacts(usage === undefined ? {} : { usage: { [D2]: usage } }));
    const inv = plan.invalidations.find((i) => i.distributionId === D2)!;
    expect(inv.paths.length).toBeLessThanOrEqual(maxLen);
    expect(inv.wildcards).toBeLessThanOrEqual(maxWild);
    // Every stale URL is still covered.
    for (const p of changed)
      expect(inv.decoded.some((d) => (d.endsWith('*') ? `/${p}`.startsWith(d.slice(0, -1)) : d === `/${p}`))).toBe(true);
    // The other distribution keeps its full budget.
    expect(pathsOf(plan, D1)).toHaveLength(changed.length);
  });

  it('three paths of room: a/*, b/* and the single css file (the least collateral)', () => {
    const plan = planDeploy(
      twoDists,
      siteFacts({ usage: { [D2]: { inFlightPaths: 2997, inFlightWildcards: 0, monthPaths: 0, unreadable: 0 } } }),
    );
    expect(pathsOf(plan, D2)).toEqual(['/a/*', '/b/*', '/c/1.css']);
  });

  it('owed paths of a distribution are added to its plan only', () => {
    const owed: OwedRecord[] = [{ key: 'k', etag: 'e', distributionId: D2, paths: ['/owed.html'] }];
    const plan = planDeploy(twoDists, siteFacts({ owed }));
    expect(pathsOf(plan, D2)).toContain('/owed.html');
    expect(pathsOf(plan, D1)).not.toContain('/owed.html');
    expect(plan.invalidations.find((i) => i.distributionId === D2)!.stale.find((s) => s.path === '/owed.html')!.reason).toBe('owed');
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['invalidate: all', { invalidate: 'all' }, ['/*']],
    ['invalidate: none', { invalidate: 'none' }, []],
    [
      'paths input adds manual paths',
      { paths: '/extra/*' },
      ['/a/1.html', '/a/2.html', '/a/3.html', '/b/1.html', '/b/2.html', '/c/1.css', '/extra/*'],
    ],
  ])('%s', (_name, inputs, paths) => {
    const files = [...changed.map((p) => local(p, 'v2')), ...kept.map((p) => local(p))];
    const plan = planDeploy(config({ ...inputs }), facts({ files, remote: [...changed, ...kept].map((p) => obj(p)) }));
    expect(pathsOf(plan)).toEqual(paths);
  });

  it('no distribution: no invalidation, no verify targets', () => {
    const plan = planDeploy(config({ 'distribution-id': '' }), facts({ files: [local('a.html', 'v2')], remote: [obj('a.html')] }));
    expect(plan.invalidations).toEqual([]);
    expect(plan.verifyTargets).toEqual([]);
  });
});

describe('the commit diff', () => {
  it.each<[string, ChangedFile[], string[]]>([
    ['a modified file is invalidated even when the sync saw it unchanged', [{ path: 'site/a.html', status: 'modified' }], ['/a.html']],
    ['a deleted file', [{ path: 'site/gone.html', status: 'deleted' }], ['/gone.html']],
    ['the old name of a renamed file', [{ path: 'site/new.html', status: 'renamed', previousPath: 'site/old.html' }], ['/old.html']],
    ['an added file: nothing cached', [{ path: 'site/added.html', status: 'added' }], []],
    ['outside source-dir: not served', [{ path: 'src/main.ts', status: 'modified' }], []],
    ['a fingerprinted name: skipped', [{ path: 'site/assets/app-3f2a1b9c.js', status: 'modified' }], []],
  ])('%s', (_name, diff, paths) => {
    const plan = planDeploy(config(), facts({ files: [local('a.html')], remote: [obj('a.html')], diff: { files: diff, source: 'git' } }));
    expect(pathsOf(plan)).toEqual(paths);
    for (const f of diff) expect(plan.verdicts.has(f.path)).toBe(true);
  });
});

describe('verify targets', () => {
  it('the overwritten files of the first distribution, with the MD5 now expected', () => {
    const plan = planDeploy(
      config({ 'distribution-id': `${D1},${D2}`, wait: 'true', 'verify-url': 'https://www.example.com' }),
      facts({
        files: [local('docs/index.html', 'v2'), local('new.css'), local('same.css')],
        remote: [obj('docs/index.html'), obj('same.css'), obj('gone.css')],
      }),
    );
    expect(plan.verifyTargets).toEqual([
      { path: '/docs/index.html', md5: md5Of('docs/index.html', 'v2') },
      { path: '/docs/', md5: md5Of('docs/index.html', 'v2') },
    ]);
  });
});

describe('purity', () => {
  it('the same facts give the same plan, and the facts are left as they were', () => {
    const f = facts({ files: [local('a.html', 'v2'), local('b.css')], remote: [obj('a.html'), obj('b.css'), obj('c.css')] });
    const before = JSON.stringify(f);
    const c = config({ 'delete-removed': 'true' });
    const a = planDeploy(c, f);
    const b = planDeploy(c, f);
    expect(JSON.stringify(f)).toBe(before);
    expect(syncOf(a)).toEqual(syncOf(b));
    expect(a.invalidations).toEqual(b.invalidations);
  });
});

describe("the report's file rows: made as they are read, never held as an array of every file", () => {
  it('rows in the sync order with each file record, then the skipped files; the same rows every read; length without reading', () => {
    const files = [local('index.html', 'v2'), local('a.js'), local('new.css'), local('b/c.html', 'v2')];
    const remote = [obj('index.html'), obj('a.js'), obj('b/c.html'), obj('gone.html')];
    const f = facts({ files, remote, skipped: [{ path: '.env', reason: 'dotfile' }] });
    const cfg = config({ 'delete-removed': 'true' });
    const plan = planDeploy(cfg, f);
    const rows = buildReport(cfg, f, plan, null).files;
    expect(Array.isArray(rows)).toBe(false);
    expect(rows.length).toBe(plan.sync.length + 1);
    const read: FileReport[] = [...rows];
    expect([...rows]).toEqual(read);
    expect(read.map((r) => [r.path, r.action])).toEqual([...plan.sync.map((e) => [e.path, e.action]), ['.env', 'skip']]);
    // Every row that is not a delete carries its file record's headers; a delete has none.
    for (const r of read.filter((r) => r.action === 'upload' || r.action === 'unchanged')) {
      const rec = plan.files.find((x) => x.key === r.key)!;
      expect([r.contentType, r.cacheControl]).toEqual([rec.headers.contentType, rec.headers.cacheControl]);
    }
    const gone = read.find((r) => r.action === 'delete')!;
    expect([gone.path, 'contentType' in gone]).toEqual(['gone.html', false]);
  });

  it('a run that failed part way: only the writes S3 took are upload / delete, in the rows and in the totals', () => {
    const files = [local('a.html', 'v2'), local('b.html', 'v2'), local('keep.html')];
    const remote = [obj('a.html'), obj('b.html'), obj('keep.html'), obj('x.html'), obj('y.html')];
    const f = facts({ files, remote });
    const cfg = config({ 'delete-removed': 'true' });
    const plan = planDeploy(cfg, f);
    const outcome = { etags: { 'a.html': 'e1' }, deleted: ['y.html'], sent: [], verify: null, timedOut: [], error: 'boom', timingsMs: {} };
    const actions = Object.fromEntries([...buildReport(cfg, f, plan, outcome).files].map((r) => [r.path, r.action]));
    expect(actions).toEqual({
      'a.html': 'upload',
      'b.html': 'not-uploaded',
      'keep.html': 'unchanged',
      'x.html': 'not-deleted',
      'y.html': 'delete',
    });
    expect(buildReport(cfg, f, plan, outcome).totals).toMatchObject({ uploaded: 1, unchanged: 1, deleted: 1 });
    // Without an error every planned write was done.
    const clean = [...buildReport(cfg, f, plan, { ...outcome, error: null }).files].map((r) => r.action);
    expect(clean.filter((a) => a.startsWith('not-'))).toEqual([]);
  });

  it('file records in another order than the sync (side by side fails): the same rows, by key', () => {
    const files = [local('x.html'), local('y.html', 'v2'), local('z.js')];
    const f = facts({ files, remote: [obj('x.html'), obj('y.html')] });
    const cfg = config();
    const plan = planDeploy(cfg, f);
    const straight = [...buildReport(cfg, f, plan, null).files];
    const shuffled = [...buildReport(cfg, f, { ...plan, files: [...plan.files].reverse() }, null).files];
    expect(shuffled).toEqual(straight);
    expect(straight.every((r) => r.cacheControl !== undefined)).toBe(true);
  });
});
