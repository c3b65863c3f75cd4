// The headers of a file (Content-Type, Cache-Control and those of the `headers` input): user rules first,
// then defaults; and how stored headers compare with them. Pure.
import { createHash } from 'node:crypto';
import mime from 'mime';
import picomatch from 'picomatch';
import type { CacheRule } from '../model/config.js';
import type {
  CacheControlSource,
  HeaderDecision,
  HeaderName,
  HeaderRule,
  HeaderSource,
  ObjectHeaders,
  StoredHeaders,
} from '../model/headers.js';

export type {
  CacheControlSource,
  HeaderDecision,
  HeaderName,
  HeaderRule,
  HeaderSource,
  ObjectHeaders,
  StoredHeaders,
} from '../model/headers.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Browsers revalidate every time; the edge keeps the object until we invalidate it. */
export const MUTABLE = 'public, max-age=0, s-maxage=86400, must-revalidate';

const TEXTUAL = new Set([
  'application/javascript',
  'application/json',
  'application/ld+json',
  'application/manifest+json',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/xhtml+xml',
  'image/svg+xml',
]);

export function contentTypeFor(relPath: string): string {
  const type = mime.getType(relPath) ?? 'application/octet-stream';
  return type.startsWith('text/') || TEXTUAL.has(type) ? `${type}; charset=utf-8` : type;
}

/**
 * The action's own user-metadata namespace (the content MD5 is stored as `s3cfd-md5`): `headers` rules cannot
 * set it and headersFromHead leaves it out.
 */
export const ACTION_META_PREFIX = 's3cfd-';

const FIXED_HEADERS: readonly HeaderName[] = [
  'Content-Type',
  'Content-Encoding',
  'Content-Language',
  'Content-Disposition',
  'Cache-Control',
  'x-amz-website-redirect-location',
];
const META = 'x-amz-meta-';
// RFC 9110 token characters (a metadata name becomes part of an HTTP header name).
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
// A media type: type/subtype, optionally followed by parameters.
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+\s*(;.*)?$/i;
const FORM = "'GLOB: Header: value', e.g. '**/*.pdf: Content-Disposition: attachment'";
const ALLOWED = `${FIXED_HEADERS.join(', ')} or x-amz-meta-NAME`;

/**
 * Parse the `headers` input: one `GLOB: Header: value` rule per line; blank lines and lines starting with `#`
 * are ignored. The glob ends at the first `:` (so it cannot hold one), the header name at the second; the
 * value is the rest (it may hold `:`). Header names are case-insensitive and returned canonically. Throws an
 * Error naming the line and the accepted form for: a malformed line, a header not in the allowed list, an
 * empty value, a value with CR, LF, another control character or non-ASCII text (S3 stores headers as
 * ASCII), a Content-Type that is not `type/subtype`, a redirect location not starting with `/`, `http://` or
 * `https://`, and metadata in the action's own `s3cfd-` namespace.
 */
export function parseHeaderRules(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const trimmed = lines[i]!.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const bad = (why: string) => new Error(`headers line ${line} '${trimmed}': ${why}`);
    const c1 = trimmed.indexOf(':');
    const c2 = c1 < 0 ? -1 : trimmed.indexOf(':', c1 + 1);
    if (c2 < 0) throw bad(`must be ${FORM}`);
    const glob = trimmed.slice(0, c1).trim();
    const name = trimmed.slice(c1 + 1, c2).trim();
    const value = trimmed.slice(c2 + 1).trim();
    if (glob === '' || name === '') throw bad(`must be ${FORM}`);
    const header = canonicalHeader(name);
    if (header === null) throw bad(`header '${name}' cannot be set; allowed: ${ALLOWED} (case-insensitive)`);
    if (value === '') throw bad(`the value of ${name} is empty; the line must be ${FORM}`);
    if (/[\r\n]/.test(value)) throw bad(`the value of ${name} holds a CR or LF (header values are one line)`);
    if (/[^\t\x20-\x7e]/.test(value)) throw bad(`the value of ${name} must be printable ASCII (no control characters or non-ASCII text)`);
    if (header === 'Content-Type' && !MEDIA_TYPE.test(value)) {
      throw bad(`Content-Type '${value}' must be a media type such as text/plain; charset=utf-8`);
    }
    if (header === 'x-amz-website-redirect-location' && !/^(\/|https?:\/\/)/.test(value)) {
      throw bad(`x-amz-website-redirect-location '${value}' must start with /, http:// or https://`);
    }
    if (header.startsWith(META + ACTION_META_PREFIX)) throw bad(`x-amz-meta-${ACTION_META_PREFIX}* is the action's own metadata`);
    rules.push({ glob, header, value, line });
  }
  return rules;
}

