// Keys <-> URL paths, index documents, and CloudFront's path encoding. Pure.

/** The action's own state lives under this prefix (inside `prefix`); the sync never uploads to, compares or deletes it. */
export const RESERVED_DIR = '.s3-cloudfront-deploy/';

/** S3 key for a file of the build dir. */
export function keyFor(prefix: string, relPath: string): string {
  return prefix + relPath;
}

/**
 * URL path at which a distribution serves `key`, or null if the key is outside the distribution's origin
 * path (CloudFront prepends OriginPath to the request path: URL path = '/' + key without it).
 */
export function urlPathForKey(key: string, originPath: string): string | null {
  if (!key.startsWith(originPath)) return null;
  return '/' + key.slice(originPath.length);
}

const INDEX = 'index.html';

/**
 * Every URL under which CloudFront may have cached the object at `urlPath`: the path itself and, for an
 * index document, its directory (`/docs/index.html` -> `/docs/`, optionally `/docs`; `/index.html` -> `/`).
 */
export function urlForms(urlPath: string, withoutSlash = false): string[] {
  if (urlPath === '/' + INDEX) return [urlPath, '/'];
  if (urlPath.endsWith('/' + INDEX)) {
    const dir = urlPath.slice(0, -INDEX.length);
    return withoutSlash ? [urlPath, dir, dir.slice(0, -1)] : [urlPath, dir];
  }
  return [urlPath];
}

// RFC 1738 "unsafe" characters, which CloudFront expects percent-encoded in invalidation paths; everything
// else ASCII-printable is sent as is (encoding it would make CloudFront miss the cached object).
const UNSAFE = new Set([' ', '"', '<', '>', '#', '%', '{', '}', '|', '\\', '^', '~', '[', ']', '`']);

/**
 * Percent-encode a decoded URL path for an invalidation: UTF-8 bytes of non-ASCII characters, control
 * characters and RFC 1738 unsafe characters; case kept; a trailing `*` wildcard is kept as is. The input is
 * always the decoded path (S3 key bytes), so nothing is ever double-encoded.
 */
export function encodeCloudFrontPath(decoded: string): string {
  const wildcard = decoded.endsWith('*');
  const body = wildcard ? decoded.slice(0, -1) : decoded;
  let out = '';
  for (const ch of body) {
    const code = ch.codePointAt(0)!;
    if (code < 0x21 || code >= 0x7f || UNSAFE.has(ch)) {
      for (const byte of Buffer.from(ch, 'utf8')) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    } else {
      out += ch;
    }
  }
  return wildcard ? out + '*' : out;
}

/** Map a repo-relative file path to a URL path through the first matching `path-map` rule, or null. */
export function mapRepoPath(repoPath: string, rules: { from: string; to: string }[]): string | null {
  for (const { from, to } of rules) {
    // 'public/' (or 'public') matches files under that directory; 'docs/a.md' matches that file only.
    const dir = from === '' || from.endsWith('/') ? from : `${from}/`;
    if (from === '' || repoPath.startsWith(dir) || repoPath === from) {
      const rest = repoPath === from ? '' : repoPath.slice(dir.length);
      const base = to.endsWith('/') ? to : rest === '' ? to : to + '/';
      return base + rest;
    }
  }
  return null;
}
