// One deploy at a time per bucket and prefix: a lock in the action's records, taken with a conditional
// write only when the plan writes to the bucket (a no-op run writes nothing, not even a lock).
import { acquireLock, type DeployLock } from '../io/lock.js';
import type { Config } from '../model/config.js';
import type { ObjectStore, Clock, Log } from '../model/ports.js';
import { deployLockKey } from '../model/records.js';
import type { DeployPlan, Facts } from '../model/stages.js';

/** A crashed run's lock expires after this; a live run holds it far shorter. */
const LOCK_TTL_MS = 60 * 60_000;
/** How long a run waits for another one on the same bucket and prefix. */
const LOCK_WAIT_MS = 20 * 60_000;

/**
 * Whether the run writes to the bucket: uploads, deletes, the ledger, or owed records (an invalidation is
 * guarded by one). Two consolidating jobs must not both send the same owed records: they take the lock too.
 */
export function writesToBucket(config: Config, plan: DeployPlan): boolean {
  if (config.dryRun || config.bucket === null) return false;
  const uploads = plan.uploadWaves.some((w) => w.length > 0);
  const invalidates = plan.invalidations.some((p) => p.paths.length > 0);
  return uploads || plan.deletes.length > 0 || plan.lateDeletes.length > 0 || plan.writeState || invalidates;
}

export async function lockBucket(
  config: Config,
  facts: Facts,
  ports: { store: ObjectStore | null; clock: Clock; log: Log },
): Promise<DeployLock | null> {
  if (!ports.store) return null;
  const key = deployLockKey(config.prefix, config.statePrefix);
  const { repository, runId, runAttempt, sha } = facts.run;
  const lock = await acquireLock(ports.store, key, {
    owner: `${repository} run ${runId} attempt ${runAttempt}${sha ? ` (${sha.slice(0, 12)})` : ''}`,
    ttlMs: LOCK_TTL_MS,
    waitMs: LOCK_WAIT_MS,
    clock: ports.clock,
    log: (m) => ports.log.info(m),
    listedEtag: facts.ownKeys.includes(key) ? 'listed' : null,
  });
  if (lock.supported === false) {
    ports.log.warning(
      `The S3 server ignored a conditional write (If-None-Match), so two deploys of s3://${config.bucket}/${config.prefix} at once cannot be kept apart here; ` +
        `serialise them with a workflow concurrency group.`,
    );
  }
  return lock;
}
