/** Cover planner, part 2: the DP tables and their (min,+) algebra. */
import { INF } from './common.js';

const EMPTY = new Float64Array(0);

/**
 * One DP table. Column w holds plans using exactly w wildcards (one column when wildcards are not tracked); row k
 * holds the best plan with at most k paths (one row when paths are unbounded). Column w stores rows lo[w]..hi[w]-1:
 * rows below lo are infeasible, rows from hi on repeat row hi-1 (the value stopped improving, or the row is one no
 * feasible whole plan can use and may be over-estimated). An empty column (lo = hi) is infeasible throughout.
 */
export interface Table {
  Wd: number;
  lo: number[];
  hi: number[];
  /** Offset of each column's row lo in `a`. */
  off: number[];
  a: Float64Array;
}

/** Scratch column bounds for merge (length W + 2). */
export interface MergeScratch {
  lo: Int32Array;
  hi: Int32Array;
}

/** A table with columns 0..Wd holding rows lo[w]..hi[w]-1, all INF. */
export function newTable(Wd: number, lo: ArrayLike<number>, hi: ArrayLike<number>): Table {
  const t: Table = { Wd, lo: new Array<number>(Wd + 1), hi: new Array<number>(Wd + 1), off: new Array<number>(Wd + 1), a: EMPTY };
  let n = 0;
  for (let w = 0; w <= Wd; w++) {
    const l = lo[w]!;
    const h = hi[w]!;
    t.off[w] = n;
    if (h > l) {
      t.lo[w] = l;
      t.hi[w] = h;
      n += h - l;
    } else {
      t.lo[w] = 0;
      t.hi[w] = 0;
    }
  }
  t.a = n > 0 ? new Float64Array(n).fill(INF) : EMPTY;
  return t;
}

export function emptyTable(): Table {
  return { Wd: 0, lo: [0], hi: [0], off: [0], a: EMPTY };
}

/** Value of row k, column w. */
export function at(t: Table, k: number, w: number): number {
  if (w > t.Wd) return INF;
  const l = t.lo[w]!;
  const h = t.hi[w]!;
  if (h === l || k < l) return INF;
  return t.a[t.off[w]! + Math.min(k, h - 1) - l]!;
}

/**
 * Restore "at most k paths" (a plan with fewer paths also fits a larger row), then drop leading infeasible rows
 * and trailing rows equal to the one before them (in place: only the column bounds move).
 */
export function settle(t: Table): Table {
  const a = t.a;
  for (let w = 0; w <= t.Wd; w++) {
    const o = t.off[w]!;
    const n = t.hi[w]! - t.lo[w]!;
    if (n === 0) continue;
    for (let i = 1; i < n; i++) if (a[o + i - 1]! < a[o + i]!) a[o + i] = a[o + i - 1]!;
    let f = 0;
    while (f < n && a[o + f] === INF) f++;
    if (f === n) {
      t.lo[w] = 0;
      t.hi[w] = 0;
      continue;
    }
    let e = n;
    while (e > f + 1 && a[o + e - 2] === a[o + e - 1]) e--;
    t.off[w] = o + f;
    t.lo[w] = t.lo[w]! + f;
    t.hi[w] = t.lo[w]! + (e - f);
  }
  return t;
}

/** (min,+) merge; out column w = x column p + y column q with p + q = w; at most `rows(w)` rows. */
export function merge(x: Table, y: Table, Wd: number, rows: (w: number) => number, S: MergeScratch): Table {
  const out = mergeShape(x, y, Wd, rows, S);
  const xa = x.a;
  const ya = y.a;
  const oa = out.a;
  for (let p = 0; p <= x.Wd; p++) {
    const xl = x.lo[p]!;
    const xh = x.hi[p]!;
    if (xh === xl) continue;
    const xo = x.off[p]! - xl; // xa[xo + i] is row i
    for (let q = 0; q <= y.Wd && p + q <= Wd; q++) {
      const w = p + q;
      const ol = out.lo[w]!;
      const oh = out.hi[w]!;
      const yl = y.lo[q]!;
      const yh = y.hi[q]!;
      if (yh === yl || oh === ol) continue;
      const oo = out.off[w]! - ol;
      const yo = y.off[q]! - yl;
      const imax = Math.min(xh - 1, oh - 1 - yl);
      for (let i = xl; i <= imax; i++) {
        const xv = xa[xo + i]!;
        const jmax = Math.min(yh - 1, oh - 1 - i);
        const ob = oo + i;
        for (let j = yl; j <= jmax; j++) {
          const val = xv + ya[yo + j]!;
          if (val < oa[ob + j]!) oa[ob + j] = val;
        }
      }
    }
  }
  return settle(out);
}

/** The (all-INF) output table of merge(x, y): the row ranges the column sums can reach, capped by `rows`. */
function mergeShape(x: Table, y: Table, Wd: number, rows: (w: number) => number, S: MergeScratch): Table {
  const lo = S.lo;
  const hi = S.hi;
  for (let w = 0; w <= Wd; w++) {
    lo[w] = 0x3fffffff;
    hi[w] = 0;
  }
  for (let p = 0; p <= x.Wd; p++) {
    if (x.hi[p] === x.lo[p]) continue;
    for (let q = 0; q <= y.Wd && p + q <= Wd; q++) {
      if (y.hi[q] === y.lo[q]) continue;
      const w = p + q;
      lo[w] = Math.min(lo[w]!, x.lo[p]! + y.lo[q]!);
      hi[w] = Math.max(hi[w]!, x.hi[p]! - 1 + y.hi[q]! - 1 + 1);
    }
  }
  for (let w = 0; w <= Wd; w++) hi[w] = Math.min(hi[w]!, rows(w));
  return newTable(Wd, lo, hi);
}

/** (min,+) convolution of two "at most w wildcards" arrays of length W + 1. */
export function conv(x: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(x.length).fill(INF);
  for (let a = 0; a < x.length; a++) {
    const xv = x[a]!;
    if (xv === INF) continue;
    for (let b = 0; a + b < x.length; b++) {
      const val = xv + y[b]!;
      if (val < out[a + b]!) out[a + b] = val;
    }
  }
  return out;
}
