// The GitHub API client and the preview comment (src/io/github/client.ts), and the GitHub stand-in's paging
// (testing/github-standin.mjs), through the real Octokit of @actions/github.
import { createGitHubClient, githubClient, markerTag, upsertPrComment } from '../src/io/github/client.js';
import { startGitHub, type GitHubStandIn } from '../testing/github-standin.mjs';

const TOKEN = 'ghs_comment_token';
const REPO = 'octo/site';

let gh: GitHubStandIn;
beforeAll(async () => {
  gh = await startGitHub({ token: TOKEN });
  gh.createRepository(REPO);
});
afterAll(() => gh.stop());
beforeEach(() => gh.clearRequests());

const routes = () => gh.requests.map((r) => `${r.route} ${r.status}`);

describe('githubClient', () => {
  it('one client per (apiUrl, token)', async () => {
    const a = await githubClient(gh.apiUrl, TOKEN);
    expect(await githubClient(`${gh.apiUrl}/`, TOKEN)).toBe(a);
    expect(await githubClient(gh.apiUrl, 'other')).not.toBe(a);
    expect(await githubClient(gh.ghesApiUrl, TOKEN)).not.toBe(a);
  });

  it('sends the token; an empty token sends no Authorization header', async () => {
    gh.commit('octo/anon', { files: { 'a.html': 'a' }, ref: 'main' });
    await (await githubClient(gh.apiUrl, TOKEN)).rest.git.getTree({ owner: 'octo', repo: 'anon', tree_sha: 'main' });
    await expect((await githubClient(gh.apiUrl, '')).rest.git.getTree({ owner: 'octo', repo: 'anon', tree_sha: 'main' })).rejects.toThrow(
      /HTTP 401: Requires authentication/,
    );
    expect(gh.requests.map((r) => r.authorization)).toEqual([`token ${TOKEN}`, undefined]);
  });
});

