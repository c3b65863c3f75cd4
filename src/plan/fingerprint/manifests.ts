// Fingerprint evidence from bundler manifests (Vite, create-react-app, webpack-manifest-plugin).
import type { FingerprintVerdict } from '../../model/data.js';
import { DATE8, isPlainPart, looksEnglish } from './words.js';
import { baseName, nameParts, type NameParts } from './names.js';
import { HEX, hashTokenOf } from './tokens.js';
import { yes } from './layout.js';

export interface ManifestClaim {
  manifest: string;
  /** The source/logical name the bundler derived the output name from, when the manifest says it. */
  logical?: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function dirName(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/**
 * Map a manifest reference to a build file: Vite's paths are relative to the outDir, CRA and
 * webpack-manifest-plugin give URL paths that carry the public path (`/static/js/x.js`,
 * `/app/static/js/x.js`, `https://cdn/x.js`). Leading segments are dropped until a build file matches.
 */
function resolveRef(ref: string, baseDir: string, files: Set<string>): string | null {
  let p = ref.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  try {
    p = decodeURI(p);
  } catch {
    /* keep as is */
  }
  const segs = p.split('/').filter((s) => s !== '' && s !== '.');
  for (let i = 0; i < segs.length; i++) {
    const rel = segs.slice(i).join('/');
    const candidate = baseDir ? `${baseDir}/${rel}` : rel;
    if (files.has(candidate)) return candidate;
  }
  return null;
}

/** Read every manifest into claims: build file -> which manifest lists it, under what logical name. */
export function manifestClaims(manifests: Record<string, string>, files: Set<string>): Map<string, ManifestClaim> {
  const claims = new Map<string, ManifestClaim>();
  for (const [mPath, text] of Object.entries(manifests)) {
    let json: Json;
    try {
      json = JSON.parse(text) as Json;
    } catch {
      continue;
    }
    if (!isObject(json)) continue;
    const vite = /(?:^|\/)\.vite\/manifest\.json$/.test(mPath);
    // Vite: relative to the outDir, the folder holding `.vite/` (or holding manifest.json for Vite <= 4).
    const baseDir = vite ? dirName(dirName(mPath)) : dirName(mPath);
    const claim = (ref: Json | undefined, logical?: string): void => {
      if (typeof ref !== 'string') return;
      const file = resolveRef(ref, baseDir, files);
      // First claim wins, except that one naming the logical source beats one that does not.
      if (file && (!claims.has(file) || (logical && claims.get(file)?.logical === undefined))) {
        claims.set(file, logical ? { manifest: mPath, logical } : { manifest: mPath });
      }
    };
    const values = Object.values(json);
    if (values.length > 0 && values.every((v) => isObject(v) && typeof v['file'] === 'string')) {
      // Vite: { "<src>": { file, name?, names?, src?, css?: [], assets?: [] } }
      for (const v of values as Array<{ [k: string]: Json }>) {
        const names = v['names'];
        const name =
          typeof v['name'] === 'string'
            ? v['name']
            : Array.isArray(names) && typeof names[0] === 'string'
              ? names[0]
              : typeof v['src'] === 'string'
                ? v['src']
                : undefined;
        claim(v['file'], name);
        for (const c of Array.isArray(v['css']) ? v['css'] : []) claim(c, typeof v['name'] === 'string' ? v['name'] : undefined);
        for (const a of Array.isArray(v['assets']) ? v['assets'] : []) claim(a);
      }
    } else if (isObject(json['files'])) {
      // CRA asset-manifest.json: { files: { "<logical name>": "/<public path>/<output>" }, entrypoints: [] }
      for (const [k, v] of Object.entries(json['files'])) claim(v, k);
      const entry = json['entrypoints'];
      for (const e of Array.isArray(entry) ? entry : []) claim(e);
    } else if (values.length > 0 && values.every((v) => typeof v === 'string')) {
      // webpack-manifest-plugin: { "<logical name>": "<public path>/<output>" }. A PWA manifest with only
      // string fields also lands here; its values are not build files, or are checked like any other.
      for (const [k, v] of Object.entries(json)) claim(v, k);
    }
  }
  return claims;
}

/**
 * With a manifest we know the logical name (`main.js`, chunk `about`, `src/assets/hero.png`), so the
 * part the bundler inserted can be isolated: `main.js` -> `main.3a2b1c00.js` inserted `3a2b1c00`.
 * Inserted text that is a hex digest of any composition (all digits, all letters; not a date), or a
 * base64url run of any length that does not read like words (`kqzvbwyx`, which the name rule alone
 * refuses), is the template's hash. `[name].js` templates insert nothing, and constant words
 * (`.bundle`, `-v2`, `-settings`) are rejected.
 */
function insertedHash(outputStem: string, logical: string): string | null {
  const lp = nameParts(logical);
  const ls = lp.ext ? lp.stem : baseName(logical);
  if (ls === '' || outputStem.length <= ls.length + 1 || !outputStem.startsWith(ls)) return null;
  if (!'.-_~'.includes(outputStem[ls.length] ?? '')) return null;
  const r = outputStem.slice(ls.length + 1);
  if (!/^[A-Za-z0-9_-]{6,128}$/.test(r)) return null;
  if (HEX.test(r)) return DATE8.test(r) ? null : r;
  if (/^[A-Z]+$/.test(r) && looksEnglish(r)) return null;
  // Any length (custom `[hash:10]`) and any letters (`kqzvbwyx`), unless it reads as words or numbers.
  return r.split(/[-_]/).every(isPlainPart) ? null : r;
}

export function manifestVerdict(parts: NameParts, claim: ManifestClaim): FingerprintVerdict | null {
  if (claim.logical !== undefined && parts.ext !== '') {
    const h = insertedHash(parts.stem, claim.logical);
    if (h) return yes(`listed as hashed output in ${claim.manifest} ('${claim.logical}' -> content hash '${h}')`);
  }
  if (parts.ext === '') return null;
  const hit = hashTokenOf(parts);
  return hit ? yes(`listed as hashed output in ${claim.manifest}; ${hit.reason}`) : null;
}
