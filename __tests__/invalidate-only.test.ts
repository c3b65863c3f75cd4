// Invalidate-only mode (upload: false): stale paths from the commit diff (local git, then the GitHub compare
// API when the base commit cannot be had) and the paths input; no S3 at all.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { runAction, tmpDir, writeTree } from './support/harness.js';

const DIST = 'EINVONLY1234';
let cf: CloudFrontStandIn;
let api: http.Server;
let apiUrl: string;
let compareCalls: string[] = [];
let compareResponse: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  cf = await startCloudFront();
  api = http.createServer((req, res) => {
    compareCalls.push(`${req.url} auth=${req.headers.authorization ?? ''}`);
    res.writeHead(compareResponse.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(compareResponse.body));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await cf?.stop();
  await new Promise((resolve) => api?.close(resolve));
});
beforeEach(() => {
  cf.reset();
  compareCalls = [];
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' }).trim();
}

function pushEvent(dir: string, before: string, after: string): string {
  const p = path.join(dir, 'event.json');
  fs.writeFileSync(p, JSON.stringify({ before, after }));
  return p;
}

describe('invalidate-only mode', () => {
  it('maps the local git diff of a push through path-map and adds manual paths', async () => {
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
      { upload: 'false', 'distribution-id': DIST, 'path-map': 'site/ => /', paths: '/feed.xml' },
      {
        AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
        GITHUB_WORKSPACE: repo,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: pushEvent(repo, before, after),
        GITHUB_SHA: after,
      },
    );
    expect(r.failed).toBe(false);
    const invs = cf.invalidations(DIST);
    expect(invs).toHaveLength(1);
    // modified index -> page + directory; deleted; renamed-from (old name); manual. New files and README are not.
    expect([...invs[0]!.paths].sort()).toEqual(['/docs/', '/docs/index.html', '/feed.xml', '/gone.html', '/old%20name.html'].sort());
    expect(compareCalls).toHaveLength(0);
  });

  it('falls back to the GitHub compare API when the base commit is not available', async () => {
    const repo = tmpDir('shallow');
    git(repo, 'init', '-q');
    compareResponse = {
      status: 200,
      body: {
        status: 'ahead',
        files: [
          { filename: 'public/a.html', status: 'modified' },
          { filename: 'public/b.html', status: 'added' },
          { filename: 'public/c.html', status: 'removed' },
          { filename: 'public/assets/app-Bq3x7KeL.js', status: 'modified' },
        ],
      },
    };
    const r = await runAction(
      { upload: 'false', 'distribution-id': DIST, 'path-map': 'public/ => /', 'github-token': 'ghs_secret123' },
      {
        AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
        GITHUB_WORKSPACE: repo,
        GITHUB_API_URL: apiUrl,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: pushEvent(repo, 'a'.repeat(40), 'b'.repeat(40)),
        GITHUB_SHA: 'b'.repeat(40),
      },
    );
    expect(r.failed).toBe(false);
    expect(compareCalls).toEqual([`/repos/acme/site/compare/${'a'.repeat(40)}...${'b'.repeat(40)}?per_page=300 auth=Bearer ghs_secret123`]);
    // The fingerprinted asset is never stale; the added file is not stale.
    expect(cf.invalidations(DIST)[0]!.paths.sort()).toEqual(['/a.html', '/c.html']);
    // The token is masked (::add-mask::) and never printed anywhere else.
    expect(r.log).toContain('::add-mask::ghs_secret123');
    expect(
      r.log
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain('ghs_secret123');
  });

  it('warns and continues with the paths input when no diff can be had', async () => {
    const repo = tmpDir('nodiff');
    git(repo, 'init', '-q');
    compareResponse = { status: 403, body: { message: 'API rate limit exceeded' } };
    const r = await runAction(
      { upload: 'false', 'distribution-id': DIST, paths: '/index.html' },
      {
        AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
        GITHUB_WORKSPACE: repo,
        GITHUB_API_URL: apiUrl,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: pushEvent(repo, 'c'.repeat(40), 'd'.repeat(40)),
        GITHUB_SHA: 'd'.repeat(40),
      },
    );
    expect(r.failed).toBe(false);
    expect(r.log).toMatch(/::warning::No commit diff \(GitHub compare API answered 403/);
    expect(cf.invalidations(DIST)[0]!.paths.sort()).toEqual(['/', '/index.html']);
  });

  const runWithCompare = (body: unknown, status: number, missingDiff?: string) => {
    const repo = tmpDir('cap');
    git(repo, 'init', '-q');
    compareResponse = { status, body };
    return runAction(
      { upload: 'false', 'distribution-id': DIST, 'path-map': 'public/ => /', ...(missingDiff ? { 'missing-diff': missingDiff } : {}) },
      {
        AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
        GITHUB_WORKSPACE: repo,
        GITHUB_API_URL: apiUrl,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: pushEvent(repo, 'e'.repeat(40), 'f'.repeat(40)),
        GITHUB_SHA: 'f'.repeat(40),
      },
    );
  };
  const capped = { status: 'ahead', files: Array.from({ length: 300 }, (_, i) => ({ filename: `public/p${i}.html`, status: 'modified' })) };

  it('a compare API answer at its 300-file cap is treated as incomplete: warns, sends what it read', async () => {
    const r = await runWithCompare(capped, 200);
    expect(r.failed).toBe(false);
    expect(r.log).toMatch(/::warning::The GitHub compare API returned 300 files \(its cap\)/);
    expect(r.log).toMatch(/::warning::The commit diff is incomplete.*set missing-diff: all/);
    const sent = cf.invalidations(DIST)[0]!.paths;
    expect(sent).not.toContain('/*');
  });

  it('missing-diff: all sends /* when the diff is capped', async () => {
    const r = await runWithCompare(capped, 200, 'all');
    expect(r.failed).toBe(false);
    expect(cf.invalidations(DIST)[0]!.paths).toEqual(['/*']);
  });

  it('a force push (before is not an ancestor) is not a usable compare: /* only with missing-diff: all', async () => {
    const diverged = { status: 'diverged', files: [{ filename: 'public/a.html', status: 'modified' }] };
    const warned = await runWithCompare(diverged, 200);
    expect(warned.log).toMatch(/No commit diff \(base is not an ancestor of head \(diverged, force push\?\)\)/);
    expect(cf.invalidations(DIST)).toHaveLength(0);
    cf.reset();
    const all = await runWithCompare(diverged, 200, 'all');
    expect(all.failed).toBe(false);
    expect(cf.invalidations(DIST)[0]!.paths).toEqual(['/*']);
  });
});
