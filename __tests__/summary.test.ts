// The job summary as a person reads it: a golden file of a representative deploy, and the size bound.
import fs from 'node:fs';
import path from 'node:path';
import { outputsOf, estimateCost, type Report } from '../src/report/report.js';
import { summaryMarkdown } from '../src/report/summary.js';

const GOLDEN = path.join('__tests__', 'golden', 'summary.md');

function sampleReport(): Report {
  return {
    version: 1,
    dryRun: false,
    bucket: 'my-site',
    prefix: 'docs/',
    sourceDir: '/w/dist',
    diff: { source: 'git push before..after (1111111..2222222)', files: 4 },
    totals: { uploaded: 4, unchanged: 120, deleted: 1, skipped: 2, uploadedBytes: 123456, fingerprinted: 40 },
    files: [
      {
        key: 'docs/index.html',
        path: 'index.html',
        action: 'upload',
        reason: 'content-changed',
        fingerprinted: false,
        cacheControl: 'public, max-age=0, s-maxage=86400, must-revalidate',
      },
      {
        key: 'docs/assets/app-Bq3x7KeL.js',
        path: 'assets/app-Bq3x7KeL.js',
        action: 'upload',
        reason: 'new',
        fingerprinted: true,
        cacheControl: 'public, max-age=31536000, immutable',
      },
      {
        key: 'docs/assets/app-Zx9y8W7v.js',
        path: 'assets/app-Zx9y8W7v.js',
        action: 'delete',
        reason: 'removed-locally',
        fingerprinted: true,
      },
      {
        key: 'docs/img/a|b.png',
        path: 'img/a|b.png',
        action: 'upload',
        reason: 'size-changed',
        fingerprinted: false,
        cacheControl: 'public, max-age=0, s-maxage=86400, must-revalidate',
      },
      { key: 'docs/guide/x.html', path: 'guide/x.html', action: 'unchanged', reason: 'md5-match', fingerprinted: false },
      { key: 'docs/.env', path: '.env', action: 'skip', reason: 'dotfile' },
    ],
    invalidations: [
      {
        distributionId: 'E2QWRUHAPOMQZL',
        id: 'I2J0I21PCUYOIK',
        status: 'Completed',
        paths: ['/', '/index.html', '/img/a%7Cb.png', '/guide/*'],
        wildcards: 1,
        billedPaths: 4,
        collateral: 3,
        reason: '9 stale paths over budget 4: 3 exact + 1 wildcards, collateral 3 objects',
        stale: [
          { path: '/', reason: 'overwritten', source: 'docs/index.html' },
          { path: '/index.html', reason: 'overwritten', source: 'docs/index.html' },
          { path: '/img/a|b.png', reason: 'overwritten', source: 'docs/img/a|b.png' },
          ...['a', 'b', 'c', 'd', 'e', 'f'].map((n) => ({
            path: `/guide/${n}.html`,
            reason: 'diff-modified' as const,
            source: `site/guide/${n}.html`,
          })),
        ],
        monthPathsBefore: 998,
        estimatedCostUsd: estimateCost(4, 998),
        wildcardDetails: [{ path: '/guide/*', covers: 6, collateral: 3 }],
        items: { paths: ['/', '/index.html', '/img/a%7Cb.png'], wildcards: ['/guide/*'], tags: [] },
        advice: [
          'max-paths 4 forced 1 wildcard(s) that also evict 3 unchanged cached object(s). max-paths: 9 would have sent a cover with no collateral (5 more billed paths at most).',
        ],
      },
    ],
    warnings: ['Skipped symlink leak.txt: it points outside source-dir, so it is never followed or uploaded'],
    timingsMs: {},
  };
}

