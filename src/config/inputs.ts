// Every input parsed and validated once into a typed Config. All input errors are raised here,
// before any AWS call, as one line naming the input and the accepted form.
import path from 'node:path';
import type { CacheRule, Config, Distribution, InvalidateMode, InvalidateOnlyConfig, PathMapRule, UploadConfig } from '../model/config.js';
import type { HeaderRule } from '../model/headers.js';
import { MAX_PATHS_PER_BATCH } from '../model/limits.js';
import { parseHeaderRules } from '../plan/headers.js';
import { decodeUserPath } from '../plan/url-path.js';
import { DEFAULT_KEEP_DEPLOYS, ROLLBACK_TO } from '../model/history.js';
import { normalizeBaseUrl } from '../model/site-url.js';
import { bool, InputError, int, lines, normalisePrefix, oneOf, parseDuration, splitList } from './input-values.js';

export { InputError, normalisePrefix, parseDuration, splitList } from './input-values.js';

export type InputReader = (name: string) => string;

const DIST_ID = /^[A-Z0-9]{8,32}$/;
// S3 bucket naming rules (general purpose buckets): 3-63 chars, lowercase letters, digits, dots, hyphens,
// starting and ending with a letter or digit, not shaped like an IP address.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function parseDistributions(idsRaw: string, originRaw: string): Distribution[] {
  const entries = splitList(idsRaw);
  const origins = splitList(originRaw);
  if (origins.length > 1 && origins.length !== entries.length) {
    throw new InputError(
      'origin-path',
      `give one origin path for all distributions or one per distribution (${entries.length}), got ${origins.length}`,
    );
  }
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    // Form `E123ABC:/origin/path` sets the origin path of one distribution.
    const colon = entry.indexOf(':');
    const id = (colon >= 0 ? entry.slice(0, colon) : entry).trim();
    if (!DIST_ID.test(id)) {
      throw new InputError(
        'distribution-id',
        `'${id}' is not a CloudFront distribution ID (uppercase letters and digits, e.g. E2QWRUHAPOMQZL); separate several with commas or newlines, optionally as ID:/origin/path`,
      );
    }
    if (seen.has(id)) throw new InputError('distribution-id', `'${id}' is listed twice`);
    seen.add(id);
    const origin = colon >= 0 ? entry.slice(colon + 1) : ((origins.length > 1 ? origins[i] : origins[0]) ?? '');
    if (origin.trim() !== '' && !origin.trim().startsWith('/')) {
      throw new InputError('origin-path', `'${origin}' must start with '/', like the OriginPath in CloudFront (e.g. /production)`);
    }
    return { id, originPath: normalisePrefix(origin) };
  });
}

function parseCacheRules(raw: string): CacheRule[] {
  return lines(raw).map((line) => {
    const i = line.indexOf(':');
    if (i <= 0 || line.slice(i + 1).trim() === '') {
      throw new InputError('cache-control', `'${line}' must be 'GLOB: VALUE', e.g. '**/*.html: public, max-age=0'`);
    }
    return { glob: line.slice(0, i).trim(), value: line.slice(i + 1).trim() };
  });
}

