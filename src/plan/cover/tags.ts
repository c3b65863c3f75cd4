// Cache tag items in the cover: which stale objects are covered by a tag (`#<tag>`) instead of their URL paths, and
// which coarser tags (folders, groups) cover several at once when the budget is short. Pure.
//
// A tag item evicts every cached variant of every object carrying the tag: one item for `/about`, `/about/`,
// `/about/index.html` and each with any `?query`. Its collateral is every object carrying the tag that did not
// change, counted in URL forms (the unit of a wildcard's collateral), so the two compare. Only an object the ledger
// knows to be tagged in every variant the CDN may hold is covered by a tag; every other stale path goes to the
// path planner.
//
// Tag items are billed as paths and count against the 3,000 file paths in flight, not the 15 wildcards. The
// objects carry their folder tags as a chain from the top (see tagsFor), so folders form a tree: the coarse cover is
// a bounded tree knapsack over it (least collateral with at most k tag items), with the group tags at the root.
import type { CoverResult } from '../../model/data.js';
import { GROUP_HTML, GROUP_MUTABLE, folderTagsOf } from '../cache-tags.js';

/** An object whose cached variants carry tags. */
export interface TagObject {
  key: string;
  /** The tags its cached variants carry (for a stale object: what the replaced one was written with). */
  tags: string[];
  /** Its URL forms: what evicting it needlessly costs. */
  weight: number;
  /** Changed in this run: evicting it is never collateral. */
  stale: boolean;
}

/** One tag item of a plan. */
export interface TagItem {
  /** As sent: `#` and the tag. */
  item: string;
  /** The stale objects it covers (keys), or the owed item it repays. */
  covers: string[];
  /** URL forms of unchanged objects it evicts needlessly. */
  collateral: number;
}

export interface TagCoverInput {
  /** Every stale path (decoded), tag items owed by earlier runs included (`#...`). */
  stale: string[];
  /** Stale objects that may be covered by tag, with the stale paths each made stale. */
  coverable: Record<string, string[]>;
  /**
   * Every stale object with the stale paths it made stale (coverable or not): a path two objects made stale (`/docs/`
   * from `docs/index.html` and strip-index-html's `docs/`) leaves the paths only when both are covered by tag.
   */
  producers?: Record<string, string[]>;
  /** Every object carrying tags (the stale coverable ones with the tags of the version being replaced). */
  objects: TagObject[];
  /** Paths that must go as paths (the `paths` input, owed ones). */
  explicit: string[];
  budget: number;
  maxWildcards?: number;
  /** The path planner over what is left (with the run's rooting and limits). */
  pathCover: (stale: string[], budget: number) => CoverResult;
}

export interface TagCoverResult {
  tags: TagItem[];
  /** The path part (null when no path is left). */
  cover: CoverResult | null;
  /** Paths and tags: total collateral (null when the path part's is unknown). */
  collateral: number | null;
  items: number;
  reason: string;
}

const INF = Number.POSITIVE_INFINITY;

/** A stale path CloudFront cannot take exactly (`*`, `~`, a query-string variant): it needs a wildcard. */
const needsWildcard = (p: string) => p.includes('*') || p.includes('~') || p.includes('\u0000');

/** Lexicographic score: known collateral before unknown, then collateral, items, wildcards. */
function score(r: { collateral: number | null; items: number; wildcards: number }): number[] {
  return [r.collateral === null ? 1 : 0, r.collateral ?? 0, r.items, r.wildcards];
}
function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

interface Candidate {
  tags: TagItem[];
  cover: CoverResult | null;
  collateral: number | null;
  items: number;
  wildcards: number;
  kind: 'paths' | 'exact' | 'coarse';
}

function withPaths(tags: TagItem[], rest: string[], budget: number, input: TagCoverInput, kind: Candidate['kind']): Candidate | null {
  const tagCollateral = tags.reduce((n, t) => n + t.collateral, 0);
  if (tags.length > budget) return null;
  if (rest.length === 0) return { tags, cover: null, collateral: tagCollateral, items: tags.length, wildcards: 0, kind };
  if (budget - tags.length < 1) return null;
  const cover = input.pathCover(rest, budget - tags.length);
  const wildcards = cover.paths.filter((p) => p.wildcard).length;
  return {
    tags,
    cover,
    collateral: cover.collateral === null ? null : cover.collateral + tagCollateral,
    items: tags.length + cover.paths.length,
    wildcards,
    kind,
  };
}

