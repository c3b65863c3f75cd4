// Fingerprint classifier: is a build file's NAME content-hashed by its bundler?
//
// A fingerprinted file gets a new name whenever its content changes, so it may be cached
// `immutable, max-age=31536000` and never needs a CloudFront invalidation. A false positive gives a
// mutable file a one-year immutable cache, so every rule here prefers a miss to a wrong hit.
//
// Pure: plain data in, plain data out (no fs, no process.env). Evidence, strongest first:
//   1. the user's `fingerprint-patterns` globs;
//   2. never: HTML documents and `.well-known/` (entry URLs must stay mutable);
//   3. bundler manifests (`.vite/manifest.json`, CRA `asset-manifest.json`, webpack-manifest-plugin);
//   4. directories whose framework guarantees hashed names (`_next/static/`, `_app/immutable/`, ...);
//   5. the name itself: a hash token right before the extension, in a format some bundler emits;
//   6. history: name shapes learned from earlier deploys (`fingerprint-history.ts`).
// Above all of them, a `demoted` path (its name was reused with new content) is never fingerprinted.

import picomatch from 'picomatch';
import type { FingerprintVerdict } from '../model/data.js';
import { matchesShape, type LearnedShape } from './fingerprint-history.js';
import { DATE8, isNumberish, isPlainPart, letterClasses, looksEnglish, readsAsWords, readsAsWordsAndNumbers } from './fingerprint/words.js';

export interface FingerprintInput {
  /** All file paths of the build, relative to the build dir, POSIX separators. */
  files: string[];
  /** Contents of manifest files found in the build, keyed by their relative path (the caller reads files whose paths match MANIFEST_GLOBS). */
  manifests: Record<string, string>;
  /** Extra user globs (picomatch syntax, relative paths) of files to treat as fingerprinted. */
  userPatterns?: string[];
  /** Name shapes proven by deploy history to carry a content hash (see `fingerprint-history.ts`). */
  learned?: LearnedShape[];
  /** Paths whose name was seen reused with new content: never fingerprinted, whatever else says so. */
  demoted?: ReadonlySet<string>;
}

/**
 * Manifest files the caller should read and pass in `manifests` (relative paths or picomatch globs).
 * - `.vite/manifest.json`: Vite >= 5 with `build.manifest` (a hidden dir, so also listed literally).
 * - `**\/.vite/manifest.json`: the same when the Vite outDir is a subfolder of the deployed dir.
 * - `manifest.json`: Vite <= 4 and webpack-manifest-plugin's default name. Usually it is a PWA web app
 *   manifest instead; that shape is recognised and ignored.
 * - `asset-manifest.json`: create-react-app (and react-scripts forks).
 * Not listed: Next.js `build-manifest.json` lives in `.next/`, not in the `out/` of a static export, and
 * everything it could list is under `_next/static/`, which the directory rule covers anyway.
 */
export const MANIFEST_GLOBS: string[] = ['.vite/manifest.json', '**/.vite/manifest.json', 'manifest.json', 'asset-manifest.json'];

// ---------------------------------------------------------------------------------------------------
// Name anatomy: <stem>[.<modifier>].<ext>[<trailer>]
// ---------------------------------------------------------------------------------------------------

/** Suffixes after the real extension that inherit the hashed-ness of the file they belong to:
 *  source maps, webpack `.LICENSE.txt`, esbuild `.LEGAL.txt`, precompressed copies. */
const TRAILER = /\.(?:map|gz|br|zst|LICENSE\.txt|LEGAL\.txt)$/;
const EXTENSION = /\.([A-Za-z0-9]{1,12})$/;
/** Constant words some templates put between the hash and the extension:
 *  CRA `main.1a2b3c4d.chunk.js`, `[name].[contenthash].bundle.js`, `x.<hash>.min.js`, VitePress `.lean.js`. */
