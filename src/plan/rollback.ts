// planRollback(config, facts): `rollback-to` as a plan, from the ledger and the listing alone. Pure.
//
// For each key under the prefix, the target deploy's state against what the bucket holds now: the same bytes and
// headers are kept; other bytes (or none) are restored with a server-side copy from the history (or, same bytes but
// other headers, from the object itself with the target's headers); a key the target did not have is deleted (the
// guards of any delete: protect, max-deletes), except a fingerprinted one, which waits out keep-removed like any
// removed bundle. The current bytes of what changes are copied into the history first, so rolling forward again
// works the same way. The invalidation comes from the same stale planner and cover as a deploy's.
import type { Config, Distribution } from '../model/config.js';
import type { DeployState, FingerprintVerdict, PendingDeletion, RemoteState, StateEntry, SyncEntry } from '../model/data.js';
import type { Restore, RollbackDetails, SitedDeploy } from '../model/history.js';
import type { DeployPlan, Facts } from '../model/stages.js';
import { makeDeleteGuard, makeFileFilter } from './filter.js';
import { headersHash, readingHash } from './headers.js';
import {
  currentMd5,
  decodeDeploys,
  historyKeyIn,
  planHistory,
  recorded,
  restorableDeploys,
  withHistory,
  type HistoryPlan,
} from './history.js';
import { planInvalidation } from './invalidation.js';
import { livePending } from './ledger.js';
import { collateralKeys, inFlightBudget, remoteStates } from './policies.js';
import { owedTo, staleFor, urlSettingsOf } from './stale.js';
import { checkDeleteCap } from './sync.js';

export { ROLLBACK_TO } from '../model/history.js';

/** The deploy `rollback-to` names, or why there is none (the message lists the restorable deploys). */
export function resolveTarget(asked: string, deploys: SitedDeploy[], saved: DeployState['saved'] = {}): SitedDeploy | string {
  const spec = asked.trim().toLowerCase();
  const live = deploys[0];
  let found: SitedDeploy | undefined;
  let what: string;
  if (spec === 'previous') {
    // The build deploy before the one whose site is live: after a rollback to N, the one before N.
    const liveContent = live ? (live.entry.rollbackOf ?? live.entry.id ?? 0) : 0;
    found = deploys.find((d) => d.entry.rollbackOf === undefined && d.entry.id !== undefined && d.entry.id < liveContent);
    what = 'previous (the deploy before the live one)';
  } else {
    const byNumber = /^\d+$/.test(spec) ? deploys.find((d) => d.entry.id === Number(spec)) : undefined;
    if (byNumber) found = byNumber;
    else if (/^[0-9a-f]{7,40}$/.test(spec)) {
      // A commit: its newest build deploy (a rollback's commit is the one it put back).
      const matching = deploys.filter((d) => d.entry.id !== undefined && d.entry.sha.toLowerCase().startsWith(spec));
      const shas = new Set(matching.map((d) => d.entry.sha.toLowerCase()));
      if (shas.size > 1) {
        return `rollback-to '${asked}' matches deploys of ${shas.size} commits (${[...shas].map((s) => s.slice(0, 12)).join(', ')}): give more of the SHA. ${listRestorable(deploys, saved)}`;
      }
      found = matching.find((d) => d.entry.rollbackOf === undefined) ?? matching[0];
    }
    what = /^\d+$/.test(spec) && !found ? `deploy number ${spec}` : `commit ${spec}`;
  }
  if (!found)
    return `rollback-to: no deploy of this prefix is ${what} in the ledger. Nothing was written. ${listRestorable(deploys, saved)}`;
  if (!found.site) {
    return (
      `rollback-to: deploy ${found.entry.id ?? '(unnumbered)'} (${found.entry.sha.slice(0, 12)}, ${found.entry.time}) is older than ` +
      `keep-deploys: its files are no longer kept. Nothing was written. ${listRestorable(deploys, saved)}`
    );
  }
  return found;
}

function listRestorable(deploys: SitedDeploy[], saved: DeployState['saved'] = {}): string {
  const list = restorableDeploys(deploys, saved ?? {});
  if (list.length === 0) return 'No deploy can be restored: none was recorded with keep-deploys above 0.';
  const rows = list.map(
    (d) => `${d.id} (${d.sha.slice(0, 12)}, ${d.time}${d.rollbackOf !== undefined ? `, rollback to ${d.rollbackOf}` : ''})`,
  );
  return `Restorable deploys (number, commit, time), newest first: ${rows.join('; ')}.`;
}

