// The right commit for every event (issue 24), end to end on the in-memory ports with real git histories and
// event payloads as GitHub sends them: the commit that was built (workflow_run.head_sha, pull_request.head.sha,
// not GITHUB_SHA) is what the ledger records and the older-commit guard orders; a force push that discarded
// the live commit deploys; a shallow checkout fetches and deepens what the order needs, and an order that
// cannot be proven is refused; invalidate-only mode without a previous commit follows missing-diff.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { memoryCdn, memoryClock, memoryStore, pipelineRun, recordsDir, tmpDir, type MemoryStore } from './support/memory.js';
import type { DeployState } from '../src/model/data.js';
import { eventCommit } from '../src/plan/event-commit.js';
import { git } from './support/git.js';

const D1 = 'E1ABCDEFGH';
const ZERO = '0000000000000000000000000000000000000000';
const base = { bucket: 'site-bucket', 'distribution-id': D1 };
const ledgerOf = (s: MemoryStore) => JSON.parse(s.text(`${recordsDir(s)}state.json`)) as DeployState;
const deployed = (s: MemoryStore) => ledgerOf(s).deploys!.map((d) => d.sha);
const writes = (s: MemoryStore) => s.ops.filter((o) => !['list', 'head', 'getText', 'etagOf', 'storedMd5'].includes(o.op));

