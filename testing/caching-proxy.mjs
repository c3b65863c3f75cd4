// Caching CDN stand-in: a plain node:http server on 127.0.0.1 in front of a path-style S3 origin (fauxqs from
// testing/s3-server.mjs) that keeps serving what it cached until an invalidation (or purge()) removes it,
// as CloudFront does. Used to test `verify-url`.
//
// Plain ESM JavaScript (runs on Node 20 under jest); types in caching-proxy.d.mts.
//
//   const s3 = await startS3({ buckets: ['site'] });
//   const cdn = await startCachingProxy({ origin: `${s3.endpoint}/site`, invalidations: () => cf.invalidations(DIST) });
//   await fetch(`${cdn.endpoint}/index.html`);   // x-cache: Miss (fetched from the origin, cached)
//   await fetch(`${cdn.endpoint}/index.html`);   // x-cache: Hit (served from the cache, even if the object changed)
//
// Model (deliberately small):
// - GET and HEAD only (others: 405). The cache key is the request path exactly as received (still
//   percent-encoded; the query string is ignored and not sent to the origin).
// - A miss fetches `${origin}${path}` (path as received); a path ending in '/' fetches `${path}index.html`
//   but is cached under the requested path (like a default root object / index document).
// - Origin 403 / 404 are answered 404; every origin error (and a connection failure, answered 502) is not
//   cached. Entries never expire.
// - Before serving a cached entry, `invalidations()` is consulted: an invalidation created at or after the
//   entry was cached (a CreateTime without fractional seconds covers its whole second), one of whose paths
//   equals the request path or, ending in '*', is a prefix of it (comparing the encoded forms,
//   case-sensitively), purges the entry. With `onlyCompleted`, InProgress invalidations do not purge yet.
// - With `queryStrings`, the query string is part of the cache key (`/a.js?v=2` is a variant of its own, matched by
//   invalidation paths against `path?query`); the origin is still fetched without it.
// - With `cleanUrls`, a miss for `/about` (no extension, no trailing slash) fetches `/about.html`, then
//   `/about/index.html` (a clean-URL rewrite in front of the origin), cached under the requested key.
// - With `tagHeader` (CloudFront's CacheTagConfig), the comma-separated tags of that origin response header are
//   stored with each cached variant (lower case: tags are case-insensitive); an invalidation item `#tag` purges
//   every variant carrying the tag, whatever its path or query. Tags come from the response that filled the cache.
// - With `gzip`, bodies are served gzip-compressed to clients that accept it (like CloudFront's automatic
//   compression), to check that clients hash the decoded bytes.

import { closer, listenOnLoopback } from './loopback.mjs';
import http from 'node:http';
import { gzipSync } from 'node:zlib';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const KEPT_HEADERS = ['content-type', 'etag', 'last-modified', 'cache-control', 'content-language', 'content-disposition'];

/** True when invalidation path `inv` (encoded, maybe ending in '*') covers request path `path`. */
export function pathMatches(inv, path) {
  if (inv.endsWith('*')) return path.startsWith(inv.slice(0, -1));
  return inv === path;
}

/** True when invalidation item `inv` covers a cached entry: a `#tag` by its tags, a path by its key. */
export function itemMatches(inv, key, tags) {
  if (inv.startsWith('#')) return tags.includes(inv.slice(1).toLowerCase());
  return pathMatches(inv, key);
}

/** Milliseconds of the last instant an ISO CreateTime may stand for (whole second when no fraction given). */
function createTimeUpperBound(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return NaN;
  return /T\d\d:\d\d:\d\d(\.\d+)?/.exec(iso)?.[1] ? ms : ms + 999;
}

/**
 * @param {import('./caching-proxy.d.mts').CachingProxyOptions} opts
 * @returns {Promise<import('./caching-proxy.d.mts').CachingProxy>}
 */
