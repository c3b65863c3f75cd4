// The S3 errors the action tells apart, without the SDK (the lock and other callers load before it).
import type { WriteCondition } from '../../model/ports.js';

/** A write's condition did not hold (S3 412 PreconditionFailed, or 409 ConditionalRequestConflict). */
export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailed';
  constructor(
    readonly key: string,
    readonly condition: WriteCondition,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    const what = 'ifNoneMatch' in condition ? 'If-None-Match: *' : `If-Match: ${condition.ifMatch}`;
    super(`conditional write of ${key} refused (${what}; HTTP ${status})`, options);
  }
}

/**
 * Whether `err` says a conditional write's precondition did not hold: a PreconditionFailedError from putText, or
 * an SDK error with S3's 412 PreconditionFailed / 409 ConditionalRequestConflict.
 */
export function isPreconditionFailed(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } } | null | undefined;
  if (!e || typeof e !== 'object') return false;
  return (
    e.name === 'PreconditionFailed' ||
    e.name === 'ConditionalRequestConflict' ||
    e.Code === 'PreconditionFailed' ||
    e.Code === 'ConditionalRequestConflict' ||
    e.$metadata?.httpStatusCode === 412
  );
}
