// Table tests of the deploy ledger's policies (src/plan/ledger.ts): what history proves about names, which
// names were reused with new content, what removed objects wait out, the ledger a run leaves behind, when it
// must be written, and which commit may deploy over which. Pure: plain data in and out.
import type {
  CommitOrder,
  DeployEntry,
  DeployState,
  FingerprintVerdict,
  LearnedShape,
  PendingDeletion,
  RemoteState,
  SyncEntry,
  UploadReason,
  UnchangedReason,
} from '../src/model/data.js';
import type { FileRecord } from '../src/model/stages.js';
import { headersHash, readingHash } from '../src/plan/headers.js';
import { learnShapes } from '../src/plan/fingerprint-history.js';
import {
  commitGuard,
  type CommitGuard,
  type CommitGuardInput,
  type CommitGuardReason,
  demotionWarning,
  historyEvidence,
  RecordedMd5s,
  ledgerKnowledgeChanged,
  livePending,
  nextLedger,
  olderCommitRefusal,
  planRemovals,
  removedVerdict,
  reusedNames,
  type HistoryEvidence,
} from '../src/plan/ledger.js';

const DAY = 86_400_000;
const NOW = Date.parse('2025-06-15T12:00:00Z');
const WEEK = 7 * DAY;

/** The shape of `chunks/<10 base36 chars>.js`, as learnShapes reports it. */
const CHUNK: LearnedShape = { dir: 'chunks', before: '', after: '.js', alphabet: 'base36', length: 10 };
const OTHER: LearnedShape = { dir: 'js', before: 'app.', after: '.js', alphabet: 'hex', length: 11 };

const ledger = (objects: Record<string, string>, extra: Partial<DeployState> = {}): DeployState => ({
  version: 2,
  objects: Object.fromEntries(Object.entries(objects).map(([k, md5]) => [k, [md5, md5, 'h'] as [string, string, string]])),
  ...extra,
});
const files = (f: Record<string, string>) => Object.entries(f).map(([path, md5]) => ({ path, size: 1, md5 }));

describe('historyEvidence', () => {
  it.each<[string, DeployState | null, string, Record<string, string>, LearnedShape[], string[]]>([
    ['no ledger: nothing learned, nothing demoted', null, '', { 'chunks/m4dpqtr7uv.js': 'b' }, [], []],
    [
      'a version 1 record (objects only): learns from its objects',
      { version: 1, objects: { 'chunks/k9qzvbwy2x.js': ['a', 'a', 'h'] } },
      '',
      { 'chunks/m4dpqtr7uv.js': 'b' },
      [CHUNK],
      [],
    ],
    [
      'one name gone, one name come, one token apart, new content: the shape is learned',
      ledger({ 'chunks/k9qzvbwy2x.js': 'a', 'index.html': 'i' }),
      '',
      { 'chunks/m4dpqtr7uv.js': 'b', 'index.html': 'i' },
      [CHUNK],
      [],
    ],
    [
      'the same content under a new name: nothing learned',
      ledger({ 'chunks/k9qzvbwy2x.js': 'a' }),
      '',
      { 'chunks/m4dpqtr7uv.js': 'a' },
      [],
      [],
    ],
    [
      'nothing renamed: the shapes the ledger knows are kept',
      ledger({ 'chunks/k9qzvbwy2x.js': 'a' }, { shapes: [OTHER] }),
      '',
      { 'chunks/k9qzvbwy2x.js': 'a' },
      [OTHER],
      [],
    ],
    [
      'known shapes plus the new one',
      ledger({ 'chunks/k9qzvbwy2x.js': 'a' }, { shapes: [OTHER] }),
      '',
      { 'chunks/m4dpqtr7uv.js': 'b' },
      [OTHER, CHUNK],
      [],
    ],
    [
      'the prefix is taken off the ledger keys before comparing with the build',
      ledger({ 'site/chunks/k9qzvbwy2x.js': 'a' }),
      'site/',
      { 'chunks/m4dpqtr7uv.js': 'b' },
      [CHUNK],
      [],
    ],
    [
      'keys outside the prefix are not history of this site',
      ledger({ 'other/chunks/k9qzvbwy2x.js': 'a' }),
      'site/',
      { 'other/chunks/m4dpqtr7uv.js': 'b' },
      [],
      [],
    ],
    [
      'demoted names are returned, and a learned shape one of them matches is dropped',
      ledger({ 'chunks/k9qzvbwy2x.js': 'a' }, { demoted: ['chunks/zz9zz9zz9z.js'] }),
      '',
      { 'chunks/m4dpqtr7uv.js': 'b', 'chunks/zz9zz9zz9z.js': 'c' },
      [],
      ['chunks/zz9zz9zz9z.js'],
    ],
    [
      'a known shape matching a demoted name is dropped too',
      ledger({ 'chunks/k9qzvbwy2x.js': 'a' }, { shapes: [CHUNK, OTHER], demoted: ['chunks/zz9zz9zz9z.js'] }),
      '',
      { 'chunks/k9qzvbwy2x.js': 'a' },
      [OTHER],
      ['chunks/zz9zz9zz9z.js'],
    ],
  ])('%s', (_name, l, prefix, build, learned, demoted) => {
    const e = historyEvidence(l, prefix, files(build));
    expect(e.learned).toEqual(learned);
    expect([...e.demoted].sort()).toEqual(demoted);
  });
});

