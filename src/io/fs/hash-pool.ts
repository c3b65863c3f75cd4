// MD5 of many files on the other cores: worker threads take batches of files from one queue while the main
// thread walks the tree and serves the bucket listing (it hashes only until a thread is online, or alone for a
// small site or a single core). Every thread reads through one reused 1 MiB buffer: no allocation per file, and
// memory does not grow with file size. One worker per further core, at most 3: measured on 2 cores, a second
// worker made the 20,000-file redeploy slower (5.88 s vs 4.75 s), the cores being shared with the listing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

export interface HashJob {
  abs: string;
  size: number;
}

export interface HashOptions {
  /** Called with the number of files of each batch hashed. */
  onBatch?: (files: number) => void;
  /** Less than this many bytes in all is hashed on the main thread alone (default 8 MiB). */
  minBytesForWorkers?: number;
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
function defaultWorkers(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(3, cores - 1));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface PoolWorker {
  worker: Worker;
  /** Set when the thread is online (read synchronously). */
  ready: boolean;
  exited?: boolean;
  /** The batch it is hashing. */
  task: Task | null;
}

interface Task {
  jobs: HashJob[];
  resolve: (md5s: string[]) => void;
  reject: (err: Error) => void;
}

/**
 * Worker threads started ahead of the work (a thread takes 30-150 ms to boot: started before the walk, it is
 * ready when the first files are found). Batches queue up as they are submitted and go to whichever thread is
 * free; the main thread takes them only while no worker is online, leaving it to the bucket listing that runs
 * at the same time. `close()` ends the threads.
 */
export interface HashPool {
  /** MD5s of `jobs`, in order; a file that cannot be read rejects with its fs error (code kept). */
  hashAll(jobs: readonly HashJob[], opts?: HashOptions): Promise<string[]>;
  close(): Promise<void>;
  /** Batches hashed so far by the worker threads and by the main thread. */
  readonly batches: { workers: number; main: number };
}

export function startHashPool(workers = defaultWorkers()): HashPool {
  const threads: PoolWorker[] = [];
  const queue: Task[] = [];
  const counts = { workers: 0, main: 0 };
  const ready = () => threads.some((t) => t.ready && !t.exited);

  const dispatch = () => {
    for (const t of threads) {
      if (!t.ready || t.exited || t.task || queue.length === 0) continue;
      t.task = queue.shift()!;
      t.worker.postMessage(t.task.jobs.map((j) => ({ abs: j.abs, size: j.size })));
    }
  };
  for (let i = 0; i < workers; i++) {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: WORKER_LIMITS });
    } catch {
      break; // no threads here: the main thread hashes
    }
    const t: PoolWorker = { worker, ready: false, task: null };
    worker.once('online', () => {
      t.ready = true;
      dispatch();
    });
    worker.on('message', (msg: { md5s?: string[]; error?: { message: string; code?: string } }) => {
      const task = t.task;
      t.task = null;
      if (task) {
        if (msg.md5s) {
          counts.workers++;
          task.resolve(msg.md5s);
        } else task.reject(Object.assign(new Error(msg.error?.message ?? 'hash worker: no result'), { code: msg.error?.code }));
      }
      dispatch();
    });
    const lost = () => {
      // A thread that has ended is never given work again; its batch goes back to the queue.
      t.exited = true;
      if (t.task) queue.unshift(t.task);
      t.task = null;
      if (!ready()) void drainOnMain();
    };
    worker.on('error', lost);
    worker.once('exit', lost);
    threads.push(t);
  }

  let draining = false;
  async function drainOnMain(): Promise<void> {
    if (draining) return;
    draining = true;
    try {
      while (queue.length > 0 && !ready()) {
        const task = queue.shift()!;
        try {
          task.resolve(task.jobs.map(hashSync));
          counts.main++;
        } catch (err) {
          task.reject(err as Error);
        }
        await yieldToEventLoop();
      }
    } finally {
      draining = false;
    }
  }

  return {
    hashAll: async (jobs, opts = {}) => {
      const batches = batchesOf(jobs);
      const bytes = jobs.reduce((sum, j) => sum + j.size, 0);
      const progress = (n: number) => opts.onBatch?.(n);
      if (bytes < (opts.minBytesForWorkers ?? MIN_BYTES_FOR_WORKERS) || threads.every((t) => t.exited)) {
        // Small: the main thread alone, in batches with the event loop running between them.
        const md5s: string[] = [];
        for (const [start, end] of batches) {
          for (let i = start; i < end; i++) md5s.push(hashSync(jobs[i]!));
          counts.main++;
          progress(end - start);
          await yieldToEventLoop();
        }
        return md5s;
      }
      const parts = batches.map(
        ([start, end]) =>
          new Promise<string[]>((resolve, reject) => {
            queue.push({
              jobs: jobs.slice(start, end),
              resolve: (m) => {
                progress(m.length);
                resolve(m);
              },
              reject,
            });
          }),
      );
      dispatch();
      if (!ready()) void drainOnMain();
      return (await Promise.all(parts)).flat();
    },
    close: async () => {
      queue.length = 0;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
    batches: counts,
  };
}
