// MD5 of many files on every core: the main thread and up to `workers` worker threads take batches of files
// from one queue, so hashing uses the cores while the main thread also serves the bucket listing. Files are
// read whole up to 1 MiB and in 1 MiB slices beyond (memory does not grow with file size).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

export interface HashJob {
  abs: string;
  size: number;
}

export interface HashPoolOptions {
  /** Worker threads besides the main thread. Default: one per further core, at most 3; none for small sites. */
  workers?: number;
  onProgress?: (hashed: number) => void;
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
  if (job.size <= ${SLICE}) return createHash('md5').update(fs.readFileSync(job.abs)).digest('hex');
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

let mainSlice: Buffer | null = null;
function hashSync(job: HashJob): string {
  if (job.size <= SLICE) return createHash('md5').update(fs.readFileSync(job.abs)).digest('hex');
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

export function defaultWorkers(jobs: readonly HashJob[]): number {
  const bytes = jobs.reduce((sum, j) => sum + j.size, 0);
  if (bytes < MIN_BYTES_FOR_WORKERS) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(3, cores - 1));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The hex MD5 of each file, in order. A file that cannot be read rejects with its fs error (code kept). */
export async function hashAll(jobs: readonly HashJob[], opts: HashPoolOptions = {}): Promise<string[]> {
  const md5s: string[] = new Array<string>(jobs.length);
  const batches = batchesOf(jobs);
  let next = 0;
  let hashed = 0;
  const done = (count: number) => {
    const before = hashed;
    hashed += count;
    if (opts.onProgress && Math.floor(hashed / 1000) > Math.floor(before / 1000)) opts.onProgress(hashed);
  };
  const workerCount = Math.min(opts.workers ?? defaultWorkers(jobs), Math.max(0, batches.length - 1));
  const workers: Worker[] = [];
  try {
    const workersDone = Array.from({ length: workerCount }, () => {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      workers.push(w);
      return runWorker(w);
    });
    // The main thread takes batches too, yielding between them so listing responses (and workers) are served.
    const mainDone = (async () => {
      while (next < batches.length) {
        const [start, end] = batches[next++]!;
        for (let i = start; i < end; i++) md5s[i] = hashSync(jobs[i]!);
        done(end - start);
        await yieldToEventLoop();
      }
    })();
    await Promise.all([mainDone, ...workersDone]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return md5s;

  function runWorker(w: Worker): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let current: [number, number] | null = null;
      const give = () => {
        if (next >= batches.length) {
          current = null;
          resolve();
          return;
        }
        current = batches[next++]!;
        w.postMessage(jobs.slice(current[0], current[1]).map((j) => ({ abs: j.abs, size: j.size })));
      };
      w.on('message', (msg: { md5s?: string[]; error?: { message: string; code?: string } }) => {
        if (msg.error || !msg.md5s || !current) {
          reject(Object.assign(new Error(msg.error?.message ?? 'hash worker: no result'), { code: msg.error?.code }));
          return;
        }
        msg.md5s.forEach((m, k) => (md5s[current![0] + k] = m));
        done(current[1] - current[0]);
        give();
      });
      w.on('error', reject);
      w.on('exit', (code) => {
        if (current) reject(new Error(`hash worker exited (${code}) before finishing`));
      });
      w.once('online', give);
    });
  }
}