describe('historyEvidence over the ledger and the build as they are held', () => {
  // The same evidence as learnShapes over copies of both sides ({path, md5} per file), on generated sites with
  // renamed hashed chunks, build-id folders, pages, keys outside the prefix, keys named like Object.prototype members.
  const hex = (r: () => number, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
  const b32 = (r: () => number, n: number) =>
    Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz234567'[Math.floor(r() * 32)]).join('');
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i', (seed) => {
    let x = seed;
    const r = () => (x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const prefix = seed % 2 === 0 ? '' : 'site/';
    const name = (): string => {
      const k = Math.floor(r() * 6);
      if (k === 0) return `assets/app-${hex(r, 8)}.js`;
      if (k === 1) return `chunks/${b32(r, 10)}.js`;
      if (k === 2)
        return `_next/static/${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}/${['a', 'b', 'c'][Math.floor(r() * 3)]}.js`;
      if (k === 3) return `page${Math.floor(r() * 20)}.html`;
      if (k === 4) return ['toString', 'constructor', '__proto__', 'valueOf'][Math.floor(r() * 4)]!;
      return `img/${Math.floor(r() * 30)}.png`;
    };
    const objects: Record<string, [string, string, string]> = {};
    const set = (key: string, md5: string) =>
      Object.defineProperty(objects, key, { value: ['', md5, 'h'], enumerable: true, writable: true, configurable: true });
    const kept: string[] = [];
    for (let i = 0; i < 40; i++) {
      const n = name();
      const md5 = hex(r, 32);
      set((r() < 0.1 ? 'other/' : prefix) + n, md5);
      if (r() < 0.5) kept.push(n);
    }
    const build: { path: string; md5: string; size: number }[] = [];
    const seen = new Set<string>();
    for (const n of [...kept, ...Array.from({ length: 20 }, name)]) {
      if (seen.has(n)) continue;
      seen.add(n);
      const old = Object.hasOwn(objects, prefix + n) ? objects[prefix + n]![1] : undefined;
      build.push({ path: n, md5: old !== undefined && r() < 0.7 ? old : hex(r, 32), size: 1 });
    }
    const state: DeployState = { version: 1, objects, shapes: [] };
    const previous = Object.entries(objects)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, e]) => ({ path: k.slice(prefix.length), md5: e[1] }));
    const expected = learnShapes(
      previous,
      build.map((f) => ({ path: f.path, md5: f.md5 })),
      [],
    );
    expect(historyEvidence(state, prefix, build).learned).toEqual(expected);
    const recorded = new RecordedMd5s(objects, prefix);
    expect([recorded.size, new Map(recorded)]).toEqual([previous.length, new Map(previous.map((f) => [f.path, f.md5]))]);
  });

  it('learns from generated renames (the comparison above is not between two empty lists)', () => {
    const objects: Record<string, [string, string, string]> = {};
    const build: { path: string; md5: string; size: number }[] = [];
    for (let i = 0; i < 3; i++) {
      objects[`assets/app${i}-0a1b2c3${i}.js`] = ['', `old${i}`, 'h'];
      build.push({ path: `assets/app${i}-9f8e7d6${i}.js`, md5: `new${i}`, size: 1 });
    }
    expect(historyEvidence({ version: 1, objects }, '', build).learned.length).toBeGreaterThan(0);
  });
});

