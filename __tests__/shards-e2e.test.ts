// Sharded deploys and previews, end to end against the real local S3 server (fauxqs), the CloudFront stand-in
// and the GitHub API stand-in:
// - shards with `invalidate: defer` send nothing; ONE consolidating job sends one invalidation for all of them
//   and clears exactly the records it consumed (a late shard's record, a rewritten record survive);
// - two consolidating jobs at once never send the same records twice (the deploy lock, on a proxy that
//   enforces S3's conditional writes);
// - pull request previews: the url output, one comment kept up to date, remove-prefix, and a production deploy
//   that leaves the previews alone.
import fs from 'node:fs';
import path from 'node:path';
import { createS3Store } from '../src/io/s3/store.js';
import type { Deps } from '../src/main.js';
import { run } from '../src/main.js';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { startGitHub, type GitHubStandIn } from '../testing/github-standin.mjs';
import { startFaultProxy, type FaultProxy } from '../testing/s3-fault-proxy.mjs';
import { getText, listKeys, runAction, s3Client, tmpDir, writeTree, type RunResult } from './support/harness.js';

const DIST = 'ESHARDS12345';
const REPO = 'acme/site';
const TOKEN = 'ghs_preview_token';

let s3: S3StandIn;
let cf: CloudFrontStandIn;
let gh: GitHubStandIn;
let proxy: FaultProxy;
const savedCreds = { ...process.env };

beforeAll(async () => {
  [s3, cf, gh] = await Promise.all([
    startS3({ buckets: ['shard-bucket', 'late-bucket', 'race-bucket', 'race-control', 'preview-bucket'] }),
    startCloudFront({ completeAfterPolls: 1 }),
    startGitHub({ token: TOKEN }),
  ]);
  proxy = await startFaultProxy(s3.endpoint, { enforceConditionalWrites: true });
  gh.createRepository(REPO);
  // runIsolated (below) does not put these in process.env; the SDK's default credential chain reads them there.
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
}, 60_000);

afterAll(async () => {
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
    if (savedCreds[k] === undefined) delete process.env[k];
    else process.env[k] = savedCreds[k];
  }
  await Promise.all([proxy?.stop(), s3?.stop(), cf?.stop(), gh?.stop()]);
});

