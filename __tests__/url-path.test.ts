// Keys <-> URL paths, index-document forms, CloudFront path encoding, path-map (src/plan/url-path.ts).
import {
  DEFAULT_INDEX_DOCUMENT,
  encodeCloudFrontPath,
  keyFor,
  mapRepoPath,
  strippedKeyFor,
  urlForms,
  urlPathForKey,
  type UrlFormOptions,
} from '../src/plan/url-path.js';
import { LEGACY_DIR } from '../src/model/records.js';

describe('keyFor', () => {
  it.each<[string, string, string]>([
    ['', 'index.html', 'index.html'],
    ['site/', 'docs/a.html', 'site/docs/a.html'],
  ])('prefix %p + %p -> %p', (prefix, rel, key) => {
    expect(keyFor(prefix, rel)).toBe(key);
  });

  it('reserved dir is .s3-cloudfront-deploy/', () => {
    expect(LEGACY_DIR).toBe('.s3-cloudfront-deploy/');
  });
});

describe('urlPathForKey', () => {
  it.each<[string, string, string | null]>([
    ['index.html', '', '/index.html'],
    ['docs/a b.html', '', '/docs/a b.html'],
    ['production/index.html', 'production/', '/index.html'],
    ['production/docs/x.css', 'production/', '/docs/x.css'],
    ['staging/index.html', 'production/', null],
    ['productionx/index.html', 'production/', null],
    ['index.html', 'production/', null],
    ['a/b/c.js', 'a/b/', '/c.js'],
    ['docs/', '', '/docs/'],
    ['production/docs/', 'production/', '/docs/'],
    ['production/', 'production/', '/'],
  ])('key %p with origin path %p -> %p', (key, origin, expected) => {
    expect(urlPathForKey(key, origin)).toBe(expected);
  });
});

describe('urlForms', () => {
  it.each<[string, boolean, string[]]>([
    ['/docs/index.html', false, ['/docs/index.html', '/docs/']],
    ['/docs/index.html', true, ['/docs/index.html', '/docs/', '/docs']],
    ['/a/b/index.html', false, ['/a/b/index.html', '/a/b/']],
    ['/index.html', false, ['/index.html', '/']],
    ['/index.html', true, ['/index.html', '/']],
    ['/docs/page.html', false, ['/docs/page.html']],
    ['/docs/page.html', true, ['/docs/page.html']],
    ['/docs/myindex.html', false, ['/docs/myindex.html']],
    ['/docs/index.htm', false, ['/docs/index.htm']],
    ['/style.css', true, ['/style.css']],
  ])('%p (withoutSlash=%p) -> %p', (url, withoutSlash, expected) => {
    expect(urlForms(url, withoutSlash)).toEqual(expected);
  });

  it('withoutSlash defaults to false', () => {
    expect(urlForms('/docs/index.html')).toEqual(['/docs/index.html', '/docs/']);
  });

  it('the default index document is index.html', () => {
    expect(DEFAULT_INDEX_DOCUMENT).toBe('index.html');
  });
});

describe('urlForms: directory URLs (the URL of a strip-index-html key such as docs/)', () => {
  it.each<[string, boolean, string[]]>([
    ['/docs/', false, ['/docs/']],
    ['/docs/', true, ['/docs/', '/docs']],
    ['/a/b/', true, ['/a/b/', '/a/b']],
    ['/', false, ['/']],
    ['/', true, ['/']],
  ])('%p (withoutSlash=%p) -> %p', (url, withoutSlash, expected) => {
    expect(urlForms(url, withoutSlash)).toEqual(expected);
  });
});