// ---- file records ----

const fp = (fingerprinted: boolean): FingerprintVerdict => ({ fingerprinted, reason: fingerprinted ? 'by name' : 'not a hash' });
const MUTABLE = {
  contentType: 'text/javascript',
  cacheControl: 'public, max-age=0',
  cacheControlSource: { kind: 'default-mutable' as const },
};
const IMMUTABLE = {
  contentType: 'text/javascript',
  cacheControl: 'public, max-age=31536000, immutable',
  cacheControlSource: { kind: 'default-immutable' as const },
};

function record(
  path: string,
  fingerprinted: boolean,
  entry: { action: 'upload'; reason: UploadReason } | { action: 'unchanged'; reason: UnchangedReason },
  md5 = `md5:${path}`,
): FileRecord {
  const e: SyncEntry =
    entry.action === 'upload'
      ? { key: path, path, action: 'upload', reason: entry.reason, size: 3, overwrites: entry.reason !== 'new' }
      : { key: path, path, action: 'unchanged', reason: entry.reason, size: 3 };
  return {
    key: path,
    path,
    source: path,
    gzip: false,
    size: 3,
    md5,
    headers: fingerprinted ? IMMUTABLE : MUTABLE,
    verdict: fp(fingerprinted),
    entry: e,
  };
}

describe('reusedNames', () => {
  it.each<[string, FileRecord, boolean]>([
    ['fingerprinted, same size, other content: reused', record('a.js', true, { action: 'upload', reason: 'content-changed' }), true],
    ['fingerprinted, other size: reused', record('a.js', true, { action: 'upload', reason: 'size-changed' }), true],
    ['fingerprinted, new: not reused (nothing was there)', record('a.js', true, { action: 'upload', reason: 'new' }), false],
    [
      'fingerprinted, headers changed only: not reused (same content)',
      record('a.js', true, { action: 'upload', reason: 'headers-changed' }),
      false,
    ],
    [
      'fingerprinted, forced: not reused (force-upload proves nothing)',
      record('a.js', true, { action: 'upload', reason: 'forced' }),
      false,
    ],
    ['fingerprinted, unchanged: not reused', record('a.js', true, { action: 'unchanged', reason: 'md5-match' }), false],
    [
      'not fingerprinted, content changed: not a demotion (it is mutable anyway)',
      record('a.js', false, { action: 'upload', reason: 'content-changed' }),
      false,
    ],
  ])('%s', (_name, f, reused) => {
    expect(reusedNames([f])).toEqual(reused ? [f] : []);
  });

  it('keeps the order of the files and returns only the reused ones', () => {
    const a = record('a.js', true, { action: 'upload', reason: 'content-changed' });
    const b = record('b.js', true, { action: 'unchanged', reason: 'md5-match' });
    const c = record('c.js', true, { action: 'upload', reason: 'size-changed' });
    expect(reusedNames([a, b, c])).toEqual([a, c]);
  });
});

