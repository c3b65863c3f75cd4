// The headers of a file (Content-Type, Cache-Control and those of the `headers` input): user rules first,
// then defaults. Pure. The `headers` input's parser (header-rules.ts) and the stored-header comparisons
// (stored-headers.ts) are re-exported from here.
import mime from 'mime';
import picomatch from 'picomatch';
import type { CacheRule } from '../model/config.js';
import type { CacheControlSource, HeaderDecision, HeaderName, HeaderRule, HeaderSource, ObjectHeaders } from '../model/headers.js';
import { META } from './header-rules.js';

export { ACTION_META_PREFIX, parseHeaderRules } from './header-rules.js';
export { headersDiffer, headersFromHead, invalidationNeededForHeaderChange, readingHash, type HeadLike } from './stored-headers.js';
import { shortHash } from './stored-headers.js';

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
  return shortHash(JSON.stringify(parts));
}
