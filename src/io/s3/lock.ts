// A deploy lock on the action's own records: one small JSON object `{ owner, expiresAt }`, created with
// `If-None-Match: *` and taken over (once expired) with `If-Match: <its ETag>`, so two runs never both hold it on a
// store with conditional writes. On a store that ignores the conditions, the lock is detected as unsupported
// (`supported: false`) and is only advisory.
import type { Clock, OwnRecords } from '../../model/ports.js';
import { isPreconditionFailed } from './errors.js';

export interface LockOptions {
  /** Who takes the lock (e.g. `owner/repo run 123 attempt 1`); shown to runs that wait for it. */
  owner: string;
  /** How long the lock is valid after it is written; past that another run may take it over. */
  ttlMs: number;
  /** How long to wait for another owner's lock before giving up (0: do not wait). */
  waitMs: number;
  clock: Clock;
  log: (message: string) => void;
  /**
   * The lock's ETag when the bucket was listed (null: it was absent; undefined: not known). When a lock was listed
   * and is still there, a create with `If-None-Match: *` must fail; if it succeeds, the store ignores conditions.
   */
  listedEtag?: string | null;
  /**
   * Renew the lock this often while it is held (real time; default a third of `ttlMs`): each renewal rewrites it with
   * a later expiry, only over its own last version (`If-Match`), so a live run's lock never expires under it.
   */
  renewMs?: number;
}

export interface DeployLock {
  /** Whether another owner's lock had to be waited for. */
  waited: boolean;
  /**
   * Whether the store honours conditional writes: true once it refused one (412), false when it let a create
   * overwrite an existing lock (the lock is then advisory only), null when this run could not tell.
   */
  supported: boolean | null;
  /** Deletes the lock if it is still ours (read and compare owner); stops the renewal; idempotent. */
  release(): Promise<void>;
  /**
   * Throws when the lock was lost while held (a renewal found it rewritten by another owner, or could not be made
   * before it expired): called before each write that only the holder may make.
   */
  assertHeld(): void;
}

/** The lock was found taken over while this run held it. */
export class LockLostError extends Error {
  override readonly name = 'LockLost';
}

/** Another owner held the lock for longer than `waitMs`. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeout';
  constructor(
    readonly key: string,
    readonly owner: string,
    readonly expiresAt: string,
    waitedMs: number,
  ) {
    super(`deploy lock ${key} is held by ${owner} until ${expiresAt}; gave up after waiting ${Math.round(waitedMs / 1000)} s`);
  }
}

/** First and largest pause between polls of a held lock. */
export const LOCK_POLL_FIRST_MS = 2_000;
export const LOCK_POLL_MAX_MS = 15_000;

interface LockRecord {
  owner: string;
  expiresAt: string;
  /** Milliseconds since the epoch; NaN when the record cannot be read (treated as expired). */
  expiresAtMs: number;
}

function parseLock(body: string): LockRecord {
  try {
    const v = JSON.parse(body) as { owner?: unknown; expiresAt?: unknown };
    const owner = typeof v.owner === 'string' ? v.owner : '(unknown owner)';
    const expiresAt = typeof v.expiresAt === 'string' ? v.expiresAt : String(v.expiresAt);
    const ms = typeof v.expiresAt === 'number' ? v.expiresAt : typeof v.expiresAt === 'string' ? Date.parse(v.expiresAt) : NaN;
    return { owner, expiresAt, expiresAtMs: ms };
  } catch {
    return { owner: '(unreadable lock record)', expiresAt: '(unknown)', expiresAtMs: NaN };
  }
}

/** Whether a deploy lock is held at `now` (present and not expired): its deploy is still running. */
export async function lockHeld(records: OwnRecords, key: string, now: number): Promise<boolean> {
  const cur = await records.getText(key);
  return cur !== null && parseLock(cur.body).expiresAtMs > now;
}

