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
//   5. the name itself: a hash token right before the extension, in a format some bundler emits.

import picomatch from 'picomatch';
import type { FingerprintVerdict } from './types.js';

export interface FingerprintInput {
  /** All file paths of the build, relative to the build dir, POSIX separators. */
  files: string[];
  /** Contents of manifest files found in the build, keyed by their relative path (the caller reads files whose paths match MANIFEST_GLOBS). */
  manifests: Record<string, string>;
  /** Extra user globs (picomatch syntax, relative paths) of files to treat as fingerprinted. */
  userPatterns?: string[];
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
const HTML_EXT = new Set(['html', 'htm', 'xhtml']);

interface NameParts {
  /** Base name without trailer, extension and modifier. */
  stem: string;
  /** Real extension, lower case ('' when none). */
  ext: string;
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
  if (!e || e.index === 0) return { stem: b, ext: '' };
  let stem = b.slice(0, e.index);
  for (let i = 0; i < 2; i++) {
    const m = MODIFIER.exec(stem);
    if (!m || m.index === 0) break;
    stem = stem.slice(0, m.index);
  }
  return { stem, ext: (e[1] ?? '').toLowerCase() };
}

// ---------------------------------------------------------------------------------------------------
// Hash tokens
// ---------------------------------------------------------------------------------------------------

/**
 * Hex digest lengths bundlers emit. 8: CRA/Vue CLI/Parcel/Docusaurus `[contenthash:8]`, Propshaft;
 * 16: Next.js chunks, Turbopack, Angular <= 16; 20: webpack's default `[contenthash]` (Gatsby too);
 * 32: md5 (Hugo `fingerprint "md5"`, Sprockets 2, Ember); 40: sha1; 64: sha256 (Hugo's default
 * `fingerprint`, Sprockets 3+); 96/128: sha384/sha512 (Hugo). Other lengths are ignored on purpose:
 * a miss only costs an invalidation, a wrong hit costs a year of stale cache.
 */
const HEX_LENGTHS = new Set([8, 16, 20, 32, 40, 64, 96, 128]);
const HEX_STYLE: Record<number, string> = {
  8: 'CRA/Parcel/Docusaurus [contenthash:8] style',
  16: 'Next.js/Turbopack/Angular style',
  20: 'webpack default [contenthash] style',
  32: 'md5',
  40: 'sha1',
  64: 'sha256, e.g. Hugo fingerprint',
  96: 'sha384',
  128: 'sha512',
};
const HEX = /^[0-9a-f]+$/;
const HAS_DIGIT = /[0-9]/;
const HAS_HEX_LETTER = /[a-f]/;

/** English words spelt with a-f only, which could pass for hex next to a number (`cafe2024`). */
const HEX_WORD_NUMBER =
  /^(?:[0-9]+(?:ace|aced|add|bad|bade|bead|bed|bee|beef|cab|cafe|dad|dead|deaf|deed|face|fade|faded|fed|feed)|(?:abbe|abed|ace|aced|add|added|babe|bad|bade|bead|beaded|bed|bee|beef|cab|cabbed|cad|cafe|cede|ceded|dab|dace|dad|dead|deaf|deb|decade|decaf|deed|deface|defaced|ebb|ebbed|efface|fab|face|faced|facade|fad|fade|faded|fed|fee|feed)[0-9]+)$/;

/** A hex digest must mix digits and letters: all-digit runs are dates, ids or versions
 *  (`20240115`), all-letter runs are words (`deadbeef`, `facade`), and `cafe2024` is a word too. */
function isHexDigest(t: string): boolean {
  return HEX_LENGTHS.has(t.length) && HEX.test(t) && HAS_DIGIT.test(t) && HAS_HEX_LETTER.test(t) && !HEX_WORD_NUMBER.test(t);
}

/** Shaped like words as people write them: `settings`, `SemiBold`, `darkMode`, `chapter12`, `iPhone12`. */
const WORD_SHAPE = /^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*[0-9]*$/;
/** Numbers with units or dimensions: `2048px`, `1080p`, `4K`, `1200x630` (and `1920wide`, below). */
const NUMERIC = /^[0-9]+(?:[a-z]{0,3}|K|x[0-9]+)$/;
const BASE64URL8 = /^[A-Za-z0-9_-]{8}$/;

/**
 * For each letter, the letters that follow it in English, from the 104k-word list of Debian's
 * wamerican: upper case when the pair occurs in at least 30 words, lower case when in 3 to 29, absent
 * when rarer. Words use only these pairs; a random string soon hits a rare one (`WF`, `KP`, `PX` in
 * the esbuild hash `WFSAEKPX`; `hb` in `hbom`).
 */
const NEXT_LETTER: Record<string, string> = {
  a: 'aBCDEFGHIJKLMNoPQRSTUVWXYZ',
  b: 'ABcDEfghIJLMnOpRSTUvwY',
  c: 'ACdEHIKLmnOQRSTUYz',
  d: 'ABCDEFGHIJkLMNOPqRSTUVWYz',
  e: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  f: 'AbEFghILnOpRSTUY',
  g: 'AbdEfGHIkLMNOpRSTUwYz',
  h: 'ABcdEFghIjkLMNOpRSTUWY',
  i: 'ABCDEFGhIjKLMNOPQRSTUVwXZ',
  j: 'AEIOU',
  k: 'ABcdEfgHIjkLMNOPRStUWY',
  l: 'ABCDEFGhIKLMNOPqRSTUVwxY',
  m: 'ABcdEFhILMNOPqrStUvwY',
  n: 'ABCDEFGHIJKLMNOPQRSTUVWxYZ',
  o: 'ABCDEFGHIjKLMNOPQRSTUVWXYZ',
  p: 'ABcdEfgHIkLMnOPRSTUwY',
  q: 'U',
  r: 'ABCDEFGHIJKLMNOPqRSTUVWYz',
  s: 'ABCDEFGHIjKLMNOPQRSTUvWY',
  t: 'ABCdEFGHIjkLMNOPRSTUvWYZ',
  u: 'ABCDEFGhIjKLMNOPRSTuVXyZ',
  v: 'AEIOrUvy',
  w: 'ABcDEfgHIKLmNOpRStuwyz',
  x: 'ACEHIlOPTUvwxY',
  y: 'ABCDEFGHIjkLMNOPRSTuWxz',
  z: 'AEILmOpuvwYZ',
};

/** Every adjacent pair of letters occurs in English words (in many words, when `common`). */
function englishPairs(t: string, common: boolean): boolean {
  const l = t.toLowerCase();
  for (let i = 0; i + 1 < l.length; i++) {
    const next = NEXT_LETTER[l.charAt(i)] ?? '';
    const c = l.charAt(i + 1);
    if (!next.includes(c.toUpperCase()) && (common || !next.includes(c))) return false;
  }
  return true;
}

/**
 * A random base64url run often has a word-like case shape (`BvAciOjw` is "Pascal case"), so the shape
 * alone is not enough: every hump of a real word has a vowel and only common letter pairs
 * (`Semi|Bold`, `dark|Mode`), random humps mostly do not (`Bv|Aci|Ojw`, `hbom`).
 */
function readsAsWords(t: string): boolean {
  if (!WORD_SHAPE.test(t)) return false;
  for (const hump of t.replace(/[0-9]+$/, '').match(/[A-Z]?[a-z]+/g) ?? []) {
    if (hump.length === 1) continue;
    const vowel = hump.length <= 2 ? /[aeiou]/i : /[aeiouy]/i; // `Bv` is not a word; `sky`, `Myth` are
    if (!vowel.test(hump) || !englishPairs(hump, false)) return false;
  }
  return true;
}

/**
 * Capitals are either esbuild's base32 hash (`[A-Z2-7]{8}`, letters only about one time in five, e.g.
 * `EEEDSWML`) or a shouted word (`OVERVIEW`, `EXPLORER`). Measured on the 10,500 eight-letter words
 * of that word list and on random base32 hashes: "two or more vowels and only common (upper-case)
 * letter pairs" catches 97.5% of the words and costs 1.1% of esbuild hashes (a miss, never a wrong hit).
 */
function looksEnglish(letters: string): boolean {
  return (letters.match(/[aeiouy]/gi) ?? []).length >= 2 && englishPairs(letters, true);
}

/** A number with a unit, a dimension, or followed by a word (`1920wide`, `3columns`). */
function isNumberish(t: string): boolean {
  return NUMERIC.test(t) || (/^[0-9]+[a-z]+$/.test(t) && readsAsWords(t.replace(/^[0-9]+/, '')));
}

/** Parts of a separated token that a person would type: words, numbers, versions, short acronyms
 *  with a number (`final`, `2024`, `v2`, `IMG`, `Q3`, `FY24`). */
function isPlainPart(p: string): boolean {
  return p === '' || readsAsWords(p) || isNumberish(p) || /^[vV]?[0-9]+$/.test(p) || /^[A-Z]{1,3}[0-9]*$/.test(p);
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
  if (parts.length > 1) return !parts.every(isPlainPart); // `v2-final`, `IMG_2024`, `14-30-22`
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

/** Dates are not content hashes (two builds on one day share them): YYYYMMDD, DDMMYYYY, MMDDYYYY. */
const DATE8 =
  /^(?:(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])|(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])(?:19|20)[0-9]{2}|(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:19|20)[0-9]{2})$/;
