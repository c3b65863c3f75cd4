// execute: every write a run makes, in the safe order, returning what happened. A failure part way is
// returned in the Outcome (not thrown), so the report still says what was uploaded and invalidated.
import { isOwedTo } from '../plan/stale.js';
import pLimit from 'p-limit';
import pMap from 'p-map';
import type { Config, UploadConfig } from '../model/config.js';
import { thousands } from '../model/format.js';
import type { DeployState, InvalidationPlan, VerifyResult } from '../model/data.js';
import type { Cdn, Clock, Log, ObjectStore } from '../model/ports.js';
import type { DeployPlan, Facts, FileRecord, Outcome, SentInvalidation } from '../model/stages.js';
import { createInvalidation, InFlightWaitExceeded, waitForInvalidations } from '../io/cloudfront/api.js';
import { absPathOf } from '../io/fs/walk.js';
import { clearOwed, recordKey, writeOwed } from '../io/s3/owed.js';
import { writeState } from '../io/s3/ledger.js';
import { stateKeyIn } from '../model/records.js';
import { verifyUrls } from '../io/cloudfront/verify.js';
import { isPreconditionFailed } from '../io/s3/errors.js';
import { callerReference } from '../plan/invalidation.js';
import { nextLedger } from '../plan/ledger.js';
import { withHistory } from '../plan/history.js';
import { rollbackLedger } from '../plan/rollback.js';
import { earlyLedger, preserveHistory, restoreAll } from './history.js';
import { chooseSample } from '../plan/verify-sample.js';
import { isCompleted } from '../model/status.js';
import { DeployError, describeError, describeErrorAbout, endSentence, whatToCheck } from './errors.js';
import { phase } from './timing.js';

export interface ExecutePorts {
  store: ObjectStore | null;
  cdn: () => Cdn;
  clock: Clock;
  log: Log;
  /** Files above this size are uploaded multipart (at most two at a time: each holds parts in memory). */
  multipartThreshold: number;
  /** Bound on waiting out TooManyInvalidationsInProgress. */
  maxInFlightWaitMs: number;
  /** First delay of the completion poll. */
  pollDelayMs: number;
  /** Throws when the deploy lock was lost: called before each write only its holder may make. */
  assertHeld?: () => void;
  /** Called once every write of the run is done (before waiting for the invalidation): releases the lock. */
  writesDone?: () => Promise<void>;
}

