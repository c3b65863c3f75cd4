// The deploy ledger's policies: what history proves about names, what removed objects wait out, which commit
// may deploy over which, and the ledger a run leaves behind. Pure.
import type {
  DeployEntry,
  DeployState,
  FingerprintVerdict,
  LearnedShape,
  LocalFile,
  PendingDeletion,
  RemoteState,
  StateEntry,
  SyncEntry,
  CommitOrder,
} from '../model/data.js';
import type { FileRecord } from '../model/stages.js';
import { dropShapes, learnShapesOf, matchesShape } from './fingerprint-history.js';
import { MapView, RowMap } from './site-view.js';
import { nextState } from './policies.js';

/** How many deploys the ledger remembers. */
const DEPLOYS_KEPT = 10;

export interface HistoryEvidence {
  learned: LearnedShape[];
  demoted: Set<string>;
}

/**
 * What the previous deploy and this build prove: name shapes whose token follows the content (learned), and
 * names reused with new content (demoted, which also drops any shape they match).
 */
export function historyEvidence(ledger: DeployState | null, prefix: string, local: LocalFile[]): HistoryEvidence {
  const demoted = new Set(ledger?.demoted ?? []);
  // Both sides as views over what the run holds (the ledger's entries, the build's files): no copy per file.
  const learned = learnShapesOf(
    new RecordedMd5s(ledger?.objects ?? {}, prefix),
    new RowMap(
      local,
      (f) => f.path,
      (f) => f.md5,
    ),
    ledger?.shapes ?? [],
  );
  return { learned: dropShapes(learned, [...demoted]), demoted };
}

/** The ledger's content MD5s by path relative to `prefix` (its keys under it), read from its entries when asked. */
export class RecordedMd5s extends MapView<string> {
  /** Counted when first asked (evidence never asks: no extra pass over a large ledger). */
  private count: number | null = null;
  constructor(
    private readonly objects: Record<string, StateEntry>,
    private readonly prefix: string,
  ) {
    super();
  }
  get(path: string): string | undefined {
    const key = this.prefix + path;
    return Object.hasOwn(this.objects, key) ? this.objects[key]![1] : undefined;
  }
  has(path: string): boolean {
    return Object.hasOwn(this.objects, this.prefix + path);
  }
  get size(): number {
    if (this.count === null) {
      let n = 0;
      for (const _ of this.keys()) n++;
      this.count = n;
    }
    return this.count;
  }
  *keys(): MapIterator<string> {
    for (const key in this.objects)
      if (Object.hasOwn(this.objects, key) && key.startsWith(this.prefix)) yield key.slice(this.prefix.length);
  }
}

/**
 * Names called fingerprinted that the bucket already holds with other content: the name did not change when
 * the content did, which proves it is not content-hashed.
 */
export function reusedNames(files: FileRecord[]): FileRecord[] {
  return files.filter(
    (f) =>
      f.verdict.fingerprinted && f.entry.action === 'upload' && (f.entry.reason === 'content-changed' || f.entry.reason === 'size-changed'),
  );
}

export function demotionWarning(f: FileRecord, before: FingerprintVerdict): string {
  return (
    `${f.path} was taken for fingerprinted (${before.reason}) but the bucket holds other content under the same name: ` +
    `demoted (name reused with new content). It is uploaded with the mutable Cache-Control, invalidated, and kept mutable from now on.`
  );
}

/** Verdict for a path not in the build (a removed object): demoted, else a learned shape, else the name rules. */
export function removedVerdict(path: string, evidence: HistoryEvidence, byName: (p: string) => FingerprintVerdict): FingerprintVerdict {
  if (evidence.demoted.has(path)) return { fingerprinted: false, reason: 'demoted: name reused with new content' };
  const shape = evidence.learned.find((s) => matchesShape(path, s));
  return shape ? { fingerprinted: true, reason: 'learned from history' } : byName(path);
}

export interface Removals {
  /** Deleted in this run, before the invalidation that covers them (not fingerprinted). */
  now: SyncEntry[];
  /** Fingerprinted objects whose grace period has passed: deleted after the invalidation. */
  due: SyncEntry[];
  /** Fingerprinted objects still in their grace period, with when they become due. */
  waiting: (SyncEntry & { dueAt: number })[];
  /** The ledger's pending deletions after this run. */
  pending: Record<string, PendingDeletion>;
}

/**
 * Removed objects: the ones that are not fingerprinted go now (their URLs must stop serving); fingerprinted
 * ones stay `keepMs` after they left the build, for pages already open, and a later deploy deletes them.
 */
export function planRemovals(
  deletes: SyncEntry[],
  fingerprinted: (path: string) => boolean,
  previous: Record<string, PendingDeletion>,
  now: number,
  keepMs: number,
): Removals {
  const out: Removals = { now: [], due: [], waiting: [], pending: {} };
  for (const e of deletes) {
    if (!fingerprinted(e.path) || keepMs <= 0) {
      out.now.push(e);
      continue;
    }
    const since = previous[e.key]?.since ?? now;
    if (now - since >= keepMs) out.due.push(e);
    else out.waiting.push({ ...e, dueAt: since + keepMs });
    // Due ones stay recorded until the listing shows them gone (a crash before the delete loses nothing).
    out.pending[e.key] = { since, size: e.size };
  }
  return out;
}

