/**
 * Cover planner, part 3: the exact pruning bounds (what any feasible plan must spend outside a node) and the
 * planner state they feed into the DP.
 */
import { type CoverTuning, F_EXACT, F_WILD, INF } from './common.js';
import type { Summary } from './common.js';
import { conv, type MergeScratch } from './table.js';
import { complexKids, ROOT, simple, simpleBase, type Trie } from './trie.js';

type Arrays = (Float64Array | undefined)[];

/** Everything the DP, the rebuild and the objectives read: the trie, the limits and the bounds. */
export interface Planner extends Summary {
  T: Trie;
  /** Path cap of the DP: B, or 0 (unbounded) when B covers every stale unit. */
  kCapAll: number;
  /** min(B, stale units): the most paths a plan can use. */
  bEff: number;
  /** Scalar outside bound (all zero when unused). */
  lb: Float64Array;
  /** mp[v][w] = fewest paths covering v's subtree with <= w wildcards (null when unused). */
  mp: Arrays | null;
  /** out[v][w] = fewest paths covering everything outside v (no ancestor wildcard) with <= w wildcards. */
  out: Arrays | null;
  /** Nodes that every feasible plan covers by an ancestor wildcard: their tables are empty. */
  dead: Uint8Array;
  scratch: MergeScratch;
}

/** Compute the bounds chosen by `tuning` and assemble the planner state. */
export function makePlanner(T: Trie, info: Summary, tuning: CoverTuning): Planner {
  const units = T.sUnits[ROOT]!;
  const W = info.W;
  const kCapAll = info.budget >= units ? 0 : info.budget;
  const bEff = Math.min(info.budget, units);
  // Every pass only needs plans with <= W wildcards (a pass that ignores W is checked against it afterwards).
  const lb =
    tuning.prune && kCapAll !== 0 && W > tuning.outsideWildcardLimit
      ? outsideBound(T, W <= tuning.boundWildcardLimit ? W : null)
      : new Float64Array(T.nn);
  let mp: Arrays | null = null;
  let out: Arrays | null = null;
  if (tuning.prune && kCapAll !== 0 && W <= tuning.outsideWildcardLimit) {
    mp = insidePaths(T, W);
    out = outsidePaths(T, W, kCapAll, mp);
  }
  const dead = new Uint8Array(T.nn);
  if (kCapAll !== 0) {
    for (let v = 0; v < T.nn; v++) {
      const need = out !== null ? (out[v]?.[W] ?? INF) : lb[v]!;
      if (need >= kCapAll) dead[v] = 1;
    }
  }
  const scratch = { lo: new Int32Array(W + 2), hi: new Int32Array(W + 2) };
  return { ...info, T, kCapAll, bEff, lb, mp, out, dead, scratch };
}

const BIG = 1e9;

/** Excess of a child region: the paths beyond one it needs without a wildcard (BIG when it must have one). */
function excess(T: Trie, c: number): number {
  return T.wUnits[c]! > 0 ? BIG : T.sUnits[c]! - 1;
}

/**
 * Lower bound on the paths any feasible plan (<= B paths, <= `wl` wildcards) spends outside v when no ancestor
 * wildcard covers v. The stale regions hanging off v's ancestors (their other children, their own exact paths)
 * each need a path of their own (one path covering two of them would be a wildcard above v), and a region
 * holding e stale units needs all e exact paths unless it gets a wildcard: so the bound is
 *   (number of regions) + Σ (e - 1) over all but the `wl` largest regions.
 * Regions holding a '*' or '~' stale path must get a wildcard. v never needs more than B - bound paths, so tables are
 * capped there, which prunes most of a large tree. `wl` = null: only count the regions (any wildcard limit).
 */
function outsideBound(T: Trie, wlIn: number | null): Float64Array {
  const wl = wlIn ?? 0;
  const nn = T.nn;
  const lb = new Float64Array(nn);
  const cntA = new Float64Array(nn);
  const sumA = new Float64Array(nn);
  const tops: (number[] | undefined)[] = new Array(nn);
  tops[ROOT] = [];
  const topC: number[] = []; // [value, child] pairs, value descending, at most wl + 1
  for (let p = 0; p < nn; p++) {
    const tp = tops[p];
    if (tp === undefined) continue;
    tops[p] = undefined;
    const own = T.term[p]! & (F_EXACT | F_WILD) ? 1 : 0;
    const ownWild = (T.term[p]! & F_WILD) !== 0; // p itself must be wildcarded, which covers every child
    const [nC, sumC] = childExcesses(T, p, wlIn === null ? -1 : wl, topC);
    for (let c = T.firstChild[p]!; c !== -1; c = T.nextSib[c]!) {
      if (simple(T, c)) continue;
      const cnt = cntA[p]! + nC - 1 + own;
      const sum = sumA[p]! + sumC - excess(T, c);
      const list = largestOutside(tp, topC, c, wl);
      let top = 0;
      for (const x of list) top += x;
      lb[c] = ownWild || lb[p] === INF ? INF : wlIn === null ? cnt : cnt + sum - top;
      cntA[c] = cnt;
      sumA[c] = sum;
      tops[c] = list;
    }
  }
  return lb;
}

