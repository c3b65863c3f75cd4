/** Cover planner, part 6: the CoverResult (paths, collateral, one-line reason) for each outcome. */
import type { CoverPath, CoverResult } from '../../model/data.js';
import { fmt, plural, wildcardSpecificity } from './common.js';
import type { Solution, Summary } from './common.js';

export type { Summary } from './common.js';
import type { Trie } from './trie.js';

/** "2 containing '*', 1 containing '~'": the stale paths that cannot be sent exactly ('' when none). */
function unsendable(s: Summary): string {
  const parts: string[] = [];
  if (s.nStar) parts.push(`${fmt(s.nStar)} containing '*'`);
  if (s.nTilde) parts.push(`${fmt(s.nTilde)} containing '~'`);
  return parts.join(', ');
}

function wTxt(s: Summary): string {
  return s.W < s.budget ? `, max ${plural(s.W, 'wildcard')}` : '';
}

/** Every stale path sent exactly (they fit the budget and none needs a wildcard). */
export function exactResult(list: string[], budget: number, known: boolean): CoverResult {
  const paths = list.sort().map((p): CoverPath => ({ path: p, wildcard: false, covers: 1, collateral: 0 }));
  return {
    paths,
    collateral: known ? 0 : null,
    fellBackToAll: false,
    reason: `${plural(paths.length, 'stale path')} fit the budget of ${fmt(budget)}: sent exactly`,
  };
}

/** W = 0: only exact paths allowed, but they cannot cover S within the budget (or a stale path needs a wildcard). */
export function nothingFits(s: Summary): CoverResult {
  const coll = s.known ? s.nU : null;
  return {
    paths: [{ path: '/*', wildcard: true, covers: s.nS, collateral: coll }],
    collateral: coll,
    fellBackToAll: true,
    reason: `nothing fits: ${plural(s.nS, 'stale path')}${unsendable(s) ? ` (${unsendable(s)})` : ''}, budget ${fmt(s.budget)}, 0 wildcards allowed; fell back to /*`,
  };
}

/** The result for a solution of the DP. */
export function finish(T: Trie, s: Summary, sol: Solution): CoverResult {
  const { known, budget } = s;
  const paths: CoverPath[] = [];
  let coll = 0;
  for (const v of sol.wild) {
    coll += T.uCnt[v]!;
    const path = T.keys[T.rep[v]!]!.slice(0, T.cut[v]!) + '*';
    paths.push({ path, wildcard: true, covers: T.stStr[v]!, collateral: known ? T.uCnt[v]! : null });
  }
  for (const v of sol.exact) paths.push({ path: T.keys[T.rep[v]!]!, wildcard: false, covers: 1, collateral: 0 });
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
        ? `/* evicts nothing else: ${plural(s.nS, 'stale path')}, budget ${fmt(budget)}${wTxt(s)}; collateral 0 objects`
        : `only /* fits: no narrower cover of ${plural(s.nS, 'stale path')} within budget ${fmt(budget)}${wTxt(s)}; ${collTxt}`;
  } else {
    const head =
      s.nS > budget
        ? `${plural(s.nS, 'stale path')} over budget ${fmt(budget)}${wTxt(s)}`
        : `${plural(s.nS, 'stale path')} within budget ${fmt(budget)}${wTxt(s)}, ${unsendable(s)} (needs a wildcard)`;
    const broadest = !known && nw > 0 ? `; broadest wildcard ${broadestOf(paths)}` : '';
    reason = `${head}: ${fmt(ne)} exact + ${plural(nw, 'wildcard')}, ${collTxt}${broadest}`;
  }
  return { paths, collateral, fellBackToAll, reason };
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