// The GitHub API answers 404 at once (no token, or a repository it does not know): only git can order commits.
let api: http.Server;
let apiUrl = '';
beforeAll(async () => {
  api = http.createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}'));
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

/** The repository on "GitHub": commits change site/index.html (the default path-map maps site/ to /). */
function origin() {
  const dir = tmpDir('origin');
  git(dir, 'init', '-q', '-b', 'main');
  const commit = (msg: string) => {
    fs.mkdirSync(path.join(dir, 'site'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'site', 'index.html'), `home ${msg}`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', msg);
    return git(dir, 'rev-parse', 'HEAD');
  };
  return { dir, url: `file://${dir}`, commit };
}

/**
 * A workspace as actions/checkout leaves it: `depth: 1` fetches just the commit (the default), `0` the whole
 * history.
 */
function checkout(o: { url: string }, sha: string, depth: 0 | 1 = 1): string {
  const ws = tmpDir('checkout');
  git(ws, 'init', '-q');
  git(ws, 'remote', 'add', 'origin', o.url);
  if (depth === 1) git(ws, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', sha);
  else git(ws, 'fetch', '-q', '--no-tags', 'origin', '+refs/heads/*:refs/remotes/origin/*');
  git(ws, 'checkout', '-q', sha);
  return ws;
}

function eventFile(payload: unknown): string {
  const p = path.join(tmpDir('event'), 'event.json');
  fs.writeFileSync(p, JSON.stringify(payload));
  return p;
}

const pushPayload = (before: string, after: string, extra: Record<string, unknown> = {}) => ({
  ref: 'refs/heads/main',
  before,
  after,
  created: before === ZERO,
  deleted: false,
  forced: false,
  base_ref: null,
  compare: `https://github.com/acme/site/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
  commits: [],
  head_commit: { id: after, tree_id: '', distinct: true, message: 'x' },
  repository: { full_name: 'acme/site', default_branch: 'main' },
  ...extra,
});

function runs() {
  const store = memoryStore();
  const cdn = memoryCdn();
  const clock = memoryClock();
  /** One run of the action in `ws` for `event` with `payload`, GITHUB_SHA as the runner sets it. */
  const run = (
    ws: string,
    event: string,
    payload: unknown,
    githubSha: string,
    site: Record<string, string>,
    inputs: Record<string, string> = {},
  ) =>
    pipelineRun({ ...base, ...inputs }, site, {
      store,
      cdn,
      clock,
      workspace: ws,
      env: { GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: eventFile(payload), GITHUB_SHA: githubSha, GITHUB_API_URL: apiUrl },
    });
  return { store, cdn, run };
}

describe('eventCommit: the commit a run builds, per event', () => {
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);
  it.each<[string, string, Record<string, unknown>, string, string]>([
    ['push', 'push', { before: A, after: B }, B, 'GITHUB_SHA'],
    [
      'workflow_run: workflow_run.head_sha, not the default branch tip',
      'workflow_run',
      { workflow_run: { head_sha: A } },
      A,
      'workflow_run.head_sha',
    ],
    [
      'pull_request: the head, not the merge commit',
      'pull_request',
      { pull_request: { head: { sha: A }, base: { sha: B } } },
      A,
      'pull_request.head.sha',
    ],
    [
      'pull_request_target: the head, not the base tip',
      'pull_request_target',
      { pull_request: { head: { sha: A } } },
      A,
      'pull_request.head.sha',
    ],
    ['workflow_dispatch', 'workflow_dispatch', {}, B, 'GITHUB_SHA'],
  ])('%s', (_name, event, payload, sha, source) => {
    expect(eventCommit(event, payload, B)).toMatchObject({ sha, source });
  });
});

describe('1. workflow_run: the commit built (workflow_run.head_sha)', () => {
  it('a late build of an older commit is refused over a newer deploy; a newer one deploys, diffed against the live deploy, and is what the ledger records', async () => {
    const o = origin();
    const A = o.commit('A');
    const B = o.commit('B');
    const { store, run } = runs();
    // "Build on push, deploy on workflow_run": B's build finished first and deployed.
    const wr = (head: string) => ({
      action: 'completed',
      workflow_run: {
        id: 1,
        name: 'Build',
        event: 'push',
        status: 'completed',
        conclusion: 'success',
        head_branch: 'main',
        head_sha: head,
      },
      workflow: { name: 'Build' },
      repository: { full_name: 'acme/site', default_branch: 'main' },
    });
    // GITHUB_SHA of a workflow_run is the default branch's tip (B) whatever was built.
    const rB = await run(checkout(o, B), 'workflow_run', wr(B), B, { 'index.html': 'home B' });
    expect(rB.failure).toBeNull();
    expect(deployed(store)).toEqual([B]);

    store.resetOps();
    const rA = await run(checkout(o, A), 'workflow_run', wr(A), B, { 'index.html': 'home A' });
    expect(rA.failed).toBe(true);
    expect(rA.failure).toContain(`The bucket holds a deploy of ${B.slice(0, 12)}, which is newer than this run's commit ${A.slice(0, 12)}`);
    expect(writes(store)).toEqual([]);
    expect(store.text('index.html')).toBe('home B');

    const C = o.commit('C');
    const rC = await run(checkout(o, C), 'workflow_run', wr(C), C, { 'index.html': 'home C' });
    expect(rC.failure).toBeNull();
    expect(deployed(store)).toEqual([C, B]);
    expect(rC.report!.commit).toMatchObject({ sha: C, source: 'workflow_run.head_sha', live: B, order: 'newer', verdict: 'deploy' });
    // No before/after in a workflow_run payload: the diff is from the live deploy's commit.
    expect(rC.report!.diff).toMatchObject({ files: 1 });
    expect(rC.report!.diff!.source).toContain('the live deploy..this commit');
  });

  it('the ledger records workflow_run.head_sha even when GITHUB_SHA (the default branch tip) is newer', async () => {
    const o = origin();
    const A = o.commit('A');
    const B = o.commit('B');
    const { store, run } = runs();
    const payload = { action: 'completed', workflow_run: { head_sha: A, head_branch: 'main', event: 'push' } };
    expect((await run(checkout(o, A), 'workflow_run', payload, B, { 'index.html': 'home A' })).failure).toBeNull();
    expect(deployed(store)).toEqual([A]);
  });
});

describe('2. pull-request previews: ordered by the pull request head, not the merge commit', () => {
  it('a re-run of an older run is refused over a newer preview; the ledger records the head', async () => {
    const o = origin();
    const M0 = o.commit('main');
    git(o.dir, 'checkout', '-q', '-b', 'feature');
    const P1 = o.commit('P1');
    const P2 = o.commit('P2');
    git(o.dir, 'checkout', '-q', 'main');
    // GitHub's refs/pull/7/merge at the time of each push: a merge commit of main and the head.
    const merge = (head: string) => git(o.dir, 'commit-tree', '-p', M0, '-p', head, '-m', `Merge ${head} into ${M0}`, `${head}^{tree}`);
    const M1 = merge(P1);
    const M2 = merge(P2);
    git(o.dir, 'update-ref', 'refs/pull/7/merge', M2);
    git(o.dir, 'update-ref', 'refs/pull/7/head', P2);
    const pr = (head: string, before: string) => ({
      action: 'synchronize',
      number: 7,
      before,
      after: head,
      pull_request: {
        number: 7,
        head: { sha: head, ref: 'feature', repo: { full_name: 'acme/site' } },
        base: { sha: M0, ref: 'main', repo: { full_name: 'acme/site' } },
        merge_commit_sha: head === P2 ? M2 : M1,
      },
    });
    const { store, run } = runs();
    const inputs = { prefix: 'previews/pr-7/' };
    const ledger = () => JSON.parse(store.text(`${recordsDir(store, 'previews/pr-7/')}state.json`)) as DeployState;

    // GITHUB_SHA of a pull_request run is the merge commit; actions/checkout checks it out at depth 1.
    const r2 = await run(checkout(o, M2), 'pull_request', pr(P2, P1), M2, { 'index.html': 'preview P2' }, inputs);
    expect(r2.failure).toBeNull();
    expect(ledger().deploys!.map((d) => d.sha)).toEqual([P2]);
    expect(r2.report!.commit).toMatchObject({ sha: P2, source: 'pull_request.head.sha' });

    // Re-run of the run for P1: its merge commit M1 does not descend from M2 (diverged), but P2 descends from P1.
    store.resetOps();
    const r1 = await run(checkout(o, M1), 'pull_request', pr(P1, M0), M1, { 'index.html': 'preview P1' }, inputs);
    expect(r1.failed).toBe(true);
    expect(r1.failure).toContain(
      `The bucket holds a deploy of ${P2.slice(0, 12)}, which is newer than this run's commit ${P1.slice(0, 12)}`,
    );
    expect(writes(store)).toEqual([]);
    expect(store.text('previews/pr-7/index.html')).toBe('preview P2');
  });
});

describe('3. invalidate-only mode with no previous commit', () => {
  const o = origin();
  const T = o.commit('T');
  const ws = checkout(o, T);
  const tagPush = pushPayload(ZERO, T, { ref: 'refs/tags/v1.0.0', created: true, base_ref: 'refs/heads/main' });
  const inputs = { upload: 'false', 'source-dir': '', bucket: '', 'distribution-id': D1 };
  const events: [string, string, unknown][] = [
    ['a tag push (before is all zeros)', 'push', tagPush],
    ['release', 'release', { action: 'published', release: { tag_name: 'v1.0.0', target_commitish: 'main' } }],
    ['schedule', 'schedule', { schedule: '0 3 * * *' }],
    ['workflow_run', 'workflow_run', { action: 'completed', workflow_run: { head_sha: T, head_branch: 'main', event: 'push' } }],
    ['repository_dispatch', 'repository_dispatch', { action: 'deploy', client_payload: {} }],
  ];

  it.each(events)('%s with missing-diff: all invalidates /*', async (_name, event, payload) => {
    const { cdn, run } = runs();
    const r = await run(ws, event, payload, T, {}, { ...inputs, 'missing-diff': 'all' });
    expect(r.failure).toBeNull();
    expect(cdn.sent()).toEqual([[D1, ['/*']]]);
  });

  it.each(events)(
    '%s with missing-diff: warn (the default) warns that nothing of the commit is invalidated',
    async (_name, event, payload) => {
      const { cdn, run } = runs();
      const r = await run(ws, event, payload, T, {}, inputs);
      expect(r.failure).toBeNull();
      expect(cdn.sent()).toEqual([]);
      expect(r.log.lines.warning.some((w) => w.startsWith('No commit diff (') && w.includes('missing-diff: all'))).toBe(true);
    },
  );

  it('a tag push is logged as a tag, not as a new branch', async () => {
    const { run } = runs();
    const r = await run(ws, 'push', tagPush, T, {}, inputs);
    expect(r.log.lines.info).toContain(
      'push of tag v1.0.0 (a tag has no previous commit): no commit diff; set diff-base to diff against a commit',
    );
    expect(r.log.text()).not.toContain('new branch');
  });

  it('a manual run with the paths input sends just those paths, without a warning', async () => {
    const { cdn, run } = runs();
    const r = await run(ws, 'workflow_dispatch', { inputs: { paths: '/a.html' } }, T, {}, { ...inputs, paths: '/a.html' });
    expect(r.failure).toBeNull();
    expect(cdn.sent()).toEqual([[D1, ['/a.html']]]);
    expect(r.log.lines.warning).toEqual([]);
  });
});

describe('4. a force push back to a good commit', () => {
  it('deploys over the commit it discarded (full history: fetch-depth 0); a later re-run of that run is refused over a newer deploy', async () => {
    const o = origin();
    o.commit('P');
    const G = o.commit('G');
    const X = o.commit('X (bad)');
    const { store, run } = runs();
    expect((await run(checkout(o, X, 0), 'push', pushPayload(G, X), X, { 'index.html': 'bad X' })).failure).toBeNull();

    // git branch keep-x && git reset --hard G && git push --force: the checkout has X's history (G is older).
    git(o.dir, 'branch', 'keep-x', X);
    git(o.dir, 'reset', '-q', '--hard', G);
    const forced = pushPayload(X, G, { forced: true });
    const rG = await run(checkout(o, G, 0), 'push', forced, G, { 'index.html': 'good G' });
    expect(rG.failure).toBeNull();
    expect(store.text('index.html')).toBe('good G');
    expect(deployed(store)).toEqual([G, X]);
    expect(rG.report!.commit).toMatchObject({ sha: G, live: X, order: 'older', verdict: 'deploy', reason: 'force-push' });

    // H lands on G and deploys; then someone re-runs the force push's run: it discarded X, not H.
    const H = o.commit('H');
    expect((await run(checkout(o, H, 0), 'push', pushPayload(G, H), H, { 'index.html': 'home H' })).failure).toBeNull();
    const again = await run(checkout(o, G, 0), 'push', forced, G, { 'index.html': 'good G' });
    expect(again.failed).toBe(true);
    expect(again.failure).toContain(`The bucket holds a deploy of ${H.slice(0, 12)}, which is newer`);
    expect(store.text('index.html')).toBe('home H');
  });

  it('with the default shallow checkout too (the discarded commit fetched by id, as GitHub serves it)', async () => {
    const o = origin();
    git(o.dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    o.commit('P');
    const G = o.commit('G');
    const X = o.commit('X (bad)');
    const { store, run } = runs();
    expect((await run(checkout(o, X), 'push', pushPayload(G, X), X, { 'index.html': 'bad X' })).failure).toBeNull();
    git(o.dir, 'reset', '-q', '--hard', G);
    const rG = await run(checkout(o, G), 'push', pushPayload(X, G, { forced: true }), G, { 'index.html': 'good G' });
    expect(rG.failure).toBeNull();
    expect(rG.report!.commit).toMatchObject({ sha: G, live: X, verdict: 'deploy', reason: 'force-push' });
    expect(store.text('index.html')).toBe('good G');
  });
});

describe('5. the guard with a shallow checkout (actions/checkout default, depth 1)', () => {
  it('fetches and deepens to prove the order: an older commit is refused, a newer one deploys, with no github-token', async () => {
    const o = origin();
    const A = o.commit('A');
    for (let i = 0; i < 60; i++) o.commit(`between ${i}`); // past the first deepening step
    const B = o.commit('B');
    const { store, run } = runs();
    expect((await run(checkout(o, B), 'push', pushPayload(A, B), B, { 'index.html': 'home B' })).failure).toBeNull();

    store.resetOps();
    const rA = await run(checkout(o, A), 'workflow_dispatch', {}, A, { 'index.html': 'home A' });
    expect(rA.failed).toBe(true);
    expect(rA.failure).toContain(`The bucket holds a deploy of ${B.slice(0, 12)}, which is newer than this run's commit ${A.slice(0, 12)}`);
    expect(writes(store)).toEqual([]);

    const C = o.commit('C');
    const rC = await run(checkout(o, C), 'push', pushPayload(B, C), C, { 'index.html': 'home C' });
    expect(rC.failure).toBeNull();
    expect(rC.report!.commit).toMatchObject({ order: 'newer', reason: 'newer' });
    expect(deployed(store)).toEqual([C, B]);
  });

  it('when the compare API cannot answer (404), the checkout is deepened further and proves the order', async () => {
    const o = origin();
    const A = o.commit('A');
    for (let i = 0; i < 120; i++) o.commit(`between ${i}`);
    const B = o.commit('B');
    const { store, run } = runs();
    const token = { 'github-token': 'ghs_test' };
    expect((await run(checkout(o, B), 'push', pushPayload(A, B), B, { 'index.html': 'home B' }, token)).failure).toBeNull();
    const rA = await run(checkout(o, A), 'workflow_dispatch', {}, A, { 'index.html': 'home A' }, token);
    expect(rA.failure).toContain(`The bucket holds a deploy of ${B.slice(0, 12)}, which is newer than this run's commit ${A.slice(0, 12)}`);
    expect(rA.log.lines.info.filter((l) => l.startsWith('Shallow checkout: deepening'))).toEqual([
      'Shallow checkout: deepening the history of both commits by 50 to order them',
      'Shallow checkout: deepening the history of both commits by 200 to order them',
    ]);
    expect(store.text('index.html')).toBe('home B');
  });

  it('an order that cannot be proven (the live commit cannot be fetched, no github-token) is refused unless allow-older', async () => {
    const o = origin();
    const A = o.commit('A');
    const B = o.commit('B');
    const { store, run } = runs();
    // A first deploy (no ledger) needs no history at all.
    expect((await run(checkout(o, B), 'push', pushPayload(A, B), B, { 'index.html': 'home B' })).failure).toBeNull();
    // A re-run of the live commit (same) needs none either, even with the remote gone.
    const gone = checkout(o, B);
    git(gone, 'remote', 'remove', 'origin');
    expect((await run(gone, 'push', pushPayload(A, B), B, { 'index.html': 'home B', 'x.html': 'x' })).failure).toBeNull();

    // Another commit from a checkout that cannot reach the live commit.
    const C = o.commit('C');
    const ws = checkout(o, C);
    git(ws, 'remote', 'remove', 'origin');
    store.resetOps();
    const rC = await run(ws, 'push', pushPayload(B, C), C, { 'index.html': 'home C' });
    expect(rC.failed).toBe(true);
    expect(rC.failure).toContain(
      `Could not tell whether this run's commit ${C.slice(0, 12)} is older than the live deploy's ${B.slice(0, 12)}`,
    );
    expect(rC.failure).toContain('fetch-depth: 0');
    expect(rC.failure).toContain('github-token');
    expect(writes(store)).toEqual([]);

    const allowed = await run(ws, 'push', pushPayload(B, C), C, { 'index.html': 'home C' }, { 'allow-older': 'true' });
    expect(allowed.failure).toBeNull();
    expect(allowed.report!.commit).toMatchObject({ order: 'unknown', verdict: 'deploy', reason: 'allow-older' });
    expect(store.text('index.html')).toBe('home C');
  });
});
