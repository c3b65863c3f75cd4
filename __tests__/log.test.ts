// The Log port over @actions/core (src/io/runner/log.ts): what the runner reads from stdout, written by the toolkit.
import { annotationProperties, actionsLog, ANNOTATION_TITLE } from '../src/io/runner/log.js';

function captured(fn: () => void): string {
  let out = '';
  const orig = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = orig;
  }
  return out;
}

describe('annotations', () => {
  it('every one has a title; a file inside the workspace is given relative to it', () => {
    expect(annotationProperties(undefined, '/ws')).toEqual({ title: ANNOTATION_TITLE });
    expect(annotationProperties({ title: 'Large file', file: '/ws/site/big.bin' }, '/ws')).toEqual({
      title: 'Large file',
      file: 'site/big.bin',
    });
    expect(annotationProperties({ file: 'site/a b.html' }, '/ws')).toEqual({ title: ANNOTATION_TITLE, file: 'site/a b.html' });
    // GitHub cannot link a file outside the workspace: no file then.
    expect(annotationProperties({ title: 'T', file: '/tmp/build/a.html' }, '/ws')).toEqual({ title: 'T' });
    expect(annotationProperties({ title: 'T', file: '/ws' }, '/ws')).toEqual({ title: 'T' });
  });

  it('reach the runner as @actions/core writes them, properties escaped', () => {
    const saved = process.env.GITHUB_WORKSPACE;
    process.env.GITHUB_WORKSPACE = '/ws';
    try {
      const out = captured(() => {
        actionsLog.warning('Skipped symlink a: it points outside source-dir', { title: 'Symlink not followed', file: '/ws/site/a' });
        actionsLog.notice('Large file: big,1.bin (20.0 MiB), uploaded in parts', {
          title: 'Large file: parts',
          file: '/ws/site/big,1.bin',
        });
        actionsLog.warning('plain');
      });
      expect(out.split('\n')).toEqual([
        '::warning title=Symlink not followed,file=site/a::Skipped symlink a: it points outside source-dir',
        '::notice title=Large file%3A parts,file=site/big%2C1.bin::Large file: big,1.bin (20.0 MiB), uploaded in parts',
        `::warning title=${ANNOTATION_TITLE}::plain`,
        '',
      ]);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = saved;
    }
  });

  it('groups and debug lines go through the toolkit too', async () => {
    let out = '';
    const orig = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      return true;
    }) as typeof process.stdout.write;
    try {
      const v = await actionsLog.group('Scan', async () => {
        actionsLog.debug('skip .env: dotfile');
        return 7;
      });
      expect(v).toBe(7);
    } finally {
      process.stdout.write = orig;
    }
    expect(out.split('\n')).toEqual(['::group::Scan', '::debug::skip .env: dotfile', '::endgroup::', '']);
  });
});