function canonicalHeader(name: string): HeaderName | null {
  const lower = name.toLowerCase();
  const fixed = FIXED_HEADERS.find((h) => h.toLowerCase() === lower);
  if (fixed) return fixed;
  if (lower.startsWith(META) && TOKEN.test(lower.slice(META.length))) return `${META}${lower.slice(META.length)}`;
  return null;
}

/**
 * Compile the `cache-control` rules and the `headers` rules once; returns a function deciding every header of
 * a file. Per header the first matching rule wins (globs are anchored at the build dir root and match dot
 * paths). Cache-Control: the `cache-control` input first, then `headers` Cache-Control rules, then the
 * defaults (IMMUTABLE for fingerprinted names, else MUTABLE). Content-Type: a `headers` rule (used as given,
 * no charset added), else contentTypeFor. Other headers are set only by a rule.
 */
export function headerRules(
  cacheRules: CacheRule[],
  headerRules: HeaderRule[] = [],
): (relPath: string, fingerprinted: boolean) => HeaderDecision {
  const cache = cacheRules.map((r) => ({ ...r, match: picomatch(r.glob, { dot: true }) }));
  const byHeader = new Map<HeaderName, { rule: HeaderRule; match: (p: string) => boolean }[]>();
  const matchers = new Map<string, (p: string) => boolean>();
  for (const rule of headerRules) {
    let match = matchers.get(rule.glob);
    if (!match) matchers.set(rule.glob, (match = picomatch(rule.glob, { dot: true })));
    const list = byHeader.get(rule.header) ?? [];
    list.push({ rule, match });
    byHeader.set(rule.header, list);
  }
  return (relPath, fingerprinted) => {
    const sources: Partial<Record<HeaderName, HeaderSource>> = {};
    const ruleFor = (h: HeaderName): HeaderRule | undefined => {
      const hit = byHeader.get(h)?.find((r) => r.match(relPath))?.rule;
      if (hit) sources[h] = { kind: 'rule', input: 'headers', glob: hit.glob, line: hit.line };
      return hit;
    };

    const ctRule = ruleFor('Content-Type');
    const contentType = ctRule?.value ?? contentTypeFor(relPath);
    if (!ctRule) sources['Content-Type'] = { kind: 'default' };

    let cacheControl: string;
    let cacheControlSource: CacheControlSource;
    const cc = cache.find((r) => r.match(relPath));
    const ccRule = cc ? undefined : ruleFor('Cache-Control');
    if (cc) {
      cacheControl = cc.value;
      cacheControlSource = { kind: 'rule', glob: cc.glob };
      sources['Cache-Control'] = { kind: 'rule', input: 'cache-control', glob: cc.glob };
    } else if (ccRule) {
      cacheControl = ccRule.value;
      cacheControlSource = { kind: 'rule', glob: ccRule.glob, input: 'headers', line: ccRule.line };
    } else {
      cacheControl = fingerprinted ? IMMUTABLE : MUTABLE;
      cacheControlSource = { kind: fingerprinted ? 'default-immutable' : 'default-mutable' };
      sources['Cache-Control'] = { kind: 'default' };
    }

    const d: HeaderDecision = { contentType, cacheControl, cacheControlSource };
    const encoding = ruleFor('Content-Encoding');
    if (encoding) d.contentEncoding = encoding.value;
    const language = ruleFor('Content-Language');
    if (language) d.contentLanguage = language.value;
    const disposition = ruleFor('Content-Disposition');
    if (disposition) d.contentDisposition = disposition.value;
    const redirect = ruleFor('x-amz-website-redirect-location');
    if (redirect) d.websiteRedirectLocation = redirect.value;
    for (const h of byHeader.keys()) {
      if (!h.startsWith(META)) continue;
      const m = ruleFor(h);
      if (m) (d.metadata ??= {})[h.slice(META.length)] = m.value;
    }
    d.sources = sources;
    return d;
  };
}

