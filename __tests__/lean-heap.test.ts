// The action runs in a worker thread with a small young generation (GitHub passes no V8 flags to `node dist/index.js`).
import fs from 'node:fs';
import path from 'node:path';
import { inLeanWorker, LEAN_HEAP_ENV, YOUNG_GENERATION_MB } from '../src/io/runner/lean-heap.js';
import { tmpDir } from './support/harness.js';

function probe(dir: string, exitCode: number): { script: string; seen: string } {
  const seen = path.join(dir, 'seen.json');
  const script = path.join(dir, 'probe.mjs');
  fs.writeFileSync(
    script,
    `import fs from 'node:fs';\nimport { isMainThread, resourceLimits } from 'node:worker_threads';\n` +
      `fs.writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ isMainThread, resourceLimits, env: process.env.${LEAN_HEAP_ENV}, input: process.env.INPUT_X }));\n` +
      `process.exitCode = ${exitCode};\n`,
  );
  return { script, seen };
}

describe('lean heap worker', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('runs the script in a worker with the small young generation, the environment, and its exit code passed on', async () => {
    const { script, seen } = probe(tmpDir('lean'), 3);
    await expect(inLeanWorker(script, { INPUT_X: 'y' })).resolves.toBe(true);
    const got = JSON.parse(fs.readFileSync(seen, 'utf8')) as {
      isMainThread: boolean;
      resourceLimits: Record<string, number>;
      env: string;
      input: string;
    };
    expect(got.isMainThread).toBe(false);
    expect(got.resourceLimits.maxYoungGenerationSizeMb).toBe(YOUNG_GENERATION_MB);
    expect(got.env).toBe('worker');
    expect(got.input).toBe('y');
    expect(process.exitCode).toBe(3);
  });

  it('a successful worker leaves the exit code alone', async () => {
    const { script } = probe(tmpDir('lean'), 0);
    await expect(inLeanWorker(script, {})).resolves.toBe(true);
    expect(process.exitCode).toBeUndefined();
  });

  it.each([
    ['inside the worker', { [LEAN_HEAP_ENV]: 'worker' }],
    ['opted out', { [LEAN_HEAP_ENV]: 'off' }],
  ])('does not start a worker %s', async (_, env) => {
    const { script, seen } = probe(tmpDir('lean'), 0);
    await expect(inLeanWorker(script, env)).resolves.toBe(false);
    expect(fs.existsSync(seen)).toBe(false);
  });
});