/** The rollback's plan, as a DeployPlan (so the lock, the log, execute and the report treat it like any run). */
export function planRollback(config: Config, facts: Facts): DeployPlan {
  const asked = config.rollbackTo ?? '';
  const state = facts.state;
  const deploys = decodeDeploys(state);
  const resolved = resolveTarget(asked, deploys, state?.saved);
  const remote = remoteStates(facts.remote, state, facts.headMd5, facts.headHeaders);
  if (typeof resolved === 'string') return refused(resolved, remote);
  const target = resolved;
  const site = target.site!;
  const saved = state?.saved ?? {};
  const guard = makeDeleteGuard(makeFileFilter([], []), config.protect);
  const rel = (key: string) => key.slice(config.prefix.length);
  const listed = new Set(facts.ownKeys);

  const restores: Restore[] = [];
  const missing: string[] = [];
  const sync: SyncEntry[] = [];
  const deletes: string[] = [];
  const kept: RollbackDetails['kept'] = [];
  const changed: { key: string; md5: string | undefined; size: number }[] = [];
  let unchanged = 0;
  const keys = [...new Set([...site.keys(), ...remote.keys()])].sort();
  for (const key of keys) {
    const t = site.get(key);
    const o = remote.get(key);
    const md5 = currentMd5(o);
    if (t) {
      const known = o && md5 !== undefined ? knownHeaders(state, deploys, o, md5) : undefined;
      if (o && md5 === t.md5 && known?.hash === headersHash(t.headers)) {
        unchanged++;
        sync.push({ key, path: rel(key), action: 'unchanged', reason: 'md5-match', size: t.size });
        continue;
      }
      const sameBytes = o !== undefined && md5 === t.md5;
      const from = sameBytes ? key : savedKey(config, facts, saved, listed, key, t.md5);
      if (from === null) {
        missing.push(key);
        continue;
      }
      const reason = sameBytes ? 'headers' : o ? 'bytes' : 'missing';
      restores.push({ key, from, md5: t.md5, size: t.size, headers: t.headers, reason, fingerprinted: t.fingerprinted });
      if (o && !sameBytes) changed.push({ key, md5, size: o.size });
      const rereads = known?.reading === undefined || known.reading !== readingHash(t.headers);
      sync.push({
        key,
        path: rel(key),
        action: 'upload',
        reason: sameBytes ? 'headers-changed' : o ? 'content-changed' : 'new',
        size: t.size,
        overwrites: o !== undefined,
        ...(sameBytes ? { sameBytes: true, rereads } : {}),
      });
      continue;
    }
    // A key the target did not have. Only what a recorded deploy put there is the rollback's to delete: objects another
    // tool (or another prefix's deploy below this one) wrote are left alone.
    if (!deploys.some((d) => d.site?.has(key)) && state?.objects[key] === undefined && state?.pending?.[key] === undefined) {
      kept.push({ key, reason: 'not written by a recorded deploy of this prefix' });
      continue;
    }
    if (guard(rel(key))) {
      kept.push({ key, reason: 'protected (protect, or a hidden file)' });
      continue;
    }
    if (deploys.some((d) => d.site?.get(key)?.fingerprinted) || state?.pending?.[key] !== undefined) {
      kept.push({ key, reason: 'fingerprinted: kept for pages already open (keep-removed)' });
      continue;
    }
    deletes.push(key);
    changed.push({ key, md5, size: o!.size });
    sync.push({ key, path: rel(key), action: 'delete', reason: 'removed-locally', size: o!.size });
  }

  const entry = { sha: target.entry.sha, runId: facts.run.runId, time: new Date(facts.now).toISOString(), rollbackOf: target.entry.id! };
  const history = planHistory({
    state,
    dir: facts.records.dir,
    prefix: config.prefix,
    ownKeys: facts.ownKeys,
    keepDeploys: config.keepDeploys,
    entry,
    site,
    changed,
  });
  const fingerprint = verdictOf(config, ...deploys.map((d) => d.site));
  const invalidations = config.distributions.map((d) => invalidationFor(config, facts, d, sync, fingerprint));
  const pending = pendingAfter(state, remote, kept, facts.now);
  const refusal =
    missing.length > 0
      ? `rollback-to: ${missing.length} object(s) of deploy ${target.entry.id} are neither in the bucket nor in the kept history ` +
        `(${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}): they cannot be restored without a build. Nothing was written. ` +
        listRestorable(deploys, saved)
      : checkDeleteCap(sync, config.maxDeletes);
  const rollback: RollbackDetails = {
    target: { id: target.entry.id!, sha: target.entry.sha, time: target.entry.time },
    asked,
    restores,
    deletes,
    kept,
    unchanged,
  };
  const noChange = restores.length === 0 && deletes.length === 0;
  // Already serving the target: nothing to write (a rollback entry only when the live deploy is another one).
  const liveIsTarget =
    deploys[0] !== undefined && (deploys[0].entry.id === target.entry.id || deploys[0].entry.rollbackOf === target.entry.id);
  const writes = !(noChange && liveIsTarget);
  return {
    files: [],
    sync,
    uploadWaves: [],
    deletes,
    lateDeletes: writes ? history.prune : [],
    waiting: [],
    invalidations,
    refusal,
    commitGuard: { verdict: 'deploy', reason: 'rollback' },
    writeState: writes,
    ledger: { demoted: state?.demoted ?? [], shapes: state?.shapes ?? [], pending, deploy: writes ? entry : null },
    remote,
    verdicts: new Map(sync.map((e) => [e.path, fingerprint(e.path)])),
    verifyTargets: [],
    warnings: [],
    annotations: [],
    ...(writes ? { history } : {}),
    rollback,
  };
}

