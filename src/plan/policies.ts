// The run's small policies, each a pure function over plain data, so each has its own table tests.
import type { Config } from '../model/config.js';
import type {
  DeployState,
  DistributionUsage,
  LocalFile,
  RemoteObject,
  RemoteState,
  StateEntry,
  SyncEntry,
  VerifyTarget,
} from '../model/data.js';
import { MAX_IN_FLIGHT_PATHS, MAX_IN_FLIGHT_WILDCARDS } from '../model/limits.js';
import type { DiffFact, FileRecord } from '../model/stages.js';
import type { StoredHeaders } from '../model/headers.js';
import { headersHash, readingHash } from './headers.js';
import { isHtmlType, tagMarker } from './cache-tags.js';
import type { InvalidationPlan } from './invalidation.js';
import { encodeCloudFrontPath } from './url-path.js';
import { RowMap } from './site-view.js';

/**
 * What the bucket holds, per key, with what the action knows beyond the listing: the content MD5 and headers
 * hash from its record (trusted only while the listed ETag still equals the recorded one), and MD5s read by HEAD.
 */
export function remoteStates(
  remote: RemoteObject[],
  state: DeployState | null,
  headMd5: Record<string, string>,
  headHeaders: Record<string, StoredHeaders> = {},
): ReadonlyMap<string, RemoteState> {
  // Made when a key is asked for, from the listing and the ledger the run holds anyway: no object per key is kept.
  return new RowMap(
    remote,
    (o) => o.key,
    (o) => remoteState(o, state, headMd5, headHeaders),
  );
}

function remoteState(
  o: RemoteObject,
  state: DeployState | null,
  headMd5: Record<string, string>,
  headHeaders: Record<string, StoredHeaders>,
): RemoteState {
  const known: RemoteState = { key: o.key, etag: o.etag, size: o.size };
  const rec = state && Object.hasOwn(state.objects, o.key) ? state.objects[o.key] : undefined;
  if (rec && ledgerEtag(rec) === o.etag) {
    known.storedMd5 = rec[1];
    if (rec[2]) known.headersHash = rec[2];
    if (rec[3]) known.readingHash = rec[3];
    const markers = state?.tags?.objects;
    const marker = markers && Object.hasOwn(markers, o.key) ? markers[o.key] : undefined;
    if (marker) known.tagged = marker;
  }
  const head = Object.hasOwn(headMd5, o.key) ? headMd5[o.key] : undefined;
  if (head !== undefined && known.storedMd5 === undefined) known.storedMd5 = head;
  const headers = Object.hasOwn(headHeaders, o.key) ? headHeaders[o.key] : undefined;
  if (headers !== undefined && known.headersHash === undefined) known.storedHeaders = headers;
  return known;
}

/** The ETag an entry records: written as '' when it is the content MD5 (a single PUT), which keeps the ledger small. */
export const ledgerEtag = (rec: StateEntry): string => rec[0] || rec[1];

/** A ledger entry, the ETag left out when it is the MD5. */
function entry(etag: string, md5: string, headersHash: string, readingHash?: string): StateEntry {
  const e = etag === md5 ? '' : etag;
  return readingHash ? [e, md5, headersHash, readingHash] : [e, md5, headersHash];
}

/** The cache-tag marker of an object uploaded with tags (its bytes, so every variant cached from now carries them). */
function uploadedMarker(f: FileRecord, tagMeta: string | null): string | undefined {
  if (tagMeta === null || f.headers.metadata?.[tagMeta] === undefined) return undefined;
  return tagMarker({ mutable: !f.verdict.fingerprinted, html: isHtmlType(f.headers.contentType) });
}

/** Local files with the multipart ETags computed for foreign multipart objects. */
export function withMultipartEtags(files: LocalFile[], multipartEtags: Record<string, string>): LocalFile[] {
  return files.map((f) => {
    const etag = multipartEtags[f.path];
    return etag === undefined ? f : { ...f, multipartEtag: etag };
  });
}

/**
 * Invalidate-only mode has nothing but the diff to go on: without a whole diff, `/*` only when allowed
 * (missing-diff: all); otherwise a warning. Upload mode relies on the sync for what the diff misses.
 */
export function missingDiffFallback(config: Config, diff: DiffFact): { manual: string[]; warning: string | null } {
  if (config.upload || !diff.incomplete) return { manual: config.paths, warning: null };
  const why = diff.note ?? 'unavailable';
  // No previous commit at all (a manual run): a paths input is the whole list, as given.
  if (diff.source === 'none' && config.missingDiff === 'warn' && config.paths.length > 0) return { manual: config.paths, warning: null };
  if (config.missingDiff === 'all') {
    return {
      manual: [...config.paths, '/*'],
      warning: `The commit diff is incomplete (${why}): invalidating /* as missing-diff: all allows`,
    };
  }
  const noDiff = diff.source === 'none';
  return {
    manual: config.paths,
    warning: noDiff
      ? `No commit diff (${why}): nothing of this commit is invalidated; give the paths input or diff-base, or set missing-diff: all to fall back to /*`
      : `The commit diff is incomplete (${why}): only the paths input and the diff that was read are invalidated; set missing-diff: all to fall back to /*`,
  };
}