const client = () => s3Client(s3.endpoint);
const creates = (dist = DIST) => cf.calls.filter((c) => c.operation === 'CreateInvalidation' && c.distributionId === dist);
const owedKeys = (keys: string[]) => keys.filter((k) => /(^|\/)\.s3cfd-[0-9a-z]{20,}\/owed\//.test(k));
const sorted = (a: readonly string[]) => [...a].sort();

/** A shard's site, per prefix: v1 then v2 (null deletes). Fingerprinted bundles change name, never content. */
const SHARDS: Record<string, { v1: Record<string, string>; v2: Record<string, string | null>; stale: string[] }> = {
  'docs/': {
    v1: {
      'index.html': '<script src="assets/app-Bq3x7KeL.js"></script>docs v1',
      'a.html': 'a v1',
      'b.html': 'b v1',
      'c.html': 'c v1',
      'assets/app-Bq3x7KeL.js': 'app 1',
    },
    v2: {
      'index.html': '<script src="assets/app-Zx9pQ2Wm.js"></script>docs v2',
      'a.html': 'a v2',
      'b.html': null,
      'assets/app-Bq3x7KeL.js': null,
      'assets/app-Zx9pQ2Wm.js': 'app 2',
    },
    stale: ['/docs/', '/docs/a.html', '/docs/b.html', '/docs/index.html'],
  },
  'blog/': {
    v1: {
      'index.html': 'blog v1',
      'post1.html': 'post1 v1',
      'post2.html': 'post2 v1',
      'assets/blog-D4rT7uYq.css': 'css 1',
    },
    v2: { 'post1.html': 'post1 v2', 'assets/blog-D4rT7uYq.css': null, 'assets/blog-Kp2sW8nE.css': 'css 2' },
    stale: ['/blog/post1.html'],
  },
  'shop/': {
    v1: { 'index.html': 'shop v1', 'cart.html': 'cart v1', 'item.html': 'item v1' },
    v2: { 'index.html': 'shop v2', 'cart.html': null },
    stale: ['/shop/', '/shop/cart.html', '/shop/index.html'],
  },
};
const ALL_STALE = sorted(Object.values(SHARDS).flatMap((s) => s.stale));

function s3Env(endpoint = s3.endpoint): Record<string, string> {
  return { AWS_ENDPOINT_URL_S3: endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint };
}

/** One shard of the matrix: its folder deployed to its prefix, `invalidate: defer`. */
function shardInputs(bucket: string, prefix: string, site: string): Record<string, string> {
  return {
    'source-dir': site,
    bucket,
    prefix,
    'distribution-id': DIST,
    'delete-removed': 'true',
    invalidate: 'defer',
  };
}

/** The consolidating job, as in examples/sharded-deploy.yml. */
function consolidatorInputs(bucket: string): Record<string, string> {
  return { upload: 'false', bucket, 'distribution-id': DIST, invalidate: 'none' };
}

/** Sites for each shard in its own folder (v1 written). */
function shardSites(): Record<string, string> {
  const sites: Record<string, string> = {};
  for (const [prefix, s] of Object.entries(SHARDS)) {
    sites[prefix] = tmpDir(`shard-${prefix.slice(0, -1)}`);
    writeTree(sites[prefix]!, s.v1);
  }
  return sites;
}

function expectOk(r: RunResult, what: string): void {
  if (r.failed) throw new Error(`${what} failed:\n${r.log}`);
}

/** Deploy every shard's v1 then v2 (as the matrix would on two pushes); returns the v2 runs' ids by prefix. */
async function deployShardsTwice(bucket: string, sites: Record<string, string>, runBase: number, prefixes = Object.keys(SHARDS)) {
  const v2Runs: Record<string, string> = {};
  for (const prefix of prefixes) {
    const r = await runAction(shardInputs(bucket, prefix, sites[prefix]!), { ...s3Env(), GITHUB_RUN_ID: String(runBase++) });
    expectOk(r, `first deploy of ${prefix}`);
  }
  for (const prefix of prefixes) {
    writeTree(sites[prefix]!, SHARDS[prefix]!.v2);
    const runId = String(runBase++);
    const r = await runAction(shardInputs(bucket, prefix, sites[prefix]!), { ...s3Env(), GITHUB_RUN_ID: runId });
    expectOk(r, `second deploy of ${prefix}`);
    // The report shows the invalidation it left for the consolidating job: planned, Deferred, not sent.
    expect(r.report.invalidations).toEqual([
      expect.objectContaining({ distributionId: DIST, id: '', status: 'Deferred', paths: expect.any(Array) }),
    ]);
    expect(r.outputs['invalidation-id']).toBe('');
    v2Runs[prefix] = runId;
  }
  return v2Runs;
}

interface IsolatedResult {
  report: (Record<string, unknown> & { invalidations: Array<Record<string, unknown>> }) | null;
  log: string[];
}

/**
 * run() with its own env object and inputs (never process.env), so that two runs can overlap: runAction swaps
 * process.env and stdout for the length of a run. Outputs and failures go through @actions/core (process-wide):
 * read the report and the log instead.
 */
async function runIsolated(inputs: Record<string, string>, env: Record<string, string>, overrides: Partial<Deps> = {}) {
  const dir = tmpDir('iso');
  const reportPath = path.join(dir, 'report.json');
  const all: Record<string, string> = { ...inputs, 'report-path': reportPath };
  const log: string[] = [];
  const push = (level: string) => (m: string) => void log.push(`${level}: ${m}`);
  const savedExit = process.exitCode;
  await run({
    env: { RUNNER_TEMP: dir, GITHUB_REPOSITORY: REPO, GITHUB_RUN_ATTEMPT: '1', AWS_REGION: 'us-east-1', ...env },
    getInput: (name) => (all[name] ?? '').trim(),
    // A real clock with short sleeps: the lock's polls and expiry behave as in production, only faster.
    clock: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))) },
    pollDelayMs: 1,
    log: { info: push('info'), debug: () => {}, notice: push('notice'), warning: push('warning'), group: (_n, fn) => fn() },
    ...overrides,
  });
  process.exitCode = savedExit;
  const report = fs.existsSync(reportPath) ? (JSON.parse(fs.readFileSync(reportPath, 'utf8')) as IsolatedResult['report']) : null;
  return { report, log } satisfies IsolatedResult;
}

