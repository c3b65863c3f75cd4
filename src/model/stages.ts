// The data that flows between the stages of a run:
//   parseInputs -> gatherFacts -> planDeploy -> execute -> buildReport -> publish
// Each stage returns a new value and never changes the one it was given.
import type {
  ChangedFile,
  CommitGuard,
  CommitSource,
  CommitOrder,
  DeployEntry,
  LearnedShape,
  PendingDeletion,
  DeployState,
  DistributionUsage,
  FingerprintVerdict,
  InvalidationPlan,
  OwedRecord,
  RemoteObject,
  RemoteState,
  SyncEntry,
  VerifyResult,
  VerifyTarget,
  WalkResult,
} from './data.js';
import type { HeaderDecision, StoredHeaders } from './headers.js';
import type { RecordsLayout } from './records.js';
import type { HistoryPlan, RollbackDetails } from './history.js';
import type { Annotation } from './ports.js';

/** The run as GitHub describes it (read once from the runner's environment). */
export interface RunContext {
  eventName: string;
  payload: Record<string, unknown>;
  /** GITHUB_SHA as the runner sets it (for some events not the commit that was built: see headSha). */
  sha: string;
  /** The commit this run builds and deploys: what the ledger records and the older-commit guard orders. */
  headSha: string;
  /** Where headSha was read from (GITHUB_SHA, workflow_run.head_sha, pull_request.head.sha). */
  headSource: CommitSource;
  /** A force push: the user says which commit is now live (an older one may replace a discarded one). */
  forced: boolean;
  repository: string;
  runId: string;
  runAttempt: string;
  apiUrl: string;
}

/** The commit diff, or why there is none. `incomplete`: a diff was expected but could not be had whole. */
export interface DiffFact {
  files: ChangedFile[] | null;
  source: string;
  note?: string;
  incomplete?: boolean;
}

/** Everything a run reads before it decides anything. */
export interface Facts {
  run: RunContext;
  /** When the facts were read (ms since the epoch). */
  now: number;
  /** The build directory (null in invalidate-only mode). */
  scan: WalkResult | null;
  /** Where the action's records are, and older folders to read and migrate. */
  records: RecordsLayout;
  /** The site's objects under the prefix, as listed (the action's own keys are in `ownKeys`). */
  remote: RemoteObject[];
  ownKeys: string[];
  /** The action's record of its last deploy (null: none, unreadable, or invalidate-only). */
  state: DeployState | null;
  /**
   * The ETag of the ledger in `records.dir` when it was read (null: there was none): the witness that what was
   * decided from it still holds under the lock, and the condition of the ledger's write.
   */
  ledgerEtag?: string | null;
  /** Owed invalidations left by earlier runs that this run sends (its distributions', and orphans). */
  owed: OwedRecord[];
  /**
   * Owed records within reach for a distribution this run does not invalidate, which exists (or could not be
   * read): left in the bucket, and shown in the report and summary with what to do about them.
   */
  owedElsewhere?: { record: OwedRecord; distribution: 'exists' | 'missing' | 'unreadable' }[];
  /** Content MD5 read with HEAD for objects the listing and the record could not decide, by key. */
  headMd5: Record<string, string>;
  /** Headers read with HEAD for objects whose content matches but whose headers the ledger does not know. */
  headHeaders: Record<string, StoredHeaders>;
  /** Size and MD5 of the gzip-compressed bytes of the files the `gzip` input names, by relative path. */
  gzipped: Record<string, { size: number; md5: string }>;
  /** Multipart ETags computed locally for objects another tool uploaded in parts, by relative path. */
  multipartEtags: Record<string, string>;
  diff: DiffFact;
  /**
   * How this run's commit (run.headSha) relates to the live deploy's (from the ledger), with why it is unknown;
   * `forcePushOverLive`: this run is a force push whose previous tip is, or descends from, the live commit.
   */
  commitOrder: { order: CommitOrder; note?: string; forcePushOverLive?: boolean };
  /** In-flight and monthly usage per distribution id; null when it could not be read; absent when not needed. */
  usage: Record<string, DistributionUsage | null>;
  /**
   * Each distribution's configuration, read once per run (GetDistributionConfig) before any write: a missing one
   * stops the run in gather. `unread`: the read was not permitted or failed, with why.
   */
  distributions: Record<string, DistributionFact>;
  /** What the reading found worth a warning. */
  warnings: string[];
  timingsMs: Record<string, number>;
}

