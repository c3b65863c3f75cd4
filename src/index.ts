import { isMainThread } from 'node:worker_threads';
import { inLeanWorker } from './io/runner/lean-heap.js';

// The action runs in a worker thread whose heap is set up for a small resident set (see lean-heap.ts); the main
// thread only waits for it and passes its exit code on. The action's code (the toolkit, the AWS SDK) is loaded
// only where it runs: the waiting thread never holds a second copy of it.
if (isMainThread && (await inLeanWorker(process.argv[1]))) {
  // done: the worker ran the action
} else {
  const { run } = await import('./main.js');
  await run();
}
