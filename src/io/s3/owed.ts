// Owed invalidations, recorded in the bucket before uploads and cleared only after CreateInvalidation
// succeeded, so a crash in between never loses a stale path: the next run sends them.
import type { OwedRecord } from '../../model/data.js';
import { OWED_VERSION, parseOwed, type OwedStage } from '../../model/record-format.js';
import { owedDirIn, shownRecord } from '../../model/records.js';
import type { OwnRecords } from '../../model/ports.js';

/** The owed record of one run attempt for one distribution, in the records folder `dir`. */
export function recordKey(dir: string, distributionId: string, runId: string, runAttempt: string): string {
  return `${owedDirIn(dir)}${distributionId}/${runId}-${runAttempt}.json`;
}

/** The records folder an owed record's key is in. */
export function recordsDirOfOwed(key: string): string {
  return key.replace(/owed\/[^/]+\/[^/]+\.json$/, '');
}

/**
 * Owed records among listed keys, in any of the records folders `dirs`. A damaged record (or one of a newer format)
 * throws a RecordError naming it: a record that cannot be read whole cannot be known to be paid.
 */
export async function readOwed(
  store: OwnRecords,
  dirs: string[],
  listedKeys: string[],
  bucket: string | null = null,
): Promise<OwedRecord[]> {
  const out: OwedRecord[] = [];
  for (const key of listedKeys) {
    const dir = dirs.map(owedDirIn).find((d) => key.startsWith(d));
    if (!dir || !key.endsWith('.json')) continue;
    const obj = await store.getText(key);
    if (!obj) continue;
    const r = parseOwed(obj.body, { shown: shownRecord(bucket, key) });
    out.push({
      key,
      etag: obj.etag,
      distributionId: r.distributionId,
      paths: r.paths,
      ...(r.note !== undefined ? { note: r.note } : {}),
      ...(r.deferred !== undefined ? { deferred: r.deferred } : {}),
      ...(r.stage !== undefined ? { stage: r.stage } : {}),
    });
  }
  return out;
}

export interface OwedWrite {
  note: string;
  /** `invalidate: defer`: left for a consolidating job. */
  deferred?: boolean;
  /** `before-writes` (crash safety, written before the first write) or `complete` (every write of the run is done). */
  stage?: OwedStage;
}

export async function writeOwed(
  store: OwnRecords,
  key: string,
  distributionId: string,
  paths: string[],
  w: OwedWrite | string,
): Promise<string> {
  const meta = typeof w === 'string' ? { note: w } : w;
  return store.putText(key, JSON.stringify({ version: OWED_VERSION, distributionId, paths, ...meta, writtenAt: new Date().toISOString() }));
}

/**
 * Clear records whose paths were just invalidated. A record of another run is only deleted if it is unchanged
 * since it was read (that run may have rewritten it meanwhile with paths it owes now).
 */
export async function clearOwed(store: OwnRecords, ownKey: string | null, consumed: OwedRecord[]): Promise<void> {
  if (ownKey !== null) await store.deleteKey(ownKey);
  for (const r of consumed) {
    if (r.key === ownKey) continue;
    if ((await store.etagOf(r.key)) === r.etag) await store.deleteKey(r.key);
  }
}
