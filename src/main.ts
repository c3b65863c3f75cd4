// run(): the action as its stages.
//   parseInputs -> gatherFacts -> planDeploy -> (dry run: report) -> execute -> buildReport -> publish
import { setFailed, setSecret } from '@actions/core';
import { readContext } from './config/context.js';
import { InputError, parseInputs } from './config/inputs.js';
import { publish, checkReportPath } from './io/runner/publish.js';
import type { Config } from './model/config.js';
import type { DeployPlan, Facts } from './model/stages.js';
import type { Log } from './model/ports.js';
import { hideRecordsDir } from './model/records.js';
import { thousands } from './model/format.js';
import { planDeploy } from './plan/deploy.js';
import { planRollback } from './plan/rollback.js';
import { buildReport, keptReason, totalsOf } from './report/report.js';
import { defaultDeps, portsFor, type Deps } from './deps.js';
import { describeError } from './stages/errors.js';
import { execute } from './stages/execute.js';
import { gatherFacts } from './stages/gather.js';
import { ledgerMoved, lockBucket, writesToBucket } from './stages/lock.js';

export type { Deps } from './deps.js';
export { MULTIPART_THRESHOLD, PART_SIZE } from './deps.js';

/** The action. Never throws: failures become setFailed with one clear message. */
export async function run(overrides: Partial<Deps> = {}): Promise<void> {
  const given = { ...defaultDeps(overrides.env ?? process.env), ...overrides };
  // Nothing the run logs may hold the records folder's unguessable name (see hideRecordsDir).
  const deps: Deps = { ...given, log: hidingRecordsDir(given.log) };
  const config = await loadConfig(deps);
  if (!config) return;
  try {
    const ports = portsFor(config, deps);
    let facts = await gatherFacts(config, readContext(deps.env), ports);
    // rollback-to: the same run, planned from the ledger instead of a build.
    const planFor = config.rollbackTo !== null ? planRollback : planDeploy;
    let plan = refuseOrGo(planFor(config, facts));
    const lock = writesToBucket(config, plan) ? await lockBucket(config, facts, ports) : null;
    let failed = false;
    try {
      // Another deploy ran meanwhile (this run waited for it, or it came and went while this run was reading): what
      // it wrote is part of the facts now, and the plan is made again from them before anything is written.
      if (lock && (lock.waited || (await ledgerMoved(config, facts, ports.store)))) {
        deps.log.info('Another deploy of this bucket and prefix ran while this run was reading: reading again under the lock.');
        plan = refuseOrGo(planFor(config, (facts = await gatherFacts(config, facts.run, ports, facts.distributions))));
      }
      logPlan(config, facts, plan, deps);
      const outcome = config.dryRun
        ? null
        : await execute(config, facts, plan, {
            ...ports,
            // Only the holder writes; the lock is let go once the last write is done (waiting needs no lock).
            ...(lock ? { assertHeld: () => lock.assertHeld(), writesDone: () => lock.release() } : {}),
          });
      await publish(config, buildReport(config, facts, plan, outcome), deps.env, facts.run, deps.log);
      const failure = outcome?.error ?? timeoutFailure(config, outcome?.timedOut ?? []);
      if (failure) {
        failed = true;
        setFailed(failure);
      }
    } finally {
      await releaseLock(lock, failed, deps);
    }
  } catch (err) {
    setFailed(describeError(err));
  }
}

function hidingRecordsDir(log: Log): Log {
  const hide = (write: (m: string) => void) => (m: string) => write(hideRecordsDir(m));
  return {
    info: hide((m) => log.info(m)),
    debug: hide((m) => log.debug(m)),
    notice: (m, at) => log.notice(hideRecordsDir(m), at),
    warning: (m, at) => log.warning(hideRecordsDir(m), at),
    group: (name, fn) => log.group(hideRecordsDir(name), fn),
    get debugging() {
      return log.debugging;
    },
  };
}

/**
 * The lock's release. After a failure already reported (the step shows one error), a release that fails too,
 * for the same cause, is a warning: the lock then expires on its own (its TTL) and a later run takes it over.
 */
