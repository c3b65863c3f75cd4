// An invalidation's status as a server gave it. CloudFront answers `InProgress` and `Completed`; emulators
// (moto) answer `INPROGRESS` and `COMPLETED`. Statuses are compared without regard to case, and what the action
// reports is always the server's own word, never one it made up.

export const isCompleted = (status: string): boolean => status.toLowerCase() === 'completed';

export const isInProgress = (status: string): boolean => status.toLowerCase() === 'inprogress';

/**
 * One status for several invalidations, in a server's own words: the first one not completed, else the first one
 * (all completed); '' when there is none.
 */
export function overallStatus(statuses: readonly string[]): string {
  return statuses.find((s) => !isCompleted(s)) ?? statuses[0] ?? '';
}