const CODE_EXT = new Set(['js', 'mjs', 'cjs', 'css']);

/** Name rule: a hash token right before the extension (or the whole name being a long digest). */
function hashTokenOf({ stem, ext }: NameParts): TokenHit | null {
  // Hex: the segment after the last `.` or `-` (hex has neither).
  const sep = Math.max(stem.lastIndexOf('.'), stem.lastIndexOf('-'));
  const hex = stem.slice(sep + 1);
  // An 8-hex hash is all digits 2.3% of the time. Accepted only for code (`main.12345678.js`, as CRA,
  // Parcel and Docusaurus emit), after a dot, and when it is not a date; never for media or documents,
  // where 8 digits are camera counters, ids and dates.
  if (/^[0-9]{8}$/.test(hex) && stem[sep] === '.' && CODE_EXT.has(ext) && !DATE8.test(hex)) {
    return { token: hex, reason: `name has an 8-digit hex content hash before the extension (${HEX_STYLE[8]})` };
  }
  if (isHexDigest(hex)) {
    if (sep >= 0) {
      return { token: hex, reason: `name has a ${hex.length}-char hex content hash before the extension (${HEX_STYLE[hex.length]})` };
    }
    // The whole name is a digest: webpack asset modules `[hash][ext]` (20), Turbopack chunks (16).
    // 8 hex alone (`deadbeef.txt`, `abcdef12.js`) is too easily a real name.
    if (hex.length >= 16) {
      return { token: hex, reason: `whole name is a ${hex.length}-char hex content hash (webpack [hash][ext] / Turbopack style)` };
    }
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
  const hu = HUGO_IMAGE.exec(stem);
  if (hu) return { token: hu[1] ?? '', reason: `Hugo processed-image name (_hu + ${hu[1]?.length}-char hex source hash)` };
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
  const hex = /(?:^|[.-])([0-9a-f]{7,64})$/.exec(stem);
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

/** One verdict for every path in `input.files`. */
export function classifyFingerprints(input: FingerprintInput): Map<string, FingerprintVerdict> {
  const files = new Set(input.files);
  const userMatchers = (input.userPatterns ?? [])
    .map((g) => g.trim())
    .filter((g) => g !== '')
    .map((g) => ({ glob: g, test: picomatch(g.replace(/^\.?\//, ''), { dot: true }) }));
  const claims = manifestClaims(input.manifests, files);
  const out = new Map<string, FingerprintVerdict>();
  for (const path of input.files) {
    // The user's explicit list wins over everything, HTML included: it is their declared contract.
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
    out.set(path, fromManifest ?? layoutVerdict(path, parts));
  }
  return out;
}
