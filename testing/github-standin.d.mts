export type GitHubRoute = 'compare' | 'tree' | 'commit' | 'listComments' | 'createComment' | 'updateComment';

export interface GitHubStandInOptions {
  /** The token every request must carry (`Authorization: token X` or `Bearer X`). Default 'ghs_standin'. */
  token?: string;
  /** Author of the comments created through the API. Default 'github-actions[bot]'. */
  login?: string;
  /** Allow GET requests without an Authorization header (public repository). Default false: 401. */
  anonymous?: boolean;
  /** Files listed by compare (on its first page only). Default 300, GitHub's cap. */
  compareFileCap?: number;
  /** Files listed by commits/{sha} over all its pages (300 a page). Default 3000, GitHub's cap. */
  commitFileCap?: number;
  /** Entries of a recursive git tree before `truncated: true`. Default 100,000 (GitHub: 100,000 / 7 MB). */
  recursiveTreeLimit?: number;
  /** Entries of a non-recursive git tree before `truncated: true`. Default 100,000. */
  treeLimit?: number;
  /** Port on 127.0.0.1. Default 0 (random). */
  port?: number;
}

/** A file's new content (mode 100644), or content with a mode ('100755', '120000' symlink), or null: deleted. */
export type FileChange = string | { content: string; mode?: string } | null;

export interface CommitSpec {
  /** First parent; its files are the starting point. None: a root commit. */
  parent?: string;
  /** All parents (a merge); the first one's files are the starting point. Overrides `parent`. */
  parents?: string[];
  /** Changes against the first parent. */
  files?: Record<string, FileChange>;
  message?: string;
  /** Also point this branch / tag name at the commit. */
  ref?: string;
}

export interface GitHubRequest {
  route: GitHubRoute | 'unknown';
  method: string;
  /** Path and query as received, without the /api/v3 prefix. */
  path: string;
  /** Whether the request came under /api/v3 (GitHub Enterprise Server style). */
  ghes: boolean;
  /** The Authorization header as received. */
  authorization: string | undefined;
  repository: string | undefined;
  /** HTTP status answered. */
  status: number;
  /** Request body, when there was one. */
  body?: string;
  /** True when the answer came from failNext(). */
  injected?: boolean;
}

export interface InjectedGitHubError {
  /** 400-599. */
  status: number;
  message?: string;
  /** Response headers, e.g. { 'retry-after': '0' } or { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '...' }. */
  headers?: Record<string, string>;
}

export interface StoredComment {
  id: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface GitHubStandIn {
  /** `http://127.0.0.1:PORT` (github.com style API root). */
  readonly apiUrl: string;
  /** `http://127.0.0.1:PORT/api/v3` (GitHub Enterprise Server style API root); same data. */
  readonly ghesApiUrl: string;
  readonly port: number;
  readonly token: string;
  /** Every request in arrival order. Replaced (not mutated) by reset() / clearRequests(). */
  readonly requests: readonly GitHubRequest[];
  /** An empty repository (requests to a repository not yet created answer 404). */
  createRepository(repository: string): void;
  /** Make a commit in `repository` (created on first use); returns its id. */
  commit(repository: string, spec?: CommitSpec): string;
  /** Point a branch / tag name at a commit. */
  setRef(repository: string, name: string, sha: string): void;
  /** A commit's files: path -> blob id. */
  files(repository: string, sha: string): Map<string, string>;
  /** A commit's root tree id. */
  treeOf(repository: string, sha: string): string;
  /** Seed a comment (author default 'someone'); returns its id. */
  addComment(repository: string, issueNumber: number, body: string, author?: string): number;
  /** The comments of an issue / pull request, oldest first. */
  comments(repository: string, issueNumber: number): StoredComment[];
  /** The next `times` requests of `route` fail with `error` (after the auth check; recorded with `injected`). */
  failNext(route: GitHubRoute, error: InjectedGitHubError, times?: number): void;
  /** Forget repositories, trees, requests and pending failures. */
  reset(): void;
  /** Forget the request log only. */
  clearRequests(): void;
  /** Close the server and its keep-alive connections. Idempotent. */
  stop(): Promise<void>;
}

export function startGitHub(opts?: GitHubStandInOptions): Promise<GitHubStandIn>;

/** Git's blob id of a UTF-8 content. */
export function blobSha(content: string): string;
