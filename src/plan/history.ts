// Deploy history for rollbacks (keep-deploys): what each recent deploy served, where earlier bytes were kept,
// and what a deploy keeps and prunes. Pure.
//
// Each ledger deploy entry has a number (the output `deploy-id`) and, for the last keep-deploys + 1 deploys, the
// site it served: key -> content MD5, size, headers (an index into a shared table) and whether it is fingerprinted;
// the newest in full, older ones as a delta against the next newer one. Before a run overwrites or deletes an object
// whose bytes a restorable deploy served, it copies it (server-side) to `<records folder>/history/<n>/<key>`, n being
// that run's number, and records where in `saved` (key -> MD5 -> n). Objects it does not change cost nothing.
import type { DeployEntry, DeployState, RemoteState, ServedHeaders, ServedTuple, SiteRecord } from '../model/data.js';
import type { HeaderDecision } from '../model/headers.js';
import type { HistoryPlan, Preserve, RestorableDeploy, ServedObject, Site, SitedDeploy } from '../model/history.js';

export type { HistoryPlan, Preserve, RestorableDeploy, ServedObject, Site, SitedDeploy } from '../model/history.js';
import { ledgerEtag } from './policies.js';
import { DeltaSite, TupleSite } from './site-view.js';

export { DEFAULT_KEEP_DEPLOYS } from '../model/history.js';
/** How many deploys the ledger lists at least (sha and time: the older-commit guard, the report). */
export const DEPLOYS_LISTED = 10;

/** Where a kept copy of a key's earlier bytes lives: `<records folder>/history/<n>/<key relative to the prefix>`. */
export const historyKeyIn = (dir: string, id: number, key: string, prefix = '') =>
  `${dir}history/${id}/${key.startsWith(prefix) ? key.slice(prefix.length) : key}`;
export const historyDirIn = (dir: string) => `${dir}history/`;

/** The headers a deploy serves a file with, as a copy sets them (the report's provenance left out). */
export function servedHeaders(h: HeaderDecision | ServedHeaders): ServedHeaders {
  return {
    contentType: h.contentType,
    cacheControl: h.cacheControl,
    ...(h.contentEncoding !== undefined && { contentEncoding: h.contentEncoding }),
    ...(h.contentLanguage !== undefined && { contentLanguage: h.contentLanguage }),
    ...(h.contentDisposition !== undefined && { contentDisposition: h.contentDisposition }),
    ...(h.websiteRedirectLocation !== undefined && { websiteRedirectLocation: h.websiteRedirectLocation }),
    ...(h.metadata !== undefined && Object.keys(h.metadata).length > 0 && { metadata: sortedRecord(h.metadata) }),
  };
}

