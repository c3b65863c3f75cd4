// Local GitHub REST API stand-in: a plain node:http server on 127.0.0.1 that serves the few endpoints
// the action calls, with GitHub's limits and paging, over an in-memory object store of commits and
// content-addressed trees. It checks the Authorization header, records every request, and can inject
// failures. Served both at the root (github.com style) and under /api/v3 (GitHub Enterprise Server).
//
//   GET   /repos/{o}/{r}/compare/{base}...{head}   files: at most 300, on the first page only; commits:
//                                                  paged with per_page/page (Link header), or without
//                                                  paging parameters the last 250
//   GET   /repos/{o}/{r}/git/trees/{sha|commit|ref}[?recursive=1]   `truncated` past the entry limits
//   GET   /repos/{o}/{r}/commits/{sha|ref}         files paged 300 a page (Link header), 3,000 at most
//   GET   /repos/{o}/{r}/issues/{n}/comments       paged (per_page default 30, max 100; Link header)
//   POST  /repos/{o}/{r}/issues/{n}/comments
//   PATCH /repos/{o}/{r}/issues/comments/{id}
//
// Plain ESM JavaScript (runs on Node 20 and under jest); types in github-standin.d.mts.
//
//   const gh = await startGitHub({ token: 'ghs_test' });
//   const base = gh.commit('o/r', { files: { 'index.html': '<h1>v1</h1>' } });
//   const head = gh.commit('o/r', { parent: base, files: { 'index.html': '<h1>v2</h1>' } });
//   getOctokit('ghs_test', { baseUrl: gh.apiUrl })  // or gh.ghesApiUrl
//   ...
//   await gh.stop();

import { failureQueue } from './failure-queue.mjs';
import { closer, listenOnLoopback } from './loopback.mjs';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';

const GHES_PREFIX = '/api/v3';
const DOCS = 'https://docs.github.com/rest';
const MAX_BODY_BYTES = 1024 * 1024;
const ROUTES = ['compare', 'tree', 'commit', 'listComments', 'createComment', 'updateComment'];

const sha1 = (s) => createHash('sha1').update(s).digest('hex');

/** Git's blob id of a content. */
export function blobSha(content) {
  const buf = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

class ApiError extends Error {
  /** @param {number} status @param {string} message @param {Record<string, string>} [headers] @param {unknown[]} [errors] */
  constructor(status, message, headers = {}, errors = undefined) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.errors = errors;
  }
}

const notFound = () => new ApiError(404, 'Not Found');

/** Git's tree order: names compared as bytes, a subtree as if its name ended in "/". */
function gitOrder(a, b) {
  const ka = Buffer.from(a.type === 'tree' ? `${a.name}/` : a.name);
  const kb = Buffer.from(b.type === 'tree' ? `${b.name}/` : b.name);
  return Buffer.compare(ka, kb);
}

/**
 * Changes between two flat file maps (path -> { mode, sha }), in path order, as the compare and
 * commit APIs list them; an added path with the blob of a removed one is a rename.
 */
function diffFiles(from, to) {
  const out = [];
  const removedBySha = new Map();
  for (const [path, e] of from) {
    const other = to.get(path);
    if (!other) removedBySha.set(e.sha, [...(removedBySha.get(e.sha) ?? []), path]);
    else if (other.sha !== e.sha || other.mode !== e.mode)
      out.push({ filename: path, status: 'modified', sha: other.sha, size: other.size });
  }
  const added = [...to.entries()].filter(([p]) => !from.has(p)).sort(([x], [y]) => (x < y ? -1 : 1));
  for (const [path, e] of added) {
    const previous = removedBySha.get(e.sha)?.shift();
    out.push(
      previous === undefined
        ? { filename: path, status: 'added', sha: e.sha, size: e.size }
        : { filename: path, status: 'renamed', previous_filename: previous, sha: e.sha, size: e.size },
    );
  }
  for (const [sha, paths] of removedBySha) for (const path of paths) out.push({ filename: path, status: 'removed', sha, size: 0 });
  return out.sort((x, y) => (x.filename < y.filename ? -1 : x.filename > y.filename ? 1 : 0));
}

