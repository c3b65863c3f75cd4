// The hash pool: batches, and MD5s identical to a plain createHash over the bytes whichever thread hashes a file.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { batchesOf, startHashPool, type HashJob, type HashOptions } from '../src/io/fs/hash-pool.js';
import { tmpDir } from './support/harness.js';

const MiB = 1024 * 1024;
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/** MD5s of `jobs` on a pool of `workers` threads started for this call. */
async function hashAll(jobs: HashJob[], workers: number, opts: HashOptions = {}): Promise<string[]> {
  const pool = startHashPool(workers);
  try {
    return await pool.hashAll(jobs, opts);
  } finally {
    await pool.close();
  }
}

describe('batchesOf', () => {
  const jobs = (sizes: number[]): HashJob[] => sizes.map((size, i) => ({ abs: `/f${i}`, size }));
  it.each<[string, number[], [number, number][]]>([
    ['empty', [], []],
    ['one file', [10], [[0, 1]]],
    [
      '64 files per batch',
      Array<number>(130).fill(1),
      [
        [0, 64],
        [64, 128],
        [128, 130],
      ],
    ],
    [
      '4 MiB per batch',
      [3 * MiB, MiB, 1],
      [
        [0, 2],
        [2, 3],
      ],
    ],
    [
      'a large file is a batch of its own',
      [1, 50 * MiB, 1],
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    ],
  ])('%s', (_name, sizes, expected) => {
    expect(batchesOf(jobs(sizes))).toEqual(expected);
  });
  it('covers every file once, in order', () => {
    const sizes = Array.from({ length: 1000 }, (_, i) => (i * 7919) % (3 * MiB));
    const b = batchesOf(jobs(sizes));
    expect(b[0]![0]).toBe(0);
    expect(b.at(-1)![1]).toBe(sizes.length);
    for (let i = 1; i < b.length; i++) expect(b[i]![0]).toBe(b[i - 1]![1]);
  });
});

describe('hashAll', () => {
  let dir: string;
  let files: { job: HashJob; expected: string }[];
  beforeAll(() => {
    dir = tmpDir('hash-pool');
    const sizes = [0, 1, 1000, MiB - 1, MiB, MiB + 1, 3 * MiB + 7, ...Array.from({ length: 600 }, (_, i) => 100 + ((i * 104729) % 60000))];
    files = sizes.map((size, i) => {
      const abs = path.join(dir, `f${i}.bin`);
      const body = randomBytes(size);
      fs.writeFileSync(abs, body);
      return { job: { abs, size }, expected: md5(body) };
    });
  });

  it.each([0, 1, 3])('with %d worker thread(s): every MD5 equals the plain hash of the bytes, in order', async (workers) => {
    const got = await hashAll(
      files.map((f) => f.job),
      workers,
    );
    expect(got).toEqual(files.map((f) => f.expected));
  });

  it('a pool started ahead hashes on its workers once they are online (the main thread stays free), and again on a second call', async () => {
    const pool = startHashPool(2);
    try {
      // Wait for the threads to boot, as they do during the walk.
      await new Promise((r) => setTimeout(r, 300));
      const jobs = files.map((f) => f.job);
      expect(await pool.hashAll(jobs)).toEqual(files.map((f) => f.expected));
      expect(pool.batches).toEqual({ workers: batchesOf(jobs).length, main: 0 });
      expect(await pool.hashAll(jobs.slice(0, 50), { minBytesForWorkers: 0 })).toEqual(files.slice(0, 50).map((f) => f.expected));
    } finally {
      await pool.close();
    }
  });

  it('under minBytesForWorkers the main thread hashes alone', async () => {
    const pool = startHashPool(1);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const small = files.filter((f) => f.job.size < 1000).map((f) => f.job);
      await pool.hashAll(small);
      expect(pool.batches).toEqual({ workers: 0, main: batchesOf(small).length });
    } finally {
      await pool.close();
    }
  });

  it.each([0, 2])('a file that cannot be read rejects with its fs error code (%d workers)', async (workers) => {
    const pool = startHashPool(workers);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const jobs = Array.from({ length: 200 }, (_, i) => ({ abs: path.join(dir, `missing-${i}`), size: 10 }));
      await expect(pool.hashAll(jobs, { minBytesForWorkers: 0 })).rejects.toMatchObject({ code: 'ENOENT' });
      expect(workers === 0 ? pool.batches.main : pool.batches.workers).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('reports each batch hashed: the counts add up to the files', async () => {
    const small = tmpDir('hash-pool-progress');
    const jobs = Array.from({ length: 2500 }, (_, i) => {
      const abs = path.join(small, `p${i}`);
      fs.writeFileSync(abs, String(i));
      return { abs, size: String(i).length };
    });
    const seen: number[] = [];
    await hashAll(jobs, 1, { minBytesForWorkers: 0, onBatch: (n) => seen.push(n) });
    expect(seen).toHaveLength(batchesOf(jobs).length);
    expect(seen.reduce((a, b) => a + b, 0)).toBe(2500);
  });
});

describe('walkSource hashes while it walks', () => {
  it.each([0, 1, 2])('a tree of 4,000 files in 200 folders (hash workers %d): every MD5 right and in order', async (workers) => {
    const root = tmpDir(`walk-hash-${workers}`);
    const expected = new Map<string, string>();
    for (let d = 0; d < 200; d++) {
      fs.mkdirSync(path.join(root, `d${d}`));
      for (let f = 0; f < 20; f++) {
        const rel = `d${d}/f${f}.txt`;
        const body = randomBytes(50 + ((d * 31 + f * 7) % 3000));
        fs.writeFileSync(path.join(root, rel), body);
        expected.set(rel, md5(body));
      }
    }
    const { walkSource } = await import('../src/io/fs/walk.js');
    const { makeFileFilter } = await import('../src/plan/filter.js');
    const progress: number[] = [];
    const r = await walkSource(root, {
      filter: makeFileFilter([], []),
      manifestGlobs: [],
      hashWorkers: workers,
      onProgress: (n) => progress.push(n),
    });
    expect(r.files).toHaveLength(4000);
    // Once per thousand files hashed.
    expect(progress.map((n) => Math.floor(n / 1000))).toEqual([1, 2, 3, 4]);
    for (const f of r.files) expect(f.md5).toBe(expected.get(f.path));
    expect(r.files.map((f) => f.path)).toEqual([...r.files.map((f) => f.path)].sort());
  });
});
