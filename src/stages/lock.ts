// One deploy at a time per bucket and prefix: a lock in the action's records, taken with a conditional
// write only when the plan writes to the bucket (a no-op run writes nothing, not even a lock).
import { randomBytes } from 'node:crypto';
import { acquireLock, type DeployLock, type LockOptions } from '../io/s3/lock.js';
import type { Config } from '../model/config.js';
import type { ObjectStore, Clock, Log } from '../model/ports.js';
import { bootstrapLockKey, hiddenDirsIn, isOwnKey, LEGACY_DIR, lockKeyIn, recordsLayout, stateKeyIn } from '../model/records.js';
import type { DeployPlan, Facts } from '../model/stages.js';

/**
 * The lock's lifetime. A live run renews it every third of this (so it never expires under a run that is still
 * writing, however long its uploads take); a crashed run's lock is free again within this. A run releases it as soon
 * as its last write is done, before it waits for the invalidation to complete.
 */
export const LOCK_TTL_MS = 10 * 60_000;
/**
 * How long a run waits for another one on the same bucket and prefix: three lifetimes, so a crashed holder's lock
 * always expires within a waiter's wait, with room for a live holder's writes.
 */
export const LOCK_WAIT_MS = 3 * LOCK_TTL_MS;

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
  const store = ports.store;
  if (!store) return null;
  const { repository, runId, runAttempt, sha } = facts.run;
  const job = randomBytes(6).toString('hex');
  const opts = {
    // Unique per job: the jobs of one matrix share the run id and attempt, and each must hold (and release) its own.
    owner: `${repository} run ${runId} attempt ${runAttempt}${sha ? ` (${sha.slice(0, 12)})` : ''} job ${job}`,
    ttlMs: LOCK_TTL_MS,
    waitMs: LOCK_WAIT_MS,
    clock: ports.clock,
    log: (m: string) => ports.log.info(m),
  };
  const bootstrapKey = bootstrapLockKey(config.prefix, config.statePrefix);
  if (bootstrapKey === null) return warnUnsupported(config, ports.log, await takeIn(store, lockKeyIn(facts.records.dir), facts, opts));
  // The bootstrap name is public (it sits in the served prefix): it names no repository, run or commit.
  const boot = await acquireLock(store, bootstrapKey, {
    ...opts,
    owner: `a deploy (job ${job})`,
    listedEtag: listedEtagOf(facts, bootstrapKey),
  });
  let lock: DeployLock;
  try {
    // The folder runs use: the first hidden one this prefix holds now, else the one this run makes.
    const dir =
      hiddenDirsIn(
        config.prefix,
        (await store.list(config.prefix + '.s3cfd-')).map((o) => o.key),
      )[0] ?? facts.records.dir;
    lock = await takeIn(store, lockKeyIn(dir), facts, opts);
  } catch (err) {
    await boot.release().catch(() => {});
    throw err;
  }
  try {
    await boot.release();
  } catch (err) {
    await lock.release().catch(() => {});
    throw err;
  }
  return warnUnsupported(config, ports.log, { ...lock, waited: lock.waited || boot.waited, supported: lock.supported ?? boot.supported });
}

function takeIn(store: ObjectStore, key: string, facts: Facts, opts: Omit<LockOptions, 'listedEtag'>): Promise<DeployLock> {
  return acquireLock(store, key, { ...opts, listedEtag: listedEtagOf(facts, key) });
}

const listedEtagOf = (facts: Facts, key: string) => (facts.ownKeys.includes(key) ? 'listed' : null);

function warnUnsupported(config: Config, log: Log, lock: DeployLock): DeployLock {
  if (lock.supported === false) {
    log.warning(
      `The S3 server ignored a conditional write (If-None-Match), so two deploys of s3://${config.bucket}/${config.prefix} at once cannot be kept apart here; ` +
        `serialise them with a workflow concurrency group.`,
    );
  }
  return lock;
}

/**
 * Whether the ledger moved since the facts were read: another deploy of this bucket and prefix wrote it (or made the
 * records folder) between this run's reading and its taking the lock. Then everything decided from what was read
 * is re-gathered and re-planned under the lock. One small listing (or HEAD under state-prefix).
 */
export async function ledgerMoved(config: Config, facts: Facts, store: ObjectStore | null): Promise<boolean> {
  if (!store || (!config.upload && config.rollbackTo === null)) return false;
  const before = facts.ledgerEtag ?? null;
  if (config.statePrefix !== '') return (await store.etagOf(stateKeyIn(facts.records.dir))) !== before;
  // Only the records folders directly in this prefix: `.s3cfd-<random>/` (the legacy folder is never written anew).
  const listed = await store.list(config.prefix + '.s3cfd-');
  const now = recordsLayout(
    config.prefix,
    config.statePrefix,
    listed.map((o) => o.key).filter((k) => isOwnKey(k, config.prefix, config.statePrefix)),
    'not-made-yet-0000000000',
  );
  const hidden = (dir: string) => dir !== config.prefix + LEGACY_DIR;
  // A folder made meanwhile by another first deploy: this run must write there, not into a second one.
  if (hidden(now.dir) && now.dir !== facts.records.dir && !now.dir.includes('not-made-yet')) return true;
  const ledger = listed.find((o) => o.key === stateKeyIn(facts.records.dir));
  return (ledger?.etag ?? null) !== before;
}
