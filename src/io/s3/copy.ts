// Server-side copies within the bucket (rollback history and restores): CopyObject up to 5 GiB, above that a
// multipart upload whose parts are UploadPartCopy ranges of the source. No byte passes through the runner.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  UploadPartCopyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { CopyOptions } from '../../model/ports.js';
import { headerParams, objectSettings, unquote } from './params.js';

/** CopyObject's limit: larger objects are copied in parts. */
export const COPY_OBJECT_MAX_BYTES = 5 * 1024 ** 3;
/** S3's limit on parts. */
const MAX_PARTS = 10_000;

export interface CopyContext {
  client: S3Client;
  bucket: string;
  settings: ReturnType<typeof objectSettings>;
  /** Above this size, a copy in parts (default COPY_OBJECT_MAX_BYTES; lower in tests). */
  partThreshold?: number;
  /** Part size of a copy in parts (default 512 MiB, raised so there are at most 10,000 parts). */
  partSize?: number;
}

/**
 * `x-amz-copy-source`: the bucket and the key, each path segment percent-encoded as a URL path segment is (RFC 3986:
 * the sub-delimiters `$&+,;=:@` stay as they are, as Go's url.PathEscape leaves them), so servers that decode the
 * header with decodeURI (s3rver) find `c++/a+b.js` too; `#`, `?`, `%` and spaces are encoded.
 */
export function copySource(bucket: string, key: string): string {
  const segment = (s: string) => encodeURIComponent(s).replace(/%(24|26|2B|2C|3B|3D|3A|40)/g, (m) => decodeURIComponent(m));
  return `${bucket}/${key.split('/').map(segment).join('/')}`;
}

export async function copyObject(ctx: CopyContext, sourceKey: string, destKey: string, opts: CopyOptions): Promise<string> {
  const { client, bucket, settings } = ctx;
  const source = copySource(bucket, sourceKey);
  if (opts.size <= (ctx.partThreshold ?? COPY_OBJECT_MAX_BYTES)) {
    const res = await client.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: destKey,
        CopySource: source,
        ...settings,
        ...(opts.replace
          ? { MetadataDirective: 'REPLACE', ...headerParams(opts.replace.headers, opts.replace.md5) }
          : { MetadataDirective: 'COPY' }),
      }),
    );
    return unquote(res.CopyObjectResult?.ETag);
  }
  return copyInParts(ctx, source, sourceKey, destKey, opts);
}

/** A copy in parts: headers on CreateMultipartUpload (the source's, read with HEAD, when none are given). */
async function copyInParts(ctx: CopyContext, source: string, sourceKey: string, destKey: string, opts: CopyOptions): Promise<string> {
  const { client, bucket, settings } = ctx;
  const headers = opts.replace ? headerParams(opts.replace.headers, opts.replace.md5) : await sourceHeaders(ctx, sourceKey);
  const created = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: destKey, ...headers, ...settings }));
  const uploadId = created.UploadId!;
  const partSize = Math.max(ctx.partSize ?? 512 * 1024 ** 2, Math.ceil(opts.size / MAX_PARTS));
  try {
    const parts: { ETag: string; PartNumber: number }[] = [];
    for (let start = 0, n = 1; start < opts.size; start += partSize, n++) {
      const end = Math.min(opts.size, start + partSize) - 1;
      const res = await client.send(
        new UploadPartCopyCommand({
          Bucket: bucket,
          Key: destKey,
          UploadId: uploadId,
          PartNumber: n,
          CopySource: source,
          CopySourceRange: `bytes=${start}-${end}`,
        }),
      );
      parts.push({ ETag: res.CopyPartResult?.ETag ?? '', PartNumber: n });
    }
    const done = await client.send(
      new CompleteMultipartUploadCommand({ Bucket: bucket, Key: destKey, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
    );
    return unquote(done.ETag);
  } catch (err) {
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: destKey, UploadId: uploadId })).catch(() => {});
    throw err;
  }
}

async function sourceHeaders(ctx: CopyContext, key: string) {
  const h = await ctx.client.send(new HeadObjectCommand({ Bucket: ctx.bucket, Key: key }));
  const metadata = { ...h.Metadata };
  return {
    ContentType: h.ContentType,
    CacheControl: h.CacheControl,
    ...(h.ContentEncoding !== undefined && { ContentEncoding: h.ContentEncoding }),
    ...(h.ContentLanguage !== undefined && { ContentLanguage: h.ContentLanguage }),
    ...(h.ContentDisposition !== undefined && { ContentDisposition: h.ContentDisposition }),
    ...(h.WebsiteRedirectLocation !== undefined && { WebsiteRedirectLocation: h.WebsiteRedirectLocation }),
    Metadata: metadata,
  };
}
