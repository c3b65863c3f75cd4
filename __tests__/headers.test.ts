// Content-Type and Cache-Control per file (src/plan/headers.ts).
import {
  IMMUTABLE,
  MUTABLE,
  contentTypeFor,
  headerRules,
  headersDiffer,
  headersFromHead,
  headersHash,
  invalidationNeededForHeaderChange,
  isEntryDocument,
  parseHeaderRules,
  type HeaderDecision,
  type HeaderRule,
  type StoredHeaders,
} from '../src/plan/headers.js';

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

  it.each<[string, string]>([
    ['app.mjs', 'text/javascript; charset=utf-8'],
    ['app.js', 'text/javascript; charset=utf-8'],
    ['module.wasm', 'application/wasm'],
    ['app.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['app.js.map', 'application/json; charset=utf-8'],
    ['image.avif', 'image/avif'],
    ['CNAME', 'application/octet-stream'],
  ])('mime v4 defaults, pinned: %p -> %p', (file, expected) => {
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
      sources: { 'Content-Type': { kind: 'default' }, 'Cache-Control': { kind: 'default' } },
    });
  });

  it('not fingerprinted -> browsers revalidate, the edge keeps it a day', () => {
    expect(MUTABLE).toBe('public, max-age=0, s-maxage=86400, must-revalidate');
    expect(headerRules([])('index.html', false)).toEqual({
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=0, s-maxage=86400, must-revalidate',
      cacheControlSource: { kind: 'default-mutable' },
      sources: { 'Content-Type': { kind: 'default' }, 'Cache-Control': { kind: 'default' } },
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

describe('parseHeaderRules', () => {
  it('parses rules in order, canonicalising header names, skipping blank lines and # comments', () => {
    const text = [
      '# downloads',
      '**/*.pdf: Content-Disposition: attachment',
      '',
      '  docs/**: content-language: en-GB  ',
      'LICENSE: CONTENT-TYPE: text/plain; charset=utf-8',
      'old.html: X-Amz-Website-Redirect-Location: https://example.com/new',
      '**: X-AMZ-META-Owner: web team',
      '**/*.js.gz: Content-Encoding: gzip',
      '**/*.html: cache-control: no-cache',
    ].join('\n');
    expect(parseHeaderRules(text)).toEqual<HeaderRule[]>([
      { glob: '**/*.pdf', header: 'Content-Disposition', value: 'attachment', line: 2 },
      { glob: 'docs/**', header: 'Content-Language', value: 'en-GB', line: 4 },
      { glob: 'LICENSE', header: 'Content-Type', value: 'text/plain; charset=utf-8', line: 5 },
      { glob: 'old.html', header: 'x-amz-website-redirect-location', value: 'https://example.com/new', line: 6 },
      { glob: '**', header: 'x-amz-meta-owner', value: 'web team', line: 7 },
      { glob: '**/*.js.gz', header: 'Content-Encoding', value: 'gzip', line: 8 },
      { glob: '**/*.html', header: 'Cache-Control', value: 'no-cache', line: 9 },
    ]);
  });

  it('empty input -> no rules; CRLF line ends are accepted', () => {
    expect(parseHeaderRules('')).toEqual([]);
    expect(parseHeaderRules('\n  \n# only a comment\n')).toEqual([]);
    expect(parseHeaderRules('a.txt: Content-Language: fr\r\nb.txt: Content-Language: de\r\n').map((r) => r.value)).toEqual(['fr', 'de']);
  });

  it('the value may hold colons', () => {
    expect(parseHeaderRules('a.html: x-amz-website-redirect-location: https://x.test:8443/b')[0]!.value).toBe('https://x.test:8443/b');
  });

  it.each<[string, string, RegExp]>([
    ['no colon', '**/*.pdf attachment', /line 1 .*must be 'GLOB: Header: value'/],
    ['one colon (cache-control form)', '**/*.html: no-cache', /line 1 .*must be 'GLOB: Header: value'/],
    ['empty glob', ': Content-Type: text/plain', /must be 'GLOB: Header: value'/],
    ['empty header', 'a:: x', /must be 'GLOB: Header: value'/],
    ['empty value', 'a.txt: Content-Language:', /empty/],
    [
      'header not allowed',
      'a.txt: Access-Control-Allow-Origin: *',
      /'Access-Control-Allow-Origin' cannot be set; allowed: Content-Type, .*x-amz-meta-NAME/,
    ],
    ['ordinary S3 header not allowed', 'a.txt: x-amz-acl: public-read', /'x-amz-acl' cannot be set/],
    ['Expires not allowed', 'a.txt: Expires: 0', /cannot be set/],
    ['metadata without a name', 'a.txt: x-amz-meta-: v', /'x-amz-meta-' cannot be set/],
    ['metadata name with a space', 'a.txt: x-amz-meta-a b: v', /cannot be set/],
    ['the action metadata', 'a.txt: x-amz-meta-s3cfd-md5: 0', /action's own metadata/],
    ['the action namespace', 'a.txt: X-Amz-Meta-S3CFD-other: 0', /action's own metadata/],
    ['CR inside the value', 'a.txt: Content-Language: en\rX-Evil: 1', /CR or LF/],
    ['control character', 'a.txt: Content-Language: e\u0000n', /printable ASCII/],
    ['non-ASCII', 'a.txt: Content-Disposition: attachment; filename="caf\u00e9.pdf"', /printable ASCII/],
    ['Content-Type not a media type', 'a: Content-Type: html', /must be a media type/],
    ['redirect not a path or URL', 'a.html: x-amz-website-redirect-location: example.com/b', /must start with \/, http:\/\/ or https:\/\//],
  ])('%s -> error naming the line', (_label, text, message) => {
    expect(() => parseHeaderRules(text)).toThrow(message);
  });

  it('the error gives the line number and the line among others', () => {
    expect(() => parseHeaderRules('# c\na: Content-Language: en\n\nb: Server: x')).toThrow("headers line 4 'b: Server: x'");
  });

  it('a LF always starts a new line, so a value cannot smuggle one', () => {
    expect(() => parseHeaderRules('a.txt: Content-Language: en\nX-Evil: 1')).toThrow(/line 2/);
  });
});

describe('headerRules with headers rules', () => {
  const rules = (text: string) => parseHeaderRules(text);

  it('first matching rule per header wins; headers are decided independently', () => {
    const decide = headerRules(
      [],
      rules(
        [
          'docs/secret/**: Content-Disposition: inline',
          '**/*.pdf: Content-Disposition: attachment',
          '**/*.pdf: Content-Language: en',
          'docs/**: Content-Language: de',
        ].join('\n'),
      ),
    );
    expect(decide('docs/secret/a.pdf', false)).toMatchObject({ contentDisposition: 'inline', contentLanguage: 'en' });
    expect(decide('docs/b.pdf', false)).toMatchObject({ contentDisposition: 'attachment', contentLanguage: 'en' });
    expect(decide('docs/c.html', false)).toMatchObject({ contentLanguage: 'de' });
    expect(decide('docs/c.html', false).contentDisposition).toBeUndefined();
    expect(decide('docs/b.pdf', false).sources?.['Content-Disposition']).toEqual({
      kind: 'rule',
      input: 'headers',
      glob: '**/*.pdf',
      line: 2,
    });
  });

  it("a file no rule matches gets exactly today's decision", () => {
    const decide = headerRules([], rules('**/*.pdf: Content-Disposition: attachment'));
    expect(decide('index.html', false)).toEqual(headerRules([])('index.html', false));
  });

  it('Content-Type rules replace the default, as given (no charset added)', () => {
    const decide = headerRules([], rules('**/!(*.*): Content-Type: text/html\nfeed: Content-Type: application/rss+xml'));
    expect(decide('about', false).contentType).toBe('text/html');
    expect(decide('blog/post', false).contentType).toBe('text/html');
    expect(decide('feed', false).contentType).toBe('text/html');
    expect(decide('a.css', false).contentType).toBe('text/css; charset=utf-8');
    expect(decide('about', false).sources?.['Content-Type']).toEqual({ kind: 'rule', input: 'headers', glob: '**/!(*.*)', line: 1 });
    expect(decide('a.css', false).sources?.['Content-Type']).toEqual({ kind: 'default' });
  });

  it('extensionless files keep application/octet-stream without a rule', () => {
    expect(headerRules([], rules('**/*.pdf: Content-Disposition: attachment'))('CNAME', false).contentType).toBe(
      'application/octet-stream',
    );
  });

  it('metadata and redirect location', () => {
    const d = headerRules([], rules('**: x-amz-meta-team: web\nold/**: x-amz-website-redirect-location: /new/\n**: X-Amz-Meta-Build: 42'))(
      'old/a.html',
      false,
    );
    expect(d.metadata).toEqual({ team: 'web', build: '42' });
    expect(d.websiteRedirectLocation).toBe('/new/');
    expect(d.sources?.['x-amz-meta-build']).toEqual({ kind: 'rule', input: 'headers', glob: '**', line: 3 });
  });

  it('no metadata rule matches -> no metadata field', () => {
    expect(headerRules([], rules('docs/**: x-amz-meta-team: web'))('a.html', false).metadata).toBeUndefined();
  });

  describe('Cache-Control precedence: cache-control input, then headers rules, then defaults', () => {
    const decide = headerRules(
      [{ glob: '**/*.html', value: 'no-cache' }],
      rules('**: Cache-Control: max-age=60\nassets/**: Cache-Control: max-age=5'),
    );
    it.each<[string, boolean, string, HeaderDecision['cacheControlSource']]>([
      ['a.html', false, 'no-cache', { kind: 'rule', glob: '**/*.html' }],
      ['assets/a.html', true, 'no-cache', { kind: 'rule', glob: '**/*.html' }],
      ['a.css', false, 'max-age=60', { kind: 'rule', glob: '**', input: 'headers', line: 1 }],
      ['assets/app-1a2b3c4d.js', true, 'max-age=60', { kind: 'rule', glob: '**', input: 'headers', line: 1 }],
    ])('%p (fingerprinted=%p) -> %p', (file, fp, value, source) => {
      expect(decide(file, fp).cacheControl).toBe(value);
      expect(decide(file, fp).cacheControlSource).toEqual(source);
    });

    it('sources name the input', () => {
      expect(decide('a.html', false).sources?.['Cache-Control']).toEqual({ kind: 'rule', input: 'cache-control', glob: '**/*.html' });
      expect(decide('a.css', false).sources?.['Cache-Control']).toEqual({ kind: 'rule', input: 'headers', glob: '**', line: 1 });
    });

    it('a headers Cache-Control rule is equivalent to the same cache-control rule', () => {
      const viaHeaders = headerRules([], rules('**/*.css: Cache-Control: max-age=9'));
      const viaCacheControl = headerRules([{ glob: '**/*.css', value: 'max-age=9' }]);
      for (const [f, fp] of [
        ['a.css', false],
        ['b/c.css', true],
        ['x.js', true],
        ['y.html', false],
      ] as const) {
        expect(viaHeaders(f, fp).cacheControl).toBe(viaCacheControl(f, fp).cacheControl);
        expect(headersHash(viaHeaders(f, fp))).toBe(headersHash(viaCacheControl(f, fp)));
      }
    });

    it('falls back to the defaults when no rule of either input matches', () => {
      const d = headerRules([{ glob: 'docs/**', value: 'x' }], rules('blog/**: Cache-Control: y'));
      expect(d('assets/app-1a2b3c4d.js', true).cacheControlSource).toEqual({ kind: 'default-immutable' });
      expect(d('a.html', false).cacheControlSource).toEqual({ kind: 'default-mutable' });
    });
  });
});

describe('headersHash', () => {
  it.each<[string, string, string]>([
    ['text/html; charset=utf-8', MUTABLE, '91e41f8a7839ee5b'],
    ['text/javascript; charset=utf-8', IMMUTABLE, '8aac073d61d2cf3b'],
    ['image/png', 'no-cache', '813ff90a53e97684'],
  ])('Content-Type + Cache-Control only: the value recorded by earlier versions (%p, %p)', (contentType, cacheControl, expected) => {
    expect(headersHash({ contentType, cacheControl })).toBe(expected);
  });

  it('a full decision with no extra header hashes as before (sources and the source fields are not hashed)', () => {
    const d = headerRules([], parseHeaderRules('docs/**: Content-Language: en'))('index.html', false);
    expect(headersHash(d)).toBe('91e41f8a7839ee5b');
    expect(headersHash({ ...d, metadata: {} })).toBe('91e41f8a7839ee5b');
    expect(headersHash({ ...d, contentEncoding: '' })).toBe('91e41f8a7839ee5b');
  });

  const base = { contentType: 'text/html; charset=utf-8', cacheControl: MUTABLE };
  it.each<[string, Partial<HeaderDecision>]>([
    ['content-encoding', { contentEncoding: 'gzip' }],
    ['content-language', { contentLanguage: 'en' }],
    ['content-disposition', { contentDisposition: 'attachment' }],
    ['redirect', { websiteRedirectLocation: '/b' }],
    ['metadata', { metadata: { a: '1' } }],
  ])('%s changes the hash', (_label, extra) => {
    expect(headersHash({ ...base, ...extra })).not.toBe(headersHash(base));
  });

  it('every extra header value is covered, and header names are not confused', () => {
    const extras: Partial<HeaderDecision>[] = [
      { contentLanguage: 'en' },
      { contentLanguage: 'de' },
      { contentDisposition: 'en' },
      { contentEncoding: 'en' },
      { websiteRedirectLocation: 'en' },
      { metadata: { a: 'en' } },
      { metadata: { b: 'en' } },
      { metadata: { a: 'de' } },
      { metadata: { a: 'en', b: 'en' } },
    ];
    const hashes = new Set(extras.map((x) => headersHash({ ...base, ...x })));
    expect(hashes.size).toBe(9);
  });

  it('metadata order and key case do not matter', () => {
    expect(headersHash({ ...base, metadata: { a: '1', b: '2' } })).toBe(headersHash({ ...base, metadata: { B: '2', a: '1' } }));
  });

  it('a changed rule changes the hash of exactly the objects it applies to', () => {
    const before = headerRules([], parseHeaderRules('**/*.pdf: Content-Disposition: attachment'));
    const after = headerRules([], parseHeaderRules('**/*.pdf: Content-Disposition: inline'));
    const files = ['a.pdf', 'b/c.pdf', 'index.html', 'x.css'];
    const changed = files.filter((f) => headersHash(before(f, false)) !== headersHash(after(f, false)));
    expect(changed).toEqual(['a.pdf', 'b/c.pdf']);
  });
});

describe('headersFromHead', () => {
  it('keeps what is set, drops empty strings, lower-cases metadata keys and leaves out the action metadata', () => {
    expect(
      headersFromHead({
        contentType: 'text/html',
        cacheControl: '',
        contentEncoding: 'gzip',
        metadata: { 's3cfd-md5': 'abc', Owner: 'me', 'S3CFD-Future': 'x', 's3cmd-attrs': 'y' },
      }),
    ).toEqual<StoredHeaders>({ contentType: 'text/html', contentEncoding: 'gzip', metadata: { owner: 'me', 's3cmd-attrs': 'y' } });
  });

  it('nothing given -> empty metadata only', () => {
    expect(headersFromHead({})).toEqual({ metadata: {} });
  });

  it('an object the action uploaded reads back as its decision (hash and headersDiffer agree)', () => {
    const d = headerRules([], parseHeaderRules('**: x-amz-meta-team: web\n**: Content-Language: en'))('a.html', false);
    const stored = headersFromHead({
      contentType: d.contentType,
      cacheControl: d.cacheControl,
      contentLanguage: d.contentLanguage,
      metadata: { 's3cfd-md5': '0123', team: 'web' },
    });
    expect(headersDiffer(stored, d)).toBe(false);
    expect(headersHash({ contentType: stored.contentType!, cacheControl: stored.cacheControl!, ...stored })).toBe(headersHash(d));
  });
});

describe('headersDiffer (adopting objects another tool wrote)', () => {
  const decision: HeaderDecision = {
    contentType: 'text/html; charset=utf-8',
    cacheControl: MUTABLE,
    cacheControlSource: { kind: 'default-mutable' },
  };
  const same: StoredHeaders = { contentType: 'text/html; charset=utf-8', cacheControl: MUTABLE, metadata: {} };
  it.each<[string, StoredHeaders, boolean]>([
    ['identical', same, false],
    ['media type spelled differently', { ...same, contentType: 'Text/HTML;charset="UTF-8"' }, false],
    ['no charset', { ...same, contentType: 'text/html' }, true],
    ['other charset', { ...same, contentType: 'text/html; charset=iso-8859-1' }, true],
    ['S3 default type', { ...same, contentType: 'binary/octet-stream' }, true],
    ['no Content-Type', { cacheControl: MUTABLE, metadata: {} }, true],
    ['no Cache-Control (aws s3 sync)', { contentType: 'text/html; charset=utf-8', metadata: {} }, true],
    ['other Cache-Control', { ...same, cacheControl: 'max-age=300' }, true],
    ['extra Content-Encoding', { ...same, contentEncoding: 'gzip' }, true],
    ['identity encoding is none', { ...same, contentEncoding: 'identity' }, false],
    ['extra Content-Language', { ...same, contentLanguage: 'en' }, true],
    ['extra Content-Disposition', { ...same, contentDisposition: 'inline' }, true],
    ['extra redirect', { ...same, websiteRedirectLocation: '/x' }, true],
    ['foreign metadata (an upload would drop it)', { ...same, metadata: { 's3cmd-attrs': 'uid:0' } }, true],
  ])('%s -> %p', (_label, stored, expected) => {
    expect(headersDiffer(stored, decision)).toBe(expected);
  });

  it.each<[string, Partial<HeaderDecision>, StoredHeaders, boolean]>([
    ['metadata equal', { metadata: { team: 'web' } }, { ...same, metadata: { team: 'web' } }, false],
    ['metadata value differs', { metadata: { team: 'web' } }, { ...same, metadata: { team: 'ops' } }, true],
    ['metadata missing in the bucket', { metadata: { team: 'web' } }, same, true],
    ['encoding case', { contentEncoding: 'gzip' }, { ...same, contentEncoding: 'GZIP' }, false],
    ['language equal', { contentLanguage: 'en' }, { ...same, contentLanguage: 'en' }, false],
  ])('decision with %s', (_label, extra, stored, expected) => {
    expect(headersDiffer(stored, { ...decision, ...extra })).toBe(expected);
  });
});

describe('invalidationNeededForHeaderChange (same bytes re-uploaded for its headers)', () => {
  const before: StoredHeaders = {
    contentType: 'text/html; charset=utf-8',
    cacheControl: MUTABLE,
    contentLanguage: 'en',
    metadata: { team: 'web' },
  };
  const after = (over: Partial<HeaderDecision>): HeaderDecision => ({
    contentType: 'text/html; charset=utf-8',
    cacheControl: MUTABLE,
    cacheControlSource: { kind: 'default-mutable' },
    contentLanguage: 'en',
    metadata: { team: 'web' },
    ...over,
  });
  it.each<[string, Partial<HeaderDecision>, boolean]>([
    ['nothing changed', {}, false],
    ['Cache-Control only', { cacheControl: 'no-cache' }, false],
    ['Content-Language only', { contentLanguage: 'de' }, false],
    ['Content-Language removed', { contentLanguage: undefined }, false],
    ['metadata only', { metadata: { team: 'ops', build: '2' } }, false],
    ['charset only', { contentType: 'text/html' }, false],
    ['charset value only', { contentType: 'text/html; charset=iso-8859-1' }, false],
    ['type/subtype case only', { contentType: 'TEXT/Html; charset=utf-8' }, false],
    ['another media type', { contentType: 'text/plain; charset=utf-8' }, true],
    ['another subtype', { contentType: 'application/xhtml+xml' }, true],
    ['Content-Encoding added', { contentEncoding: 'gzip' }, true],
    ['Content-Encoding identity', { contentEncoding: 'identity' }, false],
    ['Content-Disposition added', { contentDisposition: 'attachment' }, true],
    ['redirect added', { websiteRedirectLocation: '/new/' }, true],
  ])('%s -> %p', (_label, over, expected) => {
    expect(invalidationNeededForHeaderChange(before, after(over))).toBe(expected);
  });

  it.each<[string, StoredHeaders, HeaderDecision, boolean]>([
    ['no Content-Type stored', { metadata: {} }, after({}), true],
    ['encoding removed', { ...before, contentEncoding: 'gzip' }, after({}), true],
    ['encoding case only', { ...before, contentEncoding: 'GZip' }, after({ contentEncoding: 'gzip' }), false],
    [
      'disposition changed',
      { ...before, contentDisposition: 'attachment; filename="a.pdf"' },
      after({ contentDisposition: 'attachment; filename="b.pdf"' }),
      true,
    ],
    ['redirect removed', { ...before, websiteRedirectLocation: '/x' }, after({}), true],
    ['redirect changed', { ...before, websiteRedirectLocation: '/x' }, after({ websiteRedirectLocation: '/y' }), true],
  ])('%s -> %p', (_label, b, a, expected) => {
    expect(invalidationNeededForHeaderChange(b, a)).toBe(expected);
  });
});