const MODIFIER = /\.(?:chunk|bundle|min|lean)$/;
/** Any constant lower-case word (or `es2015`-style target) after the hash: Storybook's webpack builder
 *  `main.<hash>.iframe.bundle.js`, CSS modules `x.<hash>.module.css`, `name.<hash>.chunk.min.js`,
 *  Propshaft `x-<hash>.digested.js`. Up to three are peeled off, one at a time, and the name is tested
 *  at each step (the token must still sit right before the peeled words). */
const CONSTANT_WORD = /^(?:[a-z]{2,12}|es[0-9]{1,4})$/;
const HTML_EXT = new Set(['html', 'htm', 'xhtml']);

interface NameParts {
  /** Base name without trailer, extension and modifier. */
  stem: string;
  /** Real extension, lower case ('' when none). */
  ext: string;
  /** Candidate stems where a hash may end: the name without extension, then with up to three constant
   *  words peeled off (`stem` is one of them). */
  stems: string[];
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function nameParts(path: string): NameParts {
  let b = baseName(path);
  for (let i = 0; i < 3; i++) {
    const t = TRAILER.exec(b);
    if (!t || t.index === 0) break;
    b = b.slice(0, t.index);
  }
  const e = EXTENSION.exec(b);
  if (!e || e.index === 0) return { stem: b, ext: '', stems: [b] };
  const full = b.slice(0, e.index);
  let stem = full;
  for (let i = 0; i < 2; i++) {
    const m = MODIFIER.exec(stem);
    if (!m || m.index === 0) break;
    stem = stem.slice(0, m.index);
  }
  const stems = [full];
  let s = full;
  for (let i = 0; i < 3; i++) {
    const dot = s.lastIndexOf('.');
    if (dot <= 0 || !CONSTANT_WORD.test(s.slice(dot + 1))) break;
    s = s.slice(0, dot);
    stems.push(s);
  }
  if (!stems.includes(stem)) stems.push(stem);
  return { stem, ext: (e[1] ?? '').toLowerCase(), stems };
}

// ---------------------------------------------------------------------------------------------------
// Hash tokens
// ---------------------------------------------------------------------------------------------------

/**
 * Hex digests. Templates pick any length: webpack `[contenthash:N]` (CRA/Vue CLI/Parcel/Docusaurus/
 * Rsbuild/MkDocs Material 8, Nuxt 2 7, gulp-rev/rev-hash 10, Next.js/Turbopack/Angular <= 16 16,
 * webpack's default 20), md5 32 (Hugo, Sprockets 2, Gatsby `static/<md5>/`), sha1 40, sha256 64 (Hugo's
 * default `fingerprint`, Sprockets 3+), sha384/sha512 96/128. So any length from 8 is accepted when the
 * run mixes digits and letters; 6 and 7 only in the unambiguous `.<hash>.` position and with the
 * digits and letters interleaved (a colour `-a1b2c3` or `ad2025` is not taken).
 */
function hexStyle(n: number): string {
  const named: Record<number, string> = {
    7: 'Nuxt 2 [contenthash:7] style',
    8: 'CRA/Parcel/Docusaurus/Rsbuild [contenthash:8] style',
    10: 'gulp-rev/rev-hash style',
    16: 'Next.js/Turbopack/Angular style',
    20: 'webpack default [contenthash] style',
    32: 'md5',
    40: 'sha1',
    64: 'sha256, e.g. Hugo fingerprint',
    96: 'sha384',
    128: 'sha512',
  };
  return named[n] ?? `[contenthash:${n}] style`;
}
const HEX = /^[0-9a-f]+$/;
const HAS_DIGIT = /[0-9]/;
const HAS_HEX_LETTER = /[a-f]/;

/** English words spelt with a-f only, which could pass for hex next to a number (`cafe2024`). */
const HEX_WORD_NUMBER =
  /^(?:[0-9]+(?:ace|aced|add|bad|bade|bead|bed|bee|beef|cab|cafe|dad|dead|deaf|deed|face|fade|faded|fed|feed)|(?:abbe|abed|ace|aced|add|added|babe|bad|bade|bead|beaded|bed|bee|beef|cab|cabbed|cad|cafe|cede|ceded|dab|dace|dad|dead|deaf|deb|decade|decaf|deed|deface|defaced|ebb|ebbed|efface|fab|face|faced|facade|fad|fade|faded|fed|fee|feed)[0-9]+)$/;

/** Letters then digits or digits then letters (`ad2025`, `2024ab`): one run each, as people write. */
const TWO_RUNS = /^(?:[a-z]+[0-9]+|[0-9]+[a-z]+)$/;

/** A hex digest must mix digits and letters: all-digit runs are dates, ids or versions
 *  (`20240115`), all-letter runs are words (`deadbeef`, `facade`), and `cafe2024` is a word too. */
function isHexDigest(t: string, minLength = 8): boolean {
  if (t.length < minLength || t.length > 128 || !HEX.test(t) || !HAS_DIGIT.test(t) || !HAS_HEX_LETTER.test(t)) return false;
  if (HEX_WORD_NUMBER.test(t)) return false;
  // Short runs need the interleaving a random string almost always has (7% of 8-hex digests lack it,
  // so it is only asked of the lengths where a colour or a word plus a year is as likely).
  if (t.length < 8 && TWO_RUNS.test(t)) return false;
  return true;
}

/** A UUID (`550e8400-e29b-41d4-a716-446655440000`) names a record, not content: never a content hash. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function endsWithUuid(stem: string): boolean {
  return stem.length >= 36 && stem.charAt(stem.length - 13) === '-' && UUID.test(stem.slice(-36));
}

const BASE64URL8 = /^[A-Za-z0-9_-]{8}$/;

/**
 * A content hash of a length other than 8 in an alphabet larger than hex (custom `[hash:N]` in
 * Rollup/Vite, webpack `hashDigest: 'base64'`, base36/base62 ids): only letters and digits (with `-`
 * or `_` the token's bounds are ambiguous), 10 to 32 chars, all three of digits, lower and upper case
 * (80% of random 10-char base64url runs; 95%+ from 14 chars), and not words and numbers run together.
 */
function isRandomAlnum(t: string): boolean {
  return /^[A-Za-z0-9]{10,32}$/.test(t) && letterClasses(t) === 3 && !readsAsWordsAndNumbers(t);
}

/**
 * Vite/Rollup/Astro/SvelteKit/VitePress/Nuxt 3 hashes are 8 chars of base64url (`[A-Za-z0-9_-]`,
 * e.g. `CfaFZ-lr`), esbuild/Angular 17+ hashes are 8 chars of base32 (`[A-Z2-7]`, e.g. `FFHMD2TL`).
 * Random tokens of that shape are accepted unless they read like something a person typed: a number
 * or date, a (camel-cased) word with an optional number, a dimension, a capitalised word with or
 * without a number, or words joined by `-`/`_`. `my-component-abcdefgh.js` is therefore NOT
 * fingerprinted: all-lowercase letters are as likely a word as a hash (a random base64url hash is all
 * lowercase letters 0.08% of the time), and precision comes first.
 */
function isRandomToken8(t: string): boolean {
  if (!BASE64URL8.test(t)) return false;
  const parts = t.split(/[-_]/);
  if (parts.length > 1) {
    // Framework markers and constants are not hashes: `__PAGE__` (Next.js segment payloads),
    // `__init__`, `MY_CONST`, `V2_FINAL`: a doubled separator, or separators with no lower-case
    // letter at all (a random 8-char base64url run with a `-`/`_` has one 99% of the time), or a
    // single letter case without digits. Together these cost ~1% of Vite/Rollup hashes (misses only).
    if (t.includes('__') || t.includes('--') || !/[a-z]/.test(t)) return false;
    if (letterClasses(t) < 2) return false; // `my_thing`, `abc-defg`
    return !parts.every(isPlainPart); // `v2-final`, `IMG_2024`, `14-30-22`
  }
  if (!/[A-Za-z]/.test(t)) return false; // `20240115`
  if (/^[a-z]+$/.test(t) || readsAsWords(t) || isNumberish(t)) return false;
  const caps = /^([A-Z]+)([0-9]*)$/.exec(t);
  if (caps) {
    const [, letters = '', digits = ''] = caps;
    if (digits.length >= 3) return false; // `SALE2024`, `DSC01234`
    // `OVERVIEW`; and `BUDGET99`: a 0, 1, 8 or 9 rules out esbuild's base32, and as base64 the
    // capitals-then-digits shape is rare, so the word test costs almost nothing there. Capitals then
    // esbuild digits (`MGEROZH7`, `WEUPETY5`) read as English too often to be tested: `SPRING24`-style
    // names remain a known, rare risk.
    if ((digits === '' || /[0189]/.test(digits)) && looksEnglish(letters)) return false;
  }
  return true;
}

interface TokenHit {
  token: string;
  reason: string;
}

/** Hugo image processing: `<name>_hu<32 hex md5 of source>_<bytes>_<WxH>_<op>...`; also accepted with a
 *  shorter (16+) hex or decimal hash after `_hu`, in case later versions shorten it. The hash is of the
 *  source image; the processing options follow it in the name. */
const HUGO_IMAGE = /_hu_?([0-9a-f]{16,64})(?:_|$)/;

const CODE_EXT = new Set(['js', 'mjs', 'cjs', 'css']);

/** eleventy-img: `<id>-<width>.<format>`, `id` a hash (10 chars by default) of the source image and
 *  the options, e.g. `img/6dfd7ac6c4-300.jpeg`. Only for image formats, and the id must look random. */
const ELEVENTY_IMAGE = /^([A-Za-z0-9_-]{8,16})-([0-9]{2,5})$/;
const IMAGE_EXT = new Set(['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'svg', 'jxl']);

/** Name rule: a hash token right before the extension (or right before constant words such as
 *  `.chunk.min`), or the whole name being a digest. */
function hashTokenOf(parts: NameParts): TokenHit | null {
  for (const stem of parts.stems) {
    const hit = hashTokenAtEnd(stem, parts.ext);
    if (hit) return hit;
  }
  const { stem, ext } = parts;
  const hu = HUGO_IMAGE.exec(stem);
  if (hu) return { token: hu[1] ?? '', reason: `Hugo processed-image name (_hu + ${hu[1]?.length}-char hex source hash)` };
  const ele = IMAGE_EXT.has(ext) ? ELEVENTY_IMAGE.exec(stem) : null;
  const id = ele?.[1] ?? '';
  if (ele && (isHexDigest(id) || isRandomToken8(id) || isRandomAlnum(id))) {
    return { token: id, reason: `name is <hash>-<width> (eleventy-img style, ${id.length}-char hash)` };
  }
  return null;
}

function hashTokenAtEnd(stem: string, ext: string): TokenHit | null {
  if (endsWithUuid(stem)) return null;
  // Hex: the segment after the last `.` or `-` (hex has neither).
  const sep = Math.max(stem.lastIndexOf('.'), stem.lastIndexOf('-'));
  const hex = stem.slice(sep + 1);
  // An 8-hex hash is all digits 2.3% of the time. Accepted only for code (`main.12345678.js`, as CRA,
  // Parcel and Docusaurus emit), after a dot, and when it is not a date; never for media or documents,
  // where 8 digits are camera counters, ids and dates.
  if (/^[0-9]{8}$/.test(hex) && stem[sep] === '.' && CODE_EXT.has(ext) && !DATE8.test(hex)) {
    return { token: hex, reason: `name has an 8-digit hex content hash before the extension (${hexStyle(8)})` };
  }
  if (sep >= 0 && isHexDigest(hex, stem[sep] === '.' ? 6 : 8)) {
    return { token: hex, reason: `name has a ${hex.length}-char hex content hash before the extension (${hexStyle(hex.length)})` };
  }
  // The whole name is a digest: webpack asset modules `[hash][ext]` (20), Turbopack chunks (16),
  // `[contenthash:10].js`. 8 hex alone (`deadbeef.txt`, `abcdef12.js`) is too easily a real name, and
  // 10 to 15 must interleave digits and letters.
  if (sep < 0 && isHexDigest(hex, 10) && (hex.length >= 16 || !TWO_RUNS.test(hex))) {
    return { token: hex, reason: `whole name is a ${hex.length}-char hex content hash (webpack [hash][ext] / Turbopack style)` };
  }
  // A long hex digest after `_` (`name_<md5>.png`): 16+ mixed hex is never a word, date or counter.
  const us = stem.includes('_') ? /_([0-9a-f]{16,128})$/.exec(stem) : null;
  if (us && isHexDigest(us[1] ?? '')) {
    return { token: us[1] ?? '', reason: `name has a ${us[1]?.length}-char hex content hash after '_'` };
  }
  // base64url / base32, 8 chars, after `.` or `-` (the token itself may contain `-` and `_`).
  if (stem.length > 8) {
    const before = stem[stem.length - 9];
    const tok = stem.slice(-8);
    if ((before === '.' || before === '-') && isRandomToken8(tok)) {
      const style = /^[A-Z2-7]{8}$/.test(tok)
        ? 'base32 content hash before the extension (esbuild/Angular style)'
        : 'base64url content hash segment before the extension (vite/rollup style)';
      return { token: tok, reason: `name has an 8-char ${style}` };
    }
  }
  // Other lengths of base64url/base62 (custom `[hash:12]`), letters and digits only.
  const alnum = stem.slice(sep + 1);
  if (sep >= 0 && isRandomAlnum(alnum)) {
    return { token: alnum, reason: `name has a ${alnum.length}-char base62/base64url content hash before the extension` };
  }
  // Hash-only code file (`[hash].js`, `[contenthash].css`): 8+ chars of letters and digits of all kinds.
  if (sep < 0 && CODE_EXT.has(ext) && /^[A-Za-z0-9]{8,32}$/.test(stem) && letterClasses(stem) === 3 && !readsAsWordsAndNumbers(stem)) {
    return { token: stem, reason: `whole name is a ${stem.length}-char content hash` };
  }
  return null;
}

/** Looser test for directories that only ever hold generated files (`_astro/`, `_nuxt/`): also a
 *  whole-name 8-char token (Nuxt 3 `[hash].js`), any 7+ hex (Nuxt 2 `[contenthash:7]`), and Astro's
 *  optimised images `<name>.<source hash>_<options hash>.<ext>`. */
function relaxedTokenOf(parts: NameParts): TokenHit | null {
  const strict = hashTokenOf(parts);
  const { stem } = parts;
  if (strict) return strict;
  if (isRandomToken8(stem)) return { token: stem, reason: 'whole name is an 8-char content hash' };
  const hex = endsWithUuid(stem) ? null : /(?:^|[.-])([0-9a-f]{7,64})$/.exec(stem);
  if (hex) return { token: hex[1] ?? '', reason: `name has a ${hex[1]?.length}-char hex content hash` };
  const astro = /\.([A-Za-z0-9_-]{8})_[A-Za-z0-9_-]+$/.exec(stem);
  if (astro && isRandomToken8(astro[1] ?? '')) {
    return { token: astro[1] ?? '', reason: 'name has an 8-char source content hash (Astro optimised image)' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Layout: directories and names that decide on their own
// ---------------------------------------------------------------------------------------------------

const WELL_KNOWN = /(?:^|\/)\.well-known\//;
const NEXT_SEGMENT_PAYLOAD = /(?:^|\/)__next[._][^/]*$/;
/** Next.js serves all of `/_next/static/` with `immutable` itself: chunk/css/media names carry content
 *  hashes, and `_next/static/<buildId>/_buildManifest.js` / `_ssgManifest.js` sit in a directory that is
 *  new for every build, so no URL there is ever reused for other content. (A constant custom
 *  `generateBuildId` would break that, and Next's own caching along with it.) */
const NEXT_STATIC = /(?:^|\/)_next\/static\//;
/** SvelteKit: `<appDir>/immutable/` holds only content-hashed files ("can be cached forever"). */
const SVELTEKIT_IMMUTABLE = /(?:^|\/)_app\/immutable\//;
/** Gatsby: `static/<md5 content digest>/<original name>` (files imported or queried via publicURL). */
const GATSBY_STATIC = /(?:^|\/)static\/[0-9a-f]{32}\//;
/** Astro `build.assets` and Nuxt `buildAssetsDir`: generated files only, but not all hashed (Nuxt's
 *  `_nuxt/builds/latest.json` is mutable), so a hash token is still required. */
const GENERATED_DIRS: Array<[RegExp, string]> = [
  [/(?:^|\/)_astro\//, 'under _astro/ (Astro build assets)'],
  [/(?:^|\/)_nuxt\//, 'under _nuxt/ (Nuxt build assets)'],
];

function yes(reason: string): FingerprintVerdict {
  return { fingerprinted: true, reason };
}
function no(reason: string): FingerprintVerdict {
  return { fingerprinted: false, reason };
}

/** Verdicts that override every automatic rule (but not the user's explicit patterns). */
function neverFingerprinted(path: string, parts: NameParts): FingerprintVerdict | null {
  if (HTML_EXT.has(parts.ext)) return no('HTML document: entry pages must stay mutable, never fingerprinted');
  if (WELL_KNOWN.test(path)) return no('.well-known/ URLs are fixed by their specs and stay mutable');
  // Next.js 16 App Router static export: per-route RSC segment payloads named from the route tree
  // (`__next.blog.$d$slug.__PAGE__.txt`, `__next._tree.txt`), rewritten in place on every build.
  if (path.includes('__next') && NEXT_SEGMENT_PAYLOAD.test(path))
    return no('Next.js route segment payload (__next.*): rewritten in place, mutable');
  return null;
}

/** Directory and name rules only; used when no manifest or user pattern applies. */
export function isFingerprintedName(path: string): FingerprintVerdict {
  const parts = nameParts(path);
  return neverFingerprinted(path, parts) ?? layoutVerdict(path, parts);
}

function layoutVerdict(path: string, parts: NameParts): FingerprintVerdict {
  if (NEXT_STATIC.test(path)) return yes('under _next/static/ (Next.js immutable build assets: hashed names or a per-build directory)');
  if (SVELTEKIT_IMMUTABLE.test(path)) return yes('under _app/immutable/ (SvelteKit immutable, content-hashed assets)');
  if (GATSBY_STATIC.test(path)) return yes('under static/<md5>/ (Gatsby content-digest directory)');
  if (parts.ext === '') return no('no extension: not a bundler output name');
  for (const [re, where] of GENERATED_DIRS) {
    if (re.test(path)) {
      const hit = relaxedTokenOf(parts);
      return hit ? yes(`${where}; ${hit.reason}`) : no(`${where} but no content-hash token in the name`);
    }
  }
  const hit = hashTokenOf(parts);
  return hit ? yes(hit.reason) : no('no content-hash token in the name');
}

// ---------------------------------------------------------------------------------------------------
// Manifests
// ---------------------------------------------------------------------------------------------------

interface ManifestClaim {
  manifest: string;
  /** The source/logical name the bundler derived the output name from, when the manifest says it. */
  logical?: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function dirName(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/**
 * Map a manifest reference to a build file: Vite's paths are relative to the outDir, CRA and
 * webpack-manifest-plugin give URL paths that carry the public path (`/static/js/x.js`,
 * `/app/static/js/x.js`, `https://cdn/x.js`). Leading segments are dropped until a build file matches.
 */
function resolveRef(ref: string, baseDir: string, files: Set<string>): string | null {
  let p = ref.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  try {
    p = decodeURI(p);
  } catch {
    /* keep as is */
  }
  const segs = p.split('/').filter((s) => s !== '' && s !== '.');
  for (let i = 0; i < segs.length; i++) {
    const rel = segs.slice(i).join('/');
    const candidate = baseDir ? `${baseDir}/${rel}` : rel;
    if (files.has(candidate)) return candidate;
  }
  return null;
}

/** Read every manifest into claims: build file -> which manifest lists it, under what logical name. */
function manifestClaims(manifests: Record<string, string>, files: Set<string>): Map<string, ManifestClaim> {
  const claims = new Map<string, ManifestClaim>();
  for (const [mPath, text] of Object.entries(manifests)) {
    let json: Json;
    try {
      json = JSON.parse(text) as Json;
    } catch {
      continue;
    }
    if (!isObject(json)) continue;
    const vite = /(?:^|\/)\.vite\/manifest\.json$/.test(mPath);
    // Vite: relative to the outDir, the folder holding `.vite/` (or holding manifest.json for Vite <= 4).
    const baseDir = vite ? dirName(dirName(mPath)) : dirName(mPath);
    const claim = (ref: Json | undefined, logical?: string): void => {
      if (typeof ref !== 'string') return;
      const file = resolveRef(ref, baseDir, files);
      // First claim wins, except that one naming the logical source beats one that does not.
      if (file && (!claims.has(file) || (logical && claims.get(file)?.logical === undefined))) {
        claims.set(file, logical ? { manifest: mPath, logical } : { manifest: mPath });
      }
    };
    const values = Object.values(json);
    if (values.length > 0 && values.every((v) => isObject(v) && typeof v['file'] === 'string')) {
      // Vite: { "<src>": { file, name?, names?, src?, css?: [], assets?: [] } }
      for (const v of values as Array<{ [k: string]: Json }>) {
        const names = v['names'];
        const name =
          typeof v['name'] === 'string'
            ? v['name']
            : Array.isArray(names) && typeof names[0] === 'string'
              ? names[0]
              : typeof v['src'] === 'string'
                ? v['src']
                : undefined;
        claim(v['file'], name);
        for (const c of Array.isArray(v['css']) ? v['css'] : []) claim(c, typeof v['name'] === 'string' ? v['name'] : undefined);
        for (const a of Array.isArray(v['assets']) ? v['assets'] : []) claim(a);
      }
    } else if (isObject(json['files'])) {
      // CRA asset-manifest.json: { files: { "<logical name>": "/<public path>/<output>" }, entrypoints: [] }
      for (const [k, v] of Object.entries(json['files'])) claim(v, k);
      const entry = json['entrypoints'];
      for (const e of Array.isArray(entry) ? entry : []) claim(e);
    } else if (values.length > 0 && values.every((v) => typeof v === 'string')) {
      // webpack-manifest-plugin: { "<logical name>": "<public path>/<output>" }. A PWA manifest with only
      // string fields also lands here; its values are not build files, or are checked like any other.
      for (const [k, v] of Object.entries(json)) claim(v, k);
    }
  }
  return claims;
}

/**
 * With a manifest we know the logical name (`main.js`, chunk `about`, `src/assets/hero.png`), so the
 * part the bundler inserted can be isolated: `main.js` -> `main.3a2b1c00.js` inserted `3a2b1c00`.
 * Inserted text that is a hex digest of any composition (all digits, all letters; not a date), or a
 * base64url run of any length that does not read like words (`kqzvbwyx`, which the name rule alone
 * refuses), is the template's hash. `[name].js` templates insert nothing, and constant words
 * (`.bundle`, `-v2`, `-settings`) are rejected.
 */
function insertedHash(outputStem: string, logical: string): string | null {
  const lp = nameParts(logical);
  const ls = lp.ext ? lp.stem : baseName(logical);
  if (ls === '' || outputStem.length <= ls.length + 1 || !outputStem.startsWith(ls)) return null;
  if (!'.-_~'.includes(outputStem[ls.length] ?? '')) return null;
  const r = outputStem.slice(ls.length + 1);
  if (!/^[A-Za-z0-9_-]{6,128}$/.test(r)) return null;
  if (HEX.test(r)) return DATE8.test(r) ? null : r;
  if (/^[A-Z]+$/.test(r) && looksEnglish(r)) return null;
  // Any length (custom `[hash:10]`) and any letters (`kqzvbwyx`), unless it reads as words or numbers.
  return r.split(/[-_]/).every(isPlainPart) ? null : r;
}

function manifestVerdict(parts: NameParts, claim: ManifestClaim): FingerprintVerdict | null {
  if (claim.logical !== undefined && parts.ext !== '') {
    const h = insertedHash(parts.stem, claim.logical);
    if (h) return yes(`listed as hashed output in ${claim.manifest} ('${claim.logical}' -> content hash '${h}')`);
  }
  if (parts.ext === '') return null;
  const hit = hashTokenOf(parts);
  return hit ? yes(`listed as hashed output in ${claim.manifest}; ${hit.reason}`) : null;
}

// ---------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------

function describeShape(s: LearnedShape): string {
  return `${s.dir ? `${s.dir}/` : ''}${s.before}<${s.length}-char ${s.alphabet} hash>${s.after}`;
}

/** One verdict for every path in `input.files`. */
export function classifyFingerprints(input: FingerprintInput): Map<string, FingerprintVerdict> {
  const files = new Set(input.files);
  const userMatchers = (input.userPatterns ?? [])
    .map((g) => g.trim())
    .filter((g) => g !== '')
    .map((g) => ({ glob: g, test: picomatch(g.replace(/^\.?\//, ''), { dot: true }) }));
  const claims = manifestClaims(input.manifests, files);
  const out = new Map<string, FingerprintVerdict>();
  const learnedByDir = new Map<string, LearnedShape[]>();
  for (const s of input.learned ?? []) learnedByDir.set(s.dir, [...(learnedByDir.get(s.dir) ?? []), s]);
  for (const path of input.files) {
    // Demotion wins over everything, the user's own patterns included: it is an observed fact (this
    // name was served with one content and now has another), while a pattern is a declaration that the
    // build has just broken. Trusting the pattern would give the new content the old content's year-long
    // immutable cache; distrusting it costs one invalidation.
    if (input.demoted?.has(path)) {
      out.set(path, no('demoted: name reused with new content'));
      continue;
    }
    // The user's explicit list wins over everything else, HTML included: it is their declared contract.
    const user = userMatchers.find((m) => m.test(path));
    if (user) {
      out.set(path, yes(`user fingerprint-patterns glob '${user.glob}'`));
      continue;
    }
    const parts = nameParts(path);
    const never = neverFingerprinted(path, parts);
    if (never) {
      out.set(path, never);
      continue;
    }
    const claim = claims.get(path);
    const fromManifest = claim ? manifestVerdict(parts, claim) : null;
    const verdict = fromManifest ?? layoutVerdict(path, parts);
    const shape = verdict.fingerprinted ? undefined : learnedByDir.get(dirName(path))?.find((s) => matchesShape(path, s));
    out.set(path, shape ? yes(`learned from history: ${describeShape(shape)}`) : verdict);
  }
  return out;
}
