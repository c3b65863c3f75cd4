// Integration tests of the local stand-ins in testing/, driven by the real AWS SDK clients.
import http from 'node:http';
import { createHash } from 'node:crypto';
import {
  S3Client,
  PutObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  DeleteObjectsCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
  CompleteMultipartUploadCommand,
} from '@aws-sdk/client-s3';
import { CloudFrontClient, CreateInvalidationCommand, GetInvalidationCommand, ListInvalidationsCommand } from '@aws-sdk/client-cloudfront';
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import {
  startCloudFront,
  checkPath,
  parseInvalidationBatch,
  type CloudFrontStandIn,
  type CloudFrontStandInOptions,
} from '../testing/cloudfront-standin.mjs';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

interface SdkError {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $fault?: string;
}

/** Await a promise that must reject; return the error for real assertions. */
async function errorOf(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (err) {
    return err as SdkError;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Raw HTTP request (for what the SDK would never send). */
function rawRequest(
  endpoint: string,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${endpoint}${path}`, { method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// -------------------------------------------------------------------------------------------
describe('S3 stand-in (fauxqs in a Node 24 child)', () => {
  let s3: S3StandIn;
  let client: S3Client;
  const Bucket = 'site';

  beforeAll(async () => {
    s3 = await startS3({ buckets: [Bucket] });
    client = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: 'us-east-1', credentials, maxAttempts: 1 });
  });
  afterAll(async () => {
    client?.destroy();
    await s3?.stop();
  });
  beforeEach(async () => {
    await s3.clear();
  });

  test('starts quickly on loopback and reports its port', async () => {
    expect(s3.endpoint).toBe(`http://127.0.0.1:${s3.port}`);
    expect(s3.port).toBeGreaterThan(0);
    expect(s3.startupMs).toBeGreaterThan(0);
    expect(s3.startupMs).toBeLessThan(10_000);
    // Buckets created at startup are not counted.
    expect(await s3.stats()).toEqual({});
  });

  test('put/list/get/delete round-trip keeps special keys and headers; PUTs counted exactly', async () => {
    const keys = [
      'index.html',
      'dir with space/a b.html',
      'unicodé/日本語.txt',
      'a+b.js',
      'hash#frag.css',
      'pct%20literal%.txt',
      'q?&=.txt',
      '~,;@$.txt',
    ];
    for (const [i, Key] of keys.entries()) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key,
          Body: `body ${i} ${Key}`,
          ContentType: 'text/plain; charset=utf-8',
          CacheControl: i % 2 === 0 ? 'public, max-age=31536000, immutable' : 'no-cache',
          Metadata: { sha256: createHash('sha256').update(Key).digest('hex') },
        }),
      );
    }
    const afterPuts = await s3.stats();
    expect(afterPuts.PUT).toBe(keys.length);
    expect(afterPuts.PutObject).toBe(keys.length);
    expect(afterPuts.total).toBe(keys.length);

    const listed = await client.send(new ListObjectsV2Command({ Bucket }));
    expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual([...keys].sort());
    for (const o of listed.Contents ?? []) {
      expect(o.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    }

    for (const [i, Key] of keys.entries()) {
      const got = await client.send(new GetObjectCommand({ Bucket, Key }));
      expect(await got.Body?.transformToString()).toBe(`body ${i} ${Key}`);
      expect(got.CacheControl).toBe(i % 2 === 0 ? 'public, max-age=31536000, immutable' : 'no-cache');
      expect(got.ContentType).toBe('text/plain; charset=utf-8');
      expect(got.Metadata?.sha256).toBe(createHash('sha256').update(Key).digest('hex'));
    }

    await client.send(new DeleteObjectCommand({ Bucket, Key: keys[0] }));
    const del = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys.slice(1).map((Key) => ({ Key })) } }));
    expect((del.Deleted ?? []).length).toBe(keys.length - 1);
    expect(del.Errors ?? []).toEqual([]);
    const after = await client.send(new ListObjectsV2Command({ Bucket }));
    expect(after.KeyCount).toBe(0);

    const stats = await s3.stats();
    expect(stats).toMatchObject({
      PUT: keys.length,
      PutObject: keys.length,
      GET: keys.length + 2,
      GetObject: keys.length,
      ListObjectsV2: 2,
      DELETE: 1,
      DeleteObject: 1,
      POST: 1,
      DeleteObjects: 1,
      total: keys.length * 2 + 4,
    });
    expect(stats.errors).toBeUndefined();
  });

  test('resetStats() zeroes the counters; errors are counted', async () => {
    await client.send(new PutObjectCommand({ Bucket, Key: 'x', Body: 'x' }));
    expect((await s3.stats()).PUT).toBe(1);
    await s3.resetStats();
    expect(await s3.stats()).toEqual({});
    const err = await errorOf(client.send(new HeadObjectCommand({ Bucket, Key: 'missing' })));
    expect(err.$metadata?.httpStatusCode).toBe(404);
    expect(await s3.stats()).toEqual({ total: 1, HEAD: 1, HeadObject: 1, errors: 1, 'errors:404': 1 });
  });

  test('multipart upload: UploadPart counted separately from PutObject, ETag md5-of-md5s-N', async () => {
    const part1 = Buffer.alloc(5 * 1024 * 1024, 'a');
    const part2 = Buffer.from('tail');
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: 'big.bin', CacheControl: 'max-age=60' }));
    const e1 = await client.send(new UploadPartCommand({ Bucket, Key: 'big.bin', UploadId, PartNumber: 1, Body: part1 }));
    const e2 = await client.send(new UploadPartCommand({ Bucket, Key: 'big.bin', UploadId, PartNumber: 2, Body: part2 }));
    const done = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key: 'big.bin',
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: e1.ETag },
            { PartNumber: 2, ETag: e2.ETag },
          ],
        },
      }),
    );
    const md5 = (b: Buffer) => createHash('md5').update(b).digest();
    const expected =
      createHash('md5')
        .update(Buffer.concat([md5(part1), md5(part2)]))
        .digest('hex') + '-2';
    expect(done.ETag).toBe(`"${expected}"`);
    const head = await client.send(new HeadObjectCommand({ Bucket, Key: 'big.bin' }));
    expect(head.ContentLength).toBe(part1.length + part2.length);
    expect(head.CacheControl).toBe('max-age=60');

    const stats = await s3.stats();
    expect(stats).toMatchObject({ PUT: 2, UploadPart: 2, POST: 2, CreateMultipartUpload: 1, CompleteMultipartUpload: 1, HEAD: 1 });
    expect(stats.PutObject).toBeUndefined();
  });

  test('clear() empties buckets and resets stats; createBucket() is not counted', async () => {
    await client.send(new PutObjectCommand({ Bucket, Key: 'a/b c+d.txt', Body: '1' }));
    await s3.clear();
    expect(await s3.stats()).toEqual({});
    expect((await client.send(new ListObjectsV2Command({ Bucket }))).KeyCount).toBe(0);
    await s3.createBucket('second-bucket');
    await client.send(new PutObjectCommand({ Bucket: 'second-bucket', Key: 'k', Body: 'v' }));
    expect(await s3.stats()).toEqual({ total: 2, GET: 1, ListObjectsV2: 1, PUT: 1, PutObject: 1 });
  });
});

