// Deploy history and rollbacks as plain data: what a deploy served, the copies a run makes and prunes, what a
// rollback restores. Decided by src/plan/history.ts and src/plan/rollback.ts.
import type { DeployEntry, ServedHeaders } from './data.js';

/** One object as a deploy served it. */
export interface ServedObject {
  md5: string;
  size: number;
  headers: ServedHeaders;
  fingerprinted: boolean;
}

/**
 * A deploy's site, by key: read-only, so that a site of a million keys can be a view over what is already held (the
 * ledger's tuples, the run's file records) instead of an object per key.
 */
export type Site = ReadonlyMap<string, ServedObject>;

/** A recorded deploy and the site it served (null: not recorded, so not restorable). */
export interface SitedDeploy {
  entry: DeployEntry;
  site: Site | null;
}

/** One object copied into the history before the run changes it. */
export interface Preserve {
  key: string;
  md5: string;
  size: number;
  /** The history object it is copied to. */
  to: string;
}

/** What a run does with the history: the copies first, the saved index after them, the prune last. */
export interface HistoryPlan {
  /** This run's deploy number (output `deploy-id`). */
  id: number;
  keepDeploys: number;
  /** What the bucket serves after this run (null: keep-deploys 0, nothing recorded). */
  site: Site | null;
  /** Copies made before the first change. */
  preserve: Preserve[];
  /** The saved index once the copies are made (before pruning): recorded before the first change. */
  savedBefore: Record<string, Record<string, number>>;
  /** The saved index after this run (pruned). */
  saved: Record<string, Record<string, number>>;
  /** History objects no restorable deploy needs any more (and stray ones), deleted after the invalidation. */
  prune: string[];
  /** The deploys after this run, newest first (this one first). */
  deploys: SitedDeploy[];
}

/** A deploy that can be put back, as the refusal, the report and the summary list it. */
export interface RestorableDeploy {
  id: number;
  sha: string;
  time: string;
  rollbackOf?: number;
  /** Objects of its site. */
  objects: number;
  /** Bytes of the history copies this deploy made (`history/<id>/`). */
  historyBytes: number;
}

/** One key a rollback puts back: a server-side copy with the target's headers. */
export interface Restore {
  key: string;
  /** Copied from: a history object, or the key itself (same bytes, other headers). */
  from: string;
  md5: string;
  size: number;
  headers: ServedHeaders;
  /** Why: its bytes differ, it is missing, or only its headers differ. */
  reason: 'bytes' | 'missing' | 'headers';
  fingerprinted: boolean;
}

/** What a rollback does, for execute and the report. */
export interface RollbackDetails {
  target: { id: number; sha: string; time: string };
  /** What `rollback-to` said. */
  asked: string;
  restores: Restore[];
  /** Keys the target did not have (deleted, or kept: fingerprinted, protected). */
  deletes: string[];
  kept: { key: string; reason: string }[];
  unchanged: number;
}

/** The default of `keep-deploys`. */
export const DEFAULT_KEEP_DEPLOYS = 5;

/** What `rollback-to` accepts: previous, a deploy number, a commit SHA of 7 or more hex digits. */
export const ROLLBACK_TO = /^(previous|\d+|[0-9a-f]{7,40})$/i;
