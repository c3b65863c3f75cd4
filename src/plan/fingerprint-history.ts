// History as evidence for fingerprinting. Pure: plain data in, plain data out.
//
// Between the previous deploy and this build, a name that disappeared and a name that appeared in the
// same directory, identical except for one token, with different content, show that the token follows
// the content: the build's template puts a content hash there. The directory and the constant text
// around the token (`before`, `after`) plus the token's alphabet and length make a LearnedShape; later
// names of that shape are fingerprinted even when the name rules alone cannot tell (`chart-kqzvbwyx.js`,
// `app.0a0b0c0d0e1.js`, a site's own pipeline).
//
// The converse is the demotion: a name of a learned shape that is reused with new content proves the
// token is NOT (only) a content hash, and the shape is dropped for good.

import type { LearnedShape } from '../model/data.js';
import { fitsTemplate } from './fingerprint/siblings.js';
import { DATE8, isPlainPart, letterClasses, looksEnglish, readsAsWordsAndNumbers } from './fingerprint/words.js';

export type { LearnedShape } from '../model/data.js';

export interface HistoryFile {
  path: string;
  md5: string;
}

const ALPHABETS: Record<string, RegExp> = {
  hex: /^[0-9a-f]+$/,
  base32: /^[A-Z2-7]+$/,
  base36: /^[0-9a-z]+$/,
  alnum: /^[0-9A-Za-z]+$/,
  base64url: /^[0-9A-Za-z_-]+$/,
};

/** Token lengths considered: shorter runs are versions, counters and words; longer are not names. */
const MIN_TOKEN = 6;
const MAX_TOKEN = 128;
/** Characters that may bound a token in a name (Next/Vite `-`, webpack `.`, Hugo `_`, `~`). */
const BOUNDARY = '.-_~';
const TOKEN_CHAR = /[0-9A-Za-z_-]/;
/** Entry documents: never fingerprinted whatever their name, so never evidence either. */
const HTML = /\.(?:html?|xhtml)$/i;

function splitPath(path: string): { dir: string; base: string } {
  const i = path.lastIndexOf('/');
  return i < 0 ? { dir: '', base: path } : { dir: path.slice(0, i), base: path.slice(i + 1) };
}

/** The narrowest alphabet holding every token (base32 only for upper-case tokens, as esbuild emits). */
function alphabetOf(tokens: string[]): string | null {
  for (const a of ['hex', 'base32', 'base36', 'alnum', 'base64url']) {
    const re = ALPHABETS[a] as RegExp;
    if (tokens.every((t) => re.test(t))) return a;
  }
  return null;
}

/**
 * Could this token be a hash in `alphabet`, rather than something a person or a framework types? Not a
 * number, date or version (`20240115`, `000124`), not words (`settings`, `darkMode`, `OVERVIEW`,
 * `release-notes`), not a constant marker (`__PAGE__`, `MY_CONST`).
 */
function plausibleToken(t: string, alphabet: string, spelt = false): boolean {
  const re = ALPHABETS[alphabet];
  if (!re || t.length < MIN_TOKEN || t.length > MAX_TOKEN || !re.test(t)) return false;
  if (/^[0-9]+$/.test(t)) return alphabet === 'hex' && t.length >= 8 && !DATE8.test(t); // 2% of 8-hex hashes
  if (t.includes('__') || t.includes('--') || /^[-_]|[-_]$/.test(t)) return false;
  if (/[-_]/.test(t) && (!/[a-z]/.test(t) || t.split(/[-_]/).some((p) => p.length >= 3 && isPlainPart(p)))) return false;
  if (/^[a-z]+$/.test(t)) return alphabet === 'hex' && t.length >= 12; // lower-case letters: a word
  if (alphabet === 'hex') return true; // digits and a-f mixed
  if (/^[A-Z]+$/.test(t)) return spelt || !looksEnglish(t);
  // esbuild base32 (`MV2EFFYE`): 0, 1, 8, 9 never occur, so `SALE2024` is not base32; `SPRING24` is refused.
  if (alphabet === 'base32') return spelt || !(/^[A-Z]+[2-7]{1,2}$/.test(t) && looksEnglish(t.replace(/[0-9]+$/, '')));
  if (letterClasses(t) < 2) return false;
  return !readsAsWordsAndNumbers(t); // `chapter12`, `v2Final`, `Win10Start`
}

