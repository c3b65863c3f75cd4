/**
 * Cover planner: choose at most `budget` CloudFront invalidation paths (exact paths or prefixes ending in `*`)
 * that cover every stale URL path, with the least collateral. Pure: no I/O, no clock, no randomness.
 *
 * Problem. S = stale paths (deduplicated), U = `existing` minus S. A wildcard `p*` matches every string that
 * starts with p (CloudFront: `*` only as the last character, matching zero or more characters, so `/img/*` and
 * `/img/hero*` are both wildcards). An exact path matches itself. Choose P, |P| <= B, at most W wildcards,
 * covering S, minimising lexicographically:
 *   - known U:   (collateral = |U-paths matched by a wildcard|, paths, wildcards)
 *   - unknown U (`existing: null`): see "Unknown origin" below.
 * When |S| <= B (and no stale path contains `*`) the answer is S itself, sent exactly.
 *
 * Method. A compressed (radix) trie over the characters of S ∪ U, built from the sorted strings and the longest
 * common prefixes of neighbours (nodes are created in post-order, so no recursion). A wildcard cut in the middle
 * of an edge matches the same known strings as the node below it, so only one cut per node is considered: the
 * deepest valid one on the edge into the node (the most specific prefix; valid = no `*` in it and not ending
 * between the two halves of a surrogate pair). Tree DP (bounded tree knapsack):
 *   F(v, k) = least cost covering every stale path under v with at most k paths under v
 *           = min( wildcard at v              -> (U-count under v, 1 path, 1 wildcard),      if k >= 1
 *                  exact path for v if stale  +  (min,+)-merge of the children's F )
 * with arrays capped at min(B, stale units under v). Costs are exact integers packed into one float64
 * (collateral·(B+1)² + paths·(B+1) + wildcards). A child holding exactly one exact stale path is folded into a
 * constant shift (its wildcard is never better than the exact path). Subtrees without stale paths cost nothing.
 * The chosen plan is rebuilt top-down by recomputing a node's merge chain and backtracking through it.
 *
 * Wildcard limit W < B: if the unconstrained optimum (which already prefers fewer wildcards on ties) uses more
 * than W wildcards, the DP is rerun over pairs (k paths, w wildcards), w capped at min(W, candidate nodes below).
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
 * modelled as a "wildcard-only" requirement at the trie node for `/a`.
 *
 * Complexity (n = |S ∪ U| distinct paths, L = their total length, B = budget, W = wildcard limit):
 *   - trie:      O(n log n) string comparisons for the sort + O(L) for the common prefixes; O(n) nodes.
 *   - DP:        O(n·B) time (capped tree knapsack: each pair of stale units meets in at most one merge, and a merge
 *                costs at most min(B, a)·min(B, b)); space O(Σ_v min(B, s_v)) floats for the stored arrays
 *                (s_v = stale paths under v; O(n·B) worst case, far less for real trees), plus O(n) for the trie.
 *                Only runs when |S| > B (or a stale path contains `*`); if B >= |S| the budget dimension collapses
 *                and the DP is O(n).
 *   - W < B:     O(n·B·W²) worst case for the pair DP (only when the unconstrained optimum needs more than W).
 *   - unknown U: O(n·min(W, n)·log n) for the specificity search + one O(n·B) DP.
 *   - rebuild:   no more than the forward DP.
 */
import type { CoverInput, CoverPath, CoverResult } from './types.js';

const INF = Number.POSITIVE_INFINITY;
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

/** One DP table: (K+1) rows of paths x (Wd+1) columns of wildcards, "at most" semantics in both. */
interface Table {
  K: number;
  Wd: number;
  a: Float64Array;
}

interface DPParams {
  /** Cost of a wildcard at the node (INF when not allowed / no valid cut). */
  wildCost: Float64Array;
  /** Cost of one exact path. */
  exactCost: number;
  /** Path cap B; 0 = unbounded (one column "any number of paths"). */
  kCap: number;
  /** Wildcard cap W; 0 = wildcards not tracked as a dimension. */
  wCap: number;
  /** Keep the per-node tables (needed to rebuild the plan). */
  keep: boolean;
}

