// publish: the report as a JSON file, the step outputs and the job summary. Thin.
import fs from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import type { Config } from '../../model/config.js';
import type { Log } from '../../model/ports.js';
import type { RunContext } from '../../model/stages.js';
import { OUTPUT_LIST_MAX_BYTES, outputsOf, prCommentBody, type Report } from '../../report/report.js';
import { summaryMarkdown } from '../../report/summary.js';
import { upsertPrComment } from '../github/client.js';

const FILES_PLACEHOLDER = '\u0000files\u0000';
const FILES_MARK = `"files": ${JSON.stringify(FILES_PLACEHOLDER)}`;

/**
 * The report as indented JSON with one line per file, written in slices: a site of 100,000 files has a report
 * of tens of MB, which is never held as one string (nor pretty-printed over several lines per file).
 */
export async function writeReport(reportPath: string, report: Report): Promise<void> {
  await fs.mkdir(path.dirname(reportPath), { recursive: true });
  const outline = JSON.stringify({ ...report, files: FILES_PLACEHOLDER }, null, 2);
  const at = outline.indexOf(FILES_MARK);
  const out = await fs.open(reportPath, 'w');
  try {
    await out.write(outline.slice(0, at) + '"files": [');
    // The rows are made as they are written, a thousand at a time.
    let n = 0;
    let slice = '';
    for (const r of report.files) {
      slice += `${n++ === 0 ? '' : ','}\n    ${JSON.stringify(r)}`;
      if (n % 1000 === 0) {
        await out.write(slice);
        slice = '';
      }
    }
    await out.write(slice + (n > 0 ? '\n  ]' : ']') + outline.slice(at + FILES_MARK.length) + '\n');
  } finally {
    await out.close();
  }
}

export async function publish(
  config: Config,
  report: Report,
  env: Record<string, string | undefined>,
  run: RunContext,
  log: Log,
): Promise<void> {
  await writeReport(config.reportPath, report);
  const outputs = outputsOf(report, config.reportPath);
  for (const [k, v] of Object.entries(outputs)) core.setOutput(k, v);
  if (outputs['invalidation-paths-truncated'] === 'true') {
    const all = (report.invalidations.find((i) => i.id) ?? report.invalidations[0])?.paths.length ?? 0;
    const shown = (JSON.parse(outputs['invalidation-paths']!) as string[]).length;
    log.notice(
      `The invalidation-paths output holds the first ${shown} of ${all} paths (${OUTPUT_LIST_MAX_BYTES / 1024} KiB, so it can be passed ` +
        `through env:, which Linux caps at 128 KiB a variable); the whole list is in the report file (${config.reportPath}).`,
    );
  }
  // The job summary through @actions/core (which appends it to the file GITHUB_STEP_SUMMARY names), when the
  // runner gives one: outside Actions there may be none, and no summary is then no failure.
  if (env.GITHUB_STEP_SUMMARY) await core.summary.emptyBuffer().addRaw(summaryMarkdown(report)).write();
  if (config.prComment) await commentOnPullRequest(config, report, run, log);
}

/** pr-comment: one comment per pull request and prefix, found again by its marker and edited. A failure only warns. */
async function commentOnPullRequest(config: Config, report: Report, run: RunContext, log: Log): Promise<void> {
  const pr = run.payload.pull_request as { number?: unknown } | undefined;
  const number = typeof pr?.number === 'number' ? pr.number : typeof run.payload.number === 'number' ? run.payload.number : null;
  if (number === null) {
    log.notice(`pr-comment: this run is not for a pull request (event ${run.eventName || 'unknown'}): no comment`);
    return;
  }
  try {
    const res = await upsertPrComment({
      apiUrl: run.apiUrl,
      repository: run.repository,
      token: config.githubToken,
      issueNumber: number,
      marker: `s3-cloudfront-deploy ${config.bucket ?? ''}/${config.prefix}`.replace(/[^\w./ -]/g, '_').replace(/-{2,}/g, '-'),
      body: prCommentBody(report),
    });
    log.info(`pr-comment: ${res.created ? 'created' : 'updated'} ${res.url}`);
  } catch (err) {
    log.warning(
      `pr-comment: could not comment on pull request #${number} (${(err as Error).message}); the job needs permissions: pull-requests: write`,
    );
  }
}

/**
 * Checked with the inputs, before any AWS call: the report's directory can be created and the file written.
 * (A path under a file, /dev/null/x.json, or under /proc would otherwise fail only after the uploads.)
 */
export async function checkReportPath(reportPath: string): Promise<string | null> {
  const dir = path.dirname(reportPath);
  if (dir === '/proc' || dir.startsWith('/proc/') || dir === '/sys' || dir.startsWith('/sys/')) {
    return `cannot write the report under ${dir.split('/').slice(0, 2).join('/')} (a kernel file system); choose a path under RUNNER_TEMP or the workspace`;
  }
  try {
    await fs.mkdir(dir, { recursive: true });
    // 'wx' creates it only if it is not there (then removes it again); 'r+' checks an existing file is writable.
    const existed = await fs.stat(reportPath).then(
      () => true,
      () => false,
    );
    const handle = await fs.open(reportPath, existed ? 'r+' : 'wx');
    await handle.close();
    if (!existed) await fs.unlink(reportPath);
    return null;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return `cannot write ${reportPath} (${e.code ?? e.message}); choose a writable path (default: RUNNER_TEMP/s3-cloudfront-deploy/report.json)`;
  }
}
