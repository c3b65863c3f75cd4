// Input parsing and validation (src/config/inputs.ts), checked against the action's documented inputs.
import path from 'node:path';
import { InputError, parseInputs } from '../src/config/inputs.js';
import type { Config } from '../src/model/config.js';

const WORKSPACE = '/home/runner/work/site/site';
const RUNNER_TEMP = '/home/runner/work/_temp';

/** Minimal valid upload-mode inputs; `over` replaces or adds inputs. */
function reader(over: Record<string, string> = {}): (name: string) => string {
  const base: Record<string, string> = { 'source-dir': 'dist', bucket: 'my-site-bucket', ...over };
  return (name) => base[name] ?? '';
}

const ENV = { GITHUB_WORKSPACE: WORKSPACE, RUNNER_TEMP };

function parse(over: Record<string, string> = {}, env: Record<string, string | undefined> = ENV): Config {
  return parseInputs(reader(over), env);
}

/** Run and return the thrown error, failing when nothing is thrown. */
function errorOf(over: Record<string, string>, env: Record<string, string | undefined> = ENV): InputError {
  try {
    parse(over, env);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error(`expected an InputError for ${JSON.stringify(over)}`);
}

describe('parseInputs defaults', () => {
  const cfg = parse();

  it.each<[keyof Config, unknown]>([
    ['upload', true],
    ['prefix', ''],
    ['maxDeletes', 256],
    ['maxPaths', 100],
    ['waitTimeoutSeconds', 900],
    ['concurrency', 16],
    ['invalidate', 'changed'],
    ['deleteRemoved', false],
    ['wait', false],
    ['dryRun', false],
    ['invalidateDirectoryWithoutSlash', false],
    ['diffBase', null],
    ['distributions', []],
    ['paths', []],
    ['include', []],
    ['exclude', []],
    ['protect', []],
    ['cacheControl', []],
    ['bucket', 'my-site-bucket'],
  ])('%s defaults to %p', (key, expected) => {
    expect(cfg[key]).toEqual(expected);
  });

  it('resolves source-dir against GITHUB_WORKSPACE', () => {
    expect(cfg.sourceDir).toBe('/home/runner/work/site/site/dist');
    expect(cfg.workspace).toBe(WORKSPACE);
  });

  it('report-path defaults to $RUNNER_TEMP/s3-cloudfront-deploy/report.json', () => {
    expect(cfg.reportPath).toBe('/home/runner/work/_temp/s3-cloudfront-deploy/report.json');
  });

  it('path-map defaults to "<source-dir relative to the workspace>/ => /"', () => {
    expect(cfg.pathMap).toEqual([{ from: 'dist/', to: '/', viaKey: true }]);
    expect(parse({ 'source-dir': 'site/public' }).pathMap).toEqual([{ from: 'site/public/', to: '/', viaKey: true }]);
    expect(parse({ 'source-dir': './build/' }).pathMap).toEqual([{ from: 'build/', to: '/', viaKey: true }]);
    expect(parse({ 'source-dir': `${WORKSPACE}/out` }).pathMap).toEqual([{ from: 'out/', to: '/', viaKey: true }]);
  });

  it('path-map of a source-dir that is the workspace itself maps everything', () => {
    expect(parse({ 'source-dir': '.' }).pathMap).toEqual([{ from: '', to: '/', viaKey: true }]);
  });

  it.each<[string, Record<string, string | undefined>, string]>([
    ['AWS_REGION', { AWS_REGION: 'eu-west-1' }, 'eu-west-1'],
    ['nothing set', {}, 'us-east-1'],
  ])('region from %s', (_label, env, expected) => {
    expect(parse({}, { ...ENV, ...env }).region).toBe(expected);
  });

  it('region input wins over AWS_REGION', () => {
    expect(parse({ region: 'ap-south-1' }, { ...ENV, AWS_REGION: 'eu-west-1' }).region).toBe('ap-south-1');
  });
});

describe('parseInputs accepted forms', () => {
  it.each<[string, string, string]>([
    ['site', 'site/', 'plain'],
    ['/site/', 'site/', 'slashes on both sides'],
    ['a/b', 'a/b/', 'nested'],
    ['/', '', 'root only'],
  ])('prefix %p -> %p (%s)', (raw, expected) => {
    expect(parse({ prefix: raw }).prefix).toBe(expected);
  });

  it('distribution-id: comma-separated list', () => {
    expect(parse({ 'distribution-id': 'E1ABCDEFGH,E2ABCDEFGH' }).distributions).toEqual([
      { id: 'E1ABCDEFGH', originPath: '' },
      { id: 'E2ABCDEFGH', originPath: '' },
    ]);
  });

  it('distribution-id: newline-separated list with blank lines and spaces', () => {
    expect(parse({ 'distribution-id': '  E1ABCDEFGH\n\nE2ABCDEFGH  \n' }).distributions).toEqual([
      { id: 'E1ABCDEFGH', originPath: '' },
      { id: 'E2ABCDEFGH', originPath: '' },
    ]);
  });

  it("distribution-id: ID:/origin/path form sets that distribution's origin path", () => {
    expect(parse({ 'distribution-id': 'E1ABCDEFGH:/production, E2ABCDEFGH:/staging/v2/' }).distributions).toEqual([
      { id: 'E1ABCDEFGH', originPath: 'production/' },
      { id: 'E2ABCDEFGH', originPath: 'staging/v2/' },
    ]);
  });

  it.each<[string, string]>([
    ['/site', 'site/'],
    ['/site/', 'site/'],
    ['/a/b', 'a/b/'],
    ['', ''],
    ['/', ''],
  ])('origin-path %p is normalised to %p', (raw, expected) => {
    expect(parse({ 'distribution-id': 'E1ABCDEFGH', 'origin-path': raw }).distributions).toEqual([
      { id: 'E1ABCDEFGH', originPath: expected },
    ]);
  });

  it('one origin-path applies to every distribution', () => {
    expect(parse({ 'distribution-id': 'E1ABCDEFGH,E2ABCDEFGH', 'origin-path': '/www' }).distributions).toEqual([
      { id: 'E1ABCDEFGH', originPath: 'www/' },
      { id: 'E2ABCDEFGH', originPath: 'www/' },
    ]);
  });

  it('one origin-path per distribution, in order', () => {
    expect(parse({ 'distribution-id': 'E1ABCDEFGH\nE2ABCDEFGH', 'origin-path': '/one\n/two' }).distributions).toEqual([
      { id: 'E1ABCDEFGH', originPath: 'one/' },
      { id: 'E2ABCDEFGH', originPath: 'two/' },
    ]);
  });

  it.each<[string, number]>([
    ['-1', -1],
    ['0', 0],
    ['5000', 5000],
  ])('max-deletes %p accepted as %p', (raw, expected) => {
    expect(parse({ 'max-deletes': raw }).maxDeletes).toBe(expected);
  });

  it.each<[string, string]>([
    ['/a%20b.html', '/a b.html'],
    ['/a b.html', '/a b.html'],
    ['/%C3%A9t%C3%A9.html', '/été.html'],
    ['/docs/*', '/docs/*'],
    ['/a%2520b', '/a%20b'], // decoded exactly once
  ])('manual path %p -> %p', (raw, expected) => {
    expect(parse({ 'distribution-id': 'E1ABCDEFGH', paths: raw }).paths).toEqual([expected]);
  });

  it('several manual paths', () => {
    expect(parse({ 'distribution-id': 'E1ABCDEFGH', paths: '/index.html\n/docs/*' }).paths).toEqual(['/index.html', '/docs/*']);
  });

  it('path-map lines, comments skipped, ./ and leading / stripped from the repo prefix', () => {
    expect(parse({ 'path-map': '# comment\n./site/public/ => /\n/docs/ => /docs/\n' }).pathMap).toEqual([
      { from: 'site/public/', to: '/' },
      { from: 'docs/', to: '/docs/' },
    ]);
  });

  it('cache-control rules keep their order and split at the first colon', () => {
    expect(parse({ 'cache-control': '**/*.html: public, max-age=0\nassets/**:public, max-age=31536000, immutable' }).cacheControl).toEqual([
      { glob: '**/*.html', value: 'public, max-age=0' },
      { glob: 'assets/**', value: 'public, max-age=31536000, immutable' },
    ]);
  });

  it.each<[string, string, keyof Config, unknown]>([
    ['invalidate', 'all', 'invalidate', 'all'],
    ['invalidate', 'none', 'invalidate', 'none'],
    ['wait-timeout', '60', 'waitTimeoutSeconds', 60],
    ['concurrency', '4', 'concurrency', 4],
    ['max-paths', '3000', 'maxPaths', 3000],
    ['wait', 'TRUE', 'wait', true],
    ['delete-removed', 'true', 'deleteRemoved', true],
    ['diff-base', ' abc123 ', 'diffBase', 'abc123'],
    ['report-path', '/tmp/r.json', 'reportPath', '/tmp/r.json'],
  ])('%s=%p -> %s %p', (input, raw, key, expected) => {
    expect(parse({ [input]: raw })[key]).toEqual(expected);
  });

  it('invalidate-only mode: upload false, no source-dir or bucket, a distribution', () => {
    const cfg = parseInputs((n) => ({ upload: 'false', 'distribution-id': 'E1ABCDEFGH' })[n] ?? '', ENV);
    expect(cfg.upload).toBe(false);
    expect(cfg.sourceDir).toBeNull();
    expect(cfg.bucket).toBeNull();
    expect(cfg.pathMap).toEqual([{ from: '', to: '/', viaKey: true }]);
  });
});

describe('parseInputs errors name the input', () => {
  it.each<[string, Record<string, string>, string]>([
    ['lowercase distribution id', { 'distribution-id': 'e1abcdefgh' }, 'distribution-id'],
    ['too short distribution id', { 'distribution-id': 'E1ABC' }, 'distribution-id'],
    ['distribution id listed twice', { 'distribution-id': 'E1ABCDEFGH,E1ABCDEFGH' }, 'distribution-id'],
    ['bucket with uppercase and underscore', { bucket: 'My_Bucket' }, 'bucket'],
    ['bucket given as s3:// URL', { bucket: 's3://bucket' }, 'bucket'],
    ['bucket too short', { bucket: 'ab' }, 'bucket'],
    ['bucket shaped like an IP address', { bucket: '192.168.1.1' }, 'bucket'],
    ['negative wait-timeout', { 'wait-timeout': '-5' }, 'wait-timeout'],
    ['non-numeric wait-timeout', { 'wait-timeout': '10m' }, 'wait-timeout'],
    ['zero wait-timeout', { 'wait-timeout': '0' }, 'wait-timeout'],
    ['negative concurrency', { concurrency: '-1' }, 'concurrency'],
    ['non-numeric concurrency', { concurrency: 'lots' }, 'concurrency'],
    ['fractional concurrency', { concurrency: '2.5' }, 'concurrency'],
    ['max-deletes below -1', { 'max-deletes': '-2' }, 'max-deletes'],
    ['max-paths zero', { 'max-paths': '0' }, 'max-paths'],
    ['unknown invalidate mode', { invalidate: 'everything' }, 'invalidate'],
    ['non-boolean wait', { wait: 'yes' }, 'wait'],
    ['path-map line without =>', { 'path-map': 'site/ -> /' }, 'path-map'],
    ['path-map URL prefix without leading slash', { 'path-map': 'site/ => docs/' }, 'path-map'],
    ['cache-control line without colon', { 'cache-control': '**/*.html public, max-age=0' }, 'cache-control'],
    ['cache-control line without value', { 'cache-control': '**/*.html:' }, 'cache-control'],
    ['upload without source-dir', { 'source-dir': '' }, 'source-dir'],
    ['upload without bucket', { bucket: '' }, 'bucket'],
    ['delete-removed with upload false', { upload: 'false', 'delete-removed': 'true', 'distribution-id': 'E1ABCDEFGH' }, 'delete-removed'],
    ['upload false without distribution', { upload: 'false' }, 'distribution-id'],
    ['paths without distribution-id', { paths: '/index.html' }, 'paths'],
    ['* not last in paths', { 'distribution-id': 'E1ABCDEFGH', paths: '/docs/*/index.html' }, 'paths'],
    ['path without leading slash', { 'distribution-id': 'E1ABCDEFGH', paths: 'index.html' }, 'paths'],
    ['origin-path count mismatch (3 for 2)', { 'distribution-id': 'E1ABCDEFGH,E2ABCDEFGH', 'origin-path': '/a\n/b\n/c' }, 'origin-path'],
    [
      'origin-path count mismatch (2 for 3)',
      { 'distribution-id': 'E1ABCDEFGH,E2ABCDEFGH,E3ABCDEFGH', 'origin-path': '/a,/b' },
      'origin-path',
    ],
    ['origin-path without leading slash', { 'distribution-id': 'E1ABCDEFGH', 'origin-path': 'site' }, 'origin-path'],
  ])('%s -> Input %p', (_label, over, input) => {
    const err = errorOf(over);
    expect(err.input).toBe(input);
    expect(err.message.startsWith(`Input '${input}': `)).toBe(true);
    expect(err.message.length).toBeGreaterThan(`Input '${input}': `.length + 5);
  });

  it('the wait-timeout message shows the bad value', () => {
    expect(errorOf({ 'wait-timeout': 'soon' }).message).toMatch(/^Input 'wait-timeout': .*'soon'/);
  });

  it('the bucket message shows the bad name', () => {
    expect(errorOf({ bucket: 's3://bucket' }).message).toContain("'s3://bucket'");
  });

  it('the distribution-id message shows the bad id', () => {
    expect(errorOf({ 'distribution-id': 'e1abcdefgh' }).message).toContain("'e1abcdefgh'");
  });

  it('InputError is an Error named InputError', () => {
    const err = errorOf({ invalidate: 'x' });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('InputError');
  });
});

describe('parseInputs without GITHUB_WORKSPACE', () => {
  it('falls back to cwd and RUNNER_TEMP-less report path under the workspace', () => {
    const cfg = parse({}, {});
    expect(cfg.workspace).toBe(path.resolve(process.cwd()));
    expect(cfg.sourceDir).toBe(path.resolve(process.cwd(), 'dist'));
    expect(cfg.reportPath.endsWith(path.join('s3-cloudfront-deploy', 'report.json'))).toBe(true);
  });
});