/**
 * Number and total excess of p's children; fills topC with [excess, child] pairs of the wl + 1 largest positive
 * excesses, descending (left empty when wl < 0).
 */
function childExcesses(T: Trie, p: number, wl: number, topC: number[]): [number, number] {
  let nC = 0;
  let sumC = 0;
  topC.length = 0;
  for (let c = T.firstChild[p]!; c !== -1; c = T.nextSib[c]!) {
    nC++;
    const ex = excess(T, c);
    sumC += ex;
    if (wl < 0 || ex <= 0) continue;
    if (topC.length >= 2 * (wl + 1) && topC[topC.length - 2]! >= ex) continue;
    let i = topC.length;
    topC.push(ex, c);
    while (i > 0 && topC[i - 2]! < ex) {
      topC[i] = topC[i - 2]!;
      topC[i + 1] = topC[i - 1]!;
      i -= 2;
    }
    topC[i] = ex;
    topC[i + 1] = c;
    if (topC.length > 2 * (wl + 1)) topC.length = 2 * (wl + 1);
  }
  return [nC, sumC];
}

/** The wl largest excesses among the parent's outside list `tp` and the siblings in topC (c excluded). */
function largestOutside(tp: number[], topC: number[], c: number, wl: number): number[] {
  const list: number[] = [];
  let i = 0;
  let j = 0;
  while (list.length < wl) {
    if (j < topC.length && topC[j + 1] === c) j += 2;
    const a = i < tp.length ? tp[i]! : -1;
    const b2 = j < topC.length ? topC[j]! : -1;
    if (a < 0 && b2 < 0) break;
    if (a >= b2) {
      list.push(a);
      i++;
    } else {
      list.push(b2);
      j += 2;
    }
  }
  return list;
}

/** mp[v][w] = fewest paths covering v's subtree with <= w wildcards (complex nodes only). O(n·W²). */
function insidePaths(T: Trie, W: number): Arrays {
  const mp: Arrays = new Array(T.nn);
  for (let v = T.nn - 1; v >= 0; v--) {
    if (T.sUnits[v] === 0 || simple(T, v)) continue;
    const base = simpleBase(T, v);
    let acc: Float64Array = new Float64Array(W + 1).fill(T.term[v]! & F_WILD ? INF : base);
    for (let c = T.firstChild[v]!; c !== -1; c = T.nextSib[c]!) if (!simple(T, c)) acc = conv(acc, mp[c]!);
    if (T.cut[v]! > 0) for (let w = 1; w <= W; w++) if (acc[w]! > 1) acc[w] = 1;
    mp[v] = acc;
  }
  return mp;
}

/**
 * out[v][w] = fewest paths covering everything outside v (no ancestor wildcard) with <= w wildcards: (min,+)
 * over w with prefix/suffix products over the siblings. O(n·W²).
 */
function outsidePaths(T: Trie, W: number, kCapAll: number, mp: Arrays): Arrays {
  const out: Arrays = new Array(T.nn);
  out[ROOT] = new Float64Array(W + 1);
  const infArr = new Float64Array(W + 1).fill(INF);
  for (let p = 0; p < T.nn; p++) {
    const op = out[p];
    if (op === undefined || op[W]! >= kCapAll) continue; // p cannot stay uncovered: neither can its children
    const kids = complexKids(T, p);
    if (kids.length === 0) continue;
    if (T.term[p]! & F_WILD) {
      for (const c of kids) out[c] = infArr; // p itself needs a wildcard, which covers every child
      continue;
    }
    const add = simpleBase(T, p);
    const pre: Float64Array[] = [op.map((x) => x + add)];
    for (let i = 0; i < kids.length; i++) pre.push(conv(pre[i]!, mp[kids[i]!]!));
    let suf: Float64Array = new Float64Array(W + 1); // identity for "at most" arrays
    for (let i = kids.length - 1; i >= 0; i--) {
      out[kids[i]!] = conv(pre[i]!, suf);
      suf = conv(suf, mp[kids[i]!]!);
    }
  }
  return out;
}