function parsePathMap(raw: string, defaultFrom: string): PathMapRule[] {
  const given = lines(raw);
  if (given.length === 0) return [{ from: defaultFrom, to: '/', viaKey: true }];
  return given.map((line) => {
    const i = line.indexOf('=>');
    if (i < 0) throw new InputError('path-map', `'${line}' must be 'REPO_PREFIX => URL_PREFIX', e.g. 'site/public/ => /'`);
    const from = line.slice(0, i).trim().replace(/^\.\//, '').replace(/^\/+/, '');
    const to = line.slice(i + 2).trim();
    if (!to.startsWith('/')) throw new InputError('path-map', `URL prefix '${to}' in '${line}' must start with '/'`);
    return { from, to };
  });
}

function parseManualPath(p: string): string {
  if (!p.startsWith('/')) {
    throw new InputError('paths', `'${p}' must start with '/' (a URL path such as /index.html or /docs/*)`);
  }
  const star = p.indexOf('*');
  if (star >= 0 && star !== p.length - 1) {
    throw new InputError('paths', `'${p}': CloudFront allows '*' only as the last character`);
  }
  // Accept both encoded (/a%20b) and plain (/a b) forms, each escape on its own (see decodeUserPath).
  return decodeUserPath(p);
}

function parseVerify(get: InputReader, wait: boolean): Pick<Config, 'verifyUrl' | 'verify' | 'verifySample'> {
  const raw = get('verify-url').trim();
  const mode = get('verify').trim() || 'warn';
  if (mode !== 'warn' && mode !== 'fail') throw new InputError('verify', `expected warn or fail, got '${mode}'`);
  const verifySample = int('verify-sample', get('verify-sample'), 20, 1, 1000);
  if (raw === '') return { verifyUrl: null, verify: mode, verifySample };
  try {
    normalizeBaseUrl(raw);
  } catch (err) {
    throw new InputError('verify-url', `${(err as Error).message} (expected the site's base URL, e.g. https://www.example.com)`);
  }
  if (!wait) throw new InputError('verify-url', 'needs wait: true (paths are checked once the invalidation has completed)');
  return { verifyUrl: raw, verify: mode, verifySample };
}

/** Where the files come from and go to: the mode, source-dir and bucket. */
type Target =
  | Pick<UploadConfig, 'upload' | 'removePrefix' | 'sourceDir' | 'bucket'>
  | Pick<InvalidateOnlyConfig, 'upload' | 'removePrefix' | 'sourceDir' | 'bucket'>;

function parseTarget(get: InputReader, workspace: string): Target {
  const removePrefix = bool('remove-prefix', get('remove-prefix'), false);
  // rollback-to: no build, no source-dir; the bucket's history is the source.
  const rollback = get('rollback-to').trim() !== '';
  const upload = !removePrefix && !rollback && bool('upload', get('upload'), true);
  const sourceRaw = get('source-dir').trim();
  const bucketRaw = get('bucket').trim();
  if (upload && sourceRaw === '') throw new InputError('source-dir', 'required when upload is true (the build directory, e.g. dist)');
  if ((upload || removePrefix) && bucketRaw === '')
    throw new InputError('bucket', `required when ${upload ? 'upload' : 'remove-prefix'} is true (the S3 bucket name)`);
  if (rollback && bucketRaw === '') throw new InputError('bucket', 'required with rollback-to (the bucket holds the history)');
  if (bucketRaw !== '' && (!BUCKET.test(bucketRaw) || /^\d+\.\d+\.\d+\.\d+$/.test(bucketRaw) || bucketRaw.includes('..'))) {
    throw new InputError(
      'bucket',
      `'${bucketRaw}' is not a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens; no s3:// prefix)`,
    );
  }
  const bucket = bucketRaw === '' ? null : bucketRaw;
  if (upload) return { upload: true, removePrefix: false, sourceDir: path.resolve(workspace, sourceRaw), bucket: bucketRaw };
  if (removePrefix && normalisePrefix(get('prefix')) === '') {
    throw new InputError(
      'remove-prefix',
      'refused for an empty or root prefix: it would delete the whole bucket (set prefix, e.g. previews/pr-12/)',
    );
  }
  return { upload: false, removePrefix, sourceDir: null, bucket };
}

/** A key prefix: no `.` or `..` segments (S3 keeps them literally; a URL normalises them away), no empty segments. */
function parsePrefixFor(name: string, raw: string): string {
  const prefix = normalisePrefix(raw);
  const segments = prefix.split('/').slice(0, -1);
  if (segments.some((s) => s === '.' || s === '..' || s === '')) {
    throw new InputError(name, `'${raw}' must be a plain key prefix such as site/ or previews/pr-12/ (no '.', '..' or empty segments)`);
  }
  return prefix;
}

/** What to invalidate where. */
function parseInvalidation(get: InputReader, upload: boolean, removePrefix: boolean, rollback = false) {
  const invalidate = oneOf('invalidate', get('invalidate'), ['changed', 'all', 'none', 'defer'] as const, 'changed') as InvalidateMode;
  const distributions = parseDistributions(get('distribution-id'), get('origin-path'));
  const paths = splitList(get('paths')).map(parseManualPath);
  if (!upload && !removePrefix && !rollback && distributions.length === 0) {
    throw new InputError('distribution-id', 'required when upload is false (invalidate-only mode has nothing else to do)');
  }
  if (paths.length > 0 && distributions.length === 0) {
    throw new InputError('paths', 'given but no distribution-id to invalidate them in');
  }
  return {
    invalidate,
    distributions,
    paths,
    invalidateDirectoryWithoutSlash: bool('invalidate-directory-without-slash', get('invalidate-directory-without-slash'), false),
    queryStrings: bool('query-strings', get('query-strings'), false),
    missingDiff: oneOf('missing-diff', get('missing-diff'), ['warn', 'all'] as const, 'warn'),
    maxPaths: int('max-paths', get('max-paths'), 100, 1, MAX_PATHS_PER_BATCH),
    cacheTags: parseCacheTags(get('cache-tags')),
    distributionTenantId: parseTenantId(get('distribution-tenant-id'), distributions.length),
  };
}

/** `cache-tags`: `auto` (default), `off`, or the response header CloudFront reads tags from (`x-amz-meta-<name>`). */
function parseCacheTags(raw: string): Config['cacheTags'] {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === 'auto') return { mode: 'auto' };
  if (v === 'off' || v === 'false' || v === 'none') return { mode: 'off' };
  if (!/^x-amz-meta-[a-z0-9][a-z0-9_-]*$/.test(v)) {
    throw new InputError(
      'cache-tags',
      `'${raw.trim()}' must be auto, off, or the distribution's cache tag header for S3 object metadata (x-amz-meta-<name>, e.g. x-amz-meta-cache-tag)`,
    );
  }
  return { mode: 'header', header: v };
}

