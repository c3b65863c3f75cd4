import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
const TOOLS = process.env.TOOLS_DIR ?? '/tmp/fingerprint-tools';
const FIXTURES = new URL('../../__tests__/fixtures/fingerprint-tools/', import.meta.url).pathname;
const V = (p) => JSON.parse(fs.readFileSync(`${TOOLS}/node_modules/${p}/package.json`, 'utf8')).version;
function walk(root, dir = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(root, rel));
    else out.push(rel);
  }
  return out.sort();
}
const md5 = (f) => crypto.createHash('md5').update(fs.readFileSync(f)).digest('hex');
const tools = {
  parcel: {
    version: `parcel ${V('parcel')}`,
    naming:
      'Parcel 2 default namer: `[name].[hash].[ext]`, 8 hex (https://parceljs.org/features/production/#content-hashing); HTML entries keep their names',
    re: /\.([0-9a-f]{8})\.(?:js|css|png|svg|woff2)$/,
  },
  rspack: {
    version: `@rspack/core ${V('@rspack/core')}`,
    naming:
      'Rspack `output.filename: [name].[contenthash].js` (contenthash = 16 hex, output.hashDigestLength default 16) and asset modules default `assetModuleFilename: [hash][ext][query]` (https://rspack.rs/config/output)',
    re: /(?:\.|^)([0-9a-f]{16})\.(?:js|css|png|svg|woff2)(?:\.map)?$/,
  },
  'rspack-hash-first': {
    version: `@rspack/core ${V('@rspack/core')}`,
    naming:
      'Rspack with the hash before the name: `[contenthash:8]-[name].js`, `img/[contenthash:8]-[name][ext]` (output.filename / assetModuleFilename templates, https://rspack.rs/config/output#outputfilename)',
    re: /(?:^|\/)([0-9a-f]{8})-[^/]+$/,
  },
  rsbuild: {
    version: `@rsbuild/core ${V('@rsbuild/core')}`,
    naming:
      'Rsbuild defaults `output.filename`: js `[name].[contenthash:8].js`, css `[name].[contenthash:8].css`, media `[name].[contenthash:8][ext]` under static/ (https://rsbuild.rs/config/output/filename); public/ copied as is',
    re: /\.([0-9a-f]{8})\.(?:js|css|png|svg|woff2)$/,
  },
  'eleventy-img': {
    version: `@11ty/eleventy-img ${V('@11ty/eleventy-img')}`,
    naming:
      'eleventy-img default `filenameFormat`: `${id}-${width}.${format}`, id = 10-char base64url hash of source + options (https://www.11ty.dev/docs/plugins/image/#change-the-default-filename)',
    re: /^img\/([A-Za-z0-9_-]{10})-[0-9]+\.(?:webp|jpeg|avif)$/,
  },
};
for (const [tool, t] of Object.entries(tools)) {
  const builds = ['out1', 'out2'].map((o) => {
    const root = `${TOOLS}/${o}/${tool}`;
    return {
      files: walk(root).map((p) => {
        const m = t.re.exec(p);
        return { path: p, md5: md5(path.join(root, p)), token: m ? m[1] : null, source: m ? 'template' : 'copied' };
      }),
    };
  });
  // check: a hashed name never holds two contents across builds; an unhashed one keeps its name
  const first = new Map(builds[0].files.map((f) => [f.path, f.md5]));
  for (const f of builds[1].files)
    if (f.token && first.has(f.path) && first.get(f.path) !== f.md5) throw new Error(`${tool}: ${f.path} reused`);
  const fx = {
    tool,
    built: true,
    version: t.version,
    naming: t.naming,
    sources: {
      template: `built for real (${t.version}); the token is the template's hash, confirmed by a rebuild with changed inputs: every changed file got a new name`,
      copied: 'built for real; entry HTML or a file copied from public/ (name kept across the rebuild)',
    },
    builds,
  };
  fs.writeFileSync(`${FIXTURES}${tool}.json`, JSON.stringify(fx, null, 1) + '\n');
  console.log(tool, builds.map((b) => `${b.files.length} files, ${b.files.filter((f) => f.token).length} hashed`).join(' | '));
}
