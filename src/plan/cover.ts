/**
 * Cover planner: choose at most `budget` CloudFront invalidation paths (exact paths or prefixes ending in `*`)
 * that cover every stale URL path, with the least collateral. Pure: no I/O, no clock, no randomness.
 *
 * Problem. S = stale paths (deduplicated), U = `existing` minus S. A wildcard `p*` matches every string that
 * starts with p (CloudFront: `*` only as the last character, matching zero or more characters, so `/img/*` and
 * `/img/hero*` are both wildcards). An exact path matches itself. When |S| <= B and no stale path contains `*` or `~`,
 * the answer is S itself, sent exactly. Otherwise choose P, |P| <= B, at most W wildcards, covering S, minimising
 * lexicographically
 *   - known U:   (collateral = |U-paths matched by a wildcard|, paths, wildcards);
 *   - unknown U (`existing: null`): see "Unknown origin" below.
 *
 * Method. A compressed (radix) trie over the characters of S ∪ U, built top-down by partitioning the strings on
 * their first differing character (no global sort; duplicates merge in their terminal node). A wildcard cut in the
 * middle of an edge matches the same known strings as the node below it, so one cut per node is considered: the
 * deepest valid one on the edge into the node (the most specific prefix; valid = no `*` or `~` in it and not ending
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
 * Stale paths containing `~` get the same treatment, cut before the first `~` (or `*`, whichever comes first):
 * CloudFront rejects a raw `~` in an invalidation path, and `%7E` is accepted but clears nothing
 * (aws/aws-sdk-js-v3#4042), so `/js/runtime~main.js` is covered by `/js/runtime*` or shallower. No wildcard
 * prefix ever contains a `*` or a `~`; collateral is counted as usual.
 *
 * Complexity (n = |S ∪ U| paths, L = their total length in UTF-16 units, B = budget, W = wildcard limit):
 *   - trie:      O(L) time (each string is scanned once per branching node above it, and the extension scans
 *                touch each character of its distinguishing prefix once); O(n) nodes, O(n + L) space.
 *   - DP:        O(n·B) time (capped tree knapsack: a merge of tables over a and b stale units costs at most
 *                min(B, a)·min(B, b), which sums to O(n·B)); space O(Σ_v min(B, s_v)) floats for the kept tables
 *                (s_v = stale units under v; O(n·B) worst case, far less in practice thanks to the pruning).
 *                Runs only when |S| > B (or a stale path contains `*` or `~`); when B >= |S| tables have one row: O(n).
 *   - W < B:     outside arrays O(n·W²); the (k, w) DP O(n·B·W²) worst case, only when the unconstrained optimum
 *                uses more than W wildcards.
 *   - unknown U: O(n·W²·log n) for the specificity search (O(n·log n) when W >= B) + one O(n·B) DP.
 *   - rebuild:   no more than the forward DP.
 * Measured (Node 20 and 24, 2 shared cores, 100,000 stale + 100,000 existing paths scattered over one site):
 * B = 100: ~0.2-0.3 s (up to ~0.7 s on a loaded machine); B = 100, W = 15: about the same; B = 3,000: ~0.8 s;
 * B = 3,000, W = 15 (the pair DP at full size): ~3 s. See bench/planner.md.
 *
 * Layout (src/plan/cover/): common.ts (flags, helpers, the public path predicates), trie.ts (entries and the
 * trie), table.ts (DP tables, (min,+) merge), bounds.ts (pruning bounds and the planner state), dp.ts (the
 * knapsack), rebuild.ts (backtracking), objectives.ts (the two cost models), result.ts (results and reasons),
 * tags.ts (cache tag items: the cover with tags, chosen around this planner).
 * The parts share plain structs of typed arrays (Trie, Planner) instead of closures.
 */
import type { CoverInput, CoverResult } from '../model/data.js';
import { makePlanner } from './cover/bounds.js';
import { type CoverTuning, F_EXACT } from './cover/common.js';
import { planKnown, planUnknown } from './cover/objectives.js';
import { exactResult, nothingFits, type Summary } from './cover/result.js';
import { addExisting, buildTrie, ROOT, staleEntries } from './cover/trie.js';

export { isValidCloudFrontPath, matchesCloudFrontPath, wildcardSpecificity } from './cover/common.js';
export type { CoverTuning } from './cover/common.js';

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

  const E = staleEntries(input.stale);
  const nWild = E.wildSeen.size; // stale paths that cannot be sent exactly
  if (E.keys.length === 0) return { paths: [], collateral: known ? 0 : null, fellBackToAll: false, reason: 'nothing is stale' };
  if (nWild === 0 && E.keys.length <= budget) return exactResult([...new Set(E.keys)], budget, known);
  if (input.existing !== null) addExisting(E, input.existing);

  const T = buildTrie(E);
  const nS = T.stStr[ROOT]!;
  if (nWild === 0 && nS <= budget) {
    const list: string[] = [];
    for (let v = 0; v < T.nn; v++) if (T.term[v]! & F_EXACT) list.push(T.keys[T.rep[v]!]!);
    return exactResult(list, budget, known);
  }
  const info: Summary = { budget, W, known, nS, nU: T.uCnt[ROOT]!, nStar: E.nStar, nTilde: E.nTilde };
  if (W === 0) return nothingFits(info);
  const C = makePlanner(T, info, tuning);
  return known ? planKnown(C) : planUnknown(C);
}
