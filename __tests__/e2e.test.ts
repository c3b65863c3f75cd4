// The whole action against a real local S3 server (fauxqs) and the CloudFront stand-in: two deploys of a
// site with modified, added, deleted, fingerprinted, space and unicode names; then failure recovery.
import fs from 'node:fs';
import path from 'node:path';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { getText, head, listKeys, runAction, s3Client, tmpDir, writeTree } from './support/harness.js';

const BUCKET = 'site-bucket';
const DIST = 'E2EXAMPLE123';
const NFC = 'caf\u00e9';
const NFD = 'cafe\u0301';

let s3: S3StandIn;
let cf: CloudFrontStandIn;
let env: Record<string, string>;

beforeAll(async () => {
  [s3, cf] = await Promise.all([
    startS3({ buckets: [BUCKET, 'other-bucket', 'crash-bucket'] }),
    startCloudFront({ completeAfterPolls: 2 }),
  ]);
  env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint };
}, 60_000);

afterAll(async () => {
  await Promise.all([s3?.stop(), cf?.stop()]);
});

const v1: Record<string, string> = {
  'index.html': '<h1>home v1</h1>',
  'about/index.html': '<h1>about v1</h1>',
  'assets/app-Bq3x7KeL.js': 'console.log(1)',
  'styles.css': 'body{color:red}',
  'blog/hello world.html': 'hello v1',
  [`blog/${NFC}.html`]: 'nfc v1',
  [`blog/${NFD}.html`]: 'nfd v1',
  'blog/old.html': 'old',
  'a+b #1 ~x%.html': 'special v1',
  '.env': 'SECRET=1',
  '.env.local': 'SECRET=2',
  '.DS_Store': 'x',
  '.git/config': '[core]',
  '.well-known/security.txt': 'Contact: x',
  'img/logo.png': 'png-bytes',
};

