// Commit range from the event (src/plan/diff-range.ts) and changed files from git / the compare API (src/io/git.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffRange } from '../src/plan/diff-range.js';
import { fromCompareFiles, localDiff, parseNameStatus } from '../src/io/git.js';
import type { ChangedFile } from '../src/plan/stale.js';

const SHA = 'c0ffee0000000000000000000000000000000001';
const BEFORE = 'bef0re0000000000000000000000000000000002';
const AFTER = 'af7e700000000000000000000000000000000003';

describe('diffRange', () => {
  it('push: before..after', () => {
    expect(diffRange('push', { before: BEFORE, after: AFTER }, SHA, null)).toEqual({
      base: BEFORE,
      head: AFTER,
      source: 'push before..after',
    });
  });

  it('push without after: head is GITHUB_SHA', () => {
    expect(diffRange('push', { before: BEFORE }, SHA, null)).toMatchObject({ base: BEFORE, head: SHA });
  });

  it.each<[string, Record<string, unknown>]>([
    ['all-zero before (new branch)', { before: '0000000000000000000000000000000000000000', after: AFTER }],
    ['missing before', { after: AFTER }],
    ['non-string before', { before: 42, after: AFTER }],
  ])('push with %s -> none', (_label, payload) => {
    const r = diffRange('push', payload, SHA, null);
    expect(r).toHaveProperty('none');
    expect(r).not.toHaveProperty('base');
    expect((r as { none: string }).none.length).toBeGreaterThan(0);
  });

  it.each([['pull_request'], ['pull_request_target']])('%s: the changes of the PR since it left the base (base...head)', (event) => {
    const payload = { pull_request: { base: { sha: BEFORE }, head: { sha: AFTER } } };
    expect(diffRange(event, payload, SHA, null)).toEqual({
      base: BEFORE,
      head: AFTER,
      source: 'pull request base...head',
      fromMergeBase: true,
    });
  });

  it('pull_request without base sha -> none', () => {
    expect(diffRange('pull_request', { pull_request: {} }, SHA, null)).toHaveProperty('none');
  });

  it.each([['workflow_dispatch'], ['schedule'], ['release'], ['']])('%p -> none, mentioning diff-base', (event) => {
    const r = diffRange(event, {}, SHA, null);
    expect(r).toHaveProperty('none');
    expect((r as { none: string }).none).toContain('diff-base');
  });

  it.each([['push'], ['pull_request'], ['workflow_dispatch']])('diff-base overrides the %s event', (event) => {
    const payload = { before: BEFORE, after: AFTER, pull_request: { base: { sha: BEFORE }, head: { sha: AFTER } } };
    expect(diffRange(event, payload, SHA, 'v1.2.0')).toEqual({ base: 'v1.2.0', head: SHA, source: 'diff-base input' });
  });
});

describe('parseNameStatus (git diff --name-status -z -M)', () => {
  it.each<[string, string, ChangedFile[]]>([
    ['modified', 'M\0public/index.html\0', [{ path: 'public/index.html', status: 'modified' }]],
    ['added', 'A\0public/new.html\0', [{ path: 'public/new.html', status: 'added' }]],
    ['deleted', 'D\0public/old.html\0', [{ path: 'public/old.html', status: 'deleted' }]],
    ['type change counts as modified', 'T\0public/link\0', [{ path: 'public/link', status: 'modified' }]],
    [
      'rename R100 gives old then new',
      'R100\0public/old name.html\0public/new name.html\0',
      [{ path: 'public/new name.html', status: 'renamed', previousPath: 'public/old name.html' }],
    ],
    ['rename with similarity R087', 'R087\0a.css\0b.css\0', [{ path: 'b.css', status: 'renamed', previousPath: 'a.css' }]],
    ['copy: the copy is added, the source untouched', 'C075\0src.html\0copy.html\0', [{ path: 'copy.html', status: 'added' }]],
    ['path with spaces', 'M\0docs/my page.html\0', [{ path: 'docs/my page.html', status: 'modified' }]],
    [
      'unicode path (unquoted)',
      'M\0docs/caf\u00e9 \u65e5\u672c.html\0',
      [{ path: 'docs/caf\u00e9 \u65e5\u672c.html', status: 'modified' }],
    ],
    ['path with tab and newline', 'A\0a\tb\nc.html\0', [{ path: 'a\tb\nc.html', status: 'added' }]],
    ['empty output', '', []],
  ])('%s', (_label, out, expected) => {
    expect(parseNameStatus(out)).toEqual(expected);
  });

  it('several records in order', () => {
    const out = 'M\0a.html\0R100\0b.html\0c.html\0D\0d.html\0A\0e.html\0C100\0a.html\0f.html\0M\0g.html\0';
    expect(parseNameStatus(out)).toEqual([
      { path: 'a.html', status: 'modified' },
      { path: 'c.html', status: 'renamed', previousPath: 'b.html' },
      { path: 'd.html', status: 'deleted' },
      { path: 'e.html', status: 'added' },
      { path: 'f.html', status: 'added' },
      { path: 'g.html', status: 'modified' },
    ]);
  });
});