export async function startCachingProxy(opts) {
  const o = new URL(opts.origin);
  if (o.protocol !== 'http:' || !LOCAL_HOSTS.has(o.hostname)) {
    throw new Error(`caching-proxy only fetches from a local http origin, not ${opts.origin}`);
  }
  if (o.search || o.hash) throw new Error(`caching-proxy origin must not have a query or fragment: ${opts.origin}`);
  const originHost = o.hostname.replace(/^\[|\]$/g, '');
  const originPort = Number(o.port || 80);
  const originBase = o.pathname.replace(/\/+$/, '');
  const now = opts.now ?? Date.now;

  const tagHeader = opts.tagHeader?.toLowerCase();
  /** @type {Map<string, { status: number; headers: Record<string, string>; body: Buffer; cachedAt: number; tags: string[] }>} */
  const cache = new Map();
  /** @type {import('./caching-proxy.d.mts').CacheCall[]} */
  const calls = [];
  let hits = 0;
  let misses = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  /** Drop the entry for `path` when an invalidation created after it was cached covers it. */
  function applyInvalidations(path) {
    const entry = cache.get(path);
    if (entry && opts.invalidations) invalidateEntry(path, entry);
  }

  /** Every cached variant an invalidation created after it was cached covers is dropped (tags reach any key). */
  function applyAllInvalidations() {
    for (const [key, entry] of [...cache.entries()]) invalidateEntry(key, entry);
  }

  function invalidateEntry(path, entry) {
    if (!entry || !opts.invalidations) return;
    for (const inv of opts.invalidations()) {
      if (opts.onlyCompleted && inv.status !== undefined && inv.status !== 'Completed') continue;
      const created = createTimeUpperBound(inv.createTime);
      if (!(created >= entry.cachedAt)) continue;
      if (inv.paths.some((p) => itemMatches(p, path, entry.tags))) {
        cache.delete(path);
        return;
      }
    }
  }

  /** GET the origin (with the clean-URL rewrite when asked); resolves { status, headers, body, tags }. */
  async function fetchOrigin(path) {
    const last = path.slice(path.lastIndexOf('/') + 1);
    if (opts.cleanUrls && last !== '' && !last.includes('.')) {
      const html = await fetchOriginPath(`${path}.html`);
      if (html.status !== 403 && html.status !== 404) return html;
      return fetchOriginPath(`${path}/index.html`);
    }
    return fetchOriginPath(path);
  }

  function fetchOriginPath(path) {
    const originPath = originBase + (path.endsWith('/') ? `${path}index.html` : path);
    return new Promise((resolve, reject) => {
      const req = http.request({ host: originHost, port: originPort, method: 'GET', path: originPath, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          /** @type {Record<string, string>} */
          const headers = {};
          for (const h of KEPT_HEADERS) {
            const v = res.headers[h];
            if (typeof v === 'string') headers[h] = v;
          }
          const tagValue = tagHeader ? res.headers[tagHeader] : undefined;
          const tags =
            typeof tagValue === 'string'
              ? tagValue
                  .split(',')
                  .map((t) => t.trim().toLowerCase())
                  .filter((t) => t !== '')
              : [];
          resolve({ status: res.statusCode ?? 502, headers, body: Buffer.concat(chunks), tags });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  function send(req, res, status, headers, body, cacheState) {
    /** @type {Record<string, string | number>} */
    const out = { ...headers, 'x-cache': cacheState };
    let payload = body;
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (opts.gzip && status === 200 && body.length > 0 && /\bgzip\b/.test(accepts)) {
      payload = gzipSync(body);
      out['content-encoding'] = 'gzip';
      out.vary = 'Accept-Encoding';
    }
    out['content-length'] = payload.length;
    res.writeHead(status, out);
    if (req.method === 'HEAD') res.end();
    else res.end(payload);
  }

  async function handle(req, res) {
    const method = req.method ?? 'GET';
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q === -1 ? raw : raw.slice(0, q);
    const key = opts.queryStrings && q !== -1 ? raw : path;
    /** @type {import('./caching-proxy.d.mts').CacheCall} */
    const call = { method, path, status: 0, cache: 'Error' };
    calls.push(call);
    if (method !== 'GET' && method !== 'HEAD') {
      call.status = 405;
      send(req, res, 405, { 'content-type': 'text/plain', allow: 'GET, HEAD' }, Buffer.from('method not allowed\n'), 'Error');
      return;
    }
    if (!path.startsWith('/')) {
      call.status = 400;
      send(req, res, 400, { 'content-type': 'text/plain' }, Buffer.from('bad path\n'), 'Error');
      return;
    }
    applyInvalidations(key);
    const entry = cache.get(key);
    if (entry) {
      hits++;
      call.status = entry.status;
      call.cache = 'Hit';
      const age = Math.max(0, Math.floor((now() - entry.cachedAt) / 1000));
      send(req, res, entry.status, { ...entry.headers, age: String(age) }, entry.body, 'Hit');
      return;
    }
    misses++;
    const cachedAt = now();
    let up;
    try {
      up = await fetchOrigin(path);
    } catch (err) {
      call.status = 502;
      send(req, res, 502, { 'content-type': 'text/plain' }, Buffer.from(`caching-proxy: origin error: ${err.message}\n`), 'Error');
      return;
    }
    if (up.status === 403 || up.status === 404) {
      call.status = 404;
      send(req, res, 404, { 'content-type': 'text/plain' }, Buffer.from('Not Found\n'), 'Error');
      return;
    }
    if (up.status < 200 || up.status >= 300) {
      call.status = up.status;
      send(req, res, up.status, up.headers, up.body, 'Error');
      return;
    }
    cache.set(key, { status: up.status, headers: up.headers, body: up.body, cachedAt, tags: up.tags });
    call.status = up.status;
    call.cache = 'Miss';
    send(req, res, up.status, up.headers, up.body, 'Miss');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`caching-proxy: ${err?.message ?? err}\n`);
      } else {
        res.destroy();
      }
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  const close = closer(server);
  const port = await listenOnLoopback(server, opts.port ?? 0);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    calls,
    cachedPaths() {
      return [...cache.keys()].sort();
    },
    liveKeys() {
      applyAllInvalidations();
      return [...cache.keys()].sort();
    },
    tagsOf(key) {
      return [...(cache.get(key)?.tags ?? [])];
    },
    purge(paths) {
      let n = 0;
      for (const key of [...cache.keys()]) {
        if (paths.some((p) => itemMatches(p, key, cache.get(key)?.tags ?? []))) {
          cache.delete(key);
          n++;
        }
      }
      return n;
    },
    reset() {
      cache.clear();
      calls.length = 0;
      hits = 0;
      misses = 0;
    },
    async stop() {
      agent.destroy();
      await close();
    },
  };
}
