// Changed files between two commits: local git first (fetching a missing base), then the GitHub compare API.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ChangedFile } from '../plan/stale.js';

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

/** Map compare-API files to ChangedFile; the API returns at most 300 files (exactly 300: maybe truncated). */
export function fromCompareFiles(files: CompareFile[]): { files: ChangedFile[]; maybeTruncated: boolean } {
  const out: ChangedFile[] = files.map((f) => {
    if (f.status === 'renamed' && f.previous_filename) return { path: f.filename, status: 'renamed', previousPath: f.previous_filename };
    if (f.status === 'added' || f.status === 'copied') return { path: f.filename, status: 'added' };
    if (f.status === 'removed') return { path: f.filename, status: 'deleted' };
    return { path: f.filename, status: 'modified' };
  });
  return { files: out, maybeTruncated: files.length >= 300 };
}

/** GitHub REST compare; `fetchImpl` is global fetch (Node 20+). */
export async function compareDiff(opts: {
  apiUrl: string;
  repository: string;
  token: string;
  base: string;
  head: string;
  fetchImpl?: typeof fetch;
}): Promise<{ files: ChangedFile[]; maybeTruncated: boolean }> {
  const doFetch = opts.fetchImpl ?? fetch;
  const url = `${opts.apiUrl.replace(/\/$/, '')}/repos/${opts.repository}/compare/${opts.base}...${opts.head}?per_page=300`;
  const res = await doFetch(url, {
    headers: {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
  });
  if (!res.ok) throw new Error(`GitHub compare API answered ${res.status} ${res.statusText}`);
  const body = (await res.json()) as { files?: CompareFile[]; status?: string };
  if (body.status === 'diverged' || body.status === 'behind') {
    // Force push: `before` is not an ancestor of `after`, so the file list is not "what changed".
    throw new Error(`base is not an ancestor of head (${body.status}, force push?)`);
  }
  return fromCompareFiles(body.files ?? []);
}
