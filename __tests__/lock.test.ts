// The deploy lock against the local S3 server through the fault proxy, which enforces conditional writes (fauxqs
// ignores them). A fake clock: waiting costs no real time.
import { startS3, type S3StandIn } from '../testing/s3-server.mjs';
import { startFaultProxy, type FaultProxy } from '../testing/s3-fault-proxy.mjs';
import { testS3Client, testS3Store } from './support/s3-client.js';
import { acquireLock, LockTimeoutError, type DeployLock, type LockOptions } from '../src/io/s3/lock.js';
import { lazyS3Store } from '../src/io/s3/lazy.js';
import type { Clock, OwnRecords } from '../src/model/ports.js';

const BUCKET = 'lock-bucket';
const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const MIN = 60_000;
let s3: S3StandIn;
let proxy: FaultProxy;
let n = 0;

beforeAll(async () => {
  s3 = await startS3({ buckets: [BUCKET] });
  proxy = await startFaultProxy(s3.endpoint, { enforceConditionalWrites: true });
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await s3?.stop();
});
beforeEach(() => {
  proxy.clear();
  proxy.enforceConditionalWrites(true);
});

function records(): OwnRecords {
  return testS3Store(BUCKET, testS3Client(proxy.endpoint), { partSize: 8 << 20 });
}

/** A clock that jumps forward on sleep; `onSleep` runs first (to change the world while a waiter sleeps). */
function fakeClock() {
  let t = T0;
  const sleeps: number[] = [];
  const clock: Clock & { sleeps: number[]; onSleep?: (ms: number) => Promise<void> | void; advance(ms: number): void } = {
    sleeps,
    now: () => t,
    async sleep(ms) {
      sleeps.push(ms);
      t += ms;
      await clock.onSleep?.(ms);
      await new Promise((r) => setImmediate(r));
    },
    advance(ms) {
      t += ms;
    },
  };
  return clock;
}

const freshKey = () => `locks/deploy-${++n}.json`;

function opts(owner: string, clock: Clock, over: Partial<LockOptions> = {}, log: string[] = []): LockOptions {
  return { owner, ttlMs: 10 * MIN, waitMs: 5 * MIN, clock, log: (m) => log.push(m), ...over };
}

async function holder(store: OwnRecords, key: string): Promise<string | null> {
  const cur = await store.getText(key);
  return cur && (JSON.parse(cur.body) as { owner: string }).owner;
}

it('writes { owner, expiresAt } with If-None-Match: * and releases it', async () => {
  const store = records();
  const key = freshKey();
  const clock = fakeClock();
  const lock = await acquireLock(store, key, opts('run-1', clock));
  expect(lock).toMatchObject({ waited: false, supported: null });
  expect(JSON.parse((await store.getText(key))!.body)).toEqual({ owner: 'run-1', expiresAt: '2030-01-01T00:10:00.000Z' });
  expect(proxy.calls.find((c) => c.method === 'PUT')!.headers['if-none-match']).toBe('*');
  await lock.release();
  await lock.release(); // idempotent
  expect(await store.getText(key)).toBeNull();
  expect(proxy.calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
});

it('mutual exclusion: of five concurrent acquirers exactly one gets the lock; the others name it in their error', async () => {
  const store = records();
  const key = freshKey();
  const clock = fakeClock();
  const owners = ['a', 'b', 'c', 'd', 'e'];
  const results = await Promise.allSettled(owners.map((o) => acquireLock(store, key, opts(o, clock, { waitMs: 0 }))));
  const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [owners[i]!] : []));
  expect(won).toHaveLength(1);
  const winner = won[0]!;
  expect(await holder(store, key)).toBe(winner);
  for (const r of results) {
    if (r.status === 'rejected') {
      expect(r.reason).toBeInstanceOf(LockTimeoutError);
      expect((r.reason as LockTimeoutError).owner).toBe(winner);
      expect((r.reason as Error).message).toContain(`held by ${winner} until 2030-01-01T00:10:00.000Z`);
    }
  }
  expect(proxy.preconditionFailures).toBeGreaterThanOrEqual(4);
});

it('waits for the holder to release, then takes the lock (waited, supported)', async () => {
  const store = records();
  const key = freshKey();
  const clock = fakeClock();
  const a = await acquireLock(store, key, opts('run-a', clock));
  clock.onSleep = async () => {
    clock.onSleep = undefined;
    await a.release();
  };
  const log: string[] = [];
  const b = await acquireLock(store, key, opts('run-b', clock, {}, log));
  expect(b).toMatchObject({ waited: true, supported: true });
  expect(clock.sleeps).toEqual([2000]);
  expect(log).toEqual([`Waiting for deploy lock ${key}, held by run-a until 2030-01-01T00:10:00.000Z (waiting up to 300 s).`]);
  expect(await holder(store, key)).toBe('run-b');
  await b.release();
  expect(await store.getText(key)).toBeNull();
});