export async function execute(config: Config, facts: Facts, plan: DeployPlan, ports: ExecutePorts): Promise<Outcome> {
  const out: Outcome = { etags: {}, deleted: [], sent: [], verify: null, timedOut: [], error: null, timingsMs: {} };
  const t = out.timingsMs;
  const { store, log } = ports;
  const held = ports.assertHeld ?? (() => {});
  try {
    const toSend = plan.invalidations.filter((p) => p.paths.length > 0);
    const ownRecords =
      store && toSend.length > 0 ? await phase(log, 'Record owed invalidations', t, () => recordOwed(config, facts, toSend, store)) : {};
    const history = plan.history;
    if (store && plan.rollback && history) {
      await rollbackWrites(config, facts, plan, store, ports, out.etags, t);
    } else if (store && config.upload && plan.writeState) {
      const ledgerWrite = ledgerWriter(config, store, facts, held);
      // keep-deploys: the bytes this run replaces are copied into the history first, and recorded.
      if (history && history.preserve.length > 0) {
        await phase(log, 'Keep history (server-side copies)', t, () => preserveHistory(store, history, config.concurrency, held));
      }
      // A demotion is proof that exists only now: recorded before the uploads, so a crash cannot lose it.
      const early = earlyLedger(facts, plan, newDemotions(facts, plan));
      if (early) await ledgerWrite(early);
      if (plan.uploadWaves.some((w) => w.length > 0)) {
        await phase(log, 'Upload', t, () => uploadAll(config, store, plan.uploadWaves, ports, out.etags));
      }
      const next = nextLedger(facts.state, { ...plan.ledger, files: plan.files, remote: plan.remote, etags: out.etags });
      await ledgerWrite(history ? withHistory(next, history) : next);
      await migrateRecords(store, facts);
    }
    // The origin reaches its final state before the invalidation that covers it: an edge that refetches
    // after processing the invalidation must not find a deleted page still there.
    if (store && plan.deletes.length > 0) {
      held();
      out.deleted = await phase(log, 'Delete removed objects', t, () => deleteRemoved(store, plan.deletes, log));
    }
    if (toSend.length > 0 && config.invalidate === 'defer') {
      // Written again once this run's writes are done: a consolidating job that read (and sent) the record
      // while the uploads were still going finds it changed, keeps it, and sends it again next time.
      if (store) {
        const written = await recordOwed(config, facts, toSend, store, 'complete');
        // Earlier records of this prefix are in this run's record now (its stale paths include what they owed).
        const mine = new Set(Object.values(written));
        const merged = facts.owed.filter((r) => toSend.some((p) => isOwedTo(r, p.distributionId)) && !mine.has(r.key));
        await clearOwed(store, null, merged);
      }
      log.info(
        `invalidate: defer: ${toSend.map((p) => `${p.stale.length} stale paths for ${p.distributionId}`).join(', ')} left as owed records for the consolidating job`,
      );
    } else if (toSend.length > 0) {
      // Each distribution on its own: one that fails leaves the ones created for the others in the outcome.
      const settled = await phase(log, 'Invalidate', t, () => invalidate(config, facts, toSend, ownRecords, ports));
      out.sent = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        out.error = describeError(failed.reason);
        // What was created is still waited for and reported; nothing after the invalidation runs.
        if (config.wait && out.sent.length > 0) {
          await ports.writesDone?.();
          const waited = await phase(log, 'Wait for invalidations', t, () => waitAll(config, out.sent, ports));
          out.sent = waited.sent;
          out.timedOut = waited.timedOut;
        }
        return out;
      }
    }
    // Removed fingerprinted objects whose grace period has passed: never invalidated, so last.
    if (store && plan.lateDeletes.length > 0) {
      held();
      const late = await phase(log, 'Delete removed fingerprinted objects (grace period over)', t, () =>
        deleteRemoved(store, plan.lateDeletes, log),
      );
      out.deleted = [...out.deleted, ...late];
    }
    await ports.writesDone?.();
    if (config.wait && out.sent.length > 0) {
      const waited = await phase(log, 'Wait for invalidations', t, () => waitAll(config, out.sent, ports));
      out.sent = waited.sent;
      out.timedOut = waited.timedOut;
    }
    const first = out.sent.find((s) => s.distributionId === plan.invalidations[0]?.distributionId);
    if (config.verifyUrl && out.timedOut.length === 0 && first && isCompleted(first.status)) {
      out.verify = await phase(log, 'Verify what the CDN serves', t, () => verify(config, plan, log));
      const failure = verifyFailure(config, out.verify);
      if (failure) throw new DeployError(failure);
    }
  } catch (err) {
    out.error = describeError(err);
  }
  return out;
}

/**
 * The ledger's writes, each a compare-and-swap: over the version this run read (or only where there was none), then
 * over its own last write. A refusal means another run wrote the ledger while this one held the lock (a lock taken
 * over, or a store that ignores conditions): the run stops there; its owed record stays for the next run.
 */
function ledgerWriter(config: Config, store: ObjectStore, facts: Facts, assertHeld: () => void): (state: DeployState) => Promise<void> {
  let etag = facts.ledgerEtag ?? null;
  return async (state) => {
    assertHeld();
    try {
      etag = await writeState(store, facts.records.dir, state, etag === null ? { ifNoneMatch: '*' } : { ifMatch: etag });
    } catch (err) {
      if (!isPreconditionFailed(err)) throw err;
      throw new DeployError(
        `The ledger of s3://${config.bucket}/${config.prefix} was changed by another run after this one read it, although this ` +
          `run held the deploy lock: its write was refused and nothing more was written. The owed invalidation stays recorded ` +
          `for the next run. Re-run this job; serialise deploys of this prefix with a workflow concurrency group.`,
      );
    }
  };
}

/**
 * rollback-to's writes, before the deletes and the invalidation that every run shares: the history copies of what
 * it replaces and their record, the restores, then the ledger (the rollback as a deploy of its own).
 */
async function rollbackWrites(
  config: Config,
  facts: Facts,
  plan: DeployPlan,
  store: ObjectStore,
  ports: ExecutePorts,
  etags: Record<string, string>,
  t: Record<string, number>,
): Promise<void> {
  const history = plan.history!;
  const held = ports.assertHeld ?? (() => {});
  const ledgerWrite = ledgerWriter(config, store, facts, held);
  if (history.preserve.length > 0) {
    await phase(ports.log, 'Keep history (server-side copies)', t, () => preserveHistory(store, history, config.concurrency, held));
    await ledgerWrite(earlyLedger(facts, plan, false)!);
  }
  const restores = plan.rollback?.restores ?? [];
  if (restores.length > 0) {
    await phase(ports.log, 'Restore (server-side copies)', t, () =>
      restoreAll(store, restores, config.prefix, config.concurrency, held, etags),
    );
  }
  await ledgerWrite(rollbackLedger(facts.state, plan, etags, plan.deletes));
  await migrateRecords(store, facts);
}

