// keep-deploys for a deploy: the site it serves, the bytes it must keep before it changes them, and the removed
// fingerprinted objects a restorable deploy still refers to (kept in place, not copied). Pure.
import type { Config } from '../model/config.js';
import type { DeployEntry, SyncEntry } from '../model/data.js';
import type { HistoryPlan, Site } from '../model/history.js';
import type { Facts } from '../model/stages.js';
import type { FilePlan } from './files.js';
import { currentMd5, decodeDeploys, planHistory, servedHeaders } from './history.js';
import type { Removals } from './ledger.js';
import { RowSite } from './site-view.js';
import type { HeaderDecision } from '../model/headers.js';
import type { ServedHeaders } from '../model/data.js';

/** What the bucket serves after this deploy: the build's files with their headers (a view over the file records). */
export function siteOf(files: FilePlan): Site {
  // A site has a handful of distinct header decisions: each is turned into served headers once.
  const served = new Map<HeaderDecision, ServedHeaders>();
  const headersOf = (h: HeaderDecision) => {
    let s = served.get(h);
    if (s === undefined) served.set(h, (s = servedHeaders(h)));
    return s;
  };
  return new RowSite(
    files.files,
    (f) => f.key,
    (f) => ({ md5: f.md5, size: f.size, headers: headersOf(f.headers), fingerprinted: f.verdict.fingerprinted }),
  );
}

/**
 * Removed fingerprinted objects past keep-removed that a deploy still restorable after this one served (same
 * bytes) stay where they are: a rollback to it needs no copy of them. They wait like any removed bundle.
 */
export function retainReferenced(config: Config, facts: Facts, files: FilePlan, removals: Removals): Removals {
  if (config.keepDeploys === 0) return removals;
  const sites = decodeDeploys(facts.state)
    .slice(0, config.keepDeploys)
    .map((d) => d.site);
  const referenced = (e: SyncEntry) => {
    const md5 = currentMd5(files.remote.get(e.key));
    return md5 !== undefined && sites.some((s) => s?.get(e.key)?.md5 === md5);
  };
  // Due ones, and with keep-removed 0 the fingerprinted ones deleted at once.
  const kept = [...removals.due, ...removals.now.filter((e) => files.fingerprint(e.path).fingerprinted)].filter(referenced);
  if (kept.length === 0) return removals;
  const keys = new Set(kept.map((e) => e.key));
  const pending = { ...removals.pending };
  for (const e of kept) pending[e.key] ??= { since: facts.now, size: e.size };
  return {
    now: removals.now.filter((e) => !keys.has(e.key)),
    due: removals.due.filter((e) => !keys.has(e.key)),
    waiting: [...removals.waiting, ...kept.map((e) => ({ ...e, dueAt: facts.now + config.keepRemovedMs }))],
    pending,
  };
}

/** The history of a deploy that writes (null: it writes nothing, so it is no deploy of its own). */
export function deployHistory(
  config: Config,
  facts: Facts,
  files: FilePlan,
  removals: Removals,
  deploy: DeployEntry | null,
): HistoryPlan | null {
  if (!deploy || !config.upload) return null;
  const changed = [...files.sync.flatMap((e) => (e.action === 'upload' && e.overwrites && !e.sameBytes ? [e] : [])), ...removals.now].map(
    (e) => {
      const o = files.remote.get(e.key);
      return { key: e.key, md5: currentMd5(o), size: o?.size ?? e.size };
    },
  );
  return planHistory({
    state: facts.state,
    dir: facts.records.dir,
    prefix: config.prefix,
    ownKeys: facts.ownKeys,
    keepDeploys: config.keepDeploys,
    entry: deploy,
    site: siteOf(files),
    changed,
  });
}
