// Local files vs bucket listing -> upload / unchanged / delete, each with a reason. Pure.
import {
  type LocalFile,
  type RemoteObject,
  type RemoteState,
  type SyncEntry,
  type UnchangedReason,
  type UploadReason,
} from '../model/data.js';
import { isOwnKey } from '../model/records.js';
import { keyFor } from './url-path.js';

export type { RemoteState, SyncEntry } from '../model/data.js';

export interface SyncOptions {
  prefix: string;
  deleteRemoved: boolean;
  /** Keys (relative to prefix) that must never be deleted: protect globs, excluded and hidden files. */
  isProtected: (relKey: string) => boolean;
  force?: boolean;
  /** Hash of the headers a file would be uploaded with; compared with the recorded one when known. */
  headersHash?: (relPath: string) => string;
  /** For an object whose headers were read with HEAD: whether they differ from what the file would get. */
  headersDiffer?: (relPath: string, remote: RemoteState) => boolean;
}

/** ETag of a single-part, non-KMS object is the hex MD5 of its body. */
function contentMatch(local: LocalFile, remote: RemoteState): UnchangedReason | null {
  const etag = remote.etag.toLowerCase();
  if (etag === local.md5) return 'md5-match';
  if (local.multipartEtag && etag === local.multipartEtag) return 'multipart-etag-match';
  if (remote.storedMd5 && remote.storedMd5 === local.md5) return 'stored-hash-match';
  return null;
}

/**
 * True when the listing alone cannot tell whether the object matches: same size but an ETag that is not
 * this file's MD5 (multipart, SSE-KMS, or another tool's upload). One HeadObject reads the stored hash.
 */
export function needsHead(local: LocalFile, remote: RemoteObject): boolean {
  if (remote.size !== local.size) return false;
  const etag = remote.etag.toLowerCase();
  return etag !== local.md5 && etag !== local.multipartEtag;
}

export function isReservedKey(key: string, prefix: string): boolean {
  return isOwnKey(key, prefix, '');
}

/** The recorded headers hash differs, or (no record) the headers read with HEAD differ from the rules. */
function headersChanged(path: string, obj: RemoteState, opts: SyncOptions): boolean {
  if (obj.headersHash !== undefined) return opts.headersHash !== undefined && obj.headersHash !== opts.headersHash(path);
  return obj.storedHeaders !== undefined && opts.headersDiffer !== undefined && opts.headersDiffer(path, obj);
}

export function planSync(local: LocalFile[], remote: ReadonlyMap<string, RemoteState>, opts: SyncOptions): SyncEntry[] {
  const entries: SyncEntry[] = [];
  // The keys of the build, for what it no longer has: only when removed objects are deleted.
  const localKeys = opts.deleteRemoved ? new Set<string>() : null;
  for (const file of local) {
    const key = keyFor(opts.prefix, file.path);
    localKeys?.add(key);
    const obj = remote.get(key);
    if (!obj) {
      entries.push({ key, path: file.path, action: 'upload', reason: 'new', size: file.size, overwrites: false });
      continue;
    }
    const match = contentMatch(file, obj);
    if (opts.force) {
      entries.push({
        key,
        path: file.path,
        action: 'upload',
        reason: 'forced',
        size: file.size,
        overwrites: true,
        sameBytes: match !== null,
      });
    } else if (match && headersChanged(file.path, obj, opts)) {
      entries.push({
        key,
        path: file.path,
        action: 'upload',
        reason: 'headers-changed',
        size: file.size,
        overwrites: true,
        sameBytes: true,
      });
    } else if (match) {
      entries.push({ key, path: file.path, action: 'unchanged', reason: match, size: file.size });
    } else {
      const reason: UploadReason = obj.size !== file.size ? 'size-changed' : 'content-changed';
      entries.push({ key, path: file.path, action: 'upload', reason, size: file.size, overwrites: true });
    }
  }
  if (localKeys) {
    for (const obj of remote.values()) {
      if (localKeys.has(obj.key) || !obj.key.startsWith(opts.prefix) || isReservedKey(obj.key, opts.prefix)) continue;
      const rel = obj.key.slice(opts.prefix.length);
      if (opts.isProtected(rel)) continue;
      entries.push({ key: obj.key, path: rel, action: 'delete', reason: 'removed-locally', size: obj.size });
    }
  }
  return entries;
}

/** Deletes over the cap abort the run before any write. */
export function checkDeleteCap(entries: SyncEntry[], maxDeletes: number): string | null {
  const n = entries.filter((e) => e.action === 'delete').length;
  if (maxDeletes < 0 || n <= maxDeletes) return null;
  return (
    `${n} objects would be deleted, over max-deletes (${maxDeletes}). Nothing was uploaded or deleted. ` +
    `If this is intended, raise max-deletes to at least ${n} (or -1 for no cap); if not, check source-dir and prefix.`
  );
}
