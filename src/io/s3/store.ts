// Thin S3 adapter: list, head, upload (single PUT or multipart, optionally gzipped), delete in batches, small
// state objects (optionally with conditional writes).
import { createReadStream, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import pMap from 'p-map';
import type { RemoteObject } from '../../model/data.js';
import type { HeadResult, ObjectStore, StreamedBody, UploadHeaders, UploadOptions, WriteCondition } from '../../model/ports.js';
import { gzippedFile, headerParams, headResult, isNotFound, objectSettings, putHeaders, unquote } from './params.js';
import { withRetries } from './retry.js';
import { SMALL_FILE } from '../fs/walk.js';
import { PreconditionFailedError, isPreconditionFailed } from './errors.js';
import { copyObject } from './copy.js';
import { endpointFromRequest, leanPut, type BucketEndpoint, type CapturedRequest, type LeanPutter } from './put.js';

export { GZIP_MAX_BYTES, MD5_META } from './params.js';

export { isPreconditionFailed, PreconditionFailedError } from './errors.js';

export interface S3Options {
  region: string;
  concurrency: number;
  multipartThreshold: number;
  partSize: number;
  env: Record<string, string | undefined>;
  /** Attempts per single-PUT upload (default 6) and the first backoff step (default 100 ms). */
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  /** Storage class of every upload (PutObject and CreateMultipartUpload), e.g. 'STANDARD_IA'. Default: the bucket's. */
  storageClass?: string;
  /** Server-side encryption of every upload. Default: the bucket's default encryption. */
  sse?: 'AES256' | 'aws:kms';
  /** KMS key for `sse: 'aws:kms'` (default: the AWS managed key). */
  sseKmsKeyId?: string;
  /**
   * Single-PUT uploads signed and sent without the SDK's middleware (src/io/s3/put.ts) once a listing has shown
   * the bucket's endpoint. Default true; false sends every upload through the SDK.
   */
  leanPut?: boolean;
  /** Keys per ListObjectsV2 page (MaxKeys). Default: the server's, 1,000 on S3. */
  listPageSize?: number;
  /** Copies above this size go in parts (UploadPartCopy). Default 5 GiB, CopyObject's limit; lower in tests. */
  copyPartThreshold?: number;
  /** Part size of a copy in parts. Default 512 MiB (raised to keep within 10,000 parts). */
  copyPartSize?: number;
}

export function s3ClientConfig(opts: Pick<S3Options, 'region' | 'concurrency' | 'env'>): S3ClientConfig {
  const endpoint = opts.env.AWS_ENDPOINT_URL_S3 || opts.env.AWS_ENDPOINT_URL;
  const agentOpts = { keepAlive: true, maxSockets: opts.concurrency };
  const config: S3ClientConfig = {
    region: opts.region,
    retryMode: 'adaptive',
    maxAttempts: 6,
    requestHandler: { httpAgent: new http.Agent(agentOpts), httpsAgent: new https.Agent(agentOpts) },
    // Every upload carries Content-MD5, which S3 verifies, so the SDK's optional CRC32 over each body (and the
    // aws-chunked encoding it needs for streams) is redundant CPU; S3-compatible servers may not accept it either.
    // Operations that require a checksum (DeleteObjects) still get one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  if (endpoint) {
    // S3-compatible servers: path-style addressing.
    config.endpoint = endpoint;
    config.forcePathStyle = true;
  }
  return config;
}

/** What every S3 operation of one store works with. */
interface S3Context {
  client: S3Client;
  bucket: string;
  opts: S3Options;
  settings: ReturnType<typeof objectSettings>;
  /** The lean single-PUT path, once the bucket's endpoint is known (see src/io/s3/put.ts). */
  lean: () => LeanPutter | null;
}

export function createS3Store(bucket: string, opts: S3Options, client = new S3Client(s3ClientConfig(opts))): ObjectStore {
  const ctx: S3Context = {
    client,
    bucket,
    opts,
    settings: objectSettings(opts),
    lean: opts.leanPut === false ? () => null : leanPutterFor(client, bucket, opts),
  };
  return {
    list: (prefix) => listObjects(ctx, prefix),
    head: (key) => headObject(ctx, key),
    storedMd5: async (key) => (await headObject(ctx, key))?.md5,
    upload: (key, absPath, size, md5, headers, uploadOpts) => uploadFile(ctx, key, absPath, size, md5, headers, uploadOpts),
    deleteKeys: (keys) => deleteKeys(ctx, keys),
    copy: (sourceKey, destKey, copyOpts) =>
      copyObject(
        {
          client,
          bucket,
          settings: ctx.settings,
          ...(opts.copyPartThreshold !== undefined && { partThreshold: opts.copyPartThreshold }),
          ...(opts.copyPartSize !== undefined && { partSize: opts.copyPartSize }),
        },
        sourceKey,
        destKey,
        copyOpts,
      ),
    getText: (key) => getText(ctx, key),
    putText: (key, body, condition) => putText(ctx, key, body, condition),
    etagOf: (key) => etagOf(ctx, key),
    deleteKey: async (key, condition) => {
      try {
        await client.send(
          new DeleteObjectCommand({ Bucket: bucket, Key: key, ...(condition && { IfMatch: `"${unquote(condition.ifMatch)}"` }) }),
        );
      } catch (err) {
        if (condition && isPreconditionFailed(err)) {
          throw new PreconditionFailedError(
            key,
            condition,
            (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 412,
            {
              cause: err,
            },
          );
        }
        throw err;
      }
    },
  };
}

/** Per client: each bucket's endpoint as the SDK resolved and signed it for a ListObjectsV2. */
const endpoints = new WeakMap<S3Client, Map<string, BucketEndpoint | null>>();

/** The endpoints `client` has resolved, by bucket: recorded from its first ListObjectsV2 of each (one middleware per client). */
function capturedEndpoints(client: S3Client): Map<string, BucketEndpoint | null> {
  const known = endpoints.get(client);
  if (known) return known;
  const byBucket = new Map<string, BucketEndpoint | null>();
  endpoints.set(client, byBucket);
  client.middlewareStack.add(
    (next, context) => (args) => {
      const input = args.input as { Bucket?: string };
      if (context.commandName === 'ListObjectsV2Command' && input.Bucket !== undefined && !byBucket.has(input.Bucket)) {
        byBucket.set(input.Bucket, endpointFromRequest(args.request as CapturedRequest));
      }
      return next(args);
    },
    { step: 'deserialize', name: 's3cfdBucketEndpoint', override: true },
  );
  return byBucket;
}

function leanPutterFor(client: S3Client, bucket: string, opts: S3Options): () => LeanPutter | null {
  const found = capturedEndpoints(client);
  const agentOpts = { keepAlive: true, maxSockets: opts.concurrency };
  let putter: LeanPutter | null = null;
  return () => {
    const endpoint = found.get(bucket);
    if (!endpoint) return null;
    // A bucket's endpoint is recorded once, so one putter serves every upload.
    return (putter ??= {
      endpoint,
      credentials: () => client.config.credentials(),
      clockOffsetMs: () => client.config.systemClockOffset ?? 0,
      onClockSkew: (offset) => {
        client.config.systemClockOffset = offset;
      },
      agent: endpoint.protocol === 'https:' ? new https.Agent(agentOpts) : new http.Agent(agentOpts),
    });
  };
}

/**
 * Every object under `prefix`. One page when that is all there is. A longer listing goes on by the prefix's
 * top-level folders (one ListObjectsV2 with Delimiter '/'): the first page's objects are kept, the folders after
 * its last key are listed `LIST_PARALLEL` at a time, so the server's time on one page overlaps the parsing of
 * another instead of every page waiting for the one before. When the first page suggests only a page or two
 * remain (many small folders), or there are more than LIST_MAX_FOLDERS folders, it goes on page by page.
 * Objects come back in the listing's own order (UTF-8 bytes).
 */
async function listObjects(ctx: S3Context, prefix: string): Promise<RemoteObject[]> {
  const first = await listPage(ctx, prefix);
  const lastKey = first.objects.at(-1)?.key;
  if (!first.next) return first.objects;
  const sequential = async () => [...first.objects, ...(await listAll(ctx, prefix, { token: first.next }))];
  const top = lastKey === undefined ? null : await listFolders(ctx, prefix);
  if (top === null || lastKey === undefined) return sequential();
  const after = (k: string) => byteOrder(k, lastKey) > 0;
  // The folder the first page ended in is listed on from its last key; later folders whole; earlier ones are done.
  const current = top.folders.find((f) => lastKey.startsWith(f));
  const later = top.folders.filter(after);
  const done = top.folders.length - later.length;
  const page = ctx.opts.listPageSize ?? 1000;
  if (later.length === 0 || (first.objects.length / Math.max(1, done)) * later.length <= 2 * page) return sequential();
  const work = [...(current ? [{ folder: current, from: lastKey }] : []), ...later.map((folder) => ({ folder, from: undefined }))];
  const groups = await pMap(work, (w) => listAll(ctx, w.folder, w.from ? { startAfter: w.from } : {}), { concurrency: LIST_PARALLEL });
  const parts: { at: string; objects: RemoteObject[] }[] = [
    ...top.objects.filter((o) => after(o.key)).map((o) => ({ at: o.key, objects: [o] })),
    ...work.map((w, i) => ({ at: w.folder, objects: groups[i]! })),
  ];
  parts.sort((a, b) => byteOrder(a.at, b.at));
  return [...first.objects, ...parts.flatMap((p) => p.objects)];
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const LIST_PARALLEL = 4;
const LIST_MAX_FOLDERS = 256;

interface PageFrom {
  token?: string | undefined;
  startAfter?: string;
  delimiter?: string;
}

async function listPage({ client, bucket, opts }: S3Context, prefix: string, from: PageFrom = {}) {
  const page = await client.send(
    new ListObjectsV2Command({
      Bucket: bucket,
      MaxKeys: opts.listPageSize,
      Prefix: prefix || undefined,
      ContinuationToken: from.token,
      StartAfter: from.token ? undefined : from.startAfter,
      Delimiter: from.delimiter,
    }),
  );
  const objects: RemoteObject[] = [];
  for (const o of page.Contents ?? []) {
    if (o.Key !== undefined) objects.push({ key: o.Key, etag: unquote(o.ETag), size: o.Size ?? 0 });
  }
  const folders = (page.CommonPrefixes ?? []).flatMap((c) => (c.Prefix !== undefined ? [c.Prefix] : []));
  return { objects, folders, next: page.IsTruncated ? page.NextContinuationToken : undefined };
}

async function listAll(ctx: S3Context, prefix: string, from: PageFrom = {}): Promise<RemoteObject[]> {
  const out: RemoteObject[] = [];
  let page = await listPage(ctx, prefix, from);
  for (;;) {
    for (const o of page.objects) out.push(o);
    if (!page.next) return out;
    page = await listPage(ctx, prefix, { token: page.next });
  }
}

/** The objects directly under `prefix` and its top-level folders, or null when there are too many folders. */
async function listFolders(ctx: S3Context, prefix: string): Promise<{ objects: RemoteObject[]; folders: string[] } | null> {
  const objects: RemoteObject[] = [];
  const folders: string[] = [];
  let token: string | undefined;
  do {
    const page = await listPage(ctx, prefix, { token, delimiter: '/' });
    objects.push(...page.objects);
    // A folder is named once (some servers repeat one that a page boundary falls in).
    for (const f of page.folders) if (folders.at(-1) !== f && !folders.includes(f)) folders.push(f);
    if (folders.length > LIST_MAX_FOLDERS) return null;
    token = page.next;
  } while (token);
  return { objects, folders };
}

async function headObject({ client, bucket }: S3Context, key: string): Promise<HeadResult | null> {
  try {
    return headResult(await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

async function uploadFile(
  ctx: S3Context,
  key: string,
  absPath: string,
  size: number,
  md5: string,
  headers: UploadHeaders,
  uploadOpts: UploadOptions | undefined,
): Promise<string> {
  const { client, bucket, opts, settings } = ctx;
  const params = { Bucket: bucket, Key: key, ...headerParams(headers, md5), ...settings };
  // gzip: the compressed bytes, in memory (size and md5 are theirs); otherwise the file, read or streamed.
  const gzipped = uploadOpts?.gzip ? await gzippedFile(key, absPath, size, md5) : null;
  if (size <= opts.multipartThreshold) {
    // A small file is read in one synchronous call (fs/promises costs four thread-pool round trips per file,
    // which for thousands of small uploads was more CPU than signing them); a larger one is streamed, afresh
    // for each attempt. S3 rejects the PUT if the bytes it received do not have the Content-MD5.
    const small = gzipped ?? (size <= SMALL_FILE ? readFileSync(absPath) : null);
    const contentMd5 = Buffer.from(md5, 'hex').toString('base64');
    const retry = { attempts: opts.maxAttempts ?? 6, baseDelayMs: opts.retryBaseDelayMs ?? 100 };
    const lean = ctx.lean();
    if (lean) {
      const fields = putHeaders({ ...params, ContentMD5: contentMd5 });
      return withRetries(() => leanPut(lean, key, small ?? { file: absPath, size }, fields), retry);
    }
    // Through the SDK, which retries a Buffer body itself but never a stream.
    const send = () =>
      client.send(
        new PutObjectCommand({ ...params, Body: small ?? createReadStream(absPath), ContentLength: size, ContentMD5: contentMd5 }),
      );
    return unquote((small ? await send() : await withRetries(send, retry)).ETag);
  }
  // Multipart: parts stream from disk (or are sliced from the gzipped buffer); on failure lib-storage aborts
  // the upload (no orphaned parts). Headers and object settings go on CreateMultipartUpload.
  const upload = new Upload({
    client,
    params: { ...params, Body: gzipped ?? createReadStream(absPath, { highWaterMark: 1024 * 1024 }) },
    partSize: opts.partSize,
    queueSize: 4,
    leavePartsOnError: false,
  });
  const done = await upload.done();
  return unquote(done.ETag);
}

async function deleteKeys(
  { client, bucket }: S3Context,
  keys: string[],
): Promise<{ deleted: string[]; failed: { key: string; message: string }[] }> {
  const deleted: string[] = [];
  const failed: { key: string; message: string }[] = [];
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000);
    const res = await client.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
    );
    const errs = new Map((res.Errors ?? []).map((e) => [e.Key ?? '', e.Message ?? e.Code ?? 'error']));
    for (const k of batch) {
      const msg = errs.get(k);
      if (msg === undefined) deleted.push(k);
      else failed.push({ key: k, message: msg });
    }
  }
  return { deleted, failed };
}

async function getText({ client, bucket }: S3Context, key: string): Promise<{ body: string; etag: string } | null> {
  try {
    const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return { body: (await res.Body?.transformToString('utf8')) ?? '', etag: unquote(res.ETag) };
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

async function putText(
  { client, bucket, opts }: S3Context,
  key: string,
  body: string | Uint8Array | StreamedBody,
  condition?: WriteCondition,
): Promise<string> {
  const streamed = typeof body === 'object' && 'chunks' in body ? body : null;
  try {
    const send = () =>
      client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          // A streamed body is made afresh for each attempt (the SDK retries a buffer itself, never a stream).
          ...(streamed
            ? { Body: Readable.from(streamed.chunks()), ContentLength: streamed.byteLength }
            : { Body: body as string | Uint8Array }),
          ContentType: 'application/json',
          CacheControl: 'no-store',
          // An entity-tag is quoted (RFC 9110), as HeadObject returns it; S3 compares the value inside.
          ...(condition && 'ifNoneMatch' in condition && { IfNoneMatch: '*' }),
          ...(condition && 'ifMatch' in condition && { IfMatch: `"${unquote(condition.ifMatch)}"` }),
        }),
      );
    const res = streamed
      ? await withRetries(send, { attempts: opts.maxAttempts ?? 6, baseDelayMs: opts.retryBaseDelayMs ?? 100 })
      : await send();
    return unquote(res.ETag);
  } catch (err) {
    if (condition === undefined) throw err;
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
    // S3 answers If-Match on a missing key with 404 NoSuchKey rather than 412: the condition failed all the same.
    if (isPreconditionFailed(err) || ('ifMatch' in condition && isNotFound(err))) {
      throw new PreconditionFailedError(key, condition, status, { cause: err });
    }
    throw err;
  }
}

async function etagOf({ client, bucket }: S3Context, key: string): Promise<string | null> {
  try {
    return unquote((await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ETag);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}
