// Phase timings for the log and the report.
import type { Log } from '../model/ports.js';

export async function timed<T>(name: string, timings: Record<string, number>, fn: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Date.now() - start;
  }
}

/** A log group with its duration, recorded in `timings` for the report. */
export async function phase<T>(log: Log, name: string, timings: Record<string, number>, fn: () => Promise<T>): Promise<T> {
  const start = Date.now();
  return timed(name, timings, () =>
    log.group(name, async () => {
      const result = await fn();
      log.info(`(${name}: ${((Date.now() - start) / 1000).toFixed(1)} s)`);
      return result;
    }),
  );
}
