// MD5 of many files on every core: the main thread and up to `workers` worker threads take batches of files
// from one queue, so hashing uses the cores while the main thread also serves the bucket listing. Every thread
// reads through one reused 1 MiB buffer: no allocation per file, and memory does not grow with file size.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

export interface HashJob {
  abs: string;
  size: number;
}

export interface HashOptions {
  onProgress?: (hashed: number) => void;
  /** Less than this many bytes in all is hashed on the main thread alone (default 8 MiB). */
  minBytesForWorkers?: number;
}

export interface HashPoolOptions extends HashOptions {
  /** Worker threads besides the main thread. Default: one per further core, at most 3; none for small sites. */
  workers?: number;
}

const SLICE = 1024 * 1024;
const BATCH_FILES = 64;
const BATCH_BYTES = 4 * 1024 * 1024;
/** Below this much to hash, a worker's start-up (~30 ms) costs more than it saves. */
const MIN_BYTES_FOR_WORKERS = 8 * 1024 * 1024;

/** What a worker runs: the same reading and hashing as hashSync below, as plain CommonJS. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const slice = Buffer.allocUnsafe(${SLICE});
function md5Of(job) {
  const h = createHash('md5');
  const fd = fs.openSync(job.abs, 'r');
  try {
    let n;
    while ((n = fs.readSync(fd, slice, 0, slice.length, null)) > 0) h.update(slice.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}
parentPort.on('message', (jobs) => {
  try {
    parentPort.postMessage({ md5s: jobs.map(md5Of) });
  } catch (err) {
    parentPort.postMessage({ error: { message: err.message, code: err.code } });
  }
});
`;

/** The worker only hashes through its one buffer: a small heap keeps its resident memory small. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 };

let mainSlice: Buffer | null = null;
function hashSync(job: HashJob): string {
  const slice = (mainSlice ??= Buffer.allocUnsafe(SLICE));
  const h = createHash('md5');
  const fd = fs.openSync(job.abs, 'r');
  try {
    let n: number;
    while ((n = fs.readSync(fd, slice, 0, slice.length, null)) > 0) h.update(slice.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

/** Consecutive runs of files, at most BATCH_FILES or BATCH_BYTES each (a large file is a batch of its own). */
export function batchesOf(jobs: readonly HashJob[]): [start: number, end: number][] {
  const out: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < jobs.length; i++) {
    if (i > start && (i - start >= BATCH_FILES || bytes + jobs[i]!.size > BATCH_BYTES)) {
      out.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += jobs[i]!.size;
  }
  if (start < jobs.length) out.push([start, jobs.length]);
  return out;
}

/** One worker per core beyond the first, at most 3. */
export function defaultWorkers(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(3, cores - 1));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface PoolWorker {
  worker: Worker;
  online: Promise<boolean>;
  /** Set when `online` resolved true (read synchronously by the main thread's loop). */
  ready: boolean;
  exited?: boolean;
}

/**
 * Worker threads started ahead of the work (a thread takes 30-150 ms to boot: started before the walk, it is
 * ready when the files are). `close()` ends them; hashAll can run any number of times in between.
 */
export interface HashPool {
  hashAll(jobs: readonly HashJob[], opts?: HashOptions): Promise<string[]>;
  close(): Promise<void>;
  /** Batches hashed so far by the worker threads and by the main thread. */
  readonly batches: { workers: number; main: number };
}

export function startHashPool(workers = defaultWorkers()): HashPool {
  const pool: PoolWorker[] = [];
  for (let i = 0; i < workers; i++) {
    try {
      const worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: WORKER_LIMITS });
      const entry: PoolWorker = { worker, online: Promise.resolve(false), ready: false };
      entry.online = new Promise<boolean>((resolve) => {
        worker.once('online', () => resolve((entry.ready = true)));
        worker.once('error', () => resolve(false));
        worker.once('exit', () => resolve(false));
      });
      // A thread that has ended is never given work (it would never answer).
      worker.once('exit', () => (entry.exited = true));
      pool.push(entry);
    } catch {
      break; // no threads here: the main thread hashes
    }
  }
  const batches = { workers: 0, main: 0 };
  return {
    hashAll: (jobs, opts = {}) => hashWith(pool, jobs, opts, batches),
    close: async () => {
      await Promise.all(pool.map((p) => p.worker.terminate()));
    },
    batches,
  };
}

