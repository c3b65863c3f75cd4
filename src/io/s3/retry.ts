// Retry with backoff for requests the SDK will not retry itself: a PutObject with a stream body is
// "non-retryable" to the SDK (it cannot rewind the stream), so the caller reopens the file per attempt.
import { isRetryableByTrait, isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';

type SdkError = Parameters<typeof isServerError>[0];

const NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH']);

/** Throttling, 5xx, timeouts and connection errors; never 4xx client errors such as AccessDenied. */
export function isRetryable(err: unknown): boolean {
  const e = err as SdkError & { code?: string };
  if (e && typeof e === 'object' && typeof e.code === 'string' && NETWORK.has(e.code)) return true;
  // The SDK sometimes wraps a socket error in a plain Error ("AWS SDK error wrapper for ...") without its code.
  if (/\b(ECONNRESET|EPIPE|ETIMEDOUT|socket hang up)\b/.test(String((e as Error | undefined)?.message ?? ''))) return true;
  try {
    return isRetryableByTrait(e) || isThrottlingError(e) || isTransientError(e) || isServerError(e);
  } catch {
    return false;
  }
}

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

/** Full-jitter exponential backoff, as the AWS SDKs do. */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= opts.attempts || !isRetryable(err)) throw err;
      const cap = Math.min(opts.maxDelayMs ?? 20_000, opts.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.round(Math.random() * cap);
      opts.onRetry?.(err, attempt, delay);
      await sleep(delay);
    }
  }
}
