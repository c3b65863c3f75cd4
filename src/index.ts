import { isMainThread } from 'node:worker_threads';
import { run } from './main.js';
import { inLeanWorker } from './io/runner/lean-heap.js';

// The action runs in a worker thread whose heap is set up for a small resident set (see lean-heap.ts); the main
// thread only waits for it and passes its exit code on.
if (isMainThread && (await inLeanWorker(process.argv[1]))) {
  // done: the worker ran the action
} else {
  await run();
}
