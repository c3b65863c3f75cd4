// Fingerprint name anatomy: <stem>[.<modifier>].<ext>[<trailer>]

/** Suffixes after the real extension that inherit the hashed-ness of the file they belong to:
 *  source maps, webpack `.LICENSE.txt`, esbuild `.LEGAL.txt`, precompressed copies. */
const TRAILER = /\.(?:map|gz|br|zst|LICENSE\.txt|LEGAL\.txt)$/;
const EXTENSION = /\.([A-Za-z0-9]{1,12})$/;
/** Constant words some templates put between the hash and the extension:
 *  CRA `main.1a2b3c4d.chunk.js`, `[name].[contenthash].bundle.js`, `x.<hash>.min.js`, VitePress `.lean.js`. */
const MODIFIER = /\.(?:chunk|bundle|min|lean)$/;
/** Any constant lower-case word (or `es2015`-style target) after the hash: Storybook's webpack builder
 *  `main.<hash>.iframe.bundle.js`, CSS modules `x.<hash>.module.css`, `name.<hash>.chunk.min.js`,
 *  Propshaft `x-<hash>.digested.js`. Up to three are peeled off, one at a time, and the name is tested
 *  at each step (the token must still sit right before the peeled words). */
const CONSTANT_WORD = /^(?:[a-z]{2,12}|es[0-9]{1,4})$/;
export const HTML_EXT = new Set(['html', 'htm', 'xhtml']);

export interface NameParts {
  /** Base name without trailer, extension and modifier. */
  stem: string;
  /** Real extension, lower case ('' when none). */
  ext: string;
  /** Candidate stems where a hash may end: the name without extension, then with up to three constant
   *  words peeled off (`stem` is one of them). */
  stems: string[];
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function nameParts(path: string): NameParts {
  let b = baseName(path);
  for (let i = 0; i < 3; i++) {
    const t = TRAILER.exec(b);
    if (!t || t.index === 0) break;
    b = b.slice(0, t.index);
  }
  const e = EXTENSION.exec(b);
  if (!e || e.index === 0) return { stem: b, ext: '', stems: [b] };
  const full = b.slice(0, e.index);
  let stem = full;
  for (let i = 0; i < 2; i++) {
    const m = MODIFIER.exec(stem);
    if (!m || m.index === 0) break;
    stem = stem.slice(0, m.index);
  }
  const stems = [full];
  let s = full;
  for (let i = 0; i < 3; i++) {
    const dot = s.lastIndexOf('.');
    if (dot <= 0 || !CONSTANT_WORD.test(s.slice(dot + 1))) break;
    s = s.slice(0, dot);
    stems.push(s);
  }
  if (!stems.includes(stem)) stems.push(stem);
  // wasm-bindgen names the module of `<name>-<hash>.js` `<name>-<hash>_bg.wasm` (Trunk, wasm-pack): the
  // hash sits before the constant `_bg`.
  for (const s0 of [...stems]) if (s0.endsWith('_bg') && s0.length > 3 && !stems.includes(s0.slice(0, -3))) stems.push(s0.slice(0, -3));
  return { stem, ext: (e[1] ?? '').toLowerCase(), stems };
}
