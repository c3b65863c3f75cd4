/** An invalidation as the proxy needs it; `StoredInvalidation` from cloudfront-standin.d.mts fits. */
export interface ProxyInvalidation {
  /** Invalidation paths as sent to CloudFront (percent-encoded; may end in `*`). */
  paths: string[];
  /** ISO 8601. Without fractional seconds it is taken to cover its whole second. */
  createTime: string;
  /** 'InProgress' | 'Completed'. Only consulted with `onlyCompleted`. */
  status?: string;
}

export interface CachingProxyOptions {
  /**
   * Base URL of the origin, an http URL on 127.0.0.1 / localhost, e.g. `${s3.endpoint}/bucket-name`
   * (path-style S3). A miss for `/a%20b.html` fetches `${origin}/a%20b.html` (the path as received).
   */
  origin: string;
  /** Consulted before serving a cached entry (e.g. `() => cf.invalidations(DIST)`). */
  invalidations?: () => ProxyInvalidation[];
  /** Only invalidations with no status or status 'Completed' purge. Default false (any status purges). */
  onlyCompleted?: boolean;
  /** Serve 200 bodies gzip-compressed to clients sending `Accept-Encoding: gzip`. Default false. */
  gzip?: boolean;
  /** The query string is part of the cache key (each `?query` a variant of its own). Default false. */
  queryStrings?: boolean;
  /** A miss for `/about` fetches `/about.html`, then `/about/index.html` (a clean-URL rewrite). Default false. */
  cleanUrls?: boolean;
  /**
   * CloudFront's CacheTagConfig header (e.g. `x-amz-meta-cache-tag`): its comma-separated tags are stored with each
   * cached variant, and an invalidation item `#tag` purges every variant carrying the tag.
   */
  tagHeader?: string;
  /** Clock for cache times. Default Date.now. */
  now?: () => number;
  /** Port on 127.0.0.1. Default 0 (random). */
  port?: number;
}

export interface CacheCall {
  method: string;
  /** Request path as received, without the query string. */
  path: string;
  /** Status answered. */
  status: number;
  /** 'Hit' / 'Miss' as in the `x-cache` header; 'Error' for answers that were not cached. */
  cache: 'Hit' | 'Miss' | 'Error';
}

export interface CachingProxy {
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly port: number;
  /** Requests answered from the cache (`x-cache: Hit`) since start / reset(). */
  readonly hits: number;
  /** Requests that went to the origin (successful or not) since start / reset(). */
  readonly misses: number;
  /** Every request, in arrival order. Emptied by reset(). */
  readonly calls: readonly CacheCall[];
  /** Cache keys (request paths, with the query under `queryStrings`) currently cached, sorted. */
  cachedPaths(): string[];
  /** Cache keys left once every invalidation (paths and tags) has been applied to every entry, sorted. */
  liveKeys(): string[];
  /** The tags (lower case) the cached variant under `key` carries. */
  tagsOf(key: string): string[];
  /** Drop cached entries matched by these paths (exact, or prefix when ending in `*`) or tag items (`#tag`). Returns how many. */
  purge(paths: string[]): number;
  /** Forget the cache, the calls and the counters. */
  reset(): void;
  /** Close the server and its connections. Idempotent. */
  stop(): Promise<void>;
}

/** Start the caching CDN stand-in on 127.0.0.1. Throws for a non-local or non-http origin. */
export function startCachingProxy(opts: CachingProxyOptions): Promise<CachingProxy>;

/** True when invalidation path `invalidationPath` (encoded, maybe ending in `*`) covers `requestPath`. */
export function pathMatches(invalidationPath: string, requestPath: string): boolean;