describe('upsertPrComment', () => {
  const opts = (issueNumber: number, body: string, apiUrl = gh.apiUrl) => ({
    apiUrl,
    repository: REPO,
    token: TOKEN,
    issueNumber,
    marker: 'scd-preview',
    body,
  });

  it('creates the comment once, then edits it (still one comment)', async () => {
    const first = await upsertPrComment(opts(7, 'Preview: https://a.example/'));
    expect(first).toEqual({ id: expect.any(Number), url: `https://github.com/${REPO}/pull/7#issuecomment-${first.id}`, created: true });
    expect(gh.comments(REPO, 7)).toEqual([
      expect.objectContaining({ id: first.id, body: '<!-- scd-preview -->\nPreview: https://a.example/' }),
    ]);
    expect(gh.comments(REPO, 7)[0]!.user).toBe('github-actions[bot]');

    const second = await upsertPrComment(opts(7, 'Preview: https://b.example/'));
    expect(second).toEqual({ id: first.id, url: first.url, created: false });
    expect(gh.comments(REPO, 7)).toEqual([
      expect.objectContaining({ id: first.id, body: '<!-- scd-preview -->\nPreview: https://b.example/' }),
    ]);
    expect(routes()).toEqual(['listComments 200', 'createComment 201', 'listComments 200', 'updateComment 200']);

    // The same body again: nothing to write.
    gh.clearRequests();
    expect(await upsertPrComment(opts(7, 'Preview: https://b.example/'))).toEqual(second);
    expect(routes()).toEqual(['listComments 200']);
  });

  it('a body that already holds the marker is kept as it is', async () => {
    await upsertPrComment(opts(8, 'Deployed.\n\n<!-- scd-preview -->'));
    expect(gh.comments(REPO, 8).map((c) => c.body)).toEqual(['Deployed.\n\n<!-- scd-preview -->']);
  });

  it.each([
    ['github.com', () => gh.apiUrl, false],
    ['GitHub Enterprise Server (/api/v3)', () => gh.ghesApiUrl, true],
  ])('%s: finds its comment on page 2 of the comments and edits it', async (_label, apiUrl, ghes) => {
    const issue = ghes ? 21 : 20;
    for (let i = 0; i < 120; i++) gh.addComment(REPO, issue, i === 3 ? 'look: <!-- scd-preview-old -->' : `comment ${i}`);
    const ours = gh.addComment(REPO, issue, '<!-- scd-preview -->\nold preview', 'github-actions[bot]');
    for (let i = 0; i < 10; i++) gh.addComment(REPO, issue, `later ${i}`);
    gh.clearRequests();

    const res = await upsertPrComment(opts(issue, 'new preview', apiUrl()));
    expect(res).toEqual({ id: ours, url: expect.stringContaining(`#issuecomment-${ours}`), created: false });
    const comments = gh.comments(REPO, issue);
    expect(comments).toHaveLength(131);
    expect(comments.filter((c) => c.body.includes('<!-- scd-preview -->'))).toEqual([
      expect.objectContaining({ id: ours, body: '<!-- scd-preview -->\nnew preview' }),
    ]);
    expect(comments[3]!.body).toBe('look: <!-- scd-preview-old -->');
    expect(gh.requests.map((r) => [r.route, r.path.replace(/\?.*/, ''), new URL(r.path, 'http://x').searchParams.get('page')])).toEqual([
      ['listComments', `/repos/${REPO}/issues/${issue}/comments`, null],
      ['listComments', `/repos/${REPO}/issues/${issue}/comments`, '2'],
      ['updateComment', `/repos/${REPO}/issues/comments/${ours}`, null],
    ]);
    expect(gh.requests.every((r) => r.ghes === ghes)).toBe(true);
  });

  it('no comment of its own among several pages: reads them all, then creates one', async () => {
    for (let i = 0; i < 250; i++) gh.addComment(REPO, 30, `comment ${i}`);
    gh.clearRequests();
    const res = await upsertPrComment(opts(30, 'hello'));
    expect(res.created).toBe(true);
    expect(routes()).toEqual(['listComments 200', 'listComments 200', 'listComments 200', 'createComment 201']);
    expect(gh.comments(REPO, 30)).toHaveLength(251);
  });

  it('errors: a clear message; a failed create is not repeated (it may have been applied)', async () => {
    await expect(upsertPrComment({ ...opts(40, 'x'), token: 'wrong' })).rejects.toThrow(
      /^GitHub API GET http:\/\/127\.0\.0\.1:\d+\/repos\/octo\/site\/issues\/40\/comments\?per_page=100 failed: HTTP 401: Bad credentials/,
    );
    const client = await createGitHubClient({ apiUrl: gh.apiUrl, token: TOKEN, retries: 3, retryBaseMs: 1 });
    gh.failNext('createComment', { status: 502, message: 'Bad Gateway' });
    await expect(upsertPrComment({ ...opts(40, 'x'), client })).rejects.toThrow(
      /POST .*\/issues\/40\/comments failed: HTTP 502: Bad Gateway/,
    );
    expect(gh.requests.filter((r) => r.route === 'createComment')).toHaveLength(1);

    gh.failNext('listComments', { status: 500 });
    expect((await upsertPrComment({ ...opts(40, 'x'), client })).created).toBe(true);
    expect(gh.comments(REPO, 40)).toHaveLength(1);
  });

  it('refuses a bad marker or pull request number before any request', async () => {
    await expect(upsertPrComment({ ...opts(1, 'x'), marker: 'a -- b' })).rejects.toThrow(/marker/);
    await expect(upsertPrComment({ ...opts(1, 'x'), marker: 'x -->' })).rejects.toThrow(/marker/);
    await expect(upsertPrComment(opts(0, 'x'))).rejects.toThrow(/positive integer/);
    expect(gh.requests).toHaveLength(0);
    expect(markerTag('s3-cloudfront-deploy preview')).toBe('<!-- s3-cloudfront-deploy preview -->');
  });
});

interface ComparePage {
  status: string;
  commits: { sha: string }[];
  files?: unknown[];
}

