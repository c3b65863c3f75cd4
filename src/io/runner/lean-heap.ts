// Memory that does not grow with the site. GitHub starts the action as `node dist/index.js`, with no way to pass
// V8 flags, and V8's defaults are tuned for throughput: a young generation of up to 2 x 64 MiB without pointer
// compression (Node's build), and an old generation grown up to 4x its live size between collections. On a site of
// 100,000 files that is most of the resident set. A worker thread takes its heap limits at creation
// (resourceLimits), so the action runs in one with a small young generation, and the heap grows by a fixed 20%.
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';

/** The worker's young generation (MiB): measured at 100,000 files, larger ones only add resident memory. */
export const YOUNG_GENERATION_MB = 8;
/** Heap growth between full collections (V8's `--heap-growing-percent`; default: up to 300% on a small heap). */
export const HEAP_GROWING_PERCENT = 20;

/** Set in the worker's environment so that it runs the action itself. Also an opt-out: `S3CFD_LEAN_HEAP=off`. */
export const LEAN_HEAP_ENV = 'S3CFD_LEAN_HEAP';

/**
 * Runs `script` (this bundle) in a worker with the lean heap settings and resolves with true once it has exited
 * (its exit code becomes the process's), or false (without starting one) when the caller must run the action
 * itself: inside that worker, when opted out, or without a script path.
 */
export function inLeanWorker(script: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!script || env[LEAN_HEAP_ENV] !== undefined) {
    leanFlags();
    return Promise.resolve(false);
  }
  leanFlags();
  return new Promise((resolve) => {
    const worker = new Worker(script, {
      env: { ...env, [LEAN_HEAP_ENV]: 'worker' },
      argv: process.argv.slice(2),
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.on('error', (err) => {
      process.stderr.write(`${err.stack ?? String(err)}\n`);
      process.exitCode = 1;
    });
    worker.on('exit', (code) => {
      if (code !== 0) process.exitCode = code;
      resolve(true);
    });
  });
}

/** Heap growth by a fixed factor (process-wide: V8 flags are shared by all isolates). */
function leanFlags(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