/** A run inside another one (from a store wrapper): isolated, so the outer run's inputs do not leak in. */
async function runInside(inputs: Record<string, string>, env: Record<string, string>, what: string): Promise<IsolatedResult> {
  const r = await runIsolated(inputs, env);
  if (!r.report || r.report['error']) throw new Error(`${what} failed:\n${r.log.join('\n')}`);
  return r;
}

describe('sharded deploy: invalidate: defer, then one consolidating job', () => {
  it('three shards defer; the consolidating job sends ONE invalidation with every stale URL and clears the records', async () => {
    const bucket = 'shard-bucket';
    const sites = shardSites();
    cf.reset();
    const runs = await deployShardsTwice(bucket, sites, 1001);

    // No shard sent anything, not even on its second deploy with stale pages.
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation')).toEqual([]);
    // Each v2 run left its exact stale URL paths in its own records folder, keyed by run and attempt.
    const keys = await listKeys(client(), bucket);
    const owed = owedKeys(keys);
    expect(owed).toHaveLength(3);
    for (const [prefix, runId] of Object.entries(runs)) {
      const mine = owed.filter((k) => k.startsWith(prefix));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatch(new RegExp(`^${prefix}\\.s3cfd-[0-9a-z]{24}/owed/${DIST}/${runId}-1\\.json$`));
      const body = JSON.parse(await getText(client(), bucket, mine[0]!)) as { distributionId: string; paths: string[]; note: string };
      expect(body.distributionId).toBe(DIST);
      expect(sorted(body.paths)).toEqual(SHARDS[prefix]!.stale);
    }
    // The removed fingerprinted bundles are still there for open pages (keep-removed), and were never owed.
    expect(keys).toEqual(expect.arrayContaining(['docs/assets/app-Bq3x7KeL.js', 'blog/assets/blog-D4rT7uYq.css']));

    const r = await runAction(consolidatorInputs(bucket), { ...s3Env(), GITHUB_RUN_ID: '2001' });
    expectOk(r, 'consolidating job');
    const sent = creates();
    expect(sent).toHaveLength(1);
    expect(sorted(sent[0]!.paths!)).toEqual(ALL_STALE);
    // No fingerprinted asset (old or new) is in the invalidation, not even through a wildcard.
    for (const p of sent[0]!.paths!) {
      expect(p).not.toMatch(/assets|\*/);
    }
    expect(r.outputs['invalidation-id']).toBe(cf.invalidations(DIST)[0]!.id);

    // The report names each shard's record: key, distribution, which run and prefix left it, how many paths.
    const collected = r.report['collected'] as Array<{ key: string; distributionId: string; note: string; paths: number }>;
    // (the records folders' random names hidden, as everywhere the action prints)
    const shown = (k: string) => k.replace(/\.s3cfd-[0-9a-z]{24}\//, '.s3cfd-<hidden>/');
    expect(sorted(collected.map((c) => c.key))).toEqual(sorted(owed.map(shown)));
    expect(JSON.stringify(r.report) + r.summary + r.log).not.toMatch(/\.s3cfd-[0-9a-z]{24}/);
    for (const [prefix, runId] of Object.entries(runs)) {
      const c = collected.find((x) => x.key.startsWith(prefix))!;
      expect(c).toEqual({
        key: expect.stringContaining(`/owed/${DIST}/${runId}-1.json`),
        distributionId: DIST,
        note: `run ${runId} attempt 1, prefix '${prefix}', complete`,
        paths: SHARDS[prefix]!.stale.length,
      });
      expect(r.summary).toContain(runId);
    }
    expect(r.summary).toContain('Owed invalidations collected: 3 record(s)');

    // Every record it consumed is gone, and so are its own record and the lock; the site is untouched.
    const after = await listKeys(client(), bucket);
    expect(owedKeys(after)).toEqual([]);
    expect(after.filter((k) => k.endsWith('.s3cfd-lock.json'))).toEqual([]);
    expect(after).toEqual(keys.filter((k) => !owed.includes(k)));

    // Nothing is owed any more: a second consolidating run sends nothing.
    const again = await runAction(consolidatorInputs(bucket), { ...s3Env(), GITHUB_RUN_ID: '2002' });
    expectOk(again, 'second consolidating job');
    expect(creates()).toHaveLength(1);
  });

  it('a shard that finishes after the consolidating job listed the bucket keeps its record for the next run', async () => {
    const bucket = 'late-bucket';
    const sites = shardSites();
    cf.reset();
    // docs/ and blog/ are done before the consolidating job starts; shop/ has only its first deploy.
    await deployShardsTwice(bucket, sites, 3001, ['docs/', 'blog/']);
    expectOk(
      await runAction(shardInputs(bucket, 'shop/', sites['shop/']!), { ...s3Env(), GITHUB_RUN_ID: '3100' }),
      'first deploy of shop/',
    );
    writeTree(sites['shop/']!, SHARDS['shop/']!.v2);

    // The consolidating job's store: right after its listing (its first list call), the late shop/ shard runs.
    let lateShard: IsolatedResult | null = null;
    const interleaved: Deps['store'] = (c, sizes) => {
      const real = createS3Store(c.bucket, { region: 'us-east-1', concurrency: c.concurrency, ...sizes, env: s3Env() });
      let lists = 0;
      return {
        ...real,
        async list(prefix) {
          const listed = await real.list(prefix);
          if (++lists === 1) {
            lateShard = await runInside(
              shardInputs(bucket, 'shop/', sites['shop/']!),
              { ...s3Env(), GITHUB_RUN_ID: '3101' },
              'late shop/ shard',
            );
          }
          return listed;
        },
      };
    };
    const r = await runAction(consolidatorInputs(bucket), { ...s3Env(), GITHUB_RUN_ID: '4001' }, { store: interleaved });
    expectOk(r, 'consolidating job');
    expect(lateShard).not.toBeNull();

    // It sent what it had listed: docs/ and blog/ only.
    expect(creates()).toHaveLength(1);
    expect(sorted(creates()[0]!.paths!)).toEqual(sorted([...SHARDS['docs/']!.stale, ...SHARDS['blog/']!.stale]));
    // The late shard's record survives.
    const left = owedKeys(await listKeys(client(), bucket));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^shop/\\.s3cfd-[0-9a-z]{24}/owed/${DIST}/3101-1\\.json$`));

    // The next consolidating run sends it, and only it.
    const next = await runAction(consolidatorInputs(bucket), { ...s3Env(), GITHUB_RUN_ID: '4002' });
    expectOk(next, 'next consolidating job');
    expect(creates()).toHaveLength(2);
    expect(sorted(creates()[1]!.paths!)).toEqual(SHARDS['shop/']!.stale);
    expect((next.report['collected'] as Array<{ key: string }>).map((c) => c.key)).toEqual(
      left.map((k) => k.replace(/\.s3cfd-[0-9a-z]{24}\//, '.s3cfd-<hidden>/')),
    );
    expect(owedKeys(await listKeys(client(), bucket))).toEqual([]);
  });

  it('a record rewritten after the consolidating job read it (a re-run of the same attempt) survives', async () => {
    const bucket = 'late-bucket';
    cf.reset();
    const site = tmpDir('rewrite');
    writeTree(site, { 'index.html': 'i1', 'x.html': 'x1', 'y.html': 'y1' });
    const env = (runId: string) => ({ ...s3Env(), GITHUB_RUN_ID: runId });
    expectOk(await runAction(shardInputs(bucket, 'news/', site), env('5000')), 'first deploy of news/');
    writeTree(site, { 'x.html': 'x2' });
    expectOk(await runAction(shardInputs(bucket, 'news/', site), env('5001')), 'second deploy of news/');
    const [record] = owedKeys(await listKeys(client(), bucket));
    expect(JSON.parse(await getText(client(), bucket, record!)).paths).toEqual(['/news/x.html']);

    // After the consolidating job read the record (it is writing its own record now), the same run id and attempt
    // deploys again with another change: the record is rewritten with what that run owes now.
    const rewriting: Deps['store'] = (c, sizes) => {
      const real = createS3Store(c.bucket, { region: 'us-east-1', concurrency: c.concurrency, ...sizes, env: s3Env() });
      let done = false;
      return {
        ...real,
        async putText(key, body, condition) {
          if (!done && key.includes('/owed/') && !key.startsWith('news/')) {
            done = true;
            writeTree(site, { 'y.html': 'y2' });
            await runInside(shardInputs(bucket, 'news/', site), env('5001'), 'rewriting deploy of news/');
          }
          return real.putText(key, body, condition);
        },
      };
    };
    const r = await runAction(consolidatorInputs(bucket), env('6001'), { store: rewriting });
    expectOk(r, 'consolidating job');
    expect(creates().map((c) => c.paths)).toEqual([['/news/x.html']]);
    // Same key, new content (the re-run owes its new page and still carries what its prefix owed): not deleted,
    // and the next run sends it.
    expect(owedKeys(await listKeys(client(), bucket))).toEqual([record]);
    expect(sorted(JSON.parse(await getText(client(), bucket, record!)).paths)).toEqual(['/news/x.html', '/news/y.html']);
    expectOk(await runAction(consolidatorInputs(bucket), env('6002')), 'next consolidating job');
    expect(creates().map((c) => sorted(c.paths!))).toEqual([['/news/x.html'], ['/news/x.html', '/news/y.html']]);
    expect(owedKeys(await listKeys(client(), bucket))).toEqual([]);
  });

  it('two consolidating jobs at once send each record set once (the deploy lock), and leave no record', async () => {
    const bucket = 'race-bucket';
    const sites = shardSites();
    cf.reset();
    proxy.clear();
    await deployShardsTwice(bucket, sites, 7001);
    expect(owedKeys(await listKeys(client(), bucket))).toHaveLength(3);

    const env = (runId: string) => ({ ...s3Env(proxy.endpoint), GITHUB_RUN_ID: runId });
    const [a, b] = await Promise.all([
      runIsolated(consolidatorInputs(bucket), env('8001')),
      runIsolated(consolidatorInputs(bucket), env('8002')),
    ]);
    expect(a.report?.['error']).toBeUndefined();
    expect(b.report?.['error']).toBeUndefined();
    // Both got as far as a report: neither failed (e.g. on the lock).
    expect(a.report).not.toBeNull();
    expect(b.report).not.toBeNull();

    const sent = creates();
    expect(sent).toHaveLength(1);
    expect(sorted(sent[0]!.paths!)).toEqual(ALL_STALE);
    // The two really overlapped: one found the other's lock (a 412 from the conditional create).
    expect(proxy.preconditionFailures).toBeGreaterThan(0);
    // Exactly one of them collected the records; the other, after waiting, found nothing owed.
    const collectedBy = [a, b].filter((x) => Array.isArray(x.report?.['collected']));
    expect(collectedBy).toHaveLength(1);
    const other = collectedBy[0] === a ? b : a;
    expect(other.log.some((l) => l.includes('Waiting for deploy lock .s3cfd-lock.json'))).toBe(true);
    expect(owedKeys(await listKeys(client(), bucket))).toEqual([]);
    expect((await listKeys(client(), bucket)).filter((k) => k.endsWith('.s3cfd-lock.json'))).toEqual([]);
  });

  it('control: on a store that ignores conditional writes, the same race does double-send (so the test above can fail)', async () => {
    const bucket = 'race-control';
    const sites = shardSites();
    cf.reset();
    proxy.enforceConditionalWrites(false);
    try {
      await deployShardsTwice(bucket, sites, 9001);
      const env = (runId: string) => ({ ...s3Env(proxy.endpoint), GITHUB_RUN_ID: runId });
      const [a, b] = await Promise.all([
        runIsolated(consolidatorInputs(bucket), env('9101')),
        runIsolated(consolidatorInputs(bucket), env('9102')),
      ]);
      // Both "took" the lock (no 412) and both sent the same records.
      expect(a.report?.['collected']).toHaveLength(3);
      expect(b.report?.['collected']).toHaveLength(3);
      expect(creates()).toHaveLength(2);
    } finally {
      proxy.enforceConditionalWrites(true);
    }
  });
});

describe('pull request previews', () => {
  const bucket = 'preview-bucket';
  const PR = 7;
  const prefix = `previews/pr-${PR}/`;
  const previewUrl = `https://preview.example.com/previews/pr-${PR}/`;
  const marker = `<!-- s3-cloudfront-deploy ${bucket}/${prefix} -->`;
  const preview = tmpDir('preview');
  const production = tmpDir('production');
  let eventPath: string;
  const ghEnv = (runId: string) => ({
    ...s3Env(),
    GITHUB_API_URL: gh.apiUrl,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: runId,
  });
  const previewInputs = {
    'source-dir': preview,
    bucket,
    prefix,
    'distribution-id': DIST,
    'delete-removed': 'true',
    'preview-url': previewUrl,
    'pr-comment': 'true',
    'github-token': TOKEN,
  };
  const previewKeys = async () => (await listKeys(client(), bucket)).filter((k) => k.startsWith(prefix));

  beforeAll(() => {
    const dir = tmpDir('event');
    eventPath = path.join(dir, 'event.json');
    fs.writeFileSync(eventPath, JSON.stringify({ action: 'synchronize', number: PR, pull_request: { number: PR } }));
  });

  it('a pull request deploy sets the url output and creates ONE comment with the URL', async () => {
    cf.reset();
    gh.clearRequests();
    writeTree(preview, { 'index.html': 'preview v1', 'guide.html': 'guide v1', 'old.html': 'old' });
    const r = await runAction(previewInputs, ghEnv('11'));
    expectOk(r, 'preview deploy');
    expect(r.outputs['url']).toBe(previewUrl);
    const comments = gh.comments(REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(marker);
    expect(comments[0]!.body).toContain(`Preview deployed: ${previewUrl}`);
    expect(comments[0]!.body).toContain('Uploaded 3, unchanged 0, deleted 0');
    expect(gh.requests.filter((q) => q.route === 'createComment')).toHaveLength(1);
    expect(sorted((await previewKeys()).filter((k) => !k.includes('.s3cfd-')))).toEqual(
      sorted(['index.html', 'guide.html', 'old.html'].map((k) => prefix + k)),
    );
  });

  it('the next push edits the same comment (still one)', async () => {
    gh.clearRequests();
    const [before] = gh.comments(REPO, PR);
    writeTree(preview, { 'guide.html': 'guide v2', 'old.html': null });
    const r = await runAction(previewInputs, ghEnv('12'));
    expectOk(r, 'second preview deploy');
    expect(r.outputs['url']).toBe(previewUrl);
    const comments = gh.comments(REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(before!.id);
    expect(comments[0]!.body).not.toBe(before!.body);
    expect(comments[0]!.body).toContain('Uploaded 1, unchanged 1, deleted 1');
    expect(gh.requests.map((q) => q.route)).toEqual(['listComments', 'updateComment']);
    // The preview's own invalidation: its changed pages only.
    expect(sorted(creates()[0]!.paths!)).toEqual([`/${prefix}guide.html`, `/${prefix}old.html`]);
  });

  it('the production deploy (prefix "", delete-removed, protect: previews/**) leaves the preview and its records alone', async () => {
    cf.reset();
    const before = await previewKeys();
    expect(before.filter((k) => k.includes('.s3cfd-')).length).toBeGreaterThan(0); // the preview's ledger
    writeTree(production, { 'index.html': 'prod v1', 'about.html': 'about v1' });
    const prodInputs = { 'source-dir': production, bucket, 'distribution-id': DIST, 'delete-removed': 'true', protect: 'previews/**' };
    const pushEnv = (runId: string) => ({ ...s3Env(), GITHUB_RUN_ID: runId });
    expectOk(await runAction(prodInputs, pushEnv('21')), 'first production deploy');
    writeTree(production, { 'about.html': null, 'index.html': 'prod v2' });
    const r = await runAction(prodInputs, pushEnv('22'));
    expectOk(r, 'second production deploy');
    expect(await previewKeys()).toEqual(before);
    // Its invalidation is its own pages' only.
    expect(creates().map((c) => sorted(c.paths!))).toEqual([['/', '/about.html', '/index.html']]);
    // The preview's records are not site objects of the production deploy: not in its report at all.
    const reported = r.report.files.map((f) => String(f['key'] ?? f['path']));
    expect(reported.filter((k) => k.includes('.s3cfd-'))).toEqual([]);
    expect(r.report.files.filter((f) => f['action'] === 'delete').map((f) => f['path'])).toEqual(['about.html']);
  });

  it('remove-prefix deletes every object of the preview, invalidates /previews/pr-7/*, removes its records, and says so', async () => {
    cf.reset();
    gh.clearRequests();
    const production = (await listKeys(client(), bucket)).filter((k) => !k.startsWith(prefix));
    const r = await runAction(
      { 'remove-prefix': 'true', bucket, prefix, 'distribution-id': DIST, 'pr-comment': 'true', 'github-token': TOKEN },
      ghEnv('13'),
    );
    expectOk(r, 'remove-prefix');
    expect(await previewKeys()).toEqual([]);
    expect(await listKeys(client(), bucket)).toEqual(production);
    expect(creates().map((c) => c.paths)).toEqual([[`/${prefix}*`]]);
    const comments = gh.comments(REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(marker);
    expect(comments[0]!.body).toContain('Preview removed');
    expect(comments[0]!.body).not.toContain('Preview deployed');
  });

  it('remove-prefix with an empty prefix fails before any request', async () => {
    cf.reset();
    gh.clearRequests();
    await s3.resetStats();
    const r = await runAction(
      { 'remove-prefix': 'true', bucket, prefix: '/', 'distribution-id': DIST, 'pr-comment': 'true', 'github-token': TOKEN },
      ghEnv('14'),
    );
    expect(r.failed).toBe(true);
    expect(r.log).toContain("Input 'remove-prefix': refused for an empty or root prefix");
    expect((await s3.stats())['total'] ?? 0).toBe(0);
    expect(cf.calls).toEqual([]);
    expect(gh.requests).toEqual([]);
  });
});

describe('sharded deploy: more interleavings', () => {
  // A deferring shard writes its owed record before its uploads (crash insurance) and again, marked complete, once
  // its writes are done. A consolidating job that runs in between leaves the record alone: the shard's deploy lock
  // is held and the record is not complete (it would otherwise invalidate before the new objects are there).
  it('a consolidating job that runs while a shard is still uploading leaves that shard owing its paths', async () => {
    await s3.createBucket('midway-bucket');
    const midway = 'midway-bucket';
    cf.reset();
    const site = tmpDir('midway');
    writeTree(site, { 'index.html': 'i1', 'a.html': 'a1', 'b.html': 'b1' });
    const env = (runId: string) => ({ ...s3Env(), GITHUB_RUN_ID: runId });
    expectOk(await runAction(shardInputs(midway, 'docs/', site), env('12000')), 'first deploy of docs/');
    writeTree(site, { 'a.html': 'a2', 'b.html': null });

    // The shard's store: before its first upload (its record is written by then), the consolidating job runs.
    let lastWrite = 0;
    let consolidatedAt = 0;
    const slowShard: Deps['store'] = (c, sizes) => {
      const real = createS3Store(c.bucket, { region: 'us-east-1', concurrency: c.concurrency, ...sizes, env: s3Env() });
      let ran = false;
      return {
        ...real,
        async upload(...args) {
          if (!ran) {
            ran = true;
            await runInside(consolidatorInputs(midway), env('13000'), 'consolidating job');
            consolidatedAt = cf.calls.length;
          }
          const etag = await real.upload(...args);
          lastWrite = cf.calls.length;
          return etag;
        },
        async deleteKeys(keys) {
          const res = await real.deleteKeys(keys);
          lastWrite = cf.calls.length;
          return res;
        },
      };
    };
    expectOk(await runAction(shardInputs(midway, 'docs/', site), env('12001'), { store: slowShard }), 'second deploy of docs/');
    // It did run in the middle, and did not send the shard's paths before the shard wrote them.
    expect(consolidatedAt).toBeGreaterThan(0);
    expect(creates().map((c) => sorted(c.paths!))).not.toContainEqual(['/docs/a.html', '/docs/b.html']);
    expect(lastWrite).toBeGreaterThanOrEqual(consolidatedAt);

    // What must hold: the shard's stale paths are still owed, or were invalidated after its last write.
    const invalidatedAfter = cf.calls.slice(lastWrite).filter((c) => c.operation === 'CreateInvalidation');
    const owed = owedKeys(await listKeys(client(), midway));
    expect(owed.length > 0 || invalidatedAfter.some((c) => c.paths!.includes('/docs/a.html'))).toBe(true);
  });

  it('shards with state-prefix and a consolidating job with the same state-prefix: one invalidation, records cleared', async () => {
    const bucket = 'state-bucket';
    await s3.createBucket(bucket);
    cf.reset();
    const sites = shardSites();
    const statePrefix = '_deploy-state/';
    for (const [i, prefix] of ['docs/', 'shop/'].entries()) {
      const inputs = { ...shardInputs(bucket, prefix, sites[prefix]!), 'state-prefix': statePrefix };
      expectOk(await runAction(inputs, { ...s3Env(), GITHUB_RUN_ID: String(14000 + i) }), `first deploy of ${prefix}`);
      writeTree(sites[prefix]!, SHARDS[prefix]!.v2);
      expectOk(await runAction(inputs, { ...s3Env(), GITHUB_RUN_ID: String(14100 + i) }), `second deploy of ${prefix}`);
    }
    const owed = (await listKeys(client(), bucket)).filter((k) => k.includes('/owed/'));
    expect(owed).toEqual([`${statePrefix}docs/owed/${DIST}/14100-1.json`, `${statePrefix}shop/owed/${DIST}/14101-1.json`]);
    const r = await runAction({ ...consolidatorInputs(bucket), 'state-prefix': statePrefix }, { ...s3Env(), GITHUB_RUN_ID: '14200' });
    expectOk(r, 'consolidating job');
    expect(creates().map((c) => sorted(c.paths!))).toEqual([sorted([...SHARDS['docs/']!.stale, ...SHARDS['shop/']!.stale])]);
    expect((await listKeys(client(), bucket)).filter((k) => k.includes('/owed/'))).toEqual([]);
  });
});
