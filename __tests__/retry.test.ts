// Which errors the upload retry treats as transient, and the retry loop itself.
import { isRetryable, withRetries } from '../src/io/s3/retry.js';

const err = (props: Record<string, unknown>) => Object.assign(new Error(String(props.message ?? 'x')), props);

describe('isRetryable', () => {
  it.each<[string, unknown, boolean]>([
    ['SlowDown 503', err({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } }), true],
    ['InternalError 500', err({ name: 'InternalError', $metadata: { httpStatusCode: 500 } }), true],
    ['connection reset', err({ name: 'TimeoutError', code: 'ECONNRESET' }), true],
    ['wrapped socket hang up', err({ message: 'AWS SDK error wrapper for TimeoutError: socket hang up' }), true],
    ['AccessDenied 403', err({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }), false],
    ['NoSuchBucket 404', err({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } }), false],
    ['BadDigest 400', err({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } }), false],
  ])('%s -> %s', (_n, e, expected) => {
    expect(isRetryable(e)).toBe(expected);
  });
});

describe('withRetries', () => {
  it('retries transient errors up to the attempt budget, with backoff', async () => {
    const delays: number[] = [];
    let calls = 0;
    const res = await withRetries(
      async () => {
        if (++calls < 3) throw err({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
        return 'ok';
      },
      { attempts: 6, baseDelayMs: 100, sleep: async (ms) => void delays.push(ms) },
    );
    expect(res).toBe('ok');
    expect(calls).toBe(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeLessThanOrEqual(200);
  });

  it('gives up after the budget and never retries client errors', async () => {
    let calls = 0;
    const slow = () =>
      withRetries(
        async () => {
          calls++;
          throw err({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
        },
        { attempts: 4, baseDelayMs: 1, sleep: async () => {} },
      );
    await expect(slow()).rejects.toMatchObject({ name: 'SlowDown' });
    expect(calls).toBe(4);
    calls = 0;
    const denied = () =>
      withRetries(
        async () => {
          calls++;
          throw err({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
        },
        { attempts: 4, baseDelayMs: 1, sleep: async () => {} },
      );
    await expect(denied()).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(calls).toBe(1);
  });
});
