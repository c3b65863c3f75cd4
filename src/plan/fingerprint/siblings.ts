// Fingerprint context: a name the token rules could not decide, read against its siblings of the same build.
// Pure.
//
// A bundler writes every output of one template the same way: same directory, same separator before the
// hash, same text after it, same hash length and alphabet. When several siblings are proven content-hashed
// by the name rules, a name in the same position of the same template whose token has the same length and
// alphabet is one of them, even when its token alone is ambiguous: a hex hash that happens to be all digits
// (`hero.12345678.png` beside `logo.79bc686a.png`), a base32 hash that spells letters only
// (`chunk-DDABSDOB.js` beside `chunk-FFHMD2TL.js`), a base64url hash without lower case (`9_049BZ7`).
// What stays mutable whatever the siblings: dates, timestamps, counters and runs of one digit, lower-case
// words, words and numbers run together, separated plain parts (`release-2024-01-15`, `IMG_2024`).

import { DATE8, choppy, isNumberish, isPlainPart, looksEnglish, readsAsWords, readsAsWordsAndNumbers } from './words.js';

export interface ProvenToken {
  path: string;
  token: string;
}

export interface ContextHit {
  token: string;
  reason: string;
  /** How many siblings of the template were proven by the name rules. */
  support: number;
}

const ALPHABETS: Array<[string, RegExp]> = [
  ['hex', /^[0-9a-f]+$/],
  ['base32', /^[A-Z2-7]+$/],
  ['base64url', /^[0-9A-Za-z_-]+$/],
];
const BOUNDARY = '.-_~';

function split(path: string): { dir: string; base: string } {
  const i = path.lastIndexOf('/');
  return i < 0 ? { dir: '', base: path } : { dir: path.slice(0, i), base: path.slice(i + 1) };
}

/** Text after the token with numbers generalised (`-120.avif` and `-64.avif` are one template). */
function tail(after: string): string {
  return after.replace(/[0-9]+/g, '#');
}

interface Position {
  /** Template key with the constant text before the token (`chunk-`), and one with only the separator. */
  exact: string;
  loose: string;
  token: string;
}

function position(dir: string, base: string, start: number, length: number): Position {
  const before = base.slice(0, start);
  const after = base.slice(start + length);
  const sep = start === 0 ? '^' : base.charAt(start - 1);
  // The hash first (`[hash]-[name].[ext]`): the name after it varies, the separator and extension do not.
  const rest = start === 0 ? after.replace(/^([-._~])[^.]*/, '$1*') : tail(after);
  const loose = [dir, sep, rest, length].join('\u0000');
  return { exact: `${loose}\u0000${before}`, loose, token: base.slice(start, start + length) };
}

/** Every token-shaped run of a base name: bounded by a separator or the start, followed by a separator. */
function positions(path: string): Position[] {
  const { dir, base } = split(path);
  const out: Position[] = [];
  for (let s = 0; s < base.length; s++) {
    if (s > 0 && !BOUNDARY.includes(base.charAt(s - 1))) continue;
    for (let e = s + 1; e < base.length && e - s <= 64; e++) {
      if (!/[0-9A-Za-z_-]/.test(base.charAt(e - 1))) break;
      if (e - s >= 6 && BOUNDARY.includes(base.charAt(e))) out.push(position(dir, base, s, e - s));
    }
  }
  return out;
}

/** The narrowest alphabet holding every proven token of a template. */
function alphabetOf(tokens: string[]): [string, RegExp] | null {
  return ALPHABETS.find(([, re]) => tokens.every((t) => re.test(t))) ?? null;
}

/** Digits that count or date, never a hash: dates, Unix times, leading zeros, one repeated digit, a run. */
function countingDigits(t: string): boolean {
  if (t.length < 8 || (t.length === 8 && DATE8.test(t))) return true;
  if (/^(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])/.test(t)) return true; // YYYYMMDD + time
  if (/^1[0-9]{9,}$/.test(t) || /^0{3}/.test(t) || /^(.)\1+$/.test(t)) return true; // Unix time (s, ms, µs)
  const ascending = '01234567890123456789';
  const descending = '98765432109876543210';
  return ascending.includes(t) || descending.includes(t);
}