interface Candidate {
  key: string;
  shape: LearnedShape;
  token: string;
}

/**
 * Every way to read one token out of a basename: a run of token characters of MIN..MAX length bounded
 * on both sides by a boundary character or the end of the name, with at least one character after it
 * (the extension). The alphabet is left out of the key; it is decided from the paired tokens.
 */
function candidates(path: string): Candidate[] {
  const { dir, base } = splitPath(path);
  const out: Candidate[] = [];
  const n = base.length;
  for (let s = 0; s < n; s++) {
    if (s > 0 && !BOUNDARY.includes(base.charAt(s - 1))) continue;
    for (let e = s; e < n && e - s < MAX_TOKEN; e++) {
      if (!TOKEN_CHAR.test(base.charAt(e))) break;
      const len = e - s + 1;
      if (len < MIN_TOKEN || e + 1 >= n || !BOUNDARY.includes(base.charAt(e + 1))) continue;
      const before = base.slice(0, s);
      const after = base.slice(e + 1);
      const shape: LearnedShape = { dir, before, after, alphabet: '', length: len };
      out.push({ key: `${dir}\u0000${before}\u0000${after}\u0000${len}`, shape, token: base.slice(s, e + 1) });
    }
  }
  return out;
}

/** The two tokens differ at their first and last characters' sides only within one token: their
 *  common prefix and suffix hold no separator (else the real token is narrower, e.g. `index-` of
 *  `index-CfaFZ-lr` is constant text, not part of the hash). */
