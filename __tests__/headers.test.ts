// Content-Type and Cache-Control per file (src/plan/headers.ts).
import { IMMUTABLE, MUTABLE, contentTypeFor, headerRules, isEntryDocument } from '../src/plan/headers.js';

describe('contentTypeFor', () => {
  it.each<[string, string]>([
    ['index.html', 'text/html; charset=utf-8'],
    ['docs/page.htm', 'text/html; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['readme.txt', 'text/plain; charset=utf-8'],
    ['data.json', 'application/json; charset=utf-8'],
    ['feed.xml', 'application/xml; charset=utf-8'],
    ['site.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['logo.svg', 'image/svg+xml; charset=utf-8'],
    ['photo.png', 'image/png'],
    ['photo.JPG', 'image/jpeg'],
    ['font.woff2', 'font/woff2'],
    ['module.wasm', 'application/wasm'],
    ['archive.zip', 'application/zip'],
    ['LICENSE', 'application/octet-stream'],
    ['blob.unknownext', 'application/octet-stream'],
  ])('%p -> %p', (file, expected) => {
    expect(contentTypeFor(file)).toBe(expected);
  });

  it.each<[string]>([['app.js'], ['assets/chunk.mjs']])('%p is JavaScript with charset=utf-8', (file) => {
    expect(contentTypeFor(file)).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
  });
});

describe('default cache-control', () => {
  it('fingerprinted -> one year immutable', () => {
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
    expect(headerRules([])('assets/app-1a2b3c4d.js', true)).toEqual({
      contentType: expect.stringMatching(/javascript; charset=utf-8$/),
      cacheControl: 'public, max-age=31536000, immutable',
      cacheControlSource: { kind: 'default-immutable' },
    });
  });

  it('not fingerprinted -> browsers revalidate, the edge keeps it a day', () => {
    expect(MUTABLE).toBe('public, max-age=0, s-maxage=86400, must-revalidate');
    expect(headerRules([])('index.html', false)).toEqual({
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=0, s-maxage=86400, must-revalidate',
      cacheControlSource: { kind: 'default-mutable' },
    });
  });
});

describe('cache-control rules', () => {
  const decide = headerRules([
    { glob: '**/*.html', value: 'no-cache' },
    { glob: 'assets/**', value: 'public, max-age=600' },
    { glob: '**/*', value: 'public, max-age=60' },
  ]);

  it.each<[string, boolean, string, string]>([
    ['index.html', false, 'no-cache', '**/*.html'],
    ['docs/a.html', true, 'no-cache', '**/*.html'],
    ['assets/app-1a2b3c4d.js', true, 'public, max-age=600', 'assets/**'],
    ['assets/page.html', false, 'no-cache', '**/*.html'],
    ['img/logo.png', true, 'public, max-age=60', '**/*'],
  ])('%p (fingerprinted=%p) -> %p from %p: first matching rule wins, over the defaults', (file, fp, value, glob) => {
    const d = decide(file, fp);
    expect(d.cacheControl).toBe(value);
    expect(d.cacheControlSource).toEqual({ kind: 'rule', glob });
  });

  it('rules match dot paths such as .well-known', () => {
    const d = headerRules([{ glob: '**/*.txt', value: 'max-age=5' }])('.well-known/security.txt', false);
    expect(d.cacheControl).toBe('max-age=5');
  });

  it('no matching rule -> defaults', () => {
    const d = headerRules([{ glob: 'docs/**', value: 'x' }]);
    expect(d('assets/app-1a2b3c4d.js', true).cacheControl).toBe(IMMUTABLE);
    expect(d('about.html', false).cacheControl).toBe(MUTABLE);
  });

  it('rule globs are anchored at the build dir root', () => {
    const d = headerRules([{ glob: '*.html', value: 'rule' }]);
    expect(d('a.html', false).cacheControl).toBe('rule');
    expect(d('docs/a.html', false).cacheControl).toBe(MUTABLE);
  });

  it('rules do not change the content type', () => {
    expect(headerRules([{ glob: '**', value: 'x' }])('logo.svg', false).contentType).toBe('image/svg+xml; charset=utf-8');
  });
});

describe('isEntryDocument', () => {
  it.each<[string, boolean]>([
    ['index.html', true],
    ['docs/page.htm', true],
    ['PAGE.HTML', true],
    ['app.xhtml', true],
    ['app.js', false],
    ['style.css', false],
    ['sitemap.xml', false],
    ['html', false],
    ['page.html.map', false],
  ])('%p -> %p', (file, expected) => {
    expect(isEntryDocument(file)).toBe(expected);
  });
});