/**
 * What is known of the headers an object has now: the ledger's hashes while it still describes the object (its ETag
 * unchanged); else those of the newest deploy that served these bytes under this key (the one that wrote it last:
 * any header change is a rewrite), when the listed ETag is the content MD5 itself.
 */
function knownHeaders(
  state: DeployState | null,
  deploys: SitedDeploy[],
  o: RemoteState,
  md5: string,
): { hash: string; reading?: string } | undefined {
  const rec = state?.objects[o.key];
  if (rec && recorded(state, o) && rec[1] === md5 && rec[2] !== '') return { hash: rec[2], ...(rec[3] ? { reading: rec[3] } : {}) };
  if (o.etag !== md5) return undefined;
  const served = deploys.find((d) => d.site?.get(o.key)?.md5 === md5)?.site?.get(o.key);
  return served ? { hash: headersHash(served.headers), reading: readingHash(served.headers) } : undefined;
}

/** The history copy of `key` with these bytes, or null when none is kept. */
/**
 * Where the bytes `md5` of `key` are kept, when the ledger says so and the listing still shows them there (a
 * lifecycle rule or a person may have deleted a history object: a copy from it would fail half way through).
 */
function savedKey(
  config: Config,
  facts: Facts,
  saved: Record<string, Record<string, number>>,
  listed: Set<string>,
  key: string,
  md5: string,
): string | null {
  const n = saved[key]?.[md5];
  if (n === undefined) return null;
  const at = historyKeyIn(facts.records.dir, n, key, config.prefix);
  return listed.has(at) ? at : null;
}

function verdictOf(
  config: Config,
  ...sites: (ReadonlyMap<string, { fingerprinted: boolean }> | null)[]
): (rel: string) => FingerprintVerdict {
  return (rel) => {
    const key = config.prefix + rel;
    const fp = sites.some((s) => s?.get(key)?.fingerprinted === true);
    return fp
      ? { fingerprinted: true, reason: 'recorded by the deploy that served it' }
      : { fingerprinted: false, reason: 'recorded mutable' };
  };
}

function invalidationFor(
  config: Config,
  facts: Facts,
  d: Distribution,
  sync: SyncEntry[],
  fingerprint: (rel: string) => FingerprintVerdict,
) {
  const staleResult = staleFor({
    distribution: d,
    ...urlSettingsOf(config),
    sync,
    otherKeys: collateralKeys(facts.remote, sync),
    originKnown: true,
    fingerprint,
    diff: null,
    manual: config.paths,
    owed: owedTo(facts.owed, d.id),
  });
  const { budget, maxWildcards } = inFlightBudget(config.maxPaths, facts.usage[d.id] ?? null);
  return planInvalidation({ distributionId: d.id, staleResult, prefix: config.prefix, originPath: d.originPath, budget, maxWildcards });
}

/** Pending deletions after the rollback: the ones still listed, and the fingerprinted extras it keeps. */
function pendingAfter(
  state: DeployState | null,
  remote: ReadonlyMap<string, RemoteState>,
  kept: RollbackDetails['kept'],
  now: number,
): Record<string, PendingDeletion> {
  const pending = livePending(state?.pending, new Set(remote.keys()));
  for (const k of kept) {
    if (!k.reason.startsWith('fingerprinted')) continue;
    pending[k.key] ??= { since: now, size: remote.get(k.key)?.size ?? 0 };
  }
  return pending;
}

function refused(message: string, remote: ReadonlyMap<string, RemoteState>): DeployPlan {
  return {
    files: [],
    sync: [],
    uploadWaves: [],
    deletes: [],
    lateDeletes: [],
    waiting: [],
    invalidations: [],
    refusal: message,
    commitGuard: { verdict: 'deploy', reason: 'rollback' },
    writeState: false,
    ledger: { demoted: [], shapes: [], pending: {}, deploy: null },
    remote,
    verdicts: new Map(),
    verifyTargets: [],
    warnings: [],
    annotations: [],
  };
}

/**
 * The ledger after the rollback's copies and deletes: restored keys with the ETag the copy gave and the target's
 * headers; kept keys as recorded; deleted keys gone; the deploys with the rollback first.
 */
export function rollbackLedger(state: DeployState | null, plan: DeployPlan, etags: Record<string, string>, deleted: string[]): DeployState {
  const history = plan.history as HistoryPlan;
  const objects: Record<string, StateEntry> = {};
  const gone = new Set(deleted);
  for (const [key, o] of plan.remote) {
    const rec = state?.objects[key];
    if (!gone.has(key) && rec && recorded(state, o)) objects[key] = rec;
  }
  for (const r of plan.rollback?.restores ?? []) {
    const etag = etags[r.key];
    if (etag === undefined) {
      delete objects[r.key];
      continue;
    }
    objects[r.key] = [etag === r.md5 ? '' : etag, r.md5, headersHash(r.headers), readingHash(r.headers)];
  }
  const next: DeployState = {
    version: 3,
    objects,
    demoted: plan.ledger.demoted,
    shapes: plan.ledger.shapes,
    pending: plan.ledger.pending,
  };
  return withHistory(next, history);
}
