// Invalidate-only mode (upload: false): stale paths from the commit diff (local git, then the GitHub API when
// the base commit cannot be had) and the paths input; no S3 at all. The GitHub side is the REST API stand-in
// (testing/github-standin.mjs), read through the action's real Octokit client.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { startGitHub, type GitHubStandIn } from '../testing/github-standin.mjs';
import { runAction, tmpDir, writeTree } from './support/harness.js';

const DIST = 'EINVONLY1234';
const REPO = 'acme/site'; // GITHUB_REPOSITORY in the harness
const TOKEN = 'ghs_secret123';
let cf: CloudFrontStandIn;
/** GitHub's limits. */
let gh: GitHubStandIn;
/** Recursive trees truncated past 100 entries (GitHub: 100,000 / 7 MB): read by a level-by-level walk. */
let ghWalk: GitHubStandIn;
/** Every tree truncated, recursive or not: nothing reads the whole diff past the compare API's cap. */
let ghCapped: GitHubStandIn;

beforeAll(async () => {
  cf = await startCloudFront();
  gh = await startGitHub({ token: TOKEN });
  ghWalk = await startGitHub({ token: TOKEN, recursiveTreeLimit: 100 });
  ghCapped = await startGitHub({ token: TOKEN, recursiveTreeLimit: 100, treeLimit: 1 });
});
afterAll(async () => {
  await cf?.stop();
  await Promise.all([gh?.stop(), ghWalk?.stop(), ghCapped?.stop()]);
});
beforeEach(() => {
  cf.reset();
  for (const s of [gh, ghWalk, ghCapped]) s.reset();
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' }).trim();
}

function pushEvent(dir: string, before: string, after: string): string {
  const p = path.join(dir, 'event.json');
  fs.writeFileSync(p, JSON.stringify({ before, after }));
  return p;
}

/**
 * A push from `before` to `after` in a checkout that has neither commit and no remote (the fetch fails), so
 * the diff can only come from the GitHub API at `api`.
 */
function runPush(api: GitHubStandIn, before: string, after: string, inputs: Record<string, string> = {}) {
  const repo = tmpDir('shallow');
  git(repo, 'init', '-q');
  return runAction(
    { upload: 'false', 'distribution-id': DIST, 'path-map': 'public/ => /', 'github-token': TOKEN, ...inputs },
    {
      AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
      GITHUB_WORKSPACE: repo,
      GITHUB_API_URL: api.apiUrl,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: pushEvent(repo, before, after),
      GITHUB_SHA: after,
    },
  );
}

/** The warning annotations, each as `::warning::message` (every one has the action's title: checked here). */
const warnings = (log: string) =>
  log
    .split('\n')
    .filter((l) => l.startsWith('::warning '))
    .map((l) => {
      expect(l).toMatch(/^::warning title=S3 CloudFront deploy::/);
      return l.replace(/^::warning [^:]*::/, '::warning::');
    });
const sentPaths = () => {
  const invs = cf.invalidations(DIST);
  expect(invs).toHaveLength(1);
  return [...invs[0]!.paths].sort();
};
const pad = (i: number) => String(i).padStart(3, '0');
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/**
 * A push of 358 changed files, past the compare API's 300-file cap: 330 pages modified (p000-p329), 10
 * deleted (p330-p339), 5 renamed into moved/ (p340-p344), 10 added, plus README.md (outside path-map), the
 * fingerprinted asset and docs/index.html modified. Stale: the modified, deleted and renamed-from pages and
 * the docs page with its directory URL (347 paths); not the added, moved-to, asset or README paths.
 */
function bigPush(api: GitHubStandIn) {
  const baseFiles: Record<string, string> = {
    'README.md': 'r1',
    'public/assets/app-Bq3x7KeL.js': 'js1',
    'public/docs/index.html': 'docs1',
  };
  for (const i of range(0, 400)) baseFiles[`public/p${pad(i)}.html`] = `v1 ${i}`;
  const before = api.commit(REPO, { files: baseFiles, message: 'base' });
  const change: Record<string, string | null> = {
    'README.md': 'r2',
    'public/assets/app-Bq3x7KeL.js': 'js2',
    'public/docs/index.html': 'docs2',
  };
  for (const i of range(0, 330)) change[`public/p${pad(i)}.html`] = `v2 ${i}`;
  for (const i of range(330, 340)) change[`public/p${pad(i)}.html`] = null;
  for (const i of range(340, 345)) {
    change[`public/p${pad(i)}.html`] = null;
    change[`public/moved/p${pad(i)}.html`] = `v1 ${i}`;
  }
  for (const i of range(0, 10)) change[`public/new${i}.html`] = `new ${i}`;
  const after = api.commit(REPO, { parent: before, files: change, message: 'big change' });
  const stale = ['/docs/', '/docs/index.html', ...range(0, 345).map((i) => `/p${pad(i)}.html`)].sort();
  return { before, after, stale };
}

describe('invalidate-only mode', () => {
  it('maps the local git diff of a push through path-map and adds manual paths (no GitHub API call)', async () => {
    const repo = tmpDir('repo');
    git(repo, 'init', '-q');
    writeTree(repo, {
      'site/index.html': 'a',
      'site/docs/index.html': 'a',
      'site/gone.html': 'a',
      'site/old name.html': 'x',
      'README.md': 'r',
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'one');
    const before = git(repo, 'rev-parse', 'HEAD');
    writeTree(repo, { 'site/docs/index.html': 'b', 'site/gone.html': null, 'site/new.html': 'n', 'README.md': 'r2' });
    git(repo, 'mv', 'site/old name.html', 'site/renamed.html');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'two');
    const after = git(repo, 'rev-parse', 'HEAD');

    const r = await runAction(
      { upload: 'false', 'distribution-id': DIST, 'path-map': 'site/ => /', paths: '/feed.xml', 'github-token': TOKEN },
      {
        AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
        GITHUB_WORKSPACE: repo,
        GITHUB_API_URL: gh.apiUrl,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: pushEvent(repo, before, after),
        GITHUB_SHA: after,
      },
    );
    expect(r.failed).toBe(false);
    // modified index -> page + directory; deleted; renamed-from (old name); manual. New files and README are not.
    expect(sentPaths()).toEqual(['/docs/', '/docs/index.html', '/feed.xml', '/gone.html', '/old%20name.html'].sort());
    expect(r.log).toMatch(/^5 files changed in push before\.\.after \(\w{12}\.\.\w{12}\)$/m);
    expect(gh.requests).toHaveLength(0);
  });

  it('falls back to the GitHub API when the base commit is not in the checkout: authenticated, token never printed', async () => {
    const before = gh.commit(REPO, {
      files: { 'public/a.html': 'a1', 'public/c.html': 'c1', 'public/assets/app-Bq3x7KeL.js': 'js1', 'src/main.ts': 'm1' },
    });
    const after = gh.commit(REPO, {
      parent: before,
      files: {
        'public/a.html': 'a2',
        'public/b.html': 'b',
        'public/c.html': null,
        'public/assets/app-Bq3x7KeL.js': 'js2',
        'src/main.ts': 'm2',
      },
    });
    const r = await runPush(gh, before, after);
    expect(r.failed).toBe(false);
    expect(r.log).toMatch(/Local git diff failed \(.*\); trying the GitHub compare API/);
    expect(r.log).toMatch(/^5 files changed in push before\.\.after \(\w{12}\.\.\w{12}\) \(GitHub API: compare\)$/m);
    // Modified and removed pages only: not the added page, the fingerprinted asset or a file outside path-map.
    expect(sentPaths()).toEqual(['/a.html', '/c.html']);
    expect(warnings(r.log)).toEqual([]);
    // One compare call, authenticated with the token (the stand-in answers 401 to anything else). The scheme
    // is what @actions/github's getOctokit sends: `token X` (GitHub takes `Bearer X` the same way).
    expect(gh.requests).toEqual([
      expect.objectContaining({
        route: 'compare',
        method: 'GET',
        path: `/repos/${REPO}/compare/${before}...${after}`,
        authorization: `token ${TOKEN}`,
        status: 200,
      }),
    ]);
    // The token is masked (::add-mask::) and never printed anywhere else.
    expect(r.log).toContain(`::add-mask::${TOKEN}`);
    expect(
      r.log
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(TOKEN);
  });

  // No retries, so no waiting: one request, refused at once (a rate limit resetting in an hour is past the
  // client's 60 s longest wait; a 404 is never retried). A run that waited would make more than one request.
  it.each([
    {
      name: 'rate limited for an hour',
      fail: () => ({
        status: 403,
        message: 'API rate limit exceeded for installation.',
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
      }),
      status: 403,
      why: /GitHub API GET \S+\/compare\/\w+\.\.\.\w+ failed: HTTP 403: API rate limit exceeded for installation\..*\(rate limited; it resets in 3[56]\d\d s\)/,
    },
    {
      name: 'the base commit is unknown to GitHub (404)',
      fail: null,
      status: 404,
      why: /GitHub API GET \S+\/compare\/\w+\.\.\.\w+ failed: HTTP 404: Not Found/,
    },
  ])('warns and continues with the paths input, at once, when no diff can be had: $name', async ({ fail, status, why }) => {
    const known = gh.commit(REPO, { files: { 'public/index.html': 'v1' } });
    const after = gh.commit(REPO, { parent: known, files: { 'public/index.html': 'v2' } });
    const before = fail ? known : 'c'.repeat(40);
    const f = fail?.();
    if (f) gh.failNext('compare', f);
    const r = await runPush(gh, before, after, { paths: '/index.html' });
    expect(r.failed).toBe(false);
    expect(gh.requests.map((q) => [q.route, q.status])).toEqual([['compare', status]]);
    const warned = warnings(r.log);
    expect(warned.find((w) => w.startsWith('::warning::No commit diff ('))).toMatch(why);
    expect(warned).toContainEqual(expect.stringMatching(/^::warning::The commit diff is incomplete .*set missing-diff: all/));
    expect(sentPaths()).toEqual(['/', '/index.html']);
  });

  describe('past the compare API’s 300-file cap', () => {
    it.each([
      { via: 'trees', api: () => gh, treeCalls: 2 },
      { via: 'tree-walk', api: () => ghWalk, treeCalls: undefined },
    ])(
      'a diff of 358 files is read whole ($via): every stale path sent, no warning, no /* even with missing-diff: all',
      async ({ via, api, treeCalls }) => {
        const { before, after, stale } = bigPush(api());
        for (const missingDiff of ['warn', 'all']) {
          cf.reset();
          api().clearRequests();
          const r = await runPush(api(), before, after, { 'max-paths': '3000', 'missing-diff': missingDiff });
          expect(r.failed).toBe(false);
          expect(r.log).toMatch(
            new RegExp(`^358 files changed in push before\\.\\.after \\(\\w{12}\\.\\.\\w{12}\\) \\(GitHub API: ${via}\\)$`, 'm'),
          );
          expect(warnings(r.log)).toEqual([]);
          expect(stale).toHaveLength(347);
          expect(sentPaths()).toEqual(stale);
          const routes = api().requests.map((q) => q.route);
          expect(routes[0]).toBe('compare');
          expect(routes.slice(1).every((x) => x === 'tree')).toBe(true);
          if (treeCalls !== undefined) expect(routes.slice(1)).toHaveLength(treeCalls);
          expect(api().requests.every((q) => q.status === 200)).toBe(true);
        }
      },
    );

    /**
     * What the compare API lists: its first 300 files in path order. README.md, the asset, docs/index.html,
     * the 5 moved-to and 10 new pages, then p000-p281; of these stale: docs, the renamed-from p340-p344 and
     * p000-p281 (not p282-p339).
     */
    const cappedStale = ['/docs/', '/docs/index.html', ...[...range(0, 282), ...range(340, 345)].map((i) => `/p${pad(i)}.html`)].sort();

    it('when even the trees cannot be read whole (compare-capped): warns, sends what it read', async () => {
      const { before, after } = bigPush(ghCapped);
      const r = await runPush(ghCapped, before, after, { 'max-paths': '3000' });
      expect(r.failed).toBe(false);
      expect(r.log).toMatch(/^300 files changed in push before\.\.after \(\w{12}\.\.\w{12}\) \(GitHub API: compare-capped\)$/m);
      expect(warnings(r.log)).toEqual([
        expect.stringMatching(/^::warning::The GitHub compare API returned 300 files \(its cap\) and the trees could not be read whole/),
        expect.stringMatching(/^::warning::The commit diff is incomplete \(maybe truncated at 300 files\).*set missing-diff: all/),
      ]);
      expect(sentPaths()).toEqual(cappedStale);
      expect(ghCapped.requests.filter((q) => q.route === 'tree' && !q.path.includes('recursive')).length).toBeGreaterThan(0);
    });

    it('missing-diff: all sends /* when the diff is capped', async () => {
      const { before, after } = bigPush(ghCapped);
      const r = await runPush(ghCapped, before, after, { 'max-paths': '3000', 'missing-diff': 'all' });
      expect(r.failed).toBe(false);
      expect(r.log).toMatch(/\(GitHub API: compare-capped\)$/m);
      expect(warnings(r.log)).toContainEqual(
        expect.stringMatching(
          /^::warning::The commit diff is incomplete \(maybe truncated at 300 files\): invalidating \/\* as missing-diff: all allows/,
        ),
      );
      expect(sentPaths()).toEqual(['/*']);
    });
  });

  it('a force push (before is not an ancestor of after): the exact base -> head tree diff, with or without missing-diff: all', async () => {
    const root = gh.commit(REPO, { files: { 'public/keep.html': 'k', 'public/x.html': 'x1', 'public/y.html': 'y1' } });
    // The commit that was pushed and then overwritten: it changed x and added gone.html.
    const before = gh.commit(REPO, { parent: root, files: { 'public/x.html': 'x2', 'public/gone.html': 'g' } });
    const after = gh.commit(REPO, { parent: root, files: { 'public/y.html': 'y2', 'public/z.html': 'z' } });
    for (const missingDiff of ['warn', 'all']) {
      cf.reset();
      gh.clearRequests();
      const r = await runPush(gh, before, after, { 'missing-diff': missingDiff });
      expect(r.failed).toBe(false);
      expect(r.log).toMatch(/Base is not an ancestor of head \(diverged, force push\?\): comparing the two trees/);
      expect(r.log).toMatch(/^4 files changed in push before\.\.after \(\w{12}\.\.\w{12}\) \(GitHub API: trees\)$/m);
      expect(warnings(r.log)).toEqual([]);
      // gone.html (only in before) is deleted and x.html is back to x1: both stale although after's own
      // commit (what the compare API lists from the merge base) touched neither; z.html is new.
      expect(sentPaths()).toEqual(['/gone.html', '/x.html', '/y.html']);
      expect(gh.requests.map((q) => q.route)).toEqual(['compare', 'tree', 'tree']);
    }
  });
});
