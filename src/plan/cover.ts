/**
 * Cover planner: choose at most `budget` CloudFront invalidation paths (exact paths or prefixes ending in `*`)
 * that cover every stale URL path, with the least collateral. Pure: no I/O, no clock, no randomness.
 *
 * Problem. S = stale paths (deduplicated), U = `existing` minus S. A wildcard `p*` matches every string that
 * starts with p (CloudFront: `*` only as the last character, matching zero or more characters, so `/img/*` and
 * `/img/hero*` are both wildcards). An exact path matches itself. When |S| <= B and no stale path contains `*`,
 * the answer is S itself, sent exactly. Otherwise choose P, |P| <= B, at most W wildcards, covering S, minimising
 * lexicographically
 *   - known U:   (collateral = |U-paths matched by a wildcard|, paths, wildcards);
 *   - unknown U (`existing: null`): see "Unknown origin" below.
 *
 * Method. A compressed (radix) trie over the characters of S ∪ U, built top-down by partitioning the strings on
 * their first differing character (no global sort; duplicates merge in their terminal node). A wildcard cut in the
 * middle of an edge matches the same known strings as the node below it, so one cut per node is considered: the
 * deepest valid one on the edge into the node (the most specific prefix; valid = no `*` in it and not ending
 * between the two halves of a surrogate pair). Tree DP (bounded tree knapsack):
 *   F(v, k) = least cost covering every stale path under v with at most k paths under v
 *           = min( wildcard at v              -> (U-count under v, 1 path, 1 wildcard),      if k >= 1
 *                  exact path for v if stale  +  (min,+)-merge of the children's F )
 * with tables capped at min(B, stale units under v). Costs are exact integers packed into one float64
 * (collateral·(B+1)² + paths·(B+1) + wildcards). A child holding exactly one exact stale path is folded into a
 * constant shift (its wildcard is never better than the exact path). Subtrees without stale paths cost nothing.
 * The chosen plan is rebuilt top-down by recomputing a node's merge chain and backtracking through it.
 *
 * Wildcard limit W: if the unconstrained optimum (which already prefers fewer wildcards on ties) uses more than W
 * wildcards, the DP is rerun over (k paths, w wildcards) tables, w <= min(W, candidate nodes below).
 *
 * Pruning (exact). If no ancestor wildcard covers v, every stale region hanging off v's ancestors needs paths of
 * its own outside v. For W <= 24 the planner computes mp(v, w) = fewest paths covering v's subtree with <= w
 * wildcards and out(v, w) = fewest paths covering everything outside v with <= w wildcards (O(n·W²), (min,+) over
 * w with prefix/suffix products over siblings), and keeps only the rows k <= B - out(v, W - w) of v's column w;
 * for larger W a scalar bound (regions + their excess beyond the W largest) is used. The optimal plan always
 * satisfies these bounds, so it survives; everything else is only ever over-estimated. Nodes that no feasible plan
 * can leave uncovered get empty tables. On real trees this removes almost all of the tree from the DP.
 *
 * Unknown origin (`existing: null`): collateral cannot be counted; a wildcard's potential collateral is assumed
 * to shrink as its prefix gets more specific. Specificity of `p*` = (number of '/' in p, length of p), compared
 * lexicographically, so `/*` < `/img/*` < `/img/hero*` < `/img/a/*`. The planner
 *   1. maximises the specificity of the broadest wildcard (binary search over the candidate specificities with a
 *      cheap feasibility DP: fewest paths using only wildcards at least that specific, within W),
 *   2. then minimises the number of wildcards,
 *   3. then maximises the total prefix length of the wildcards (more specific),
 *   4. then minimises the number of paths.
 * Step 1 keeps many-path deploys from collapsing to `/*` merely because one wildcard is "fewer"; it is the
 * optimal form of "collapse only as high as needed". No separate '/'-boundary preference is applied: cutting at
 * the deepest point is never broader than cutting back at a directory boundary of the same edge.
 *
 * Stale paths containing `*`: CloudFront would read the `*` as a wildcard, so `/a*b` cannot be sent exactly. It
 * must be covered by a wildcard whose prefix is a prefix of the text before its first `*` (`/a*` or shorter),
 * modelled as a "wildcard-only" requirement at the trie node for `/a`. The exact-S rule then no longer applies.
 *
 * Complexity (n = |S ∪ U| paths, L = their total length in UTF-16 units, B = budget, W = wildcard limit):
 *   - trie:      O(L) time (each string is scanned once per branching node above it, and the extension scans
 *                touch each character of its distinguishing prefix once); O(n) nodes, O(n + L) space.
 *   - DP:        O(n·B) time (capped tree knapsack: a merge of tables over a and b stale units costs at most
 *                min(B, a)·min(B, b), which sums to O(n·B)); space O(Σ_v min(B, s_v)) floats for the kept tables
 *                (s_v = stale units under v; O(n·B) worst case, far less in practice thanks to the pruning).
 *                Runs only when |S| > B (or a stale path contains `*`); when B >= |S| tables have one row: O(n).
 *   - W < B:     outside arrays O(n·W²); the (k, w) DP O(n·B·W²) worst case, only when the unconstrained optimum
 *                uses more than W wildcards.
 *   - unknown U: O(n·W²·log n) for the specificity search (O(n·log n) when W >= B) + one O(n·B) DP.
 *   - rebuild:   no more than the forward DP.
 * Measured (Node 20 and 24, 2 shared cores, 100,000 stale + 100,000 existing paths scattered over one site):
 * B = 100: ~0.2-0.3 s (up to ~0.7 s on a loaded machine); B = 100, W = 15: about the same; B = 3,000: ~0.8 s;
 * B = 3,000, W = 15 (the pair DP at full size): ~3 s. See bench/planner.md.
 */