/** Entry documents are uploaded last, so nothing they reference is missing when they go live. */
export function isEntryDocument(relPath: string): boolean {
  return /\.(html?|xhtml)$/i.test(relPath);
}

/** HTML plus the user's `entry-documents` globs (e.g. a service worker, a JSON manifest the pages load). */
export function entryDocumentMatcher(globs: string[]): (relPath: string) => boolean {
  const extra = globs.length === 0 ? () => false : picomatch(globs, { dot: true });
  return (relPath) => isEntryDocument(relPath) || extra(relPath);
}

/** The headers beyond Content-Type and Cache-Control, as sorted [name, value] pairs (empty values left out). */
function extraHeaders(h: ObjectHeaders): [string, string][] {
  const out: [string, string][] = [];
  const put = (name: string, v: string | undefined) => {
    if (v !== undefined && v !== '') out.push([name, v]);
  };
  put('content-disposition', h.contentDisposition);
  put('content-encoding', h.contentEncoding);
  put('content-language', h.contentLanguage);
  put('x-amz-website-redirect-location', h.websiteRedirectLocation);
  const meta = Object.entries(h.metadata ?? {})
    .map(([k, v]): [string, string] => [META + k.toLowerCase(), v])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of meta) put(k, v);
  return out;
}

/**
 * Short hash of the effective headers, recorded at upload so a later rule change is detected without HEADs.
 * Covers every header; for an object with only Content-Type and Cache-Control it is the same value as before
 * the `headers` input existed (records written by earlier versions stay valid).
 */