describe('urlForms: url-style and index-document', () => {
  it.each<[string, boolean, UrlFormOptions, string[]]>([
    // directory style given explicitly = today's forms
    ['/docs/index.html', false, { urlStyle: 'directory' }, ['/docs/index.html', '/docs/']],
    ['/about.html', true, { urlStyle: 'directory' }, ['/about.html']],
    // clean: extensionless page URLs and slash-less directories, whatever withoutSlash says
    ['/about.html', false, { urlStyle: 'clean' }, ['/about.html', '/about']],
    ['/blog/post.html', false, { urlStyle: 'clean' }, ['/blog/post.html', '/blog/post']],
    ['/docs/index.html', false, { urlStyle: 'clean' }, ['/docs/index.html', '/docs/', '/docs']],
    ['/docs/index.html', true, { urlStyle: 'clean' }, ['/docs/index.html', '/docs/', '/docs']],
    ['/index.html', false, { urlStyle: 'clean' }, ['/index.html', '/']],
    ['/docs/', false, { urlStyle: 'clean' }, ['/docs/', '/docs']],
    ['/page.htm', false, { urlStyle: 'clean' }, ['/page.htm']],
    ['/style.css', false, { urlStyle: 'clean' }, ['/style.css']],
    ['/a.HTML', false, { urlStyle: 'clean' }, ['/a.HTML']],
    ['/docs/.html', false, { urlStyle: 'clean' }, ['/docs/.html']],
    ['/docs/*', true, { urlStyle: 'clean' }, ['/docs/*']],
    ['/a.html*', false, { urlStyle: 'clean' }, ['/a.html*']],
    // another index document name
    ['/docs/default.htm', false, { indexDocument: 'default.htm' }, ['/docs/default.htm', '/docs/']],
    ['/docs/default.htm', true, { indexDocument: 'default.htm' }, ['/docs/default.htm', '/docs/', '/docs']],
    ['/default.htm', false, { indexDocument: 'default.htm' }, ['/default.htm', '/']],
    ['/docs/index.html', false, { indexDocument: 'default.htm' }, ['/docs/index.html']],
    ['/docs/Index.html', false, {}, ['/docs/Index.html']],
    ['/docs/myindex.html', false, { indexDocument: 'index.html' }, ['/docs/myindex.html']],
    ['/docs/home.html', false, { indexDocument: 'home.html', urlStyle: 'clean' }, ['/docs/home.html', '/docs/', '/docs']],
    ['/docs/page.html', false, { indexDocument: 'home.html', urlStyle: 'clean' }, ['/docs/page.html', '/docs/page']],
  ])('%p (withoutSlash=%p, %j) -> %p', (url, withoutSlash, opts, expected) => {
    expect(urlForms(url, withoutSlash, opts)).toEqual(expected);
  });

  it.each<[string]>([[''], ['a/index.html'], ['*.html']])('rejects index document %p', (name) => {
    expect(() => urlForms('/x', false, { indexDocument: name })).toThrow(/index document/);
  });
});

describe('strippedKeyFor (strip-index-html)', () => {
  it.each<[string, string | undefined, string | null]>([
    ['docs/index.html', undefined, 'docs/'],
    ['a/b/index.html', undefined, 'a/b/'],
    ['index.html', undefined, null], // root: Hugo's stripIndexHTML leaves it, and S3 has no empty key
    ['docs/page.html', undefined, null],
    ['docs/myindex.html', undefined, null],
    ['prefix_index.html', undefined, null],
    ['docs/Index.html', undefined, null],
    ['docs/index.html/x.css', undefined, null],
    ['docs/default.htm', 'default.htm', 'docs/'],
    ['docs/index.html', 'default.htm', null],
    ['default.htm', 'default.htm', null],
  ])('%p (index document %p) -> %p', (rel, index, expected) => {
    expect(strippedKeyFor(rel, index)).toBe(expected);
  });

  it('the extra key maps back to the directory URL', () => {
    const extra = strippedKeyFor('docs/index.html')!;
    expect(urlPathForKey(keyFor('site/', extra), 'site/')).toBe('/docs/');
  });
});