/** What the run knows of one distribution. */
export type DistributionFact = { read: true; cacheTagHeader?: string } | { read: false; why: string };

/** One file's record: what it is, how it is served, and what the run does with it and why. */
export interface FileRecord {
  key: string;
  path: string;
  /** The build file whose bytes are uploaded (`path`, except for strip-index-html's `d/`). */
  source: string;
  /** Uploaded gzip-compressed (size and md5 are of the compressed bytes). */
  gzip: boolean;
  size: number;
  md5: string;
  headers: HeaderDecision;
  verdict: FingerprintVerdict;
  entry: SyncEntry;
}

/** The fingerprint verdicts of the paths a plan mentions. */
export interface VerdictLookup {
  get(path: string): FingerprintVerdict | undefined;
  has(path: string): boolean;
}

/** What a run will do, decided by planDeploy from the config and the facts alone. */
export interface DeployPlan {
  /** Local files, each with its headers, fingerprint verdict and sync decision. */
  files: FileRecord[];
  /** The sync decisions (uploads, unchanged, deletes) in listing order. */
  sync: SyncEntry[];
  /** Uploads in the order they go live: assets first, entry documents last. */
  uploadWaves: FileRecord[][];
  /** Keys deleted after the uploads, before the invalidation (removed objects that are not fingerprinted). */
  deletes: string[];
  /** Removed fingerprinted objects past their grace period: deleted after the invalidation. */
  lateDeletes: string[];
  /** Removed fingerprinted objects still in their grace period (kept for pages already open). */
  waiting: (SyncEntry & { dueAt: number })[];
  /** One invalidation per distribution (possibly empty). */
  invalidations: InvalidationPlan[];
  /** Set when the run must stop before any write (e.g. over max-deletes). */
  refusal: string | null;
  /** Whether this run's commit may deploy over the live one, and why. */
  commitGuard: CommitGuard;
  /** Whether the ledger is written after the uploads. */
  writeState: boolean;
  /** What the ledger learns and owes beyond the objects. */
  ledger: {
    demoted: string[];
    shapes: LearnedShape[];
    pending: Record<string, PendingDeletion>;
    deploy: DeployEntry | null;
    /** The metadata this run writes cache tags in (null: no tags). */
    tagMeta?: string | null;
  };
  /** What the bucket holds, with what the action knows of each object (the record, HEADs). */
  remote: ReadonlyMap<string, RemoteState>;
  /**
   * The fingerprint verdict of every path the plan mentions (local files, deletes, the diff): a lookup, not a copy
   * per path (a Map satisfies it).
   */
  verdicts: VerdictLookup;
  /** verify-url: the invalidated URLs of uploaded files to fetch once the invalidation completed. */
  verifyTargets: VerifyTarget[];
  /** Warnings of the plan (the facts' own are in Facts.warnings), shown in the log and the report. */
  warnings: string[];
  /** Annotations for the log only. */
  annotations: { level: 'warning' | 'notice'; message: string; at: Annotation }[];
  /** Cache tags: one line per distribution saying whether it is invalidated by tags, and why. */
  tagNotes?: string[];
  /** keep-deploys: this run's deploy number, the copies it keeps before changing anything, what it prunes. */
  history?: HistoryPlan;
  /** rollback-to: what the rollback restores and deletes. */
  rollback?: RollbackDetails;
}

/** The result of one distribution's invalidation. */
export interface SentInvalidation {
  distributionId: string;
  id: string;
  status: string;
  /** `distribution-tenant-id`: the tenant it was made for. */
  tenantId?: string;
}

/** What execution did. */
export interface Outcome {
  /** New ETags of the uploaded objects, by key: only the uploads S3 took, also when the run failed part way. */
  etags: Record<string, string>;
  deleted: string[];
  sent: SentInvalidation[];
  verify: VerifyResult[] | null;
  /** Invalidations still in progress when wait-timeout was reached. */
  timedOut: string[];
  /** The one-line error when execution failed part way. */
  error: string | null;
  timingsMs: Record<string, number>;
}