/** How sure the template is: `strong` when 8+ distinct tokens prove it and they outnumber the undecided
 *  ones there four to one (a bundler's own output folder), `text` when the constant text before the token is
 *  shared (`chunk-`), else `slot`. */
/** Camel-cased words as typed: every hump of three letters or more (`darkMode`, `heroImage2`), where
 *  random base64url leaves one- and two-letter humps (`q|Yie|Ngab`). */
function camelWords(t: string): boolean {
  const humps = t.replace(/[0-9]+$/, '').match(/[A-Z]?[a-z]+/g) ?? [];
  // a lower-case prefix letter is part of the word as typed (`iPadMini`, `eBook`)
  // two-letter humps count when they have a vowel (`My|Widget`), not when random (`Bq|Dbmo`)
  return humps.filter((h, i) => !(i === 0 && h.length === 1)).every((h) => h.length >= 3 || (h.length === 2 && /[aeiouy]/i.test(h)));
}

export type Tier = 'strong' | 'text' | 'slot';

/** A marker or constant between doubled separators (`__PAGE__`, `--primary`, `__init__`). */
function isMarker(t: string): boolean {
  return /^[-_]*(?:[A-Z0-9]*|[a-z0-9]*)[-_]*$/.test(t) && /[-_]{2}/.test(t);
}

/** Parts that people type: numbers, versions, dates, words, acronyms of 2 to 4 capitals. */
function typedPart(p: string): boolean {
  return (
    /^[A-Za-z]{1,2}$/.test(p) ||
    /^[vV]?[0-9]+$/.test(p) ||
    /^[A-Z]{2,4}[0-9]*$/.test(p) ||
    (p.length >= 3 && /^[A-Z]?[a-z]+[0-9]*$/.test(p) && readsAsWords(p)) ||
    isNumberish(p)
  );
}

/**
 * Is `t` a hash of the template's alphabet, given that the template is proven? Looser than the name rules
 * only where the template decides (the alphabet and length are known), never for what people type:
 * counting digits, dates, (lower-case or shouted) words, markers, parts that all read as typed.
 */
export function fitsTemplate(t: string, alphabet: string, tier: Tier): boolean {
  if (/^[0-9]+$/.test(t)) return alphabet === 'hex' && !countingDigits(t);
  if (/(?:19|20)[0-9]{2}[-_]?(?:0[1-9]|1[0-2])/.test(t) || /^[vV]?[0-9]+(?:[-_.][0-9]+)+$/.test(t)) return false; // dates, versions
  // Lower-case letters only: a word as likely as a hash, unless the template is sure and it reads as none.
  if (/^[a-z]+$/.test(t)) return alphabet !== 'hex' && tier !== 'slot' && !looksEnglish(t) && !readsAsWords(t);
  if (isMarker(t) || (/[-_]/.test(t) && (/^[a-z_-]+$/.test(t) || /^[A-Z_-]+$/.test(t)))) return false; // `hero-img`, `MY_CONST`
  if (/^[A-Z]+$/.test(t)) {
    // esbuild base32 spells letters only one time in five; beside constant text (`chunk-`) that is all
    // it can be, unless it reads as a shouted word (`OVERVIEW`: English letter pairs and three vowels,
    // which a random base32 run has about one time in eight).
    const vowels = (t.match(/[AEIOU]/g) ?? []).length;
    return alphabet === 'base32' && !looksEnglish(t) ? true : alphabet === 'base32' && tier === 'text' && vowels < 3;
  }
  // Capitals then digits: an acronym or word with a number (`DSC01234`, `BUDGET99`, `SALE2024`).
  const capsDigits = /^([A-Z]+)([0-9]+)$/.exec(t);
  if (capsDigits && ((capsDigits[1] ?? '').length <= 4 || looksEnglish(capsDigits[1] ?? '') || /[0189]/.test(capsDigits[2] ?? '')))
    return false;
  const parts = t.split(/[-_]/).filter((p) => p !== '');
  if (parts.length > 1 && parts.every(typedPart)) return false; // `v2-final`, `IMG_2024`, `14-30-22`, `hero-image`
  const core = t.replace(/[-_]/g, '');
  // Hex: digits and letters mixed, not a word run beside a number (`cafe2024`, `facade12`).
  if (alphabet === 'hex') return /[0-9]/.test(core) && /[a-f]/.test(core) && !/^(?:[a-f]{4,}[0-9]+|[0-9]+[a-f]{4,})$/.test(core);
  if (isNumberish(core)) return false;
  if (/[0-9]{5,}/.test(core) || (core.match(/[A-Z]{6,}/g) ?? []).some((c) => looksEnglish(c))) return false; // `DSC01234ab`, `OVERVIEWab`
  // Words run together with numbers, every word typed whole (`Win10Pro`, `chapter12`, `K8sGuide`).
  if (readsAsWordsAndNumbers(core) && !/[A-Z]{3,}/.test(core) && camelWords(core.replace(/[0-9]+/g, ''))) return false;
  // A name and a number (`jquery-3`): a file copied from `public/` can sit beside a bundler's output.
  if (parts.length === 2 && /^[a-z]{4,}$/.test(parts[0] ?? '') && /^[0-9]{1,3}$/.test(parts[1] ?? '')) return false;
  // Beside constant text or in a bundler's own folder only a word of one case (`settings`, `Settings2`) is
  // refused: random base64url reads as camel-cased words often (`qYie|Ngab`), typed names rarely sit there.
  if (tier !== 'slot') return !(readsAsWords(core) && (!/[a-z][A-Z]/.test(core) || camelWords(core)));
  if (readsAsWords(core)) return false;
  if (t.includes('__') || t.includes('--') || (parts.length > 1 && parts.every((p) => isPlainPart(p)))) return false;
  return !readsAsWordsAndNumbers(core) || choppy(core);
}