describe('fromCompareFiles (GitHub compare API)', () => {
  it('maps each status', () => {
    const r = fromCompareFiles([
      { filename: 'a.html', status: 'modified' },
      { filename: 'b.html', status: 'added' },
      { filename: 'c.html', status: 'removed' },
      { filename: 'd.html', status: 'renamed', previous_filename: 'old-d.html' },
      { filename: 'e.html', status: 'copied' },
      { filename: 'f.html', status: 'changed' },
    ]);
    expect(r.files).toEqual([
      { path: 'a.html', status: 'modified' },
      { path: 'b.html', status: 'added' },
      { path: 'c.html', status: 'deleted' },
      { path: 'd.html', status: 'renamed', previousPath: 'old-d.html' },
      { path: 'e.html', status: 'added' },
      { path: 'f.html', status: 'modified' },
    ]);
    expect(r.maybeTruncated).toBe(false);
  });

  it.each<[number, boolean]>([
    [0, false],
    [299, false],
    [300, true],
  ])('%p files -> maybeTruncated %p', (n, expected) => {
    const files = Array.from({ length: n }, (_, i) => ({ filename: `f${i}.html`, status: 'modified' }));
    expect(fromCompareFiles(files).maybeTruncated).toBe(expected);
  });
});

describe('localDiff against a real repository', () => {
  let repo: string;
  let base: string;
  let head: string;
  const logs: string[] = [];

  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo },
    }).trim();
  const write = (rel: string, body: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), body);
  };
  // Rename detection needs similar content: give renamed files enough text.
  const long = (tag: string) => `${tag}\n` + Array.from({ length: 40 }, (_, i) => `line ${i} of a long enough file`).join('\n');

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'scd-git-'));
    git('init', '-q', '-b', 'main');
    write('public/index.html', '<h1>v1</h1>');
    write('public/about.html', 'about v1');
    write('public/old name.html', long('rename me'));
    write('public/caf\u00e9.html', 'unicode v1');
    write('public/gone.css', 'body{}');
    write('README.md', 'readme');
    git('add', '-A');
    git('commit', '-q', '-m', 'v1');
    base = git('rev-parse', 'HEAD');

    write('public/index.html', '<h1>v2</h1>');
    write('public/caf\u00e9.html', 'unicode v2');
    fs.rmSync(path.join(repo, 'public/gone.css'));
    git('mv', 'public/old name.html', 'public/new name.html');
    write('public/added page.html', 'new');
    git('add', '-A');
    git('commit', '-q', '-m', 'v2');
    head = git('rev-parse', 'HEAD');
  });

  it('pull request (fromMergeBase): only what the branch changed, not newer commits on the base branch', async () => {
    git('checkout', '-q', '-b', 'feature', base);
    write('public/about.html', 'about from the branch');
    git('commit', '-q', '-am', 'branch change');
    const branchHead = git('rev-parse', 'HEAD');
    git('checkout', '-q', 'main');
    // main (head) has moved on since the branch left it at `base`.
    const pr = await localDiff(repo, head, branchHead, () => {}, true);
    expect(pr).toEqual([{ path: 'public/about.html', status: 'modified' }]);
    const twoTrees = await localDiff(repo, head, branchHead, () => {});
    expect(twoTrees.length).toBeGreaterThan(1);
  });

  afterAll(() => {
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('returns modified, deleted, renamed and added files, with raw (unquoted) unicode and spaces', async () => {
    const files = await localDiff(repo, base, head, (m) => logs.push(m));
    const sort = (a: ChangedFile, b: ChangedFile) => (a.path < b.path ? -1 : 1);
    const expected: ChangedFile[] = [
      { path: 'public/index.html', status: 'modified' },
      { path: 'public/caf\u00e9.html', status: 'modified' },
      { path: 'public/gone.css', status: 'deleted' },
      { path: 'public/new name.html', status: 'renamed', previousPath: 'public/old name.html' },
      { path: 'public/added page.html', status: 'added' },
    ];
    expect([...files].sort(sort)).toEqual(expected.sort(sort));
    expect(logs).toEqual([]);
  });

  it('the same commit on both sides: no changes', async () => {
    expect(await localDiff(repo, head, head, () => {})).toEqual([]);
  });

  it('reverse direction: added becomes deleted, rename swaps', async () => {
    const files = await localDiff(repo, head, base, () => {});
    expect(files).toEqual(
      expect.arrayContaining([
        { path: 'public/added page.html', status: 'deleted' },
        { path: 'public/gone.css', status: 'added' },
        { path: 'public/old name.html', status: 'renamed', previousPath: 'public/new name.html' },
      ]),
    );
  });

  it('a commit that is not in the repository and cannot be fetched -> rejects, after logging the fetch attempt', async () => {
    const msgs: string[] = [];
    await expect(localDiff(repo, 'deadbeef'.repeat(5), head, (m) => msgs.push(m))).rejects.toThrow();
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toContain('deadbeefdead');
  });
});
