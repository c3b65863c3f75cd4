// planDeploy(config, facts): every decision of a run, from plain data to plain data. Pure: no I/O, no clock,
// no environment. What it decides is what execute() does and what the report says.
import type { Config, Distribution } from '../model/config.js';
import type { InvalidationPlan, SyncEntry } from '../model/data.js';
import type { DeployPlan, Facts, VerdictLookup } from '../model/stages.js';
import { planFiles, type FilePlan } from './files.js';
import { entryDocumentMatcher } from './headers.js';
import { planInvalidation } from './invalidation.js';
import { commitGuard, ledgerKnowledgeChanged, livePending, planRemovals, type CommitGuard, type Removals } from './ledger.js';
import { collateralKeys, deleteWarning, inFlightBudget, missingDiffFallback, uploadWaves, verifyTargets } from './policies.js';
import { owedTo, staleFor, urlSettingsOf, type StaleResult } from './stale.js';
import { checkDeleteCap } from './sync.js';
import { bootstrapLockKey, lockKeyIn, stateKeyIn } from '../model/records.js';
import { makeDeleteGuard, makeFileFilter } from './filter.js';
import { urlForms, urlPathForKey } from './url-path.js';
import { discoverTagging, markerClass, tagsFor } from './cache-tags.js';
import type { TagObject } from './cover/tags.js';

type TagContext = { objects: TagObject[]; coverable: Record<string, string[]> };
import { deployHistory, retainReferenced } from './deploy-history.js';

export { planFiles, type FilePlan } from './files.js';

const LARGE_FILE = 100 * 1024 * 1024;

/** Stale URL paths per distribution (before the cover). Also tells the facts stage whose in-flight usage to read. */
export function staleByDistribution(config: Config, facts: Facts, files: FilePlan = planFiles(config, facts)): Map<string, StaleResult> {
  const { manual: given } = missingDiffFallback(config, facts.diff);
  const manual = (d: Distribution) => [...given, ...removedPrefixPaths(config, d)];
  const otherKeys = collateralKeys(facts.remote, files.sync);
  const out = new Map<string, StaleResult>();
  for (const d of config.distributions) {
    out.set(
      d.id,
      staleFor({
        distribution: d,
        ...urlSettingsOf(config),
        sync: files.sync,
        otherKeys,
        // The listing is the origin in upload mode, and for a job without uploads whose bucket holds the site
        // (the consolidating job of a sharded deploy); a bucket holding only records says nothing of the origin.
        originKnown: config.upload || facts.remote.length > 0,
        fingerprint: files.fingerprint,
        diff: facts.diff.files,
        manual: manual(d),
        owed: owedTo(facts.owed, d.id),
      }),
    );
  }
  return out;
}

function invalidationFor(config: Config, facts: Facts, d: Distribution, stale: StaleResult, files: FilePlan): InvalidationPlan {
  const { budget, maxWildcards } = inFlightBudget(config.maxPaths, facts.usage[d.id] ?? null);
  return planInvalidation({
    distributionId: d.id,
    staleResult: stale,
    prefix: config.prefix,
    originPath: d.originPath,
    budget,
    maxWildcards,
    tags: tagContext(config, facts, d, stale, files),
  });
}

/**
 * What the cover may do with cache tags on `d`: every object carrying tags (with its URL forms, for collateral), and
 * the stale objects a tag may cover: those the ledger knows to carry tags in every variant the CDN may hold, written
 * in the metadata this run writes them in. Null when `d` reads no tags.
 */
function tagContext(config: Config, facts: Facts, d: Distribution, stale: StaleResult, files: FilePlan): TagContext | null {
  const tagging = files.tagging;
  if (!tagging || !tagging.ids.includes(d.id)) return null;
  const opts = { urlStyle: config.urlStyle, indexDocument: config.indexDocument };
  const weight = (key: string) => {
    const url = urlPathForKey(key, d.originPath);
    return url === null ? 0 : urlForms(url, config.invalidateDirectoryWithoutSlash, opts).length * (config.queryStrings ? 2 : 1);
  };
  const byKey = stale.byKey ?? {};
  const known = facts.state?.tags?.meta === tagging.metaName;
  const coverable: Record<string, string[]> = {};
  const objects: TagObject[] = [];
  const seen = new Set<string>();
  for (const [key, forms] of Object.entries(byKey)) {
    const cls = known ? markerClass(files.remote.get(key)?.tagged) : null;
    if (!cls) continue;
    coverable[key] = forms;
    objects.push({ key, tags: tagsFor(key, cls), weight: weight(key), stale: true });
    seen.add(key);
  }
  for (const f of files.files) {
    const value = f.headers.metadata?.[tagging.metaName];
    if (value === undefined || seen.has(f.key)) continue;
    objects.push({ key: f.key, tags: value.split(','), weight: weight(f.key), stale: byKey[f.key] !== undefined });
  }
  return { coverable, objects };
}

