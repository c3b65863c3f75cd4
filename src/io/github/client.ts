// GitHub REST API through @actions/github (Octokit): one shared client per (apiUrl, token), with retries of
// server errors and waits for short rate limits (@actions/github ships neither plugin), and the preview
// comment on a pull request, found again by a hidden marker so that a re-run edits it instead of adding one.
// @actions/github (Octokit, @actions/http-client, undici) is loaded on first use (a dynamic import: its own chunk
// in dist/), not at start-up: a deploy that never calls the GitHub API does not pay for parsing and evaluating it.
import type { getOctokit } from '@actions/github';

export type GitHubClient = ReturnType<typeof getOctokit>;

let octokit: Promise<readonly [typeof import('@actions/github'), typeof import('@actions/github/lib/utils')]> | null = null;
// One after the other: the two share modules, and Jest's ESM loader fails on overlapping imports of them.
/** @actions/github and its GitHub class, imported once, on first use. */
const loadOctokit = () =>
  (octokit ??= import('@actions/github').then(async (github) => [github, await import('@actions/github/lib/utils')] as const));

export interface GitHubClientOptions {
  /** REST API root: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
  /** Token (GITHUB_TOKEN or a PAT). Empty: anonymous requests (public repositories, low rate limit). */
  token: string;
  /** Retries after a 5xx / network error (GET, HEAD, PUT, PATCH, DELETE only) or a rate limit. Default 3. */
  retries?: number;
  /** First backoff delay for 5xx / network errors, doubled per retry (with jitter). Default 1000 ms. */
  retryBaseMs?: number;
  /** Longest wait for a rate limit (Retry-After, X-RateLimit-Reset) before giving up. Default 60 s. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told about each retry. */
  log?: (message: string) => void;
}

/** A failed GitHub API call, after retries: the method, URL and GitHub's own message. */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly method: string,
    readonly url: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'GitHubApiError';
  }
}

interface RequestFailure {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined> };
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Milliseconds to wait before retrying, or undefined (do not retry) with the reason to add to the message. */
function retryPlan(
  err: RequestFailure,
  method: string,
  retry: number,
  cfg: Required<Pick<GitHubClientOptions, 'retryBaseMs' | 'maxRateLimitWaitMs'>>,
  now: number,
): { waitMs?: number; note?: string } {
  const status = err.status ?? 0;
  const headers = err.response?.headers ?? {};
  const header = (name: string) => (headers[name] === undefined ? undefined : String(headers[name]));
  const retryAfter = header('retry-after');
  const remaining = header('x-ratelimit-remaining');
  const rateLimited =
    status === 429 || (status === 403 && (retryAfter !== undefined || remaining === '0' || /rate limit/i.test(err.message ?? '')));
  if (rateLimited) {
    let waitMs: number;
    if (retryAfter !== undefined && /^\d+$/.test(retryAfter.trim())) waitMs = Number(retryAfter) * 1000;
    else if (remaining === '0' && /^\d+$/.test(header('x-ratelimit-reset') ?? ''))
      waitMs = Number(header('x-ratelimit-reset')) * 1000 - now;
    else waitMs = 60_000; // secondary rate limit without a hint: GitHub asks for at least a minute
    waitMs = Math.max(0, waitMs);
    if (waitMs > cfg.maxRateLimitWaitMs) return { note: `rate limited; it resets in ${Math.ceil(waitMs / 1000)} s` };
    return { waitMs };
  }
  // Octokit reports network failures as status 500 too. A POST is not repeated: it may have been applied.
  if (status >= 500 && IDEMPOTENT.has(method)) {
    return { waitMs: Math.round(cfg.retryBaseMs * 2 ** retry * (0.5 + Math.random() / 2)) };
  }
  return {};
}

function describe(err: RequestFailure, method: string, url: string, note: string | undefined): GitHubApiError {
  const status = err.status ?? 0;
  const what = err.message ? err.message : 'no message';
  return new GitHubApiError(
    `GitHub API ${method} ${url} failed: ${status ? `HTTP ${status}: ` : ''}${what}${note ? ` (${note})` : ''}`,
    status,
    method,
    url,
    { cause: err },
  );
}

