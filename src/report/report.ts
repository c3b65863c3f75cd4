// The JSON plan report, the outputs and the job summary: one Report value, three renderings.
import { hideRecordsDir } from '../model/records.js';
import { readableUrlPath } from '../plan/url-path.js';
import type { Config } from '../model/config.js';
import { FREE_PATHS_PER_MONTH, USD_PER_PATH } from '../model/limits.js';
import type { DeployPlan, Facts, FileRecord, Outcome } from '../model/stages.js';
import { adviseInvalidation } from '../plan/advice.js';
import type { StalePath, SyncEntry } from '../model/data.js';
import { code, esc } from './markdown.js';
import { overallStatus } from '../model/status.js';
import type { RestorableDeploy } from '../model/history.js';
import { decodeDeploys, restorableDeploys } from '../plan/history.js';

export interface FileReport {
  key: string;
  path: string;
  /**
   * What happened to it. `not-uploaded` / `not-deleted`: planned, but the run failed before S3 took that write
   * (a run that fails part way reports only the writes S3 took as `upload` / `delete`).
   */
  action: 'upload' | 'unchanged' | 'delete' | 'pending-delete' | 'skip' | 'invalidate-only' | 'not-uploaded' | 'not-deleted';
  /** pending-delete: when the grace period ends and a later deploy deletes it (ISO). */
  dueAt?: string;
  reason: string;
  size?: number;
  fingerprinted?: boolean;
  fingerprintReason?: string;
  contentType?: string;
  cacheControl?: string;
}

/**
 * The report's file rows, made one at a time as they are read (written to the JSON report, counted for the summary):
 * a site of a million files is not held a second time as a million rows. An array is one too.
 */
export interface FileRows extends Iterable<FileReport> {
  readonly length: number;
}

/** The report as its JSON file reads back (the rows an array). */
export type ReportJson = Omit<Report, 'files'> & { files: FileReport[] };

export interface InvalidationReport {
  distributionId: string;
  id: string;
  status: string;
  paths: string[];
  wildcards: number;
  billedPaths: number;
  collateral: number | null;
  reason: string;
  stale: StalePath[];
  /** Paths of this distribution's invalidations earlier this month (null: could not be read). */
  monthPathsBefore: number | null;
  /** Charge for this batch assuming this distribution is the account's only user of the free tier (null: unknown). */
  estimatedCostUsd: number | null;
  /** Each wildcard sent: how many stale URLs it covers and how many unchanged cached objects it also evicts. */
  wildcardDetails: { path: string; covers: number; collateral: number | null }[];
  /**
   * The billed items split by kind: exact paths, wildcards, and cache tag items (`#<tag>`), each tag with the keys of
   * the stale objects it covers and the URL forms of unchanged objects it also evicts.
   */
  items: { paths: string[]; wildcards: string[]; tags: { item: string; covers: string[]; collateral: number }[] };
  advice: string[];
}

export interface Report {
  version: 1;
  dryRun: boolean;
  bucket: string | null;
  prefix: string;
  sourceDir: string | null;
  diff: { source: string; files: number; note?: string } | null;
  /**
   * The commit deployed (the one built: workflow_run.head_sha, the pull request's head, else GITHUB_SHA), the
   * live deploy's commit from the ledger, their order, and whether this commit may deploy over it and why.
   */
  commit?: {
    sha: string;
    source: string;
    live: string | null;
    order: string;
    verdict: 'deploy' | 'refuse';
    reason: string;
    note?: string;
  };
  totals: { uploaded: number; unchanged: number; deleted: number; skipped: number; uploadedBytes: number; fingerprinted: number };
  files: FileRows;
  invalidations: InvalidationReport[];
  warnings: string[];
  timingsMs: Record<string, number>;
  /** Set when the run failed after planning. */
  error?: string;
  /** verify-url: what the CDN served for a sample of invalidated URLs. */
  /** Removed fingerprinted objects kept for pages already open, and when a later deploy deletes them. */
  pendingDeletions?: { key: string; dueAt: string }[];
  /** Owed records this run collected (earlier failed runs, deferred shards): who left them and how many paths. */
  collected?: { key: string; distributionId: string; note: string; paths: number; orphan?: true }[];
  /**
   * Owed records for a distribution this run does not invalidate, left in the bucket: whether that distribution
   * exists, and what to do about them.
   */
  owedElsewhere?: { key: string; distributionId: string; note: string; paths: number; distribution: string; todo: string }[];
  /** preview-url: the site's URL for this deploy. */
  url?: string;
  /** remove-prefix: this run deleted the prefix. */
  removedPrefix?: boolean;
  verify?: { path: string; url: string; status: 'fresh' | 'stale' | 'error'; httpStatus?: number; detail: string }[];
  /** The deploy number of this run (a deploy or rollback that wrote), else the live deploy's; output `deploy-id`. */
  deployId?: number;
  /** keep-deploys: the deploys a rollback can put back, newest first (after this run). */
  restorable?: RestorableDeploy[];
  /** rollback-to: the deploy put back and what changed. */
  rollback?: RollbackReport;
}

