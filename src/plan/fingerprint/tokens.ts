// Fingerprint hash tokens: is the end of a name a content hash some bundler emits?
import { choppy, DATE8, isNumberish, isPlainPart, letterClasses, looksEnglish, readsAsWords, readsAsWordsAndNumbers } from './words.js';
import type { NameParts } from './names.js';
import { fitsTemplate } from './siblings.js';

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
export const HEX = /^[0-9a-f]+$/;
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
    if (parts.filter((p) => /^[0-9]+$/.test(p)).length >= 2) return false; // `01-15_bg`: a date or time
    // A name and a number: `jquery-3`, `bundle_12` (a random run with a separator has capitals or digits on both sides).
    if (parts.length === 2 && /^[a-z]{4,}$/.test(parts[0] ?? '') && /^[0-9]{1,3}$/.test(parts[1] ?? '')) return false;
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

/**
 * base64url of any length from 8 (eleventy-img ids are 10, e.g. `-0Ax5fWYR1`, `jrI9Ng4Z_R`): the alphabet
 * includes `-` and `_`, so the token may begin with or hold the name's own separator. Accepted when its
 * letters and digits are of at least two kinds (three below 10 chars) and it does not read as something
 * typed: words and numbers, a plain part on every side of a separator (`IMG_2024`, `hero-banner`),
 * a doubled separator (`__init__`).
 */
export function isRandomBase64url(t: string): boolean {
  if (!/^[A-Za-z0-9_-]{8,32}$/.test(t) || t.includes('__') || t.includes('--') || /[-_]$/.test(t)) return false;
  if (t.length === 8) return isRandomToken8(t);
  const core = t.replace(/[-_]/g, '');
  if (letterClasses(core) < (t.length < 10 ? 3 : 2) || /^[0-9]+$/.test(core) || /^[a-z]+$/.test(core)) return false;
  const parts = t.split(/[-_]/).filter((p) => p !== '');
  if (parts.every((p) => isPlainPart(p) || /^[A-Za-z]{1,3}$/.test(p))) return false;
  if (isNumberish(core) || readsAsWords(core)) return false;
  if (readsAsWordsAndNumbers(core) && !choppy(core)) return false; // `Win10Start`, `DSC01234`, not `0Ax5fWYR1`
  if (/[0-9]{5,}/.test(core) || /[-_]{2}/.test(t)) return false; // a date, counter or number; a marker
  const caps = core.match(/[A-Z]{6,}/g) ?? [];
  if (caps.some((c) => looksEnglish(c))) return false; // `SPRING24ab`: a shouted word
  return true;
}

export interface TokenHit {
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
export function hashTokenOf(parts: NameParts): TokenHit | null {
  for (const stem of parts.stems) {
    const hit = hashTokenAtEnd(stem, parts.ext);
    if (hit) return hit;
  }
  const { stem, ext } = parts;
  const hu = HUGO_IMAGE.exec(stem);
  if (hu) return { token: hu[1] ?? '', reason: `Hugo processed-image name (_hu + ${hu[1]?.length}-char hex source hash)` };
  const ele = IMAGE_EXT.has(ext) ? ELEVENTY_IMAGE.exec(stem) : null;
  const id = ele?.[1] ?? '';
  if (ele && (isHexDigest(id) || isRandomToken8(id) || isRandomAlnum(id) || isRandomBase64url(id))) {
    return { token: id, reason: `name is <hash>-<width> (eleventy-img style, ${id.length}-char hash)` };
  }
  return leadingTokenOf(stem);
}

/**
 * The hash before the name: `[hash]-[name].[ext]` / `[contenthash:8]-[name]` (webpack/Rspack/Rollup
 * templates, e.g. the Qwik site's `assets/[hash]-[name].[ext]`). The token starts the name and is followed
 * by `-`, `.` or `_` and more name. Stricter than at the end, where the extension bounds it: mixed hex of
 * 8+ (not a UUID, which names a record), or 8 chars of base64url with both cases that reads as nothing
 * typed (no camel-cased words, acronym with a number, marker: `fitsTemplate`).
 */
function leadingTokenOf(stem: string): TokenHit | null {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(stem)) return null;
  const hex = /^([0-9a-f]{8,64})[-._]./.exec(stem);
  if (hex && isHexDigest(hex[1] ?? '')) {
    return { token: hex[1] ?? '', reason: `name starts with a ${hex[1]?.length}-char hex content hash ([hash]-[name] template)` };
  }
  const b64 = stem.length > 9 && /[-.]/.test(stem.charAt(8)) ? stem.slice(0, 8) : '';
  const core = b64.replace(/[-_]/g, '');
  const typed = /[0-9]/.test(core) && readsAsWordsAndNumbers(core) && !choppy(core); // `MyPhoto1`, `k8sGuide`
  if (b64 && !typed && isRandomToken8(b64) && /[A-Z]/.test(b64) && /[a-z]/.test(b64) && fitsTemplate(b64, 'base64url', 'strong')) {
    return { token: b64, reason: 'name starts with an 8-char base64url content hash ([hash]-[name] template)' };
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
export function relaxedTokenOf(parts: NameParts): TokenHit | null {
  const strict = hashTokenOf(parts);
  const { stem } = parts;
  if (strict) return strict;
  // Only generated files live here: an 8-char base64url token in Vite's positions (`[hash].js`,
  // `[name].[hash].[ext]`) is the hash unless it reads as typed (a one-case word, a date, a marker).
  if (isRandomToken8(stem) || (BASE64URL8.test(stem) && fitsTemplate(stem, 'base64url', 'strong'))) {
    return { token: stem, reason: 'whole name is an 8-char content hash' };
  }
  const dotted = /\.([A-Za-z0-9_-]{8})$/.exec(stem)?.[1];
  if (dotted && fitsTemplate(dotted, 'base64url', 'strong')) {
    return { token: dotted, reason: 'name has an 8-char base64url content hash before the extension (generated-assets folder)' };
  }
  const hex = endsWithUuid(stem) ? null : /(?:^|[.-])([0-9a-f]{7,64})$/.exec(stem);
  if (hex) return { token: hex[1] ?? '', reason: `name has a ${hex[1]?.length}-char hex content hash` };
  const astro = /\.([A-Za-z0-9_-]{8})_[A-Za-z0-9_-]+$/.exec(stem);
  if (astro && (isRandomToken8(astro[1] ?? '') || fitsTemplate(astro[1] ?? '', 'base64url', 'strong'))) {
    return { token: astro[1] ?? '', reason: 'name has an 8-char source content hash (Astro optimised image)' };
  }
  return null;
}
