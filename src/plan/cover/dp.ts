/**
 * Cover planner, part 4: the bounded tree knapsack. F(v, k[, w]) tables are computed bottom-up; option A is a
 * wildcard at v, option B is v's own exact path plus the (min,+)-merge of its children's tables.
 */
import type { Planner } from './bounds.js';
import { F_EXACT, F_WILD, INF } from './common.js';
import { at, conv, emptyTable, merge, newTable, settle, type Table } from './table.js';
import { complexKids, ROOT, simple, simpleBase } from './trie.js';

export interface DPParams {
  /** Cost of a wildcard at the node (INF when not allowed / no valid cut). */
  wildCost: Float64Array;
  /** Cost of one exact path. */
  exactCost: number;
  /** Path cap B; 0 = unbounded (one row, "any number of paths"). */
  kCap: number;
  /** Track the number of wildcards as table columns (0..W). */
  track: boolean;
  /** Keep the per-node tables (needed to rebuild the plan). */
  keep: boolean;
}

export interface DPResult {
  tables: (Table | undefined)[];
  root: Table;
  /** Candidate wildcard nodes in each node's (non-simple part of the) subtree. */
  cand: Int32Array;
}

/** Paths that must be spent outside the merged part: t = complex children merged so far, w = wildcards used. */
type Need = (t: number, w: number) => number;

/** Run the DP over every complex node holding stale units, children before parents. */
export function runDP(C: Planner, P: DPParams): DPResult {
  const { T } = C;
  const nn = T.nn;
  const tables: (Table | undefined)[] = new Array(P.keep ? nn : 0);
  const work: (Table | undefined)[] = new Array(nn);
  const cand = new Int32Array(nn);
  let rootT: Table | undefined;
  for (let v = nn - 1; v >= 0; v--) {
    if (T.sUnits[v] === 0 || simple(T, v)) continue;
    const t = nodeTable(C, v, P, work, cand);
    if (P.keep) tables[v] = t;
    work[v] = t;
    // children tables are no longer needed for the forward pass
    if (!P.keep) for (let c = T.firstChild[v]!; c !== -1; c = T.nextSib[c]!) work[c] = undefined;
    if (v === ROOT) rootT = t;
  }
  return { tables, root: rootT!, cand };
}

/** Best entry of the root table: last row (at most kCap paths) of the cheapest column. */
export function bestAtRoot(R: DPResult): { k: number; w: number; val: number } {
  const t = R.root;
  let best = { k: 0, w: 0, val: INF };
  for (let w = 0; w <= t.Wd; w++) {
    const h = t.hi[w]!;
    if (h === t.lo[w]) continue;
    const val = at(t, h - 1, w);
    if (val < best.val) best = { k: h - 1, w, val };
  }
  return best;
}

/** Rows kept for a partial table holding sAcc stale units when `need` paths must be spent elsewhere. */
function rowsFor(P: DPParams, sAcc: number, need: number): number {
  return P.kCap === 0 ? 1 : Math.min(sAcc, P.kCap - need) + 1;
}

/**
 * Paths that must be spent outside the part of v merged so far (t of its complex children), for a plan using
 * w wildcards inside it: with the "outside" arrays, the least paths the rest of the tree (and the children not
 * merged yet) needs with the W - w wildcards left; otherwise the scalar bound plus one path per child left.
 */
function needFor(C: Planner, v: number, kids: number[], P: DPParams): Need {
  const m = kids.length;
  const W = C.W;
  if (P.kCap === 0) return () => 0;
  if (C.out !== null && C.mp !== null) {
    const ov = C.out[v];
    if (ov === undefined || C.dead[v]) return () => INF;
    const op: Float64Array[] = new Array(m + 1);
    op[m] = ov;
    for (let t = m - 1; t >= 0; t--) op[t] = conv(op[t + 1]!, C.mp[kids[t]!]!);
    return (t, w) => op[t]![P.track ? W - w : W]!;
  }
  const l = C.lb[v]!;
  return (t) => l + (m - t);
}

