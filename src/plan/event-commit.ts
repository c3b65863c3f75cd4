// Which commit a run builds (and so deploys), read from the event. Pure.
//
// GITHUB_SHA is that commit for a push, but not for every event: for workflow_run it is the tip of the default
// branch (the commit built is workflow_run.head_sha), for pull_request a merge commit GitHub made (merge
// commits of successive pushes never descend from one another; the pull request's own commits do, and
// pull_request.head.sha is the latest), and for pull_request_target the base branch's tip. The ledger
// records this commit and the older-commit guard orders by it.

export type { CommitSource } from '../model/data.js';
import type { CommitSource } from '../model/data.js';

export interface EventCommit {
  /** The commit this run builds and deploys ('' when unknown: a local run). */
  sha: string;
  source: CommitSource;
  /** A force push (push payload `forced: true`): the user says which commit is now live. */
  forced: boolean;
}

const SHA = /^[0-9a-f]{40}$/i;
const ZERO = /^0+$/;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const field = (v: unknown, key: string): unknown => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined);

export function eventCommit(eventName: string, payload: Record<string, unknown>, githubSha: string): EventCommit {
  const plain: EventCommit = { sha: githubSha, source: 'GITHUB_SHA', forced: false };
  if (eventName === 'workflow_run') {
    const head = str(field(payload.workflow_run, 'head_sha'));
    return SHA.test(head) ? { ...plain, sha: head, source: 'workflow_run.head_sha' } : plain;
  }
  // pull_request, pull_request_target, pull_request_review, pull_request_review_comment.
  if (eventName.startsWith('pull_request')) {
    const head = str(field(field(payload.pull_request, 'head'), 'sha'));
    return SHA.test(head) ? { ...plain, sha: head, source: 'pull_request.head.sha' } : plain;
  }
  if (eventName === 'push') {
    const forced = payload.forced === true;
    // GITHUB_SHA is the pushed commit (for an annotated tag, `after` is the tag object, not a commit).
    if (githubSha) return { ...plain, forced };
    const after = str(payload.after);
    return SHA.test(after) && !ZERO.test(after) ? { sha: after, source: 'push after', forced } : { ...plain, forced };
  }
  return plain;
}

/** The push replaced this commit (`before`), or null (a new branch or tag, or not a push). */
export function pushedOver(eventName: string, payload: Record<string, unknown>): string | null {
  if (eventName !== 'push') return null;
  const before = str(payload.before);
  return SHA.test(before) && !ZERO.test(before) ? before : null;
}
