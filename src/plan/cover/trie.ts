/**
 * Cover planner, part 1: the entries (exact stale paths, wildcard-only requirements, existing paths) and the
 * compressed trie over them, built top-down by partitioning on the first differing character.
 */
import { F_EXACT, F_EXIST, F_WILD, firstUnsendable, isHighSurrogate } from './common.js';

/** The strings the trie is built over, with their flags (F_*). */
export interface Entries {
  keys: string[];
  kflag: number[];
  /** Distinct stale paths that need a wildcard (containing '*' or '~'). */
  wildSeen: Set<string>;
  /** Requirement prefix -> distinct stale paths behind it. */
  wildCount: Map<string, number>;
  /** Distinct stale paths containing '*', and containing '~' (a path may hold both). */
  nStar: number;
  nTilde: number;
}

/**
 * The trie as a struct of typed arrays indexed by node id. Ids are assigned in creation (pre-)order, root 0, so
 * descending ids are a post-order. Duplicates meet in one terminal node and are merged there.
 */
export interface Trie {
  keys: string[];
  /** Number of nodes. */
  nn: number;
  depth: Int32Array;
  parent: Int32Array;
  /** A key passing through the node (the terminal key when there is one). */
  rep: Int32Array;
  term: Uint8Array;
  /** Stale requirement units under the node. */
  sUnits: Int32Array;
  /** Wildcard-only units under the node. */
  wUnits: Int32Array;
  /** Existing (non-stale) paths under the node. */
  uCnt: Int32Array;
  /** Distinct stale paths under the node (for `covers`). */
  stStr: Int32Array;
  /** Length of the wildcard prefix for this node, 0 = none. */
  cut: Int32Array;
  /** Children with stale units only. */
  firstChild: Int32Array;
  nextSib: Int32Array;
}

export const ROOT = 0;

/** A node whose only requirement is one exact path: sent exactly (its own wildcard is never better). */
export function simple(T: Trie, v: number): boolean {
  return v !== ROOT && T.sUnits[v] === 1 && T.wUnits[v] === 0;
}

/** The children of v holding stale units that are not simple, in list order. */
export function complexKids(T: Trie, v: number): number[] {
  const kids: number[] = [];
  for (let c = T.firstChild[v]!; c !== -1; c = T.nextSib[c]!) if (!simple(T, c)) kids.push(c);
  return kids;
}

/** Exact stale paths + simple children of v: the paths v's own option B always sends. */
export function simpleBase(T: Trie, v: number): number {
  let base = T.term[v]! & F_EXACT ? 1 : 0;
  for (let c = T.firstChild[v]!; c !== -1; c = T.nextSib[c]!) if (simple(T, c)) base++;
  return base;
}

/** Entries for the stale paths: exact ones, and one wildcard-only requirement per prefix before a '*' or '~'. */
export function staleEntries(stale: string[]): Entries {
  const E: Entries = { keys: [], kflag: [], wildSeen: new Set(), wildCount: new Map(), nStar: 0, nTilde: 0 };
  for (const s of stale) {
    if (typeof s !== 'string' || !s.startsWith('/'))
      throw new TypeError(`cover planner: stale path must start with '/': ${JSON.stringify(s)}`);
    const bad = firstUnsendable(s);
    if (bad === -1) {
      E.keys.push(s);
      E.kflag.push(F_EXACT);
    } else if (!E.wildSeen.has(s)) {
      E.wildSeen.add(s);
      if (s.includes('*')) E.nStar++;
      if (s.includes('~')) E.nTilde++;
      const t = s.slice(0, bad);
      const n = E.wildCount.get(t) ?? 0;
      E.wildCount.set(t, n + 1);
      if (n === 0) {
        E.keys.push(t);
        E.kflag.push(F_WILD);
      }
    }
  }
  return E;
}

/** Add the existing paths (U \ S; exact stale duplicates are merged in the trie). */
export function addExisting(E: Entries, existing: string[]): void {
  const nWild = E.wildSeen.size;
  for (const u of existing) {
    if (typeof u !== 'string' || !u.startsWith('/')) continue; // never matched by a path starting with '/'
    if (nWild > 0 && E.wildSeen.has(u)) continue;
    E.keys.push(u);
    E.kflag.push(F_EXIST);
  }
}

/** Scratch space of the counting-sort partition. */
interface Scratch {
  idx: Int32Array;
  tmp: Int32Array;
  codeCount: Int32Array;
  codes: number[];
}

/** Build the trie over E's keys and aggregate the counts bottom-up. O(L) time, O(n + L) space. */
export function buildTrie(E: Entries): Trie {
  const m = E.keys.length;
  const cap = 2 * m + 2;
  const T: Trie = {
    keys: E.keys,
    nn: 0,
    depth: new Int32Array(cap),
    parent: new Int32Array(cap),
    rep: new Int32Array(cap),
    term: new Uint8Array(cap),
    sUnits: new Int32Array(cap),
    wUnits: new Int32Array(cap),
    uCnt: new Int32Array(cap),
    stStr: new Int32Array(cap),
    cut: new Int32Array(cap),
    firstChild: new Int32Array(cap).fill(-1),
    nextSib: new Int32Array(cap).fill(-1),
  };
  const S: Scratch = { idx: new Int32Array(m), tmp: new Int32Array(m), codeCount: new Int32Array(65536), codes: [] };
  for (let i = 0; i < m; i++) S.idx[i] = i;
  const tasks: number[] = [0, m, 0, -1]; // lo, hi, shared prefix length, parent
  while (tasks.length > 0) {
    const par = tasks.pop()!;
    const d0 = tasks.pop()!;
    const hi = tasks.pop()!;
    let lo = tasks.pop()!;
    const d = sharedLength(T.keys, S.idx, lo, hi, d0);
    const v = T.nn++;
    T.depth[v] = d;
    T.parent[v] = par;
    lo = takeTerminal(T, E, S.idx, v, lo, hi);
    setCut(T, v, par);
    if (lo < hi) partition(T.keys, S, lo, hi, d, v, tasks);
  }
  aggregate(T);
  return T;
}