/** `distribution-tenant-id`: one tenant of the one (multi-tenant) distribution. */
function parseTenantId(raw: string, distributions: number): string | null {
  const v = raw.trim();
  if (v === '') return null;
  if (distributions !== 1)
    throw new InputError('distribution-tenant-id', 'needs exactly one distribution-id (the multi-tenant distribution)');
  if (!/^[A-Za-z0-9_-]+$/.test(v))
    throw new InputError('distribution-tenant-id', `'${v}' is not a distribution tenant id (e.g. dt_2abc...)`);
  return v;
}

const STORAGE_CLASSES = ['STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR'] as const;

/** Per-file headers and object settings (hugo `matchers`, s3deploy `routes`). */
function parseObjectSettings(get: InputReader) {
  let headerRules: HeaderRule[];
  try {
    headerRules = parseHeaderRules(get('headers'));
  } catch (err) {
    throw new InputError('headers', (err as Error).message);
  }
  const sseRaw = get('sse').trim();
  const sse = sseRaw === '' ? null : oneOf('sse', sseRaw, ['AES256', 'aws:kms'] as const, 'AES256');
  const sseKmsKeyId = get('sse-kms-key-id').trim() || null;
  if (sseKmsKeyId && sse !== 'aws:kms')
    throw new InputError('sse-kms-key-id', 'needs sse: aws:kms (the key encrypts objects only with SSE-KMS)');
  const storageRaw = get('storage-class').trim().toUpperCase();
  const storageClass = storageRaw === '' ? null : oneOf('storage-class', storageRaw, STORAGE_CLASSES, 'STANDARD');
  const indexDocument = get('index-document').trim() || 'index.html';
  if (indexDocument.includes('/') || indexDocument.includes('*')) {
    throw new InputError('index-document', `'${indexDocument}' must be a file name such as index.html (no '/' or '*')`);
  }
  return {
    headerRules,
    gzip: lines(get('gzip')),
    storageClass,
    sse,
    sseKmsKeyId,
    urlStyle: oneOf('url-style', get('url-style'), ['directory', 'clean'] as const, 'directory'),
    indexDocument,
    stripIndexHtml: bool('strip-index-html', get('strip-index-html'), false),
  };
}

function parseSiteUrl(name: string, raw: string): string | null {
  if (raw.trim() === '') return null;
  try {
    normalizeBaseUrl(raw);
    return raw.trim();
  } catch (err) {
    throw new InputError(
      name,
      `${(err as Error).message} (expected the site's URL for this deploy, e.g. https://pr-12.preview.example.com)`,
    );
  }
}