/** The lock just taken (with ETag `etag`): renewed while held, and its release. */
function heldLock(
  records: OwnRecords,
  key: string,
  opts: LockOptions,
  etag: string,
  state: { waited: boolean; supported: boolean | null },
  body: () => string,
): DeployLock {
  const { owner, log, ttlMs, clock } = opts;
  let released = false;
  let lost: string | null = null;
  let current = etag;
  let renewedAt = clock.now();
  let renewing: Promise<void> = Promise.resolve();
  const renew = async () => {
    try {
      current = await records.putText(key, body(), { ifMatch: current });
      renewedAt = clock.now();
    } catch (err) {
      if (isPreconditionFailed(err)) lost = `deploy lock ${key} was taken over by another run while this one held it`;
      else if (clock.now() - renewedAt >= ttlMs)
        lost = `deploy lock ${key} could not be renewed before it expired (${(err as Error).message})`;
      if (lost) {
        log(`${lost}: this run makes no further writes.`);
        stop();
      }
    }
  };
  const timer = setInterval(
    () => {
      if (!released && !lost) renewing = renewing.then(renew);
    },
    Math.max(10, opts.renewMs ?? Math.floor(ttlMs / 3)),
  );
  timer.unref();
  const stop = () => clearInterval(timer);
  return {
    ...state,
    assertHeld() {
      if (lost) throw new LockLostError(`${lost}; nothing more was written (the owed invalidation stays recorded for the next run)`);
    },
    async release() {
      if (released) return;
      released = true;
      stop();
      await renewing;
      if (lost) return;
      const cur = await records.getText(key);
      if (cur === null) return;
      const rec = parseLock(cur.body);
      if (rec.owner !== owner) {
        log(`Deploy lock ${key} is now held by ${rec.owner}; not releasing it.`);
        return;
      }
      if (cur.etag !== current) log(`Deploy lock ${key} was rewritten since it was taken, but is still ours; releasing it.`);
      // Only the version just read and found ours: where the server honours If-Match on a delete, a lock another run
      // took in between is never deleted (elsewhere the read above is the check).
      try {
        await records.deleteKey(key, { ifMatch: cur.etag });
      } catch (err) {
        if (!isPreconditionFailed(err)) throw err;
        log(`Deploy lock ${key} was taken by another run as it was released; left to it.`);
      }
    },
  };
}

/**
 * Take the deploy lock `key`, waiting (polling with backoff) up to `waitMs` while another owner holds it, taking
 * over a lock whose time is up. Throws LockTimeoutError when the wait runs out; other errors (access, network) as
 * they come.
 */
export async function acquireLock(records: OwnRecords, key: string, opts: LockOptions): Promise<DeployLock> {
  const { owner, ttlMs, waitMs, clock, log } = opts;
  const started = clock.now();
  const body = () => JSON.stringify({ owner, expiresAt: new Date(clock.now() + ttlMs).toISOString() });
  let supported: boolean | null = null;
  let waited = false;
  let pause = LOCK_POLL_FIRST_MS;
  let announced = '';

  const held = (etag: string) => heldLock(records, key, opts, etag, { waited, supported }, body);

  // A lock listed earlier that is still there: the create below must be refused, or the store ignores conditions.
  let existedJustBefore = false;
  if (opts.listedEtag) existedJustBefore = (await records.getText(key)) !== null;

  for (;;) {
    try {
      const etag = await records.putText(key, body(), { ifNoneMatch: '*' });
      if (existedJustBefore) {
        supported = false;
        log(
          `The bucket ignored If-None-Match when creating deploy lock ${key} over an existing one: ` +
            'conditional writes are not supported, so the lock is advisory only.',
        );
      }
      return held(etag);
    } catch (err) {
      if (!isPreconditionFailed(err)) throw err;
      supported = true;
    }
    existedJustBefore = false;

    const cur = await records.getText(key);
    if (cur === null) continue; // released between the create and the read: create again
    const rec = parseLock(cur.body);
    const now = clock.now();
    const expired = !(rec.expiresAtMs > now);
    if (expired || rec.owner === owner) {
      // Take it over, only from the version just read: of two runs doing this at once, one wins.
      const why = rec.owner === owner ? 'left by this same owner' : `held by ${rec.owner}, expired at ${rec.expiresAt}`;
      try {
        const etag = await records.putText(key, body(), { ifMatch: cur.etag });
        log(`Took over deploy lock ${key} (${why}).`);
        return held(etag);
      } catch (err) {
        if (!isPreconditionFailed(err)) throw err;
        supported = true;
        continue; // someone else changed it first: look again
      }
    }

    const elapsed = now - started;
    if (elapsed >= waitMs) throw new LockTimeoutError(key, rec.owner, rec.expiresAt, elapsed);
    const note = `${rec.owner} until ${rec.expiresAt}`;
    if (note !== announced) {
      log(`Waiting for deploy lock ${key}, held by ${note} (waiting up to ${Math.round(waitMs / 1000)} s).`);
      announced = note;
    }
    waited = true;
    // Poll again after the pause, but no later than the wait's end or the lock's expiry.
    const wait = Math.max(1, Math.min(pause, waitMs - elapsed, rec.expiresAtMs - now + 1));
    await clock.sleep(wait);
    pause = Math.min(pause * 2, LOCK_POLL_MAX_MS);
  }
}