/** Length of the prefix shared by the keys idx[lo..hi) (all share the first d0 characters). */
function sharedLength(keys: string[], idx: Int32Array, lo: number, hi: number, d0: number): number {
  const first = keys[idx[lo]!]!;
  if (hi - lo === 1) return first.length;
  let minLen = first.length;
  for (let i = lo + 1; i < hi; i++) {
    const len = keys[idx[i]!]!.length;
    if (len < minLen) minLen = len;
  }
  let d = d0;
  ext: while (d < minLen) {
    const c = first.charCodeAt(d);
    for (let i = lo + 1; i < hi; i++) if (keys[idx[i]!]!.charCodeAt(d) !== c) break ext;
    d++;
  }
  return d;
}

/** Terminal keys of v (length = depth[v], all equal): merge their flags into v, move them to the front. */
function takeTerminal(T: Trie, E: Entries, idx: Int32Array, v: number, lo: number, hi: number): number {
  const { keys, rep } = T;
  const d = T.depth[v]!;
  rep[v] = idx[lo]!;
  let f = 0;
  for (let i = lo; i < hi; i++) {
    const k = idx[i]!;
    if (keys[k]!.length === d) {
      f |= E.kflag[k]!;
      rep[v] = k;
      idx[i] = idx[lo]!;
      idx[lo++] = k;
    }
  }
  if (f & F_EXACT) f &= ~F_EXIST; // U \ S
  if (f) {
    T.term[v] = f;
    if (f & (F_EXACT | F_WILD)) T.sUnits[v] = 1;
    if (f & F_WILD) T.wUnits[v] = 1;
    if (f & F_EXIST) T.uCnt[v] = 1;
    T.stStr[v] = (f & F_EXACT ? 1 : 0) + (f & F_WILD ? E.wildCount.get(keys[rep[v]!]!)! : 0);
  }
  return lo;
}

/**
 * Deepest valid cut on the edge into v: no '*' or '~' in the prefix, not between surrogate halves. The root's edge
 * starts at the empty string, so its cut can be '/' (every key starts with '/').
 */
function setCut(T: Trie, v: number, par: number): void {
  const str = T.keys[T.rep[v]!]!;
  const pd = par >= 0 ? T.depth[par]! : 0;
  let c = T.depth[v]!;
  const bad = firstUnsendable(str);
  if (bad >= 0 && bad < c) c = bad;
  // Never between the halves of a surrogate pair, nor between an escape mark and its byte (src/plan/url-path.ts).
  while (c > pd && (isHighSurrogate(str.charCodeAt(c - 1)) || str.charCodeAt(c - 1) === 1)) c--;
  T.cut[v] = c > pd ? c : 0;
}

/** Partition idx[lo..hi) by the character at d (counting sort) and queue the child groups of v. */
function partition(keys: string[], S: Scratch, lo: number, hi: number, d: number, v: number, tasks: number[]): void {
  const { idx, tmp, codeCount, codes } = S;
  for (let i = lo; i < hi; i++) {
    const c = keys[idx[i]!]!.charCodeAt(d);
    if (codeCount[c] === 0) codes.push(c);
    codeCount[c] = codeCount[c]! + 1;
  }
  if (codes.length === 1) {
    codeCount[codes[0]!] = 0;
    codes.length = 0;
    tasks.push(lo, hi, d + 1, v);
    return;
  }
  let off = lo;
  for (const c of codes) {
    const n = codeCount[c]!;
    codeCount[c] = off;
    tasks.push(off, off + n, d + 1, v);
    off += n;
  }
  for (let i = lo; i < hi; i++) {
    const k = idx[i]!;
    tmp[codeCount[keys[k]!.charCodeAt(d)]!++] = k;
  }
  idx.set(tmp.subarray(lo, hi), lo);
  for (const c of codes) codeCount[c] = 0;
  codes.length = 0;
}

/** Aggregate bottom-up (descending ids = post-order) and link the children that hold stale units. */
function aggregate(T: Trie): void {
  const { parent, sUnits, wUnits, uCnt, stStr, firstChild, nextSib } = T;
  for (let v = T.nn - 1; v > 0; v--) {
    const p = parent[v]!;
    sUnits[p] = sUnits[p]! + sUnits[v]!;
    wUnits[p] = wUnits[p]! + wUnits[v]!;
    uCnt[p] = uCnt[p]! + uCnt[v]!;
    stStr[p] = stStr[p]! + stStr[v]!;
    if (sUnits[v]! > 0) {
      nextSib[v] = firstChild[p]!;
      firstChild[p] = v;
    }
  }
}