describe('end to end against local S3 + CloudFront stand-in', () => {
  const site = tmpDir('site');
  const secret = path.join(tmpDir('secret'), 'credentials');
  const client = () => s3Client(s3.endpoint);
  const inputs = (extra: Record<string, string> = {}) => ({
    'source-dir': site,
    bucket: BUCKET,
    'distribution-id': DIST,
    'delete-removed': 'true',
    ...extra,
  });

  it('first deploy uploads every deployable file with the right headers and nothing hidden', async () => {
    writeTree(site, v1);
    fs.writeFileSync(secret, 'aws_secret_access_key=abc');
    fs.symlinkSync(secret, path.join(site, 'leak.txt'));
    await s3.resetStats();

    const r = await runAction(inputs(), env);
    expect(r.failed).toBe(false);
    const all = await listKeys(client(), BUCKET);
    // The action's own record of what it uploaded lives under the reserved prefix.
    // The action's records: one ledger, in a hidden folder whose name cannot be guessed.
    const own = all.filter((k) => /^\.s3cfd-[0-9a-z]{20,}\//.test(k));
    expect(own).toHaveLength(1);
    expect(own[0]).toMatch(/^\.s3cfd-[0-9a-z]{24}\/state\.json$/);
    const keys = all.filter((k) => !own.includes(k));
    expect(keys).toEqual(
      [
        '.well-known/security.txt',
        'a+b #1 ~x%.html',
        'about/index.html',
        'assets/app-Bq3x7KeL.js',
        'blog/hello world.html',
        `blog/${NFC}.html`,
        `blog/${NFD}.html`,
        'blog/old.html',
        'img/logo.png',
        'index.html',
        'styles.css',
      ].sort(),
    );
    expect((await s3.stats()).PutObject).toBe(14); // 11 files + the ledger + the bootstrap and the deploy lock (both deleted)
    // NFC and NFD names are different keys holding their own bytes.
    expect(await getText(client(), BUCKET, `blog/${NFD}.html`)).toBe('nfd v1');
    expect(await getText(client(), BUCKET, `blog/${NFC}.html`)).toBe('nfc v1');

    const html = await head(client(), BUCKET, 'index.html');
    expect(html.ContentType).toBe('text/html; charset=utf-8');
    expect(html.CacheControl).toBe('public, max-age=0, s-maxage=86400, must-revalidate');
    const asset = await head(client(), BUCKET, 'assets/app-Bq3x7KeL.js');
    expect(asset.CacheControl).toBe('public, max-age=31536000, immutable');
    expect(asset.ContentType).toBe('text/javascript; charset=utf-8');
    expect(asset.Metadata?.['s3cfd-md5']).toMatch(/^[0-9a-f]{32}$/);
    expect((await head(client(), BUCKET, 'img/logo.png')).ContentType).toBe('image/png');

    // Nothing existed before, so nothing was stale: no invalidation.
    expect(cf.invalidations(DIST)).toHaveLength(0);
    expect(r.outputs['uploaded']).toBe('11');
    expect(r.outputs['invalidation-id']).toBe('');
    expect(r.log).toContain('leak.txt');
    // A warning annotation with its own title (the build directory is under /tmp, outside the workspace: no file).
    expect(r.log).toMatch(/^::warning title=Symlink not followed::Skipped symlink leak\.txt: it points outside source-dir/m);
    const skipped = r.report.files.filter((f) => f.action === 'skip').map((f) => [f.path, f.reason]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        ['.env', 'dotfile'],
        ['.DS_Store', 'dotfile'],
        ['.env.local', 'dotfile'],
        ['leak.txt', 'symlink-outside'],
      ]),
    );
  });

  it('second deploy uploads only changes and invalidates exactly the stale paths, then waits', async () => {
    writeTree(site, {
      'about/index.html': '<h1>about v2</h1>',
      'styles.css': 'body{color:blue}',
      'blog/hello world.html': 'hello v2',
      [`blog/${NFD}.html`]: 'nfd v2',
      'a+b #1 ~x%.html': 'special v2',
      'assets/app-Bq3x7KeL.js': null,
      'assets/app-Zx9y8W7v.js': 'console.log(2)',
      'blog/old.html': null,
      'new-page.html': 'new',
    });
    // Every file gets a fresh mtime (a fresh checkout): change detection must not care.
    const now = new Date();
    for (const rel of Object.keys(v1)) if (fs.existsSync(path.join(site, rel))) fs.utimesSync(path.join(site, rel), now, now);
    await s3.resetStats();

    const r = await runAction(inputs({ wait: 'true' }), env);
    expect(r.failed).toBe(false);
    const stats = await s3.stats();
    // 5 modified + 2 new files; the 4 unchanged are not re-uploaded; +1 PUT for the owed-invalidation record,
    // +1 for the ledger and +2 for the locks (the bootstrap and the deploy lock), +1 for the ledger's record of the
    // history copies (keep-deploys), made before the uploads as one CopyObject per replaced or deleted page. No HEAD:
    // the ledger answers for same-size changed objects.
    expect(stats.PutObject).toBe(12);
    expect(stats.CopyObject).toBe(6);
    expect(stats.HeadObject ?? 0).toBe(0);
    expect(stats.DeleteObjects).toBe(1);
    expect(r.outputs['uploaded']).toBe('7');
    expect(r.outputs['unchanged']).toBe('4');
    // blog/old.html goes now; the removed fingerprinted bundle stays for open pages (keep-removed: 7d by default).
    expect(r.outputs['deleted']).toBe('1');

    const invs = cf.invalidations(DIST);
    expect(invs).toHaveLength(1);
    // The '~' name cannot be sent exactly (CloudFront rejects a raw '~'; '%7E' clears nothing): it gets a wildcard
    // cut before the '~'. With one wildcard needed anyway the planner minimises paths at zero collateral, so the
    // directory /about/ and its index collapse into /about/* (as with a stale name containing '*').
    expect([...invs[0]!.paths].sort()).toEqual(
      ['/a+b%20%231%20*', '/about/*', '/blog/cafe%CC%81.html', '/blog/hello%20world.html', '/blog/old.html', '/styles.css'].sort(),
    );
    expect(r.outputs['invalidation-id']).toBe(invs[0]!.id);
    expect(JSON.parse(r.outputs['invalidation-ids']!)).toEqual({ [DIST]: invs[0]!.id });
    expect(JSON.parse(r.outputs['invalidation-paths']!).sort()).toEqual([...invs[0]!.paths].sort());
    expect(r.outputs['invalidation-status']).toBe('Completed');

    const keys = await listKeys(client(), BUCKET);
    expect(keys).not.toContain('blog/old.html');
    expect(keys).toContain('assets/app-Bq3x7KeL.js');
    const pending = r.report.pendingDeletions as { key: string; dueAt: string }[];
    expect(pending.map((p) => p.key)).toEqual(['assets/app-Bq3x7KeL.js']);
    expect(Date.parse(pending[0]!.dueAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(r.summary).toContain('Kept for pages already open: 1 removed fingerprinted object(s)');
    expect(keys).toContain('assets/app-Zx9y8W7v.js');
    expect(keys.filter((k) => /^\.s3cfd-[0-9a-z]{20,}\/owed\//.test(k))).toEqual([]); // owed record cleared

    const byPath = new Map(r.report.files.map((f) => [f.path, f]));
    expect(byPath.get('styles.css')).toMatchObject({ action: 'upload', reason: 'size-changed', fingerprinted: false });
    expect(byPath.get('about/index.html')).toMatchObject({ action: 'upload', reason: 'content-changed' });
    expect(byPath.get('index.html')).toMatchObject({ action: 'unchanged', reason: 'md5-match' });
    expect(byPath.get('new-page.html')).toMatchObject({ action: 'upload', reason: 'new' });
    expect(byPath.get('blog/old.html')).toMatchObject({ action: 'delete', reason: 'removed-locally' });
    expect(byPath.get('assets/app-Bq3x7KeL.js')).toMatchObject({ action: 'pending-delete', fingerprinted: true });
    expect(byPath.get('assets/app-Zx9y8W7v.js')).toMatchObject({
      fingerprinted: true,
      cacheControl: 'public, max-age=31536000, immutable',
    });
    expect(r.report.invalidations[0]).toMatchObject({ distributionId: DIST, id: invs[0]!.id, status: 'Completed' });
    expect(r.summary).toContain(invs[0]!.id);
  });

  it('a third identical deploy writes nothing and invalidates nothing', async () => {
    await s3.resetStats();
    cf.reset();
    const r = await runAction(inputs(), env);
    expect(r.failed).toBe(false);
    const stats = await s3.stats();
    expect(stats.PutObject ?? 0).toBe(0);
    expect(stats.DeleteObjects ?? 0).toBe(0);
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation')).toHaveLength(0);
    expect(r.outputs['uploaded']).toBe('0');
  });

  it('a cache-control rule change re-uploads exactly the affected files (no HEADs) and invalidates nothing (same bytes, read the same way)', async () => {
    await s3.resetStats();
    cf.reset();
    const r = await runAction(inputs({ 'cache-control': 'blog/**: public, max-age=60' }), env);
    expect(r.failed).toBe(false);
    const changed = r.report.files.filter((f) => f.action === 'upload').map((f) => [f.path, f.reason]);
    expect(changed.sort()).toEqual(
      [
        ['blog/hello world.html', 'headers-changed'],
        [`blog/${NFC}.html`, 'headers-changed'],
        [`blog/${NFD}.html`, 'headers-changed'],
      ].sort(),
    );
    expect((await s3.stats()).HeadObject ?? 0).toBe(0);
    expect((await head(client(), BUCKET, 'blog/hello world.html')).CacheControl).toBe('public, max-age=60');
    // A Cache-Control change reaches clients as cached copies expire: nothing is invalidated for it.
    expect(cf.calls.filter((c) => c.operation === 'CreateInvalidation')).toHaveLength(0);
    expect(r.report.invalidations[0]).toMatchObject({ paths: [] });
  });

  it('dry run plans the same work and writes nothing', async () => {
    writeTree(site, { 'styles.css': 'body{color:green}' });
    await s3.resetStats();
    cf.reset();
    const r = await runAction(inputs({ 'dry-run': 'true', 'cache-control': 'blog/**: public, max-age=60' }), env);
    expect(r.failed).toBe(false);
    const stats = await s3.stats();
    expect((stats.PutObject ?? 0) + (stats.DeleteObjects ?? 0) + (stats.DeleteObject ?? 0)).toBe(0);
    // Reads are allowed (the plan accounts for what is in flight); writes are not.
    expect(cf.calls.map((c) => c.operation).sort()).toEqual(['GetDistributionConfig', 'ListInvalidations']);
    expect(r.outputs['uploaded']).toBe('1');
    expect(JSON.parse(r.outputs['invalidation-paths']!)).toEqual(['/styles.css']);
    expect(r.report.dryRun).toBe(true);
  });

  it('refuses to run delete-removed over an empty source-dir (nothing deleted)', async () => {
    const empty = tmpDir('empty');
    await s3.resetStats();
    const r = await runAction(inputs({ 'source-dir': empty }), env);
    expect(r.failed).toBe(true);
    expect(r.log).toMatch(/no files to deploy: refusing/);
    expect((await s3.stats()).DeleteObjects ?? 0).toBe(0);
    expect((await listKeys(client(), BUCKET)).length).toBeGreaterThan(5);
  });

  it('aborts before any write when deletes exceed max-deletes', async () => {
    const small = tmpDir('small');
    writeTree(small, { 'index.html': 'only' });
    await s3.resetStats();
    const r = await runAction(inputs({ 'source-dir': small, 'max-deletes': '3' }), env);
    expect(r.failed).toBe(true);
    expect(r.log).toMatch(/objects would be deleted, over max-deletes \(3\)/);
    const stats = await s3.stats();
    expect((stats.PutObject ?? 0) + (stats.DeleteObjects ?? 0)).toBe(0);
  });

  it('a bad input fails with one line naming it, before any AWS call', async () => {
    await s3.resetStats();
    cf.reset();
    const r = await runAction(inputs({ 'wait-timeout': '-5' }), env);
    expect(r.failed).toBe(true);
    expect(r.log).toContain("Input 'wait-timeout'");
    expect((await s3.stats()).total ?? 0).toBe(0);
    expect(cf.calls).toHaveLength(0);
  });
});

describe('an owed invalidation survives a failed run', () => {
  it('keeps the record when CreateInvalidation fails and the next run (with no changes) sends it', async () => {
    const site = tmpDir('crash');
    writeTree(site, { 'index.html': 'v1', 'page.html': 'v1' });
    const inputs = { 'source-dir': site, bucket: 'crash-bucket', 'distribution-id': DIST };
    expect((await runAction(inputs, env)).failed).toBe(false);

    writeTree(site, { 'page.html': 'v2' });
    cf.reset();
    cf.failNext('CreateInvalidation', { status: 403, code: 'AccessDenied', message: 'not allowed' });
    const failed = await runAction(inputs, env);
    expect(failed.failed).toBe(true);
    const keys = await listKeys(s3Client(s3.endpoint), 'crash-bucket');
    expect(keys.filter((k) => /^\.s3cfd-[0-9a-z]{20,}\/owed\//.test(k))).toHaveLength(1);
    expect(await getText(s3Client(s3.endpoint), 'crash-bucket', 'page.html')).toBe('v2'); // uploaded, invalidation owed

    cf.reset();
    const next = await runAction(inputs, env);
    expect(next.failed).toBe(false);
    expect(next.outputs['uploaded']).toBe('0');
    expect(cf.invalidations(DIST).map((i) => i.paths)).toEqual([['/page.html']]);
    const after = await listKeys(s3Client(s3.endpoint), 'crash-bucket');
    expect(after.filter((k) => /^\.s3cfd-[0-9a-z]{20,}\/owed\//.test(k))).toEqual([]);
  });
});
