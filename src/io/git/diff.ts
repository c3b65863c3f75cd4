// Changed files between two commits: local git first (fetching a missing base), then the GitHub API (compare,
// and past its 300-file cap the two commits' trees).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import type { ChangedFile } from '../../model/data.js';
import { githubClient, splitRepository, type GitHubClient } from '../github/client.js';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** Parse `git diff --name-status -z -M` output. */
export function parseNameStatus(out: string): ChangedFile[] {
  const tokens = out.split('\0');
  const files: ChangedFile[] = [];
  let i = 0;
  while (i < tokens.length) {
    const status = tokens[i++];
    if (!status) continue;
    const code = status[0];
    if (code === 'R') {
      const from = tokens[i++] ?? '';
      const to = tokens[i++] ?? '';
      files.push({ path: to, status: 'renamed', previousPath: from });
    } else if (code === 'C') {
      i++; // source of the copy is unchanged
      files.push({ path: tokens[i++] ?? '', status: 'added' });
    } else {
      const path = tokens[i++] ?? '';
      files.push({ path, status: code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified' });
    }
  }
  return files;
}

async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  try {
    await git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** Diff with local git; fetches a commit missing from a shallow checkout. Throws when git cannot do it. */
export async function localDiff(
  cwd: string,
  base: string,
  head: string,
  log: (m: string) => void,
  fromMergeBase = false,
): Promise<ChangedFile[]> {
  for (const sha of [base, head]) {
    if (await hasCommit(cwd, sha)) continue;
    log(`Commit ${sha.slice(0, 12)} is not in the checkout (shallow clone?); fetching it`);
    await git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]);
  }
  // Push: the two trees (correct even after a force push). Pull request: what the branch changed since it
  // left the base branch (base...head), so newer commits on the base do not count.
  const range = fromMergeBase ? [`${base}...${head}`] : [base, head];
  return parseNameStatus(await git(cwd, ['diff', '--name-status', '-z', '-M', ...range, '--']));
}

interface CompareFile {
  filename: string;
  status: string;
  previous_filename?: string;
}

/** The compare API lists at most this many files. */
export const COMPARE_FILE_CAP = 300;

/** Map compare-API files to ChangedFile; the API returns at most 300 files (exactly 300: maybe truncated). */
export function fromCompareFiles(files: CompareFile[]): { files: ChangedFile[]; maybeTruncated: boolean } {
  const out: ChangedFile[] = files.map((f) => {
    if (f.status === 'renamed' && f.previous_filename) return { path: f.filename, status: 'renamed', previousPath: f.previous_filename };
    if (f.status === 'added' || f.status === 'copied') return { path: f.filename, status: 'added' };
    if (f.status === 'removed') return { path: f.filename, status: 'deleted' };
    return { path: f.filename, status: 'modified' };
  });
  return { files: out, maybeTruncated: files.length >= COMPARE_FILE_CAP };
}

/** How compareDiff read the diff. */
export type CompareVia =
  /** The compare API's file list (fewer files than its cap: complete). */
  | 'compare'
  /** The two commits' recursive trees, compared by object id. */
  | 'trees'
  /** A recursive tree was truncated: both trees read level by level, descending only into subtrees that differ. */
  | 'tree-walk'
  /** Nothing could read the whole diff: the compare API's first 300 files (maybeTruncated). */
  | 'compare-capped';

/** One non-tree entry of a git tree: a blob (file or symlink) or a commit (submodule). */
export interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
}

/**
 * Diff two tree listings (tree entries are ignored): a path only in `to` is added, only in `from` deleted, in
 * both with another object id or mode modified. A deleted and an added path with the same blob are paired
 * as a rename (exact renames only; an edited rename stays deleted + added). Sorted by path.
 */