/** The hex MD5 of each file, in order, on a pool started for this call alone. */
export async function hashAll(jobs: readonly HashJob[], opts: HashPoolOptions = {}): Promise<string[]> {
  const bytes = jobs.reduce((sum, j) => sum + j.size, 0);
  const pool = startHashPool(opts.workers ?? (bytes < (opts.minBytesForWorkers ?? MIN_BYTES_FOR_WORKERS) ? 0 : defaultWorkers()));
  try {
    return await pool.hashAll(jobs, opts);
  } finally {
    await pool.close();
  }
}

/**
 * Batches go to whichever thread is free. The main thread hashes only until a worker is online (or alone, for
 * less than MIN_BYTES_FOR_WORKERS): it is left free for the bucket listing, which runs at the same time.
 * A file that cannot be read rejects with its fs error (code kept).
 */
async function hashWith(
  pool: PoolWorker[],
  jobs: readonly HashJob[],
  opts: HashOptions,
  counts: { workers: number; main: number },
): Promise<string[]> {
  const md5s: string[] = new Array<string>(jobs.length);
  const batches = batchesOf(jobs);
  const bytes = jobs.reduce((sum, j) => sum + j.size, 0);
  const workers = bytes < (opts.minBytesForWorkers ?? MIN_BYTES_FOR_WORKERS) ? [] : pool.filter((p) => !p.exited);
  const onProgress = opts.onProgress;
  let next = 0;
  let hashed = 0;
  let workerOnline = workers.some((p) => p.ready && !p.exited);
  const done = (count: number) => {
    const before = hashed;
    hashed += count;
    if (onProgress && Math.floor(hashed / 1000) > Math.floor(before / 1000)) onProgress(hashed);
  };
  const workersDone = workers.map(async (p) => {
    if (!(await p.online) || p.exited) return;
    workerOnline = true;
    await runWorker(p.worker);
  });
  const mainDone = (async () => {
    while (next < batches.length && !workerOnline) {
      const [start, end] = batches[next++]!;
      for (let i = start; i < end; i++) md5s[i] = hashSync(jobs[i]!);
      counts.main++;
      done(end - start);
      await yieldToEventLoop();
    }
  })();
  await Promise.all([mainDone, ...workersDone]);
  // Every worker failed to start after the main thread stopped: it finishes the rest.
  while (next < batches.length) {
    const [start, end] = batches[next++]!;
    for (let i = start; i < end; i++) md5s[i] = hashSync(jobs[i]!);
    done(end - start);
    await yieldToEventLoop();
  }
  return md5s;

  function runWorker(w: Worker): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let current: [number, number] | null = null;
      const stop = () => {
        w.off('message', onMessage);
        w.off('error', reject);
        w.off('exit', onExit);
      };
      const give = () => {
        if (next >= batches.length) {
          current = null;
          stop();
          resolve();
          return;
        }
        current = batches[next++]!;
        w.postMessage(jobs.slice(current[0], current[1]).map((j) => ({ abs: j.abs, size: j.size })));
      };
      const onMessage = (msg: { md5s?: string[]; error?: { message: string; code?: string } }) => {
        if (msg.error || !msg.md5s || !current) {
          stop();
          reject(Object.assign(new Error(msg.error?.message ?? 'hash worker: no result'), { code: msg.error?.code }));
          return;
        }
        msg.md5s.forEach((m, k) => (md5s[current![0] + k] = m));
        counts.workers++;
        done(current[1] - current[0]);
        give();
      };
      const onExit = (code: number) => {
        stop();
        reject(new Error(`hash worker exited (${code}) before finishing`));
      };
      w.on('message', onMessage);
      w.on('error', reject);
      w.on('exit', onExit);
      give();
    });
  }
}