export interface RollbackReport {
  asked: string;
  target: { id: number; sha: string; time: string };
  restored: number;
  /** Bytes copied server-side (none passed through the runner). */
  restoredBytes: number;
  deleted: number;
  unchanged: number;
  /** Each key restored or deleted, with why (the first MAX_ROLLBACK_ROWS). */
  changes: { key: string; action: 'restore' | 'delete' | 'keep'; reason: string }[];
}

const MAX_ROLLBACK_ROWS = 1000;

/** The history part of the report: this run's number, the restorable deploys, the rollback. Pure. */
export function historyReport(facts: Facts, plan: DeployPlan): Pick<Report, 'deployId' | 'restorable' | 'rollback'> {
  const deploys = plan.history?.deploys ?? decodeDeploys(facts.state);
  const saved = plan.history?.saved ?? facts.state?.saved ?? {};
  const restorable = restorableDeploys(deploys, saved);
  const id = plan.history?.id ?? facts.state?.deploys?.[0]?.id;
  const r = plan.rollback;
  const why = { bytes: 'restored: other bytes live', missing: 'restored: missing', headers: 'restored: headers differ' } as const;
  return {
    ...(id !== undefined ? { deployId: id } : {}),
    ...(restorable.length > 0 ? { restorable } : {}),
    ...(r
      ? {
          rollback: {
            asked: r.asked,
            target: r.target,
            restored: r.restores.length,
            restoredBytes: r.restores.reduce((n, x) => n + (x.reason === 'headers' ? 0 : x.size), 0),
            deleted: r.deletes.length,
            unchanged: r.unchanged,
            changes: [
              ...r.restores.map((x) => ({ key: x.key, action: 'restore' as const, reason: why[x.reason] })),
              ...r.deletes.map((key) => ({ key, action: 'delete' as const, reason: 'not in the target deploy' })),
              ...r.kept.map((k) => ({ key: k.key, action: 'keep' as const, reason: k.reason })),
            ].slice(0, MAX_ROLLBACK_ROWS),
          },
        }
      : {}),
  };
}

