// The `headers` input: `GLOB: Header: value` rules, parsed and checked. Pure.
import type { HeaderName, HeaderRule } from '../model/headers.js';

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
export const META = 'x-amz-meta-';
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