describe('removedVerdict', () => {
  const byName = (p: string): FingerprintVerdict => ({ fingerprinted: p.includes('-1a2b3c4d'), reason: `name rules: ${p}` });
  const evidence = (learned: LearnedShape[], demoted: string[]): HistoryEvidence => ({ learned, demoted: new Set(demoted) });
  it.each<[string, string, HistoryEvidence, FingerprintVerdict]>([
    [
      'demoted: never fingerprinted, whatever the name says',
      'assets/app-1a2b3c4d.js',
      evidence([], ['assets/app-1a2b3c4d.js']),
      { fingerprinted: false, reason: 'demoted: name reused with new content' },
    ],
    [
      'demoted wins over a learned shape',
      'chunks/k9qzvbwy2x.js',
      evidence([CHUNK], ['chunks/k9qzvbwy2x.js']),
      { fingerprinted: false, reason: 'demoted: name reused with new content' },
    ],
    [
      'a learned shape: fingerprinted',
      'chunks/k9qzvbwy2x.js',
      evidence([CHUNK], []),
      { fingerprinted: true, reason: 'learned from history' },
    ],
    [
      'another directory than the shape: the name rules',
      'lib/k9qzvbwy2x.js',
      evidence([CHUNK], []),
      { fingerprinted: false, reason: 'name rules: lib/k9qzvbwy2x.js' },
    ],
    [
      'a word of the shape length is not a token: the name rules',
      'chunks/navigation.js',
      evidence([CHUNK], []),
      { fingerprinted: false, reason: 'name rules: chunks/navigation.js' },
    ],
    [
      'no evidence: the name rules decide (fingerprinted)',
      'assets/app-1a2b3c4d.js',
      evidence([], []),
      { fingerprinted: true, reason: 'name rules: assets/app-1a2b3c4d.js' },
    ],
    ['no evidence: the name rules decide (not)', 'old.html', evidence([], []), { fingerprinted: false, reason: 'name rules: old.html' }],
  ])('%s', (_name, path, e, verdict) => {
    expect(removedVerdict(path, e, byName)).toEqual(verdict);
  });
});

describe('planRemovals', () => {
  const del = (key: string, size = 5): SyncEntry => ({ key, path: key, action: 'delete', reason: 'removed-locally', size });
  const isFp = (p: string) => p.endsWith('.js');
  type Row = [
    string,
    SyncEntry[],
    Record<string, PendingDeletion>,
    number,
    { now: string[]; due: string[]; waiting: [string, number][]; pending: Record<string, PendingDeletion> },
  ];
  it.each<Row>([
    ['nothing removed: nothing at all', [], {}, WEEK, { now: [], due: [], waiting: [], pending: {} }],
    [
      'not fingerprinted: deleted now, never pending',
      [del('old.html')],
      {},
      WEEK,
      { now: ['old.html'], due: [], waiting: [], pending: {} },
    ],
    [
      'fingerprinted, just removed: waits, due keep-removed from now, pending since now',
      [del('a.js')],
      {},
      WEEK,
      { now: [], due: [], waiting: [['a.js', NOW + WEEK]], pending: { 'a.js': { since: NOW, size: 5 } } },
    ],
    [
      'fingerprinted, pending since 3 days: still waiting, due from its first removal (not from now)',
      [del('a.js')],
      { 'a.js': { since: NOW - 3 * DAY, size: 5 } },
      WEEK,
      { now: [], due: [], waiting: [['a.js', NOW + 4 * DAY]], pending: { 'a.js': { since: NOW - 3 * DAY, size: 5 } } },
    ],
    [
      'fingerprinted, pending exactly keep-removed: due (and still recorded until the listing shows it gone)',
      [del('a.js')],
      { 'a.js': { since: NOW - WEEK, size: 5 } },
      WEEK,
      { now: [], due: ['a.js'], waiting: [], pending: { 'a.js': { since: NOW - WEEK, size: 5 } } },
    ],
    [
      'fingerprinted, pending one millisecond short: waiting',
      [del('a.js')],
      { 'a.js': { since: NOW - WEEK + 1, size: 5 } },
      WEEK,
      { now: [], due: [], waiting: [['a.js', NOW + 1]], pending: { 'a.js': { since: NOW - WEEK + 1, size: 5 } } },
    ],
    [
      'keep-removed 0: fingerprinted ones are deleted now too, nothing pending',
      [del('a.js'), del('old.html')],
      { 'a.js': { since: NOW - DAY, size: 5 } },
      0,
      { now: ['a.js', 'old.html'], due: [], waiting: [], pending: {} },
    ],
    [
      'a pending deletion no longer removed (back in the build) is forgotten',
      [del('b.js')],
      { 'a.js': { since: NOW - DAY, size: 5 } },
      WEEK,
      { now: [], due: [], waiting: [['b.js', NOW + WEEK]], pending: { 'b.js': { since: NOW, size: 5 } } },
    ],
    [
      'the size recorded is the listed one',
      [del('a.js', 123)],
      {},
      WEEK,
      { now: [], due: [], waiting: [['a.js', NOW + WEEK]], pending: { 'a.js': { since: NOW, size: 123 } } },
    ],
  ])('%s', (_name, deletes, previous, keepMs, want) => {
    const r = planRemovals(deletes, isFp, previous, NOW, keepMs);
    expect(r.now.map((e) => e.key)).toEqual(want.now);
    expect(r.due.map((e) => e.key)).toEqual(want.due);
    expect(r.waiting.map((e) => [e.key, e.dueAt])).toEqual(want.waiting);
    expect(r.pending).toEqual(want.pending);
    // Every removed object goes exactly one way.
    expect([...r.now, ...r.due, ...r.waiting].map((e) => e.key).sort()).toEqual(deletes.map((e) => e.key).sort());
  });
});

