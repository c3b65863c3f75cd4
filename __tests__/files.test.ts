// Walking and hashing a real build directory (src/io/fs/walk.ts).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { absPathOf, hashFile, walkSource, type WalkOptions, type WalkResult } from '../src/io/fs/walk.js';
import { makeFileFilter } from '../src/plan/filter.js';

const md5 = (b: string | Buffer) => createHash('md5').update(b).digest('hex');

/** S3 multipart ETag computed independently: md5 of the concatenated binary part digests, then -N. */
function expectedMultipartEtag(data: Buffer, partSize: number): string {
  const digests: Buffer[] = [];
  for (let off = 0; off < data.length; off += partSize)
    digests.push(
      createHash('md5')
        .update(data.subarray(off, off + partSize))
        .digest(),
    );
  return `${createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${digests.length}`;
}

const SECRET = 'TOP SECRET: aws_secret_access_key=abc123';
const MiB = 1024 * 1024;
const PART = MiB + 7; // deliberately not aligned with the 1 MiB read chunks
const BIG = randomBytes(2 * PART + 12345);

let tmp: string;
let site: string;
let outside: string;

function put(rel: string, body: string | Buffer) {
  const abs = path.join(site, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, body);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scd-files-'));
  site = path.join(tmp, 'site');
  outside = path.join(tmp, 'outside');
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET);

  put('index.html', '<h1>home</h1>');
  put('docs/index.html', '<h1>docs</h1>');
  put('docs/a b.html', 'space');
  put('caf\u00e9.html', 'unicode');
  put('big.bin', BIG);
  put('empty.txt', '');
  put('.git/config', '[core]\n');
  put('.git/HEAD', 'ref: refs/heads/main\n');
  put('.env', SECRET);
  put('.env.local', SECRET);
  put('.DS_Store', 'junk');
  put('docs/.DS_Store', 'junk');
  put('.well-known/security.txt', 'Contact: mailto:security@example.com');
  put('.nojekyll', '');
  put('.s3-cloudfront-deploy/journal.json', '{}');
  put('assets/manifest.json', '{"app.js":"app-1a2b3c4d.js"}');
  put('.vite/manifest.json', '{"main.js":{"file":"assets/main-abcdef12.js"}}');

  fs.symlinkSync('../outside/secret.txt', path.join(site, 'leak.txt')); // relative, leaves the dir
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(site, 'abs-leak.txt')); // absolute, leaves the dir
  fs.symlinkSync('../outside', path.join(site, 'leakdir')); // directory outside
  fs.symlinkSync('index.html', path.join(site, 'alias.html')); // file inside
  fs.symlinkSync('does-not-exist', path.join(site, 'broken'));
  fs.symlinkSync('..', path.join(site, 'docs', 'up')); // loop back to the root
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function opts(over: Partial<WalkOptions> = {}): WalkOptions {
  return {
    filter: makeFileFilter([], []),
    manifestGlobs: ['**/manifest.json', '.vite/manifest.json'],
    ...over,
  };
}

const deployed = (r: WalkResult) => r.files.map((f) => f.path).sort();
const skippedMap = (r: WalkResult) => Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));

