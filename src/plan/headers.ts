// Content-Type and Cache-Control for a file: user rules first, then defaults. Pure.
import { createHash } from 'node:crypto';
import mime from 'mime';
import picomatch from 'picomatch';
import type { CacheRule } from '../inputs.js';

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

export type CacheControlSource = { kind: 'rule'; glob: string } | { kind: 'default-immutable' } | { kind: 'default-mutable' };

export interface HeaderDecision {
  contentType: string;
  cacheControl: string;
  cacheControlSource: CacheControlSource;
}

/** Compile the user's `cache-control` rules once; returns a function deciding headers per file. */
export function headerRules(rules: CacheRule[]): (relPath: string, fingerprinted: boolean) => HeaderDecision {
  const compiled = rules.map((r) => ({ ...r, match: picomatch(r.glob, { dot: true }) }));
  return (relPath, fingerprinted) => {
    const contentType = contentTypeFor(relPath);
    for (const r of compiled) {
      if (r.match(relPath)) return { contentType, cacheControl: r.value, cacheControlSource: { kind: 'rule', glob: r.glob } };
    }
    return fingerprinted
      ? { contentType, cacheControl: IMMUTABLE, cacheControlSource: { kind: 'default-immutable' } }
      : { contentType, cacheControl: MUTABLE, cacheControlSource: { kind: 'default-mutable' } };
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

/** Short hash of the effective headers, recorded at upload so a later rule change is detected without HEADs. */
export function headersHash(h: { contentType: string; cacheControl: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([h.contentType, h.cacheControl]))
    .digest('hex')
    .slice(0, 16);
}