describe('encodeCloudFrontPath', () => {
  it.each<[string, string, string]>([
    ['space', '/a b.html', '/a%20b.html'],
    ['tilde', '/~user/x', '/%7Euser/x'],
    ['hash', '/a#b', '/a%23b'],
    ['percent', '/100%.html', '/100%25.html'],
    ['plus kept', '/a+b.html', '/a+b.html'],
    ['e acute (NFC, 2 bytes)', '/caf\u00e9.html', '/caf%C3%A9.html'],
    ['e + combining acute (NFD)', '/cafe\u0301.html', '/cafe%CC%81.html'],
    ['uppercase kept', '/Docs/README.HTML', '/Docs/README.HTML'],
    ['trailing wildcard kept', '/docs/*', '/docs/*'],
    ['wildcard after encoded chars', '/a b/*', '/a%20b/*'],
    ['quote and angle brackets', '/"<x>"', '/%22%3Cx%3E%22'],
    ['braces, pipe, backslash, caret, brackets, backtick', '/{|\\^[]`}', '/%7B%7C%5C%5E%5B%5D%60%7D'],
    ['control character', '/a\tb', '/a%09b'],
    ['DEL', '/a\u007fb', '/a%7Fb'],
    ['emoji (4 bytes)', '/\u{1F600}.png', '/%F0%9F%98%80.png'],
    ['CJK', '/\u65e5\u672c.html', '/%E6%97%A5%E6%9C%AC.html'],
    ['safe punctuation kept', "/a-b_c.d!$&'()=;:@,/x", "/a-b_c.d!$&'()=;:@,/x"],
    ['plain path unchanged', '/docs/index.html', '/docs/index.html'],
    ['root', '/', '/'],
  ])('%s: %p -> %p', (_label, input, expected) => {
    expect(encodeCloudFrontPath(input)).toBe(expected);
  });

  it('NFC and NFD spellings of é encode to different strings (S3 keys are bytes, not normalised)', () => {
    const nfc = encodeCloudFrontPath('/\u00e9');
    const nfd = encodeCloudFrontPath('/e\u0301');
    expect(nfc).toBe('/%C3%A9');
    expect(nfd).toBe('/e%CC%81');
    expect(nfc).not.toBe(nfd);
  });

  it('input is taken as decoded, so an already-encoded "/a%20b" becomes "/a%2520b" (the key really contains "%20")', () => {
    expect(encodeCloudFrontPath('/a%20b')).toBe('/a%2520b');
  });

  it('an inner "*" is not an unsafe character and is sent as is (inputs reject it earlier)', () => {
    expect(encodeCloudFrontPath('/a*b')).toBe('/a*b');
  });
});

describe('mapRepoPath', () => {
  const rules = [
    { from: 'public/', to: '/' },
    { from: 'site/', to: '/docs/' },
  ];

  it.each<[string, string | null]>([
    ['public/index.html', '/index.html'],
    ['public/css/app.css', '/css/app.css'],
    ['site/guide/index.html', '/docs/guide/index.html'],
    ['site/a b.html', '/docs/a b.html'],
    ['src/main.ts', null],
    ['README.md', null],
    ['publicity/x.html', null],
  ])('%p -> %p', (repoPath, expected) => {
    expect(mapRepoPath(repoPath, rules)).toBe(expected);
  });

  it('first matching rule wins', () => {
    const overlapping = [
      { from: 'public/blog/', to: '/news/' },
      { from: 'public/', to: '/' },
    ];
    expect(mapRepoPath('public/blog/post.html', overlapping)).toBe('/news/post.html');
    expect(mapRepoPath('public/blog/post.html', [...overlapping].reverse())).toBe('/blog/post.html');
  });

  it('empty from maps every file', () => {
    expect(mapRepoPath('a/b.html', [{ from: '', to: '/' }])).toBe('/a/b.html');
    expect(mapRepoPath('a/b.html', [{ from: '', to: '/site/' }])).toBe('/site/a/b.html');
  });

  it('URL prefix without trailing slash still yields a separator', () => {
    expect(mapRepoPath('site/a.html', [{ from: 'site/', to: '/docs' }])).toBe('/docs/a.html');
  });

  it('a whole-file rule maps that file to the URL path', () => {
    expect(mapRepoPath('README.md', [{ from: 'README.md', to: '/about.html' }])).toBe('/about.html');
  });

  it('no rules -> null', () => {
    expect(mapRepoPath('public/index.html', [])).toBeNull();
  });
});

describe('mapRepoPath: a rule without a trailing slash is a directory or a file, never a text prefix', () => {
  it.each<[string, string | null]>([
    ['publicity.html', null],
    ['public/a.html', '/a.html'],
    ['public', '/'],
  ])('%s -> %s', (repoPath, expected) => {
    expect(mapRepoPath(repoPath, [{ from: 'public', to: '/' }])).toBe(expected);
  });
  it('maps a single file rule to its URL', () => {
    expect(mapRepoPath('docs/a.md', [{ from: 'docs/a.md', to: '/a.html' }])).toBe('/a.html');
  });
});