/** The report of a run: from what it read, decided and did. Pure. */
export function buildReport(config: Config, facts: Facts, plan: DeployPlan, outcome: Outcome | null): Report {
  const sent = new Map((outcome?.sent ?? []).map((s) => [s.distributionId, s]));
  const wantsDiff = config.distributions.length > 0 && config.invalidate === 'changed';
  const d = facts.diff;
  return {
    version: 1,
    dryRun: config.dryRun,
    bucket: config.bucket,
    prefix: config.prefix,
    sourceDir: config.sourceDir,
    diff: wantsDiff ? { source: d.source, files: d.files?.length ?? 0, ...(d.note ? { note: d.note } : {}) } : null,
    commit: {
      sha: facts.run.headSha,
      source: facts.run.headSource,
      live: facts.state?.deploys?.[0]?.sha ?? null,
      order: facts.commitOrder.order,
      verdict: plan.commitGuard.verdict,
      reason: plan.commitGuard.reason,
      ...(facts.commitOrder.note ? { note: facts.commitOrder.note } : {}),
    },
    totals: totalsOf(facts, plan, outcome),
    files: fileReports(config, facts, plan, outcome),
    invalidations: plan.invalidations.map((p) => {
      const usage = facts.usage[p.distributionId] ?? null;
      const s = sent.get(p.distributionId);
      return {
        distributionId: p.distributionId,
        id: s?.id ?? '',
        status: s?.status ?? (config.invalidate === 'defer' && outcome && p.paths.length > 0 ? 'Deferred' : ''),
        paths: p.paths,
        wildcards: p.wildcards,
        billedPaths: p.paths.length,
        collateral: p.cover?.collateral ?? null,
        reason: p.reason,
        stale: p.stale.some((x) => readableUrlPath(x.path) !== x.path)
          ? p.stale.map((x) => ({ ...x, path: readableUrlPath(x.path) }))
          : p.stale,
        monthPathsBefore: usage ? usage.monthPaths : null,
        estimatedCostUsd: estimateCost(p.paths.length, usage?.monthPaths ?? null),
        // cover.paths and p.paths are in the same order (p.paths are the encoded cover paths).
        wildcardDetails: (p.cover?.paths ?? []).flatMap((c, j) =>
          c.wildcard ? [{ path: p.paths[j]!, covers: c.covers, collateral: c.collateral }] : [],
        ),
        items: {
          paths: p.paths.filter((x) => !x.startsWith('#') && !x.endsWith('*')),
          wildcards: p.paths.filter((x) => !x.startsWith('#') && x.endsWith('*')),
          tags: p.tags ?? [],
        },
        advice: adviseInvalidation(p, config.maxPaths),
      };
    }),
    warnings: [...facts.warnings, ...plan.warnings],
    timingsMs: { ...facts.timingsMs, ...outcome?.timingsMs },
    ...(facts.owed.length > 0
      ? {
          collected: facts.owed.map((r) => ({
            key: hideRecordsDir(r.key),
            distributionId: r.distributionId,
            note: r.note ?? '',
            paths: r.paths.length,
            ...(r.orphan ? { orphan: true as const } : {}),
          })),
        }
      : {}),
    ...(facts.owedElsewhere && facts.owedElsewhere.length > 0
      ? {
          owedElsewhere: facts.owedElsewhere.map(({ record: r, distribution }) => ({
            key: hideRecordsDir(r.key),
            distributionId: r.distributionId,
            note: r.note ?? '',
            paths: r.paths.length,
            distribution,
            todo: owedElsewhereTodo(r.distributionId, distribution),
          })),
        }
      : {}),
    ...(config.previewUrl ? { url: config.previewUrl } : {}),
    ...(config.removePrefix ? { removedPrefix: true } : {}),
    ...(plan.waiting.length > 0
      ? { pendingDeletions: plan.waiting.map((w) => ({ key: w.key, dueAt: new Date(w.dueAt).toISOString() })) }
      : {}),
    ...(outcome?.error ? { error: outcome.error } : {}),
    ...(outcome?.verify ? { verify: outcome.verify } : {}),
    ...historyReport(facts, plan),
  };
}

/** What to do about owed records for a distribution this run does not invalidate. */
export function owedElsewhereTodo(id: string, distribution: 'exists' | 'missing' | 'unreadable'): string {
  if (distribution === 'exists')
    return `This run does not invalidate ${id}. A run with distribution-id: ${id} (upload: false is enough) sends these paths and clears the record.`;
  if (distribution === 'missing')
    return `CloudFront has no distribution ${id} (a wrong id?). A run with the right distribution-id sends these paths to it and clears the record.`;
  return (
    `The configuration of ${id} could not be read. Grant cloudfront:GetDistributionConfig: if ${id} does not exist, the ` +
    `next run sends these paths to its own distributions; if it does, run with distribution-id: ${id} to send them.`
  );
}

/**
 * Whether a planned write did not happen: the run failed part way and S3 never took it. (A run that did not fail
 * did every write it planned; a dry run, no outcome, reports the plan.)
 */
