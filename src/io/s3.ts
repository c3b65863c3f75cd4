// Thin S3 adapter: list, head, upload (single PUT or multipart, optionally gzipped), delete in batches, small
// state objects (optionally with conditional writes).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  type ServerSideEncryption,
  type StorageClass,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { RemoteObject } from '../model/data.js';
import type { HeadResult, ObjectStore, UploadHeaders, WriteCondition } from '../model/ports.js';
import { gzipDeterministic } from '../plan/gzip.js';
import { headersFromHead } from '../plan/headers.js';
import { withRetries } from './retry.js';
import { SMALL_FILE } from './files.js';

/** User metadata key holding the hex MD5 of the content, so multipart/SSE-KMS objects compare exactly. */
export const MD5_META = 's3cfd-md5';

/**
 * Largest file `upload(..., { gzip: true })` accepts (256 MiB): it reads the whole file and compresses it in
 * memory, so both copies are held at once. Files worth gzipping (HTML, CSS, JS, JSON, SVG) are far smaller.
 */
export const GZIP_MAX_BYTES = 256 * 1024 * 1024;

/** A write's condition did not hold (S3 412 PreconditionFailed, or 409 ConditionalRequestConflict). */
export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailed';
  constructor(
    readonly key: string,
    readonly condition: WriteCondition,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    const what = 'ifNoneMatch' in condition ? 'If-None-Match: *' : `If-Match: ${condition.ifMatch}`;
    super(`conditional write of ${key} refused (${what}; HTTP ${status})`, options);
  }
}

/**
 * Whether `err` says a conditional write's precondition did not hold: a PreconditionFailedError from putText, or
 * an SDK error with S3's 412 PreconditionFailed / 409 ConditionalRequestConflict.
 */
export function isPreconditionFailed(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } } | null | undefined;
  if (!e || typeof e !== 'object') return false;
  return (
    e.name === 'PreconditionFailed' ||
    e.name === 'ConditionalRequestConflict' ||
    e.Code === 'PreconditionFailed' ||
    e.Code === 'ConditionalRequestConflict' ||
    e.$metadata?.httpStatusCode === 412
  );
}

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

const unquote = (etag: string | undefined) => (etag ?? '').replace(/^"|"$/g, '');

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}

/** The user metadata to send: the caller's, with the action's content MD5 (which always wins, whatever its case). */
function metadataWith(md5: string, given: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(given ?? {})) {
    if (k.toLowerCase() !== MD5_META) out[k] = v;
  }
  out[MD5_META] = md5;
  return out;
}

/** The object's headers as PutObject / CreateMultipartUpload fields, leaving out the ones not set. */
function headerParams(h: UploadHeaders, md5: string) {
  return {
    ContentType: h.contentType,
    CacheControl: h.cacheControl,
    ...(h.contentEncoding !== undefined && { ContentEncoding: h.contentEncoding }),
    ...(h.contentLanguage !== undefined && { ContentLanguage: h.contentLanguage }),
    ...(h.contentDisposition !== undefined && { ContentDisposition: h.contentDisposition }),
    ...(h.websiteRedirectLocation !== undefined && { WebsiteRedirectLocation: h.websiteRedirectLocation }),
    Metadata: metadataWith(md5, h.metadata),
  };
}

/** The store-wide object settings (never an ACL: buckets with ACLs disabled reject any). */
function objectSettings(opts: S3Options) {
  return {
    ...(opts.storageClass !== undefined && { StorageClass: opts.storageClass as StorageClass }),
    ...(opts.sse !== undefined && { ServerSideEncryption: opts.sse as ServerSideEncryption }),
    ...(opts.sseKmsKeyId !== undefined && { SSEKMSKeyId: opts.sseKmsKeyId }),
  };
}

