// CloudFront cache tags: which distributions read them (discovery), and the tags each object carries. Pure.
//
// A distribution with `CacheTagConfig { HeaderName }` reads comma-separated tags from that response header of
// the origin; an S3 origin returns object metadata `<name>` as `x-amz-meta-<name>`. An invalidation item
// `#<tag>` then evicts every cached object carrying the tag, every variant of it (query strings, cookies,
// headers). Tags: ASCII 33-126 without commas, at most 256 characters, case-insensitive; at most 50 per object.
import { createHash } from 'node:crypto';
import type { Config } from '../model/config.js';
import type { Facts } from '../model/stages.js';

/** CloudFront keeps at most this many tags per object. */
export const MAX_TAGS_PER_OBJECT = 50;
/** Longest tag CloudFront accepts. */
export const MAX_TAG_LENGTH = 256;
/** What the tag metadata may take of S3's 2 KB of user metadata (the rest stays for the `headers` input's). */
export const MAX_TAG_HEADER_CHARS = 1500;

/** Group tag every non-fingerprinted (mutable) object carries: the coarse cover that spares fingerprinted assets. */
export const GROUP_MUTABLE = 'g:mutable';
/** Group tag every HTML object carries. */
export const GROUP_HTML = 'g:html';

/** How this run tags objects: into metadata `metaName` (served as `x-amz-meta-<metaName>`), for `ids`. */
export interface Tagging {
  metaName: string;
  /** The distributions that read the tags (all others get paths only). */
  ids: string[];
}

/** One line per distribution: whether its invalidations may use tags, and why. */
export interface TagDiscovery {
  tagging: Tagging | null;
  notes: string[];
}

/** Whether CloudFront accepts `tag` (without the `#` of the invalidation item). */
export function isValidTag(tag: string): boolean {
  return tag.length >= 1 && tag.length <= MAX_TAG_LENGTH && /^[\x21-\x7e]+$/.test(tag) && !tag.includes(',') && !tag.includes('*');
}

/** Tag text for a key or folder: itself when it is plain (printable ASCII, lower case, no comma or `*`, short), else hashed. */
function tagText(kind: 'o' | 'd', text: string): string {
  const plain = /^[\x21-\x7e]*$/.test(text) && !/[,*A-Z]/.test(text) && text.length <= 200;
  if (plain) return `${kind}:${text}`;
  // Upper case is hashed too: tags are case-insensitive, keys are not (`A.html` and `a.html` must not share one).
  return `${kind}h:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

/** The object's own tag: unique to its key, deterministic, valid for any key. */
export function objectTag(key: string): string {
  return tagText('o', key);
}

/** The tag of a folder (`docs/`, ending with `/`). */
export function folderTag(dir: string): string {
  return tagText('d', dir);
}

/** What decides an object's tags beyond its key. */
export interface TagClass {
  mutable: boolean;
  html: boolean;
}

/**
 * Every tag of the object at `key`: its own, its groups, then its folders from the shallowest down as far as the
 * 50-tag limit and the metadata budget allow (so an object's folder tags are always a chain from the top).
 */
export function tagsFor(key: string, cls: TagClass): string[] {
  const tags = [objectTag(key)];
  if (cls.mutable) tags.push(GROUP_MUTABLE);
  if (cls.html) tags.push(GROUP_HTML);
  let chars = tags.join(',').length;
  const parts = key.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length && tags.length < MAX_TAGS_PER_OBJECT; i++) {
    const tag = folderTag(parts.slice(0, i).join('/') + '/');
    if (chars + 1 + tag.length > MAX_TAG_HEADER_CHARS) break;
    tags.push(tag);
    chars += 1 + tag.length;
  }
  return tags;
}

/** The folder tags an object carries (a chain from the top), from its tag list. */
export function folderTagsOf(tags: string[]): string[] {
  return tags.filter((t) => t.startsWith('d:') || t.startsWith('dh:'));
}

/** Whether an HTML media type. */
export function isHtmlType(contentType: string): boolean {
  return /^text\/html\b/i.test(contentType.trim());
}

/** The marker a ledger entry carries when every variant the CDN may hold of the object carries its tags. */
export function tagMarker(cls: TagClass): string {
  return `#${cls.mutable ? 'm' : ''}${cls.html ? 'h' : ''}`;
}

/** The groups a ledger marker records, or null when it is not a marker. */
export function markerClass(marker: string | undefined): TagClass | null {
  if (!marker?.startsWith('#')) return null;
  return { mutable: marker.includes('m'), html: marker.includes('h') };
}

/**
 * Which distributions read tags, decided from the `cache-tags` input and what gather read of each distribution.
 * `auto`: a distribution whose CacheTagConfig header is `x-amz-meta-<name>` (the first such name wins); a header
 * name in the input is trusted for every distribution; `off`: none.
 */
export function discoverTagging(config: Config, facts: Pick<Facts, 'distributions'> & Partial<Pick<Facts, 'state'>>): TagDiscovery {
  const notes: string[] = [];
  if (!config.upload || config.distributions.length === 0) return { tagging: null, notes };
  const mode = config.cacheTags;
  if (mode.mode === 'off') {
    return { tagging: null, notes: [`cache-tags: off: invalidating by paths only`] };
  }
  if (mode.mode === 'header') {
    const metaName = mode.header.slice('x-amz-meta-'.length);
    const ids = config.distributions.map((d) => d.id);
    notes.push(
      `cache-tags: ${mode.header} (from the input): objects are tagged in metadata ${metaName}; ${ids.join(', ')} invalidated by tags`,
    );
    return { tagging: { metaName, ids }, notes };
  }
  let metaName: string | null = null;
  const ids: string[] = [];
  for (const d of config.distributions) {
    const fact = facts.distributions[d.id];
    if (!fact) {
      notes.push(`${d.id}: configuration not read: invalidating by paths`);
    } else if (!fact.read) {
      notes.push(
        `${d.id}: configuration not readable (${fact.why}): invalidating by paths; grant cloudfront:GetDistributionConfig to use cache tags`,
      );
    } else if (!fact.cacheTagHeader) {
      notes.push(`${d.id}: no CacheTagConfig: invalidating by paths`);
    } else {
      const m = /^x-amz-meta-([a-z0-9][a-z0-9_-]*)$/i.exec(fact.cacheTagHeader.trim());
      const name = m?.[1]?.toLowerCase();
      if (!name) {
        notes.push(`${d.id}: CacheTagConfig reads ${fact.cacheTagHeader}, which S3 metadata cannot set: invalidating by paths`);
      } else if (metaName !== null && name !== metaName) {
        notes.push(`${d.id}: CacheTagConfig reads x-amz-meta-${name}, but this run tags into ${metaName}: invalidating by paths`);
      } else {
        metaName = name;
        ids.push(d.id);
        notes.push(`${d.id}: CacheTagConfig reads ${fact.cacheTagHeader}: objects are tagged in metadata ${name}, invalidated by tags`);
      }
    }
  }
  if (metaName === null && facts.state?.tags && config.distributions.some((d) => !facts.distributions[d.id]?.read)) {
    // A run that could not read the configuration (invalidate: none, or no permission) keeps writing the tags the
    // ledger records, so the objects' headers do not flip and get rewritten, but invalidates nothing by tag.
    const kept = facts.state.tags.meta;
    notes.push(`cache-tags: objects keep their tags in metadata ${kept} (from the ledger); nothing is invalidated by tag`);
    return { tagging: { metaName: kept, ids: [] }, notes };
  }
  return { tagging: metaName === null ? null : { metaName, ids }, notes };
}
