// Owed invalidations, recorded in the bucket before uploads and cleared only after CreateInvalidation
// succeeded, so a crash in between never loses a stale path: the next run sends them.
import type { OwedRecord } from '../model/data.js';
import { owedDirIn } from '../model/records.js';
import type { OwnRecords } from '../model/ports.js';

/** The owed record of one run attempt for one distribution, in the records folder `dir`. */
export function recordKey(dir: string, distributionId: string, runId: string, runAttempt: string): string {
  return `${owedDirIn(dir)}${distributionId}/${runId}-${runAttempt}.json`;
}

/** Owed records among listed keys, in any of the records folders `dirs`. */
export async function readOwed(store: OwnRecords, dirs: string[], listedKeys: string[]): Promise<OwedRecord[]> {
  const out: OwedRecord[] = [];
  for (const key of listedKeys) {
    const dir = dirs.map(owedDirIn).find((d) => key.startsWith(d));
    if (!dir || !key.endsWith('.json')) continue;
    const obj = await store.getText(key);
    if (!obj) continue;
    try {
      const body = JSON.parse(obj.body) as { distributionId?: string; paths?: unknown; note?: unknown };
      const paths = Array.isArray(body.paths) ? body.paths.filter((p): p is string => typeof p === 'string') : [];
      const note = typeof body.note === 'string' ? { note: body.note } : {};
      if (typeof body.distributionId === 'string') out.push({ key, etag: obj.etag, distributionId: body.distributionId, paths, ...note });
    } catch {
      // A corrupt record cannot be trusted to be complete: owe everything for safety.
      const dist = key.slice(dir.length).split('/')[0] ?? '';
      out.push({ key, etag: obj.etag, distributionId: dist, paths: ['/*'] });
    }
  }
  return out;
}

export async function writeOwed(store: OwnRecords, key: string, distributionId: string, paths: string[], note: string): Promise<void> {
  await store.putText(key, JSON.stringify({ distributionId, paths, note, writtenAt: new Date().toISOString() }));
}

/**
 * Clear records whose paths were just invalidated. A record of another run is only deleted if it is unchanged
 * since it was read (that run may have rewritten it meanwhile with paths it owes now).
 */
export async function clearOwed(store: OwnRecords, ownKey: string, consumed: OwedRecord[]): Promise<void> {
  await store.deleteKey(ownKey);
  for (const r of consumed) {
    if (r.key === ownKey) continue;
    if ((await store.etagOf(r.key)) === r.etag) await store.deleteKey(r.key);
  }
}