function notDoneIn(outcome: Outcome | null | undefined): (e: { action: string; key: string }) => boolean {
  if (!outcome?.error) return () => false;
  // A set, not deleted.includes() per row: a failed run with many deletes reports every row of a large site.
  const deleted = new Set(outcome.deleted);
  return (e) => (e.action === 'upload' ? outcome.etags[e.key] === undefined : e.action === 'delete' && !deleted.has(e.key));
}

/**
 * The run's counts (what the log's plan line and the summary's table show): the plan's, and once the run has
 * written, only the writes S3 took.
 */
export function totalsOf(facts: Facts, plan: DeployPlan, outcome?: Outcome | null): Report['totals'] {
  const t = { uploaded: 0, unchanged: 0, deleted: 0, skipped: facts.scan?.skipped.length ?? 0, uploadedBytes: 0, fingerprinted: 0 };
  const notDone = notDoneIn(outcome);
  for (const e of plan.sync) {
    if (notDone(e)) continue;
    if (e.action === 'upload') {
      t.uploaded++;
      // Tags adopted by a server-side copy: the object is rewritten, no byte is sent.
      if (!e.metadataOnly) t.uploadedBytes += e.size;
    } else if (e.action === 'unchanged') t.unchanged++;
    else if (e.action === 'delete') t.deleted++;
  }
  for (const f of plan.files) if (f.verdict.fingerprinted) t.fingerprinted++;
  return t;
}

/** Why a removed fingerprinted object is still in the bucket. */
export const keptReason = (dueAt: string) => `kept for open pages until ${dueAt}`;

function fileReports(config: Config, facts: Facts, plan: DeployPlan, outcome: Outcome | null): FileRows {
  const verdict = (p: string) => plan.verdicts.get(p) ?? { fingerprinted: false, reason: '' };
  const skipped = facts.scan?.skipped ?? [];
  const diffFiles = config.upload ? [] : (facts.diff.files ?? []);
  /** The file record of a sync entry: the records are in the sync's order (deletes have none), so read side by side. */
  const recordsOf = () => {
    let next = 0;
    let byKey: Map<string, FileRecord> | null = null;
    return (e: SyncEntry): FileRecord | undefined => {
      if (e.action === 'delete') return undefined;
      if (plan.files[next]?.entry === e) return plan.files[next++];
      byKey ??= new Map(plan.files.map((f) => [f.key, f]));
      return byKey.get(e.key);
    };
  };
  const notDone = notDoneIn(outcome);
  function* rows(): Generator<FileReport> {
    const recordOf = recordsOf();
    for (const e of plan.sync) {
      const fp = verdict(e.path);
      // An object left as it is reports the headers it has (read with HEAD), never the rules' spelling of them.
      const stored = e.action === 'unchanged' ? plan.remote.get(e.key)?.storedHeaders : undefined;
      const rec = recordOf(e);
      const h =
        e.action === 'delete'
          ? undefined
          : stored && stored.contentType !== undefined
            ? { contentType: stored.contentType, cacheControl: stored.cacheControl ?? '' }
            : rec?.headers;
      const missed = notDone(e);
      yield {
        key: e.key,
        path: e.path,
        action: missed ? (e.action === 'upload' ? 'not-uploaded' : 'not-deleted') : e.action,
        reason: missed ? `${e.reason}; not done: the run failed first (see error)` : e.reason,
        size: e.size,
        fingerprinted: fp.fingerprinted,
        fingerprintReason: fp.reason,
        ...(h ? { contentType: h.contentType, cacheControl: h.cacheControl } : {}),
      };
    }
    for (const w of plan.waiting) {
      const dueAt = new Date(w.dueAt).toISOString();
      const fp = verdict(w.path);
      yield {
        key: w.key,
        path: w.path,
        action: 'pending-delete',
        reason: keptReason(dueAt),
        size: w.size,
        dueAt,
        fingerprinted: fp.fingerprinted,
        fingerprintReason: fp.reason,
      };
    }
    for (const s of skipped) yield { key: config.prefix + s.path, path: s.path, action: 'skip', reason: s.reason };
    for (const f of diffFiles) {
      const fp = verdict(f.path);
      yield {
        key: '',
        path: f.path,
        action: 'invalidate-only',
        reason: `diff-${f.status}`,
        fingerprinted: fp.fingerprinted,
        fingerprintReason: fp.reason,
      };
    }
  }
  return { length: plan.sync.length + plan.waiting.length + skipped.length + diffFiles.length, [Symbol.iterator]: rows };
}

