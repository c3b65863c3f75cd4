// Instant rollback end to end against the real local S3 server (fauxqs, behind the recording proxy) and the
// CloudFront stand-in: deploy v1, v2, v3 of a site (changed, new and removed pages; a new bundle, a removed bundle; a
// header rule change; gzip-stored pages), then roll back to v2, to v1 by commit and forward to v3. After each,
// every object under the prefix equals that version byte for byte with its headers, the runner sent no object body
// (every site write is a CopyObject, counted at the server), and the invalidation is exactly the changed URLs.
import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createS3Store } from '../src/io/s3/store.js';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startCloudFront, type CloudFrontStandIn } from '../testing/cloudfront-standin.mjs';
import { startFaultProxy, type FaultProxy } from '../testing/s3-fault-proxy.mjs';
import { runAction, s3Client, tmpDir, writeTree } from './support/harness.js';
import fs from 'node:fs';
import { git } from './support/git.js';

const BUCKET = 'rollback-bucket';
const DIST = 'EROLLBACK123';
const PREFIX = 'www/';
const OLD_APP = 'assets/app-Bq3x7KeL.js';
const NEW_APP = 'assets/app-Zx9pQ2Wm.js';
const CSS_RULE = 'css/*.css: Cache-Control: public, max-age=60';

let s3: S3StandIn;
let cf: CloudFrontStandIn;
let proxy: FaultProxy;
let env: Record<string, string>;

beforeAll(async () => {
  [s3, cf] = await Promise.all([startS3({ buckets: [BUCKET, 'parts-bucket'] }), startCloudFront({ completeAfterPolls: 1 })]);
  proxy = await startFaultProxy(s3.endpoint);
  env = { AWS_ENDPOINT_URL_S3: proxy.endpoint, AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint };
}, 60_000);

afterAll(async () => {
  await Promise.all([proxy?.stop(), s3?.stop(), cf?.stop()]);
});

const VERSIONS: Record<1 | 2 | 3, Record<string, string>> = {
  1: {
    'index.html': `<script src="/www/${OLD_APP}"></script>home 1`,
    'about/index.html': 'about 1',
    'old.html': 'old page',
    [OLD_APP]: 'app 1',
    'css/site.css': 'body{color:red}',
  },
  2: {
    'index.html': `<script src="/www/${NEW_APP}"></script>home 2`,
    'about/index.html': 'about 1',
    'new.html': 'new page',
    [NEW_APP]: 'app 2',
    'css/site.css': 'body{color:red}',
  },
  3: {
    'index.html': `<script src="/www/${NEW_APP}"></script>home 3`,
    'about/index.html': 'about 3',
    'extra.html': 'extra page',
    [NEW_APP]: 'app 2',
    'css/site.css': 'body{color:red}',
  },
};
const HEADER_RULES: Record<1 | 2 | 3, string> = { 1: '', 2: CSS_RULE, 3: CSS_RULE };

interface Served {
  body: string;
  contentType?: string;
  cacheControl?: string;
  contentEncoding?: string;
  metadata: Record<string, string>;
}

/** Every site object under the prefix (records left out): bytes (base64) and headers as GetObject/HeadObject give them. */
async function snapshot(): Promise<Record<string, Served>> {
  const client = s3Client(s3.endpoint);
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX }));
  const out: Record<string, Served> = {};
  for (const o of listed.Contents ?? []) {
    const key = o.Key!;
    if (key.includes('.s3cfd-')) continue;
    const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    const h = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    out[key] = {
      body: Buffer.from(await got.Body!.transformToByteArray()).toString('base64'),
      ...(h.ContentType !== undefined && { contentType: h.ContentType }),
      ...(h.CacheControl !== undefined && { cacheControl: h.CacheControl }),
      ...(h.ContentEncoding !== undefined && { contentEncoding: h.ContentEncoding }),
      metadata: h.Metadata ?? {},
    };
  }
  return out;
}

