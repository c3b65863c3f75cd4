// Keys <-> URL paths, index documents, and CloudFront's path encoding. Pure.

/** S3 key for a file of the build dir. */
export function keyFor(prefix: string, relPath: string): string {
  return prefix + relPath;
}

/**
 * URL path at which a distribution serves `key`, or null if the key is outside the distribution's origin
 * path (CloudFront prepends OriginPath to the request path: URL path = '/' + key without it). A key ending in
 * `/` (a `strip-index-html` copy such as `docs/`) is served at the directory URL `/docs/`.
 */
export function urlPathForKey(key: string, originPath: string): string | null {
  if (!key.startsWith(originPath)) return null;
  return '/' + key.slice(originPath.length);
}

/** The index document name S3 (and most static hosts) use when none is configured. */
export const DEFAULT_INDEX_DOCUMENT = 'index.html';

/**
 * How the site's pages are addressed:
 * - `directory`: `/docs/page.html`, and `/docs/` for `/docs/index.html` (plus `/docs` with `withoutSlash`);
 * - `clean`: additionally `/docs/page` for `/docs/page.html` and `/docs` for `/docs/index.html` (a CloudFront
 *   Function or host that appends `.html` or `/index.html` to extensionless requests).
 */
export type UrlStyle = 'directory' | 'clean';

export interface UrlFormOptions {
  /** Default `directory`. */
  urlStyle?: UrlStyle;
  /** File name of the directory index (S3 website `IndexDocument` suffix). Default `index.html`. */
  indexDocument?: string;
}

function indexDocumentOf(opts: UrlFormOptions): string {
  const name = opts.indexDocument ?? DEFAULT_INDEX_DOCUMENT;
  if (name === '' || name.includes('/') || name.includes('*')) {
    throw new RangeError(`index document must be a plain file name such as index.html (got ${JSON.stringify(name)})`);
  }
  return name;
}

/**
 * Every URL under which CloudFront may have cached the object at `urlPath`, the path itself first:
 * - an index document is also cached at its directory (`/docs/index.html` -> `/docs/`; `/index.html` -> `/`),
 *   and at the directory without its slash (`/docs`) with `withoutSlash` or the `clean` style (never for `/`);
 * - a directory URL (`/docs/`, the URL of a `strip-index-html` key `docs/`) adds `/docs` the same way;
 * - in the `clean` style, `/about.html` is also `/about` (only `.html`; `/docs/index` for an index document
 *   is not added: nothing links to it).
 * Paths holding a `*` (manual wildcards) are returned as they are. The index document name is case-sensitive,
 * as in S3.
 */
export function urlForms(urlPath: string, withoutSlash = false, opts: UrlFormOptions = {}): string[] {
  if (urlPath.includes('*')) return [urlPath];
  const index = indexDocumentOf(opts);
  const slashless = withoutSlash || opts.urlStyle === 'clean';
  const dirForms = (dir: string): string[] => (slashless && dir !== '/' ? [dir, dir.slice(0, -1)] : [dir]);
  if (urlPath.endsWith('/' + index)) return [urlPath, ...dirForms(urlPath.slice(0, -index.length))];
  if (urlPath.endsWith('/')) return dirForms(urlPath);
  if (opts.urlStyle === 'clean' && urlPath.endsWith('.html') && !urlPath.endsWith('/.html')) {
    return [urlPath, urlPath.slice(0, -'.html'.length)];
  }
  return [urlPath];
}

/**
 * `strip-index-html`: the extra key (relative to `prefix`, like `relPath`) under which a directory's index
 * document is also stored, so a plain S3 REST origin serves `/docs/` without a rewrite function:
 * `docs/index.html` -> `docs/`. The root index document gets no extra key (S3 has no empty key; the root URL
 * is served through the distribution's DefaultRootObject), as Hugo's `stripIndexHTML` also leaves it alone.
 * Returns null when `relPath` is not an index document below the root.
 */
export function strippedKeyFor(relPath: string, indexDocument: string = DEFAULT_INDEX_DOCUMENT): string | null {
  const index = indexDocumentOf({ indexDocument });
  if (!relPath.endsWith('/' + index)) return null;
  const dir = relPath.slice(0, -index.length);
  return dir === '/' ? null : dir;
}

// RFC 1738 "unsafe" characters, which CloudFront expects percent-encoded in invalidation paths, and `?`, which it
// reads as the start of a query string (a key holding `?` is requested as `%3F`); everything else ASCII-printable is
// sent as is (encoding it would make CloudFront miss the cached object).
const UNSAFE = new Set([' ', '"', '<', '>', '#', '%', '{', '}', '|', '\\', '^', '~', '[', ']', '`', '?']);