describe('walkSource with the default filter', () => {
  let r: WalkResult;
  beforeAll(async () => {
    r = await walkSource(site, opts());
  });

  it('deploys ordinary files, .well-known and in-tree file symlinks; nothing hidden, reserved or outside', () => {
    expect(deployed(r)).toEqual(
      [
        '.well-known/security.txt',
        'alias.html',
        'assets/manifest.json',
        'big.bin',
        'caf\u00e9.html',
        'docs/a b.html',
        'docs/index.html',
        'empty.txt',
        'index.html',
      ].sort(),
    );
  });

  it('reports every skipped entry with its reason', () => {
    expect(skippedMap(r)).toEqual({
      '.DS_Store': 'dotfile',
      '.env': 'dotfile',
      '.env.local': 'dotfile',
      '.git/': 'dotfile',
      '.nojekyll': 'dotfile',
      '.s3-cloudfront-deploy/': 'reserved-prefix',
      '.vite/': 'dotfile',
      'abs-leak.txt': 'symlink-outside',
      broken: 'symlink-outside',
      'docs/.DS_Store': 'dotfile',
      'leak.txt': 'symlink-outside',
      leakdir: 'symlink-outside',
    });
  });

  it('nothing of the secret outside the dir, .env or .git ends up in the result', () => {
    const secretMd5 = md5(SECRET);
    expect(r.files.some((f) => f.md5 === secretMd5)).toBe(false);
    expect(r.files.some((f) => f.path.includes('secret') || f.path.startsWith('.git'))).toBe(false);
    expect(JSON.stringify(r)).not.toContain('TOP SECRET');
  });

  it('warns about symlinks that leave the dir and broken ones', () => {
    expect(r.warnings.some((w) => w.message.includes('leak.txt') && w.message.includes('outside'))).toBe(true);
    // Each names the link it is about (the annotation's file).
    for (const w of r.warnings) expect(w.message).toContain(w.path);
    expect(r.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['leak.txt', 'abs-leak.txt']));
    expect(r.warnings.some((w) => w.message.includes('abs-leak.txt'))).toBe(true);
    expect(r.warnings.some((w) => w.message.includes('leakdir'))).toBe(true);
    expect(r.warnings.some((w) => w.message.includes('broken'))).toBe(true);
  });

  it("an in-tree symlink is deployed with the target's content under the link's name", () => {
    const alias = r.files.find((f) => f.path === 'alias.html');
    expect(alias).toEqual({ path: 'alias.html', size: 13, md5: md5('<h1>home</h1>') });
  });

  it('a symlink loop inside the tree terminates and deploys nothing twice', () => {
    expect(r.files.some((f) => f.path.startsWith('docs/up/'))).toBe(false);
    expect(new Set(r.files.map((f) => f.path)).size).toBe(r.files.length);
  });

  it('sizes and md5s of small files', () => {
    const byPath = Object.fromEntries(r.files.map((f) => [f.path, f]));
    expect(byPath['index.html']).toEqual({ path: 'index.html', size: 13, md5: md5('<h1>home</h1>') });
    expect(byPath['empty.txt']).toEqual({ path: 'empty.txt', size: 0, md5: 'd41d8cd98f00b204e9800998ecf8427e' });
    expect(byPath['caf\u00e9.html']).toEqual({ path: 'caf\u00e9.html', size: 7, md5: md5('unicode') });
  });

  it('a large (streamed) file gets its MD5 and no multipart ETag: that is computed only when an object needs it', () => {
    const big = r.files.find((f) => f.path === 'big.bin');
    expect(big).toEqual({ path: 'big.bin', size: BIG.length, md5: md5(BIG) });
    expect(r.files.filter((f) => f.multipartEtag !== undefined)).toEqual([]);
  });

  it('reads manifests, including one in a hidden dir that is not deployed', () => {
    expect(r.manifests).toEqual({
      'assets/manifest.json': '{"app.js":"app-1a2b3c4d.js"}',
      '.vite/manifest.json': '{"main.js":{"file":"assets/main-abcdef12.js"}}',
    });
  });
});

describe('walkSource with include patterns', () => {
  it('an explicit .nojekyll include deploys it; .env, .DS_Store and .git stay home', async () => {
    const r = await walkSource(site, opts({ filter: makeFileFilter(['**/*', '.nojekyll'], []) }));
    const files = deployed(r);
    expect(files).toContain('.nojekyll');
    expect(files).toContain('index.html');
    expect(files).toContain('docs/index.html');
    for (const hidden of ['.env', '.env.local', '.DS_Store', 'docs/.DS_Store', '.git/config', '.git/HEAD', '.vite/manifest.json']) {
      expect(files).not.toContain(hidden);
    }
    expect(files.some((f) => f.startsWith('.s3-cloudfront-deploy/'))).toBe(false);
    expect(skippedMap(r)['.env']).toBe('dotfile');
  });

  it('.git is not deployed even when an include pattern names it', async () => {
    const r = await walkSource(site, opts({ filter: makeFileFilter(['**/*', '.git/**', '.env'], []) }));
    const files = deployed(r);
    expect(files.filter((f) => f.startsWith('.git/'))).toEqual([]);
    expect(files).toContain('.env'); // explicitly named, so deployed
  });

  it('exclude globs skip files with reason excluded', async () => {
    const r = await walkSource(site, opts({ filter: makeFileFilter([], ['**/*.bin', 'docs/**']) }));
    expect(deployed(r)).not.toContain('big.bin');
    expect(deployed(r).some((f) => f.startsWith('docs/'))).toBe(false);
    expect(skippedMap(r)['big.bin']).toBe('excluded');
    expect(skippedMap(r)['docs/index.html']).toBe('excluded');
  });
});