interface DPResult {
  tables: (Table | undefined)[];
  root: Table;
  cand: Int32Array;
}

export function planCover(input: CoverInput): CoverResult {
  const budget = Math.floor(input.budget);
  if (!(budget >= 1)) throw new RangeError(`cover planner: budget must be >= 1 (got ${input.budget})`);
  const maxW = input.maxWildcards === undefined ? budget : Math.floor(input.maxWildcards);
  if (!(maxW >= 0)) throw new RangeError(`cover planner: maxWildcards must be >= 0 (got ${String(input.maxWildcards)})`);
  const W = Math.min(maxW, budget);
  const known = input.existing !== null;
  const wTxt = W < budget ? `, max ${plural(W, 'wildcard')}` : '';

  // ---- stale set: dedupe, split into exact paths and wildcard-only requirements -------------------------------
  const seen = new Set<string>();
  const flags = new Map<string, number>();
  const starCount = new Map<string, number>();
  let nStar = 0;
  for (const s of input.stale) {
    if (typeof s !== 'string' || !s.startsWith('/')) throw new TypeError(`cover planner: stale path must start with '/': ${JSON.stringify(s)}`);
    if (seen.has(s)) continue;
    seen.add(s);
    const star = s.indexOf('*');
    if (star === -1) flags.set(s, (flags.get(s) ?? 0) | F_EXACT);
    else {
      nStar++;
      const t = s.slice(0, star);
      flags.set(t, (flags.get(t) ?? 0) | F_WILD);
      starCount.set(t, (starCount.get(t) ?? 0) + 1);
    }
  }
  const nS = seen.size;
  const nullColl = known ? 0 : null;
  if (nS === 0) return { paths: [], collateral: nullColl, fellBackToAll: false, reason: 'nothing is stale' };

  if (nStar === 0 && nS <= budget) {
    const paths = [...seen].sort().map((p): CoverPath => ({ path: p, wildcard: false, covers: 1, collateral: 0 }));
    return { paths, collateral: nullColl, fellBackToAll: false, reason: `${plural(nS, 'stale path')} fit the budget of ${fmt(budget)}: sent exactly` };
  }

  let nU = 0;
  if (input.existing !== null) {
    for (const u of input.existing) {
      if (typeof u !== 'string' || !u.startsWith('/') || seen.has(u)) continue; // U \ S; non-'/' paths never match
      const f = flags.get(u) ?? 0;
      if (!(f & F_EXIST)) {
        flags.set(u, f | F_EXIST);
        nU++;
      }
    }
  }

  if (W === 0) {
    // Only exact paths allowed, but they cannot cover S within the budget (or a stale path needs a wildcard).
    return {
      paths: [{ path: '/*', wildcard: true, covers: nS, collateral: known ? nU : null }],
      collateral: known ? nU : null,
      fellBackToAll: true,
      reason: `nothing fits: ${plural(nS, 'stale path')}${nStar ? ` (${fmt(nStar)} containing '*')` : ''} over budget ${fmt(budget)} with 0 wildcards allowed; fell back to /*`,
    };
  }

  // ---- compressed trie from sorted strings + neighbour LCPs -------------------------------------------------
  const keys = [...flags.keys()].sort();
  const m = keys.length;
  const starAt = new Int32Array(m);
  for (let i = 0; i < m; i++) starAt[i] = keys[i]!.indexOf('*');

  const cap = 2 * m + 2;
  const depth = new Int32Array(cap);
  const rep = new Int32Array(cap);
  const term = new Uint8Array(cap);
  const sUnits = new Int32Array(cap); // stale requirement units under the node
  const wUnits = new Int32Array(cap); // wildcard-only units under the node
  const uCnt = new Int32Array(cap); // existing (non-stale) paths under the node
  const stStr = new Int32Array(cap); // stale strings under the node (for `covers`)
  const cut = new Int32Array(cap); // length of the wildcard prefix for this node, 0 = none
  const firstChild = new Int32Array(cap).fill(-1); // children with stale units only
  const nextSib = new Int32Array(cap).fill(-1);
  const order = new Int32Array(cap); // post-order
  let nn = 0;
  let no = 0;

  const newNode = (d: number, r: number): number => {
    const id = nn++;
    depth[id] = d;
    rep[id] = r;
    return id;
  };
  const leafFor = (i: number): number => {
    const id = newNode(keys[i]!.length, i);
    const f = flags.get(keys[i]!)!;
    term[id] = f;
    if (f & (F_EXACT | F_WILD)) sUnits[id] = 1;
    if (f & F_WILD) wUnits[id] = 1;
    if (f & F_EXIST) uCnt[id] = 1;
    stStr[id] = (f & F_EXACT ? 1 : 0) + (f & F_WILD ? starCount.get(keys[i]!)! : 0);
    return id;
  };
  const attach = (c: number, p: number): void => {
    const r = rep[c]!;
    const pd = depth[p]!;
    let d = depth[c]!;
    const sa = starAt[r]!;
    if (sa >= 0 && sa < d) d = sa;
    const str = keys[r]!;
    while (d > pd && isHighSurrogate(str.charCodeAt(d - 1))) d--;
    cut[c] = d > pd ? d : 0;
    sUnits[p] = sUnits[p]! + sUnits[c]!;
    wUnits[p] = wUnits[p]! + wUnits[c]!;
    uCnt[p] = uCnt[p]! + uCnt[c]!;
    stStr[p] = stStr[p]! + stStr[c]!;
    if (sUnits[c]! > 0) {
      nextSib[c] = firstChild[p]!;
      firstChild[p] = c;
    }
    order[no++] = c;
  };

  const root = newNode(0, 0);
  const stack: number[] = [root];
  for (let i = 0; i < m; i++) {
    const x = keys[i]!;
    let l = 0;
    if (i > 0) {
      const prev = keys[i - 1]!;
      const lim = Math.min(prev.length, x.length);
      while (l < lim && prev.charCodeAt(l) === x.charCodeAt(l)) l++;
    }
    while (depth[stack[stack.length - 1]!]! > l) {
      const c = stack.pop()!;
      const top = stack[stack.length - 1]!;
      if (depth[top]! >= l) attach(c, top);
      else {
        const mid = newNode(l, i);
        attach(c, mid);
        stack.push(mid);
      }
    }
    stack.push(leafFor(i));
  }
  while (stack.length > 1) {
    const c = stack.pop()!;
    attach(c, stack[stack.length - 1]!);
  }
  order[no++] = root;

  const units = sUnits[root]!;
  /** A node whose only requirement is one exact path: sent exactly (its own wildcard is never better). */
  const simple = (v: number): boolean => v !== root && sUnits[v] === 1 && wUnits[v] === 0;
  const kCapAll = budget >= units ? 0 : budget;
  const bEff = Math.min(budget, units);

  // ---- the DP -------------------------------------------------------------------------------------------------
  const runDP = (P: DPParams): DPResult => {
    const tables: (Table | undefined)[] = new Array(P.keep ? nn : 0);
    const work: (Table | undefined)[] = new Array(nn);
    const cand = new Int32Array(nn);
    let rootT: Table | undefined;
    for (let oi = 0; oi < no; oi++) {
      const v = order[oi]!;
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

  const kOf = (s: number, kCap: number): number => (kCap === 0 ? 0 : Math.min(kCap, s));

  /** Base table for option B before merging complex children: own exact path + simple children. */
  const baseTable = (v: number, P: DPParams): { t: Table; sAcc: number } => {
    const blocked = (term[v]! & F_WILD) !== 0;
    let base = term[v]! & F_EXACT ? 1 : 0;
    for (let c = firstChild[v]!; c !== -1; c = nextSib[c]!) if (simple(c)) base++;
    const sAcc = base + (blocked && !(term[v]! & F_EXACT) ? 1 : 0); // stale units of v itself + simple children
    const K = kOf(sAcc, P.kCap);
    const a = new Float64Array(K + 1).fill(INF);
    if (!blocked) {
      if (P.kCap === 0) a[0] = base * P.exactCost;
      else for (let k = base; k <= K; k++) a[k] = base * P.exactCost;
    }
    return { t: { K, Wd: 0, a }, sAcc };
  };

  const mergeTables = (x: Table, y: Table, K: number, Wd: number): Table => {
    const out = new Float64Array((K + 1) * (Wd + 1)).fill(INF);
    const xa = x.a;
    const ya = y.a;
    if (x.Wd === 0 && y.Wd === 0 && Wd === 0) {
      let yf = 0;
      while (yf <= y.K && ya[yf] === INF) yf++;
      for (let i = 0; i <= x.K; i++) {
        const av = xa[i]!;
        if (av === INF) continue;
        const lim = Math.min(y.K, K - i);
        for (let j = yf; j <= lim; j++) {
          const val = av + ya[j]!;
          if (val < out[i + j]!) out[i + j] = val;
        }
      }
      return { K, Wd, a: out };
    }
    const rx = x.Wd + 1;
    const ry = y.Wd + 1;
    const ro = Wd + 1;
    for (let i = 0; i <= x.K; i++) {
      const jl = Math.min(y.K, K - i);
      for (let p = 0; p <= x.Wd; p++) {
        const av = xa[i * rx + p]!;
        if (av === INF) continue;
        const ql = Math.min(y.Wd, Wd - p);
        for (let j = 0; j <= jl; j++) {
          const yo = j * ry;
          const oo = (i + j) * ro + p;
          for (let q = 0; q <= ql; q++) {
            const val = av + ya[yo + q]!;
            if (val < out[oo + q]!) out[oo + q] = val;
          }
        }
      }
    }
    return { K, Wd, a: out };
  };

  /** Widen a table to Wd columns ("at most" semantics: extra columns repeat the last one). */
  const widen = (t: Table, Wd: number): Table => {
    if (t.Wd === Wd) return t;
    const out = new Float64Array((t.K + 1) * (Wd + 1));
    for (let k = 0; k <= t.K; k++)
      for (let w = 0; w <= Wd; w++) out[k * (Wd + 1) + w] = t.a[k * (t.Wd + 1) + Math.min(w, t.Wd)]!;
    return { K: t.K, Wd, a: out };
  };

  /** Option-B chain for v: [base, after complex child 1, ...] (or just the last table), children in list order. */
  const chainFor = (v: number, P: DPParams, tabs: (Table | undefined)[], cand: Int32Array, all: boolean): { chain: Table[]; kids: number[] } => {
    const b = baseTable(v, P);
    let acc = b.t;
    let sAcc = b.sAcc;
    let wAcc = 0;
    const chain: Table[] = all ? [acc] : [];
    const kids: number[] = [];
    for (let c = firstChild[v]!; c !== -1; c = nextSib[c]!) {
      if (simple(c)) continue;
      sAcc += sUnits[c]!;
      wAcc += cand[c]!;
      acc = mergeTables(acc, tabs[c]!, kOf(sAcc, P.kCap), P.wCap === 0 ? 0 : Math.min(P.wCap, wAcc));
      if (all) chain.push(acc);
      kids.push(c);
    }
    if (!all) chain.push(acc);
    return { chain, kids };
  };

  const nodeTable = (v: number, P: DPParams, work: (Table | undefined)[], cand: Int32Array): Table => {
    let cc = Number.isFinite(P.wildCost[v]!) ? 1 : 0;
    for (let c = firstChild[v]!; c !== -1; c = nextSib[c]!) if (!simple(c)) cc += cand[c]!;
    cand[v] = cc;
    const { chain } = chainFor(v, P, work, cand, false);
    let t = chain[chain.length - 1]!;
    const K = kOf(sUnits[v]!, P.kCap);
    const Wd = P.wCap === 0 ? 0 : Math.min(P.wCap, cc);
    if (t.K !== K) throw new Error('cover planner: internal table size mismatch');
    t = widen(t, Wd);
    const wc = P.wildCost[v]!;
    if (wc !== INF) {
      const a = t.a;
      const r = Wd + 1;
      const k0 = P.kCap === 0 ? 0 : 1;
      const w0 = P.wCap === 0 ? 0 : 1;
      for (let k = k0; k <= K; k++) for (let w = w0; w <= Wd; w++) if (wc < a[k * r + w]!) a[k * r + w] = wc;
    }
    return t;
  };

  /** Rebuild the chosen paths from kept tables: returns node ids of wildcards and of exact paths. */
  const rebuild = (P: DPParams, R: DPResult): { wild: number[]; exact: number[] } => {
    const wild: number[] = [];
    const exact: number[] = [];
    const rt = R.root;
    const todo: number[] = [root, rt.K, rt.Wd];
    while (todo.length > 0) {
      const w = todo.pop()!;
      const k = todo.pop()!;
      const v = todo.pop()!;
      const t = R.tables[v]!;
      const val = t.a[k * (t.Wd + 1) + w]!;
      if (val === INF) throw new Error('cover planner: internal error (infeasible branch)');
      const wc = P.wildCost[v]!;
      if (wc !== INF && val === wc && (P.kCap === 0 || k >= 1) && (P.wCap === 0 || w >= 1)) {
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
      let kk = k;
      let last = chain[chain.length - 1]!;
      let ww = Math.min(w, last.Wd);
      if (last.a[kk * (last.Wd + 1) + ww] !== val) throw new Error('cover planner: internal error (rebuild mismatch)');
      for (let ci = kids.length - 1; ci >= 0; ci--) {
        const prev = chain[ci]!;
        const c = kids[ci]!;
        const ct = R.tables[c]!;
        const target = last.a[kk * (last.Wd + 1) + ww]!;
        let found = false;
        for (let j = 0; j <= Math.min(ct.K, kk) && !found; j++) {
          const pk = kk - j;
          if (pk > prev.K) continue;
          for (let q = 0; q <= Math.min(ct.Wd, ww); q++) {
            const pw = ww - q;
            if (pw > prev.Wd) continue;
            if (prev.a[pk * (prev.Wd + 1) + pw]! + ct.a[j * (ct.Wd + 1) + q]! === target) {
              todo.push(c, j, q);
              kk = pk;
              ww = pw;
              found = true;
              break;
            }
          }
        }
        if (!found) throw new Error('cover planner: internal error (no split found)');
        last = prev;
      }
    }
    return { wild, exact };
  };

  // ---- cost weights -------------------------------------------------------------------------------------------
  const SAFE = Number.MAX_SAFE_INTEGER;
  const wildCost = new Float64Array(nn).fill(INF);
  let P: DPParams;
  let R: DPResult;
  let floorSpec = -1;

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
    P = { wildCost, exactCost: M2, kCap: kCapAll, wCap: 0, keep: true };
    R = runDP(P);
    let sol = rebuild(P, R);
    if (sol.wild.length > W) {
      P = { wildCost, exactCost: M2, kCap: kCapAll, wCap: W, keep: true };
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
    const wCap = W >= budget ? 0 : W; // with W >= B every cover of <= B paths respects W
    const Q: DPParams = { wildCost: wc, exactCost: 1, kCap: 0, wCap, keep: false };
    const rt = runDP(Q).root;
    return rt.a[rt.Wd]! <= budget;
  };
  let lo = 0;
  let hi = distinct.length - 1;
  // distinct[0] is always feasible: the shallowest candidate is the root's child (covers everything).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (feasibleAt(distinct[mid]!)) lo = mid;
    else hi = mid - 1;
  }
  floorSpec = distinct[lo] ?? -1;

  // 2) among covers respecting the floor: fewest wildcards, then longest prefixes, then fewest paths.
  {
    let M2 = bEff + 1;
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
    P = { wildCost, exactCost: 1, kCap: kCapAll, wCap: 0, keep: true };
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