/**
 * The most an output that lists paths may hold, in UTF-8 bytes. Workflows pass outputs to scripts through
 * `env:`, and Linux caps one environment string (NAME=value) at 128 KiB (E2BIG: the step cannot even start);
 * half of it leaves room for the name and for other outputs passed alongside.
 */
export const OUTPUT_LIST_MAX_BYTES = 64 * 1024;

/** A JSON array of the first items whose JSON fits `maxBytes`, and whether that is all of them. */
export function jsonArrayWithin(items: readonly string[], maxBytes: number): { json: string; complete: boolean } {
  let bytes = 2; // []
  for (let i = 0; i < items.length; i++) {
    bytes += Buffer.byteLength(JSON.stringify(items[i])) + (i > 0 ? 1 : 0);
    if (bytes > maxBytes) return { json: JSON.stringify(items.slice(0, i)), complete: false };
  }
  return { json: JSON.stringify(items), complete: true };
}

export function outputsOf(report: Report, reportPath: string): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const inv of report.invalidations) if (inv.id) ids[inv.distributionId] = inv.id;
  const first = report.invalidations.find((i) => i.id);
  const statuses = report.invalidations.filter((i) => i.id).map((i) => i.status);
  const status = overallStatus(statuses);
  const paths = jsonArrayWithin(first?.paths ?? report.invalidations[0]?.paths ?? [], OUTPUT_LIST_MAX_BYTES);
  return {
    'invalidation-id': first?.id ?? '',
    'invalidation-ids': JSON.stringify(ids),
    // The first paths that fit OUTPUT_LIST_MAX_BYTES; the whole list is in the report file.
    'invalidation-paths': paths.json,
    'invalidation-paths-truncated': String(!paths.complete),
    'invalidation-status': status,
    uploaded: String(report.totals.uploaded),
    deleted: String(report.totals.deleted),
    unchanged: String(report.totals.unchanged),
    report: reportPath,
    url: report.url ?? '',
    'deploy-id': report.deployId !== undefined ? String(report.deployId) : '',
  };
}

/** Paths past the 1,000 free a month cost $0.005 each (the free tier is account-wide: this is a lower bound). */
export function estimateCost(billed: number, monthPathsBefore: number | null): number | null {
  if (monthPathsBefore === null) return null;
  const over = Math.max(0, monthPathsBefore + billed - FREE_PATHS_PER_MONTH) - Math.max(0, monthPathsBefore - FREE_PATHS_PER_MONTH);
  return Math.round(over * USD_PER_PATH * 1000) / 1000;
}

/** The pull request comment: the preview's URL and what the deploy did, under a hidden marker that finds it again. */
export function prCommentBody(r: Report): string {
  const t = r.totals;
  const title = r.error ? 'Preview deploy failed' : r.removedPrefix ? 'Preview removed' : 'Preview deployed';
  const out = [`### ${title}${r.url && !r.removedPrefix ? `: ${r.url}` : ''}`, ''];
  out.push(`Uploaded ${t.uploaded}, unchanged ${t.unchanged}, deleted ${t.deleted} under ${code(`s3://${r.bucket ?? ''}/${r.prefix}`)}.`);
  for (const i of r.invalidations) {
    if (i.paths.length > 0)
      out.push(`Invalidation ${i.id || '(not sent)'} on ${i.distributionId}: ${i.paths.length} path(s), ${i.status || 'not sent'}.`);
  }
  if (r.error) out.push('', `Error: ${esc(r.error)}`);
  return out.join('\n') + '\n';
}