/**
 * The cover with tags: the best (least collateral, then fewest items, then fewest wildcards) of the path-only cover,
 * the exact one (an object tag for each coverable object with more than one stale path or one that needs a
 * wildcard) and the coarse one (folder and group tags, chosen by the tree knapsack). The path-only cover wins ties.
 */
export function planTagCover(input: TagCoverInput): TagCoverResult {
  const explicit = new Set(input.explicit);
  const owed = input.stale.filter((p) => p.startsWith('#'));
  const owedItems: TagItem[] = owed.map((p) => ({ item: p, covers: [p], collateral: 0 }));
  const paths = input.stale.filter((p) => !p.startsWith('#'));
  const removable = (key: string) => (input.coverable[key] ?? []).filter((p) => !explicit.has(p));
  const byKey = new Map(input.objects.map((o) => [o.key, o]));
  const keys = Object.keys(input.coverable).filter((k) => byKey.has(k) && removable(k).length > 0);

  const candidates: Candidate[] = [];
  const pathOnly = withPaths(owedItems, paths, input.budget, input, 'paths');
  if (pathOnly) candidates.push(pathOnly);

  const by = new Map<string, string[]>();
  for (const [key, forms] of Object.entries(input.producers ?? input.coverable))
    for (const p of forms) by.set(p, [...(by.get(p) ?? []), key]);
  const left = (covered: string[]) => {
    const set = new Set(covered);
    const gone = new Set(covered.flatMap(removable).filter((p) => (by.get(p) ?? []).every((k) => set.has(k))));
    return paths.filter((p) => !gone.has(p));
  };
  const exactKeys = keys.filter((k) => {
    const r = removable(k);
    return r.length >= 2 || r.some(needsWildcard);
  });
  if (exactKeys.length > 0) {
    const tags = exactKeys.map((k) => ({ item: `#${byKey.get(k)!.tags[0]!}`, covers: [k], collateral: 0 }));
    const c = withPaths([...owedItems, ...tags], left(exactKeys), input.budget, input, 'exact');
    if (c) candidates.push(c);
  }
  if (keys.length > 0) {
    const rest = left(keys);
    const room = input.budget - owedItems.length - (rest.length > 0 ? 1 : 0);
    if (room >= 1) {
      const tree = coarseTable(keys, input.objects, room);
      // Each point plans the paths left again: fewer points when that is a large planning problem.
      for (const k of paretoPoints(tree.table, rest.length > 1000 ? 8 : 40)) {
        const c = withPaths([...owedItems, ...tree.rebuild(k)], rest, input.budget, input, 'coarse');
        if (c) candidates.push(c);
      }
    }
  }
  let best = candidates[0];
  for (const c of candidates.slice(1)) if (!best || better(score(c), score(best))) best = c;
  if (!best) throw new RangeError('cover planner: no cover fits the budget');
  const nTags = best.tags.length;
  const nPaths = best.cover?.paths.length ?? 0;
  const why =
    best.kind === 'paths'
      ? 'paths only'
      : `${nTags} tag item(s) and ${nPaths} path(s)${best.kind === 'coarse' ? ' (folder or group tags: the budget is short)' : ''}`;
  return {
    tags: best.tags,
    cover: best.cover,
    collateral: best.collateral,
    items: best.items,
    reason: `${why}: ${best.items} billed item(s), collateral ${best.collateral ?? 'unknown'}${best.cover ? `; paths: ${best.cover.reason}` : ''}`,
  };
}

/** The item counts where the least collateral drops (at most `max` of them: the fewest items and the least collateral). */
function paretoPoints(table: number[], max: number): number[] {
  const out: number[] = [];
  let last = INF;
  for (let k = 0; k < table.length; k++) {
    if (table[k]! < last) {
      out.push(k);
      last = table[k]!;
    }
  }
  const half = Math.floor(max / 2);
  return out.length <= max ? out : [...out.slice(0, half), ...out.slice(-half)];
}