export function headersHash(h: { contentType: string; cacheControl: string } & ObjectHeaders): string {
  const extra = extraHeaders(h);
  const parts: unknown[] = extra.length === 0 ? [h.contentType, h.cacheControl] : [h.contentType, h.cacheControl, extra];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** What S3 HeadObject returns (the SDK's field names, lower-camel-cased). */
export interface HeadLike {
  contentType?: string;
  cacheControl?: string;
  contentEncoding?: string;
  contentLanguage?: string;
  contentDisposition?: string;
  websiteRedirectLocation?: string;
  metadata?: Record<string, string>;
}

/**
 * Normalise a HeadObject answer: empty strings become absent, metadata keys lower-case (S3 returns them so,
 * other stores may not), and the action's own `s3cfd-` metadata (the content MD5) left out.
 */
export function headersFromHead(head: HeadLike): StoredHeaders {
  const given = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  const out: StoredHeaders = { metadata: {} };
  const fields = [
    'contentType',
    'cacheControl',
    'contentEncoding',
    'contentLanguage',
    'contentDisposition',
    'websiteRedirectLocation',
  ] as const;
  for (const f of fields) {
    const v = given(head[f]);
    if (v !== undefined) out[f] = v;
  }
  for (const [k, v] of Object.entries(head.metadata ?? {})) {
    const key = k.toLowerCase();
    if (!key.startsWith(ACTION_META_PREFIX)) out.metadata[key] = v;
  }
  return out;
}

/** A media type parsed for comparison: lower-case type/subtype and parameter names, charset value lower-case. */
function parseMediaType(value: string | undefined): { essence: string; params: string[] } {
  if (value === undefined) return { essence: '', params: [] };
  const [head = '', ...rest] = value.split(';');
  const params = rest
    .map((p) => {
      const eq = p.indexOf('=');
      if (eq < 0) return p.trim().toLowerCase();
      const name = p.slice(0, eq).trim().toLowerCase();
      let v = p.slice(eq + 1).trim();
      if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
      return `${name}=${name === 'charset' ? v.toLowerCase() : v}`;
    })
    .filter((p) => p !== '');
  return { essence: head.trim().toLowerCase(), params };
}

function sameMediaType(a: string | undefined, b: string | undefined): boolean {
  const x = parseMediaType(a);
  const y = parseMediaType(b);
  return x.essence === y.essence && x.params.join(';') === y.params.join(';');
}

/** Content-Encoding tokens compared case-insensitively; `identity` is no encoding. */
function encodingOf(v: string | undefined): string {
  return (v ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '' && t !== 'identity')
    .join(',');
}

const norm = (v: string | undefined): string => (v ?? '').trim();

/**
 * Whether an object another tool wrote (or an earlier configuration) has other headers than the action would
 * upload it with, i.e. whether adopting it needs a re-upload. Content-Type is compared as a media type
 * (`text/html;charset=UTF-8` equals `text/html; charset=utf-8`), Content-Encoding by its tokens, everything else
 * exactly; user metadata the decision does not set counts as a difference (an upload would drop it).
 */
export function headersDiffer(stored: StoredHeaders, decision: HeaderDecision): boolean {
  if (!sameMediaType(stored.contentType, decision.contentType)) return true;
  if (norm(stored.cacheControl) !== norm(decision.cacheControl)) return true;
  if (encodingOf(stored.contentEncoding) !== encodingOf(decision.contentEncoding)) return true;
  if (norm(stored.contentLanguage) !== norm(decision.contentLanguage)) return true;
  if (norm(stored.contentDisposition) !== norm(decision.contentDisposition)) return true;
  if (norm(stored.websiteRedirectLocation) !== norm(decision.websiteRedirectLocation)) return true;
  const a = stored.metadata;
  const b = Object.fromEntries(Object.entries(decision.metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return true;
  return false;
}

/**
 * Same bytes re-uploaded only because its headers changed: must the cached copies be invalidated? Only when
 * the change alters how a client reads the bytes: another media type (type/subtype, case-insensitive; a
 * charset parameter alone does not count), Content-Encoding, Content-Disposition or the redirect location.
 * Cache-Control, Content-Language, metadata or charset-only changes reach clients as the cached copies expire.
 */
export function invalidationNeededForHeaderChange(before: StoredHeaders, after: HeaderDecision): boolean {
  if (parseMediaType(before.contentType).essence !== parseMediaType(after.contentType).essence) return true;
  if (encodingOf(before.contentEncoding) !== encodingOf(after.contentEncoding)) return true;
  if (norm(before.contentDisposition) !== norm(after.contentDisposition)) return true;
  if (norm(before.websiteRedirectLocation) !== norm(after.websiteRedirectLocation)) return true;
  return false;
}

/**
 * Short hash of what decides how a client reads the bytes (media type without parameters, Content-Encoding,
 * Content-Disposition, redirect location), recorded in the ledger so a later headers-only re-upload knows
 * whether the cached copies must be invalidated without reading the old headers back.
 */
export function readingHash(h: { contentType: string } & ObjectHeaders): string {
  const reading = [
    parseMediaType(h.contentType).essence,
    encodingOf(h.contentEncoding),
    norm(h.contentDisposition),
    norm(h.websiteRedirectLocation),
  ];
  return createHash('sha256').update(JSON.stringify(reading)).digest('hex').slice(0, 16);
}
