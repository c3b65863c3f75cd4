// Word and number shapes: what a person or a framework types, as opposed to a random hash.
// Shared by the name rules (`./tokens.ts`, `./manifests.ts`) and the history rules (`../fingerprint-history.ts`).

/** Shaped like words as people write them: `settings`, `SemiBold`, `darkMode`, `chapter12`, `iPhone12`. */
const WORD_SHAPE = /^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*[0-9]*$/;
/** Numbers with units or dimensions: `2048px`, `1080p`, `4K`, `1200x630` (and `1920wide`, below). */
const NUMERIC = /^[0-9]+(?:[a-z]{0,3}|K|x[0-9]+)$/;

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
export function readsAsWords(t: string): boolean {
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
export function looksEnglish(letters: string): boolean {
  return (letters.match(/[aeiouy]/gi) ?? []).length >= 2 && englishPairs(letters, true);
}

/** A number with a unit, a dimension, or followed by a word (`1920wide`, `3columns`). */
export function isNumberish(t: string): boolean {
  return NUMERIC.test(t) || (/^[0-9]+[a-z]+$/.test(t) && readsAsWords(t.replace(/^[0-9]+/, '')));
}

/** Parts of a separated token that a person would type: words, numbers, versions, short acronyms
 *  with a number (`final`, `2024`, `v2`, `IMG`, `Q3`, `FY24`). */
export function isPlainPart(p: string): boolean {
  return p === '' || readsAsWords(p) || isNumberish(p) || /^[vV]?[0-9]+$/.test(p) || /^[A-Z]{1,3}[0-9]*$/.test(p);
}

/** How many of lower case, upper case and digits a token uses. */
export function letterClasses(t: string): number {
  return Number(/[a-z]/.test(t)) + Number(/[A-Z]/.test(t)) + Number(/[0-9]/.test(t));
}

/**
 * Words and numbers run together, as people and frameworks write them: `Win10Start`, `iPhone15Pro`,
 * `K8sGuide`, `Q3Report`, `HTML5Shiv`. Split into humps (capitalised or lower-case words), acronyms
 * and digit runs; it reads as words when every hump of 2+ letters reads as a word.
 */
export function readsAsWordsAndNumbers(t: string): boolean {
  const humps = t.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? [];
  if (humps.join('') !== t) return false;
  // Random runs break into many one- and two-letter humps (`Ab|3|d|E|5|f|G`); words into few (`K|8|s|Guide`).
  const letterHumps = humps.filter((h) => !/^[0-9]+$/.test(h));
  if (letterHumps.filter((h) => h.length <= 2).length > 2 || !letterHumps.some((h) => h.length >= 3)) return false;
  for (const h of humps) {
    if (/^[0-9]+$/.test(h) || h.length <= 2) continue;
    if (/^[A-Z]+$/.test(h)) {
      if (h.length <= 4 || looksEnglish(h)) continue; // `HTML`, `PDF`, `OVERVIEW`
      return false;
    }
    if (!readsAsWords(h)) return false;
  }
  return true;
}

/** Dates are not content hashes (two builds on one day share them): YYYYMMDD, DDMMYYYY, MMDDYYYY. */
export const DATE8 =
  /^(?:(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])|(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])(?:19|20)[0-9]{2}|(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:19|20)[0-9]{2})$/;

/** Chopped into many humps, half of them of one or two characters, as random base64 is
 *  (`0|Ax|5|f|WYR|1`, `1|WDU|Oa|Mvi|W`), where typed names have few long ones (`Win|10|Start`,
 *  `HTML|5|And|CSS|3|Guide`). */
export function choppy(t: string): boolean {
  const humps = t.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? [];
  return humps.length >= 5 && humps.filter((h) => h.length <= 2).length * 2 >= humps.length;
}