function newDemotions(facts: Facts, plan: DeployPlan): boolean {
  const before = new Set(facts.state?.demoted ?? []);
  return plan.ledger.demoted.some((p) => !before.has(p));
}

/** The ledger now lives in its new folder: the old copies go (owed records there are cleared once sent). */
async function migrateRecords(store: ObjectStore, facts: Facts): Promise<void> {
  for (const dir of facts.records.oldDirs) {
    if (facts.ownKeys.includes(stateKeyIn(dir))) await store.deleteKey(stateKeyIn(dir));
  }
}

/** Owed records are written before the first write and cleared only after CreateInvalidation succeeded. */
async function recordOwed(
  config: Config,
  facts: Facts,
  plans: InvalidationPlan[],
  store: ObjectStore,
  stage: 'before the first write' | 'complete' = 'before the first write',
): Promise<Record<string, string>> {
  const { runId, runAttempt } = facts.run;
  const keys: Record<string, string> = {};
  for (const p of plans) {
    const key = recordKey(facts.records.dir, p.distributionId, runId, runAttempt);
    // Deferred: the exact stale URLs, so the consolidating job plans one cover over every shard's.
    const paths = config.invalidate === 'defer' ? p.stale.map((s) => s.path) : p.decoded;
    await writeOwed(store, key, p.distributionId, paths, {
      note: `run ${runId} attempt ${runAttempt}, prefix '${config.prefix}', ${stage}`,
      ...(config.invalidate === 'defer' ? { deferred: true } : {}),
      stage: stage === 'complete' ? 'complete' : 'before-writes',
    });
    keys[p.distributionId] = key;
  }
  return keys;
}

async function uploadAll(
  config: UploadConfig,
  store: ObjectStore,
  waves: FileRecord[][],
  ports: ExecutePorts,
  /** Filled as S3 takes each file, so a failure part way still leaves what was uploaded in the outcome. */
  etags: Record<string, string>,
): Promise<void> {
  const { sourceDir } = config;
  const uploads = waves.flat();
  const big = pLimit(2);
  const failed: { key: string; message: string }[] = [];
  const progress = uploadProgress(
    uploads.filter((f) => !(f.entry.action === 'upload' && f.entry.metadataOnly)),
    ports.log,
  );
  let rewritten = 0;
  for (const wave of waves) {
    await pMap(
      wave,
      async (f) => {
        if (failed.length > 0) return; // stop starting uploads after the first failure
        // Cache tags adopted on an object deployed before: its metadata rewritten server-side, the bytes not sent again.
        const put = () =>
          f.entry.action === 'upload' && f.entry.metadataOnly
            ? store.copy(f.key, f.key, { size: f.size, replace: { headers: f.headers, md5: f.md5 } })
            : store.upload(f.key, absPathOf(sourceDir, f.source), f.size, f.md5, f.headers, { gzip: f.gzip });
        try {
          ports.assertHeld?.();
          const rewrite = f.entry.action === 'upload' && f.entry.metadataOnly === true;
          etags[f.key] = await (f.size > ports.multipartThreshold && !rewrite ? big(put) : put());
          if (rewrite) rewritten++;
          else progress.done(f.size);
        } catch (err) {
          const action = f.entry.action === 'upload' && f.entry.metadataOnly ? 'CopyObject' : 'PutObject';
          const check = whatToCheck(err, { service: 's3', bucket: config.bucket, key: f.key, action });
          failed.push({ key: f.key, message: check ? endSentence(describeError(err)) + check : describeError(err) });
        }
      },
      { concurrency: config.concurrency },
    );
    if (failed.length > 0) throw new DeployError(uploadFailure(failed, uploads, etags));
  }
  progress.finish();
  if (rewritten > 0) ports.log.info(`metadata rewritten server-side (cache tags adopted, no bytes sent): ${rewritten} objects`);
}

