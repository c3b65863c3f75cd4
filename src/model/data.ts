// Plain data shared by the pure planner (src/plan), the stages and the I/O adapters (src/io): the bottom
// layer, importing nothing outside src/model. Nothing here touches AWS, the filesystem or process.env.

import type { ObjectHeaders, StoredHeaders } from './headers.js';

/**
 * A hidden segment: starts with '.', except `.well-known` (RFC 8615: ACME, apple-app-site-association...).
 * The one rule for "hidden": the walker, the file filter and the delete guard all use it.
 */
export function isHiddenSegment(segment: string): boolean {
  return segment.startsWith('.') && segment !== '.well-known';
}

export function hasHiddenSegment(relPath: string): boolean {
  return relPath.split('/').some(isHiddenSegment);
}

export type DiffStatus = 'added' | 'modified' | 'deleted' | 'renamed';

/** One file of the commit diff, repo-relative. */
export interface ChangedFile {
  path: string;
  status: DiffStatus;
  /** Old name for renames. */
  previousPath?: string;
}

/**
 * A byte count as V8 keeps a small integer: in the object that holds it. A size read from fs.Stats (a Float64Array)
 * or parsed from a listing is a double, which costs a separate heap number in every record holding it (three records
 * per file on a large site). Counts above 2^30 stay as they are.
 */
export function wholeBytes(n: number): number {
  return n > 0 && n <= 0x3fffffff && Number.isInteger(n) ? n | 0 : n;
}

