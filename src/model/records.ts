// Where the action keeps its own records (the ledger, owed invalidations, the lock) and how they are told
// apart from the site's objects. Pure.
//
// By default they live in a hidden folder inside `prefix` whose name cannot be guessed
// (`.s3cfd-<random>/`): CloudFront serves whatever the origin holds, but a visitor cannot list the bucket
// (OAC grants GetObject only), so nobody can fetch the ledger and read every key of the site. The action
// finds the folder again through its own listing. `state-prefix` keeps them outside the served path
// altogether. Earlier versions used `.s3-cloudfront-deploy/`, which is migrated.

/** The records folder of earlier versions (a guessable name). */
export const LEGACY_DIR = '.s3-cloudfront-deploy/';
const HIDDEN_DIR = /^\.s3cfd-[0-9a-z]{20,}\//;

const HIDDEN_SEGMENT = /^\.s3cfd-[0-9a-z]{20,}$/;

/**
 * A path relative to the prefix that belongs to the action (never synced, compared or deleted): in a records
 * folder or the lock, at any depth, since a site may hold other deploys' prefixes (previews, shards) below it.
 */
export function isOwnRelPath(rel: string): boolean {
  const segments = rel.split('/');
  const last = segments.length - 1;
  return segments.some((s, i) => (i < last && (HIDDEN_SEGMENT.test(s) || `${s}/` === LEGACY_DIR)) || (i === last && s === LOCK_NAME));
}

/** Every records folder the action's keys show (at any depth under the listing): where owed records can be. */
export function recordDirsOf(ownKeys: string[]): string[] {
  const dirs = new Set<string>();
  for (const key of ownKeys) {
    const m = /^(.*\/|)owed\/[^/]+\/[^/]+\.json$/.exec(key);
    if (m) dirs.add(m[1]!);
  }
  return [...dirs].sort();
}

/** A key of the action's records, for the site at `prefix` with records under `statePrefix` ('' = inside prefix). */
export function isOwnKey(key: string, prefix: string, statePrefix: string): boolean {
  if (statePrefix !== '' && key.startsWith(statePrefix)) return true;
  return key.startsWith(prefix) && isOwnRelPath(key.slice(prefix.length));
}

export interface RecordsLayout {
  /** Where this run reads and writes its records (ends with '/'). */
  dir: string;
  /** Folders of records to read and migrate from (the legacy name; a hidden folder when state-prefix is new). */
  oldDirs: string[];
}

/**
 * The records folder: `state-prefix` + prefix when given; else the hidden folder the listing shows, or a new
 * one named with `fresh` (random, made once per bucket and prefix).
 */
export function recordsLayout(prefix: string, statePrefix: string, ownKeys: string[], fresh: string): RecordsLayout {
  const dirs = new Set<string>();
  for (const key of ownKeys) {
    if (!key.startsWith(prefix)) continue;
    const rel = key.slice(prefix.length);
    if (rel.startsWith(LEGACY_DIR)) dirs.add(prefix + LEGACY_DIR);
    const hidden = HIDDEN_DIR.exec(rel);
    if (hidden) dirs.add(prefix + hidden[0]);
  }
  const hidden = [...dirs].filter((d) => d !== prefix + LEGACY_DIR).sort();
  const dir = statePrefix !== '' ? statePrefix + prefix : (hidden[0] ?? `${prefix}.s3cfd-${fresh}/`);
  return { dir, oldDirs: [...dirs].filter((d) => d !== dir).sort() };
}

export const stateKeyIn = (dir: string) => `${dir}state.json`;
export const owedDirIn = (dir: string) => `${dir}owed/`;
export const lockKeyIn = (dir: string) => `${dir}lock.json`;

/** The fixed name every run of a prefix meets at while it finds or makes its records folder (see deployLockKeys). */
const LOCK_NAME = '.s3cfd-lock.json';

/**
 * The deploy lock of a site lives in its records folder (`lockKeyIn(dir)`), beside the ledger. Without state-prefix
 * the folder's name is random and two first deploys would make two, so a run first takes the bootstrap lock, a fixed
 * name in the prefix, only while it finds (or makes) the folder and takes the lock in it; earlier versions held that
 * name for the whole run, so it also keeps them out. With state-prefix the folder is fixed: no bootstrap.
 */
export function bootstrapLockKey(prefix: string, statePrefix: string): string | null {
  return statePrefix !== '' ? null : prefix + LOCK_NAME;
}

/**
 * The hidden records folders directly in `prefix` that `keys` show (sorted: the first is the one runs use, as
 * recordsLayout chooses).
 */
export function hiddenDirsIn(prefix: string, keys: string[]): string[] {
  const dirs = new Set<string>();
  for (const key of keys) {
    if (!key.startsWith(prefix)) continue;
    const m = HIDDEN_DIR.exec(key.slice(prefix.length));
    if (m) dirs.add(prefix + m[0]);
  }
  return [...dirs].sort();
}

const HIDDEN_NAME = /\.s3cfd-[0-9a-z]{20,}(?=\/|$|[^0-9a-z])/g;

/**
 * Text with every records folder's unguessable name replaced by `.s3cfd-<hidden>`: the name is what keeps the
 * ledger (every key of the site) out of reach through CloudFront, so nothing the action prints, reports or
 * summarises may hold it.
 */
export function hideRecordsDir(text: string): string {
  return text.replace(HIDDEN_NAME, '.s3cfd-<hidden>');
}

/** A record's location as it may be shown: `s3://bucket/key` with the folder's name hidden. */
export function shownRecord(bucket: string | null, key: string): string {
  return hideRecordsDir(bucket ? `s3://${bucket}/${key}` : key);
}

/**
 * The deploy locks whose holder may still be writing what the records folder `dir` (one that `recordDirsOf` gives)
 * holds: the lock in the folder, and the bootstrap name of its prefix (held for a whole run by earlier versions).
 */
export function lockKeysOfRecordsDir(dir: string, statePrefix: string): string[] {
  if (statePrefix !== '' && dir.startsWith(statePrefix)) return [lockKeyIn(dir)];
  const m = /^(.*?)(\.s3cfd-[0-9a-z]{20,}\/|\.s3-cloudfront-deploy\/)$/.exec(dir);
  return m ? [lockKeyIn(dir), m[1]! + LOCK_NAME] : [lockKeyIn(dir)];
}