/**
 * Verdicts from context for `undecided` paths, given the paths the name rules proved and their tokens.
 * A template needs at least 3 proven siblings (2 when the constant text before the token is the same, as
 * in `chunk-<hash>.js`), and more proven siblings than undecided names in its position.
 */
export function contextHits(undecided: string[], proven: ProvenToken[]): Map<string, ContextHit> {
  const exact = new Map<string, string[]>();
  const loose = new Map<string, string[]>();
  for (const { path, token } of proven) {
    const { dir, base } = split(path);
    const starts = new Set([base.indexOf(token), base.lastIndexOf(token)]);
    for (const s of starts) {
      if (s < 0) continue;
      const p = position(dir, base, s, token.length);
      exact.set(p.exact, [...(exact.get(p.exact) ?? []), token]);
      loose.set(p.loose, [...(loose.get(p.loose) ?? []), token]);
    }
  }
  // Counted as distinct tokens: one image id in three widths is one undecided name, not three.
  const pendingTokens = new Map<string, Set<string>>();
  const candidates = undecided.map((path) => ({ path, at: positions(path).filter((p) => loose.has(p.loose)) }));
  for (const c of candidates) for (const p of c.at) pendingTokens.set(p.loose, (pendingTokens.get(p.loose) ?? new Set()).add(p.token));
  const pending = new Map([...pendingTokens].map(([k, v]) => [k, v.size]));

  const out = new Map<string, ContextHit>();
  for (const { path, at } of candidates) {
    for (const p of at) {
      const sameText = exact.get(p.exact) ?? [];
      const sameSlot = [...new Set(loose.get(p.loose) ?? [])];
      const byText = sameText.length >= 2 && !p.exact.endsWith('\u0000'); // constant text, not an empty one
      const waiting = pending.get(p.loose) ?? 0;
      const tier: Tier = byText ? 'text' : sameSlot.length >= 8 && sameSlot.length >= 4 * waiting ? 'strong' : 'slot';
      const support = byText ? sameText : sameSlot;
      if (!byText && (sameSlot.length < 3 || sameSlot.length <= waiting)) continue;
      const alphabet = alphabetOf(support);
      if (!alphabet || !alphabet[1].test(p.token) || !fitsTemplate(p.token, alphabet[0], tier)) continue;
      const where = byText
        ? `beside ${support.length} proven names of the same text`
        : `in the position of ${support.length} proven sibling names`;
      out.set(path, {
        token: p.token,
        support: support.length,
        reason: `template context: ${p.token.length}-char ${alphabet[0]} token ${where} (same directory, separator and length)`,
      });
      break;
    }
  }
  return out;
}