/**
 * @param {import('./github-standin.d.mts').GitHubStandInOptions} [opts]
 * @returns {Promise<import('./github-standin.d.mts').GitHubStandIn>}
 */
export async function startGitHub(opts = {}) {
  const token = opts.token ?? 'ghs_standin';
  const login = opts.login ?? 'github-actions[bot]';
  const anonymous = opts.anonymous ?? false;
  const compareFileCap = opts.compareFileCap ?? 300;
  const commitFilesPerPage = 300;
  const commitFileCap = opts.commitFileCap ?? 3000;
  const recursiveTreeLimit = opts.recursiveTreeLimit ?? 100_000;
  const treeLimit = opts.treeLimit ?? 100_000;

  /** tree id -> entries [{ name, mode, type, sha, size? }] in git order (shared by all repositories) */
  let trees = new Map();
  /** @type {Map<string, { commits: Map<string, any>, refs: Map<string, string>, comments: Map<number, any[]> }>} */
  let repos = new Map();
  let seq = 0;
  let commentId = 100_000;
  let requests = [];
  const failures = failureQueue('GitHub stand-in', ROUTES, 'route');

  const repoState = (name, create) => {
    let r = repos.get(name);
    if (!r && create) {
      if (!/^[^/\s]+\/[^/\s]+$/.test(name)) throw new Error(`GitHub stand-in: repository must be owner/name: ${name}`);
      r = { commits: new Map(), refs: new Map(), comments: new Map() };
      repos.set(name, r);
    }
    return r;
  };

  /** Store the trees of a flat file map; returns the root tree id. */
  const writeTree = (files) => {
    const root = new Map();
    for (const [path, e] of files) {
      const parts = path.split('/');
      let node = root;
      for (const dir of parts.slice(0, -1)) {
        let next = node.get(dir);
        if (!(next instanceof Map)) {
          next = new Map();
          node.set(dir, next);
        }
        node = next;
      }
      node.set(parts[parts.length - 1], e);
    }
    const write = (node) => {
      const entries = [...node]
        .map(([name, v]) =>
          v instanceof Map
            ? { name, mode: '040000', type: 'tree', sha: write(v) }
            : { name, mode: v.mode, type: v.mode === '160000' ? 'commit' : 'blob', sha: v.sha, size: v.size },
        )
        .sort(gitOrder);
      const id = sha1(`tree ${JSON.stringify(entries.map((e) => [e.mode, e.name, e.sha]))}`);
      trees.set(id, entries);
      return id;
    };
    return write(root);
  };

  const resolve = (r, ref) => {
    if (r.commits.has(ref)) return r.commits.get(ref);
    const named = r.refs.get(ref) ?? r.refs.get(ref.replace(/^refs\/(heads|tags)\//, ''));
    if (named) return r.commits.get(named);
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      const hits = [...r.commits.keys()].filter((s) => s.startsWith(ref));
      if (hits.length === 1) return r.commits.get(hits[0]);
    }
    return undefined;
  };

  const ancestors = (r, sha) => {
    const seen = new Set();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop();
      if (seen.has(s)) continue;
      seen.add(s);
      for (const p of r.commits.get(s).parents) stack.push(p);
    }
    return seen;
  };

  const commit = (repository, spec = {}) => {
    const r = repoState(repository, true);
    const parents = spec.parents ?? (spec.parent ? [spec.parent] : []);
    for (const p of parents) if (!r.commits.has(p)) throw new Error(`GitHub stand-in: unknown parent ${p} in ${repository}`);
    const files = new Map(parents.length ? r.commits.get(parents[0]).files : []);
    for (const [path, v] of Object.entries(spec.files ?? {})) {
      if (v === null) {
        if (!files.delete(path)) throw new Error(`GitHub stand-in: cannot delete ${path}: not in the parent`);
        continue;
      }
      const content = typeof v === 'string' ? v : v.content;
      const mode = typeof v === 'string' ? '100644' : (v.mode ?? '100644');
      files.set(path, { mode, sha: blobSha(content), size: Buffer.byteLength(content) });
    }
    const tree = writeTree(files);
    const n = seq++;
    const message = spec.message ?? `commit ${n}`;
    const sha = sha1(`commit ${repository} ${tree} ${parents.join(' ')} ${n} ${message}`);
    const date = new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString();
    r.commits.set(sha, { sha, parents, tree, files, message, seq: n, date });
    if (spec.ref) r.refs.set(spec.ref, sha);
    return sha;
  };

  // ------------------------------------------------------------------------------------------
  // JSON shapes

  const shapes = (origin, prefix, repository) => {
    const api = `${origin}${prefix}/repos/${repository}`;
    const html = `https://github.com/${repository}`;
    const commitJson = (c) => ({
      sha: c.sha,
      node_id: `C_${c.sha.slice(0, 16)}`,
      url: `${api}/commits/${c.sha}`,
      html_url: `${html}/commit/${c.sha}`,
      commit: {
        message: c.message,
        tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
        author: { name: 'Test', email: 'test@example.com', date: c.date },
        committer: { name: 'Test', email: 'test@example.com', date: c.date },
      },
      parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}` })),
    });
    const fileJson = (f, ref) => ({
      sha: f.sha,
      filename: f.filename,
      status: f.status,
      additions: f.status === 'removed' ? 0 : 1,
      deletions: f.status === 'added' ? 0 : 1,
      changes: f.status === 'renamed' ? 0 : 1,
      blob_url: `${html}/blob/${ref}/${encodeURI(f.filename)}`,
      raw_url: `${html}/raw/${ref}/${encodeURI(f.filename)}`,
      contents_url: `${api}/contents/${encodeURI(f.filename)}?ref=${ref}`,
      ...(f.previous_filename === undefined ? {} : { previous_filename: f.previous_filename }),
    });
    const commentJson = (issue, c) => ({
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${api}/issues/comments/${c.id}`,
      html_url: `${html}/pull/${issue}#issuecomment-${c.id}`,
      issue_url: `${api}/issues/${issue}`,
      body: c.body,
      user: { login: c.login, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: 'NONE',
    });
    return { api, commitJson, fileJson, commentJson };
  };

  /** per_page / page from the query, GitHub style (bad values fall back to the defaults). */
  const paging = (url, defaultPerPage, maxPerPage) => {
    const int = (name, dflt) => {
      const v = url.searchParams.get(name);
      return v !== null && /^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : dflt;
    };
    return { perPage: Math.min(int('per_page', defaultPerPage), maxPerPage), page: int('page', 1) };
  };

  /** Link header (RFC 8288) for a paged list, keeping the other query parameters. */
  const linkHeader = (origin, prefix, url, page, lastPage, perPage) => {
    if (lastPage <= 1) return undefined;
    const at = (p) => {
      const u = new URL(`${origin}${prefix}${url.pathname}${url.search}`);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(p));
      return u.toString();
    };
    const links = [];
    if (page > 1) links.push(`<${at(Math.min(page - 1, lastPage))}>; rel="prev"`);
    if (page < lastPage) links.push(`<${at(page + 1)}>; rel="next"`);
    links.push(`<${at(lastPage)}>; rel="last"`);
    if (page > 1) links.push(`<${at(1)}>; rel="first"`);
    return links.join(', ');
  };

  // ------------------------------------------------------------------------------------------
  // Routes

  const compare = (ctx, r, basehead) => {
    const m = /^(.+?)\.\.\.(.+)$/.exec(basehead);
    if (!m) throw notFound();
    const base = resolve(r, m[1]);
    const head = resolve(r, m[2]);
    if (!base || !head) throw notFound();
    const ancHead = ancestors(r, head.sha);
    const ancBase = ancestors(r, base.sha);
    let mergeBase;
    if (ancHead.has(base.sha)) mergeBase = base;
    else if (ancBase.has(head.sha)) mergeBase = head;
    else {
      const common = [...ancHead].filter((s) => ancBase.has(s)).map((s) => r.commits.get(s));
      if (common.length === 0) throw new ApiError(404, `No common ancestor between ${m[1]} and ${m[2]}.`);
      mergeBase = common.sort((a, b) => b.seq - a.seq)[0];
    }
    const ahead = [...ancHead].filter((s) => !ancBase.has(s)).map((s) => r.commits.get(s));
    ahead.sort((a, b) => a.seq - b.seq);
    const behindBy = [...ancBase].filter((s) => !ancHead.has(s)).length;
    const status =
      base.sha === head.sha
        ? 'identical'
        : ahead.length && behindBy
          ? 'diverged'
          : ahead.length
            ? 'ahead'
            : behindBy
              ? 'behind'
              : 'identical';
    const paged = ctx.url.searchParams.has('per_page') || ctx.url.searchParams.has('page');
    let commits;
    let page = 1;
    if (paged) {
      const p = paging(ctx.url, 30, 100);
      page = p.page;
      commits = ahead.slice((page - 1) * p.perPage, page * p.perPage);
      const link = linkHeader(ctx.origin, ctx.prefix, ctx.url, page, Math.max(1, Math.ceil(ahead.length / p.perPage)), p.perPage);
      if (link) ctx.headers.link = link;
    } else commits = ahead.slice(-250);
    const { api, commitJson, fileJson } = ctx.shapes;
    const body = {
      url: `${api}/compare/${basehead}`,
      html_url: `https://github.com/${ctx.repository}/compare/${basehead}`,
      permalink_url: `https://github.com/${ctx.repository}/compare/${base.sha.slice(0, 7)}...${head.sha.slice(0, 7)}`,
      diff_url: `https://github.com/${ctx.repository}/compare/${basehead}.diff`,
      patch_url: `https://github.com/${ctx.repository}/compare/${basehead}.patch`,
      base_commit: commitJson(base),
      merge_base_commit: commitJson(mergeBase),
      status,
      ahead_by: ahead.length,
      behind_by: behindBy,
      total_commits: ahead.length,
      commits: commits.map(commitJson),
    };
    if (page === 1)
      body.files = diffFiles(mergeBase.files, head.files)
        .slice(0, compareFileCap)
        .map((f) => fileJson(f, head.sha));
    return body;
  };

  const tree = (ctx, r, ref) => {
    const id = trees.has(ref) ? ref : resolve(r, ref)?.tree;
    if (!id || !trees.has(id)) throw notFound();
    const recursive = ctx.url.searchParams.has('recursive');
    const out = [];
    const list = (treeId, prefix) => {
      for (const e of trees.get(treeId)) {
        const entry = {
          path: prefix + e.name,
          mode: e.mode,
          type: e.type,
          sha: e.sha,
          ...(e.type === 'blob' ? { size: e.size } : {}),
          url: `${ctx.shapes.api}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
        };
        if (e.type === 'commit') delete entry.url;
        out.push(entry);
        if (recursive && e.type === 'tree') list(e.sha, `${prefix}${e.name}/`);
      }
    };
    list(id, '');
    const limit = recursive ? recursiveTreeLimit : treeLimit;
    return { sha: id, url: `${ctx.shapes.api}/git/trees/${id}`, tree: out.slice(0, limit), truncated: out.length > limit };
  };

  const commitWithFiles = (ctx, r, ref) => {
    const c = resolve(r, ref);
    if (!c) throw new ApiError(422, `No commit found for SHA: ${ref}`);
    const parentFiles = c.parents.length ? r.commits.get(c.parents[0]).files : new Map();
    const all = diffFiles(parentFiles, c.files).slice(0, commitFileCap);
    const { page, perPage } = paging(ctx.url, commitFilesPerPage, commitFilesPerPage);
    const link = linkHeader(ctx.origin, ctx.prefix, ctx.url, page, Math.max(1, Math.ceil(all.length / perPage)), perPage);
    if (link) ctx.headers.link = link;
    const files = all.slice((page - 1) * perPage, page * perPage);
    return {
      ...ctx.shapes.commitJson(c),
      stats: { total: all.length, additions: all.length, deletions: all.length },
      files: files.map((f) => ctx.shapes.fileJson(f, c.sha)),
    };
  };

  const issueComments = (r, issue) => {
    let list = r.comments.get(issue);
    if (!list) {
      list = [];
      r.comments.set(issue, list);
    }
    return list;
  };

  const bodyOf = (ctx) => {
    let parsed;
    try {
      parsed = JSON.parse(ctx.body || '{}');
    } catch {
      throw new ApiError(400, 'Problems parsing JSON');
    }
    if (typeof parsed?.body !== 'string' || parsed.body === '') {
      throw new ApiError(422, 'Validation Failed', {}, [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
    }
    if (parsed.body.length > 65536) {
      throw new ApiError(422, 'Validation Failed', {}, [
        { resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' },
      ]);
    }
    return parsed.body;
  };

  const now = () => new Date().toISOString();

  /** @returns {[number, unknown]} */
  const route = (ctx, r, rest) => {
    let m;
    if (ctx.method === 'GET' && (m = /^compare\/(.+)$/.exec(rest))) return [200, compare(ctx, r, decodeURIComponent(m[1]))];
    if (ctx.method === 'GET' && (m = /^git\/trees\/(.+)$/.exec(rest))) return [200, tree(ctx, r, decodeURIComponent(m[1]))];
    if (ctx.method === 'GET' && (m = /^commits\/(.+)$/.exec(rest))) return [200, commitWithFiles(ctx, r, decodeURIComponent(m[1]))];
    if ((m = /^issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      const list = issueComments(r, issue);
      if (ctx.method === 'GET') {
        const { page, perPage } = paging(ctx.url, 30, 100);
        const link = linkHeader(ctx.origin, ctx.prefix, ctx.url, page, Math.max(1, Math.ceil(list.length / perPage)), perPage);
        if (link) ctx.headers.link = link;
        return [200, list.slice((page - 1) * perPage, page * perPage).map((c) => ctx.shapes.commentJson(issue, c))];
      }
      if (ctx.method === 'POST') {
        const t = now();
        const c = { id: commentId++, body: bodyOf(ctx), login, createdAt: t, updatedAt: t };
        list.push(c);
        return [201, ctx.shapes.commentJson(issue, c)];
      }
    }
    if (ctx.method === 'PATCH' && (m = /^issues\/comments\/(\d+)$/.exec(rest))) {
      const id = Number(m[1]);
      for (const [issue, list] of r.comments) {
        const c = list.find((x) => x.id === id);
        if (!c) continue;
        c.body = bodyOf(ctx);
        c.updatedAt = now();
        return [200, ctx.shapes.commentJson(issue, c)];
      }
      throw notFound();
    }
    throw notFound();
  };

  const routeName = (method, rest) => {
    if (method === 'GET' && rest.startsWith('compare/')) return 'compare';
    if (method === 'GET' && rest.startsWith('git/trees/')) return 'tree';
    if (method === 'GET' && rest.startsWith('commits/')) return 'commit';
    if (/^issues\/\d+\/comments$/.test(rest)) return method === 'POST' ? 'createComment' : method === 'GET' ? 'listComments' : 'unknown';
    if (method === 'PATCH' && /^issues\/comments\/\d+$/.test(rest)) return 'updateComment';
    return 'unknown';
  };

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string} body */
  const handle = (req, res, body) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = `http://${req.headers.host ?? `127.0.0.1:${port}`}`;
    const ghes = url.pathname === GHES_PREFIX || url.pathname.startsWith(`${GHES_PREFIX}/`);
    const prefix = ghes ? GHES_PREFIX : '';
    const pathname = ghes ? url.pathname.slice(GHES_PREFIX.length) || '/' : url.pathname;
    const localUrl = new URL(`${pathname}${url.search}`, 'http://localhost');
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
    const m = /^\/repos\/([^/]+)\/([^/]+)\/(.+)$/.exec(pathname);
    const repository = m ? `${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}` : undefined;
    const rest = m ? m[3] : '';
    const record = {
      route: m ? routeName(method, rest) : 'unknown',
      method,
      path: `${pathname}${url.search}`,
      ghes,
      authorization,
      repository,
      status: 0,
      ...(body ? { body } : {}),
    };
    requests.push(record);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': randomUUID(),
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    };
    const send = (status, payload, extra = {}) => {
      record.status = status;
      const text = payload === undefined ? '' : JSON.stringify(payload);
      res.writeHead(status, { ...headers, ...extra, 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const sendError = (e) => {
      const payload = { message: e.message, documentation_url: DOCS, status: String(e.status) };
      if (e.errors) payload.errors = e.errors;
      send(e.status, payload, e.headers);
    };
    try {
      if (authorization === undefined) {
        if (!anonymous || method !== 'GET') throw new ApiError(401, 'Requires authentication');
      } else {
        const a = /^(token|bearer)\s+(\S+)$/i.exec(authorization);
        if (!a || a[2] !== token) throw new ApiError(401, 'Bad credentials');
      }
      const injected = failures.take(record.route);
      if (injected) {
        record.injected = true;
        throw new ApiError(injected.status, injected.message ?? `Injected failure ${injected.status}`, injected.headers ?? {});
      }
      const r = repository === undefined ? undefined : repoState(repository, false);
      if (!r) throw notFound();
      const ctx = { method, url: localUrl, origin, prefix, repository, body, headers: {}, shapes: shapes(origin, prefix, repository) };
      const [status, payload] = route(ctx, r, rest);
      send(status, payload, ctx.headers);
    } catch (err) {
      if (err instanceof ApiError) sendError(err);
      else sendError(new ApiError(500, `GitHub stand-in internal error: ${err instanceof Error ? err.message : err}`));
    }
  };

  const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ message: 'Payload too large' }));
        return;
      }
      handle(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });
  server.keepAliveTimeout = 5000;

  const close = closer(server);
  const port = await listenOnLoopback(server, opts.port ?? 0);
  const apiUrl = `http://127.0.0.1:${port}`;

  return {
    apiUrl,
    ghesApiUrl: `${apiUrl}${GHES_PREFIX}`,
    port,
    token,
    get requests() {
      return requests;
    },
    commit,
    createRepository(repository) {
      repoState(repository, true);
    },
    setRef(repository, name, sha) {
      const r = repoState(repository, true);
      if (!r.commits.has(sha)) throw new Error(`GitHub stand-in: unknown commit ${sha}`);
      r.refs.set(name, sha);
    },
    files(repository, sha) {
      const c = repoState(repository, false)?.commits.get(sha);
      if (!c) throw new Error(`GitHub stand-in: unknown commit ${sha} in ${repository}`);
      return new Map([...c.files].map(([p, e]) => [p, e.sha]));
    },
    treeOf(repository, sha) {
      const c = repoState(repository, false)?.commits.get(sha);
      if (!c) throw new Error(`GitHub stand-in: unknown commit ${sha} in ${repository}`);
      return c.tree;
    },
    addComment(repository, issueNumber, body, author = 'someone') {
      const t = now();
      const c = { id: commentId++, body, login: author, createdAt: t, updatedAt: t };
      issueComments(repoState(repository, true), issueNumber).push(c);
      return c.id;
    },
    comments(repository, issueNumber) {
      const list = repoState(repository, false)?.comments.get(issueNumber) ?? [];
      return list.map((c) => ({ id: c.id, body: c.body, user: c.login, createdAt: c.createdAt, updatedAt: c.updatedAt }));
    },
    failNext(routeName, error, times = 1) {
      failures.add(routeName, error, times);
    },
    reset() {
      trees = new Map();
      repos = new Map();
      requests = [];
      failures.reset();
      seq = 0;
    },
    clearRequests() {
      requests = [];
    },
    stop: close,
  };
}
