// Plain data shared by the pure planner (src/plan) and the I/O shell (src/io).
// Nothing here touches AWS, the filesystem or process.env.

/** A file found in the build directory. `path` is relative to source-dir, POSIX separators, bytes as on disk. */
export interface LocalFile {
  path: string;
  size: number;
  /** Hex MD5 of the content. */
  md5: string;
  /** Multipart ETag this file would get with the action's part size (only for files above the multipart threshold). */
  multipartEtag?: string;
}

/** An object listed in the bucket (ListObjectsV2 gives no headers or metadata). */
export interface RemoteObject {
  key: string;
  /** ETag without quotes. */
  etag: string;
  size: number;
}

/** Why the fingerprint classifier decided what it did. */
export interface FingerprintVerdict {
  fingerprinted: boolean;
  /** Human-readable evidence, e.g. "vite manifest lists it", "8-char base64url hash before extension". */
  reason: string;
}

export type UploadReason =
  | 'new' // no object at the key
  | 'content-changed' // hash differs
  | 'size-changed'
  | 'headers-changed' // same content, new Content-Type or Cache-Control
  | 'forced';

export type SkipReason =
  | 'excluded' // matched an exclude glob / not included
  | 'dotfile' // hidden file or directory (except .well-known/)
  | 'symlink-outside' // symlink that leaves source-dir
  | 'reserved-prefix'; // would collide with the action's own state prefix

export type UnchangedReason = 'md5-match' | 'multipart-etag-match' | 'stored-hash-match';

export type DeleteReason = 'removed-locally';

export type FileAction =
  | { action: 'upload'; reason: UploadReason }
  | { action: 'unchanged'; reason: UnchangedReason }
  | { action: 'delete'; reason: DeleteReason }
  | { action: 'skip'; reason: SkipReason };

/** Why a URL path is stale (must be invalidated). */
export type StaleReason =
  | 'overwritten' // object existed and was replaced
  | 'deleted' // object deleted by the sync
  | 'diff-modified' // modified in the commit diff
  | 'diff-deleted' // deleted in the commit diff
  | 'diff-renamed-from' // old name of a renamed file in the commit diff
  | 'manual' // from the `paths` input
  | 'owed' // left over from an earlier run that did not finish
  | 'all'; // invalidate: all

export interface StalePath {
  /** Decoded URL path starting with `/` (no percent-encoding yet). */
  path: string;
  reason: StaleReason;
  /** The key or repo file it came from, for the report. */
  source?: string;
}

/** Input to the cover planner. Paths are decoded URL paths starting with `/`. */
export interface CoverInput {
  /** Paths that must be invalidated. */
  stale: string[];
  /**
   * Other URL paths known to exist at the origin (so possibly cached). A wildcard that matches one of
   * them evicts it needlessly ("collateral"). `null` means unknown: anything may exist.
   */
  existing: string[] | null;
  /** Maximum number of paths to send (>= 1). */
  budget: number;
  /** Maximum number of wildcard paths among them (CloudFront: 15 in flight per distribution). Default: budget. */
  maxWildcards?: number;
}

export interface CoverPath {
  /** Decoded path, exact or a prefix ending with `*`. */
  path: string;
  wildcard: boolean;
  /** How many stale paths it covers. */
  covers: number;
  /** How many `existing` paths it evicts needlessly (0 for exact paths; null when existing is unknown). */
  collateral: number | null;
}

export interface CoverResult {
  paths: CoverPath[];
  /** Total collateral (null when existing is unknown). */
  collateral: number | null;
  /** True when only `/*` fits the budget/limits. */
  fellBackToAll: boolean;
  /** One line explaining the decision, for the log and report. */
  reason: string;
}
