#!/bin/bash
# usage: build.sh outroot
set -e
O=$1; T=${TOOLS_DIR:-/tmp/fingerprint-tools}; B=$T/node_modules/.bin
rm -rf $O; mkdir -p $O
# parcel
$B/parcel build src/index.html --dist-dir $O/parcel --no-cache --no-source-maps --log-level error >/dev/null
# rspack default-ish production config
cat > rspack.config.cjs <<'R'
module.exports = { mode: 'production', entry: './src/index.js', output: { path: process.env.OUT, filename: '[name].[contenthash].js', chunkFilename: '[name].[contenthash].js', assetModuleFilename: '[hash][ext][query]', clean: true },
  module: { rules: [ { test: /\.css$/, type: 'css' }, { test: /\.(png|woff2|svg)$/, type: 'asset/resource' } ] }, experiments: { css: true } };
R
OUT=$O/rspack $B/rspack build -c rspack.config.cjs >/dev/null
# rspack with hash before name
cat > rspack2.config.cjs <<'R'
module.exports = { mode: 'production', entry: './src/index.js', output: { path: process.env.OUT, filename: '[contenthash:8]-[name].js', chunkFilename: '[contenthash:8]-[name].js', cssFilename: '[contenthash:8]-[name].css', cssChunkFilename: '[contenthash:8]-[name].css', assetModuleFilename: 'img/[contenthash:8]-[name][ext]', clean: true},
  module: { rules: [ { test: /\.css$/, type: 'css' }, { test: /\.(png|woff2|svg)$/, type: 'asset/resource' } ] }, experiments: { css: true } };
R
OUT=$O/rspack-hash-first $B/rspack build -c rspack2.config.cjs >/dev/null
# rsbuild defaults
cat > rsbuild.config.mjs <<'R'
export default { source: { entry: { index: './src/index.js' } }, output: { distPath: { root: process.env.OUT }, sourceMap: false, dataUriLimit: 0 }, server: { publicDir: { name: 'public' } } };
R
OUT=$O/rsbuild $B/rsbuild build -c rsbuild.config.mjs >/dev/null
# eleventy-img defaults: widths, formats webp+jpeg
IMGS="$(cat imgs.txt)" OUT=$O/eleventy-img NODE_PATH=$T/node_modules node --input-type=module -e "
import Image from '@11ty/eleventy-img';
for (const f of process.env.IMGS.split(' ')) {
  await Image('src/'+f+'.png', { widths: [64, 120, 'auto'], formats: ['webp','jpeg','avif'], outputDir: process.env.OUT+'/img/' });
}" 
