// Plain advice for the summary: what made this invalidation cost more than it had to. Pure.
import { USD_PER_PATH } from '../model/limits.js';
import type { InvalidationPlan } from './invalidation.js';

const ASSET = /\.(m?js|css|png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|otf)$/i;

export function adviseInvalidation(plan: InvalidationPlan, budget: number): string[] {
  const out: string[] = [];
  // Assets that were overwritten in place: a content hash in their name would make them never stale.
  const mutableAssets = plan.stale.filter((s) => s.reason === 'overwritten' && ASSET.test(s.path)).map((s) => s.path);
  if (mutableAssets.length > 0) {
    const shown = mutableAssets.slice(0, 5).join(', ');
    out.push(
      `${mutableAssets.length} asset(s) changed in place and had to be invalidated (${shown}${mutableAssets.length > 5 ? ', ...' : ''}): ` +
        `up to $${(mutableAssets.length * USD_PER_PATH).toFixed(3)} this run past the free tier. Fingerprint them in the build ` +
        `(a content hash in the file name) and they get immutable caching and never need invalidating.`,
    );
  }
  const collateral = plan.cover?.collateral ?? 0;
  if (collateral > 0) {
    const wild = plan.cover!.paths.filter((p) => p.wildcard).length;
    out.push(
      `max-paths ${budget} forced ${wild} wildcard(s) that also evict ${collateral} unchanged cached object(s). ` +
        (plan.zeroCollateralBudget !== null
          ? `max-paths: ${plan.zeroCollateralBudget} would have sent a cover with no collateral (${plan.zeroCollateralBudget - budget} more billed paths at most).`
          : `No budget within CloudFront's 3,000 paths per batch avoids it.`),
    );
  }
  return out;
}

export interface DirectoryRow {
  dir: string;
  stale: number;
  /** Fingerprinted files uploaded or deleted: changed, but never invalidated. */
  fingerprinted: number;
  collateral: number;
}

/** Per top-level directory: stale URLs, fingerprinted changes that needed no invalidation, collateral. */
export function directoryRows(
  stale: { path: string }[],
  fingerprintedChanges: string[],
  wildcards: { path: string; collateral: number | null }[],
): DirectoryRow[] {
  const rows = new Map<string, DirectoryRow>();
  const row = (urlPath: string) => {
    const seg = urlPath.split('/')[1] ?? '';
    const dir = urlPath.indexOf('/', 1) > 0 ? `/${seg}/` : '/';
    let r = rows.get(dir);
    if (!r) rows.set(dir, (r = { dir, stale: 0, fingerprinted: 0, collateral: 0 }));
    return r;
  };
  for (const s of stale) row(s.path).stale++;
  for (const f of fingerprintedChanges) row(`/${f}`).fingerprinted++;
  for (const w of wildcards) row(w.path).collateral += w.collateral ?? 0;
  return [...rows.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}
