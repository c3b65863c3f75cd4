// Commit range from the event (src/plan/diff-range.ts) and changed files from git / the GitHub API (src/io/git/diff.ts),
// the latter through the GitHub stand-in (testing/github-standin.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffRange } from '../src/plan/diff-range.js';
import { compareDiff, diffTrees, fromCompareFiles, localDiff, parseNameStatus } from '../src/io/git/diff.js';
import { createGitHubClient } from '../src/io/github/client.js';
import type { ChangedFile } from '../src/plan/stale.js';
import { startGitHub, type GitHubStandIn } from '../testing/github-standin.mjs';

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

  it('a tag push names the tag, not a new branch', () => {
    const r = diffRange('push', { ref: 'refs/tags/v1.2.0', before: '0'.repeat(40), after: AFTER, created: true }, SHA, null);
    expect(r).toEqual({
      none: 'push of tag v1.2.0 (a tag has no previous commit): no commit diff; set diff-base to diff against a commit',
    });
  });

  it('a new branch names the branch', () => {
    const r = diffRange('push', { ref: 'refs/heads/feature', before: '0'.repeat(40), after: AFTER, created: true }, SHA, null);
    expect(r).toEqual({ none: 'push creates branch feature (no previous commit): no commit diff; set diff-base to diff against a commit' });
  });

  it.each<[string, Record<string, unknown>]>([
    ['workflow_run', { workflow_run: { head_sha: SHA } }],
    ['push', { ref: 'refs/tags/v1', before: '0'.repeat(40), after: SHA }],
    ['release', { release: { tag_name: 'v1' } }],
    ['schedule', {}],
  ])('%s with a live deploy recorded: what changed since the live deploy', (event, payload) => {
    const r = diffRange(event, payload, SHA, null, BEFORE);
    expect(r).toMatchObject({ base: BEFORE, head: SHA });
    expect((r as { source: string }).source).toContain('the live deploy..this commit');
  });

  it('a push range wins over the live deploy', () => {
    expect(diffRange('push', { before: BEFORE, after: AFTER }, SHA, null, 'f'.repeat(40))).toMatchObject({ base: BEFORE, head: AFTER });
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

describe('diffTrees', () => {
  const blob = (path: string, sha: string, mode = '100644') => ({ path, mode, type: 'blob', sha });
  it('added, deleted, modified (content or mode), exact renames; trees ignored; sorted', () => {
    const from = [
      { path: 'd', mode: '040000', type: 'tree', sha: 't1' },
      blob('d/a', '1'),
      blob('d/b', '2'),
      blob('c', '3'),
      blob('x', '4'),
      blob('run.sh', '5'),
      blob('dup1', '9'),
      blob('dup2', '9'),
    ];
    const to = [
      { path: 'd', mode: '040000', type: 'tree', sha: 't2' },
      blob('d/a', '1'),
      blob('d/b', '22'),
      blob('e/c', '3'),
      blob('y', '8'),
      blob('run.sh', '5', '100755'),
      blob('dup3', '9'),
    ];
    expect(diffTrees(from, to)).toEqual([
      { path: 'd/b', status: 'modified' },
      { path: 'dup2', status: 'deleted' },
      { path: 'dup3', status: 'renamed', previousPath: 'dup1' },
      { path: 'e/c', status: 'renamed', previousPath: 'c' },
      { path: 'run.sh', status: 'modified' },
      { path: 'x', status: 'deleted' },
      { path: 'y', status: 'added' },
    ]);
  });
});

describe('compareDiff through the GitHub API stand-in', () => {
  const REPO = 'octo/site';
  const TOKEN = 'ghs_compare_token';
  const byPath = (a: ChangedFile, b: ChangedFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

  /**
   * 1,000 pages in 10 directories plus an untouched static/ directory; head changes 750 files over two
   * commits: 300 modified, 150 deleted, 100 renamed (same content, new directory), 200 added. One more file
   * is changed by the first commit and changed back by the second: not in the diff.
   */
  function bigChange(gh: GitHubStandIn, repo: string) {
    const page = (i: number) => `site/d${i % 10}/page${i}.html`;
    const baseFiles: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) baseFiles[page(i)] = `v1 ${i}`;
    for (let i = 0; i < 40; i++) baseFiles[`static/img/i${i}.svg`] = `<svg>${i}</svg>`;
    const base = gh.commit(repo, { files: baseFiles, message: 'base' });
    const first: Record<string, string | null> = { [page(900)]: 'temporary' };
    for (let i = 0; i < 300; i++) first[page(i)] = `v2 ${i}`;
    for (let i = 300; i < 450; i++) first[page(i)] = null;
    const mid = gh.commit(repo, { parent: base, files: first, message: 'modify and delete' });
    const second: Record<string, string | null> = { [page(900)]: 'v1 900' };
    for (let i = 450; i < 550; i++) {
      second[page(i)] = null;
      second[`site/moved/page${i}.html`] = `v1 ${i}`;
    }
    for (let j = 0; j < 200; j++) second[`site/new/n${j}.html`] = `new ${j}`;
    const head = gh.commit(repo, { parent: mid, files: second, message: 'rename and add' });
    const expected: ChangedFile[] = [];
    for (let i = 0; i < 300; i++) expected.push({ path: page(i), status: 'modified' });
    for (let i = 300; i < 450; i++) expected.push({ path: page(i), status: 'deleted' });
    for (let i = 450; i < 550; i++) expected.push({ path: `site/moved/page${i}.html`, status: 'renamed', previousPath: page(i) });
    for (let j = 0; j < 200; j++) expected.push({ path: `site/new/n${j}.html`, status: 'added' });
    expect(expected).toHaveLength(750);
    return { base, head, expected: expected.sort(byPath) };
  }

  describe('default limits', () => {
    let gh: GitHubStandIn;
    beforeAll(async () => {
      gh = await startGitHub({ token: TOKEN });
    });
    afterAll(() => gh.stop());
    beforeEach(() => gh.clearRequests());
    const retrying = () => createGitHubClient({ apiUrl: gh.apiUrl, token: TOKEN, retries: 2, retryBaseMs: 1 });

    it('750 changed files (cap 300): read whole and exactly from the two trees', async () => {
      const { base, head, expected } = bigChange(gh, 'octo/big');
      const res = await compareDiff({ apiUrl: gh.apiUrl, repository: 'octo/big', token: TOKEN, base, head });
      expect(res.via).toBe('trees');
      expect(res.maybeTruncated).toBe(false);
      expect(res.files).toEqual(expected);
      expect(gh.requests.map((r) => r.route)).toEqual(['compare', 'tree', 'tree']);
      expect(gh.requests.every((r) => r.status === 200 && r.authorization === `token ${TOKEN}`)).toBe(true);
      expect(gh.requests.filter((r) => r.route === 'tree').every((r) => r.path.endsWith('?recursive=1'))).toBe(true);
    });

    it('the compare API itself lists only 300 of them (what the old code returned)', async () => {
      const { base, head } = bigChange(gh, 'octo/big-raw');
      const client = await retrying();
      const { data } = await client.rest.repos.compareCommitsWithBasehead({
        owner: 'octo',
        repo: 'big-raw',
        basehead: `${base}...${head}`,
      });
      expect(data.files).toHaveLength(300);
      expect(fromCompareFiles(data.files!).maybeTruncated).toBe(true);
    });

    it('fewer than 300 files: the compare list, with its renames', async () => {
      const base = gh.commit(REPO, { files: { 'a.html': 'a', 'b.html': 'b', 'c.css': 'c', 'old.js': 'js' } });
      const head = gh.commit(REPO, {
        parent: base,
        files: { 'a.html': 'a2', 'c.css': null, 'new.js': 'js', 'old.js': null, 'd.html': 'd' },
      });
      const res = await compareDiff({ apiUrl: gh.apiUrl, repository: REPO, token: TOKEN, base, head });
      expect(res).toEqual({
        via: 'compare',
        maybeTruncated: false,
        files: [
          { path: 'a.html', status: 'modified' },
          { path: 'c.css', status: 'deleted' },
          { path: 'd.html', status: 'added' },
          { path: 'new.js', status: 'renamed', previousPath: 'old.js' },
        ],
      });
      expect(gh.requests.map((r) => r.route)).toEqual(['compare']);
    });

    it('same commit: no changes', async () => {
      const c = gh.commit('octo/same', { files: { 'a.html': 'a' } });
      expect(await compareDiff({ apiUrl: gh.apiUrl, repository: 'octo/same', token: TOKEN, base: c, head: c })).toEqual({
        files: [],
        maybeTruncated: false,
        via: 'compare',
      });
    });

    it('force push (diverged): the two trees base -> head, like git diff base head; fromMergeBase: the branch since the merge base', async () => {
      const repo = 'octo/forced';
      const root = gh.commit(repo, { files: { 'keep.html': 'k', 'x.html': 'x1', 'y.html': 'y1' } });
      const before = gh.commit(repo, { parent: root, files: { 'x.html': 'x2', 'gone.html': 'g' } });
      const after = gh.commit(repo, { parent: root, files: { 'y.html': 'y2' } });
      const pushed = await compareDiff({ apiUrl: gh.apiUrl, repository: repo, token: TOKEN, base: before, head: after });
      expect(pushed).toEqual({
        via: 'trees',
        maybeTruncated: false,
        files: [
          { path: 'gone.html', status: 'deleted' },
          { path: 'x.html', status: 'modified' },
          { path: 'y.html', status: 'modified' },
        ],
      });
      const pr = await compareDiff({ apiUrl: gh.apiUrl, repository: repo, token: TOKEN, base: before, head: after, fromMergeBase: true });
      expect(pr).toEqual({ via: 'compare', maybeTruncated: false, files: [{ path: 'y.html', status: 'modified' }] });
    });

    it('pull request past the cap (diverged, fromMergeBase): the trees of the merge base and head', async () => {
      const { base, head, expected } = bigChange(gh, 'octo/big-pr');
      const baseMoved = gh.commit('octo/big-pr', { parent: base, files: { 'site/d1/page999.html': 'changed on main' } });
      const res = await compareDiff({
        apiUrl: gh.apiUrl,
        repository: 'octo/big-pr',
        token: TOKEN,
        base: baseMoved,
        head,
        fromMergeBase: true,
      });
      expect(res.via).toBe('trees');
      expect(res.files).toEqual(expected);
    });

    it('GitHub Enterprise Server base URL (/api/v3)', async () => {
      const { base, head, expected } = bigChange(gh, 'octo/ghes');
      const res = await compareDiff({ apiUrl: `${gh.ghesApiUrl}/`, repository: 'octo/ghes', token: TOKEN, base, head });
      expect(res.files).toEqual(expected);
      expect(gh.requests).toHaveLength(3);
      expect(gh.requests.every((r) => r.ghes && r.status === 200)).toBe(true);
    });

    it("a bad token: the error names the call and GitHub's message", async () => {
      const c = gh.commit('octo/auth', { files: { 'a.html': 'a' } });
      await expect(compareDiff({ apiUrl: gh.apiUrl, repository: 'octo/auth', token: 'wrong', base: c, head: c })).rejects.toThrow(
        /^GitHub API GET http:\/\/127\.0\.0\.1:\d+\/repos\/octo\/auth\/compare\/\w+\.\.\.\w+ failed: HTTP 401: Bad credentials/,
      );
    });

    it('an unknown commit: 404, not retried', async () => {
      const c = gh.commit('octo/missing', { files: { 'a.html': 'a' } });
      const client = await retrying();
      await expect(
        compareDiff({ apiUrl: gh.apiUrl, repository: 'octo/missing', token: TOKEN, base: 'f'.repeat(40), head: c, client }),
      ).rejects.toThrow(/failed: HTTP 404: Not Found/);
      expect(gh.requests).toHaveLength(1);
    });

    it('a repository name that is not owner/name is refused before any request', async () => {
      await expect(compareDiff({ apiUrl: gh.apiUrl, repository: 'nope', token: TOKEN, base: 'a', head: 'b' })).rejects.toThrow(
        'Repository must be "owner/name"',
      );
      expect(gh.requests).toHaveLength(0);
    });

    it('a 502 on a tree is retried; one that persists is reported after the retries', async () => {
      const { base, head, expected } = bigChange(gh, 'octo/flaky');
      gh.failNext('tree', { status: 502, message: 'Server Error' });
      const logs: string[] = [];
      const client = await createGitHubClient({ apiUrl: gh.apiUrl, token: TOKEN, retries: 2, retryBaseMs: 1, log: (m) => logs.push(m) });
      const res = await compareDiff({ apiUrl: gh.apiUrl, repository: 'octo/flaky', token: TOKEN, base, head, client });
      expect(res.files).toEqual(expected);
      expect(gh.requests.filter((r) => r.route === 'tree').map((r) => r.status)).toEqual([502, 200, 200]);
      expect(logs).toEqual([expect.stringMatching(/HTTP 502; retry 1 of 2/)]);

      gh.clearRequests();
      gh.failNext('compare', { status: 503, message: 'Unicorns' }, 3);
      await expect(compareDiff({ apiUrl: gh.apiUrl, repository: 'octo/flaky', token: TOKEN, base, head, client })).rejects.toThrow(
        /compare\/\w+\.\.\.\w+ failed: HTTP 503: Unicorns - https:\/\/docs\.github\.com\/rest \(after 2 retries\)$/,
      );
      expect(gh.requests).toHaveLength(3);
    });

    it('a rate limit that resets soon is waited for; one that resets in an hour fails at once', async () => {
      const c = gh.commit('octo/limits', { files: { 'a.html': 'a' } });
      const client = await retrying();
      gh.failNext('compare', { status: 429, message: 'Too many requests', headers: { 'retry-after': '0' } });
      expect((await compareDiff({ apiUrl: gh.apiUrl, repository: 'octo/limits', token: TOKEN, base: c, head: c, client })).via).toBe(
        'compare',
      );
      expect(gh.requests.map((r) => r.status)).toEqual([429, 200]);

      gh.clearRequests();
      const reset = String(Math.floor(Date.now() / 1000) + 3600);
      gh.failNext('compare', {
        status: 403,
        message: 'API rate limit exceeded for installation.',
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      });
      await expect(compareDiff({ apiUrl: gh.apiUrl, repository: 'octo/limits', token: TOKEN, base: c, head: c, client })).rejects.toThrow(
        /HTTP 403: API rate limit exceeded for installation\..*\(rate limited; it resets in 3[56]\d\d s\)$/,
      );
      expect(gh.requests).toHaveLength(1);
    });
  });

  describe('GitHub truncates the recursive trees', () => {
    let gh: GitHubStandIn;
    beforeAll(async () => {
      gh = await startGitHub({ token: TOKEN, recursiveTreeLimit: 500 });
    });
    afterAll(() => gh.stop());
    beforeEach(() => gh.clearRequests());

    it('walks both trees level by level, skipping identical subtrees, and is still exact', async () => {
      const { base, head, expected } = bigChange(gh, REPO);
      const logs: string[] = [];
      const res = await compareDiff({ apiUrl: gh.apiUrl, repository: REPO, token: TOKEN, base, head, log: (m) => logs.push(m) });
      expect(res.via).toBe('tree-walk');
      expect(res.maybeTruncated).toBe(false);
      expect(res.files).toEqual(expected);
      expect(logs.join('\n')).toMatch(/truncated a recursive tree/);
      const walked = gh.requests.filter((r) => r.route === 'tree' && !r.path.includes('recursive'));
      // root x2, site/ x2, d0..d9 x2, moved/ and new/ (head only); static/ and static/img/ are identical: never read.
      expect(walked).toHaveLength(2 + 2 + 20 + 2);
      const client = await createGitHubClient({ apiUrl: gh.apiUrl, token: TOKEN });
      const { data: root } = await client.rest.git.getTree({ owner: 'octo', repo: 'site', tree_sha: head });
      const staticSha = root.tree.find((e) => e.path === 'static')!.sha;
      expect(walked.some((r) => r.path.includes(staticSha!))).toBe(false);
    });
  });

  describe('GitHub truncates even one level', () => {
    let gh: GitHubStandIn;
    beforeAll(async () => {
      gh = await startGitHub({ token: TOKEN, recursiveTreeLimit: 500, treeLimit: 1 });
    });
    afterAll(() => gh.stop());

    it('no way reads the whole diff: the compare list, maybe truncated', async () => {
      const { base, head, expected } = bigChange(gh, REPO);
      const res = await compareDiff({ apiUrl: gh.apiUrl, repository: REPO, token: TOKEN, base, head });
      expect(res.via).toBe('compare-capped');
      expect(res.maybeTruncated).toBe(true);
      expect(res.files).toHaveLength(300);
      for (const f of res.files) expect(expected).toContainEqual(f);
    });

    it('and a force push past the cap cannot fall back on the compare list: rejects', async () => {
      const { base, head } = bigChange(gh, 'octo/forced-big');
      const other = gh.commit('octo/forced-big', { parent: base, files: { 'other.html': 'o' } });
      await expect(compareDiff({ apiUrl: gh.apiUrl, repository: 'octo/forced-big', token: TOKEN, base: other, head })).rejects.toThrow(
        /base is not an ancestor of head \(diverged\) and GitHub truncated tree \w+ even without recursion/,
      );
    });
  });
});
