// Thin S3 adapter: list, head, upload (single PUT or multipart, optionally gzipped), delete in batches, small
// state objects (optionally with conditional writes).
import { createReadStream, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
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
import pLimit from 'p-limit';
import { wholeBytes, type RemoteObject } from '../../model/data.js';
import { JsonAssembler } from '../../model/json-stream.js';
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
    getJson: (key) => getJson(ctx, key),
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
 * Every object under `prefix`, in the listing's own order (UTF-8 bytes). One page when that is all there is. A
 * longer listing goes on with Delimiter '/' from where the first page ended: that names the objects directly under
 * the prefix and its later folders, which (with the rest of the folder the first page ended in) are listed side by
 * side, `LIST_PARALLEL` requests at a time in all, each the same way one level down. So a tree whose keys all sit
 * in one folder (a tile pyramid, z/x/y.png) is split where it fans out, the server's time on one page overlaps the
 * parsing of another instead of every page waiting for the one before, and a folder without subfolders costs the
 * pages it would cost anyway. Folders of a few keys each (by the first page), more than `LIST_MAX_FOLDER_PAGES`
 * pages of folders, or more than `LIST_MAX_DEPTH` levels: page by page.
 */
async function listObjects(ctx: S3Context, prefix: string): Promise<RemoteObject[]> {
  const limit = pLimit(LIST_PARALLEL);
  return listUnder({ ...ctx, page: (p, from) => limit(() => listPage(ctx, p, from)) }, prefix, undefined, 0);
}

interface ListContext extends S3Context {
  /** One page, within the listing's limit on requests in flight. */
  page: (prefix: string, from?: PageFrom) => ReturnType<typeof listPage>;
}

/** The objects under `prefix` whose keys come after `after` (all of them when undefined), in byte order. */
async function listUnder(ctx: ListContext, prefix: string, after: string | undefined, depth: number): Promise<RemoteObject[]> {
  const first = await ctx.page(prefix, after === undefined ? {} : { startAfter: after });
  const lastKey = first.objects.at(-1)?.key;
  if (!first.next) return first.objects;
  const sequential = async () => [...first.objects, ...(await listAll(ctx, prefix, { token: first.next }))];
  if (lastKey === undefined || depth >= LIST_MAX_DEPTH) return sequential();
  const page = ctx.opts.listPageSize ?? 1000;
  const current = folderOf(prefix, lastKey);
  // Folders the first page went through whole: folders of a few keys each would cost a request each.
  const passed = new Set(first.objects.map((o) => folderOf(prefix, o.key)));
  passed.delete(undefined);
  passed.delete(current);
  const done = passed.size;
  if (done > 0 && first.objects.length / done < page / 4) return sequential();
  const rest = await listFolders(ctx, prefix, lastKey, LIST_MAX_FOLDER_PAGES);
  if (rest === null) return sequential();
  // Only what comes after the page's last key (a server that ignored StartAfter must not make a key listed twice).
  const isAfter = (k: string) => byteOrder(k, lastKey) > 0;
  const later = rest.folders.filter((f) => f !== current && isAfter(f));
  const work = [...(current ? [{ folder: current, from: lastKey }] : []), ...later.map((folder) => ({ folder, from: undefined }))];
  const groups = await Promise.all(work.map((w) => listUnder(ctx, w.folder, w.from, depth + 1)));
  const parts: { at: string; objects: RemoteObject[] }[] = [
    ...rest.objects.filter((o) => isAfter(o.key)).map((o) => ({ at: o.key, objects: [o] })),
    ...work.map((w, i) => ({ at: w.folder, objects: groups[i]! })),
  ];
  parts.sort((a, b) => byteOrder(a.at, b.at));
  const out = first.objects;
  for (const p of parts) for (const o of p.objects) out.push(o);
  return out;
}

/** The folder directly under `prefix` that `key` is in (ending in '/'), or undefined for an object directly under it. */
function folderOf(prefix: string, key: string): string | undefined {
  const slash = key.indexOf('/', prefix.length);
  return slash < 0 ? undefined : key.slice(0, slash + 1);
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
/** ListObjectsV2 requests in flight for one listing. */
const LIST_PARALLEL = 8;
/** Pages of a delimited listing (folders and objects directly under a prefix) before going on page by page instead. */
const LIST_MAX_FOLDER_PAGES = 4;
/** Folder levels split at most (a deeper tree is listed page by page below that). */
const LIST_MAX_DEPTH = 4;

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
    if (o.Key !== undefined) objects.push({ key: o.Key, etag: unquote(o.ETag), size: wholeBytes(o.Size ?? 0) });
  }
  const folders = (page.CommonPrefixes ?? []).flatMap((c) => (c.Prefix !== undefined ? [c.Prefix] : []));
  return { objects, folders, next: page.IsTruncated ? page.NextContinuationToken : undefined };
}

async function listAll(ctx: ListContext, prefix: string, from: PageFrom = {}): Promise<RemoteObject[]> {
  const out: RemoteObject[] = [];
  let page = await ctx.page(prefix, from);
  for (;;) {
    for (const o of page.objects) out.push(o);
    if (!page.next) return out;
    page = await ctx.page(prefix, { token: page.next });
  }
}

/**
 * The objects directly under `prefix` and its folders, after the key `after` (a folder that key is in may or may not
 * be named: servers differ), or null when that takes more than `maxPages` pages.
 */
async function listFolders(
  ctx: ListContext,
  prefix: string,
  after: string,
  maxPages: number,
): Promise<{ objects: RemoteObject[]; folders: string[] } | null> {
  const objects: RemoteObject[] = [];
  const folders: string[] = [];
  const named = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  do {
    if (++pages > maxPages) return null;
    const page = await ctx.page(prefix, token ? { token, delimiter: '/' } : { startAfter: after, delimiter: '/' });
    objects.push(...page.objects);
    // A folder is named once (some servers repeat one that a page boundary falls in).
    for (const f of page.folders) {
      if (named.has(f)) continue;
      named.add(f);
      folders.push(f);
    }
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

/** The object's JSON, parsed from its bytes as they arrive (see JsonAssembler); a SyntaxError when it is not JSON. */
async function getJson({ client, bucket }: S3Context, key: string): Promise<{ value: unknown; etag: string } | null> {
  try {
    const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const json = new JsonAssembler();
    // As the SDK's transformToString: UTF-8, a malformed sequence read as U+FFFD (a character split across chunks is kept).
    const utf8 = new StringDecoder('utf8');
    for await (const chunk of (res.Body ?? []) as AsyncIterable<Uint8Array>) json.write(utf8.write(chunk as Buffer));
    json.write(utf8.end());
    return { value: json.end(), etag: unquote(res.ETag) };
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