export function diffTrees(from: readonly TreeEntry[], to: readonly TreeEntry[]): ChangedFile[] {
  const files = (entries: readonly TreeEntry[]) => new Map(entries.filter((e) => e.type !== 'tree').map((e) => [e.path, e]));
  const a = files(from);
  const b = files(to);
  const out: ChangedFile[] = [];
  const deletedBySha = new Map<string, string[]>();
  for (const [path, e] of a) {
    const other = b.get(path);
    if (!other) {
      if (e.type === 'blob') deletedBySha.set(e.sha, [...(deletedBySha.get(e.sha) ?? []), path]);
      else out.push({ path, status: 'deleted' });
    } else if (other.sha !== e.sha || other.mode !== e.mode) out.push({ path, status: 'modified' });
  }
  const added = [...b.values()].filter((e) => !a.has(e.path)).sort((x, y) => (x.path < y.path ? -1 : 1));
  for (const e of added) {
    const sources = e.type === 'blob' ? deletedBySha.get(e.sha) : undefined;
    const previousPath = sources?.shift();
    out.push(previousPath === undefined ? { path: e.path, status: 'added' } : { path: e.path, status: 'renamed', previousPath });
  }
  for (const paths of deletedBySha.values()) for (const path of paths) out.push({ path, status: 'deleted' });
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

class TruncatedTree extends Error {}

/**
 * Changed files between two commits through the GitHub API. The compare API (`base...head`) answers when
 * it lists fewer than 300 files; at its cap the two commits' recursive trees are compared, and when GitHub
 * truncates a recursive tree (100,000 entries / 7 MB) the trees are walked level by level, only into
 * subtrees whose ids differ. `maybeTruncated` is true only when none of these could read the whole diff.
 *
 * The diff is from the merge base to head, as the compare API lists it, when base is an ancestor of head or
 * `fromMergeBase` is set (pull requests). Otherwise (a force push: base and head diverged, or head is behind)
 * it is the two trees base -> head, like `git diff base head`.
 */
export async function compareDiff(opts: {
  apiUrl: string;
  repository: string;
  token: string;
  base: string;
  head: string;
  /** Diff from the merge base even when base is not an ancestor of head (pull request: base...head). */
  fromMergeBase?: boolean;
  /** Default: the shared githubClient(apiUrl, token). */
  client?: GitHubClient;
  log?: (message: string) => void;
}): Promise<{ files: ChangedFile[]; maybeTruncated: boolean; via: CompareVia }> {
  const { owner, repo } = splitRepository(opts.repository);
  const client = opts.client ?? (await githubClient(opts.apiUrl, opts.token));
  const { data: cmp } = await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${opts.base}...${opts.head}` });
  const twoTrees = !opts.fromMergeBase && (cmp.status === 'diverged' || cmp.status === 'behind');
  const listed = cmp.files ?? [];
  if (!twoTrees && listed.length < COMPARE_FILE_CAP) return { ...fromCompareFiles(listed), via: 'compare' };

  if (twoTrees) opts.log?.(`Base is not an ancestor of head (${cmp.status}, force push?): comparing the two trees`);
  else opts.log?.(`The compare API listed ${listed.length} files, its cap: comparing the two commits' trees`);
  const limit = pLimit(8);
  const getTree = (treeSha: string, recursive: boolean) =>
    limit(async () => {
      const { data } = await client.rest.git.getTree({ owner, repo, tree_sha: treeSha, ...(recursive ? { recursive: '1' } : {}) });
      const entries: TreeEntry[] = data.tree.map((e) => ({ path: e.path ?? '', mode: e.mode ?? '', type: e.type ?? '', sha: e.sha ?? '' }));
      return { sha: data.sha, truncated: data.truncated, entries };
    });
  const fromTree = (twoTrees ? cmp.base_commit : cmp.merge_base_commit).commit.tree.sha;
  // tree_sha also takes a commit (or ref): GitHub peels it to its tree.
  const [a, b] = await Promise.all([getTree(fromTree, true), getTree(opts.head, true)]);
  if (!a.truncated && !b.truncated) return { files: diffTrees(a.entries, b.entries), maybeTruncated: false, via: 'trees' };

  opts.log?.('GitHub truncated a recursive tree: walking both trees level by level, into the subtrees that differ');
  const from: TreeEntry[] = [];
  const to: TreeEntry[] = [];
  const level = async (sha: string | undefined) => {
    if (sha === undefined) return [];
    const t = await getTree(sha, false);
    if (t.truncated) throw new TruncatedTree(`GitHub truncated tree ${sha} even without recursion`);
    return t.entries;
  };
  const walk = async (prefix: string, aSha: string | undefined, bSha: string | undefined): Promise<void> => {
    const [aEntries, bEntries] = await Promise.all([level(aSha), level(bSha)]);
    const byName = new Map<string, { a?: TreeEntry; b?: TreeEntry }>();
    for (const e of aEntries) byName.set(e.path, { a: e });
    for (const e of bEntries) byName.set(e.path, { ...byName.get(e.path), b: e });
    const below: Promise<void>[] = [];
    for (const [name, { a: ea, b: eb }] of byName) {
      if (ea && eb && ea.sha === eb.sha && ea.mode === eb.mode) continue;
      const path = prefix + name;
      const subA = ea?.type === 'tree' ? ea.sha : undefined;
      const subB = eb?.type === 'tree' ? eb.sha : undefined;
      if (subA !== undefined || subB !== undefined) below.push(walk(`${path}/`, subA, subB));
      if (ea && ea.type !== 'tree') from.push({ ...ea, path });
      if (eb && eb.type !== 'tree') to.push({ ...eb, path });
    }
    await Promise.all(below);
  };
  try {
    await walk('', a.sha, b.sha);
  } catch (err) {
    if (!(err instanceof TruncatedTree)) throw err;
    if (twoTrees) throw new Error(`base is not an ancestor of head (${cmp.status}) and ${err.message}`, { cause: err });
    opts.log?.(`${err.message}: the diff is the compare API's first ${COMPARE_FILE_CAP} files`);
    return { ...fromCompareFiles(listed), maybeTruncated: true, via: 'compare-capped' };
  }
  return { files: diffTrees(from, to), maybeTruncated: false, via: 'tree-walk' };
}
