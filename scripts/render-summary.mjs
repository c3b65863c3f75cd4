// Render a job summary (Markdown) to HTML roughly as GitHub does, and screenshot it with headless Chromium:
//   node scripts/render-summary.mjs [summary.md] [out.png]
// Needs Debian's chromium (apt-get install -y chromium). Used to look at the summary as a person would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { marked } from 'marked';

const input = process.argv[2] ?? '__tests__/golden/summary.md';
const out = path.resolve(process.argv[3] ?? path.join(os.tmpdir(), 'summary.png'));
// GitHub alerts (> [!TIP]) as styled blockquotes.
const md = fs.readFileSync(input, 'utf8').replace(/^> \[!(TIP|CAUTION|NOTE|WARNING)\]\n> /gm, (_, k) => `> **${k}** `);
const html = `<!doctype html><meta charset="utf-8"><style>
body{font:14px -apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:900px;margin:24px;color:#1f2328}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:4px 10px}th{background:#f6f8fa}
code{background:#eff1f3;padding:1px 4px;border-radius:4px;font-size:12px}blockquote{border-left:4px solid #1a7f37;margin:8px 0;padding:2px 12px;color:#3b434b}
details{margin:6px 0}summary{cursor:pointer;font-weight:600}
</style><body>${marked.parse(md, { gfm: true })}</body>`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-'));
fs.writeFileSync(path.join(dir, 'index.html'), html);
execFileSync(
  'chromium',
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${path.join(dir, 'profile')}`,
    '--window-size=980,1500',
    `--screenshot=${out}`,
    `file://${path.join(dir, 'index.html')}`,
  ],
  { stdio: 'ignore' },
);
console.log(out);