function tight(a: string, b: string): boolean {
  let p = 0;
  while (p < a.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  return !/[-_]/.test(a.slice(0, p)) && !/[-_]/.test(a.slice(a.length - q));
}

function shapeKey(s: LearnedShape): string {
  return JSON.stringify([s.dir, s.before, s.after, s.alphabet, s.length]);
}

/**
 * Learn shapes from the names that disappeared (in `previous`, not in `current`) and appeared (the
 * reverse). Per candidate shape (dir, before, after, length), the disappeared and appeared names are
 * paired when unambiguous: exactly one of each; or several of each when every token in the group is
 * distinct, plausible, pairwise tight, and no appeared file has the content of a disappeared one (a
 * moved file with the same bytes under a new token means the token does not follow the content).
 * A 1:1 pair also needs different content. Returns `known` plus the new shapes, deduplicated.
 */
export function learnShapes(previous: HistoryFile[], current: HistoryFile[], known: LearnedShape[] = []): LearnedShape[] {
  return learnShapesOf(new Map(previous.map((f) => [f.path, f.md5])), new Map(current.map((f) => [f.path, f.md5])), known);
}

/**
 * learnShapes over path -> MD5 maps (or views that answer as Maps do: a large site's ledger and build are read
 * where they are, with no pair or map entry made per file).
 */
export function learnShapesOf(
  prev: ReadonlyMap<string, string>,
  cur: ReadonlyMap<string, string>,
  known: LearnedShape[] = [],
): LearnedShape[] {
  const groups = new Map<string, { shape: LearnedShape; gone: Array<[string, string]>; came: Array<[string, string]> }>();
  const add = (path: string, md5: string, side: 'gone' | 'came'): void => {
    if (HTML.test(path)) return;
    for (const c of candidates(path)) {
      let g = groups.get(c.key);
      if (!g) groups.set(c.key, (g = { shape: c.shape, gone: [], came: [] }));
      g[side].push([c.token, md5]);
    }
  };
  for (const [p, md5] of prev) if (!cur.has(p)) add(p, md5, 'gone');
  for (const [p, md5] of cur) if (!prev.has(p)) add(p, md5, 'came');

  const out = new Map<string, LearnedShape>();
  for (const s of known) out.set(shapeKey(s), s);
  for (const d of buildIdDirs(prev, cur)) out.set(shapeKey(d), d);
  for (const { shape, gone, came } of groups.values()) {
    if (gone.length === 0 || came.length === 0) continue;
    if (gone.length > 1 || came.length > 1) {
      if (gone.length * came.length > 10_000) continue; // too many to check pairwise: no evidence taken
      if (came.some(([, m]) => gone.some(([, g]) => g === m))) continue;
    } else if (gone[0]?.[1] === came[0]?.[1]) continue; // same content under a new name: not a content hash
    const tokens = [...gone, ...came].map(([t]) => t);
    if (new Set(tokens).size !== tokens.length) continue;
    const alphabet = alphabetOf(tokens);
    if (!alphabet) continue;
    // esbuild's base32 spells letters only one time in five: after constant text (`chunk-`), in a group
    // of three or more whose other tokens carry digits, such a token is one of the hashes.
    const spelt =
      lettersOnlyAllowed(shape, alphabet) && tokens.length >= 3 && tokens.filter((t) => /[2-7]/.test(t)).length * 2 >= tokens.length;
    // Every token must at least fit a proven template (no counter, date, marker or one-case word), and most
    // must pass the strict test on their own: random base64url reads as camel-cased words now and then.
    if (!tokens.every((t) => plausibleToken(t, alphabet, spelt) || fitsShape(t, alphabet))) continue;
    if (tokens.filter((t) => plausibleToken(t, alphabet, spelt)).length * 2 < tokens.length) continue;
    if (!gone.every(([a]) => came.every(([b]) => tight(a, b)))) continue;
    const learned = { ...shape, alphabet };
    out.set(shapeKey(learned), learned);
  }
  return [...out.values()];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A directory name that is a random build id: a UUID, or 16+ chars of hex or base64url that read as a hash. */
function idKind(seg: string): string | null {
  if (UUID.test(seg)) return 'uuid';
  if (seg.length < 16 || seg.length > MAX_TOKEN) return null;
  const alphabet = alphabetOf([seg]);
  return alphabet && alphabet !== 'base32' && plausibleToken(seg, alphabet) ? alphabet : null;
}

/**
 * Build-id directories (`<parent>/<id>/…`): between the previous deploy and this build, every file under
 * one id disappeared and the same names appeared under one new id of the same kind and length (two names at
 * least, no page among them). A build writes such a directory once and never reuses it (Next.js `_next/static/<buildId>/`, a site's own
 * `builds/<uuid>/`), so everything under an id of that kind there is fingerprinted. Several ids on either
 * side (records, uploads) or an old id still in the build prove nothing. Learned as a shape whose `after`
 * is '/': the token is a whole directory name.
 */
function buildIdDirs(prev: ReadonlyMap<string, string>, cur: ReadonlyMap<string, string>): LearnedShape[] {
  const groups = new Map<string, { shape: LearnedShape; gone: Map<string, Set<string>>; came: Map<string, Set<string>>; kept: boolean }>();
  const visit = (path: string, side: 'gone' | 'came' | 'kept'): void => {
    const segs = path.split('/');
    for (let i = 0; i < segs.length - 1; i++) {
      const seg = segs[i] ?? '';
      const kind = idKind(seg);
      if (!kind) continue;
      const dir = segs.slice(0, i).join('/');
      const key = `${dir}\u0000${kind}\u0000${seg.length}`;
      let g = groups.get(key);
      if (!g)
        groups.set(
          key,
          (g = {
            shape: { dir, before: '', after: '/', alphabet: kind, length: seg.length },
            gone: new Map(),
            came: new Map(),
            kept: false,
          }),
        );
      if (side === 'kept') {
        g.kept = true;
        continue;
      }
      const m = g[side];
      m.set(seg, (m.get(seg) ?? new Set()).add(segs.slice(i + 1).join('/')));
    }
  };
  for (const p of prev.keys()) visit(p, cur.has(p) ? 'kept' : 'gone');
  for (const p of cur.keys()) if (!prev.has(p)) visit(p, 'came');
  const out: LearnedShape[] = [];
  for (const { shape, gone, came, kept } of groups.values()) {
    if (kept || gone.size !== 1 || came.size !== 1) continue;
    const [oldRests] = [...gone.values()];
    const [newRests] = [...came.values()];
    const all = [...(oldRests ?? []), ...(newRests ?? [])];
    // A folder of pages (`posts/<uuid>/index.html`) is content, not a build's asset directory.
    if (all.some((r) => HTML.test(r))) continue;
    if ([...(newRests ?? [])].filter((r) => oldRests?.has(r)).length >= 2) out.push(shape);
  }
  return out;
}

/** Does the path have the shape: same directory, same constant text, a plausible token of the
 *  shape's alphabet and length in between? For a build-id directory shape (`after` '/'), is the path
 *  under a directory of that kind and length there? */
export function matchesShape(path: string, shape: LearnedShape): boolean {
  if (shape.after === '/') return buildIdOf(path, shape) !== null;
  const { dir, base } = splitPath(path);
  if (dir !== shape.dir || base.length !== shape.before.length + shape.length + shape.after.length) return false;
  if (!base.startsWith(shape.before) || !base.endsWith(shape.after)) return false;
  const token = base.slice(shape.before.length, shape.before.length + shape.length);
  return plausibleToken(token, shape.alphabet, lettersOnlyAllowed(shape, shape.alphabet)) || fitsShape(token, shape.alphabet);
}

/** A token in a learned shape (directory, text around it, length, alphabet all proven by history) is
 *  judged as one beside constant text in a build (`fitsTemplate`, tier `text`), within the alphabet. */
function fitsShape(t: string, alphabet: string): boolean {
  const re = ALPHABETS[alphabet];
  if (!re || !re.test(t) || t.length < MIN_TOKEN || alphabet === 'base32') return false;
  return fitsTemplate(t, alphabet === 'hex' ? 'hex' : 'base64url', 'text');
}

/** A learned base32 shape with constant text before the token (`chunk-<hash>.js`): its letters-only
 *  tokens are hashes too (the shape is proven; a shouted word there is not something a build writes). */
function lettersOnlyAllowed(shape: LearnedShape, alphabet: string): boolean {
  return alphabet === 'base32' && /-$/.test(shape.before);
}

/** The build-id directory name of `path` under a directory shape, or null. */
export function buildIdOf(path: string, shape: LearnedShape): string | null {
  const prefix = shape.dir === '' ? '' : `${shape.dir}/`;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash !== shape.length || slash === rest.length - 1) return null;
  const seg = rest.slice(0, slash);
  return idKind(seg) === shape.alphabet ? seg : null;
}

/** Drop, for good, every shape one of whose names was reused with new content (`demotedPaths`). The
 *  token test is skipped here: any name of the shape's layout is enough to distrust it. */
export function dropShapes(shapes: LearnedShape[], demotedPaths: string[]): LearnedShape[] {
  const demoted = demotedPaths.map(splitPath);
  return shapes.filter(
    (s) =>
      !demotedPaths.some((p) => s.after === '/' && buildIdOf(p, s) !== null) &&
      !demoted.some(
        ({ dir, base }) =>
          dir === s.dir &&
          base.length === s.before.length + s.length + s.after.length &&
          base.startsWith(s.before) &&
          base.endsWith(s.after) &&
          (ALPHABETS[s.alphabet] ?? ALPHABETS['base64url'])?.test(base.slice(s.before.length, s.before.length + s.length)),
      ),
  );
}
