// How this run's commit relates to the commit of the live deploy: local git (fetching what a shallow checkout
// lacks), else the GitHub compare API. Thin.
//
// What a checkout can prove: with full history (fetch-depth: 0) ancestry both ways, so newer, older and
// diverged. In a shallow clone the graph is cut at its boundary, so `merge-base --is-ancestor` is a proof when
// it answers yes (the path it found is real) and proves nothing when it answers no. The live commit is fetched
// at depth 1 (cheap), both histories are deepened by 50 commits (the usual push is settled there), then the
// compare API is asked, and only when it cannot answer are they deepened further (bounded); "diverged" needs
// the whole history or the compare API.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CommitOrder } from '../../model/data.js';
import { githubClient, splitRepository } from '../github/client.js';

const run = promisify(execFile);

/**
 * How many commits each deepening adds in a shallow clone, in turn: the first before the compare API is asked
 * (cheap: it settles the usual push), the others only when the API cannot answer (about 1,250 in all).
 */
export const DEEPEN_FIRST = [50];
export const DEEPEN_MORE = [200, 1000];

/** Never wait for a credential prompt (a checkout without persisted credentials fails fast instead). */
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0' };

/** Exit status of a git command: 0, 1, or a throw for anything else. */
async function gitStatus(cwd: string, args: string[]): Promise<number> {
  try {
    await run('git', args, { cwd, env: GIT_ENV });
    return 0;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 1) return 1;
    throw err;
  }
}

const git = async (cwd: string, args: string[]) =>
  (await run('git', args, { cwd, env: GIT_ENV, maxBuffer: 16 * 1024 * 1024 })).stdout.trim();
const hasCommit = async (cwd: string, sha: string) => (await gitStatus(cwd, ['cat-file', '-e', `${sha}^{commit}`]).catch(() => 1)) === 0;
const isShallow = async (cwd: string) => (await git(cwd, ['rev-parse', '--is-shallow-repository'])) !== 'false';

/** Which way one descends from the other, as far as the commits present show (a yes is a proof, even shallow). */
async function provenOrder(cwd: string, ours: string, live: string): Promise<'newer' | 'older' | null> {
  if ((await gitStatus(cwd, ['merge-base', '--is-ancestor', live, ours])) === 0) return 'newer';
  if ((await gitStatus(cwd, ['merge-base', '--is-ancestor', ours, live])) === 0) return 'older';
  return null;
}

async function localOrder(
  cwd: string,
  ours: string,
  live: string,
  log: (m: string) => void,
  steps: number[],
): Promise<{ order: CommitOrder | null; why: string }> {
  try {
    await git(cwd, ['rev-parse', '--git-dir']);
  } catch {
    return { order: null, why: 'the workspace is not a git checkout' };
  }
  try {
    for (const sha of [ours, live]) {
      if (await hasCommit(cwd, sha)) continue;
      log(`Commit ${sha.slice(0, 12)} is not in the checkout; fetching it (depth 1) to order the deploy`);
      await git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]).catch(() => '');
      if (!(await hasCommit(cwd, sha))) return { order: null, why: `commit ${sha.slice(0, 12)} could not be fetched` };
    }
    if (!(await isShallow(cwd))) return { order: (await provenOrder(cwd, ours, live)) ?? 'diverged', why: '' };
    for (const step of steps) {
      const proven = await provenOrder(cwd, ours, live);
      if (proven) return { order: proven, why: '' };
      log(`Shallow checkout: deepening the history of both commits by ${step} to order them`);
      try {
        await git(cwd, ['fetch', '--no-tags', `--deepen=${step}`, 'origin', ours, live]);
      } catch (err) {
        return { order: null, why: `shallow checkout: deepening failed (${String((err as Error).message).split('\n')[0]})` };
      }
      if (!(await isShallow(cwd))) return { order: (await provenOrder(cwd, ours, live)) ?? 'diverged', why: '' };
    }
    const proven = await provenOrder(cwd, ours, live);
    if (proven) return { order: proven, why: '' };
    return {
      order: null,
      why: `shallow checkout: neither commit descends from the other within the ${steps.join(' + ')} commits it was deepened by`,
    };
  } catch (err) {
    return { order: null, why: String((err as Error).message).split('\n')[0]! };
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
  log: (m: string) => void = () => {},
): Promise<{ order: CommitOrder; note?: string }> {
  if (!live || !ours) return { order: 'none' };
  if (live === ours) return { order: 'same' };
  const local = await localOrder(cwd, ours, live, log, DEEPEN_FIRST);
  if (local.order) return { order: local.order };
  let apiWhy = 'no github-token for the compare API';
  if (api.token) {
    try {
      return { order: await apiOrder(api, ours, live) };
    } catch (err) {
      apiWhy = `the compare API failed: ${(err as Error).message}`;
    }
  }
  // The compare API could not answer: deepen the checkout further.
  const deeper = local.why.startsWith('shallow checkout: neither') ? await localOrder(cwd, ours, live, log, DEEPEN_MORE) : local;
  if (deeper.order) return { order: deeper.order };
  return { order: 'unknown', note: `${deeper.why}; ${apiWhy}` };
}
