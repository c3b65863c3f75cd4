// Which commits to diff, from the event. Pure.

export type DiffRange = { base: string; head: string; source: string; fromMergeBase?: boolean } | { none: string };

const ZERO = /^0+$/;

export function diffRange(eventName: string, payload: Record<string, unknown>, sha: string, diffBase: string | null): DiffRange {
  if (diffBase) return { base: diffBase, head: sha, source: 'diff-base input' };
  if (eventName === 'push') {
    const before = typeof payload.before === 'string' ? payload.before : '';
    const after = typeof payload.after === 'string' && payload.after ? payload.after : sha;
    if (!before || ZERO.test(before)) return { none: 'push creates a new branch (no previous commit): no commit diff' };
    return { base: before, head: after, source: 'push before..after' };
  }
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = payload.pull_request as { base?: { sha?: string }; head?: { sha?: string } } | undefined;
    if (pr?.base?.sha) return { base: pr.base.sha, head: pr.head?.sha || sha, source: 'pull request base...head', fromMergeBase: true };
    return { none: 'pull request payload has no base commit' };
  }
  return { none: `${eventName || 'this'} event has no previous commit; set diff-base to diff against one` };
}
