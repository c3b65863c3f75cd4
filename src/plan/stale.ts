// Which URL paths became stale, per distribution, and which other URL paths exist (for collateral). Pure.
import type { Config, Distribution, InvalidateMode, PathMapRule } from '../model/config.js';
import type { ChangedFile, FingerprintVerdict, OwedRecord, StalePath, StaleReason, SyncEntry } from '../model/data.js';
import { mapRepoPath, QUERY_MARK, urlForms, urlPathForKey, type UrlStyle } from './url-path.js';

export type { ChangedFile, DiffStatus } from '../model/data.js';

export interface StaleInput {
  distribution: Distribution;
  prefix: string;
  invalidate: InvalidateMode;
  withoutSlash: boolean;
  /** `url-style`: `clean` also invalidates `/about` for `/about.html` and `/docs` for `/docs/index.html`. Default `directory`. */
  urlStyle?: UrlStyle;
  /** `index-document`: the directory index file name. Default `index.html`. */
  indexDocument?: string;
  /**
   * Query strings are part of the cache key: every stale URL is stale with each of its query strings too, a
   * wildcard requirement after its `?` (`/docs/` and `/docs/?*`; the cover may send `/docs/*` instead where that
   * evicts nothing else).
   */
  queryStrings?: boolean;
  /** Sync plan (empty in invalidate-only mode). */
  sync: SyncEntry[];
  /** Keys that stay in the bucket untouched and are not in `sync` (e.g. protected ones), for collateral. */
  otherKeys: string[];
  /** Whether the set of objects at the origin is known (upload mode: from the listing). */
  originKnown: boolean;
  fingerprint: (relPath: string) => FingerprintVerdict;
  /** Commit diff, or null when there is none. */
  diff: ChangedFile[] | null;
  pathMap: PathMapRule[];
  /** URL paths from the `paths` input (decoded). */
  manual: string[];
  /** URL paths owed by earlier runs for this distribution (decoded). */
  owed: string[];
}

/** What a stale computation takes from the inputs: how keys map to URLs and what the user asked for. */
export function urlSettingsOf(
  config: Config,
): Pick<StaleInput, 'prefix' | 'invalidate' | 'withoutSlash' | 'urlStyle' | 'indexDocument' | 'queryStrings' | 'pathMap'> {
  return {
    prefix: config.prefix,
    invalidate: config.invalidate,
    withoutSlash: config.invalidateDirectoryWithoutSlash,
    urlStyle: config.urlStyle,
    indexDocument: config.indexDocument,
    queryStrings: config.queryStrings,
    pathMap: config.pathMap,
  };
}

/**
 * The paths earlier runs owe to distribution `id`: its own records, and the orphans (records of a distribution that
 * does not exist, whose pages every distribution of this run serves). The run clears both once it has sent them.
 */
export function owedTo(owed: readonly OwedRecord[], id: string): string[] {
  return owed.filter((r) => isOwedTo(r, id)).flatMap((r) => r.paths);
}

/** Whether record `r` owes its paths to distribution `id` (its own, or an orphan). */
export const isOwedTo = (r: OwedRecord, id: string): boolean => r.distributionId === id || r.orphan === true;

export interface StaleResult {
  stale: StalePath[];
  /** Other URL paths that exist (U for the cover planner), or null when unknown. */
  existing: string[] | null;
  /** Overwritten fingerprinted files: the name promised immutability but the content changed. */
  fingerprintViolations: string[];
  /** Stale candidates dropped because they are fingerprinted, for the report. */
  skippedFingerprinted: string[];
  /** The stale paths each synced object (overwritten or deleted) made stale, by key: what its cache tag covers. */
  byKey?: Record<string, string[]>;
  /** Stale paths asked for by the `paths` input or owed by earlier runs: sent as paths whatever else covers them. */
  explicit?: string[];
}

