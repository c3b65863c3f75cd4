// From stale URL paths to the one batch sent to a distribution. Pure.
import { createHash } from 'node:crypto';
import { MAX_PATHS_PER_BATCH } from '../model/limits.js';
import { planCover } from './cover.js';
import { coverRoot, type StaleResult } from './stale.js';
import type { CoverResult, InvalidationPlan } from '../model/data.js';
import { planTagCover, type TagObject } from './cover/tags.js';

export type { InvalidationPlan } from '../model/data.js';
import { encodeCloudFrontPath } from './url-path.js';

export function planInvalidation(opts: {
  distributionId: string;
  staleResult: StaleResult;
  prefix: string;
  originPath: string;
  budget: number;
  maxWildcards?: number;
  /** Cache tags this distribution reads: the objects carrying them and the stale ones a tag may cover. */
  tags?: { objects: TagObject[]; coverable: Record<string, string[]> } | null;
}): InvalidationPlan {
  const { staleResult: s, distributionId } = opts;
  const base = { distributionId, stale: s.stale };
  const none = { zeroCollateralBudget: null };
  if (s.stale.length === 0) return { ...base, ...none, decoded: [], paths: [], wildcards: 0, cover: null, reason: 'nothing is stale' };
  if (s.stale.some((p) => p.path === '/*')) {
    return {
      ...base,
      ...none,
      decoded: ['/*'],
      paths: ['/*'],
      wildcards: 1,
      cover: null,
      reason: '/* requested (invalidate: all or a manual /*)',
    };
  }
  const stale = s.stale.map((p) => p.path);
  const rooted = (paths: string[], budget: number) => {
    // Plan relative to the part of the origin the listing covers; elsewhere anything may exist.
    const root = s.existing === null ? null : coverRoot(paths, opts.prefix, opts.originPath);
    const cut = root === null ? 0 : root.length - 1;
    const rel = (p: string) => p.slice(cut);
    const existing = root === null || s.existing === null ? null : s.existing.filter((p) => p.startsWith(root)).map(rel);
    const input = {
      stale: paths.map(rel),
      existing,
      budget,
      ...(opts.maxWildcards !== undefined ? { maxWildcards: opts.maxWildcards } : {}),
    };
    const cover = planCover(input);
    return { cover, input, decoded: cover.paths.map((p) => (root === null ? p.path : root.slice(0, cut) + p.path)) };
  };
  // Tag items owed by earlier runs are sent as they are, whether or not this run tags (a consolidating job).
  const tags = opts.tags ?? { objects: [], coverable: {} };
  if (Object.keys(tags.coverable).length > 0 || stale.some((p) => p.startsWith('#'))) {
    const decodedOf = new Map<CoverResult, string[]>();
    const t = planTagCover({
      stale,
      coverable: tags.coverable,
      producers: s.byKey ?? {},
      objects: tags.objects,
      explicit: s.explicit ?? [],
      budget: opts.budget,
      ...(opts.maxWildcards !== undefined ? { maxWildcards: opts.maxWildcards } : {}),
      pathCover: (paths, budget) => {
        const r = rooted(paths, budget);
        decodedOf.set(r.cover, r.decoded);
        return r.cover;
      },
    });
    const pathsPart = t.cover ? decodedOf.get(t.cover)! : [];
    const items = t.tags.map((x) => x.item);
    const cover = t.cover ?? { paths: [], collateral: 0, fellBackToAll: false, reason: 'every stale path is covered by tags' };
    return {
      ...base,
      decoded: [...pathsPart, ...items],
      paths: [...pathsPart.map(encodeCloudFrontPath), ...items],
      wildcards: cover.paths.filter((p) => p.wildcard).length,
      cover: { ...cover, collateral: t.collateral },
      tags: t.tags,
      reason: t.reason,
      zeroCollateralBudget: null,
    };
  }
  const { cover, input, decoded } = rooted(stale, opts.budget);
  return {
    ...base,
    decoded,
    paths: decoded.map(encodeCloudFrontPath),
    wildcards: cover.paths.filter((p) => p.wildcard).length,
    cover,
    reason: cover.reason,
    zeroCollateralBudget: cover.collateral ? smallestCleanBudget(input, opts.budget) : null,
  };
}

/** Binary search for the least budget (up to CloudFront's 3,000 per batch) whose optimal cover has no collateral. */
function smallestCleanBudget(input: Parameters<typeof planCover>[0], from: number): number | null {
  let lo = from + 1;
  let hi = Math.min(MAX_PATHS_PER_BATCH, new Set(input.stale).size);
  if (hi < lo || planCover({ ...input, budget: hi }).collateral !== 0) return null;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (planCover({ ...input, budget: mid }).collateral === 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * CallerReference: the same run attempt retrying the same batch gets the same invalidation back from
 * CloudFront; any other deploy (other run, attempt, distribution or paths) gets a distinct reference.
 */
export function callerReference(repository: string, runId: string, runAttempt: string, distributionId: string, paths: string[]): string {
  // JSON keeps the parts unambiguous whatever characters they hold.
  const digest = createHash('sha256')
    .update(JSON.stringify([repository, runId, runAttempt, distributionId, [...paths].sort()]))
    .digest('hex');
  return `s3cfd-${runId}-${runAttempt}-${digest.slice(0, 32)}`;
}