/**
 * Two marks the decoded form may hold beside the key's own characters (S3 keys are XML text, which cannot hold
 * U+0000 or U+0001, so neither is ever a key's character):
 * - QUERY_MARK: where the query string starts (sent as `?`): `/docs/` + QUERY_MARK + `*` is `/docs/?*`, every
 *   query-string variant of `/docs/` and nothing else;
 * - ESCAPED_BYTE followed by one character whose code (0-255) is a byte: an escape the user wrote (`%2F` in a
 *   `paths` entry) that must reach CloudFront as written, not decoded to `/`.
 */
export const QUERY_MARK = '\u0000';
export const ESCAPED_BYTE = '\u0001';

const hex = (byte: number) => '%' + byte.toString(16).toUpperCase().padStart(2, '0');

/**
 * Percent-encode a decoded URL path for an invalidation: UTF-8 bytes of non-ASCII characters, control
 * characters, RFC 1738 unsafe characters and `?`; case kept; a trailing `*` wildcard is kept as is; the marks
 * become `?` and the escape written. The input is always the decoded path (S3 key bytes), so nothing is ever
 * double-encoded.
 */
export function encodeCloudFrontPath(decoded: string): string {
  const wildcard = decoded.endsWith('*') && !decoded.endsWith(ESCAPED_BYTE + '*');
  const body = wildcard ? decoded.slice(0, -1) : decoded;
  let out = '';
  for (let i = 0; i < body.length;) {
    const ch = String.fromCodePoint(body.codePointAt(i)!);
    i += ch.length;
    if (ch === QUERY_MARK) {
      out += '?';
    } else if (ch === ESCAPED_BYTE && i < body.length) {
      out += hex(body.charCodeAt(i) & 0xff);
      i++;
    } else if (ch.codePointAt(0)! < 0x21 || ch.codePointAt(0)! >= 0x7f || UNSAFE.has(ch)) {
      for (const byte of Buffer.from(ch, 'utf8')) out += hex(byte);
    } else {
      out += ch;
    }
  }
  return wildcard ? out + '*' : out;
}

/** A decoded path as a person reads it (the report, the summary): the URL with the marks shown as sent. */
export function readableUrlPath(decoded: string): string {
  if (!decoded.includes(QUERY_MARK) && !decoded.includes(ESCAPED_BYTE) && !decoded.includes('?')) return decoded;
  let out = '';
  for (let i = 0; i < decoded.length; i++) {
    const ch = decoded[i]!;
    if (ch === QUERY_MARK) out += '?';
    else if (ch === ESCAPED_BYTE && i + 1 < decoded.length) out += hex(decoded.charCodeAt(++i) & 0xff);
    else if (ch === '?') out += '%3F';
    else out += ch;
  }
  return out;
}

/**
 * A URL path as a user writes it in `paths` to the decoded form: `%XX` escapes of UTF-8 text are decoded (the
 * encoder writes them back the same), a `?` starts the query string, and an escape the encoder would not write
 * back (`%2F`, `%3F`, `%41`, or bytes that are not UTF-8) is kept as that escape. A `%` that starts no escape
 * is a literal `%`. Never double-encodes, never turns `%2F` into `/`.
 */
export function decodeUserPath(p: string): string {
  let out = '';
  for (let i = 0; i < p.length;) {
    if (p[i] === '?') {
      out += QUERY_MARK;
      i++;
      continue;
    }
    if (p[i] !== '%' || !/^%[0-9A-Fa-f]{2}/.test(p.slice(i, i + 3))) {
      out += p[i];
      i++;
      continue;
    }
    // A run of escapes: decoded as UTF-8 where that is lossless, else each kept as written.
    const bytes: number[] = [];
    while (i < p.length && /^%[0-9A-Fa-f]{2}/.test(p.slice(i, i + 3))) {
      bytes.push(parseInt(p.slice(i + 1, i + 3), 16));
      i += 3;
    }
    out += decodeBytes(bytes);
  }
  return out;
}

function decodeBytes(bytes: number[]): string {
  let out = '';
  for (let k = 0; k < bytes.length;) {
    const b = bytes[k]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let text: string | null = null;
    if (len > 0 && k + len <= bytes.length) {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes.slice(k, k + len)));
      } catch {
        text = null;
      }
    }
    // Decoded only where the encoder writes the same escape back; otherwise kept as the escape it was.
    if (
      text !== null &&
      encodeCloudFrontPath(text) ===
        bytes
          .slice(k, k + len)
          .map(hex)
          .join('')
    ) {
      out += text;
      k += len;
    } else {
      out += ESCAPED_BYTE + String.fromCharCode(b);
      k++;
    }
  }
  return out;
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