interface Node {
  tag: string | null;
  children: Map<string, Node>;
  /** Coverable objects whose deepest folder tag is this node's. */
  direct: string[];
  /** Coverable objects under it. */
  n: number;
  table: number[];
  useTag: boolean[];
  /** Per child, per k: items given to that child. */
  splits: Int32Array[];
  order: Node[];
}

/**
 * f(v, k): least collateral covering every coverable object under folder v with at most k tag items: v's folder tag
 * (one item), or each object directly in v by its own tag plus the children's best split of the rest. At the root,
 * the group tags (mutable, HTML) are the one-item options when every coverable object carries them.
 */
function coarseTable(keys: string[], objects: TagObject[], budget: number): { table: number[]; rebuild: (k: number) => TagItem[] } {
  const byKey = new Map(objects.map((o) => [o.key, o]));
  const collateral = new Map<string, number>();
  for (const o of objects) {
    if (o.stale) continue;
    for (const t of o.tags) collateral.set(t, (collateral.get(t) ?? 0) + o.weight);
  }
  const mk = (tag: string | null): Node => ({ tag, children: new Map(), direct: [], n: 0, table: [], useTag: [], splits: [], order: [] });
  const root = mk(null);
  for (const k of keys) {
    let v = root;
    v.n++;
    for (const t of folderTagsOf(byKey.get(k)!.tags)) {
      let c = v.children.get(t);
      if (!c) v.children.set(t, (c = mk(t)));
      v = c;
      v.n++;
    }
    v.direct.push(k);
  }
  const solve = (v: Node): void => {
    const cap = Math.min(budget, v.n);
    let g: number[] = Array.from({ length: cap + 1 }, (_, k) => (k >= v.direct.length ? 0 : INF));
    v.order = [...v.children.values()];
    for (const c of v.order) {
      solve(c);
      const next = new Array<number>(cap + 1).fill(INF);
      const split = new Int32Array(cap + 1);
      for (let k = 0; k <= cap; k++) {
        for (let j = 0; j <= Math.min(k, c.table.length - 1); j++) {
          const x = g[k - j]! + c.table[j]!;
          if (x < next[k]!) {
            next[k] = x;
            split[k] = j;
          }
        }
      }
      g = next;
      v.splits.push(split);
    }
    const own = v.tag === null ? INF : (collateral.get(v.tag) ?? 0);
    v.table = g.map((x, k) => (k >= 1 && own < x ? own : x));
    v.useTag = g.map((x, k) => k >= 1 && own < x);
  };
  solve(root);
  // Group tags at the root: one item each, when every coverable object carries it.
  const groups = [GROUP_HTML, GROUP_MUTABLE]
    .filter((g) => keys.every((k) => byKey.get(k)!.tags.includes(g)))
    .map((g) => ({ g, c: collateral.get(g) ?? 0 }))
    .sort((a, b) => a.c - b.c);
  const group = groups[0];
  const table = root.table.map((x, k) => (k >= 1 && group && group.c < x ? group.c : x));
  const rebuildNode = (v: Node, k: number, out: TagItem[]): void => {
    if (v.useTag[k]) {
      const covered: string[] = [];
      const collect = (u: Node) => {
        covered.push(...u.direct);
        for (const c of u.children.values()) collect(c);
      };
      collect(v);
      out.push({ item: `#${v.tag!}`, covers: covered, collateral: collateral.get(v.tag!) ?? 0 });
      return;
    }
    for (const key of v.direct) out.push({ item: `#${byKey.get(key)!.tags[0]!}`, covers: [key], collateral: 0 });
    let rest = Math.min(k, v.splits.length > 0 ? v.splits[0]!.length - 1 : k);
    for (let i = v.order.length - 1; i >= 0; i--) {
      const j = v.splits[i]![rest]!;
      rebuildNode(v.order[i]!, j, out);
      rest -= j;
    }
  };
  return {
    table,
    rebuild: (k) => {
      if (k >= 1 && group && group.c < root.table[k]!) return [{ item: `#${group.g}`, covers: [...keys], collateral: group.c }];
      const out: TagItem[] = [];
      rebuildNode(root, k, out);
      return out;
    },
  };
}
