// The job summary: the Report rendered as Markdown, one function per section.
import { FREE_PATHS_PER_MONTH, USD_PER_PATH } from '../model/limits.js';
import { directoryRows } from '../plan/advice.js';
import type { FileReport, InvalidationReport, Report } from './report.js';
import { code, esc } from './markdown.js';
import { thousands } from '../model/format.js';

const MAX_ROWS = 500;

/** GitHub's limit on one step's summary (a larger one is rejected and the step fails to show it). */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

/**
 * Markdown for the job summary; bounded (at most MAX_ROWS detail rows per section) and, whatever the length of keys,
 * paths and warnings, never over SUMMARY_MAX_BYTES: the aggregate comes first, and the lines past the limit are
 * left out with a count (an open `<details>` is closed again).
 */
export function summaryMarkdown(r: Report): string {
  return withinBytes(sectionLines(r), SUMMARY_MAX_BYTES);
}

/** The first lines that fit `maxBytes` (with the closing note), or all of them. */
export function withinBytes(lines: string[], maxBytes: number): string {
  const all = lines.join('\n') + '\n';
  if (Buffer.byteLength(all) <= maxBytes) return all;
  const note = (n: number) =>
    `... ${n} more line${n === 1 ? '' : 's'} of this summary left out (GitHub's 1 MiB step-summary limit); everything is in the JSON report`;
  // Room for the note, and for closing an open <details>.
  const room = maxBytes - Buffer.byteLength(note(lines.length)) - 64;
  let bytes = 0;
  let kept = 0;
  let open = 0;
  for (; kept < lines.length; kept++) {
    const b = Buffer.byteLength(lines[kept]!) + 1;
    if (bytes + b > room) break;
    bytes += b;
    if (lines[kept]!.startsWith('<details>')) open++;
    if (lines[kept]!.startsWith('</details>')) open--;
  }
  const out = lines.slice(0, kept);
  out.push('', note(lines.length - kept));
  if (open > 0) out.push('', '</details>');
  return out.join('\n') + '\n';
}

function sectionLines(r: Report): string[] {
  const out: string[] = [];
  headerSection(out, r);
  totalsSection(out, r);
  invalidationsSection(out, r);
  directoriesSection(out, r);
  collectedSection(out, r);
  owedElsewhereSection(out, r);
  pendingSection(out, r);
  verifySection(out, r);
  rollbackSection(out, r);
  restorableSection(out, r);
  warningsSection(out, r);
  filesSection(out, r);
  return out;
}

function headerSection(out: string[], r: Report): void {
  out.push(`## S3 CloudFront Deploy${r.dryRun ? ' (dry run: nothing was written)' : ''}`);
  if (r.error) out.push('', `> [!CAUTION]`, `> The deploy failed: ${esc(r.error)}`);
  if (r.bucket) out.push(`Bucket ${code(r.bucket)}${r.prefix ? ` prefix ${code(r.prefix)}` : ''}`);
  out.push('');
}

function totalsSection(out: string[], r: Report): void {
  out.push('| uploaded | unchanged | deleted | skipped | uploaded bytes | fingerprinted |');
  out.push('|---:|---:|---:|---:|---:|---:|');
  const t = r.totals;
  out.push(`| ${t.uploaded} | ${t.unchanged} | ${t.deleted} | ${t.skipped} | ${thousands(t.uploadedBytes)} | ${t.fingerprinted} |`);
  out.push('');
  if (r.diff) out.push(`Commit diff: ${esc(r.diff.source)}, ${r.diff.files} files${r.diff.note ? ` (${esc(r.diff.note)})` : ''}`, '');
}

function invalidationsSection(out: string[], r: Report): void {
  if (r.invalidations.length === 0) return;
  out.push('### Invalidations', '');
  out.push('| distribution | id | status | billed paths | wildcards | stale URLs | collateral | paths earlier this month | est. charge |');
  out.push('|---|---|---|---:|---:|---:|---:|---:|---:|');
  for (const i of r.invalidations) {
    const cost = i.estimatedCostUsd === null ? 'unknown' : `$${i.estimatedCostUsd.toFixed(3)}`;
    out.push(
      `| ${i.distributionId} | ${i.id || '-'} | ${i.status || '-'} | ${i.billedPaths} | ${i.wildcards} | ${i.stale.length} | ${i.collateral ?? 'unknown'} | ${i.monthPathsBefore ?? 'unknown'} | ${cost} |`,
    );
  }
  out.push(
    '',
    `The first ${thousands(FREE_PATHS_PER_MONTH)} paths a month are free (account-wide), then $${USD_PER_PATH} per path; a wildcard is one path.`,
    '',
  );
  for (const i of r.invalidations) invalidationDetails(out, i);
}