it('gives up after waitMs with an error naming the owner and the expiry; polls with backoff meanwhile', async () => {
  const store = records();
  const key = freshKey();
  const clock = fakeClock();
  await acquireLock(store, key, opts('run-a', clock, { ttlMs: 60 * MIN }));
  const err = await acquireLock(store, key, opts('run-b', clock, { waitMs: 40_000 })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(LockTimeoutError);
  expect((err as Error).message).toBe(`deploy lock ${key} is held by run-a until 2030-01-01T01:00:00.000Z; gave up after waiting 40 s`);
  expect(clock.sleeps).toEqual([2000, 4000, 8000, 15000, 11000]);
  expect(await holder(store, key)).toBe('run-a');
});

it('takes over an expired lock with If-Match; the old holder then does not delete it', async () => {
  const store = records();
  const key = freshKey();
  const clock = fakeClock();
  const aLog: string[] = [];
  const a = await acquireLock(store, key, opts('run-a', clock, { ttlMs: 5000 }, aLog));
  const aEtag = (await store.getText(key))!.etag;
  const log: string[] = [];
  const b = await acquireLock(store, key, opts('run-b', clock, {}, log));
  // Slept until the expiry (2 s, then the 3 s left), then took it over from exactly the version read.
  expect(clock.sleeps).toEqual([2000, 3001]);
  expect(b).toMatchObject({ waited: true, supported: true });
  expect(log.at(-1)).toBe(`Took over deploy lock ${key} (held by run-a, expired at 2030-01-01T00:00:05.000Z).`);
  const takeover = proxy.calls.filter((c) => c.method === 'PUT' && c.headers['if-match'] !== undefined);
  expect(takeover.map((c) => [c.headers['if-match'], c.status])).toEqual([[`"${aEtag}"`, 200]]);
  expect(await holder(store, key)).toBe('run-b');

  await a.release();
  expect(aLog).toEqual([`Deploy lock ${key} is now held by run-b; not releasing it.`]);
  expect(await holder(store, key)).toBe('run-b');
  await b.release();
  expect(await store.getText(key)).toBeNull();
});

it('two waiters on one expired lock: both send If-Match with its ETag at once, exactly one takes it', async () => {
  const store = records();
  const key = freshKey();
  const clock = fakeClock();
  await acquireLock(store, key, opts('run-a', clock, { ttlMs: 1000 }));
  clock.advance(5000);
  // Hold each If-Match write until both waiters have sent theirs, so they race on the same version.
  let arrived = 0;
  let go: () => void = () => {};
  const barrier = new Promise<void>((r) => (go = r));
  const racing = (): OwnRecords => {
    const inner = records();
    return {
      ...inner,
      async putText(k, body, condition) {
        if (condition && 'ifMatch' in condition) {
          if (++arrived === 2) go();
          await barrier;
        }
        return inner.putText(k, body, condition);
      },
    };
  };
  const results = await Promise.allSettled([
    acquireLock(racing(), key, opts('run-b', clock, { waitMs: 0 })),
    acquireLock(racing(), key, opts('run-c', clock, { waitMs: 0 })),
  ]);
  const won = results.filter((r): r is PromiseFulfilledResult<DeployLock> => r.status === 'fulfilled');
  expect(won).toHaveLength(1);
  const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  expect(loser.reason).toBeInstanceOf(LockTimeoutError);
  const winner = await holder(store, key);
  expect(['run-b', 'run-c']).toContain(winner);
  expect((loser.reason as LockTimeoutError).owner).toBe(winner);
  const ifMatch = proxy.calls.filter((c) => c.method === 'PUT' && c.headers['if-match'] !== undefined);
  expect(ifMatch.map((c) => c.status).sort()).toEqual([200, 412]);
});

it('a record that cannot be read counts as expired and is taken over', async () => {
  const store = records();
  const key = freshKey();
  await store.putText(key, 'not json');
  const log: string[] = [];
  const lock = await acquireLock(store, key, opts('run-b', fakeClock(), { waitMs: 0 }, log));
  expect(lock.waited).toBe(false);
  expect(log).toEqual([`Took over deploy lock ${key} (held by (unreadable lock record), expired at (unknown)).`]);
  expect(await holder(store, key)).toBe('run-b');
});

describe('conditional-write support', () => {
  it('enforcement off: a listed lock that a create still overwrote means supported: false', async () => {
    proxy.enforceConditionalWrites(false);
    const store = records();
    const key = freshKey();
    const clock = fakeClock();
    await acquireLock(store, key, opts('run-a', clock));
    const listedEtag = (await store.list('locks/')).find((o) => o.key === key)!.etag;
    const log: string[] = [];
    const b = await acquireLock(store, key, opts('run-b', clock, { listedEtag }, log));
    expect(b).toMatchObject({ supported: false, waited: false });
    expect(log).toEqual([
      `The bucket ignored If-None-Match when creating deploy lock ${key} over an existing one: conditional writes are not supported, so the lock is advisory only.`,
    ]);
    expect(proxy.preconditionFailures).toBe(0);
  });

  it('enforcement off, lock listed but released since: nothing is concluded (supported: null)', async () => {
    proxy.enforceConditionalWrites(false);
    const store = records();
    const key = freshKey();
    const clock = fakeClock();
    const a = await acquireLock(store, key, opts('run-a', clock));
    const listedEtag = (await store.list('locks/')).find((o) => o.key === key)!.etag;
    await a.release();
    const b = await acquireLock(store, key, opts('run-b', clock, { listedEtag }));
    expect(b.supported).toBeNull();
  });

  it('enforcement on, lock listed: the create is refused, so supported: true', async () => {
    const store = records();
    const key = freshKey();
    const clock = fakeClock();
    const a = await acquireLock(store, key, opts('run-a', clock));
    const listedEtag = await store.etagOf(key);
    clock.onSleep = async () => {
      clock.onSleep = undefined;
      await a.release();
    };
    const b = await acquireLock(store, key, opts('run-b', clock, { listedEtag }));
    expect(b).toMatchObject({ supported: true, waited: true });
  });
});

describe('issue 17.8: the lock keeps excluding', () => {
  it('is renewed while held: past its lifetime another run still cannot take it over', async () => {
    const store = records();
    const key = freshKey();
    // A real clock and a 300 ms lifetime, renewed every 60 ms.
    const real: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
    const a = await acquireLock(store, key, { ...opts('run-a', real), ttlMs: 300, renewMs: 60 });
    await new Promise((r) => setTimeout(r, 900)); // three lifetimes
    const b = await acquireLock(store, key, { ...opts('run-b', real), ttlMs: 300, waitMs: 0 }).catch((e: unknown) => e);
    expect(b).toBeInstanceOf(LockTimeoutError);
    expect(await holder(store, key)).toBe('run-a');
    expect(() => a.assertHeld()).not.toThrow();
    await a.release();
    expect(await holder(store, key)).toBeNull();
  });

  it('a renewal that finds the lock taken over marks it lost: the holder makes no further writes and never deletes the other lock', async () => {
    const store = records();
    const key = freshKey();
    const real: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
    const log: string[] = [];
    const a = await acquireLock(store, key, { ...opts('run-a', real, {}, log), ttlMs: 60_000, renewMs: 40 });
    await store.putText(key, JSON.stringify({ owner: 'run-b', expiresAt: new Date(Date.now() + 60_000).toISOString() }));
    await new Promise((r) => setTimeout(r, 200));
    expect(() => a.assertHeld()).toThrow(/taken over by another run/);
    await a.release();
    expect(await holder(store, key)).toBe('run-b');
  });
});

describe('issue 18.6: release is a conditional delete', () => {
  it('a lock taken by another run between the read and the delete is never deleted (If-Match on the version read)', async () => {
    const base = records();
    const key = freshKey();
    const clock = fakeClock();
    const log: string[] = [];
    let race = false;
    // Another run replaces the lock right after run-a's release has read it (and found it its own).
    const racing: OwnRecords = {
      ...base,
      getText: async (k) => {
        const cur = await base.getText(k);
        if (race && k === key && cur) {
          race = false;
          await base.putText(key, JSON.stringify({ owner: 'run-b', expiresAt: new Date(T0 + 10 * MIN).toISOString() }));
        }
        return cur;
      },
    };
    const a = await acquireLock(racing, key, opts('run-a', clock, {}, log));
    race = true;
    await a.release();
    expect(await holder(base, key)).toBe('run-b');
    expect(log.some((l) => l.includes('was taken by another run as it was released'))).toBe(true);
  });
});

describe('the store the action runs with (lazyS3Store, the SDK loaded on first use)', () => {
  it('keeps the condition of a conditional delete: a record replaced since it was read is not deleted', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
    try {
      const store = lazyS3Store(BUCKET, {
        region: 'us-east-1',
        concurrency: 4,
        multipartThreshold: 8 << 20,
        partSize: 5 << 20,
        env: { AWS_ENDPOINT_URL_S3: proxy.endpoint },
      });
      const key = freshKey();
      const read = await store.putText(key, JSON.stringify({ owner: 'run-a' }));
      await store.putText(key, JSON.stringify({ owner: 'run-b' }));
      await expect(store.deleteKey(key, { ifMatch: read })).rejects.toMatchObject({ name: 'PreconditionFailed' });
      expect(JSON.parse((await store.getText(key))!.body)).toEqual({ owner: 'run-b' });
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});
