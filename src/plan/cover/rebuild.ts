/**
 * Cover planner, part 5: rebuild the chosen plan top-down from the kept tables, by recomputing each chosen node's
 * merge chain and backtracking through it.
 */
import type { Planner } from './bounds.js';
import { F_EXACT, F_WILD, INF, type Solution } from './common.js';
import { bestAtRoot, chainFor, type DPParams, type DPResult } from './dp.js';
import { at, type Table } from './table.js';
import { ROOT, simple } from './trie.js';

/** Rebuild the chosen paths from kept tables. */
export type { Solution } from './common.js';

export function rebuild(C: Planner, P: DPParams, R: DPResult): Solution {
  const { T } = C;
  const sol: Solution = { wild: [], exact: [] };
  const b = bestAtRoot(R);
  if (b.val === INF) throw new Error('cover planner: internal error (no feasible plan)');
  const todo: number[] = [ROOT, b.k, b.w, b.val];
  while (todo.length > 0) {
    const val = todo.pop()!;
    const w = todo.pop()!;
    let k = todo.pop()!;
    const v = todo.pop()!;
    const t = R.tables[v]!;
    while (k > 0 && at(t, k - 1, w) === val) k--;
    const wc = P.wildCost[v]!;
    if (wc !== INF && val === wc && (!P.track || w === 1) && (P.kCap === 0 || k >= 1)) {
      sol.wild.push(v);
      continue;
    }
    if (T.term[v]! & F_EXACT && !(T.term[v]! & F_WILD)) sol.exact.push(v);
    for (let c = T.firstChild[v]!; c !== -1; c = T.nextSib[c]!) {
      if (!simple(T, c)) continue;
      let e = c; // the one exact stale path under a simple child may lie deeper (below existing-only nodes)
      while (!(T.term[e]! & F_EXACT)) e = T.firstChild[e]!;
      sol.exact.push(e);
    }
    splitChain(C, P, R, v, k, w, val, todo);
  }
  return sol;
}

/**
 * Walk v's merge chain backwards from (k, w, val), finding for each complex child the entry (j, q) it
 * contributed; queue [child, j, q, value] on `todo`.
 */
function splitChain(C: Planner, P: DPParams, R: DPResult, v: number, k: number, w: number, val: number, todo: number[]): void {
  const { chain, kids } = chainFor(C, v, P, R.tables, R.cand, true);
  let cur = chain[chain.length - 1]!;
  let ck = k;
  let cw = w;
  let cv = val;
  if (at(cur, ck, cw) !== cv) throw new Error('cover planner: internal error (rebuild mismatch)');
  for (let i = kids.length - 1; i >= 0; i--) {
    while (ck > 0 && at(cur, ck - 1, cw) === cv) ck--;
    const prev = chain[i]!;
    const c = kids[i]!;
    const s = findSplit(prev, R.tables[c]!, ck, cw, cv);
    if (s === null) throw new Error('cover planner: internal error (no split found)');
    todo.push(c, s.j, s.q, s.cv);
    cur = prev;
    ck -= s.j;
    cw -= s.q;
    cv = s.pv;
  }
}

/** First (q, j) with prev(ck - j, cw - q) + ct(j, q) = cv, scanning q then j upwards. */
function findSplit(prev: Table, ct: Table, ck: number, cw: number, cv: number): { j: number; q: number; cv: number; pv: number } | null {
  for (let q = 0; q <= Math.min(ct.Wd, cw); q++) {
    const p = cw - q;
    if (p > prev.Wd) continue;
    if (ct.hi[q] === ct.lo[q]) continue;
    for (let j = ct.lo[q]!; j <= Math.min(ct.hi[q]! - 1, ck); j++) {
      const cvj = at(ct, j, q);
      if (cvj === INF) continue;
      const pv = at(prev, ck - j, p);
      if (pv + cvj === cv) return { j, q, cv: cvj, pv };
    }
  }
  return null;
}
