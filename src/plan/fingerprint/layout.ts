// Fingerprint layout rules: directories and names that decide on their own.
import type { FingerprintVerdict } from '../../model/data.js';
import { HTML_EXT, nameParts, type NameParts } from './names.js';
import { hashTokenOf, relaxedTokenOf } from './tokens.js';

const WELL_KNOWN = /(?:^|\/)\.well-known\//;
const NEXT_SEGMENT_PAYLOAD = /(?:^|\/)__next[._][^/]*$/;
/** Next.js serves all of `/_next/static/` with `immutable` itself: chunk/css/media names carry content
 *  hashes, and `_next/static/<buildId>/_buildManifest.js` / `_ssgManifest.js` sit in a directory that is
 *  new for every build, so no URL there is ever reused for other content. (A constant custom
 *  `generateBuildId` would break that, and Next's own caching along with it.) */
const NEXT_STATIC = /(?:^|\/)_next\/static\//;
/** SvelteKit: `<appDir>/immutable/` holds only content-hashed files ("can be cached forever"). */
const SVELTEKIT_IMMUTABLE = /(?:^|\/)_app\/immutable\//;
/** Gatsby: `static/<md5 content digest>/<original name>` (files imported or queried via publicURL). */
const GATSBY_STATIC = /(?:^|\/)static\/[0-9a-f]{32}\//;
/** Nuxt 3.8+ app manifest: `<buildAssetsDir>/builds/meta/<buildId>.json`, the build id a random UUID
 *  (`crypto.randomUUID()` unless `app.buildId` is set), written once per build and never reused
 *  (`builds/latest.json`, which names the current id, is the mutable pointer). */
const NUXT_BUILD_META = /(?:^|\/)_nuxt\/builds\/meta\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/i;
/** Astro `build.assets` and Nuxt `buildAssetsDir`: generated files only, but not all hashed (Nuxt's
 *  `_nuxt/builds/latest.json` is mutable), so a hash token is still required. */
const GENERATED_DIRS: Array<[RegExp, string]> = [
  [/(?:^|\/)_astro\//, 'under _astro/ (Astro build assets)'],
  [/(?:^|\/)_nuxt\//, 'under _nuxt/ (Nuxt build assets)'],
];

/**
 * Verdicts are shared, one per distinct reason (a site of a million files has a few dozen reasons, except those
 * naming a file's own token): frozen, so no holder can change another's. The cache is bounded.
 */
const shared = [new Map<string, FingerprintVerdict>(), new Map<string, FingerprintVerdict>()];
const SHARED_MAX = 10_000;
function verdict(fingerprinted: boolean, reason: string): FingerprintVerdict {
  const cache = shared[fingerprinted ? 1 : 0]!;
  const seen = cache.get(reason);
  if (seen) return seen;
  const v = Object.freeze({ fingerprinted, reason });
  if (cache.size < SHARED_MAX) cache.set(reason, v);
  return v;
}

export function yes(reason: string): FingerprintVerdict {
  return verdict(true, reason);
}
/** The evidence a verdict rests on, in the report: which rule (the reason) and which token of the name. */
export function withToken(reason: string, token: string): string {
  return `${reason} [token '${token}']`;
}
export function no(reason: string): FingerprintVerdict {
  return verdict(false, reason);
}

/** Verdicts that override every automatic rule (but not the user's explicit patterns). */
export function neverFingerprinted(path: string, parts: NameParts): FingerprintVerdict | null {
  if (HTML_EXT.has(parts.ext)) return no('HTML document: entry pages must stay mutable, never fingerprinted');
  if (WELL_KNOWN.test(path)) return no('.well-known/ URLs are fixed by their specs and stay mutable');
  // Next.js 16 App Router static export: per-route RSC segment payloads named from the route tree
  // (`__next.blog.$d$slug.__PAGE__.txt`, `__next._tree.txt`), rewritten in place on every build.
  if (path.includes('__next') && NEXT_SEGMENT_PAYLOAD.test(path))
    return no('Next.js route segment payload (__next.*): rewritten in place, mutable');
  return null;
}

/** Directory and name rules only; used when no manifest or user pattern applies. */
export function isFingerprintedName(path: string): FingerprintVerdict {
  const parts = nameParts(path);
  return neverFingerprinted(path, parts) ?? layoutVerdict(path, parts);
}

export function layoutVerdict(path: string, parts: NameParts): FingerprintVerdict {
  return layoutEvidence(path, parts).verdict;
}

/** The layout verdict and, when a name rule decided it, the token it rests on. */
export function layoutEvidence(path: string, parts: NameParts): { verdict: FingerprintVerdict; token?: string } {
  if (NEXT_STATIC.test(path))
    return { verdict: yes('under _next/static/ (Next.js immutable build assets: hashed names or a per-build directory)') };
  if (SVELTEKIT_IMMUTABLE.test(path)) return { verdict: yes('under _app/immutable/ (SvelteKit immutable, content-hashed assets)') };
  if (GATSBY_STATIC.test(path)) return { verdict: yes('under static/<md5>/ (Gatsby content-digest directory)') };
  const meta = NUXT_BUILD_META.exec(path);
  if (meta)
    return {
      verdict: yes(withToken('Nuxt build-id manifest (_nuxt/builds/meta/<uuid>.json: one per build, never rewritten)', meta[1] ?? '')),
    };
  if (parts.ext === '') return { verdict: no('no extension: not a bundler output name') };
  for (const [re, where] of GENERATED_DIRS) {
    if (re.test(path)) {
      const hit = relaxedTokenOf(parts);
      return hit
        ? { verdict: yes(withToken(`${where}; ${hit.reason}`, hit.token)), token: hit.token }
        : { verdict: no(`${where} but no content-hash token in the name`) };
    }
  }
  const hit = hashTokenOf(parts);
  return hit ? { verdict: yes(withToken(hit.reason, hit.token)), token: hit.token } : { verdict: no('no content-hash token in the name') };
}