describe('GitHub stand-in', () => {
  const client = () => createGitHubClient({ apiUrl: gh.apiUrl, token: TOKEN, retries: 0 });

  it('compare: 300 files at most, on the first page only; commits paged with a Link header, or the last 250', async () => {
    const repo = 'octo/paging';
    let sha = gh.commit(repo, { files: { 'seed.txt': 's' } });
    const base = sha;
    for (let i = 0; i < 260; i++) sha = gh.commit(repo, { parent: sha, files: { [`f${i}.txt`]: `${i}`, [`g${i}.txt`]: `${i}` } });
    const c = await client();
    // Octokit's paginate types assume a list response; compare pages are whole comparisons.
    const pages: { headers: { link?: string }; data: ComparePage }[] = [];
    for await (const page of c.paginate.iterator(c.rest.repos.compareCommitsWithBasehead, {
      owner: 'octo',
      repo: 'paging',
      basehead: `${base}...${sha}`,
      per_page: 100,
    })) {
      pages.push({ headers: page.headers, data: page.data as unknown as ComparePage });
    }
    expect(pages.map((p) => p.data.commits.length)).toEqual([100, 100, 60]);
    expect(pages.map((p) => p.data.files?.length)).toEqual([300, undefined, undefined]);
    expect(pages[0]!.headers.link).toMatch(/<http:\/\/127\.0\.0\.1:\d+\/repos\/octo\/paging\/compare\/.+page=2>; rel="next"/);
    expect(pages.flatMap((p) => p.data.commits.map((x) => x.sha)).at(-1)).toBe(sha);
    expect(pages[0]!.data).toMatchObject({ status: 'ahead', ahead_by: 260, total_commits: 260, merge_base_commit: { sha: base } });

    const { data: unpaged } = await c.rest.repos.compareCommitsWithBasehead({
      owner: 'octo',
      repo: 'paging',
      basehead: `${base}...${sha}`,
    });
    expect(unpaged.commits).toHaveLength(250);
    expect(unpaged.commits.at(-1)!.sha).toBe(sha);
    expect(unpaged.files).toHaveLength(300);
  });

  it('commits/{sha}: files 300 a page with a Link header, 3,000 at most', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3100; i++) files[`big/${String(i).padStart(4, '0')}.txt`] = `${i}`;
    const sha = gh.commit('octo/bigcommit', { files });
    const c = await client();
    const seen: string[] = [];
    let pages = 0;
    for await (const page of c.paginate.iterator(c.rest.repos.getCommit, { owner: 'octo', repo: 'bigcommit', ref: sha })) {
      pages++;
      seen.push(...((page.data as unknown as { files?: { filename: string }[] }).files ?? []).map((f) => f.filename));
    }
    expect(pages).toBe(10);
    expect(seen).toHaveLength(3000);
    expect(new Set(seen).size).toBe(3000);
    expect(seen[0]).toBe('big/0000.txt');
  });

  it('git trees: recursive or one level, by tree id, commit or ref', async () => {
    const sha = gh.commit('octo/trees', {
      files: { 'a/b/c.txt': 'c', 'a/d.txt': 'd', 'e.txt': 'e', 'run.sh': { content: '#!', mode: '100755' } },
      ref: 'main',
    });
    const c = await client();
    const { data: rec } = await c.rest.git.getTree({ owner: 'octo', repo: 'trees', tree_sha: 'main', recursive: '1' });
    expect(rec.sha).toBe(gh.treeOf('octo/trees', sha));
    expect(rec.truncated).toBe(false);
    expect(rec.tree.map((e) => `${e.type} ${e.mode} ${e.path}`)).toEqual([
      'tree 040000 a',
      'tree 040000 a/b',
      'blob 100644 a/b/c.txt',
      'blob 100644 a/d.txt',
      'blob 100644 e.txt',
      'blob 100755 run.sh',
    ]);
    const { data: top } = await c.rest.git.getTree({ owner: 'octo', repo: 'trees', tree_sha: rec.sha });
    expect(top.tree.map((e) => e.path)).toEqual(['a', 'e.txt', 'run.sh']);
    await expect(c.rest.git.getTree({ owner: 'octo', repo: 'trees', tree_sha: 'f'.repeat(40) })).rejects.toThrow(/HTTP 404: Not Found/);
  });
});
