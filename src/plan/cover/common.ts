/** Constants, flags and small helpers shared by the cover planner's parts (design: ../cover.ts). */

export const INF = Number.POSITIVE_INFINITY;
/** Prefix lengths beyond this are not distinguished when ranking specificity (unknown origin). */
export const LEN_CAP = 4096;

/** Entry flags. */
export const F_EXACT = 1; // a stale path that can be sent exactly
export const F_WILD = 2; // a prefix that must be covered by a wildcard (text before the `*` or `~` of a stale path)
export const F_EXIST = 4; // an existing (non-stale) path

/** Internal knobs, exported for tests only. */
export interface CoverTuning {
  /** Use the wildcard-aware scalar outside bound only when W is at most this (it costs O(n·W)). */
  boundWildcardLimit: number;
  /** Use per-wildcard-count outside arrays only when W is at most this (they cost O(n·W²)). */
  outsideWildcardLimit: number;
  /** Cap tables by what a feasible plan can spend outside a node (false = plain capped tree knapsack). */
  prune: boolean;
}

/** True when `path` is matched by the CloudFront invalidation path `pattern` (exact, or prefix ending in `*`). */
export function matchesCloudFrontPath(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}

/** True when `p` is a well-formed decoded CloudFront invalidation path: starts with '/', `*` only as the last character. */
export function isValidCloudFrontPath(p: string): boolean {
  if (!p.startsWith('/')) return false;
  const star = p.indexOf('*');
  return star === -1 || star === p.length - 1;
}

/** Specificity of a wildcard prefix (unknown origin): '/' count first, then length. Larger = more specific. */
export function wildcardSpecificity(prefix: string): [slashes: number, length: number] {
  let slashes = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 47) slashes++;
  return [slashes, prefix.length];
}

/**
 * Index of the first character that CloudFront cannot take literally in an invalidation path, or -1: `*` (read as
 * a wildcard) or `~` (rejected raw; `%7E` is accepted but clears nothing, aws/aws-sdk-js-v3#4042). A stale path
 * holding one must be covered by a wildcard cut before it, and no wildcard prefix may contain one.
 */
export function firstUnsendable(s: string): number {
  const star = s.indexOf('*');
  const tilde = s.indexOf('~');
  return star === -1 ? tilde : tilde === -1 || star < tilde ? star : tilde;
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, word: string): string {
  return `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** The input's limits and the counts the reason strings quote. */
export interface Summary {
  budget: number;
  /** Wildcard limit, min(maxWildcards, budget). */
  W: number;
  /** `existing` is known (collateral is counted). */
  known: boolean;
  /** Distinct stale paths. */
  nS: number;
  /** Existing non-stale paths. */
  nU: number;
  /** Distinct stale paths containing '*'. */
  nStar: number;
  /** Distinct stale paths containing '~'. */
  nTilde: number;
}

/** Node ids of the chosen wildcards and exact paths. */
export interface Solution {
  wild: number[];
  exact: number[];
}