function sortedRecord(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The deploys of the ledger, newest first, each with its site decoded from the chain of deltas: views over the
 * ledger's tuples (no object per key), so a million-key site costs what the ledger already holds.
 */
export function decodeDeploys(state: DeployState | null): SitedDeploy[] {
  const table = state?.headerSets ?? [];
  const decode = (rec: Record<string, ServedTuple>): TupleSite | null => {
    const site = new TupleSite(rec, table);
    return site.complete() ? site : null; // a reference the table lacks: not restorable, never guessed
  };
  let newer: Site | null = null;
  let first = true;
  return (state?.deploys ?? []).map((entry) => {
    let site: Site | null = null;
    const rec = entry.site;
    if (rec?.full && first) site = decode(rec.full);
    else if (rec && !rec.full && newer) {
      const set = decode(rec.set ?? {});
      if (set) site = new DeltaSite(newer, set, rec.gone ?? []);
    }
    first = false;
    newer = site;
    return { entry, site };
  });
}

/**
 * The deploys as stored: the first `keepSites` with a site (the newest in full, the rest as deltas), the rest up to
 * DEPLOYS_LISTED (or keepSites) without; the header table holds exactly the header sets the sites use.
 */
export function encodeDeploys(deploys: SitedDeploy[], keepSites: number): Pick<DeployState, 'deploys' | 'headerSets'> {
  const table: ServedHeaders[] = [];
  const index = new Map<string, number>();
  // Each header set's normal form, by the object (a site's keys share a handful; past HEADER_SETS_CACHED distinct
  // objects, as with per-file cache tags, the rest are written out each time): no JSON per key of a large site.
  const normal = new Map<ServedHeaders, string>();
  const normalOf = (h: ServedHeaders): string => {
    let k = normal.get(h);
    if (k === undefined) {
      k = JSON.stringify(servedHeaders(h));
      if (normal.size < HEADER_SETS_CACHED) normal.set(h, k);
    }
    return k;
  };
  const ref = (h: ServedHeaders) => {
    const k = normalOf(h);
    let i = index.get(k);
    if (i === undefined) {
      i = table.push(servedHeaders(h)) - 1;
      index.set(k, i);
    }
    return i;
  };
  const tuple = (o: ServedObject): ServedTuple => [o.md5, o.size, ref(o.headers), o.fingerprinted ? 1 : 0];
  // A key served as the newest recorded site served it: that site's tuple, when equal, is held once by both ledgers.
  const before = deploys.slice(1).find((d) => d.site instanceof TupleSite)?.site as TupleSite | undefined;
  const reused = (k: string, t: ServedTuple): ServedTuple => {
    const p = before?.tuple(k);
    return p && p[0] === t[0] && p[1] === t[1] && p[2] === t[2] && p[3] === t[3] ? p : t;
  };
  const out: DeployEntry[] = [];
  let newer: Site | null = null;
  let chained = true;
  for (const [i, d] of deploys.slice(0, Math.max(DEPLOYS_LISTED, keepSites)).entries()) {
    const { site: _drop, ...entry } = d.entry;
    const site = chained && i < keepSites ? d.site : null;
    if (!site) {
      chained = false;
      out.push(entry);
      continue;
    }
    let rec: SiteRecord;
    if (newer === null) {
      // Key by key in order, not as [key, object] pairs: a large site's record is built without a second copy.
      const full: Record<string, ServedTuple> = {};
      for (const k of [...site.keys()].sort()) full[k] = reused(k, tuple(site.get(k)!));
      rec = { full };
    } else {
      const set: Record<string, ServedTuple> = {};
      for (const k of [...site.keys()].sort()) {
        const o = site.get(k)!;
        const n = newer.get(k);
        if (
          !n ||
          n.md5 !== o.md5 ||
          n.size !== o.size ||
          n.fingerprinted !== o.fingerprinted ||
          normalOf(n.headers) !== normalOf(o.headers)
        )
          set[k] = tuple(o);
      }
      const gone = [...newer.keys()].filter((k) => !site.has(k)).sort();
      rec = { ...(Object.keys(set).length > 0 ? { set } : {}), ...(gone.length > 0 ? { gone } : {}) };
    }
    newer = site;
    out.push({ ...entry, site: rec });
  }
  return { deploys: out, headerSets: table };
}

/** Header-set objects whose normal form encodeDeploys keeps while it encodes. */
const HEADER_SETS_CACHED = 10_000;

/** The number of the next deploy: one more than the highest recorded. */
export function nextDeployId(state: DeployState | null): number {
  return Math.max(0, ...(state?.deploys ?? []).map((d) => d.id ?? 0)) + 1;
}

/** The content MD5 of a listed object, when known: the ledger's (ETag unchanged), the MD5 read, or a single-part ETag. */
export function currentMd5(o: RemoteState | undefined): string | undefined {
  if (!o) return undefined;
  if (o.storedMd5 !== undefined) return o.storedMd5;
  return /^[0-9a-f]{32}$/.test(o.etag) ? o.etag : undefined;
}

/** Whether a ledger entry still describes the listed object (its ETag has not changed). */
export function recorded(state: DeployState | null, o: { key: string; etag: string }): boolean {
  const rec = state?.objects[o.key];
  return rec !== undefined && ledgerEtag(rec) === o.etag;
}

/** (key, MD5) pairs some site serves. */
function referenced(sites: (Site | null)[]): (key: string, md5: string) => boolean {
  return (key, md5) => sites.some((s) => s?.get(key)?.md5 === md5);
}

export interface HistoryInput {
  state: DeployState | null;
  /** The records folder. */
  dir: string;
  /** The site's prefix (history keys are relative to it). */
  prefix?: string;
  /** Every key of the action's records (the listing): stray history objects are found there. */
  ownKeys: string[];
  keepDeploys: number;
  /** This run's deploy entry (sha, runId, time; its number is given here). */
  entry: Omit<DeployEntry, 'id' | 'site'>;
  /** What the bucket serves after this run. */
  site: Site;
  /** Objects this run overwrites with other bytes or deletes: their current content MD5 and size, when known. */
  changed: { key: string; md5: string | undefined; size: number }[];
}

/**
 * The history of a run that changes the site: the copies to make first (bytes a restorable deploy served and the
 * history does not hold yet), the deploys after it, and what to prune (bytes no deploy still restorable serves).
 */
export function planHistory(h: HistoryInput): HistoryPlan {
  const id = nextDeployId(h.state);
  const keep = h.keepDeploys;
  const before = decodeDeploys(h.state);
  const sited: SitedDeploy[] = [{ entry: { ...h.entry, id }, site: keep > 0 ? h.site : null }, ...before];
  // Restorable after this run: this one and the keep-deploys before it.
  const kept = sited.slice(0, keep + 1).map((d) => d.site);
  const saved = cloneSaved(h.state?.saved ?? {});
  const preserve: Preserve[] = [];
  if (keep > 0) {
    const wanted = referenced(kept);
    for (const c of h.changed) {
      if (c.md5 === undefined || !wanted(c.key, c.md5) || saved[c.key]?.[c.md5] !== undefined) continue;
      const to = historyKeyIn(h.dir, id, c.key, h.prefix);
      preserve.push({ key: c.key, md5: c.md5, size: c.size, to });
      (saved[c.key] ??= {})[c.md5] = id;
    }
  }
  const savedBefore = cloneSaved(saved);
  const wanted = referenced(kept);
  const keepKeys = new Set<string>();
  for (const [key, byMd5] of Object.entries(saved)) {
    for (const [md5, n] of Object.entries(byMd5)) {
      if (wanted(key, md5)) keepKeys.add(historyKeyIn(h.dir, n, key, h.prefix));
      else delete byMd5[md5];
    }
    if (Object.keys(byMd5).length === 0) delete saved[key];
  }
  const history = historyDirIn(h.dir);
  const prune = h.ownKeys.filter((k) => k.startsWith(history) && !keepKeys.has(k) && !preserve.some((p) => p.to === k));
  return { id, keepDeploys: keep, site: keep > 0 ? h.site : null, preserve, savedBefore, saved, prune, deploys: sited };
}

function cloneSaved(s: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, { ...v }]));
}

