// Thin S3 adapter: list, head, upload (single PUT or multipart), delete in batches, small state objects.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { RemoteObject } from '../model/data.js';
import type { ObjectStore } from '../model/ports.js';
import { withRetries } from './retry.js';
import { SMALL_FILE } from './files.js';

/** User metadata key holding the hex MD5 of the content, so multipart/SSE-KMS objects compare exactly. */
export const MD5_META = 's3cfd-md5';

export interface S3Options {
  region: string;
  concurrency: number;
  multipartThreshold: number;
  partSize: number;
  env: Record<string, string | undefined>;
  /** Attempts per single-PUT upload (default 6) and the first backoff step (default 100 ms). */
  maxAttempts?: number;
  retryBaseDelayMs?: number;
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

export function createS3Store(bucket: string, opts: S3Options, client = new S3Client(s3ClientConfig(opts))): ObjectStore {
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

    async storedMd5(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return head.Metadata?.[MD5_META];
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },

    async upload(key, absPath, size, md5, headers) {
      const params = {
        Bucket: bucket,
        Key: key,
        ContentType: headers.contentType,
        CacheControl: headers.cacheControl,
        Metadata: { [MD5_META]: md5 },
      };
      if (size <= opts.multipartThreshold) {
        // Small files go as a Buffer (cheaper than a stream per file), which the SDK retries itself. Larger ones
        // go as a stream, which the SDK never retries: a fresh stream per attempt, retried here.
        const small = size <= SMALL_FILE ? await readFile(absPath) : null;
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
      // Multipart: parts stream from disk; on failure lib-storage aborts the upload (no orphaned parts).
      const upload = new Upload({
        client,
        params: { ...params, Body: createReadStream(absPath, { highWaterMark: 1024 * 1024 }) },
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

    async putText(key, body) {
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json', CacheControl: 'no-store' }),
      );
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
