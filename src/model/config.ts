// The typed configuration: every input, parsed and validated once by inputs.ts. Plain data.
import type { HeaderRule } from './headers.js';

/** `defer`: everything but CreateInvalidation; the stale paths are left as owed records for a consolidating job. */
export type InvalidateMode = 'changed' | 'all' | 'none' | 'defer';

export interface Distribution {
  id: string;
  /** Normalised origin path: '' or 'site/' (no leading slash, trailing slash). */
  originPath: string;
}

export interface CacheRule {
  glob: string;
  value: string;
}

export interface PathMapRule {
  /** Repo-relative prefix, '' or ending with '/' (or a whole file path). */
  from: string;
  /** URL prefix starting with '/'. */
  to: string;
  /**
   * The default rule (source-dir -> the deployed keys): `to` is then derived per distribution from `prefix`
   * and its origin path, so the diff maps to the URLs the files are really served at.
   */
  viaKey?: boolean;
}

/** What every run has, whatever its mode. */
interface ConfigBase {
  /** '' or ending with '/'. */
  prefix: string;
  region: string;
  distributions: Distribution[];
  deleteRemoved: boolean;
  /** -1 = no cap. */
  maxDeletes: number;
  include: string[];
  exclude: string[];
  /** Globs of remote keys (relative to prefix) that are never deleted. */
  protect: string[];
  cacheControl: CacheRule[];
  /** `headers`: per-file header rules (first match per header wins). */
  headerRules: HeaderRule[];
  /** Globs of files stored gzip-compressed with Content-Encoding: gzip. */
  gzip: string[];
  /** Object settings applied to every upload. */
  storageClass: string | null;
  sse: 'AES256' | 'aws:kms' | null;
  sseKmsKeyId: string | null;
  /** URL forms invalidated for a page: `directory` (/d/index.html, /d/) or `clean` (also /about, /d). */
  urlStyle: 'directory' | 'clean';
  indexDocument: string;
  /** Also store d/index.html under the key d/ (an S3 REST origin then serves /d/). */
  stripIndexHtml: boolean;
  /** Globs of files uploaded last with the HTML (entry documents). */
  entryDocuments: string[];
  /** Re-upload every file whatever the bucket holds. */
  forceUpload: boolean;
  fingerprintPatterns: string[];
  paths: string[];
  invalidate: InvalidateMode;
  /** Also invalidate `/docs` next to `/docs/` for index documents. */
  invalidateDirectoryWithoutSlash: boolean;
  /** The distribution forwards query strings to the cache key: invalidate `/a.js*` so `/a.js?v=2` goes too. */
  queryStrings: boolean;
  diffBase: string | null;
  /** Invalidate-only mode when the commit diff cannot be had whole: 'warn' (default) or 'all' (send /*). */
  missingDiff: 'warn' | 'all';
  pathMap: PathMapRule[];
  maxPaths: number;
  /**
   * `cache-tags`: `auto` reads each distribution's CacheTagConfig (GetDistributionConfig); `off` never tags; a
   * header name (`x-amz-meta-<name>`) tags into that metadata without asking the distribution.
   */
  cacheTags: { mode: 'auto' } | { mode: 'off' } | { mode: 'header'; header: string };
  /** `distribution-tenant-id`: invalidations and waits go through the tenant calls of a multi-tenant distribution. */
  distributionTenantId: string | null;
  wait: boolean;
  waitTimeoutSeconds: number;
  dryRun: boolean;
  concurrency: number;
  reportPath: string;
  /** Base URL of the site; after `wait`, a sample of invalidated paths is fetched and checked. */
  verifyUrl: string | null;
  verify: 'warn' | 'fail';
  verifySample: number;
  githubToken: string;
  /** Removed fingerprinted objects stay this long for pages already open (ms; 0: deleted at once). */
  keepRemovedMs: number;
  /** Deploy even when the bucket holds a newer commit's deploy (an intentional rollback). */
  allowOlder: boolean;
  /** Key prefix from the bucket root for the action's records ('' : a hidden, unguessable folder inside prefix). */
  statePrefix: string;
  /** The site's URL for this deploy (`preview-url`), set as the output `url`. */
  previewUrl: string | null;
  /** Keep one comment on the pull request up to date with the URL and the plan summary. */
  prComment: boolean;
  /** Absolute repo root (GITHUB_WORKSPACE or cwd), for the commit diff. */
  workspace: string;
  /** How many deploys before the live one a rollback can put back (0: no history kept). */
  keepDeploys: number;
  /** `rollback-to`: `previous`, a deploy number or a commit SHA (7+ hex digits); null for a deploy. */
  rollbackTo: string | null;
}

/** Upload mode: sync `sourceDir` to `bucket`, then invalidate. */
export interface UploadConfig extends ConfigBase {
  upload: true;
  removePrefix: false;
  /** Absolute path of the build directory. */
  sourceDir: string;
  bucket: string;
}

/** Invalidate-only mode (`upload: false`): the commit diff and `paths`; a bucket, when given, holds the owed records. */
export interface InvalidateOnlyConfig extends ConfigBase {
  upload: false;
  sourceDir: null;
  bucket: string | null;
  /** `remove-prefix`: delete every object under `prefix` (a closed pull request's preview) and invalidate it. */
  removePrefix: boolean;
}

export type Config = UploadConfig | InvalidateOnlyConfig;