function invalidationWarnings(config: Config, stale: Map<string, StaleResult>, plans: InvalidationPlan[]): string[] {
  const out: string[] = [];
  for (const s of stale.values()) {
    for (const p of s.fingerprintViolations) {
      out.push(`${p} has a fingerprinted name but its content changed: invalidating it anyway (check your bundler's hashing)`);
    }
  }
  for (const p of plans) {
    if (p.cover?.fellBackToAll && p.stale.length > 1) {
      const fix = p.zeroCollateralBudget !== null ? ` max-paths: ${p.zeroCollateralBudget} would evict nothing needlessly.` : '';
      out.push(
        `${p.distributionId}: the cheapest cover within max-paths (${config.maxPaths}) is /*, which evicts every cached object.${fix}`,
      );
    }
  }
  return out;
}

/** Notices for what a reviewer should not miss (logged as annotations, not part of the report's warnings). */
function annotations(config: Config, facts: Facts, sync: SyncEntry[]): DeployPlan['annotations'] {
  const out: DeployPlan['annotations'] = [];
  const warning = deleteWarning(sync.filter((e) => e.action === 'delete').length, config.maxDeletes);
  if (warning) out.push({ level: 'warning', message: warning, at: { title: 'Many deletes' } });
  const hidden = (facts.scan?.skipped ?? []).filter((s) => s.reason === 'dotfile').map((s) => s.path);
  if (hidden.length > 0) {
    const shown = `${hidden.slice(0, 5).join(', ')}${hidden.length > 5 ? ', ...' : ''}`;
    out.push({
      level: 'notice',
      message: `Not uploaded: ${hidden.length} hidden file(s) or folder(s) (${shown}). Name them in include to publish them.`,
      at: { title: 'Hidden files not uploaded', ...inSource(config, hidden[0]!) },
    });
  }
  for (const e of sync.filter((e) => e.action === 'upload' && e.size > LARGE_FILE).slice(0, 5)) {
    out.push({
      level: 'notice',
      message: `Large file: ${e.path} (${(e.size / 1048576).toFixed(1)} MiB), uploaded in parts`,
      at: { title: 'Large file', ...inSource(config, e.path) },
    });
  }
  return out;
}

/** The annotation's file: a path of the build directory, when there is one. */
function inSource(config: Config, rel: string): { file?: string } {
  return config.sourceDir ? { file: `${config.sourceDir}/${rel}` } : {};
}

/** Computed on demand from the classifier's verdicts: no second map of every path. */
function verdictsOf(files: FilePlan, facts: Facts): VerdictLookup {
  let mentioned: Set<string> | null = null;
  const has = (p: string) =>
    (mentioned ??= new Set([...files.sync.map((e) => e.path), ...(facts.diff.files ?? []).map((f) => f.path)])).has(p);
  return {
    has,
    // Asked (by the report) only for paths the plan mentions; the set of those is built only if `has` is asked.
    get: (p) => files.fingerprint(p),
  };
}

function removalsOf(config: Config, facts: Facts, files: FilePlan): Removals {
  const listed = new Set(facts.remote.map((o) => o.key));
  const previous = livePending(facts.state?.pending, listed);
  const deletes = files.sync.filter((e) => e.action === 'delete');
  return planRemovals(deletes, (p) => files.fingerprint(p).fingerprinted, previous, facts.now, config.keepRemovedMs);
}

function guardOf(config: Config, facts: Facts): CommitGuard {
  const { order, note, forcePushOverLive } = facts.commitOrder;
  return commitGuard({
    order,
    ...(note ? { note } : {}),
    ours: facts.run.headSha,
    live: facts.state?.deploys?.[0]?.sha ?? null,
    allowOlder: config.allowOlder,
    forcePushOverLive: forcePushOverLive === true,
  });
}

function refusalOf(config: Config, sync: SyncEntry[], guard: CommitGuard): string | null {
  return checkDeleteCap(sync, config.maxDeletes) ?? (guard.verdict === 'refuse' ? guard.message : null);
}