function invalidationDetails(out: string[], i: InvalidationReport): void {
  const tags = i.items?.tags ?? [];
  if (tags.length > 0) {
    out.push(
      `Billed items sent to ${i.distributionId}: ${i.items.paths.length} path(s), ${i.items.wildcards.length} wildcard(s), ${tags.length} cache tag(s).`,
      '',
      '| cache tag | stale objects covered | unchanged URL forms also evicted |',
      '|---|---:|---:|',
    );
    for (const t of tags.slice(0, 50)) {
      const shown = t.covers.length === 1 ? `${t.covers.length} (${code(t.covers[0]!)})` : String(t.covers.length);
      out.push(`| ${code(t.item)} | ${shown} | ${t.collateral} |`);
    }
    if (tags.length > 50) out.push(`| ... ${tags.length - 50} more in the JSON report | | |`);
    out.push('');
  }
  if (i.wildcardDetails.length > 0) {
    out.push(
      `Wildcards sent to ${i.distributionId}:`,
      '',
      '| wildcard | stale URLs covered | unchanged objects also evicted |',
      '|---|---:|---:|',
    );
    for (const w of i.wildcardDetails.slice(0, 50)) out.push(`| ${code(w.path)} | ${w.covers} | ${w.collateral ?? 'unknown'} |`);
    out.push('');
  }
  for (const a of i.advice) out.push(`> [!TIP]`, `> ${esc(a)}`, '');
  out.push(`<details><summary>${i.distributionId}: ${esc(i.reason)}</summary>`, '');
  for (const p of i.paths.slice(0, MAX_ROWS)) out.push(`- ${code(p)}`);
  if (i.paths.length > MAX_ROWS) out.push(`- ... ${i.paths.length - MAX_ROWS} more in the JSON report`);
  out.push('', '</details>', '');
}

function directoriesSection(out: string[], r: Report): void {
  const first = r.invalidations[0];
  if (!first || first.stale.length === 0) return;
  const fpChanges: string[] = [];
  for (const f of r.files) if (f.fingerprinted && (f.action === 'upload' || f.action === 'delete')) fpChanges.push(f.path);
  const rows = directoryRows(first.stale, fpChanges, first.wildcardDetails);
  out.push(`### Where the changes are (${first.distributionId})`, '');
  out.push(
    '| directory | stale URLs invalidated | fingerprinted changes (no invalidation needed) | collateral evictions |',
    '|---|---:|---:|---:|',
  );
  for (const d of rows.slice(0, 40)) out.push(`| ${code(d.dir)} | ${d.stale} | ${d.fingerprinted} | ${d.collateral} |`);
  if (rows.length > 40) out.push(`| ... ${rows.length - 40} more directories | | | |`);
  out.push('');
}

function collectedSection(out: string[], r: Report): void {
  if (!r.collected || r.collected.length === 0) return;
  out.push(
    `### Owed invalidations collected: ${r.collected.length} record(s)`,
    '',
    '| record | distribution | left by | paths |',
    '|---|---|---|---:|',
  );
  for (const c of r.collected.slice(0, MAX_ROWS))
    out.push(
      `| ${code(c.key)} | ${c.distributionId}${c.orphan ? " (does not exist: sent to this run's)" : ''} | ${esc(c.note)} | ${c.paths} |`,
    );
  out.push('');
}

function owedElsewhereSection(out: string[], r: Report): void {
  if (!r.owedElsewhere || r.owedElsewhere.length === 0) return;
  out.push(
    `### Owed invalidations left for other distributions: ${r.owedElsewhere.length} record(s)`,
    '',
    '| record | distribution | left by | paths | what to do |',
    '|---|---|---|---:|---|',
  );
  for (const c of r.owedElsewhere.slice(0, MAX_ROWS))
    out.push(`| ${code(c.key)} | ${c.distributionId} (${c.distribution}) | ${esc(c.note)} | ${c.paths} | ${esc(c.todo)} |`);
  out.push('');
}

