// The ports: what the stages need from the outside world, each no wider than its callers. The adapters in
// src/io implement them against S3, CloudFront and @actions/core; __tests__/support/memory.ts implements
// them in memory, so the whole pipeline runs in-process in tests.
import type { RemoteObject } from './data.js';

/** Headers an object is uploaded with. */
export interface UploadHeaders {
  contentType: string;
  cacheControl: string;
}

/** The site's objects in the bucket. */
export interface SiteObjects {
  /** Every object under `prefix` (ListObjectsV2, all pages). */
  list(prefix: string): Promise<RemoteObject[]>;
  /** The content MD5 the action stored in metadata (HeadObject), or undefined (another tool wrote it). */
  storedMd5(key: string): Promise<string | undefined>;
  /** Uploads a file and returns the new ETag (unquoted). */
  upload(key: string, absPath: string, size: number, md5: string, headers: UploadHeaders): Promise<string>;
  deleteKeys(keys: string[]): Promise<{ deleted: string[]; failed: { key: string; message: string }[] }>;
}

/** The action's own small records (state, owed invalidations) in the bucket. */
export interface OwnRecords {
  getText(key: string): Promise<{ body: string; etag: string } | null>;
  putText(key: string, body: string): Promise<void>;
  /** Current ETag, or null when the object is gone. */
  etagOf(key: string): Promise<string | null>;
  deleteKey(key: string): Promise<void>;
}

/** One bucket holds both. */
export type ObjectStore = SiteObjects & OwnRecords;

/** The CDN's invalidation API. */
export interface Cdn {
  create(distributionId: string, paths: string[], callerReference: string): Promise<{ id: string; status: string }>;
  get(distributionId: string, id: string): Promise<{ status: string; paths: string[] }>;
  /** Invalidations created since `since` (CloudFront lists newest first), with their status. */
  listSince(distributionId: string, since: Date): Promise<{ id: string; status: string; createTime: Date }[]>;
}

export interface Clock {
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** The run's log (GitHub's workflow commands in production). */
export interface Log {
  info(message: string): void;
  debug(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  /** A collapsible group around `fn`. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}
