// The writes of keep-deploys and rollback-to: the history copies made before a run changes anything, and a
// rollback's restores. Every one is a server-side copy: no object body passes through the runner.
import pMap from 'p-map';
import type { DeployState } from '../model/data.js';
import type { ObjectStore } from '../model/ports.js';
import type { HistoryPlan, Restore } from '../model/history.js';
import type { DeployPlan, Facts } from '../model/stages.js';
import { withSavedCopies } from '../plan/history.js';
import { isEntryDocument } from '../plan/headers.js';
import { DeployError, describeError } from './errors.js';

/** Copies the current bytes (headers and metadata as they are: COPY) of what the run changes into the history. */
export async function preserveHistory(store: ObjectStore, history: HistoryPlan, concurrency: number, held: () => void): Promise<number> {
  const failed: string[] = [];
  await pMap(
    history.preserve,
    async (p) => {
      if (failed.length > 0) return;
      try {
        held();
        await store.copy(p.key, p.to, { size: p.size });
      } catch (err) {
        failed.push(`${p.key}: ${describeError(err)}`);
      }
    },
    { concurrency },
  );
  if (failed.length > 0) {
    throw new DeployError(
      `Keeping the history before the changes failed for ${failed.length} object(s): ${failed.slice(0, 5).join('; ')}. ` +
        `Nothing on the site was changed; re-run the job.`,
    );
  }
  return history.preserve.length;
}

/**
 * The ledger written once the history copies are made and before the first change (with the run's new demotions):
 * a crash after it loses no copy. Null when there is nothing new to record.
 */
export function earlyLedger(facts: Facts, plan: DeployPlan, newDemotions: boolean): DeployState | null {
  const h = plan.history;
  const copies = h !== undefined && h.preserve.length > 0;
  if (!copies && !newDemotions) return null;
  const base = copies ? withSavedCopies(facts.state, h) : { ...(facts.state ?? { objects: {} }), version: 3 as const };
  return newDemotions ? { ...base, demoted: plan.ledger.demoted } : base;
}

/**
 * A rollback's restores, each a copy with the target's headers (REPLACE): assets first, entry documents (HTML) last,
 * so no restored page refers to what is not back yet. `etags` is filled as S3 takes each copy.
 */
export async function restoreAll(
  store: ObjectStore,
  restores: Restore[],
  prefix: string,
  concurrency: number,
  held: () => void,
  etags: Record<string, string>,
): Promise<void> {
  const last = (r: Restore) => isEntryDocument(r.key.slice(prefix.length));
  const failed: string[] = [];
  for (const wave of [restores.filter((r) => !last(r)), restores.filter(last)]) {
    await pMap(
      wave,
      async (r) => {
        if (failed.length > 0) return;
        try {
          held();
          etags[r.key] = await store.copy(r.from, r.key, { size: r.size, replace: { headers: r.headers, md5: r.md5 } });
        } catch (err) {
          failed.push(`${r.key}: ${describeError(err)}`);
        }
      },
      { concurrency },
    );
    if (failed.length > 0) {
      const done = Object.keys(etags).length;
      throw new DeployError(
        `Restoring failed for ${failed.length} object(s): ${failed.slice(0, 5).join('; ')}. ${done} of ${restores.length} restored; ` +
          `no invalidation was sent and nothing was deleted. The owed paths are recorded: run the same rollback again to finish it.`,
      );
    }
  }
}