/** remove-prefix: the whole prefix's URLs, as one wildcard per distribution that serves it. */
function removedPrefixPaths(config: Config, d: Distribution): string[] {
  if (!config.removePrefix) return [];
  const url = urlPathForKey(config.prefix, d.originPath);
  if (url === null) return [];
  // Every URL form a deploy of the prefix invalidates: everything below it, and the directory without its slash
  // where deploys invalidate that form (`/previews/pr-12/*` does not match `/previews/pr-12`).
  const slashless = url !== '/' && (config.invalidateDirectoryWithoutSlash || config.urlStyle === 'clean');
  return [`${url}*`, ...(slashless ? [url.slice(0, -1)] : [])];
}

/** remove-prefix: every site object under the prefix (protect globs still hold), deleted before the invalidation. */
function prefixRemoval(config: Config, facts: Facts): SyncEntry[] {
  const guard = makeDeleteGuard(makeFileFilter([], []), config.protect);
  return facts.remote
    .filter((o) => !guard(o.key.slice(config.prefix.length)))
    .map((o) => ({ key: o.key, path: o.key.slice(config.prefix.length), action: 'delete', reason: 'prefix-removed', size: o.size }));
}

/** A ledger still in an old folder (the guessable legacy name) is moved on this run, even when nothing else changes. */
function migrating(facts: Facts): boolean {
  return facts.records.oldDirs.some((dir) => facts.ownKeys.includes(stateKeyIn(dir)));
}

export function planDeploy(config: Config, facts: Facts): DeployPlan {
  const files = planFiles(config, facts);
  const stale = staleByDistribution(config, facts, files);
  const invalidations = config.distributions.map((d) => invalidationFor(config, facts, d, stale.get(d.id)!, files));
  const fallback = missingDiffFallback(config, facts.diff);
  // keep-deploys: removed bundles a restorable deploy served stay in place.
  const removals = retainReferenced(config, facts, files, removalsOf(config, facts, files));
  const waitingKeys = new Set(removals.waiting.map((e) => e.key));
  const sync = config.removePrefix ? prefixRemoval(config, facts) : files.sync.filter((e) => !waitingKeys.has(e.key));
  // remove-prefix: the action's records for the prefix go too, after the invalidation (never a lock: it is released).
  const locks = new Set([lockKeyIn(facts.records.dir), bootstrapLockKey(config.prefix, config.statePrefix)]);
  const records = config.removePrefix ? facts.ownKeys.filter((k) => !locks.has(k)) : [];
  const writes = sync.some((e) => e.action === 'upload' || e.action === 'delete');
  const guard = guardOf(config, facts);
  const ledger: DeployPlan['ledger'] = {
    demoted: [...files.evidence.demoted],
    shapes: files.evidence.learned,
    pending: removals.pending,
    // The commit built (workflow_run.head_sha, the pull request's head), not GITHUB_SHA.
    deploy: writes ? { sha: facts.run.headSha, runId: facts.run.runId, time: new Date(facts.now).toISOString() } : null,
    tagMeta: files.tagging?.metaName ?? null,
  };
  const history = deployHistory(config, facts, files, removals, ledger.deploy);
  if (history) ledger.deploy = { ...ledger.deploy!, id: history.id };
  return {
    files: files.files,
    sync,
    uploadWaves: uploadWaves(files.files, entryDocumentMatcher(config.entryDocuments)),
    deletes: config.removePrefix ? sync.map((e) => e.key) : removals.now.map((e) => e.key),
    lateDeletes: [...removals.due.map((e) => e.key), ...records, ...(history?.prune ?? [])],
    waiting: removals.waiting,
    invalidations,
    refusal: refusalOf(config, sync, guard),
    commitGuard: guard,
    writeState: config.upload && (writes || facts.state === null || ledgerKnowledgeChanged(facts.state, ledger) || migrating(facts)),
    ledger,
    remote: files.remote,
    verdicts: verdictsOf(files, facts),
    verifyTargets: verifyTargets(invalidations[0], files.files),
    warnings: [
      ...files.demotions.map((d) => d.warning),
      ...(fallback.warning ? [fallback.warning] : []),
      ...invalidationWarnings(config, stale, invalidations),
    ],
    annotations: annotations(config, facts, sync),
    tagNotes: discoverTagging(config, facts).notes,
    ...(history ? { history } : {}),
  };
}
