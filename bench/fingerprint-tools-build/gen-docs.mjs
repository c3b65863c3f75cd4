// Doc-based fixture tables: names from each tool's documented naming templates, tokens drawn at random
// in the tool's alphabet and length (seeded), a second build with a third of the contents changed.
import fs from 'node:fs';
import crypto from 'node:crypto';
const TOOLS = process.env.TOOLS_DIR ?? '/tmp/fingerprint-tools';
const FIXTURES = new URL('../../__tests__/fixtures/fingerprint-tools/', import.meta.url).pathname;
let seed = 21;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const HEX = '0123456789abcdef',
  B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const draw = (abc, n) => Array.from({ length: n }, () => pick(abc)).join('');
const gen = {
  hex: (n) => draw(HEX, n),
  b64: (n) => draw(B64, n),
  b32: (n) => draw(B32, n),
  an: (n) => draw(AN, n),
  digits: (n) => {
    let t;
    do {
      t = draw('0123456789', n);
    } while (/^0/.test(t));
    return t;
  },
  uuid: () => {
    const h = draw(HEX, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${pick('89ab')}${h.slice(17, 20)}-${h.slice(20)}`;
  },
  nano: (n) => draw(B64, n),
};
// placeholder: {kind:n} token (content hash); {id:kind:n} build id shared by the build; {n:kind:n} constant non-hash part drawn once per row
const PH = /\{(?:(id|n):)?(hex|b64|b32|an|digits|uuid|nano)(?::([0-9]+))?\}/g;
const md5 = () => crypto.createHash('md5').update(String(rnd())).digest('hex');
function expand(tool) {
  const rows = [];
  for (const [tpl, count = 1, names] of tool.rows) {
    for (let i = 0; i < count; i++) {
      const name = names ? names[i % names.length] : '';
      rows.push({ tpl: tpl.replaceAll('{name}', name), consts: {}, tokens: null });
    }
  }
  const builds = [];
  const ids = {};
  for (let b = 0; b < 2; b++) {
    const files = [];
    for (const r of rows) {
      const change = b === 0 || rnd() < 0.35;
      if (b === 0) r.md5 = md5();
      else if (change) r.md5 = md5();
      let k = 0;
      const toks = [];
      const path = r.tpl.replace(PH, (m, role, kind, n) => {
        const key = `${k++}`;
        if (role === 'id') {
          const idk = `${b}:${m}`;
          ids[idk] ??= gen[kind](Number(n));
          toks.push(ids[idk]);
          return ids[idk];
        }
        if (role === 'n') {
          r.consts[key] ??= gen[kind](Number(n));
          return r.consts[key];
        }
        if (b === 0 || change || !r.last?.[key]) {
          r.last ??= {};
          r.last[key] = gen[kind](Number(n));
        }
        toks.push(r.last[key]);
        return r.last[key];
      });
      const isHashed = toks.length > 0;
      if (!isHashed && b === 1 && rnd() < 0.3) r.md5 = md5();
      const source = r.tpl.includes('{id:') ? 'buildid' : isHashed ? 'template' : 'fixed';
      files.push({ path, md5: r.md5, token: isHashed ? toks.join(' ') : null, source });
    }
    builds.push({ files: [...new Map(files.map((f) => [f.path, f])).values()] });
  }
  return builds;
}
const T = JSON.parse(fs.readFileSync(`${TOOLS}/doc-tools.json`, 'utf8'));
for (const tool of T) {
  const builds = expand(tool);
  const fx = {
    tool: tool.tool,
    built: false,
    version: tool.version,
    naming: tool.naming,
    sources: {
      template: `written from the documented template (${tool.cite}); token drawn at random in its alphabet and length`,
      buildid: `per-build id from the documented layout (${tool.cite}); new every build`,
      fixed: `fixed name from the documented layout or a public/static copy (${tool.cite})`,
      ...(tool.extraSources ?? {}),
    },
    builds,
  };
  fs.writeFileSync(`${FIXTURES}${tool.tool}.json`, JSON.stringify(fx, null, 1) + '\n');
  console.log(tool.tool, builds.map((b) => `${b.files.length}/${b.files.filter((f) => f.token).length}`).join(' '));
}
