// The ports: what the stages need from the outside world, each no wider than its callers. The adapters in
// src/io implement them against S3, CloudFront and the runner (through @actions/core, src/io/runner/log.ts);
// __tests__/support/memory.ts implements them in memory, so the whole pipeline runs in-process in tests.
import type { RemoteObject } from './data.js';
import type { ObjectHeaders, StoredHeaders } from './headers.js';

/** Headers an object is uploaded with: every header the action sets, Content-Type and Cache-Control always. */
export type UploadHeaders = ObjectHeaders & { contentType: string; cacheControl: string };

export interface UploadOptions {
  /**
   * Compress the file with gzipDeterministic (src/plan/gzip.ts) before upload; `size` and `md5` are then those of
   * the compressed bytes. The file and its compressed form are held in memory (see GZIP_MAX_BYTES in src/io/s3/store.ts).
   */
  gzip?: boolean;
}

/** One HeadObject: the content MD5 the action stored (metadata `s3cfd-md5`) and the object's headers. */
export interface HeadResult {
  /** Absent when another tool wrote the object. */
  md5?: string;
  headers: StoredHeaders;
}

/**
 * A precondition on a write (S3 conditional writes): create only (`If-None-Match: *`) or replace only the version
 * with this ETag (`If-Match`). When it does not hold, the write throws an error named `PreconditionFailed`.
 */
export type WriteCondition = { ifNoneMatch: '*' } | { ifMatch: string };

/** The site's objects in the bucket. */
export interface SiteObjects {
  /** Every object under `prefix` (ListObjectsV2, all pages). */
  list(prefix: string): Promise<RemoteObject[]>;
  /** One HeadObject: stored content MD5 and normalised headers (headersFromHead), or null when there is no object. */
  head(key: string): Promise<HeadResult | null>;
  /** The content MD5 the action stored in metadata (HeadObject), or undefined (another tool wrote it, or none). */
  storedMd5(key: string): Promise<string | undefined>;
  /**
   * Uploads a file with every header given (user metadata merged with the action's `s3cfd-md5`, which wins) and
   * the store's object settings (storage class, encryption); never an ACL. Returns the new ETag (unquoted).
   */
  upload(key: string, absPath: string, size: number, md5: string, headers: UploadHeaders, opts?: UploadOptions): Promise<string>;
  deleteKeys(keys: string[]): Promise<{ deleted: string[]; failed: { key: string; message: string }[] }>;
  /**
   * A server-side copy within the bucket (CopyObject; UploadPartCopy in parts above 5 GiB): no byte passes through
   * the runner. Without `headers` the object keeps the source's headers and metadata (MetadataDirective COPY); with
   * them it gets exactly those, plus the action's `s3cfd-md5` = `md5` (REPLACE). The store's object settings
   * (storage class, encryption) apply. Returns the new ETag (unquoted).
   */
  copy(sourceKey: string, destKey: string, opts: CopyOptions): Promise<string>;
}

/** What a server-side copy needs to know. */
export interface CopyOptions {
  /** The source's size in bytes (decides a single CopyObject or a copy in parts). */
  size: number;
  /** REPLACE: the headers the copy gets, with the content MD5 recorded in its metadata. */
  replace?: { headers: UploadHeaders; md5: string };
}

/** A body too large to hold as one buffer: its length, and its bytes in order, made afresh for each send. */
export interface StreamedBody {
  byteLength: number;
  chunks(): Iterable<Uint8Array>;
}

/** The action's own small records (state, owed invalidations) in the bucket. */
export interface OwnRecords {
  /** Every object under `prefix` (which need not be the site's prefix). */
  list(prefix: string): Promise<RemoteObject[]>;
  getText(key: string): Promise<{ body: string; etag: string } | null>;
  /**
   * A JSON record parsed as it arrives (the ledger of a large site is never held as text); a SyntaxError when it is
   * not JSON. Stores without it are read with getText.
   */
  getJson?(key: string): Promise<{ value: unknown; etag: string } | null>;
  /**
   * Writes a JSON record (the ledger of a large site as a StreamedBody) and returns its new ETag (unquoted). With a condition, throws an error with
   * `name === 'PreconditionFailed'` (see isPreconditionFailed in src/io/s3/store.ts) when it does not hold.
   */
  putText(key: string, body: string | Uint8Array | StreamedBody, condition?: WriteCondition): Promise<string>;
  /** Current ETag, or null when the object is gone. */
  etagOf(key: string): Promise<string | null>;
  /**
   * Deletes a record; with `ifMatch`, only that version (S3 conditional delete): throws `PreconditionFailed` when it
   * was replaced. A server that ignores the condition deletes it anyway (callers compare first).
   */
  deleteKey(key: string, condition?: { ifMatch: string }): Promise<void>;
}

/** One bucket holds both. */
export type ObjectStore = SiteObjects & OwnRecords;

/** What a run needs of a distribution's configuration (GetDistributionConfig). */
export interface DistributionSettings {
  /** The response header CloudFront reads cache tags from (`CacheTagConfig.HeaderName`), when it has one. */
  cacheTagHeader?: string;
}

/** The CDN's invalidation API. */
export interface Cdn {
  /**
   * GetDistributionConfig: proves the distribution exists and reads its settings. Throws the service's error
   * (name `NoSuchDistribution`, `AccessDenied`, ...) unchanged; gather decides what each means.
   */
  distributionConfig(distributionId: string): Promise<DistributionSettings>;
  /**
   * CreateInvalidation; with `tenantId`, CreateInvalidationForDistributionTenant for that tenant of the distribution.
   * Items are paths and cache tag items (`#<tag>`).
   */
  create(distributionId: string, paths: string[], callerReference: string, tenantId?: string): Promise<{ id: string; status: string }>;
  /** GetInvalidation; with `tenantId`, GetInvalidationForDistributionTenant. */
  get(distributionId: string, id: string, tenantId?: string): Promise<{ status: string; paths: string[] }>;
  /** Invalidations created since `since` (CloudFront lists newest first), with their status. */
  listSince(distributionId: string, since: Date): Promise<{ id: string; status: string; createTime: Date }[]>;
}

export interface Clock {
  sleep(ms: number): Promise<void>;
  now(): number;
}

/**
 * What an annotation is called on the run's page, and the file that caused it (a path under the workspace or
 * absolute), when one did. Without one, the action's name is the title.
 */
export interface Annotation {
  title?: string;
  file?: string;
}

/** The run's log (@actions/core in production). */
export interface Log {
  info(message: string): void;
  debug(message: string): void;
  /** Whether debug lines are shown (step debug logging): per-file lines are written only then. */
  readonly debugging?: boolean;
  notice(message: string, at?: Annotation): void;
  warning(message: string, at?: Annotation): void;
  /** A collapsible group around `fn`. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}