export function staleFor(input: StaleInput): StaleResult {
  const { distribution: d } = input;
  // Stale paths and the existing (collateral) paths must use the same URL forms.
  const formOpts = { urlStyle: input.urlStyle, indexDocument: input.indexDocument };
  const forms = (urlPath: string) => urlForms(urlPath, input.withoutSlash, formOpts);
  const byPath = new Map<string, StalePath>();
  const byKey: Record<string, string[]> = {};
  const explicit = new Set<string>();
  const add = (urlPath: string, reason: StaleReason, source?: string, key?: string) => {
    // A cache tag item (`#tag`) owed by an earlier run: sent as it is.
    if (urlPath.startsWith('#')) {
      if (!byPath.has(urlPath)) byPath.set(urlPath, { path: urlPath, reason });
      explicit.add(urlPath);
      return;
    }
    for (const plain of forms(urlPath)) {
      const variants =
        input.queryStrings && !plain.endsWith('*') && !plain.includes(QUERY_MARK) ? [plain, plain + QUERY_MARK + '*'] : [plain];
      for (const form of variants) {
        if (!byPath.has(form)) byPath.set(form, source === undefined ? { path: form, reason } : { path: form, reason, source });
        if (key !== undefined) (byKey[key] ??= []).push(form);
        if (reason === 'manual' || reason === 'owed') explicit.add(form);
      }
    }
  };
  const fingerprintViolations: string[] = [];
  const skippedFingerprinted: string[] = [];

  // `none`: nothing of this run; what earlier runs owe (a crash, a deferred shard) is still paid.
  const ofThisRun = input.invalidate !== 'none';
  if (input.invalidate === 'all') {
    return { stale: [{ path: '/*', reason: 'all' }], existing: null, fingerprintViolations, skippedFingerprinted };
  }

  for (const e of ofThisRun ? input.sync : []) {
    const url = urlPathForKey(e.key, d.originPath);
    if (url === null) continue;
    if (e.action === 'upload' && e.overwrites && e.sameBytes) {
      // Same bytes, new headers: stale only when the change alters how a client reads them, fingerprinted or not.
      if (e.rereads) add(url, 'overwritten', e.key, e.key);
    } else if (e.action === 'upload' && e.overwrites) {
      // A fingerprinted name whose content changed is still stale: correctness beats the naming promise.
      if (input.fingerprint(e.path).fingerprinted) fingerprintViolations.push(e.path);
      add(url, 'overwritten', e.key, e.key);
    } else if (e.action === 'delete') {
      if (input.fingerprint(e.path).fingerprinted) {
        skippedFingerprinted.push(e.path);
        continue;
      }
      add(url, 'deleted', e.key, e.key);
    }
  }

  // The default rule maps source-dir to the keys under `prefix`, served at prefix minus the origin path.
  const keyRoot = urlPathForKey(input.prefix, d.originPath);
  const rules = input.pathMap.flatMap((r) => (!r.viaKey ? [r] : keyRoot === null ? [] : [{ from: r.from, to: keyRoot }]));
  for (const f of ofThisRun ? (input.diff ?? []) : []) {
    const consider = (repoPath: string, reason: StaleReason) => {
      const url = mapRepoPath(repoPath, rules);
      if (url === null) return;
      if (input.fingerprint(url.slice(1)).fingerprinted) {
        skippedFingerprinted.push(repoPath);
        return;
      }
      add(url, reason, repoPath);
    };
    if (f.status === 'modified') consider(f.path, 'diff-modified');
    else if (f.status === 'deleted') consider(f.path, 'diff-deleted');
    else if (f.status === 'renamed' && f.previousPath) consider(f.previousPath, 'diff-renamed-from');
  }

  for (const p of ofThisRun ? input.manual : []) add(p, 'manual');
  for (const p of input.owed) add(p, 'owed');

  let existing: string[] | null = null;
  if (input.originKnown) {
    // A set: `docs/index.html` and its strip-index-html copy `docs/` share the URL `/docs/`.
    const seen = new Set<string>();
    const keys = [...input.sync.filter((e) => e.action !== 'delete').map((e) => e.key), ...input.otherKeys];
    for (const key of keys) {
      const url = urlPathForKey(key, d.originPath);
      if (url === null) continue;
      // Not collateral: the stale URL itself.
      for (const form of forms(url)) if (!byPath.has(form)) seen.add(form);
    }
    existing = [...seen];
  }
  return { stale: [...byPath.values()], existing, fingerprintViolations, skippedFingerprinted, byKey, explicit: [...explicit] };
}

/**
 * The bucket listing only covers `prefix`; URL paths outside it are unknown. When every stale path lies under
 * the prefix's URL directory, plan relative to that directory (so no wildcard can reach above it); otherwise
 * the origin is treated as unknown. Returns the URL directory to re-root under, or null.
 */
export function coverRoot(stale: string[], prefix: string, originPath: string): string | null {
  // The listing covers `prefix`; when that contains the whole origin path, everything served is known.
  const rootKey = originPath.startsWith(prefix) ? '' : prefix.startsWith(originPath) ? prefix.slice(originPath.length) : null;
  if (rootKey === null) return null;
  const root = '/' + rootKey;
  return stale.every((p) => p.startsWith(root)) ? root : null;
}