/** A file found in the build directory. `path` is relative to source-dir, POSIX separators, bytes as on disk. */
export interface LocalFile {
  path: string;
  size: number;
  /** Hex MD5 of the content. */
  md5: string;
  /** Multipart ETag this file would get with the action's part size (only for files above the multipart threshold). */
  multipartEtag?: string;
  /** The build file whose bytes this entry uploads, when it is not `path` (strip-index-html: `d/` from `d/index.html`). */
  source?: string;
  /** Stored gzip-compressed: `size` and `md5` are those of the compressed bytes. */
  gzip?: boolean;
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

/** Which relative paths of the build dir are deployed (built by plan/filter.ts, used by the walker). */
export interface FileFilter {
  /** null = deploy it; otherwise why not. */
  skipReason(relPath: string): SkipReason | null;
  /** Whether a directory may contain deployable files (so the walker descends into it). */
  mayDescend(relDir: string): boolean;
}

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

/** A file of the build directory the walk warns about (a symlink it did not follow), by its relative path. */
export interface WalkWarning {
  path: string;
  message: string;
}

export interface WalkResult {
  files: LocalFile[];
  skipped: SkippedFile[];
  warnings: WalkWarning[];
  /** Contents of manifest files (fingerprint evidence), keyed by relative path. */
  manifests: Record<string, string>;
}

export type DeleteReason = 'removed-locally' | 'prefix-removed';

export type FileAction =
  | { action: 'upload'; reason: UploadReason }
  | { action: 'unchanged'; reason: UnchangedReason }
  | { action: 'delete'; reason: DeleteReason }
  | { action: 'skip'; reason: SkipReason };

/** A listed object, plus the content MD5 the action stored in its metadata when one was read (HeadObject). */
export interface RemoteState extends RemoteObject {
  storedMd5?: string;
  /** Hash of the headers the action uploaded it with (from its state record), when known. */
  headersHash?: string;
  /** Hash of what decides how a client reads it (media type, encoding, disposition, redirect), when recorded. */
  readingHash?: string;
  /** The ledger's cache-tag marker (see DeployState.tags), when every variant the CDN may hold carries its tags. */
  tagged?: string;
  /** Its headers, read with HEAD (an object the ledger has no headers for: another tool wrote it). */
  storedHeaders?: StoredHeaders;
}

export type SyncEntry =
  | {
      key: string;
      path: string;
      action: 'upload';
      reason: UploadReason;
      size: number;
      overwrites: boolean;
      /** Same bytes as the object it replaces (headers-changed, or forced with a content match). */
      sameBytes?: boolean;
      /** For same bytes: whether the headers change how a client reads them (then cached copies are stale). */
      rereads?: boolean;
      /**
       * Same bytes and headers but for the cache-tag metadata (tags adopted on an object deployed before): the
       * metadata is rewritten by a server-side copy, the bytes are not sent again, and nothing is invalidated.
       */
      metadataOnly?: boolean;
    }
  | { key: string; path: string; action: 'unchanged'; reason: UnchangedReason; size: number }
  | { key: string; path: string; action: 'delete'; reason: DeleteReason; size: number };

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

export interface InvalidationPlan {
  distributionId: string;
  stale: StalePath[];
  /** Decoded paths chosen by the cover planner. */
  decoded: string[];
  /** Encoded paths exactly as sent to CloudFront. */
  paths: string[];
  wildcards: number;
  /** null when nothing is stale or everything was requested. */
  cover: CoverResult | null;
  reason: string;
  /** When the budget forced collateral: the smallest max-paths that would have had none (null otherwise). */
  zeroCollateralBudget: number | null;
  /**
   * Cache tag items among `paths` (`#<tag>`, sent as they are), each with the stale objects it covers and the URL
   * forms of unchanged objects it evicts; absent when the distribution reads no tags.
   */
  tags?: { item: string; covers: string[]; collateral: number }[];
}

/** What is already in flight on a distribution and what this month has used, from its invalidations. */
export interface DistributionUsage {
  inFlightPaths: number;
  inFlightWildcards: number;
  /** Paths of invalidations created this calendar month (UTC); billed account-wide past 1,000 a month. */
  monthPaths: number;
  /** Invalidations of this month whose paths could not be read (counted as unknown). */
  unreadable: number;
}

// ---- verify-url ----

export interface VerifyTarget {
  /** URL path exactly as invalidated (percent-encoded, starts with '/', no '*'). */
  path: string;
  /** Hex MD5 of the bytes uploaded. */
  md5: string;
}

export type VerifyStatus = 'fresh' | 'stale' | 'error';

export interface VerifyResult {
  path: string;
  /** The URL requested. */
  url: string;
  status: VerifyStatus;
  /** HTTP status of the final response, when one was received. */
  httpStatus?: number;
  /** Human-readable reason, e.g. "got md5 X (N bytes), expected Y". */
  detail: string;
  /** Final URL after redirects, when the response was redirected. */
  redirectedTo?: string;
}

// ---- the action's own records ----

/**
 * Per key: the ETag S3 gave the upload ('' when it is the content MD5, as for every single PUT), the content MD5,
 * a hash of the headers it was sent with, and a hash of how they make the bytes read.
 */
export type StateEntry = [etag: string, md5: string, headersHash: string, readingHash?: string];

/** A name shape proven (by history) to carry a content hash. JSON-serialisable. */
export interface LearnedShape {
  /** Directory of the files, POSIX, relative to the build root ('' for the root). */
  dir: string;
  /** Constant text of the basename before the token. */
  before: string;
  /** Constant text of the basename after the token (extension included). */
  after: string;
  /** Alphabet of the token: 'hex' | 'base32' | 'base36' | 'base64url' | 'alnum'. */
  alphabet: string;
  /** Length of the token. */
  length: number;
}

/** A removed fingerprinted object kept for open pages until its grace period has passed. */
export interface PendingDeletion {
  /** When it left the build (ms since the epoch). */
  since: number;
  size: number;
}

/** How this run's commit relates to the live deploy's (`older`: the live one descends from it). */
export type CommitOrder = 'same' | 'newer' | 'older' | 'diverged' | 'unknown' | 'none';

/** Where the deployed commit was read from. */
export type CommitSource = 'GITHUB_SHA' | 'push after' | 'workflow_run.head_sha' | 'pull_request.head.sha';

/** Why this run's commit may or may not deploy over the live one (reported). */
export type CommitGuardReason =
  /** No deploy recorded (a first deploy), or nothing to compare (invalidate-only, no commit known). */
  | 'no-live-commit'
  | 'same-commit'
  | 'newer'
  /** Neither descends from the other (another branch, a force push): nothing to order by. */
  | 'diverged'
  /** Older, or not provably not older, but allow-older is set (a rollback on purpose). */
  | 'allow-older'
  /** A force push that discarded the live commit: the user says which commit is live now. */
  | 'force-push'
  | 'older'
  /** The order could not be proven (shallow checkout and no compare API): refused, the safe default. */
  | 'unknown'
  /** `rollback-to`: no build to order; the ledger then records the commit the site serves again. */
  | 'rollback';

export type CommitGuard =
  | { verdict: 'deploy'; reason: Exclude<CommitGuardReason, 'older' | 'unknown'> }
  | { verdict: 'refuse'; reason: 'older' | 'unknown'; message: string };

/** One deploy that wrote to the bucket. */
export interface DeployEntry {
  /** The commit the site serves after this deploy (for a rollback: the target's). */
  sha: string;
  runId: string;
  /** ISO time. */
  time: string;
  /** The deploy number (output `deploy-id`); absent in entries of ledgers before format 3. */
  id?: number;
  /** A rollback: the number of the deploy whose site it put back. */
  rollbackOf?: number;
  /** What it served (keep-deploys): in full on the newest entry, as a delta against the next newer one on older ones. */
  site?: SiteRecord;
}

/** The headers one object is served with, as a rollback restores them (user metadata without the action's own). */
export type ServedHeaders = ObjectHeaders & { contentType: string; cacheControl: string };

/** One served object: content MD5, size, index into the ledger's `headerSets`, fingerprinted (1) or not (0). */
export type ServedTuple = [md5: string, size: number, headers: number, fingerprinted: 0 | 1];

/**
 * A deploy's site, by key. The newest recorded one is `full`; an older one is `set` and `gone` applied to the next
 * newer one's (keys it served otherwise, keys it did not have), so an unchanged object costs nothing per deploy.
 */
export interface SiteRecord {
  full?: Record<string, ServedTuple>;
  set?: Record<string, ServedTuple>;
  gone?: string[];
}

/**
 * The deploy ledger: what the action deployed and what it learned, kept in the bucket between runs.
 * Version 1 records (objects only) are read as a ledger with nothing else known.
 */
export interface DeployState {
  version: 1 | 2 | 3;
  objects: Record<string, StateEntry>;
  /** Relative paths whose name was reused with new content: never fingerprinted again. */
  demoted?: string[];
  /** Name shapes learned from history. */
  shapes?: LearnedShape[];
  /** Keys pending deletion (removed fingerprinted objects in their grace period). */
  pending?: Record<string, PendingDeletion>;
  /** Newest first, a few kept. */
  deploys?: DeployEntry[];
  /**
   * Cache tags: the metadata they are written in, and by key the objects every variant of which the CDN may hold
   * carries its tags (they were written with the bytes), as `#` then `m` (mutable group) and `h` (HTML group).
   * Only these may be invalidated by tag. A separate field, so a version that does not know it reads the ledger
   * and drops it (then nothing is invalidated by tag: safe).
   */
  tags?: { meta: string; objects: Record<string, string> };
  /** Format 3: the header sets the deploys' sites refer to by index. */
  headerSets?: ServedHeaders[];
  /** Format 3: earlier bytes kept for rollbacks, per key and content MD5: the deploy number of `history/<n>/<key>`. */
  saved?: Record<string, Record<string, number>>;
}

/** Paths owed to a distribution by a run that had not yet invalidated them. */
export interface OwedRecord {
  key: string;
  etag: string;
  distributionId: string;
  paths: string[];
  /** Who left it (`run 123 attempt 1`, prefix), for the report. */
  note?: string;
  /** Left by `invalidate: defer` for a consolidating job. */
  deferred?: boolean;
  /** How far its run had got: `before-writes` (still running or failed) or `complete`; absent in older records. */
  stage?: 'before-writes' | 'complete';
  /**
   * Its distribution does not exist (CloudFront answered NoSuchDistribution: a wrong id): the pages it owes were
   * changed under this run's reach, so its paths go to every distribution this run invalidates.
   */
  orphan?: boolean;
}