describe('livePending', () => {
  const p = (since: number): PendingDeletion => ({ since, size: 1 });
  it.each<[string, Record<string, PendingDeletion> | undefined, string[], Record<string, PendingDeletion>]>([
    ['no pending in the ledger (version 1)', undefined, ['a.js'], {}],
    ['still listed: kept, with its since', { 'a.js': p(1) }, ['a.js', 'b.js'], { 'a.js': p(1) }],
    ['gone from the bucket (deleted by a run or by hand): forgotten', { 'a.js': p(1), 'b.js': p(2) }, ['b.js'], { 'b.js': p(2) }],
    ['empty listing: nothing', { 'a.js': p(1) }, [], {}],
  ])('%s', (_name, pending, listed, want) => {
    expect(livePending(pending, new Set(listed))).toEqual(want);
  });
});

describe('nextLedger', () => {
  const deploy = (sha: string): DeployEntry => ({ sha, runId: `run-${sha}`, time: '2025-06-15T12:00:00.000Z' });
  const up = record('new.js', true, { action: 'upload', reason: 'new' }, 'm-new');
  const same = record('same.css', false, { action: 'unchanged', reason: 'md5-match' }, 'm-same');
  const remote = new Map<string, RemoteState>([['same.css', { key: 'same.css', etag: 'e-same', size: 3, headersHash: 'hh' }]]);
  const base = {
    files: [up, same],
    remote,
    etags: { 'new.js': 'e-new' },
    demoted: ['z.js', 'a.js'],
    shapes: [CHUNK],
    pending: { 'gone.js': { since: NOW, size: 2 } },
  };

  it('version 3: the objects as uploaded or listed, demoted sorted, shapes and pending as given, this deploy first', () => {
    const l = nextLedger(null, { ...base, deploy: deploy('b') });
    expect(l).toEqual({
      version: 3,
      objects: { 'new.js': ['e-new', 'm-new', headersHash(IMMUTABLE), readingHash(IMMUTABLE)], 'same.css': ['e-same', 'm-same', 'hh'] },
      demoted: ['a.js', 'z.js'],
      shapes: [CHUNK],
      pending: { 'gone.js': { since: NOW, size: 2 } },
      deploys: [deploy('b')],
    });
  });

  it.each<[string, DeployState | null, DeployEntry | null, string[]]>([
    ['no previous ledger, no deploy: no deploys', null, null, []],
    ['a version 1 previous ledger: this deploy only', { version: 1, objects: {} }, deploy('b'), ['b']],
    ['a run that wrote nothing keeps the deploys as they were', ledger({}, { deploys: [deploy('a')] }), null, ['a']],
    ['newest first', ledger({}, { deploys: [deploy('b'), deploy('a')] }), deploy('c'), ['c', 'b', 'a']],
    [
      'ten kept: the oldest falls off',
      ledger({}, { deploys: ['9', '8', '7', '6', '5', '4', '3', '2', '1', '0'].map(deploy) }),
      deploy('x'),
      ['x', '9', '8', '7', '6', '5', '4', '3', '2', '1'],
    ],
  ])('deploys: %s', (_name, previous, d, shas) => {
    expect(nextLedger(previous, { ...base, deploy: d }).deploys!.map((e) => e.sha)).toEqual(shas);
  });

  it('an upload with no ETag (it failed) is left out; the previous ledger objects are not carried over', () => {
    const l = nextLedger(ledger({ 'old.js': 'm-old' }), { ...base, etags: {}, deploy: null });
    expect(Object.keys(l.objects)).toEqual(['same.css']);
  });

  it('the previous ledger is not changed', () => {
    const prev = ledger({ 'a.js': 'm' }, { deploys: [deploy('a')], demoted: ['q.js'] });
    const before = JSON.stringify(prev);
    nextLedger(prev, { ...base, deploy: deploy('b') });
    expect(JSON.stringify(prev)).toBe(before);
  });
});

