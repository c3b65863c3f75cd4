// Fingerprint classifier: is a build file's NAME content-hashed by its bundler?
//
// A fingerprinted file gets a new name whenever its content changes, so it may be cached
// `immutable, max-age=31536000` and never needs a CloudFront invalidation. A false positive gives a
// mutable file a one-year immutable cache, so every rule here prefers a miss to a wrong hit.
//
// Pure: plain data in, plain data out (no fs, no process.env). Evidence, strongest first:
//   1. the user's `fingerprint-patterns` globs;
//   2. never: HTML documents and `.well-known/` (entry URLs must stay mutable);
//   3. bundler manifests (`.vite/manifest.json`, CRA `asset-manifest.json`, webpack-manifest-plugin);
//   4. directories whose framework guarantees hashed names (`_next/static/`, `_app/immutable/`, ...);
//   5. the name itself: a hash token right before the extension, in a format some bundler emits;
//   6. history: name shapes learned from earlier deploys (`fingerprint-history.ts`);
//   7. context: a name in the position of a template that several siblings of the build prove
//      (`fingerprint/siblings.ts`): same directory, separator, text after the token, length and alphabet.
// Every automatic verdict names its rule and the token it rests on (`[token '…']`), and reaches the report.
// Above all of them, a `demoted` path (its name was reused with new content) is never fingerprinted.

import picomatch from 'picomatch';
import type { FingerprintVerdict } from '../model/data.js';
import { buildIdOf, matchesShape, type LearnedShape } from './fingerprint-history.js';
import { layoutEvidence, neverFingerprinted, no, withToken, yes } from './fingerprint/layout.js';
import { dirName, manifestClaims, manifestVerdict, type ManifestClaim } from './fingerprint/manifests.js';
import { nameParts } from './fingerprint/names.js';
import { contextHits, type ProvenToken } from './fingerprint/siblings.js';

export { isFingerprintedName } from './fingerprint/layout.js';

export interface FingerprintInput {
  /** All file paths of the build, relative to the build dir, POSIX separators. */
  files: string[];
  /** Contents of manifest files found in the build, keyed by their relative path (the caller reads files whose paths match MANIFEST_GLOBS). */
  manifests: Record<string, string>;
  /** Extra user globs (picomatch syntax, relative paths) of files to treat as fingerprinted. */
  userPatterns?: string[];
  /** Name shapes proven by deploy history to carry a content hash (see `fingerprint-history.ts`). */
  learned?: LearnedShape[];
  /** Paths whose name was seen reused with new content: never fingerprinted, whatever else says so. */
  demoted?: ReadonlySet<string>;
}

/**
 * Manifest files the caller should read and pass in `manifests` (relative paths or picomatch globs).
 * - `.vite/manifest.json`: Vite >= 5 with `build.manifest` (a hidden dir, so also listed literally).
 * - `**\/.vite/manifest.json`: the same when the Vite outDir is a subfolder of the deployed dir.
 * - `manifest.json`: Vite <= 4 and webpack-manifest-plugin's default name. Usually it is a PWA web app
 *   manifest instead; that shape is recognised and ignored.
 * - `asset-manifest.json`: create-react-app (and react-scripts forks).
 * Not listed: Next.js `build-manifest.json` lives in `.next/`, not in the `out/` of a static export, and
 * everything it could list is under `_next/static/`, which the directory rule covers anyway.
 */
export const MANIFEST_GLOBS: string[] = ['.vite/manifest.json', '**/.vite/manifest.json', 'manifest.json', 'asset-manifest.json'];

function describeShape(s: LearnedShape): string {
  if (s.after === '/')
    return `${s.dir ? `${s.dir}/` : ''}<${s.length}-char ${s.alphabet} build id>/ (a build-id directory, replaced whole by the redeploy)`;
  return `${s.dir ? `${s.dir}/` : ''}${s.before}<${s.length}-char ${s.alphabet} hash>${s.after}`;
}

/** One verdict for every path in `input.files`. */
export function classifyFingerprints(input: FingerprintInput): Map<string, FingerprintVerdict> {
  const userMatchers = (input.userPatterns ?? [])
    .map((g) => g.trim())
    .filter((g) => g !== '')
    .map((g) => ({ glob: g, test: picomatch(g.replace(/^\.?\//, ''), { dot: true }) }));
  // The set of every path only where a manifest's references are resolved against it (a large site has none).
  const claims =
    Object.keys(input.manifests).length > 0 ? manifestClaims(input.manifests, new Set(input.files)) : new Map<string, ManifestClaim>();
  const out = new Map<string, FingerprintVerdict>();
  const learnedByDir = new Map<string, LearnedShape[]>();
  const idDirs: LearnedShape[] = [];
  for (const s of input.learned ?? []) {
    if (s.after === '/') idDirs.push(s);
    else learnedByDir.set(s.dir, [...(learnedByDir.get(s.dir) ?? []), s]);
  }
  const proven: ProvenToken[] = [];
  const undecided: string[] = [];
  for (const path of input.files) {
    // Demotion wins over everything, the user's own patterns included: it is an observed fact (this
    // name was served with one content and now has another), while a pattern is a declaration that the
    // build has just broken. Trusting the pattern would give the new content the old content's year-long
    // immutable cache; distrusting it costs one invalidation.
    if (input.demoted?.has(path)) {
      out.set(path, no('demoted: name reused with new content'));
      continue;
    }
    // The user's explicit list wins over everything else, HTML included: it is their declared contract.
    const user = userMatchers.find((m) => m.test(path));
    if (user) {
      out.set(path, yes(`user fingerprint-patterns glob '${user.glob}'`));
      continue;
    }
    const parts = nameParts(path);
    const never = neverFingerprinted(path, parts);
    if (never) {
      out.set(path, never);
      continue;
    }
    const claim = claims.get(path);
    const fromManifest = claim ? manifestVerdict(parts, claim) : null;
    const layout = fromManifest ? null : layoutEvidence(path, parts);
    const verdict = fromManifest ?? layout?.verdict ?? no('no content-hash token in the name');
    if (layout?.token && verdict.fingerprinted) proven.push({ path, token: layout.token });
    const shape = verdict.fingerprinted
      ? undefined
      : (learnedByDir.get(dirName(path))?.find((s) => matchesShape(path, s)) ?? idDirs.find((s) => matchesShape(path, s)));
    out.set(path, shape ? yes(withToken(`learned from history: ${describeShape(shape)}`, tokenOf(path, shape))) : verdict);
    if (!shape && !verdict.fingerprinted && parts.ext !== '') undecided.push(path);
  }
  // Context last: a name no rule decided, in the position of a template its siblings prove.
  for (const [path, hit] of contextHits(undecided, proven)) out.set(path, yes(withToken(hit.reason, hit.token)));
  return out;
}

function tokenOf(path: string, s: LearnedShape): string {
  if (s.after === '/') return buildIdOf(path, s) ?? '';
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.slice(s.before.length, s.before.length + s.length);
}