/** Parse all inputs. `get` returns the raw input ('' when unset); `env` is process.env. */
export function parseInputs(get: InputReader, env: Record<string, string | undefined>): Config {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const target = parseTarget(get, workspace);
  const rollback = parseRollback(get);
  const invalidation = parseInvalidation(get, target.upload, target.removePrefix, rollback.rollbackTo !== null);
  const deleteRemoved = bool('delete-removed', get('delete-removed'), false);
  if (!target.upload && deleteRemoved) throw new InputError('delete-removed', 'cannot be true when upload is false (nothing is synced)');
  if (invalidation.invalidate === 'defer' && target.bucket === null) {
    throw new InputError('invalidate', 'defer needs a bucket (the owed records wait there for the consolidating job)');
  }

  // The default map is `<source-dir>/ => /` in every mode: an invalidate-only job names its source-dir for it too.
  const sourceForMap = target.sourceDir ?? (get('source-dir').trim() ? path.resolve(workspace, get('source-dir').trim()) : null);
  const relSource = sourceForMap ? path.relative(workspace, sourceForMap).split(path.sep).join('/') : '';
  const defaultFrom = relSource === '' || relSource.startsWith('..') ? '' : `${relSource}/`;
  const runnerTemp = env.RUNNER_TEMP || path.join(workspace, '.tmp');
  const wait = bool('wait', get('wait'), false);

  return {
    ...target,
    ...invalidation,
    prefix: parsePrefixFor('prefix', get('prefix')),
    region: get('region').trim() || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    deleteRemoved,
    maxDeletes: int('max-deletes', get('max-deletes'), 256, 0, 10_000_000, -1),
    include: lines(get('include')),
    exclude: lines(get('exclude')),
    protect: lines(get('protect')),
    cacheControl: parseCacheRules(get('cache-control')),
    ...parseObjectSettings(get),
    entryDocuments: lines(get('entry-documents')),
    forceUpload: bool('force-upload', get('force-upload'), false),
    fingerprintPatterns: lines(get('fingerprint-patterns')),
    diffBase: get('diff-base').trim() || null,
    pathMap: parsePathMap(get('path-map'), defaultFrom),
    wait,
    waitTimeoutSeconds: int('wait-timeout', get('wait-timeout'), 900, 1, 86_400),
    dryRun: bool('dry-run', get('dry-run'), false),
    concurrency: int('concurrency', get('concurrency'), 16, 1, 256),
    reportPath: get('report-path').trim() || path.join(runnerTemp, 's3-cloudfront-deploy', 'report.json'),
    ...parseVerify(get, wait),
    githubToken: get('github-token').trim(),
    keepRemovedMs: parseDuration('keep-removed', get('keep-removed'), '7d'),
    allowOlder: bool('allow-older', get('allow-older'), false),
    statePrefix: get('state-prefix').trim() === '' ? '' : parsePrefixFor('state-prefix', get('state-prefix')),
    previewUrl: parseSiteUrl('preview-url', get('preview-url')),
    prComment: bool('pr-comment', get('pr-comment'), false),
    workspace,
    ...rollback,
  };
}

/** `rollback-to` (previous, a deploy number, a commit SHA of 7+ hex digits) and `keep-deploys`. */
function parseRollback(get: InputReader): Pick<Config, 'rollbackTo' | 'keepDeploys'> {
  const keepDeploys = int('keep-deploys', get('keep-deploys'), DEFAULT_KEEP_DEPLOYS, 0, 100);
  const raw = get('rollback-to').trim();
  if (raw === '') return { rollbackTo: null, keepDeploys };
  if (!ROLLBACK_TO.test(raw)) {
    throw new InputError(
      'rollback-to',
      `'${raw}' must be previous, a deploy number (the output deploy-id) or a commit SHA (7 or more hex digits)`,
    );
  }
  for (const name of ['remove-prefix', 'delete-removed', 'force-upload']) {
    if (bool(name, get(name), false)) throw new InputError('rollback-to', `cannot be combined with ${name}: true`);
  }
  if (get('upload').trim().toLowerCase() === 'false') throw new InputError('rollback-to', 'cannot be combined with upload: false');
  return { rollbackTo: raw, keepDeploys };
}
