// Which commits to diff, from the event. Pure.

export type DiffRange = { base: string; head: string; source: string; fromMergeBase?: boolean } | { none: string };

const ZERO = /^0+$/;

/**
 * `sha` is the commit this run builds (RunContext.headSha, not GITHUB_SHA: see event-commit.ts). `live` is the
 * commit of the live deploy (the ledger's, upload mode only): for an event that names no previous commit
 * (a tag push, release, schedule, workflow_run, repository_dispatch, ...) what changed since it is what is
 * stale.
 */
export function diffRange(
  eventName: string,
  payload: Record<string, unknown>,
  sha: string,
  diffBase: string | null,
  live: string | null = null,
): DiffRange {
  if (diffBase) return { base: diffBase, head: sha, source: 'diff-base input' };
  const none = noPreviousCommit(eventName, payload);
  if (eventName === 'push') {
    const before = typeof payload.before === 'string' ? payload.before : '';
    const after = typeof payload.after === 'string' && payload.after && !ZERO.test(payload.after) ? payload.after : sha;
    if (before && !ZERO.test(before)) return { base: before, head: after, source: 'push before..after' };
  } else if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = payload.pull_request as { base?: { sha?: string }; head?: { sha?: string } } | undefined;
    if (pr?.base?.sha) return { base: pr.base.sha, head: pr.head?.sha || sha, source: 'pull request base...head', fromMergeBase: true };
  }
  if (live && sha) return { base: live, head: sha, source: `the live deploy..this commit (${none})` };
  return { none: `${none}: no commit diff; set diff-base to diff against a commit` };
}

/** Why the event names no previous commit. */
function noPreviousCommit(eventName: string, payload: Record<string, unknown>): string {
  if (eventName === 'push') {
    const ref = typeof payload.ref === 'string' ? payload.ref : '';
    if (ref.startsWith('refs/tags/')) return `push of tag ${ref.slice('refs/tags/'.length)} (a tag has no previous commit)`;
    const before = typeof payload.before === 'string' ? payload.before : '';
    if (!before || ZERO.test(before)) {
      return `push creates ${ref.startsWith('refs/heads/') ? `branch ${ref.slice('refs/heads/'.length)}` : 'a new branch'} (no previous commit)`;
    }
    return 'push payload has no previous commit';
  }
  if (eventName === 'pull_request' || eventName === 'pull_request_target') return 'pull request payload has no base commit';
  return `the ${eventName || 'unknown'} event names no previous commit`;
}