describe('ledgerKnowledgeChanged', () => {
  const k = (demoted: string[], shapes: LearnedShape[], pending: Record<string, PendingDeletion>) => ({ demoted, shapes, pending });
  const P = (since: number) => ({ since, size: 1 });
  it.each<[string, DeployState | null, ReturnType<typeof k>, boolean]>([
    ['no previous ledger, nothing known: unchanged', null, k([], [], {}), false],
    ['no previous ledger, a pending deletion: changed', null, k([], [], { 'a.js': P(1) }), true],
    ['a version 1 record and nothing known: unchanged', { version: 1, objects: {} }, k([], [], {}), false],
    [
      'the same knowledge: unchanged',
      ledger({}, { demoted: ['a.js'], shapes: [CHUNK], pending: { 'x.js': P(1) } }),
      k(['a.js'], [CHUNK], { 'x.js': P(1) }),
      false,
    ],
    ['a new demotion: changed', ledger({}, { demoted: ['a.js'] }), k(['a.js', 'b.js'], [], {}), true],
    ['a new shape: changed', ledger({}, { shapes: [CHUNK] }), k([], [CHUNK, OTHER], {}), true],
    ['a shape dropped: changed', ledger({}, { shapes: [CHUNK, OTHER] }), k([], [OTHER], {}), true],
    ['a new pending deletion: changed', ledger({}, { pending: { 'x.js': P(1) } }), k([], [], { 'x.js': P(1), 'y.js': P(2) }), true],
    ['a pending deletion done (gone): changed', ledger({}, { pending: { 'x.js': P(1) } }), k([], [], {}), true],
    [
      'pending keys in another order: unchanged',
      ledger({}, { pending: { 'x.js': P(1), 'y.js': P(2) } }),
      k([], [], { 'y.js': P(2), 'x.js': P(1) }),
      false,
    ],
  ])('%s', (_name, previous, next, changed) => {
    expect(ledgerKnowledgeChanged(previous, next)).toBe(changed);
  });
});