/**
 * The batch must fit in what is left in flight: total paths within the file-path room (which keeps the exact
 * ones under it too) and wildcards within the wildcard room; never below 1 (CloudFront then queues it).
 */
export function inFlightBudget(maxPaths: number, usage: DistributionUsage | null): { budget: number; maxWildcards: number } {
  return {
    budget: Math.max(1, Math.min(maxPaths, MAX_IN_FLIGHT_PATHS - (usage?.inFlightPaths ?? 0))),
    maxWildcards: Math.max(1, MAX_IN_FLIGHT_WILDCARDS - (usage?.inFlightWildcards ?? 0)),
  };
}

/** Keys that stay at the origin without being synced (protected, excluded): cached too, so collateral counts them. */
export function collateralKeys(listed: RemoteObject[], sync: SyncEntry[]): string[] {
  const synced = new Set(sync.map((e) => e.key));
  return listed.filter((o) => !synced.has(o.key)).map((o) => o.key);
}

/** Assets first, entry documents (HTML and the entry-documents globs) last: a page never goes live before what it references. */
export function uploadWaves(files: FileRecord[], isEntry: (relPath: string) => boolean): FileRecord[][] {
  const uploads = files.filter((f) => f.entry.action === 'upload');
  // strip-index-html's `d/` goes live with its `d/index.html`: judged by the file it uploads.
  return [uploads.filter((f) => !isEntry(f.source)), uploads.filter((f) => isEntry(f.source))];
}

/**
 * verify-url: the invalidated URLs of files overwritten by this run, each with the MD5 the CDN must now serve
 * (directory forms carry their index document's MD5).
 */
export function verifyTargets(plan: InvalidationPlan | undefined, files: FileRecord[]): VerifyTarget[] {
  if (!plan) return [];
  const byKey = new Map(files.filter((f) => f.entry.action === 'upload').map((f) => [f.key, f]));
  return plan.stale.flatMap((s) => {
    const file = s.reason === 'overwritten' && s.source ? byKey.get(s.source) : undefined;
    return file ? [{ path: encodeCloudFrontPath(s.path), md5: file.md5 }] : [];
  });
}

/**
 * The record after this run: uploaded objects with their new ETag and headers; unchanged ones keep what was
 * known (headers the action did not record stay unknown, '' , never assumed). Objects not uploaded for lack of
 * an ETag (a failed run) are left out, so the next run compares them afresh.
 */
export function nextState(
  files: FileRecord[],
  remote: ReadonlyMap<string, RemoteState>,
  etags: Record<string, string>,
  tags: { meta: string | null; previous?: string | undefined } = { meta: null },
  previous: Record<string, StateEntry> = {},
): DeployState {
  const objects: Record<string, StateEntry> = {};
  /**
   * The entry, as the previous ledger's own array when that holds exactly the same (a large site's ledger is held
   * once; compared before a new one is made).
   */
  const reuse = (key: string, etag: string, md5: string, headersHash: string, readingHash?: string): StateEntry => {
    const p = Object.hasOwn(previous, key) ? previous[key] : undefined;
    const e = etag === md5 ? '' : etag;
    const same =
      p !== undefined &&
      p.length === (readingHash ? 4 : 3) &&
      p[0] === e &&
      p[1] === md5 &&
      p[2] === headersHash &&
      (!readingHash || p[3] === readingHash);
    return same ? p : entry(etag, md5, headersHash, readingHash);
  };
  const tagged: Record<string, string> = {};
  // An unchanged object keeps its marker only while the tags are written in the same metadata.
  const keep = tags.meta !== null && tags.previous === tags.meta;
  for (const f of files) {
    const o = remote.get(f.key);
    if (f.entry.action === 'upload') {
      const etag = etags[f.key];
      // Tags adopted by a metadata rewrite: variants cached before it carry none, so no marker yet.
      const marker = f.entry.metadataOnly ? undefined : uploadedMarker(f, tags.meta);
      if (etag) objects[f.key] = entry(etag, f.md5, headersHash(f.headers), readingHash(f.headers));
      if (etag && marker) tagged[f.key] = marker;
    } else if (f.entry.action === 'unchanged' && o?.storedHeaders) {
      // Read with HEAD and equal to the rules (else it would have been re-uploaded): now they are known.
      objects[f.key] = entry(o.etag, f.md5, headersHash(f.headers), readingHash(f.headers));
      if (keep && o.tagged) tagged[f.key] = o.tagged;
    } else if (f.entry.action === 'unchanged' && o) {
      objects[f.key] = reuse(f.key, o.etag, f.md5, o.headersHash ?? '', o.readingHash);
      if (keep && o.tagged) tagged[f.key] = o.tagged;
    }
  }
  return { version: 1, objects, ...(tags.meta !== null ? { tags: { meta: tags.meta, objects: tagged } } : {}) };
}

/** A warning when many objects are about to be deleted (close to the cap). */
export function deleteWarning(deletes: number, maxDeletes: number): string | null {
  if (maxDeletes <= 0 || deletes <= 0.8 * maxDeletes) return null;
  return `${deletes} objects will be deleted: close to max-deletes (${maxDeletes}). Check source-dir and prefix.`;
}
