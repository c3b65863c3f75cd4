// writeReport: the report file is the report (JSON.parse gives it back exactly), with one line per file row.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { writeReport } from '../src/io/publish.js';
import type { FileReport, Report } from '../src/report.js';
import { tmpDir } from './support/harness.js';

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