describe('walkSource on a symlinked source-dir', () => {
  it('follows a source-dir that is itself a symlink', async () => {
    const link = path.join(tmp, 'site-link');
    fs.symlinkSync(site, link);
    const r = await walkSource(link, opts());
    expect(deployed(r)).toContain('index.html');
    expect(deployed(r)).not.toContain('leak.txt');
  });
});

describe('hashFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scd-hash-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, data: Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  };

  it('md5 only without a part size', async () => {
    const data = randomBytes(3 * MiB + 1);
    expect(await hashFile(file('plain.bin', data))).toEqual({ md5: md5(data) });
  });

  it.each<[string, number, number, number]>([
    ['part size aligned with read chunks', 5 * MiB, MiB, 5],
    ['exact multiple of an unaligned part size', 3 * (MiB + 3), MiB + 3, 3],
    ['one byte over a part', MiB + 1, MiB, 2],
    ['parts smaller than read chunks', 10_000, 999, 11],
    ['part larger than the file', 1000, MiB, 1],
    ['part size 5 MiB (S3 minimum), 12 MiB + 1 file', 12 * MiB + 1, 5 * MiB, 3],
  ])('multipart ETag: %s', async (_label, size, partSize, parts) => {
    const data = randomBytes(size);
    const h = await hashFile(file(`mp-${size}-${partSize}.bin`, data), partSize);
    expect(h.md5).toBe(md5(data));
    expect(h.multipartEtag).toBe(expectedMultipartEtag(data, partSize));
    expect(h.multipartEtag!.endsWith(`-${parts}`)).toBe(true);
  });

  it('an empty file has the empty md5 and no multipart ETag', async () => {
    expect(await hashFile(file('empty.bin', Buffer.alloc(0)), MiB)).toEqual({ md5: 'd41d8cd98f00b204e9800998ecf8427e' });
  });

  it('the multipart ETag differs from the plain md5 and changes with the part size', async () => {
    const data = randomBytes(3 * MiB);
    const p = file('ps.bin', data);
    const a = await hashFile(p, MiB);
    const b = await hashFile(p, 2 * MiB);
    expect(a.multipartEtag).not.toBe(b.multipartEtag);
    expect(a.multipartEtag!.slice(0, 32)).not.toBe(a.md5);
    expect(a.multipartEtag).toBe(expectedMultipartEtag(data, MiB));
    expect(b.multipartEtag).toBe(expectedMultipartEtag(data, 2 * MiB));
  });
});

describe('absPathOf', () => {
  it('joins POSIX relative paths under the source dir', () => {
    expect(absPathOf('/srv/site', 'docs/a b.html')).toBe(path.join('/srv/site', 'docs', 'a b.html'));
  });
});

describe('walkSource: symlinks inside the tree', () => {
  it('deploys both names of a directory linked under a second name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3cfd-alias-'));
    fs.mkdirSync(path.join(dir, 'v2'));
    fs.writeFileSync(path.join(dir, 'v2', 'index.html'), 'v2');
    fs.symlinkSync('v2', path.join(dir, 'latest'));
    const r = await walkSource(dir, opts());
    expect(deployed(r)).toEqual(['latest/index.html', 'v2/index.html']);
  });

  it('never publishes a hidden target through a link with an ordinary name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3cfd-hidden-'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git', 'config'), 'url = https://token@github.com/x');
    fs.writeFileSync(path.join(dir, '.env'), 'SECRET=1');
    fs.writeFileSync(path.join(dir, 'index.html'), 'ok');
    fs.symlinkSync('.git', path.join(dir, 'gitlink'));
    fs.symlinkSync('.env', path.join(dir, 'env.txt'));
    const r = await walkSource(dir, opts());
    expect(deployed(r)).toEqual(['index.html']);
    expect(skippedMap(r)).toMatchObject({ gitlink: 'dotfile', 'env.txt': 'dotfile' });
  });
});
