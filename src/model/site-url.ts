// The site's base URL (`verify-url`, `preview-url`) and URLs under it. Pure.

/**
 * Validate a `verify-url` value and return it without trailing slashes, query or fragment
 * (`https://example.com/site/` -> `https://example.com/site`). Throws an Error with a one-line message when
 * it is not an absolute http(s) URL or carries credentials (fetch refuses those).
 */
export function normalizeBaseUrl(baseUrl: string): string {
  let u: URL;
  try {
    u = new URL(baseUrl.trim());
  } catch {
    throw new Error(`not an absolute URL: ${JSON.stringify(baseUrl)} (expected e.g. https://www.example.com)`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(`not an http(s) URL: ${JSON.stringify(baseUrl)} (expected e.g. https://www.example.com)`);
  }
  if (u.username || u.password) throw new Error('must not contain credentials (user:password@)');
  if (u.search || u.hash) throw new Error(`must not contain a query or fragment: ${JSON.stringify(baseUrl)}`);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/**
 * The URL to request for an invalidation path under a normalized base URL. The path's percent-encoding is
 * kept byte for byte; only raw `?` and `#` (which CloudFront paths may contain but a URL would treat as
 * query / fragment) are escaped, so the whole path is sent as the path.
 */
export function joinUrl(normalizedBase: string, path: string): string {
  return normalizedBase + path.replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
}

/** True for a path verifyUrls can fetch as is: starts with '/', no wildcard. */
export function isExactPath(path: string): boolean {
  return path.startsWith('/') && !path.includes('*');
}
