// S3 request fields and response readings: object headers and settings as PutObject fields, the gzipped body,
// a HeadObject answer as the port's HeadResult.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ServerSideEncryption, StorageClass } from '@aws-sdk/client-s3';
import type { HeadResult, UploadHeaders } from '../../model/ports.js';
import { gzipDeterministic } from '../../plan/gzip.js';
import { headersFromHead } from '../../plan/headers.js';

/** User metadata key holding the hex MD5 of the content, so multipart/SSE-KMS objects compare exactly. */
export const MD5_META = 's3cfd-md5';

/**
 * Largest file `upload(..., { gzip: true })` accepts (256 MiB): it reads the whole file and compresses it in
 * memory, so both copies are held at once. Files worth gzipping (HTML, CSS, JS, JSON, SVG) are far smaller.
 */
export const GZIP_MAX_BYTES = 256 * 1024 * 1024;

export const unquote = (etag: string | undefined) => (etag ?? '').replace(/^"|"$/g, '');

export function isNotFound(err: unknown): boolean {
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
export function headerParams(h: UploadHeaders, md5: string) {
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

/** PutObject's fields (headerParams, objectSettings, ContentMD5) as the HTTP headers S3 reads them from. */
export function putHeaders(p: ReturnType<typeof headerParams> & ReturnType<typeof objectSettings> & { ContentMD5: string }) {
  const out: Record<string, string> = {};
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) out[name] = value;
  };
  set('content-type', p.ContentType);
  set('cache-control', p.CacheControl);
  set('content-encoding', p.ContentEncoding);
  set('content-language', p.ContentLanguage);
  set('content-disposition', p.ContentDisposition);
  set('content-md5', p.ContentMD5);
  set('x-amz-website-redirect-location', p.WebsiteRedirectLocation);
  set('x-amz-storage-class', p.StorageClass);
  set('x-amz-server-side-encryption', p.ServerSideEncryption);
  set('x-amz-server-side-encryption-aws-kms-key-id', p.SSEKMSKeyId);
  for (const [k, v] of Object.entries(p.Metadata)) out[`x-amz-meta-${k.toLowerCase()}`] = v;
  return out;
}

/** The store-wide object settings (never an ACL: buckets with ACLs disabled reject any). */
export function objectSettings(opts: { storageClass?: string; sse?: 'AES256' | 'aws:kms'; sseKmsKeyId?: string }) {
  return {
    ...(opts.storageClass !== undefined && { StorageClass: opts.storageClass as StorageClass }),
    ...(opts.sse !== undefined && { ServerSideEncryption: opts.sse as ServerSideEncryption }),
    ...(opts.sseKmsKeyId !== undefined && { SSEKMSKeyId: opts.sseKmsKeyId }),
  };
}

/** Read and gzip a file, checking the result is what the caller planned (same size and MD5). */
export async function gzippedFile(key: string, absPath: string, size: number, md5: string): Promise<Buffer> {
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
export function headResult(head: {
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
