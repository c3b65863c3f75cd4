/**
 * Cover planner, part 7: the two objectives as wildcard cost models over the DP. Costs are exact integers packed
 * into one float64, most significant criterion first.
 */
import type { CoverResult } from '../../model/data.js';
import type { Planner } from './bounds.js';
import { INF, LEN_CAP, wildcardSpecificity } from './common.js';
import { bestAtRoot, type DPParams, runDP } from './dp.js';
import { rebuild } from './rebuild.js';
import { finish } from './result.js';
import { simple } from './trie.js';

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Known origin: minimise (collateral, paths, wildcards), cost = collateral·M1 + paths·M2 + wildcards (wildcards
 * dropped if the packing would not be exact). If the optimum uses more than W wildcards, rerun tracking them.
 */
export function planKnown(C: Planner): CoverResult {
  const { T, bEff, nU, W } = C;
  let M2 = bEff + 1;
  let M1 = M2 * (bEff + 1);
  let wUnit = 1;
  if ((nU + 1) * M1 > SAFE) {
    M2 = 1;
    M1 = bEff + 1;
    wUnit = 0;
  }
  if ((nU + 1) * M1 > SAFE) throw new RangeError('cover planner: inputs too large to plan exactly');
  const wildCost = new Float64Array(T.nn).fill(INF);
  for (let v = 0; v < T.nn; v++) if (T.cut[v]! > 0 && T.sUnits[v]! > 0) wildCost[v] = T.uCnt[v]! * M1 + M2 + wUnit;
  let P: DPParams = { wildCost, exactCost: M2, kCap: C.kCapAll, track: false, keep: true };
  let sol = rebuild(C, P, runDP(C, P));
  if (sol.wild.length > W) {
    P = { wildCost, exactCost: M2, kCap: C.kCapAll, track: true, keep: true };
    sol = rebuild(C, P, runDP(C, P));
  }
  return finish(T, C, sol);
}

/**
 * Unknown origin: 1) the highest feasible floor on wildcard specificity, 2) among covers respecting it: fewest
 * wildcards, then longest prefixes, then fewest paths.
 */
export function planUnknown(C: Planner): CoverResult {
  const { T, bEff } = C;
  const { spec, lcap } = specificities(C);
  const floorSpec = highestFloor(C, spec);
  const M2 = bEff + 1;
  let penW = M2;
  let M1 = (bEff * lcap + 1) * M2;
  if ((bEff + 1) * M1 > SAFE) {
    penW = 0;
    M1 = M2;
  }
  if ((bEff + 1) * M1 > SAFE) throw new RangeError('cover planner: inputs too large to plan exactly');
  const wildCost = new Float64Array(T.nn).fill(INF);
  for (let v = 0; v < T.nn; v++) {
    if (spec[v]! < 0 || spec[v]! < floorSpec) continue;
    wildCost[v] = M1 + (lcap + 1 - Math.min(T.cut[v]!, lcap)) * penW + 1;
  }
  const P: DPParams = { wildCost, exactCost: 1, kCap: C.kCapAll, track: false, keep: true };
  const sol = rebuild(C, P, runDP(C, P));
  if (sol.wild.length > C.W) throw new Error('cover planner: internal error (wildcard limit after feasibility)');
  return finish(T, C, sol);
}

/** Specificity rank of each candidate wildcard node (-1 = none): '/' count, then length capped at lcap. */
function specificities(C: Planner): { spec: Float64Array; lcap: number } {
  const { T } = C;
  const isCand = (v: number) => T.cut[v]! > 0 && T.sUnits[v]! > 0 && !simple(T, v);
  let maxCut = 1;
  for (let v = 0; v < T.nn; v++) if (isCand(v)) maxCut = Math.max(maxCut, T.cut[v]!);
  const lcap = Math.min(LEN_CAP, maxCut);
  const spec = new Float64Array(T.nn).fill(-1);
  for (let v = 0; v < T.nn; v++) {
    if (!isCand(v)) continue;
    const [sl, len] = wildcardSpecificity(T.keys[T.rep[v]!]!.slice(0, T.cut[v]!));
    spec[v] = sl * (lcap + 1) + Math.min(len, lcap);
  }
  return { spec, lcap };
}

/**
 * Binary search over the candidate specificities with a cheap feasibility DP (fewest paths using only wildcards
 * at least that specific, within W): the highest floor a cover within the budget can respect.
 */
function highestFloor(C: Planner, spec: Float64Array): number {
  const specs: number[] = [];
  for (const s of spec) if (s >= 0) specs.push(s);
  const distinct = [...new Set(specs)].sort((a, b) => a - b);
  const feasibleAt = (floor: number): boolean => {
    const wc = new Float64Array(C.T.nn).fill(INF);
    for (let v = 0; v < C.T.nn; v++) if (spec[v]! >= floor) wc[v] = 1;
    // with W >= B every cover of <= B paths respects W, so wildcards need not be tracked
    const Q: DPParams = { wildCost: wc, exactCost: 1, kCap: 0, track: C.W < C.budget, keep: false };
    return bestAtRoot(runDP(C, Q)).val <= C.budget;
  };
  let lo = 0;
  let hi = distinct.length - 1;
  // distinct[0] is always feasible: the shallowest candidate is the root's child (covers everything).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (feasibleAt(distinct[mid]!)) lo = mid;
    else hi = mid - 1;
  }
  return distinct[lo] ?? -1;
}