/** The requests that wrote to the site's keys (not the records): PutObject with a body, or CopyObject. */
type SiteWrite = { kind: 'PutObject' | 'CopyObject' | 'Multipart'; key: string };
function siteWrites(): SiteWrite[] {
  return proxy.calls.flatMap((c): SiteWrite[] => {
    const url = decodeURIComponent(c.url.split('?')[0]!);
    if (c.method !== 'PUT' && c.method !== 'POST') return [];
    if (!url.startsWith(`/${BUCKET}/${PREFIX}`) || url.includes('.s3cfd-')) return [];
    const key = url.slice(`/${BUCKET}/`.length);
    if (c.method === 'POST') return [{ kind: 'Multipart' as const, key }];
    return [{ kind: c.headers['x-amz-copy-source'] ? ('CopyObject' as const) : ('PutObject' as const), key }];
  });
}

const creates = () => cf.calls.filter((c) => c.operation === 'CreateInvalidation' && c.status < 300);

describe('rollback-to against the local S3 server and the CloudFront stand-in', () => {
  it('v1, v2, v3; back to v2, to v1 by commit, forward to v3: byte for byte with headers, no object body sent, exactly the changed URLs invalidated', async () => {
    const ws = tmpDir('rollback-ws');
    git(ws, 'init', '-q', '-b', 'main');
    const shas: string[] = [];
    const site = `${ws}/public`;
    const snaps: Record<number, Record<string, Served>> = {};
    const base = { bucket: BUCKET, prefix: PREFIX, 'distribution-id': DIST, gzip: '**/*.html' };
    for (const v of [1, 2, 3] as const) {
      git(ws, 'commit', '-q', '--allow-empty', '-m', `v${v}`);
      shas.push(git(ws, 'rev-parse', 'HEAD'));
      fs.rmSync(site, { recursive: true, force: true });
      writeTree(site, VERSIONS[v]);
      const r = await runAction(
        { ...base, 'source-dir': site, 'delete-removed': 'true', headers: HEADER_RULES[v] },
        { ...env, GITHUB_WORKSPACE: ws, GITHUB_SHA: shas[v - 1]! },
      );
      expect([v, r.failed]).toEqual([v, false]);
      expect(r.outputs['deploy-id']).toBe(String(v));
      snaps[v] = await snapshot();
    }
    // The site really changed between the versions: pages, bundles, a header, gzip-stored pages.
    expect(snaps[1]!['www/index.html']!.contentEncoding).toBe('gzip');
    expect(snaps[1]!['www/css/site.css']!.cacheControl).not.toBe('public, max-age=60');
    expect(snaps[2]!['www/css/site.css']!.cacheControl).toBe('public, max-age=60');

    const rollback = async (to: string) => {
      proxy.clear();
      const before = creates().length;
      // A workflow_dispatch job: no checkout of the old commit, no build, no source-dir.
      const r = await runAction({ ...base, 'rollback-to': to }, { ...env, GITHUB_WORKSPACE: ws, GITHUB_SHA: shas[2]! });
      expect([to, r.failed, r.log.includes('::error::') ? r.log : '']).toEqual([to, false, '']);
      return { r, writes: siteWrites(), sent: creates().slice(before) };
    };
    const onlyCopies = (writes: { kind: string }[]) => writes.filter((w) => w.kind !== 'CopyObject');

    // Back to v2.
    const back = await rollback('previous');
    expect(await snapshot()).toEqual(snaps[2]);
    expect(onlyCopies(back.writes)).toEqual([]);
    expect(back.writes.map((w) => w.key).sort()).toEqual(['www/about/index.html', 'www/index.html', 'www/new.html']);
    expect(back.sent.map((c) => c.paths!.slice().sort())).toEqual([
      ['/www/', '/www/about/', '/www/about/index.html', '/www/extra.html', '/www/index.html'],
    ]);
    expect(back.r.outputs['deploy-id']).toBe('4');

    // To v1 by commit.
    const first = await rollback(shas[0]!.slice(0, 9));
    const now = await snapshot();
    expect(Object.fromEntries(Object.entries(now).filter(([k]) => k in snaps[1]!))).toEqual(snaps[1]);
    // The only other object is v2's bundle, kept for pages already open (fingerprinted, keep-removed).
    expect(Object.keys(now).filter((k) => !(k in snaps[1]!))).toEqual([`www/${NEW_APP}`]);
    expect(onlyCopies(first.writes)).toEqual([]);
    // The stylesheet's header is back by a copy onto itself with v1's headers; the deleted page is invalidated.
    expect(first.writes.map((w) => w.key).sort()).toEqual(['www/css/site.css', 'www/index.html', 'www/old.html']);
    expect(first.sent.map((c) => c.paths!.slice().sort())).toEqual([['/www/', '/www/index.html', '/www/new.html']]);

    // Forward to v3 by number.
    const forward = await rollback('3');
    expect(await snapshot()).toEqual(snaps[3]);
    expect(onlyCopies(forward.writes)).toEqual([]);
    expect(forward.sent.map((c) => c.paths!.slice().sort())).toEqual([
      ['/www/', '/www/about/', '/www/about/index.html', '/www/index.html', '/www/old.html'],
    ]);
    expect(forward.r.summary).toContain('### Restorable deploys (rollback-to)');
    expect(forward.r.summary).toContain('### Rollback to deploy 3');
  }, 120_000);

  it('a copy above the single-copy limit goes in parts (UploadPartCopy), headers kept or replaced', async () => {
    // S3 (and fauxqs) copy ranges only of sources above 5 MiB: a 6 MiB object, copied in parts of 5 MiB.
    const MiB = 1024 * 1024;
    const store = createS3Store(
      'parts-bucket',
      {
        region: 'us-east-1',
        concurrency: 4,
        multipartThreshold: 64 * MiB,
        partSize: 8 * MiB,
        env: { AWS_ENDPOINT_URL_S3: proxy.endpoint },
        copyPartThreshold: MiB,
        copyPartSize: 5 * MiB,
      },
      s3Client(proxy.endpoint),
    );
    const dir = tmpDir('parts');
    const bytes = Buffer.alloc(6 * MiB, 'abcdefgh');
    fs.writeFileSync(`${dir}/big.bin`, bytes);
    const md5 = createHash('md5').update(bytes).digest('hex');
    await store.list('');
    await store.upload('big.bin', `${dir}/big.bin`, bytes.length, md5, { contentType: 'text/plain', cacheControl: 'no-cache' });
    proxy.clear();
    await store.copy('big.bin', 'copy.bin', { size: bytes.length });
    await store.copy('big.bin', 'replaced.bin', {
      size: bytes.length,
      replace: { headers: { contentType: 'text/html', cacheControl: 'max-age=5' }, md5 },
    });
    const client = s3Client(s3.endpoint);
    const body = async (key: string) =>
      Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: 'parts-bucket', Key: key }))).Body!.transformToByteArray());
    expect((await body('copy.bin')).equals(bytes)).toBe(true);
    expect((await body('replaced.bin')).equals(bytes)).toBe(true);
    const kept = await client.send(new HeadObjectCommand({ Bucket: 'parts-bucket', Key: 'copy.bin' }));
    expect([kept.ContentType, kept.CacheControl, kept.Metadata?.['s3cfd-md5']]).toEqual(['text/plain', 'no-cache', md5]);
    const replaced = await client.send(new HeadObjectCommand({ Bucket: 'parts-bucket', Key: 'replaced.bin' }));
    expect([replaced.ContentType, replaced.CacheControl, replaced.Metadata?.['s3cfd-md5']]).toEqual(['text/html', 'max-age=5', md5]);
    // Two ranges per copy, each an UploadPartCopy; no PUT carried a body.
    const partCopies = proxy.calls.filter((c) => c.method === 'PUT' && c.url.includes('partNumber') && c.headers['x-amz-copy-source']);
    const ranges = [`bytes=0-${5 * MiB - 1}`, `bytes=${5 * MiB}-${6 * MiB - 1}`];
    expect(partCopies.map((c) => c.headers['x-amz-copy-source-range'])).toEqual([...ranges, ...ranges]);
    expect(proxy.calls.filter((c) => c.method === 'PUT' && !c.headers['x-amz-copy-source'])).toEqual([]);
  });
});