function pendingSection(out: string[], r: Report): void {
  if (!r.pendingDeletions || r.pendingDeletions.length === 0) return;
  out.push(`### Kept for pages already open: ${r.pendingDeletions.length} removed fingerprinted object(s)`, '');
  out.push('A later deploy deletes each once its grace period (keep-removed) has passed.', '', '| key | deleted after |', '|---|---|');
  for (const p of r.pendingDeletions.slice(0, MAX_ROWS)) out.push(`| ${code(p.key)} | ${p.dueAt} |`);
  if (r.pendingDeletions.length > MAX_ROWS) out.push(`| ... ${r.pendingDeletions.length - MAX_ROWS} more in the JSON report | |`);
  out.push('');
}

function verifySection(out: string[], r: Report): void {
  if (!r.verify || r.verify.length === 0) return;
  const bad = r.verify.filter((v) => v.status !== 'fresh');
  out.push(`### What the CDN serves now: ${r.verify.length - bad.length} of ${r.verify.length} sampled URLs fresh`, '');
  if (bad.length > 0) {
    out.push('| status | URL | detail |', '|---|---|---|');
    for (const v of bad.slice(0, 50)) out.push(`| ${v.status} | ${code(v.url)} | ${esc(v.detail)} |`);
    out.push('');
  }
}

function warningsSection(out: string[], r: Report): void {
  if (r.warnings.length === 0) return;
  out.push('### Warnings', '');
  for (const w of r.warnings.slice(0, 50)) out.push(`- ${esc(w)}`);
  out.push('');
}

function filesSection(out: string[], r: Report): void {
  // Counted in one pass over the rows; only the first MAX_ROWS changed ones are kept for the table.
  let changed = 0;
  const shown: FileReport[] = [];
  for (const f of r.files) {
    if (f.action === 'unchanged') continue;
    if (changed++ < MAX_ROWS) shown.push(f);
  }
  out.push(`<details><summary>Files: ${changed} changed or skipped (of ${r.files.length})</summary>`, '');
  out.push('| action | path | reason | cache-control |', '|---|---|---|---|');
  for (const f of shown) out.push(`| ${f.action} | ${code(f.path)} | ${esc(f.reason)} | ${esc(f.cacheControl ?? '')} |`);
  if (changed > MAX_ROWS) out.push(`| ... | ${changed - MAX_ROWS} more rows in the JSON report | | |`);
  out.push('', '</details>');
}

function rollbackSection(out: string[], r: Report): void {
  const b = r.rollback;
  if (!b) return;
  out.push(
    `### Rollback to deploy ${b.target.id} (${code(b.target.sha.slice(0, 12))}, ${b.target.time})`,
    '',
    `Asked: ${code(b.asked)}. Restored ${b.restored} object(s) (${thousands(b.restoredBytes)} bytes copied inside S3, none through the runner), ` +
      `deleted ${b.deleted}, unchanged ${b.unchanged}.`,
    '',
  );
  if (b.changes.length === 0) return;
  out.push('| action | key | why |', '|---|---|---|');
  for (const c of b.changes.slice(0, MAX_ROWS)) out.push(`| ${c.action} | ${code(c.key)} | ${esc(c.reason)} |`);
  if (b.changes.length > MAX_ROWS) out.push(`| ... | ${b.changes.length - MAX_ROWS} more in the JSON report | |`);
  out.push('');
}

function restorableSection(out: string[], r: Report): void {
  if (!r.restorable || r.restorable.length === 0) return;
  out.push('### Restorable deploys (rollback-to)', '', '| number | commit | time | objects | history size |', '|---:|---|---|---:|---:|');
  for (const d of r.restorable) {
    const what = d.rollbackOf !== undefined ? ` (rollback to ${d.rollbackOf})` : '';
    const live = d.id === r.deployId ? ' (live)' : '';
    out.push(`| ${d.id}${live} | ${code(d.sha.slice(0, 12))}${what} | ${d.time} | ${d.objects} | ${thousands(d.historyBytes)} bytes |`);
  }
  out.push('');
}
