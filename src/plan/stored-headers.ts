// Headers as stored on an object (read with HEAD), compared with the headers the action would upload. Pure.
import { createHash } from 'node:crypto';
import type { HeaderDecision, ObjectHeaders, StoredHeaders } from '../model/headers.js';
import { ACTION_META_PREFIX } from './header-rules.js';

/** What S3 HeadObject returns (the SDK's field names, lower-camel-cased): the object headers, as they come. */
export type HeadLike = ObjectHeaders;

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
  return shortHash(JSON.stringify(reading));
}

/**
 * First 16 hex digits of the SHA-256 of `text`. A site has a handful of distinct header sets for thousands of
 * files, so the digests are remembered (a bounded cache: cleared when it holds 4,096).
 */
export function shortHash(text: string): string {
  let h = digests.get(text);
  if (h === undefined) {
    if (digests.size >= 4096) digests.clear();
    h = createHash('sha256').update(text).digest('hex').slice(0, 16);
    digests.set(text, h);
  }
  return h;
}
const digests = new Map<string, string>();
