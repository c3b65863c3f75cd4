// How this run's commit relates to the commit of the live deploy: local git when it has both histories,
// else the GitHub compare API. Thin.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CommitOrder } from '../model/data.js';
import { githubClient, splitRepository } from './github.js';

const run = promisify(execFile);

/** Exit status of a git command: 0, 1, or a throw for anything else. */
async function gitStatus(cwd: string, args: string[]): Promise<number> {
  try {
    await run('git', args, { cwd });
    return 0;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 1) return 1;
    throw err;
  }
}

async function localOrder(cwd: string, ours: string, live: string): Promise<CommitOrder | null> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--is-shallow-repository'], { cwd });
    if (stdout.trim() !== 'false') return null; // a shallow clone cannot tell ancestry
    for (const sha of [ours, live]) if ((await gitStatus(cwd, ['cat-file', '-e', `${sha}^{commit}`])) !== 0) return null;
    if ((await gitStatus(cwd, ['merge-base', '--is-ancestor', live, ours])) === 0) return 'newer';
    if ((await gitStatus(cwd, ['merge-base', '--is-ancestor', ours, live])) === 0) return 'older';
    return 'diverged';
  } catch {
    return null;
  }
}

/** Compare API: `live...ours` is `ahead` when ours descends from live. */
async function apiOrder(opts: { apiUrl: string; repository: string; token: string }, ours: string, live: string): Promise<CommitOrder> {
  const { owner, repo } = splitRepository(opts.repository);
  const res = await (
    await githubClient(opts.apiUrl, opts.token)
  ).rest.repos.compareCommitsWithBasehead({
    owner,
    repo,
    basehead: `${live}...${ours}`,
    per_page: 1,
  });
  const status = res.data.status;
  return status === 'ahead' ? 'newer' : status === 'behind' ? 'older' : status === 'identical' ? 'same' : 'diverged';
}

export async function commitOrder(
  cwd: string,
  ours: string,
  live: string | null,
  api: { apiUrl: string; repository: string; token: string },
): Promise<{ order: CommitOrder; note?: string }> {
  if (!live || !ours) return { order: 'none' };
  if (live === ours) return { order: 'same' };
  const local = await localOrder(cwd, ours, live);
  if (local) return { order: local };
  if (!api.token) return { order: 'unknown', note: 'no local history and no github-token for the compare API' };
  try {
    return { order: await apiOrder(api, ours, live) };
  } catch (err) {
    return { order: 'unknown', note: (err as Error).message };
  }
}
