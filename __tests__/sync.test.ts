// Local files vs bucket listing (src/plan/sync.ts).
import { createHash } from 'node:crypto';
import { checkDeleteCap, isReservedKey, needsHead, planSync, type RemoteState, type SyncEntry } from '../src/plan/sync.js';
import type { LocalFile } from '../src/model/data.js';

const md5 = (s: string | Buffer) => createHash('md5').update(s).digest('hex');

function local(path: string, body: string, extra: Partial<LocalFile> = {}): LocalFile {
  return { path, size: Buffer.byteLength(body), md5: md5(body), ...extra };
}

function remoteMap(objs: RemoteState[]): Map<string, RemoteState> {
  return new Map(objs.map((o) => [o.key, o]));
}

const never = () => false;

/** key -> "action:reason" for compact comparison. */
function summary(entries: SyncEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map((e) => [e.key, `${e.action}:${e.reason}`]));
}

describe('planSync: uploads and unchanged files', () => {
  const hello = local('index.html', '<h1>hello</h1>');
  const MULTI = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-3';

  it.each<[string, LocalFile, RemoteState | undefined, string, boolean | undefined]>([
    ['no object: new', hello, undefined, 'upload:new', false],
    ['etag is the md5: unchanged', hello, { key: 'index.html', etag: hello.md5, size: hello.size }, 'unchanged:md5-match', undefined],
    [
      'etag is the md5 in uppercase: unchanged',
      hello,
      { key: 'index.html', etag: hello.md5.toUpperCase(), size: hello.size },
      'unchanged:md5-match',
      undefined,
    ],
    [
      'multipart etag matches: unchanged',
      { ...hello, multipartEtag: MULTI },
      { key: 'index.html', etag: MULTI, size: hello.size },
      'unchanged:multipart-etag-match',
      undefined,
    ],
    [
      'etag opaque but stored md5 matches: unchanged',
      hello,
      { key: 'index.html', etag: 'f'.repeat(32), size: hello.size, storedMd5: hello.md5 },
      'unchanged:stored-hash-match',
      undefined,
    ],
    [
      'same size, different content: content-changed',
      hello,
      { key: 'index.html', etag: md5('<h1>HELLO</h1>'), size: hello.size },
      'upload:content-changed',
      true,
    ],
    [
      'stored md5 differs: content-changed',
      hello,
      { key: 'index.html', etag: 'f'.repeat(32), size: hello.size, storedMd5: md5('other') },
      'upload:content-changed',
      true,
    ],
    [
      'different size: size-changed',
      hello,
      { key: 'index.html', etag: md5('<h1>hello world</h1>'), size: 20 },
      'upload:size-changed',
      true,
    ],
    [
      'multipart etag of another content: content-changed',
      { ...hello, multipartEtag: MULTI },
      { key: 'index.html', etag: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-3', size: hello.size },
      'upload:content-changed',
      true,
    ],
  ])('%s', (_label, file, remote, expected, overwrites) => {
    const entries = planSync([file], remoteMap(remote ? [remote] : []), { prefix: '', deleteRemoved: false, isProtected: never });
    expect(entries).toHaveLength(1);
    const [e] = entries;
    expect(`${e!.action}:${e!.reason}`).toBe(expected);
    expect(e!.key).toBe('index.html');
    expect(e!.path).toBe('index.html');
    expect(e!.size).toBe(file.size);
    if (e!.action === 'upload') expect(e!.overwrites).toBe(overwrites);
  });

  it('keys get the prefix; path stays relative to source-dir', () => {
    const a = local('docs/a.html', 'a');
    const entries = planSync([a], remoteMap([{ key: 'docs/a.html', etag: a.md5, size: a.size }]), {
      prefix: 'site/',
      deleteRemoved: false,
      isProtected: never,
    });
    expect(entries).toEqual([
      { key: 'site/docs/a.html', path: 'docs/a.html', action: 'upload', reason: 'new', size: 1, overwrites: false },
    ]);
  });

  it('force uploads existing objects even when they match, new stays new', () => {
    const a = local('a.html', 'a');
    const b = local('b.html', 'b');
    const entries = planSync([a, b], remoteMap([{ key: 'a.html', etag: a.md5, size: a.size }]), {
      prefix: '',
      deleteRemoved: false,
      isProtected: never,
      force: true,
    });
    expect(summary(entries)).toEqual({ 'a.html': 'upload:forced', 'b.html': 'upload:new' });
  });
});

describe('planSync: deletes', () => {
  const files = [local('index.html', 'i'), local('docs/a.html', 'a')];
  const remote = remoteMap([
    { key: 'site/index.html', etag: md5('i'), size: 1 },
    { key: 'site/docs/a.html', etag: md5('a'), size: 1 },
    { key: 'site/old.html', etag: md5('old'), size: 3 },
    { key: 'site/docs/gone.css', etag: md5('gone'), size: 4 },
    { key: 'other/keep.html', etag: md5('k'), size: 1 },
    { key: 'site-other.html', etag: md5('x'), size: 1 },
    { key: 'site/.s3-cloudfront-deploy/journal.json', etag: md5('j'), size: 1 },
    { key: 'site/uploads/user.png', etag: md5('u'), size: 1 },
  ]);
  const isProtected = (rel: string) => rel.startsWith('uploads/');

  it('without delete-removed nothing is deleted', () => {
    const entries = planSync(files, remote, { prefix: 'site/', deleteRemoved: false, isProtected });
    expect(entries.filter((e) => e.action === 'delete')).toEqual([]);
  });

  it('with delete-removed: only unprotected, non-reserved keys under the prefix that have no local file', () => {
    const entries = planSync(files, remote, { prefix: 'site/', deleteRemoved: true, isProtected });
    const deletes = entries.filter((e) => e.action === 'delete');
    expect(deletes.map((e) => e.key).sort()).toEqual(['site/docs/gone.css', 'site/old.html']);
    expect(deletes.find((e) => e.key === 'site/old.html')).toEqual({
      key: 'site/old.html',
      path: 'old.html',
      action: 'delete',
      reason: 'removed-locally',
      size: 3,
    });
  });

  it('isProtected receives keys relative to the prefix', () => {
    const seen: string[] = [];
    planSync(files, remote, {
      prefix: 'site/',
      deleteRemoved: true,
      isProtected: (rel) => {
        seen.push(rel);
        return false;
      },
    });
    expect(seen.sort()).toEqual(['docs/gone.css', 'old.html', 'uploads/user.png']);
  });

  it('prefix "": reserved keys at the bucket root are never deleted', () => {
    const r = remoteMap([
      { key: '.s3-cloudfront-deploy/owed.json', etag: md5('o'), size: 1 },
      { key: '.s3-cloudfront-deploy/x/y', etag: md5('o'), size: 1 },
      { key: 'stale.html', etag: md5('s'), size: 1 },
    ]);
    const entries = planSync([], r, { prefix: '', deleteRemoved: true, isProtected: never });
    expect(summary(entries)).toEqual({ 'stale.html': 'delete:removed-locally' });
  });
});

describe('isReservedKey', () => {
  it.each<[string, string, boolean]>([
    ['.s3-cloudfront-deploy/journal.json', '', true],
    ['site/.s3-cloudfront-deploy/journal.json', 'site/', true],
    ['.s3-cloudfront-deploy/journal.json', 'site/', false],
    ['site/docs/.s3-cloudfront-deploy/x', 'site/', true], // a nested deploy's records (previews, shards)
    ['site/.s3-cloudfront-deployx', 'site/', false],
    ['index.html', '', false],
  ])('%p with prefix %p -> %p', (key, prefix, expected) => {
    expect(isReservedKey(key, prefix)).toBe(expected);
  });
});

describe('needsHead', () => {
  const f = local('a.bin', 'abcdef');
  it.each<[string, LocalFile, { etag: string; size: number }, boolean]>([
    ['etag is md5', f, { etag: f.md5, size: 6 }, false],
    ['etag is md5, uppercase', f, { etag: f.md5.toUpperCase(), size: 6 }, false],
    ['different size: upload anyway, no head', f, { etag: 'x'.repeat(32), size: 7 }, false],
    ['same size, opaque etag (KMS / other tool)', f, { etag: '0'.repeat(32), size: 6 }, true],
    ['same size, foreign multipart etag', f, { etag: `${'0'.repeat(32)}-2`, size: 6 }, true],
    ['same size, our multipart etag', { ...f, multipartEtag: `${'1'.repeat(32)}-2` }, { etag: `${'1'.repeat(32)}-2`, size: 6 }, false],
  ])('%s -> %p', (_label, file, remote, expected) => {
    expect(needsHead(file, { key: 'a.bin', ...remote })).toBe(expected);
  });
});

describe('checkDeleteCap', () => {
  const del = (n: number): SyncEntry[] =>
    Array.from({ length: n }, (_, i) => ({
      key: `k${i}`,
      path: `k${i}`,
      action: 'delete' as const,
      reason: 'removed-locally' as const,
      size: 1,
    }));
  const upl: SyncEntry = { key: 'u', path: 'u', action: 'upload', reason: 'new', size: 1, overwrites: false };

  it.each<[number, number]>([
    [0, 0],
    [3, 3],
    [3, 10],
    [1000, -1],
  ])('%p deletes with cap %p: allowed', (n, cap) => {
    expect(checkDeleteCap([upl, ...del(n)], cap)).toBeNull();
  });

  it('uploads do not count', () => {
    expect(checkDeleteCap([upl, upl, upl], 0)).toBeNull();
  });

  it('over the cap: message with the count, the cap, and how to raise it', () => {
    const msg = checkDeleteCap([upl, ...del(300)], 256);
    expect(msg).not.toBeNull();
    expect(msg).toContain('300');
    expect(msg).toContain('256');
    expect(msg).toContain('max-deletes');
    expect(msg).toMatch(/raise max-deletes to at least 300/);
    expect(msg).toContain('-1');
  });

  it('cap 0 blocks a single delete', () => {
    expect(checkDeleteCap(del(1), 0)).toMatch(/^1 objects? would be deleted/);
  });
});

describe('planSync: header-only changes', () => {
  const f = local('a.html', 'same');
  const opts = (hh: string) => ({ prefix: '', deleteRemoved: false, isProtected: never, headersHash: () => hh });
  it.each<[string, string | undefined, string, string]>([
    ['recorded headers differ: re-upload', 'old-hash', 'new-hash', 'upload:headers-changed'],
    ['recorded headers equal: unchanged', 'same-hash', 'same-hash', 'unchanged:md5-match'],
    ['headers never recorded: unchanged (unknown is not assumed changed)', undefined, 'new-hash', 'unchanged:md5-match'],
  ])('%s', (_name, recorded, now, expected) => {
    const remote: RemoteState = { key: 'a.html', etag: f.md5, size: f.size, ...(recorded ? { headersHash: recorded } : {}) };
    expect(summary(planSync([f], remoteMap([remote]), opts(now)))).toEqual({ 'a.html': expected });
  });
  it('a content change is reported as such even when headers changed too', () => {
    const remote: RemoteState = { key: 'a.html', etag: md5('other'), size: f.size, headersHash: 'old' };
    expect(summary(planSync([f], remoteMap([remote]), opts('new')))).toEqual({ 'a.html': 'upload:content-changed' });
  });
});