/** Pending deletions of objects no longer in the bucket are forgotten; ones back in the build are dropped. */
export function livePending(pending: Record<string, PendingDeletion> | undefined, listed: Set<string>): Record<string, PendingDeletion> {
  return Object.fromEntries(Object.entries(pending ?? {}).filter(([key]) => listed.has(key)));
}

export interface LedgerUpdate {
  files: FileRecord[];
  remote: ReadonlyMap<string, RemoteState>;
  etags: Record<string, string>;
  demoted: string[];
  shapes: LearnedShape[];
  pending: Record<string, PendingDeletion>;
  /** This run's deploy, when it writes to the site. */
  deploy: DeployEntry | null;
  /** The metadata this run writes cache tags in (null: no tags). */
  tagMeta?: string | null;
}

/** The ledger after this run: the objects as nextState records them, plus what the run learned and owes. */
export function nextLedger(previous: DeployState | null, u: LedgerUpdate): DeployState {
  const { objects, tags } = nextState(
    u.files,
    u.remote,
    u.etags,
    { meta: u.tagMeta ?? null, previous: previous?.tags?.meta },
    previous?.objects,
  );
  // Without a deploy of its own the run keeps the deploys as they are (their recorded sites chain newest first).
  const deploys = u.deploy ? [u.deploy, ...(previous?.deploys ?? [])].slice(0, DEPLOYS_KEPT) : (previous?.deploys ?? []);
  return {
    version: 3,
    objects,
    demoted: [...u.demoted].sort(),
    shapes: u.shapes,
    pending: u.pending,
    deploys,
    ...(tags ? { tags } : {}),
    // keep-deploys: the history's records stay as they are (a deploy re-encodes them: withHistory).
    ...(previous?.headerSets ? { headerSets: previous.headerSets } : {}),
    ...(previous?.saved ? { saved: previous.saved } : {}),
  };
}

/** Whether what the ledger knows beyond the objects changed (so it must be written even with no upload). */
export function ledgerKnowledgeChanged(previous: DeployState | null, next: Pick<DeployState, 'demoted' | 'shapes' | 'pending'>): boolean {
  const norm = (s: Pick<DeployState, 'demoted' | 'shapes' | 'pending'> | null) =>
    JSON.stringify([s?.demoted ?? [], s?.shapes ?? [], Object.keys(s?.pending ?? {}).sort()]);
  return norm(previous) !== norm(next);
}

export type { CommitGuard, CommitGuardReason } from '../model/data.js';
import type { CommitGuard } from '../model/data.js';

export interface CommitGuardInput {
  order: CommitOrder;
  /** Why the order is unknown. */
  note?: string;
  ours: string;
  live: string | null;
  allowOlder: boolean;
  /** This run is a force push whose previous tip is, or descends from, the live commit (it discarded it). */
  forcePushOverLive: boolean;
}

/**
 * May this commit deploy over the one the ledger says is live? `older`: the live one descends from it (an
 * out-of-order or re-run workflow) - refused unless allow-older, or a force push that discarded the live commit
 * (resetting a branch to a good commit). `unknown`: no proof either way - refused too, unless allow-older: an
 * older build must never silently replace a newer one.
 */
export function commitGuard(g: CommitGuardInput): CommitGuard {
  const { order, ours, live } = g;
  if (order === 'none' || !live) return { verdict: 'deploy', reason: 'no-live-commit' };
  if (order === 'same') return { verdict: 'deploy', reason: 'same-commit' };
  if (order === 'newer' || order === 'diverged') return { verdict: 'deploy', reason: order };
  if (g.forcePushOverLive) return { verdict: 'deploy', reason: 'force-push' };
  if (g.allowOlder) return { verdict: 'deploy', reason: 'allow-older' };
  if (order === 'older') {
    return {
      verdict: 'refuse',
      reason: 'older',
      message:
        `The bucket holds a deploy of ${live.slice(0, 12)}, which is newer than this run's commit ${ours.slice(0, 12)} ` +
        `(it descends from it): a run that finished out of order, or a re-run of an old workflow. Nothing was written. ` +
        `Set allow-older: true to deploy an older commit on purpose (a rollback).`,
    };
  }
  return {
    verdict: 'refuse',
    reason: 'unknown',
    message:
      `Could not tell whether this run's commit ${ours.slice(0, 12)} is older than the live deploy's ${live.slice(0, 12)} ` +
      `(${g.note ?? 'no history'}). Nothing was written: an older build must not replace a newer one unnoticed. ` +
      `Check out with actions/checkout fetch-depth: 0, or give the action a github-token that can read the repository ` +
      `(contents: read) for the compare API; set allow-older: true to deploy whatever the order.`,
  };
}

/** The refusal message of commitGuard, or null when the commit may deploy. */
export function olderCommitRefusal(
  order: CommitOrder,
  ours: string,
  live: string | null,
  allowOlder: boolean,
  forcePushOverLive = false,
  note?: string,
): string | null {
  const g = commitGuard({ order, ours, live, allowOlder, forcePushOverLive, ...(note ? { note } : {}) });
  return g.verdict === 'refuse' ? g.message : null;
}