/** Read and gzip a file, checking the result is what the caller planned (same size and MD5). */
async function gzippedFile(key: string, absPath: string, size: number, md5: string): Promise<Buffer> {
  const { size: sourceSize } = await stat(absPath);
  if (sourceSize > GZIP_MAX_BYTES) {
    throw new Error(`${key}: ${sourceSize} bytes is too large to gzip in memory (limit ${GZIP_MAX_BYTES} bytes)`);
  }
  const body = gzipDeterministic(await readFile(absPath));
  const actual = createHash('md5').update(body).digest('hex');
  if (body.length !== size || actual !== md5) {
    throw new Error(
      `${key}: gzipped content is ${body.length} bytes with MD5 ${actual}, but ${size} bytes with MD5 ${md5} was planned ` +
        '(the file changed since it was read?)',
    );
  }
  return body;
}

/** Headers a HeadObject answer carries, in the shape headersFromHead takes. */
function headResult(head: {
  ContentType?: string;
  CacheControl?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  ContentDisposition?: string;
  WebsiteRedirectLocation?: string;
  Metadata?: Record<string, string>;
}): HeadResult {
  const md5Key = Object.keys(head.Metadata ?? {}).find((k) => k.toLowerCase() === MD5_META);
  const md5 = md5Key === undefined ? undefined : head.Metadata?.[md5Key];
  const headers = headersFromHead({
    contentType: head.ContentType,
    cacheControl: head.CacheControl,
    contentEncoding: head.ContentEncoding,
    contentLanguage: head.ContentLanguage,
    contentDisposition: head.ContentDisposition,
    websiteRedirectLocation: head.WebsiteRedirectLocation,
    metadata: head.Metadata,
  });
  return md5 === undefined || md5 === '' ? { headers } : { md5, headers };
}

export function createS3Store(bucket: string, opts: S3Options, client = new S3Client(s3ClientConfig(opts))): ObjectStore {
  const settings = objectSettings(opts);

  async function head(key: string): Promise<HeadResult | null> {
    try {
      return headResult(await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  return {
    async list(prefix) {
      const out: RemoteObject[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          if (o.Key !== undefined) out.push({ key: o.Key, etag: unquote(o.ETag), size: o.Size ?? 0 });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return out;
    },

    head,

    async storedMd5(key) {
      return (await head(key))?.md5;
    },

    async upload(key, absPath, size, md5, headers, uploadOpts) {
      const params = { Bucket: bucket, Key: key, ...headerParams(headers, md5), ...settings };
      // gzip: the compressed bytes, in memory (size and md5 are theirs); otherwise the file, read or streamed.
      const gzipped = uploadOpts?.gzip ? await gzippedFile(key, absPath, size, md5) : null;
      if (size <= opts.multipartThreshold) {
        // Small files go as a Buffer (cheaper than a stream per file), which the SDK retries itself. Larger ones
        // go as a stream, which the SDK never retries: a fresh stream per attempt, retried here.
        const small = gzipped ?? (size <= SMALL_FILE ? await readFile(absPath) : null);
        const send = () =>
          client.send(
            new PutObjectCommand({
              ...params,
              Body: small ?? createReadStream(absPath),
              ContentLength: size,
              // S3 rejects the PUT if the bytes it received do not have this MD5.
              ContentMD5: Buffer.from(md5, 'hex').toString('base64'),
            }),
          );
        const res = small
          ? await send()
          : await withRetries(send, { attempts: opts.maxAttempts ?? 6, baseDelayMs: opts.retryBaseDelayMs ?? 100 });
        return unquote(res.ETag);
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
    },

    async deleteKeys(keys) {
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
    },

    async getText(key) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return { body: (await res.Body?.transformToString('utf8')) ?? '', etag: unquote(res.ETag) };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },

    async putText(key, body, condition) {
      try {
        const res = await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentType: 'application/json',
            CacheControl: 'no-store',
            // An entity-tag is quoted (RFC 9110), as HeadObject returns it; S3 compares the value inside.
            ...(condition && 'ifNoneMatch' in condition && { IfNoneMatch: '*' }),
            ...(condition && 'ifMatch' in condition && { IfMatch: `"${unquote(condition.ifMatch)}"` }),
          }),
        );
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
    },

    async etagOf(key) {
      try {
        return unquote((await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ETag);
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },

    async deleteKey(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