/** Base table for option B before merging complex children: own exact path + simple children. */
function baseTable(C: Planner, v: number, P: DPParams, need0: number): { t: Table; sAcc: number } {
  const term = C.T.term[v]!;
  const blocked = (term & F_WILD) !== 0;
  const base = simpleBase(C.T, v);
  const sAcc = base + (blocked && !(term & F_EXACT) ? 1 : 0); // stale units of v itself + simple children
  const rows = rowsFor(P, sAcc, need0);
  let t: Table;
  if (blocked) t = emptyTable();
  else if (P.kCap === 0) {
    t = newTable(0, [0], [rows]);
    if (rows > 0) t.a[0] = base * P.exactCost;
  } else {
    t = newTable(0, [base], [Math.min(rows, base + 1)]);
    if (t.hi[0]! > t.lo[0]!) t.a[0] = base * P.exactCost;
  }
  return { t, sAcc };
}

/** Option-B chain for v: [base, after complex child 1, ...] (or just the last table), children in list order. */
export function chainFor(
  C: Planner,
  v: number,
  P: DPParams,
  tabs: (Table | undefined)[],
  cand: Int32Array,
  all: boolean,
): { chain: Table[]; kids: number[]; need: Need } {
  const kids = complexKids(C.T, v);
  const need = needFor(C, v, kids, P);
  const b = baseTable(C, v, P, need(0, 0));
  let acc = b.t;
  let sAcc = b.sAcc;
  let wAcc = 0;
  const chain: Table[] = all ? [acc] : [];
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i]!;
    sAcc += C.T.sUnits[c]!;
    wAcc += cand[c]!;
    const s = sAcc;
    acc = merge(acc, tabs[c]!, P.track ? Math.min(C.W, wAcc) : 0, (w) => rowsFor(P, s, need(i + 1, w)), C.scratch);
    if (all) chain.push(acc);
  }
  if (!all) chain.push(acc);
  return { chain, kids, need };
}

/** F(v, ·): option B (the chain), then v's own wildcard (1 path, 1 wildcard) where it is cheaper. */
function nodeTable(C: Planner, v: number, P: DPParams, work: (Table | undefined)[], cand: Int32Array): Table {
  const { T, W } = C;
  const wc = P.wildCost[v]!;
  let cc = wc !== INF ? 1 : 0;
  for (let c = T.firstChild[v]!; c !== -1; c = T.nextSib[c]!) if (!simple(T, c)) cc += cand[c]!;
  cand[v] = cc;
  if (P.kCap !== 0 && C.dead[v]) return emptyTable();
  const { chain, kids, need } = chainFor(C, v, P, work, cand, false);
  const last = chain[chain.length - 1]!;
  if (wc === INF) return last;
  // add v's own wildcard (1 path, 1 wildcard): column 1 (column 0 when wildcards are not tracked), rows >= 1
  const Wd = P.track ? Math.min(W, cc) : 0;
  const wA = P.track ? 1 : 0;
  const kA = P.kCap === 0 ? 0 : 1;
  const capA = rowsFor(P, T.sUnits[v]!, need(kids.length, wA));
  if (capA <= kA) return last; // no room for even one path here in a feasible plan
  const lo: number[] = new Array<number>(Wd + 1);
  const hi: number[] = new Array<number>(Wd + 1);
  for (let w = 0; w <= Wd; w++) {
    const has = w <= last.Wd && last.hi[w]! > last.lo[w]!;
    lo[w] = has ? last.lo[w]! : 0;
    hi[w] = has ? last.hi[w]! : 0;
  }
  lo[wA] = hi[wA]! > lo[wA]! ? Math.min(lo[wA]!, kA) : kA;
  hi[wA] = Math.min(capA, Math.max(hi[wA]!, kA + 1));
  const t = newTable(Wd, lo, hi);
  for (let w = 0; w <= Wd; w++) for (let k = t.lo[w]!; k < t.hi[w]!; k++) t.a[t.off[w]! + k - t.lo[w]!] = at(last, k, w);
  const o = t.off[wA]! - t.lo[wA]!;
  for (let k = Math.max(kA, t.lo[wA]!); k < t.hi[wA]!; k++) if (wc < t.a[o + k]!) t.a[o + k] = wc;
  return settle(t);
}