describe('job summary', () => {
  it('matches the golden file (regenerate with UPDATE_GOLDEN=1 after an intended change, and review the diff)', () => {
    const md = summaryMarkdown(sampleReport());
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, md);
    expect(md).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('escapes table-breaking characters in paths', () => {
    const md = summaryMarkdown(sampleReport());
    expect(md).toContain('| `img/a\\|b.png` |');
    expect(md).not.toMatch(/\| `img\/a\|b\.png` \|/);
  });

  it('stays far below the 1 MiB summary limit on a 100,000-file deploy', () => {
    const r = sampleReport();
    r.files = Array.from({ length: 100_000 }, (_, i) => ({
      key: `docs/p/${i}/${'x'.repeat(80)}.html`,
      path: `p/${i}/${'x'.repeat(80)}.html`,
      action: 'upload' as const,
      reason: 'content-changed',
      cacheControl: 'public, max-age=0, s-maxage=86400, must-revalidate',
    }));
    r.invalidations[0]!.paths = [...r.files].slice(0, 3000).map((f) => `/${f.path}`);
    r.invalidations[0]!.stale = [...r.files].map((f) => ({ path: `/${f.path}`, reason: 'overwritten' as const }));
    const md = summaryMarkdown(r);
    expect(Buffer.byteLength(md)).toBeLessThan(512 * 1024);
    expect(md).toContain('99500 more rows in the JSON report');
  });

  it('stays under the 1 MiB step-summary limit at any size: long keys, many distributions, long warnings', () => {
    const r = sampleReport();
    const long = (i: number) => `p/${i}/${'y'.repeat(1000)}.html`;
    r.files = Array.from({ length: 20_000 }, (_, i) => ({
      key: `docs/${long(i)}`,
      path: long(i),
      action: 'upload' as const,
      reason: 'content-changed',
      cacheControl: 'public, max-age=0, s-maxage=86400, must-revalidate',
    }));
    const inv = r.invalidations[0]!;
    r.invalidations = ['E1', 'E2', 'E3', 'E4'].map((id) => ({
      ...inv,
      distributionId: id,
      paths: [...r.files].slice(0, 3000).map((f) => `/${f.path}`),
      stale: [...r.files].map((f) => ({ path: `/${f.path}`, reason: 'overwritten' as const })),
    }));
    r.warnings = Array.from({ length: 200 }, (_, i) => `warning ${i}: ${'w'.repeat(20_000)}`);
    const md = summaryMarkdown(r);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1024 * 1024);
    // The aggregate comes first and whole; what did not fit is counted, and the report file has it all.
    expect(md).toContain('| uploaded | unchanged | deleted | skipped | uploaded bytes | fingerprinted |');
    expect(md).toContain('| E1 |');
    expect(md).toMatch(
      /\.\.\. \d+ more lines? of this summary left out \(GitHub's 1 MiB step-summary limit\); everything is in the JSON report/,
    );
    // An open <details> is closed again.
    expect(md.split('<details>').length).toBe(md.split('</details>').length);
  });

  it('sets the outputs from the report', () => {
    expect(outputsOf(sampleReport(), '/tmp/r.json')).toEqual({
      'invalidation-id': 'I2J0I21PCUYOIK',
      'invalidation-ids': '{"E2QWRUHAPOMQZL":"I2J0I21PCUYOIK"}',
      'invalidation-paths': '["/","/index.html","/img/a%7Cb.png","/guide/*"]',
      'invalidation-paths-truncated': 'false',
      'invalidation-status': 'Completed',
      uploaded: '4',
      deleted: '1',
      unchanged: '120',
      report: '/tmp/r.json',
      url: '',
      'deploy-id': '',
    });
    expect(outputsOf({ ...sampleReport(), deployId: 12 }, '/tmp/r.json')['deploy-id']).toBe('12');
    expect(outputsOf({ ...sampleReport(), url: 'https://pr-7.preview.example.com/' }, '/tmp/r.json').url).toBe(
      'https://pr-7.preview.example.com/',
    );
  });

  it.each<[number, number | null, number | null]>([
    [5, 0, 0],
    [5, 998, 0.015],
    [5, 2000, 0.025],
    [5, null, null],
  ])('estimateCost(%d billed, %p earlier this month) = %p', (billed, before, cost) => {
    expect(estimateCost(billed, before)).toBe(cost);
  });
});
