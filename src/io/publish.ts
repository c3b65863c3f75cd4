// publish: the report as a JSON file, the step outputs and the job summary. Thin.
import * as core from '@actions/core';
import fs from 'node:fs/promises';
import path from 'node:path';
import { outputsOf, summaryMarkdown, type Report } from '../report.js';

export async function writeReport(reportPath: string, report: Report): Promise<void> {
  await fs.mkdir(path.dirname(reportPath), { recursive: true });
  await fs.writeFile(reportPath, JSON.stringify(report, null, 2) + '\n');
}

export async function publish(reportPath: string, report: Report, env: Record<string, string | undefined>): Promise<void> {
  await writeReport(reportPath, report);
  for (const [k, v] of Object.entries(outputsOf(report, reportPath))) core.setOutput(k, v);
  // Appended directly (core.summary caches the file path for the whole process).
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (summaryFile) await fs.appendFile(summaryFile, summaryMarkdown(report));
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