import type { CoverInput, CoverPath, CoverResult } from '../model/data.js';

const INF = Number.POSITIVE_INFINITY;
const EMPTY = new Float64Array(0);
/** Prefix lengths beyond this are not distinguished when ranking specificity (unknown origin). */
const LEN_CAP = 4096;

/** Entry flags. */
const F_EXACT = 1; // a stale path that can be sent exactly
const F_WILD = 2; // a prefix that must be covered by a wildcard (text before the `*` of a stale path)
const F_EXIST = 4; // an existing (non-stale) path

/** True when `path` is matched by the CloudFront invalidation path `pattern` (exact, or prefix ending in `*`). */
export function matchesCloudFrontPath(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}

/** True when `p` is a well-formed decoded CloudFront invalidation path: starts with '/', `*` only as the last character. */
export function isValidCloudFrontPath(p: string): boolean {
  if (!p.startsWith('/')) return false;
  const star = p.indexOf('*');
  return star === -1 || star === p.length - 1;
}

/** Specificity of a wildcard prefix (unknown origin): '/' count first, then length. Larger = more specific. */
export function wildcardSpecificity(prefix: string): [slashes: number, length: number] {
  let slashes = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 47) slashes++;
  return [slashes, prefix.length];
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, word: string): string {
  return `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * One DP table. Column w holds plans using exactly w wildcards (one column when wildcards are not tracked); row k
 * holds the best plan with at most k paths (one row when paths are unbounded). Column w stores rows lo[w]..hi[w]-1:
 * rows below lo are infeasible, rows from hi on repeat row hi-1 (the value stopped improving, or the row is one no
 * feasible whole plan can use and may be over-estimated). An empty column (lo = hi) is infeasible throughout.
 */
interface Table {
  Wd: number;
  lo: number[];
  hi: number[];
  /** Offset of each column's row lo in `a`. */
  off: number[];
  a: Float64Array;
}

interface DPParams {
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

interface DPResult {
  tables: (Table | undefined)[];
  root: Table;
  cand: Int32Array;
}

/** Internal knobs, exported for tests only. */
export interface CoverTuning {
  /** Use the wildcard-aware scalar outside bound only when W is at most this (it costs O(n·W)). */
  boundWildcardLimit: number;
  /** Use per-wildcard-count outside arrays only when W is at most this (they cost O(n·W²)). */
  outsideWildcardLimit: number;
  /** Cap tables by what a feasible plan can spend outside a node (false = plain capped tree knapsack). */
  prune: boolean;
}

const DEFAULT_TUNING: CoverTuning = { boundWildcardLimit: 32, outsideWildcardLimit: 24, prune: true };

/** Plan one CloudFront invalidation: at most `budget` paths covering every stale path, least collateral first. */
export function planCover(input: CoverInput): CoverResult {
  return planCoverTuned(input, DEFAULT_TUNING);
}

/** planCover with internal knobs (tests use it to exercise every code path on small inputs). */
export function planCoverTuned(input: CoverInput, tuning: CoverTuning): CoverResult {
  const budget = Math.floor(input.budget);
  if (!(budget >= 1)) throw new RangeError(`cover planner: budget must be >= 1 (got ${input.budget})`);
  const maxW = input.maxWildcards === undefined ? budget : Math.floor(input.maxWildcards);
  if (!(maxW >= 0)) throw new RangeError(`cover planner: maxWildcards must be >= 0 (got ${String(input.maxWildcards)})`);
  const W = Math.min(maxW, budget);
  const known = input.existing !== null;
  const wTxt = W < budget ? `, max ${plural(W, 'wildcard')}` : '';

  // ---- entries: exact stale paths, wildcard-only requirements, existing paths ----------------------------------
  const keys: string[] = [];
  const kflag: number[] = [];
  const starSeen = new Set<string>(); // distinct stale paths containing '*'
  const starCount = new Map<string, number>(); // requirement prefix -> distinct stale paths behind it
  for (const s of input.stale) {
    if (typeof s !== 'string' || !s.startsWith('/'))
      throw new TypeError(`cover planner: stale path must start with '/': ${JSON.stringify(s)}`);
    const star = s.indexOf('*');
    if (star === -1) {
      keys.push(s);
      kflag.push(F_EXACT);
    } else if (!starSeen.has(s)) {
      starSeen.add(s);
      const t = s.slice(0, star);
      const n = starCount.get(t) ?? 0;
      starCount.set(t, n + 1);
      if (n === 0) {
        keys.push(t);
        kflag.push(F_WILD);
      }
    }
  }
  const nStar = starSeen.size;
  const nullColl = known ? 0 : null;
  if (keys.length === 0) return { paths: [], collateral: nullColl, fellBackToAll: false, reason: 'nothing is stale' };
  const exactResult = (list: string[]): CoverResult => {
    const paths = list.sort().map((p): CoverPath => ({ path: p, wildcard: false, covers: 1, collateral: 0 }));
    return {
      paths,
      collateral: nullColl,
      fellBackToAll: false,
      reason: `${plural(paths.length, 'stale path')} fit the budget of ${fmt(budget)}: sent exactly`,
    };
  };
  if (nStar === 0 && keys.length <= budget) return exactResult([...new Set(keys)]);

  if (input.existing !== null) {
    for (const u of input.existing) {
      if (typeof u !== 'string' || !u.startsWith('/')) continue; // never matched by a path starting with '/'
      if (nStar > 0 && starSeen.has(u)) continue; // U \ S (exact stale duplicates are merged in the trie)
      keys.push(u);
      kflag.push(F_EXIST);
    }
  }

  // ---- compressed trie, built top-down by partitioning on the first differing character ----------------------
  // Node ids are assigned in creation (pre-)order, so descending ids are a post-order. Duplicates meet in one
  // terminal node and are merged there.
  const m = keys.length;
  const cap = 2 * m + 2;
  const depth = new Int32Array(cap);
  const parent = new Int32Array(cap);
  const rep = new Int32Array(cap); // a key passing through the node (the terminal key when there is one)
  const term = new Uint8Array(cap);
  const sUnits = new Int32Array(cap); // stale requirement units under the node
  const wUnits = new Int32Array(cap); // wildcard-only units under the node
  const uCnt = new Int32Array(cap); // existing (non-stale) paths under the node
  const stStr = new Int32Array(cap); // distinct stale paths under the node (for `covers`)
  const cut = new Int32Array(cap); // length of the wildcard prefix for this node, 0 = none
  const firstChild = new Int32Array(cap).fill(-1); // children with stale units only
  const nextSib = new Int32Array(cap).fill(-1);
  let nn = 0;
  {
    const idx = new Int32Array(m);
    for (let i = 0; i < m; i++) idx[i] = i;
    const tmp = new Int32Array(m);
    const codeCount = new Int32Array(65536);
    const codes: number[] = [];
    const tasks: number[] = [0, m, 0, -1]; // lo, hi, shared prefix length, parent
    while (tasks.length > 0) {
      const par = tasks.pop()!;
      const d0 = tasks.pop()!;
      const hi = tasks.pop()!;
      let lo = tasks.pop()!;
      const first = keys[idx[lo]!]!;
      let d: number;
      if (hi - lo === 1) d = first.length;
      else {
        let minLen = first.length;
        for (let i = lo + 1; i < hi; i++) {
          const len = keys[idx[i]!]!.length;
          if (len < minLen) minLen = len;
        }
        d = d0;
        ext: while (d < minLen) {
          const c = first.charCodeAt(d);
          for (let i = lo + 1; i < hi; i++) if (keys[idx[i]!]!.charCodeAt(d) !== c) break ext;
          d++;
        }
      }
      const v = nn++;
      depth[v] = d;
      parent[v] = par;
      rep[v] = idx[lo]!;
      // terminal: the keys of length d (all equal); move them to the front
      let f = 0;
      for (let i = lo; i < hi; i++) {
        const k = idx[i]!;
        if (keys[k]!.length === d) {
          f |= kflag[k]!;
          rep[v] = k;
          idx[i] = idx[lo]!;
          idx[lo++] = k;
        }
      }
      if (f & F_EXACT) f &= ~F_EXIST; // U \ S
      if (f) {
        term[v] = f;
        if (f & (F_EXACT | F_WILD)) sUnits[v] = 1;
        if (f & F_WILD) wUnits[v] = 1;
        if (f & F_EXIST) uCnt[v] = 1;
        stStr[v] = (f & F_EXACT ? 1 : 0) + (f & F_WILD ? starCount.get(keys[rep[v]!]!)! : 0);
      }
      {
        // deepest valid cut on the edge into v: no '*' in the prefix, not between surrogate halves. The root's edge
        // starts at the empty string, so its cut can be '/' (every key starts with '/').
        const str = keys[rep[v]!]!;
        const pd = par >= 0 ? depth[par]! : 0;
        let c = d;
        const sa = str.indexOf('*');
        if (sa >= 0 && sa < c) c = sa;
        while (c > pd && isHighSurrogate(str.charCodeAt(c - 1))) c--;
        cut[v] = c > pd ? c : 0;
      }
      if (lo >= hi) continue;
      // partition the rest by the character at d (counting sort) and queue the child groups
      for (let i = lo; i < hi; i++) {
        const c = keys[idx[i]!]!.charCodeAt(d);
        if (codeCount[c] === 0) codes.push(c);
        codeCount[c] = codeCount[c]! + 1;
      }
      if (codes.length === 1) {
        codeCount[codes[0]!] = 0;
        codes.length = 0;
        tasks.push(lo, hi, d + 1, v);
        continue;
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
  }
  const root = 0;
  // aggregate bottom-up (descending ids = post-order) and link children that hold stale units
  for (let v = nn - 1; v > 0; v--) {
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
  const nS = stStr[root]!;
  if (nStar === 0 && nS <= budget) {
    const list: string[] = [];
    for (let v = 0; v < nn; v++) if (term[v]! & F_EXACT) list.push(keys[rep[v]!]!);
    return exactResult(list);
  }
  const nU = uCnt[root]!;

  if (W === 0) {
    // Only exact paths allowed, but they cannot cover S within the budget (or a stale path needs a wildcard).
    return {
      paths: [{ path: '/*', wildcard: true, covers: nS, collateral: known ? nU : null }],
      collateral: known ? nU : null,
      fellBackToAll: true,
      reason: `nothing fits: ${plural(nS, 'stale path')}${nStar ? ` (${fmt(nStar)} containing '*')` : ''}, budget ${fmt(budget)}, 0 wildcards allowed; fell back to /*`,
    };
  }

  const units = sUnits[root]!;
  /** A node whose only requirement is one exact path: sent exactly (its own wildcard is never better). */
  const simple = (v: number): boolean => v !== root && sUnits[v] === 1 && wUnits[v] === 0;
  const kCapAll = budget >= units ? 0 : budget;
  const bEff = Math.min(budget, units);
  /**
   * Lower bound on the paths any feasible plan (<= B paths, <= `wl` wildcards) spends outside v when no ancestor
   * wildcard covers v. The stale regions hanging off v's ancestors (their other children, their own exact paths)
   * each need a path of their own (one path covering two of them would be a wildcard above v), and a region
   * holding e stale units needs all e exact paths unless it gets a wildcard: so the bound is
   *   (number of regions) + Σ (e - 1) over all but the `wl` largest regions.
   * Regions holding a '*' stale path must get a wildcard. v never needs more than B - bound paths, so tables are
   * capped there, which prunes most of a large tree. `wl` = null: only count the regions (any wildcard limit).
   */
  const outsideBound = (wlIn: number | null): Float64Array => {
    const wl = wlIn ?? 0;
    const lb = new Float64Array(nn);
    const BIG = 1e9;
    const cntA = new Float64Array(nn);
    const sumA = new Float64Array(nn);
    const tops: (number[] | undefined)[] = new Array(nn);
    tops[root] = [];
    const topC: number[] = []; // [value, child] pairs, value descending, at most wl + 1
    for (let p = 0; p < nn; p++) {
      const tp = tops[p];
      if (tp === undefined) continue;
      tops[p] = undefined;
      const own = term[p]! & (F_EXACT | F_WILD) ? 1 : 0;
      const ownWild = (term[p]! & F_WILD) !== 0; // p itself must be wildcarded, which covers every child
      let nC = 0;
      let sumC = 0;
      topC.length = 0;
      for (let c = firstChild[p]!; c !== -1; c = nextSib[c]!) {
        nC++;
        const ex = wUnits[c]! > 0 ? BIG : sUnits[c]! - 1;
        sumC += ex;
        if (wlIn === null || ex <= 0) continue;
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
      for (let c = firstChild[p]!; c !== -1; c = nextSib[c]!) {
        if (simple(c)) continue;
        const ex = wUnits[c]! > 0 ? BIG : sUnits[c]! - 1;
        const cnt = cntA[p]! + nC - 1 + own;
        const sum = sumA[p]! + sumC - ex;
        // the wl largest excesses among the parent's outside list and the siblings (c excluded)
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
        let top = 0;
        for (const x of list) top += x;
        lb[c] = ownWild || lb[p] === INF ? INF : wlIn === null ? cnt : cnt + sum - top;
        cntA[c] = cnt;
        sumA[c] = sum;
        tops[c] = list;
      }
    }
    return lb;
  };
  // Every pass only needs plans with <= W wildcards (a pass that ignores W is checked against it afterwards).
  const lb =
    tuning.prune && kCapAll !== 0 && W > tuning.outsideWildcardLimit
      ? outsideBound(W <= tuning.boundWildcardLimit ? W : null)
      : new Float64Array(nn);

  // ---- the DP -------------------------------------------------------------------------------------------------
  const newTable = (Wd: number, lo: ArrayLike<number>, hi: ArrayLike<number>): Table => {
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
  };
  const emptyTable = (): Table => ({ Wd: 0, lo: [0], hi: [0], off: [0], a: EMPTY });
  const at = (t: Table, k: number, w: number): number => {
    if (w > t.Wd) return INF;
    const l = t.lo[w]!;
    const h = t.hi[w]!;
    if (h === l || k < l) return INF;
    return t.a[t.off[w]! + Math.min(k, h - 1) - l]!;
  };
  /**
   * Restore "at most k paths" (a plan with fewer paths also fits a larger row), then drop leading infeasible rows
   * and trailing rows equal to the one before them (in place: only the column bounds move).
   */
  const settle = (t: Table): Table => {
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
  };
  /** Rows kept for a partial table holding sAcc stale units when `need` paths must be spent elsewhere. */
  const rowsFor = (P: DPParams, sAcc: number, need: number): number => (P.kCap === 0 ? 1 : Math.min(sAcc, P.kCap - need) + 1);

  const scratchLo = new Int32Array(W + 2);
  const scratchHi = new Int32Array(W + 2);
  /** (min,+) merge; out column w = x column p + y column q with p + q = w; at most `rows(w)` rows. */
  const merge = (x: Table, y: Table, Wd: number, rows: (w: number) => number): Table => {
    const lo = scratchLo;
    const hi = scratchHi;
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
    const out = newTable(Wd, lo, hi);
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
  };

  /** (min,+) convolution of two "at most w wildcards" arrays of length W + 1. */
  const conv = (x: Float64Array, y: Float64Array): Float64Array => {
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
  };

  const complexKids = (v: number): number[] => {
    const kids: number[] = [];
    for (let c = firstChild[v]!; c !== -1; c = nextSib[c]!) if (!simple(c)) kids.push(c);
    return kids;
  };

  /**
   * Paths that must be spent outside the part of v merged so far (t of its complex children), for a plan using
   * w wildcards inside it: with the "outside" arrays, the least paths the rest of the tree (and the children not
   * merged yet) needs with the W - w wildcards left; otherwise the scalar bound plus one path per child left.
   */
  const needFor = (v: number, kids: number[], P: DPParams): ((t: number, w: number) => number) => {
    const m = kids.length;
    if (P.kCap === 0) return () => 0;
    if (outArr !== null && mpArr !== null) {
      const ov = outArr[v];
      if (ov === undefined || dead[v]) return () => INF;
      const op: Float64Array[] = new Array(m + 1);
      op[m] = ov;
      for (let t = m - 1; t >= 0; t--) op[t] = conv(op[t + 1]!, mpArr[kids[t]!]!);
      return (t, w) => op[t]![P.track ? W - w : W]!;
    }
    const l = lb[v]!;
    return (t) => l + (m - t);
  };

  /** Base table for option B before merging complex children: own exact path + simple children. */
  const baseTable = (v: number, P: DPParams, need0: number): { t: Table; sAcc: number } => {
    const blocked = (term[v]! & F_WILD) !== 0;
    let base = term[v]! & F_EXACT ? 1 : 0;
    for (let c = firstChild[v]!; c !== -1; c = nextSib[c]!) if (simple(c)) base++;
    const sAcc = base + (blocked && !(term[v]! & F_EXACT) ? 1 : 0); // stale units of v itself + simple children
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
  };

  /** Option-B chain for v: [base, after complex child 1, ...] (or just the last table), children in list order. */
  const chainFor = (
    v: number,
    P: DPParams,
    tabs: (Table | undefined)[],
    cand: Int32Array,
    all: boolean,
  ): { chain: Table[]; kids: number[]; need: (t: number, w: number) => number } => {
    const kids = complexKids(v);
    const need = needFor(v, kids, P);
    const b = baseTable(v, P, need(0, 0));
    let acc = b.t;
    let sAcc = b.sAcc;
    let wAcc = 0;
    const chain: Table[] = all ? [acc] : [];
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i]!;
      sAcc += sUnits[c]!;
      wAcc += cand[c]!;
      const s = sAcc;
      acc = merge(acc, tabs[c]!, P.track ? Math.min(W, wAcc) : 0, (w) => rowsFor(P, s, need(i + 1, w)));
      if (all) chain.push(acc);
    }
    if (!all) chain.push(acc);
    return { chain, kids, need };
  };

  const nodeTable = (v: number, P: DPParams, work: (Table | undefined)[], cand: Int32Array): Table => {
    const wc = P.wildCost[v]!;
    let cc = wc !== INF ? 1 : 0;
    for (let c = firstChild[v]!; c !== -1; c = nextSib[c]!) if (!simple(c)) cc += cand[c]!;
    cand[v] = cc;
    if (P.kCap !== 0 && dead[v]) return emptyTable();
    const { chain, kids, need } = chainFor(v, P, work, cand, false);
    const last = chain[chain.length - 1]!;
    if (wc === INF) return last;
    // add v's own wildcard (1 path, 1 wildcard): column 1 (column 0 when wildcards are not tracked), rows >= 1
    const Wd = P.track ? Math.min(W, cc) : 0;
    const wA = P.track ? 1 : 0;
    const kA = P.kCap === 0 ? 0 : 1;
    const capA = rowsFor(P, sUnits[v]!, need(kids.length, wA));
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
  };

  const runDP = (P: DPParams): DPResult => {
    const tables: (Table | undefined)[] = new Array(P.keep ? nn : 0);
    const work: (Table | undefined)[] = new Array(nn);
    const cand = new Int32Array(nn);
    let rootT: Table | undefined;
    for (let v = nn - 1; v >= 0; v--) {
      if (sUnits[v] === 0 || simple(v)) continue;
      const t = nodeTable(v, P, work, cand);
      if (P.keep) tables[v] = t;
      work[v] = t;
      // children tables are no longer needed for the forward pass
      if (!P.keep) for (let c = firstChild[v]!; c !== -1; c = nextSib[c]!) work[c] = undefined;
      if (v === root) rootT = t;
    }
    return { tables, root: rootT!, cand };
  };

  /** Best entry of the root table: last row (at most kCap paths) of the cheapest column. */
  const bestAtRoot = (R: DPResult): { k: number; w: number; val: number } => {
    const t = R.root;
    let best = { k: 0, w: 0, val: INF };
    for (let w = 0; w <= t.Wd; w++) {
      const h = t.hi[w]!;
      if (h === t.lo[w]) continue;
      const val = at(t, h - 1, w);
      if (val < best.val) best = { k: h - 1, w, val };
    }
    return best;
  };

  /** Rebuild the chosen paths from kept tables: node ids of wildcards and of exact paths. */
  const rebuild = (P: DPParams, R: DPResult): { wild: number[]; exact: number[] } => {
    const wild: number[] = [];
    const exact: number[] = [];
    const b = bestAtRoot(R);
    if (b.val === INF) throw new Error('cover planner: internal error (no feasible plan)');
    const todo: number[] = [root, b.k, b.w, b.val];
    while (todo.length > 0) {
      const val = todo.pop()!;
      const w = todo.pop()!;
      let k = todo.pop()!;
      const v = todo.pop()!;
      const t = R.tables[v]!;
      while (k > 0 && at(t, k - 1, w) === val) k--;
      const wc = P.wildCost[v]!;
      if (wc !== INF && val === wc && (!P.track || w === 1) && (P.kCap === 0 || k >= 1)) {
        wild.push(v);
        continue;
      }
      if (term[v]! & F_EXACT && !(term[v]! & F_WILD)) exact.push(v);
      for (let c = firstChild[v]!; c !== -1; c = nextSib[c]!) {
        if (!simple(c)) continue;
        let e = c; // the one exact stale path under a simple child may lie deeper (below existing-only nodes)
        while (!(term[e]! & F_EXACT)) e = firstChild[e]!;
        exact.push(e);
      }
      const { chain, kids } = chainFor(v, P, R.tables, R.cand, true);
      let cur = chain[chain.length - 1]!;
      let ck = k;
      let cw = w;
      let cv = val;
      if (at(cur, ck, cw) !== cv) throw new Error('cover planner: internal error (rebuild mismatch)');
      for (let i = kids.length - 1; i >= 0; i--) {
        while (ck > 0 && at(cur, ck - 1, cw) === cv) ck--;
        const prev = chain[i]!;
        const c = kids[i]!;
        const ct = R.tables[c]!;
        let found = false;
        for (let q = 0; q <= Math.min(ct.Wd, cw) && !found; q++) {
          const p = cw - q;
          if (p > prev.Wd) continue;
          if (ct.hi[q] === ct.lo[q]) continue;
          for (let j = ct.lo[q]!; j <= Math.min(ct.hi[q]! - 1, ck); j++) {
            const cvj = at(ct, j, q);
            if (cvj === INF) continue;
            const pv = at(prev, ck - j, p);
            if (pv + cvj === cv) {
              todo.push(c, j, q, cvj);
              cur = prev;
              ck -= j;
              cw = p;
              cv = pv;
              found = true;
              break;
            }
          }
        }
        if (!found) throw new Error('cover planner: internal error (no split found)');
      }
    }
    return { wild, exact };
  };

  // "Outside" arrays (wildcard limit W small): mp[v][w] = fewest paths covering v's subtree with <= w wildcards;
  // out[v][w] = fewest paths covering everything outside v (no ancestor wildcard) with <= w wildcards.
  let mpArr: (Float64Array | undefined)[] | null = null;
  let outArr: (Float64Array | undefined)[] | null = null;
  if (tuning.prune && kCapAll !== 0 && W <= tuning.outsideWildcardLimit) {
    const mp: (Float64Array | undefined)[] = new Array(nn);
    for (let v = nn - 1; v >= 0; v--) {
      if (sUnits[v] === 0 || simple(v)) continue;
      let base = term[v]! & F_EXACT ? 1 : 0;
      for (let c = firstChild[v]!; c !== -1; c = nextSib[c]!) if (simple(c)) base++;
      let acc: Float64Array = new Float64Array(W + 1).fill(term[v]! & F_WILD ? INF : base);
      for (let c = firstChild[v]!; c !== -1; c = nextSib[c]!) if (!simple(c)) acc = conv(acc, mp[c]!);
      if (cut[v]! > 0) for (let w = 1; w <= W; w++) if (acc[w]! > 1) acc[w] = 1;
      mp[v] = acc;
    }
    const out: (Float64Array | undefined)[] = new Array(nn);
    out[root] = new Float64Array(W + 1);
    const infArr = new Float64Array(W + 1).fill(INF);
    for (let p = 0; p < nn; p++) {
      const op = out[p];
      if (op === undefined || op[W]! >= kCapAll) continue; // p cannot stay uncovered: neither can its children
      const kids = complexKids(p);
      if (kids.length === 0) continue;
      if (term[p]! & F_WILD) {
        for (const c of kids) out[c] = infArr; // p itself needs a wildcard, which covers every child
        continue;
      }
      let add = term[p]! & F_EXACT ? 1 : 0;
      for (let c = firstChild[p]!; c !== -1; c = nextSib[c]!) if (simple(c)) add++;
      const pre: Float64Array[] = [op.map((x) => x + add)];
      for (let i = 0; i < kids.length; i++) pre.push(conv(pre[i]!, mp[kids[i]!]!));
      let suf: Float64Array = new Float64Array(W + 1); // identity for "at most" arrays
      for (let i = kids.length - 1; i >= 0; i--) {
        out[kids[i]!] = conv(pre[i]!, suf);
        suf = conv(suf, mp[kids[i]!]!);
      }
    }
    mpArr = mp;
    outArr = out;
  }
  /** Nodes that every feasible plan covers by an ancestor wildcard: their tables are empty. */
  const dead = new Uint8Array(nn);
  if (kCapAll !== 0) {
    for (let v = 0; v < nn; v++) {
      const need = outArr !== null ? (outArr[v]?.[W] ?? INF) : lb[v]!;
      if (need >= kCapAll) dead[v] = 1;
    }
  }

  // ---- cost weights -------------------------------------------------------------------------------------------
  const SAFE = Number.MAX_SAFE_INTEGER;
  const wildCost = new Float64Array(nn).fill(INF);
  let P: DPParams;
  let R: DPResult;

  if (known) {
    // cost = collateral·M1 + paths·M2 + wildcards (wildcards dropped if the packing would not be exact)
    let M2 = bEff + 1;
    let M1 = M2 * (bEff + 1);
    let wUnit = 1;
    if ((nU + 1) * M1 > SAFE) {
      M2 = 1;
      M1 = bEff + 1;
      wUnit = 0;
    }
    if ((nU + 1) * M1 > SAFE) throw new RangeError('cover planner: inputs too large to plan exactly');
    for (let v = 0; v < nn; v++) if (cut[v]! > 0 && sUnits[v]! > 0) wildCost[v] = uCnt[v]! * M1 + M2 + wUnit;
    P = { wildCost, exactCost: M2, kCap: kCapAll, track: false, keep: true };
    R = runDP(P);
    let sol = rebuild(P, R);
    if (sol.wild.length > W) {
      P = { wildCost, exactCost: M2, kCap: kCapAll, track: true, keep: true };
      R = runDP(P);
      sol = rebuild(P, R);
    }
    return finish(sol);
  }

  // Unknown origin. 1) highest feasible floor on wildcard specificity.
  let maxCut = 1;
  const spec = new Float64Array(nn).fill(-1);
  for (let v = 0; v < nn; v++) if (cut[v]! > 0 && sUnits[v]! > 0 && !simple(v)) maxCut = Math.max(maxCut, cut[v]!);
  const lcap = Math.min(LEN_CAP, maxCut);
  const specs: number[] = [];
  for (let v = 0; v < nn; v++) {
    if (!(cut[v]! > 0 && sUnits[v]! > 0 && !simple(v))) continue;
    const [sl, len] = wildcardSpecificity(keys[rep[v]!]!.slice(0, cut[v]!));
    spec[v] = sl * (lcap + 1) + Math.min(len, lcap);
    specs.push(spec[v]!);
  }
  const distinct = [...new Set(specs)].sort((a, b) => a - b);
  const feasibleAt = (floor: number): boolean => {
    const wc = new Float64Array(nn).fill(INF);
    for (let v = 0; v < nn; v++) if (spec[v]! >= floor) wc[v] = 1;
    // with W >= B every cover of <= B paths respects W, so wildcards need not be tracked
    const Q: DPParams = { wildCost: wc, exactCost: 1, kCap: 0, track: W < budget, keep: false };
    return bestAtRoot(runDP(Q)).val <= budget;
  };
  let lo = 0;
  let hi = distinct.length - 1;
  // distinct[0] is always feasible: the shallowest candidate is the root's child (covers everything).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (feasibleAt(distinct[mid]!)) lo = mid;
    else hi = mid - 1;
  }
  const floorSpec = distinct[lo] ?? -1;

  // 2) among covers respecting the floor: fewest wildcards, then longest prefixes, then fewest paths.
  {
    const M2 = bEff + 1;
    let penW = M2;
    let M1 = (bEff * lcap + 1) * M2;
    if ((bEff + 1) * M1 > SAFE) {
      penW = 0;
      M1 = M2;
    }
    if ((bEff + 1) * M1 > SAFE) throw new RangeError('cover planner: inputs too large to plan exactly');
    for (let v = 0; v < nn; v++) {
      if (spec[v]! < 0 || spec[v]! < floorSpec) continue;
      wildCost[v] = M1 + (lcap + 1 - Math.min(cut[v]!, lcap)) * penW + 1;
    }
    P = { wildCost, exactCost: 1, kCap: kCapAll, track: false, keep: true };
    R = runDP(P);
    const sol = rebuild(P, R);
    if (sol.wild.length > W) throw new Error('cover planner: internal error (wildcard limit after feasibility)');
    return finish(sol);
  }

  // ---- result -------------------------------------------------------------------------------------------------
  function finish(sol: { wild: number[]; exact: number[] }): CoverResult {
    const paths: CoverPath[] = [];
    let coll = 0;
    for (const v of sol.wild) {
      coll += uCnt[v]!;
      paths.push({ path: keys[rep[v]!]!.slice(0, cut[v]!) + '*', wildcard: true, covers: stStr[v]!, collateral: known ? uCnt[v]! : null });
    }
    for (const v of sol.exact) paths.push({ path: keys[rep[v]!]!, wildcard: false, covers: 1, collateral: 0 });
    paths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const collateral = known ? coll : null;
    const nw = sol.wild.length;
    const ne = sol.exact.length;
    const fellBackToAll = paths.length === 1 && paths[0]!.path === '/*';
    const collTxt = known ? `collateral ${plural(coll, 'object')}` : 'collateral unknown (existing objects not listed)';
    let reason: string;
    if (fellBackToAll) {
      reason =
        known && coll === 0
          ? `/* evicts nothing else: ${plural(nS, 'stale path')}, budget ${fmt(budget)}${wTxt}; collateral 0 objects`
          : `only /* fits: no narrower cover of ${plural(nS, 'stale path')} within budget ${fmt(budget)}${wTxt}; ${collTxt}`;
    } else {
      const head =
        nS > budget
          ? `${plural(nS, 'stale path')} over budget ${fmt(budget)}${wTxt}`
          : `${plural(nS, 'stale path')} within budget ${fmt(budget)}${wTxt}, ${fmt(nStar)} containing '*' (needs a wildcard)`;
      const broadest = !known && nw > 0 ? `; broadest wildcard ${broadestOf(paths)}` : '';
      reason = `${head}: ${fmt(ne)} exact + ${plural(nw, 'wildcard')}, ${collTxt}${broadest}`;
    }
    return { paths, collateral, fellBackToAll, reason };
  }
}

function broadestOf(paths: CoverPath[]): string {
  let best: string | null = null;
  let bs: [number, number] = [Infinity, Infinity];
  for (const p of paths) {
    if (!p.wildcard) continue;
    const s = wildcardSpecificity(p.path.slice(0, -1));
    if (s[0] < bs[0] || (s[0] === bs[0] && s[1] < bs[1])) {
      bs = s;
      best = p.path;
    }
  }
  return best ?? '';
}