describe('olderCommitRefusal', () => {
  const OURS = '1111111111111111111111111111111111111111';
  const LIVE = '2222222222222222222222222222222222222222';
  it.each<[CommitOrder, string | null, boolean, boolean]>([
    ['older', LIVE, false, true],
    ['older', LIVE, true, false], // allow-older: a rollback on purpose
    ['older', null, false, false], // no deploy recorded
    ['newer', LIVE, false, false],
    ['same', LIVE, false, false],
    ['diverged', LIVE, false, false],
    ['none', LIVE, false, false],
  ])('order %s, live %s, allow-older %s: refused %s', (order, live, allowOlder, refused) => {
    const r = olderCommitRefusal(order, OURS, live, allowOlder);
    if (!refused) {
      expect(r).toBeNull();
      return;
    }
    expect(r).toBe(
      "The bucket holds a deploy of 222222222222, which is newer than this run's commit 111111111111 (it descends from it): " +
        'a run that finished out of order, or a re-run of an old workflow. Nothing was written. ' +
        'Set allow-older: true to deploy an older commit on purpose (a rollback).',
    );
  });
});

describe('commitGuard', () => {
  const ours = '1111111111111111111111111111111111111111';
  const live = '2222222222222222222222222222222222222222';
  const g = (order: CommitOrder, over: Partial<CommitGuardInput> = {}) =>
    commitGuard({ order, ours, live, allowOlder: false, forcePushOverLive: false, ...over });
  it.each<[string, CommitGuard['verdict'], CommitGuardReason, CommitOrder, Partial<CommitGuardInput>]>([
    ['a first deploy (no ledger)', 'deploy', 'no-live-commit', 'none', { live: null }],
    ['the live commit again', 'deploy', 'same-commit', 'same', {}],
    ['a newer commit', 'deploy', 'newer', 'newer', {}],
    ['another branch', 'deploy', 'diverged', 'diverged', {}],
    ['an older commit', 'refuse', 'older', 'older', {}],
    ['an older commit with allow-older', 'deploy', 'allow-older', 'older', { allowOlder: true }],
    ['a force push that discarded the live commit', 'deploy', 'force-push', 'older', { forcePushOverLive: true }],
    ['a force push whose order could not be read', 'deploy', 'force-push', 'unknown', { forcePushOverLive: true }],
    ['an order that cannot be proven: the safe default', 'refuse', 'unknown', 'unknown', {}],
    ['an order that cannot be proven, allow-older', 'deploy', 'allow-older', 'unknown', { allowOlder: true }],
  ])('%s: %s (%s)', (_name, verdict, reason, order, over) => {
    expect(g(order, over)).toMatchObject({ verdict, reason });
  });

  it('unknown: the message says why and what to do', () => {
    const r = g('unknown', { note: 'commit 222222222222 could not be fetched, and no github-token for the compare API' });
    expect(r.verdict === 'refuse' && r.message).toBe(
      "Could not tell whether this run's commit 111111111111 is older than the live deploy's 222222222222 " +
        '(commit 222222222222 could not be fetched, and no github-token for the compare API). Nothing was written: an older ' +
        'build must not replace a newer one unnoticed. Check out with actions/checkout fetch-depth: 0, or give the action a ' +
        'github-token that can read the repository (contents: read) for the compare API; set allow-older: true to deploy ' +
        'whatever the order.',
    );
  });
});

describe('demotionWarning', () => {
  it('names the file, why it was taken for fingerprinted, and what happens now', () => {
    const f = record('assets/app-1a2b3c4d.js', false, { action: 'upload', reason: 'content-changed' });
    expect(demotionWarning(f, { fingerprinted: true, reason: '8-char hex hash' })).toBe(
      'assets/app-1a2b3c4d.js was taken for fingerprinted (8-char hex hash) but the bucket holds other content under the same name: ' +
        'demoted (name reused with new content). It is uploaded with the mutable Cache-Control, invalidated, and kept mutable from now on.',
    );
  });
});