/** A new client (not shared). Prefer githubClient(), which shares one per (apiUrl, token). */
export async function createGitHubClient(opts: GitHubClientOptions): Promise<GitHubClient> {
  const [{ getOctokit }, { GitHub }] = await loadOctokit();
  const baseUrl = opts.apiUrl.replace(/\/+$/, '');
  const options = { baseUrl, userAgent: 's3-cloudfront-deploy' };
  // getOctokit insists on a token; anonymous requests use the same class without auth.
  const client: GitHubClient = opts.token ? getOctokit(opts.token, options) : new GitHub(options);
  const retries = opts.retries ?? 3;
  const cfg = { retryBaseMs: opts.retryBaseMs ?? 1000, maxRateLimitWaitMs: opts.maxRateLimitWaitMs ?? 60_000 };
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  client.hook.wrap('request', async (request, options) => {
    const method = String(options.method ?? 'GET').toUpperCase();
    for (let retry = 0; ; retry++) {
      try {
        return await request(options);
      } catch (e) {
        const err = e as RequestFailure;
        const url = err.request?.url ?? String(options.url);
        const plan = retryPlan(err, method, retry, cfg, Date.now());
        if (plan.waitMs === undefined || retry >= retries) {
          throw describe(err, method, url, plan.note ?? (retry > 0 ? `after ${retry} retries` : undefined));
        }
        opts.log?.(`GitHub API ${method} ${url}: HTTP ${err.status ?? '?'}; retry ${retry + 1} of ${retries} in ${plan.waitMs} ms`);
        await sleep(plan.waitMs);
      }
    }
  });
  return client;
}

const shared = new Map<string, Promise<GitHubClient>>();

/** The one client for (apiUrl, token), with the default retry settings (made, and @actions/github loaded, on first use). */
export function githubClient(apiUrl: string, token: string): Promise<GitHubClient> {
  const key = `${apiUrl.replace(/\/+$/, '')}\n${token}`;
  let client = shared.get(key);
  if (!client) {
    client = createGitHubClient({ apiUrl, token });
    shared.set(key, client);
  }
  return client;
}

/** `owner/name` -> { owner, repo }; throws on anything else. */
export function splitRepository(repository: string): { owner: string; repo: string } {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
  if (!m) throw new Error(`Repository must be "owner/name", got ${JSON.stringify(repository)}`);
  return { owner: m[1]!, repo: m[2]! };
}

/** The hidden HTML comment that identifies the action's comment. */
export function markerTag(marker: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9 _.:/@+=-]*$/.test(marker) || marker.includes('--')) {
    throw new Error(`Comment marker ${JSON.stringify(marker)} must be letters, digits and _.:/@+= - (no "--")`);
  }
  return `<!-- ${marker} -->`;
}

/**
 * Create or edit the action's comment on an issue or pull request: the first comment (across all pages)
 * whose body holds `<!-- marker -->` is edited (left alone when already equal), otherwise one is created.
 * The marker is put on the first line of the body when the body does not hold it already.
 */
export async function upsertPrComment(opts: {
  apiUrl: string;
  repository: string;
  token: string;
  issueNumber: number;
  marker: string;
  body: string;
  client?: GitHubClient;
}): Promise<{ id: number; url: string; created: boolean }> {
  const { owner, repo } = splitRepository(opts.repository);
  if (!Number.isInteger(opts.issueNumber) || opts.issueNumber < 1) {
    throw new Error(`Pull request number must be a positive integer, got ${opts.issueNumber}`);
  }
  const tag = markerTag(opts.marker);
  const body = opts.body.includes(tag) ? opts.body : `${tag}\n${opts.body}`;
  const client = opts.client ?? (await githubClient(opts.apiUrl, opts.token));
  const issue = { owner, repo, issue_number: opts.issueNumber };

  let found: { id: number; body?: string; html_url: string } | undefined;
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, { ...issue, per_page: 100 })) {
    found = page.data.find((c) => c.body?.includes(tag));
    if (found) break;
  }
  if (found) {
    if (found.body === body) return { id: found.id, url: found.html_url, created: false };
    const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: found.id, body });
    return { id: data.id, url: data.html_url, created: false };
  }
  const { data } = await client.rest.issues.createComment({ ...issue, body });
  return { id: data.id, url: data.html_url, created: true };
}
