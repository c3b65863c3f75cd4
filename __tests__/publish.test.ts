// writeReport: the report file is the report (JSON.parse gives it back exactly), with one line per file row.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { writeReport } from '../src/io/runner/publish.js';
import { jsonArrayWithin, type FileReport, type Report } from '../src/report/report.js';
import { tmpDir } from './support/harness.js';
import { pipelineRun } from './support/memory.js';

const base: Omit<Report, 'files'> = {
  version: 1,
  dryRun: false,
  bucket: 'site',
  prefix: 'p/',
  sourceDir: '/src',
  diff: { source: 'git', files: 2 },
  totals: { uploaded: 1, unchanged: 2, deleted: 0, skipped: 0, uploadedBytes: 10, fingerprinted: 0 },
  invalidations: [],
  warnings: ['a "quoted" warning', 'files: "\\u0000files\\u0000"'],
  timingsMs: { scan: 1 },
};
const row = fc.record<FileReport>({
  key: fc.string({ unit: 'binary' }),
  path: fc.string({ unit: 'binary' }),
  action: fc.constantFrom('upload', 'unchanged', 'delete', 'skip'),
  reason: fc.string(),
});

describe('writeReport', () => {
  const file = path.join(tmpDir('publish'), 'nested', 'report.json');
  it('round-trips any rows (quotes, NUL, line breaks, lone surrogates in keys) with one line per row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 2500 }), async (files) => {
        const report = { ...base, files } as Report;
        await writeReport(file, report);
        const text = fs.readFileSync(file, 'utf8');
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
        const rowLines = text.split('\n').filter((l) => l.startsWith('    {'));
        expect(rowLines).toHaveLength(files.length);
        expect(text.endsWith('}\n')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('outputs passed on through env:', () => {
  it('invalidation-paths of a 3,000-path invalidation fits one environment variable; the whole list is in the report', async () => {
    const paths = Array.from({ length: 3000 }, (_, i) => `/docs/section-${String(i).padStart(4, '0')}/a-rather-long-page-name.html`);
    const r = await pipelineRun(
      { upload: 'false', 'source-dir': '', 'distribution-id': 'E1ABCDEFGH', 'max-paths': '3000', paths: paths.join('\n') },
      {},
    );
    expect(r.failure).toBeNull();
    expect(r.report!.invalidations[0]!.paths).toHaveLength(3000);
    const value = r.outputs['invalidation-paths']!;
    // As a workflow step receives it: `env: { INVALIDATION_PATHS: ${{ steps.x.outputs.invalidation-paths }} }`.
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(JSON.parse(process.env.INVALIDATION_PATHS).length))'], {
      env: { ...process.env, INVALIDATION_PATHS: value },
      encoding: 'utf8',
    });
    expect(child.error).toBeUndefined();
    const shown = Number(child.stdout);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(3000);
    expect(JSON.parse(value)).toEqual(r.report!.invalidations[0]!.paths.slice(0, shown));
    expect(r.outputs['invalidation-paths-truncated']).toBe('true');
    expect(r.log.lines.notice.some((n) => n.includes(`first ${shown} of 3000 paths`) && n.includes('report file'))).toBe(true);
  });

  it('a list that fits is whole', () => {
    expect(jsonArrayWithin(['/a', '/b'], 64)).toEqual({ json: '["/a","/b"]', complete: true });
    expect(jsonArrayWithin(['/a', '/b'], 11)).toEqual({ json: '["/a","/b"]', complete: true });
    expect(jsonArrayWithin(['/a', '/b'], 10)).toEqual({ json: '["/a"]', complete: false });
    expect(jsonArrayWithin(['/é'], 7)).toEqual({ json: '["/é"]', complete: true });
    expect(jsonArrayWithin(['/é'], 6)).toEqual({ json: '[]', complete: false }); // bytes, not characters
  });
});
