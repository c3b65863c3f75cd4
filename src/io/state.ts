// The action's record of what it uploaded: per key the ETag S3 gave it, the content MD5 and a hash of the
// headers it was sent with. Read once per run (one GET instead of a HEAD per object); an entry is trusted only
// while the listed ETag still equals the recorded one, so objects changed by other tools are never mistaken.
import type { DeployState } from '../model/data.js';
import { stateKeyIn } from '../model/records.js';
import type { OwnRecords } from '../model/ports.js';

/** The ledger in the records folder `dir`, when the listing showed one. */
export async function readState(store: OwnRecords, dir: string, listed: boolean): Promise<DeployState | null> {
  if (!listed) return null;
  const obj = await store.getText(stateKeyIn(dir));
  if (!obj) return null;
  try {
    const s = JSON.parse(obj.body) as DeployState;
    return (s.version === 1 || s.version === 2) && s.objects && typeof s.objects === 'object' ? s : null;
  } catch {
    return null; // unreadable: fall back to ETags and HEADs
  }
}

export async function writeState(store: OwnRecords, dir: string, state: DeployState): Promise<void> {
  await store.putText(stateKeyIn(dir), JSON.stringify(state));
}
