// verify-url: which invalidated URLs to fetch after the invalidation completed. Pure.
import type { VerifyTarget } from '../model/data.js';
import { isExactPath } from '../model/site-url.js';

/**
 * A bounded, deterministic sample: targets deduplicated by path (the first occurrence wins), wildcard or
 * relative paths dropped, sorted by path (code-unit order), then `max` evenly spaced entries (the first is
 * always included). Same input set -> same output, whatever the input order (except which duplicate wins).
 */
export function chooseSample(targets: VerifyTarget[], max: number): VerifyTarget[] {
  const limit = Number.isFinite(max) ? Math.floor(max) : 0;
  if (limit <= 0) return [];
  const byPath = new Map<string, VerifyTarget>();
  for (const t of targets) {
    if (!isExactPath(t.path) || byPath.has(t.path)) continue;
    byPath.set(t.path, t);
  }
  const sorted = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const n = sorted.length;
  if (n <= limit) return sorted;
  const out: VerifyTarget[] = [];
  for (let i = 0; i < limit; i++) out.push(sorted[Math.floor((i * n) / limit)]!);
  return out;
}