// -------------------------------------------------------------------------------------------
describe('CloudFront stand-in', () => {
  const DIST = 'E2EXAMPLE123';
  let cf: CloudFrontStandIn;
  const clients: CloudFrontClient[] = [];

  const clientFor = (maxAttempts = 1): CloudFrontClient => {
    const c = new CloudFrontClient({ endpoint: cf.endpoint, region: 'us-east-1', credentials, maxAttempts });
    clients.push(c);
    return c;
  };
  const create = (client: CloudFrontClient, paths: string[], ref: string, distributionId = DIST, quantity = paths.length) =>
    client.send(
      new CreateInvalidationCommand({
        DistributionId: distributionId,
        InvalidationBatch: { CallerReference: ref, Paths: { Quantity: quantity, Items: paths } },
      }),
    );
  const restart = async (opts: CloudFrontStandInOptions) => {
    await cf?.stop();
    cf = await startCloudFront(opts);
  };

  beforeEach(async () => {
    await restart({ distributions: [DIST, 'EOTHER'] });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await cf?.stop();
  });

  test('CreateInvalidation / GetInvalidation round-trip with XML escaping', async () => {
    await restart({ completeAfterPolls: 2 });
    const client = clientFor();
    const paths = ['/index.html', '/a&b.html', '/caf%C3%A9/%20x.html', '/docs/*'];
    const ref = `run-1 <&> "quoted" 'single'`;
    const created = await create(client, paths, ref);
    expect(created.$metadata.httpStatusCode).toBe(201);
    const inv = created.Invalidation!;
    expect(inv.Id).toMatch(/^I[A-Z0-9]{13}$/);
    expect(created.Location).toBe(`https://cloudfront.amazonaws.com/2020-05-31/distribution/${DIST}/invalidation/${inv.Id}`);
    expect(inv.Status).toBe('InProgress');
    expect(inv.CreateTime).toBeInstanceOf(Date);
    expect(Math.abs(inv.CreateTime!.getTime() - Date.now())).toBeLessThan(5000);
    expect(inv.InvalidationBatch?.Paths?.Items).toEqual(paths);
    expect(inv.InvalidationBatch?.Paths?.Quantity).toBe(4);
    expect(inv.InvalidationBatch?.CallerReference).toBe(ref);

    // The stand-in saw the paths exactly as sent (XML-unescaped).
    expect(cf.calls).toHaveLength(1);
    expect(cf.calls[0]).toMatchObject({
      operation: 'CreateInvalidation',
      distributionId: DIST,
      invalidationId: inv.Id,
      paths,
      callerReference: ref,
      status: 201,
    });

    const poll1 = await client.send(new GetInvalidationCommand({ DistributionId: DIST, Id: inv.Id }));
    expect(poll1.Invalidation?.Status).toBe('InProgress');
    const poll2 = await client.send(new GetInvalidationCommand({ DistributionId: DIST, Id: inv.Id }));
    expect(poll2.Invalidation?.Status).toBe('Completed');
    expect(poll2.Invalidation?.InvalidationBatch?.Paths?.Items).toEqual(paths);
    expect(cf.invalidations(DIST)).toEqual([
      {
        id: inv.Id,
        distributionId: DIST,
        status: 'Completed',
        createTime: inv.CreateTime!.toISOString(),
        callerReference: ref,
        paths,
        polls: 2,
      },
    ]);
    expect(cf.calls.map((c) => `${c.operation}:${c.status}`)).toEqual([
      'CreateInvalidation:201',
      'GetInvalidation:200',
      'GetInvalidation:200',
    ]);
  });

  test('default lifecycle: Completed on the first GetInvalidation; completeAfterMs and completeAll()', async () => {
    const client = clientFor();
    const a = await create(client, ['/a'], 'r-a');
    expect(a.Invalidation?.Status).toBe('InProgress');
    expect((await client.send(new GetInvalidationCommand({ DistributionId: DIST, Id: a.Invalidation!.Id }))).Invalidation?.Status).toBe(
      'Completed',
    );

    let clock = 1_000_000;
    await restart({ completeAfterPolls: null, completeAfterMs: 500, now: () => clock });
    const c2 = clientFor();
    const b = await create(c2, ['/b'], 'r-b');
    expect((await c2.send(new GetInvalidationCommand({ DistributionId: DIST, Id: b.Invalidation!.Id }))).Invalidation?.Status).toBe(
      'InProgress',
    );
    clock += 499;
    expect((await c2.send(new GetInvalidationCommand({ DistributionId: DIST, Id: b.Invalidation!.Id }))).Invalidation?.Status).toBe(
      'InProgress',
    );
    clock += 1;
    expect((await c2.send(new GetInvalidationCommand({ DistributionId: DIST, Id: b.Invalidation!.Id }))).Invalidation?.Status).toBe(
      'Completed',
    );

    const c = await create(c2, ['/c'], 'r-c');
    expect(cf.invalidations(DIST).map((i) => i.status)).toEqual(['Completed', 'InProgress']);
    cf.completeAll();
    expect((await c2.send(new GetInvalidationCommand({ DistributionId: DIST, Id: c.Invalidation!.Id }))).Invalidation?.Status).toBe(
      'Completed',
    );
  });

  test('ListInvalidations: newest first, Marker/MaxItems paging', async () => {
    await restart({ completeAfterPolls: null });
    const client = clientFor();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await create(client, [`/p${n}`], `ref-${n}`)).Invalidation!.Id!);
    await create(client, ['/other'], 'ref-other', 'EOTHER-not-listed');
    cf.complete(ids[0]!);

    const page1 = await client.send(new ListInvalidationsCommand({ DistributionId: DIST, MaxItems: 2 }));
    const l1 = page1.InvalidationList!;
    expect(l1.IsTruncated).toBe(true);
    expect(l1.Quantity).toBe(2);
    expect(l1.MaxItems).toBe(2);
    expect(l1.Items?.map((i) => i.Id)).toEqual([ids[2], ids[1]]);
    expect(l1.Items?.map((i) => i.Status)).toEqual(['InProgress', 'InProgress']);
    expect(l1.NextMarker).toBe(ids[1]);

    const page2 = await client.send(new ListInvalidationsCommand({ DistributionId: DIST, MaxItems: 2, Marker: l1.NextMarker }));
    const l2 = page2.InvalidationList!;
    expect(l2.IsTruncated).toBe(false);
    expect(l2.Marker).toBe(ids[1]);
    expect(l2.NextMarker).toBeUndefined();
    expect(l2.Items?.map((i) => [i.Id, i.Status])).toEqual([[ids[0], 'Completed']]);
    expect(l2.Items?.[0]?.CreateTime).toBeInstanceOf(Date);

    const empty = await client.send(new ListInvalidationsCommand({ DistributionId: 'EEMPTY' }));
    expect(empty.InvalidationList?.Quantity).toBe(0);
    expect(empty.InvalidationList?.IsTruncated).toBe(false);
    expect(empty.InvalidationList?.Items ?? []).toEqual([]);
  });

  test('CallerReference reuse: same paths -> same invalidation; different paths -> InvalidationBatchAlreadyExists', async () => {
    const client = clientFor();
    const first = await create(client, ['/a.html', '/b.html'], 'deploy-42');
    const again = await create(client, ['/a.html', '/b.html'], 'deploy-42');
    expect(again.Invalidation?.Id).toBe(first.Invalidation?.Id);
    expect(cf.invalidations(DIST)).toHaveLength(1);

    const err = await errorOf(create(client, ['/a.html', '/c.html'], 'deploy-42'));
    expect(err.name).toBe('InvalidationBatchAlreadyExists');
    expect(err.$metadata?.httpStatusCode).toBe(409);
    expect(cf.invalidations(DIST)).toHaveLength(1);
    // The same reference on another distribution is a different batch.
    const other = await create(client, ['/a.html', '/c.html'], 'deploy-42', 'EOTHER');
    expect(other.Invalidation?.Id).not.toBe(first.Invalidation?.Id);

    await restart({ callerReferenceConflict: 'InvalidArgument' });
    const c2 = clientFor();
    await create(c2, ['/a'], 'r');
    const err2 = await errorOf(create(c2, ['/b'], 'r'));
    expect(err2.name).toBe('InvalidArgument');
    expect(err2.message).toMatch(/caller reference that was used/);
  });

  test('in-progress limits: 15 wildcards, 3,000 paths -> TooManyInvalidationsInProgress (not retried)', async () => {
    await restart({ completeAfterPolls: null });
    const client = clientFor(3);
    const wild = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `/${prefix}${i}/*`);
    await create(client, wild(10, 'a'), 'w1');
    await create(client, wild(5, 'b'), 'w2');
    const before = cf.calls.length;
    const err = await errorOf(create(client, ['/c/*'], 'w3'));
    expect(err.name).toBe('TooManyInvalidationsInProgress');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    expect(err.$metadata?.attempts).toBe(1);
    expect(cf.calls.length - before).toBe(1);
    // Non-wildcard paths are limited separately.
    await create(client, ['/plain.html'], 'p1');
    // 16 wildcards in one batch on an idle distribution fail too.
    const err16 = await errorOf(create(client, wild(16, 'x'), 'w16', 'EOTHER'));
    expect(err16.name).toBe('TooManyInvalidationsInProgress');
    // Once completed, the slots are free again.
    cf.completeAll(DIST);
    await create(client, wild(15, 'd'), 'w4');

    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `/${prefix}/${i}.html`);
    await create(client, many(1500, 'x'), 'f1', 'EOTHER');
    await create(client, many(1500, 'y'), 'f2', 'EOTHER');
    const errPaths = await errorOf(create(client, ['/z.html'], 'f3', 'EOTHER'));
    expect(errPaths.name).toBe('TooManyInvalidationsInProgress');
  });

  test('path rules and batch size: InvalidArgument, InconsistentQuantities, BatchTooLarge', async () => {
    const client = clientFor(3);
    const expectError = async (p: Promise<unknown>, name: string, status: number) => {
      const err = await errorOf(p);
      expect({ name: err.name, status: err.$metadata?.httpStatusCode }).toEqual({ name, status });
      return err;
    };
    await expectError(create(client, ['/a*/b'], 'r1'), 'InvalidArgument', 400);
    await expectError(create(client, ['no-slash.html'], 'r2'), 'InvalidArgument', 400);
    await expectError(create(client, ['/with space.html'], 'r3'), 'InvalidArgument', 400);
    await expectError(create(client, ['/café.html'], 'r4'), 'InvalidArgument', 400);
    await expectError(create(client, ['/100%.html'], 'r5'), 'InvalidArgument', 400);
    await expectError(create(client, ['/a', '/b'], 'r6', DIST, 3), 'InconsistentQuantities', 400);
    const big = Array.from({ length: 3001 }, (_, i) => `/f${i}.html`);
    await expectError(create(client, big, 'r7'), 'BatchTooLarge', 413);
    await expectError(create(client, ['/a'], ''), 'InvalidArgument', 400);
    // Nothing was stored, and none of these were retried.
    expect(cf.invalidations()).toEqual([]);
    expect(cf.calls).toHaveLength(8);
    expect(cf.calls.map((c) => c.errorCode)).toEqual([
      'InvalidArgument',
      'InvalidArgument',
      'InvalidArgument',
      'InvalidArgument',
      'InvalidArgument',
      'InconsistentQuantities',
      'BatchTooLarge',
      'InvalidArgument',
    ]);
    // Exactly 3,000 is allowed; valid encoded and wildcard-last paths pass.
    await create(client, big.slice(0, 3000), 'ok-3000');
    // (3,000 plain paths are now in progress on DIST, so use the other distribution.)
    await create(client, ['/caf%C3%A9.html', '/with%20space.html', '/img/hero*', '/*'], 'ok-enc', 'EOTHER');

    const lenient = await startCloudFront({ strictPathEncoding: false });
    try {
      const c = new CloudFrontClient({ endpoint: lenient.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
      clients.push(c);
      await c.send(
        new CreateInvalidationCommand({
          DistributionId: DIST,
          InvalidationBatch: { CallerReference: 'x', Paths: { Quantity: 1, Items: ['/with space.html'] } },
        }),
      );
      expect(lenient.invalidations()[0]?.paths).toEqual(['/with space.html']);
    } finally {
      await lenient.stop();
    }
  });

  test('NoSuchDistribution (allow-list) and NoSuchInvalidation', async () => {
    const client = clientFor(3);
    const e1 = await errorOf(create(client, ['/a'], 'r', 'EUNKNOWN'));
    expect([e1.name, e1.$metadata?.httpStatusCode]).toEqual(['NoSuchDistribution', 404]);
    const e2 = await errorOf(client.send(new GetInvalidationCommand({ DistributionId: DIST, Id: 'INOTTHERE0000' })));
    expect([e2.name, e2.$metadata?.httpStatusCode]).toEqual(['NoSuchInvalidation', 404]);
    const e3 = await errorOf(client.send(new ListInvalidationsCommand({ DistributionId: 'EUNKNOWN' })));
    expect(e3.name).toBe('NoSuchDistribution');
    // An invalidation id of another distribution is not found under this one.
    const inv = await create(client, ['/a'], 'r', 'EOTHER');
    const e4 = await errorOf(client.send(new GetInvalidationCommand({ DistributionId: DIST, Id: inv.Invalidation!.Id })));
    expect(e4.name).toBe('NoSuchInvalidation');
    expect(cf.calls.map((c) => c.status)).toEqual([404, 404, 404, 201, 404]);
  });

  test('failNext Throttling: the SDK retries and succeeds; both attempts are recorded', async () => {
    const client = clientFor(3);
    cf.failNext('CreateInvalidation', { status: 400, code: 'Throttling', message: 'Rate exceeded' });
    expect(cf.pendingFailures()).toBe(1);
    const res = await create(client, ['/index.html'], 'retry-me');
    expect(res.$metadata.attempts).toBe(2);
    expect(res.Invalidation?.Status).toBe('InProgress');
    expect(cf.pendingFailures()).toBe(0);
    expect(cf.calls.map((c) => ({ op: c.operation, status: c.status, code: c.errorCode, injected: c.injected, paths: c.paths }))).toEqual([
      { op: 'CreateInvalidation', status: 400, code: 'Throttling', injected: true, paths: ['/index.html'] },
      { op: 'CreateInvalidation', status: 201, code: undefined, injected: undefined, paths: ['/index.html'] },
    ]);
    expect(cf.invalidations(DIST)).toHaveLength(1);
  });

  test('failNext Throttling beyond maxAttempts surfaces Throttling', async () => {
    const client = clientFor(2);
    cf.failNext('CreateInvalidation', { status: 400, code: 'Throttling' }, 5);
    const err = await errorOf(create(client, ['/a'], 'r'));
    expect(err.name).toBe('Throttling');
    expect(err.$metadata?.attempts).toBe(2);
    expect(cf.calls).toHaveLength(2);
    expect(cf.pendingFailures('CreateInvalidation')).toBe(3);
    cf.reset();
    expect(cf.pendingFailures()).toBe(0);
    expect(cf.calls).toHaveLength(0);
  });

  test('failNext AccessDenied on GetInvalidation surfaces as a 403 error, not retried', async () => {
    const client = clientFor(3);
    const inv = await create(client, ['/a'], 'r');
    cf.failNext('GetInvalidation', {
      status: 403,
      code: 'AccessDenied',
      message: 'User is not authorized to perform: cloudfront:GetInvalidation',
    });
    const err = await errorOf(client.send(new GetInvalidationCommand({ DistributionId: DIST, Id: inv.Invalidation!.Id })));
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toContain('cloudfront:GetInvalidation');
    const gets = cf.calls.filter((c) => c.operation === 'GetInvalidation');
    expect(gets).toEqual([
      expect.objectContaining({ status: 403, errorCode: 'AccessDenied', injected: true, invalidationId: inv.Invalidation!.Id }),
    ]);
    // The failure was consumed: the next poll works.
    const ok = await client.send(new GetInvalidationCommand({ DistributionId: DIST, Id: inv.Invalidation!.Id }));
    expect(ok.Invalidation?.Id).toBe(inv.Invalidation!.Id);
  });

  test('robust against malformed input and unknown routes', async () => {
    const base = `/2020-05-31/distribution/${DIST}/invalidation`;
    const cases: Array<[string, string, string | undefined, number, string]> = [
      ['POST', base, '', 400, 'MissingBody'],
      ['POST', base, '<nope', 400, 'MalformedInput'],
      ['POST', base, '<InvalidationBatch><Paths><Quantity>x</Quantity></Paths></InvalidationBatch>', 400, 'MalformedInput'],
      [
        'POST',
        base,
        '<InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/a&bogus;</Path></Items></Paths><CallerReference>r</CallerReference></InvalidationBatch>',
        400,
        'MalformedInput',
      ],
      ['POST', base, '\u0000\u0001garbage\uFFFF', 400, 'MalformedInput'],
      ['GET', '/', undefined, 404, 'NotFound'],
      ['DELETE', `${base}/I123`, undefined, 404, 'NotFound'],
      ['GET', `${base}?MaxItems=abc`, undefined, 400, 'InvalidArgument'],
      ['GET', `${base}?Marker=INOPE`, undefined, 400, 'InvalidArgument'],
      ['GET', '/2020-05-31/distribution/%E0%A4%A/invalidation', undefined, 404, 'NoSuchDistribution'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await rawRequest(cf.endpoint, method, path, body);
      expect({ method, path, status: res.status, code: /<Code>([^<]*)<\/Code>/.exec(res.body)?.[1] }).toEqual({
        method,
        path,
        status,
        code,
      });
      expect(res.body).toContain('<ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">');
      expect(res.headers['content-type']).toBe('text/xml');
    }
    // Entities and CDATA in a hand-written body are decoded.
    const ok = await rawRequest(
      cf.endpoint,
      'POST',
      base,
      '<?xml version="1.0" encoding="UTF-8"?><InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Paths><Quantity>2</Quantity><Items><Path>/a&amp;b&#x3F;c=&#49;</Path><Path><![CDATA[/x&y]]></Path></Items></Paths><CallerReference>r&lt;1&gt;</CallerReference></InvalidationBatch>',
    );
    expect(ok.status).toBe(201);
    expect(cf.invalidations(DIST)[0]).toMatchObject({ paths: ['/a&b?c=1', '/x&y'], callerReference: 'r<1>' });
    expect(cf.calls).toHaveLength(cases.length + 1);
  });

  test('pure helpers', () => {
    expect(checkPath('/a/*')).toBeUndefined();
    expect(checkPath('/a~b')).toMatch(/unsafe/);
    expect(checkPath('/a~b', false)).toBeUndefined();
    expect(checkPath('/*/a')).toMatch(/last character/);
    expect(
      parseInvalidationBatch(
        '<InvalidationBatch><Paths><Quantity>0</Quantity><Items/></Paths><CallerReference>c</CallerReference></InvalidationBatch>',
      ),
    ).toEqual({
      quantity: 0,
      items: [],
      hasItems: true,
      callerReference: 'c',
    });
  });
});