/** The ledger with the history's part: format 3, the deploys re-encoded, the saved index. */
export function withHistory(next: DeployState, plan: HistoryPlan, saved: Record<string, Record<string, number>> = plan.saved): DeployState {
  const { deploys, headerSets } = encodeDeploys(plan.deploys, plan.keepDeploys + 1);
  return {
    ...next,
    version: 3,
    deploys,
    ...(headerSets && headerSets.length > 0 ? { headerSets } : {}),
    ...(Object.keys(saved).length > 0 ? { saved } : {}),
  };
}

/** The ledger as it stands with the copies made and recorded, before the run changes anything. */
export function withSavedCopies(state: DeployState | null, plan: HistoryPlan): DeployState {
  return { ...(state ?? { objects: {} }), version: 3, saved: plan.savedBefore };
}

/** The deploys a rollback can put back (a recorded site), newest first, with the history each holds. */
export function restorableDeploys(deploys: SitedDeploy[], saved: Record<string, Record<string, number>>): RestorableDeploy[] {
  const out: RestorableDeploy[] = [];
  for (const d of deploys) {
    if (!d.site || d.entry.id === undefined) continue;
    let bytes = 0;
    for (const [key, byMd5] of Object.entries(saved)) {
      for (const [md5, n] of Object.entries(byMd5)) if (n === d.entry.id) bytes += sizeIn(deploys, key, md5);
    }
    out.push({
      id: d.entry.id,
      sha: d.entry.sha,
      time: d.entry.time,
      ...(d.entry.rollbackOf !== undefined ? { rollbackOf: d.entry.rollbackOf } : {}),
      objects: d.site.size,
      historyBytes: bytes,
    });
  }
  return out;
}

function sizeIn(deploys: SitedDeploy[], key: string, md5: string): number {
  for (const d of deploys) {
    const o = d.site?.get(key);
    if (o?.md5 === md5) return o.size;
  }
  return 0;
}