async function releaseLock(lock: { release(): Promise<void> } | null, failed: boolean, deps: Deps): Promise<void> {
  try {
    await lock?.release();
  } catch (err) {
    if (!failed) throw err;
    deps.log.warning(`The deploy lock could not be released (${describeError(err)}); it expires on its own.`, { title: 'Deploy lock' });
  }
}

/** Every input, checked before the first AWS call; a bad one fails the step with one line naming it. */
async function loadConfig(deps: Deps): Promise<Config | null> {
  try {
    const config = parseInputs(deps.getInput, deps.env);
    if (config.githubToken) setSecret(config.githubToken);
    const reportProblem = await checkReportPath(config.reportPath);
    if (reportProblem) throw new InputError('report-path', reportProblem);
    return config;
  } catch (err) {
    setFailed(err instanceof InputError ? err.message : String(err));
    return null;
  }
}

/** A plan that must not run (over max-deletes, an older commit) stops here, before any write. */
function refuseOrGo(plan: DeployPlan): DeployPlan {
  if (plan.refusal) throw new Error(plan.refusal);
  return plan;
}

function timeoutFailure(config: Config, timedOut: string[]): string | null {
  if (timedOut.length === 0) return null;
  return `wait-timeout (${config.waitTimeoutSeconds} s) reached; still in progress: ${timedOut.join(', ')}`;
}

/** The plan in the log, before any write (the report itself is built once, after the run). */
function logPlan(config: Config, facts: Facts, plan: DeployPlan, deps: Deps): void {
  const log = deps.log;
  for (const a of plan.annotations) log[a.level](a.message, a.at);
  for (const w of plan.warnings) log.warning(w);
  for (const n of plan.tagNotes ?? []) log.info(n);
  for (const p of plan.invalidations) log.info(`Invalidation plan for ${p.distributionId}: ${p.reason}`);
  const t = totalsOf(facts, plan);
  log.info(
    `Plan: upload ${t.uploaded} (${thousands(t.uploadedBytes)} bytes), unchanged ${t.unchanged}, delete ${t.deleted}, skipped ${t.skipped}`,
  );
  if (log.debugging) {
    for (const e of plan.sync) if (e.action !== 'unchanged') log.debug(`${e.action} ${e.path}: ${e.reason}`);
    for (const w of plan.waiting) log.debug(`pending-delete ${w.path}: ${keptReason(new Date(w.dueAt).toISOString())}`);
    for (const s of facts.scan?.skipped ?? []) log.debug(`skip ${s.path}: ${s.reason}`);
  }
  if (plan.rollback) logRollback(plan, log);
  for (const i of plan.invalidations) {
    const shown = i.paths.length ? ': ' + i.paths.slice(0, 20).join(' ') : '';
    log.info(`Invalidate ${i.distributionId}: ${i.paths.length} paths${shown}${i.paths.length > 20 ? ' ...' : ''}`);
  }
  if (config.dryRun) log.notice('Dry run: nothing was written to S3 or CloudFront. The plan above is what a real run would do.');
}

/** A rollback's plan: the target, then each key it restores or deletes (all of them in a dry run, else the first 50). */
function logRollback(plan: DeployPlan, log: Log): void {
  const r = plan.rollback!;
  log.info(
    `Rollback (${r.asked}) to deploy ${r.target.id} (${r.target.sha.slice(0, 12)}, ${r.target.time}): restore ${r.restores.length} ` +
      `by server-side copy, delete ${r.deletes.length}, unchanged ${r.unchanged}` +
      (plan.history
        ? `; recorded as deploy ${plan.history.id}, ${plan.history.preserve.length} current object(s) kept in the history first`
        : ''),
  );
  const lines = [
    ...r.restores.map((x) => `restore ${x.key} (${x.reason}) from ${x.from === x.key ? 'itself, with the target headers' : x.from}`),
    ...r.deletes.map((k) => `delete ${k} (not in deploy ${r.target.id})`),
    ...r.kept.map((k) => `keep ${k.key}: ${k.reason}`),
  ];
  for (const l of lines.slice(0, 50)) log.info(`  ${l}`);
  if (lines.length > 50) log.info(`  ... ${lines.length - 50} more in the report`);
}