function uploadProgress(uploads: FileRecord[], log: Log) {
  const totalBytes = uploads.reduce((n, f) => n + f.size, 0);
  const started = Date.now();
  let files = 0;
  let bytes = 0;
  let lastLog = started;
  const fmt = thousands;
  return {
    done(size: number) {
      files++;
      bytes += size;
      if (Date.now() - lastLog <= 5000) return;
      lastLog = Date.now();
      const rate = bytes / ((lastLog - started) / 1000);
      const eta = rate > 0 ? Math.round((totalBytes - bytes) / rate) : 0;
      log.info(`uploaded ${files}/${uploads.length} files, ${fmt(bytes)} of ${fmt(totalBytes)} bytes, about ${eta} s left`);
    },
    finish() {
      log.info(`uploaded ${files} files, ${fmt(bytes)} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
  };
}

function uploadFailure(failed: { key: string; message: string }[], uploads: FileRecord[], etags: Record<string, string>): string {
  const notDone = uploads.filter((u) => etags[u.key] === undefined);
  const done = uploads.length - notDone.length;
  return (
    `Upload failed for ${failed.length} file(s): ${failed
      .slice(0, 5)
      .map((f) => `${f.key}: ${f.message}`)
      .join('; ')}. ` +
    `${done} of ${uploads.length} uploaded; not uploaded: ${notDone
      .slice(0, 20)
      .map((u) => u.key)
      .join(', ')}` +
    `${notDone.length > 20 ? ` and ${notDone.length - 20} more` : ''}. No invalidation was sent and nothing was deleted; ` +
    `the owed paths are recorded in the bucket and the next run sends them.`
  );
}

async function invalidate(
  config: Config,
  facts: Facts,
  plans: InvalidationPlan[],
  ownRecords: Record<string, string>,
  ports: ExecutePorts,
): Promise<PromiseSettledResult<SentInvalidation>[]> {
  const { repository, runId, runAttempt } = facts.run;
  const cdn = ports.cdn();
  return Promise.allSettled(
    plans.map(async (p) => {
      const ref = callerReference(repository, runId, runAttempt, p.distributionId, p.paths);
      const res = await createInvalidation(cdn, p.distributionId, p.paths, ref, {
        clock: ports.clock,
        maxWaitMs: ports.maxInFlightWaitMs,
        log: (m) => ports.log.info(m),
        tenantId: config.distributionTenantId,
      }).catch((err: unknown) => {
        // The in-flight wait ran out: its message already says all of it.
        if (err instanceof InFlightWaitExceeded) throw err;
        const owed =
          ports.store && ownRecords[p.distributionId] ? ' The paths are kept as owed in the bucket and the next run sends them.' : '';
        const said = describeErrorAbout(err, { service: 'cloudfront', distributionId: p.distributionId, action: 'CreateInvalidation' });
        throw new DeployError((owed ? endSentence(said) : said) + owed, { cause: err });
      });
      ports.log.info(`${p.distributionId}: invalidation ${res.id} (${res.status}), ${p.paths.length} paths`);
      const ownKey = ownRecords[p.distributionId];
      if (ports.store && ownKey) {
        await clearOwed(
          ports.store,
          ownKey,
          facts.owed.filter((r) => isOwedTo(r, p.distributionId)),
        );
      }
      const tenant = config.distributionTenantId ? { tenantId: config.distributionTenantId } : {};
      return { distributionId: p.distributionId, id: res.id, status: res.status, ...tenant };
    }),
  );
}

async function deleteRemoved(store: ObjectStore, keys: string[], log: Log): Promise<string[]> {
  const res = await store.deleteKeys(keys);
  log.info(`Deleted ${res.deleted.length} objects`);
  if (res.failed.length > 0) {
    const shown = res.failed
      .slice(0, 10)
      .map((f) => `${f.key} (${f.message})`)
      .join(', ');
    throw new DeployError(`${res.failed.length} deletes failed: ${shown}`);
  }
  return res.deleted;
}

async function waitAll(config: Config, sent: SentInvalidation[], ports: ExecutePorts) {
  const pending = sent.map((s) => ({ ...s }));
  const res = await waitForInvalidations(ports.cdn(), pending, {
    clock: ports.clock,
    timeoutMs: config.waitTimeoutSeconds * 1000,
    log: (m) => ports.log.info(m),
    initialDelayMs: ports.pollDelayMs,
  });
  return { sent: pending, timedOut: res.timedOut.map((t) => `${t.id} (${t.distributionId})`) };
}

/** After the invalidation completed: fetch a bounded sample of invalidated URLs and compare their bodies. */
async function verify(config: Config, plan: DeployPlan, log: Log) {
  const results = await verifyUrls(config.verifyUrl!, chooseSample(plan.verifyTargets, config.verifySample));
  const bad = results.filter((v) => v.status !== 'fresh');
  for (const v of bad) log.warning(`${v.status}: ${v.url}: ${v.detail}`);
  log.info(`Verified ${results.length} URL(s): ${results.length - bad.length} fresh, ${bad.length} stale or failing`);
  return results;
}

function verifyFailure(config: Config, results: VerifyResult[]): string | null {
  const bad = results.filter((v) => v.status !== 'fresh');
  if (bad.length === 0 || config.verify !== 'fail') return null;
  const shown = bad
    .slice(0, 5)
    .map((v) => v.url)
    .join(', ');
  return `${bad.length} of ${results.length} verified URL(s) are stale or failing after the invalidation (verify: fail): ${shown}`;
}
