// The action's record of what it uploaded: per key the ETag S3 gave it, the content MD5 and a hash of the
// headers it was sent with. Read once per run (one GET instead of a HEAD per object); an entry is trusted only
// while the listed ETag still equals the recorded one, so objects changed by other tools are never mistaken.
// Its ETag when read is the run's witness: the write under the lock is a compare-and-swap against it.
import type { DeployState } from '../../model/data.js';
import { ledgerFromJson, ledgerNotJson, parseLedger } from '../../model/record-format.js';
import { jsonBody } from '../../model/json-slices.js';
import { shownRecord, stateKeyIn } from '../../model/records.js';
import type { OwnRecords, WriteCondition } from '../../model/ports.js';

/** The ledger as read, with the ETag it had (the witness of what the run decided from). */
export interface ReadLedger {
  state: DeployState;
  etag: string;
}

/**
 * The ledger in the records folder `dir`, when the listing showed one. A damaged ledger, or one of a newer format,
 * throws a RecordError naming it (nothing is written from a ledger that cannot be trusted whole).
 */
export async function readState(store: OwnRecords, dir: string, listed: boolean, bucket: string | null = null): Promise<ReadLedger | null> {
  if (!listed) return null;
  const key = stateKeyIn(dir);
  const ctx = { shown: shownRecord(bucket, key) };
  if (store.getJson) {
    // Parsed as it arrives: the ledger of a million keys is hundreds of MB of text, never held whole.
    let read: { value: unknown; etag: string } | null;
    try {
      read = await store.getJson(key);
    } catch (err) {
      if (err instanceof SyntaxError) throw ledgerNotJson(ctx, err.message);
      throw err;
    }
    return read && { state: ledgerFromJson(read.value, ctx), etag: read.etag };
  }
  const obj = await store.getText(key);
  if (!obj) return null;
  return { state: parseLedger(obj.body, ctx), etag: obj.etag };
}

/**
 * Writes the ledger, only over the version this run read (`ifMatch`) or only where there was none
 * (`ifNoneMatch`): a PreconditionFailed error means another run wrote it meanwhile. Returns the new ETag.
 */
export async function writeState(store: OwnRecords, dir: string, state: DeployState, condition?: WriteCondition): Promise<string> {
  // In slices: the ledger of a large site is tens of MB, never held whole (as one string or one buffer).
  return store.putText(stateKeyIn(dir), jsonBody(state), condition);
}
