// Which files of the build dir are deployed, and which remote keys the delete step leaves alone (src/plan/filter.ts).
import { makeDeleteGuard, makeFileFilter } from '../src/plan/filter.js';

describe('makeFileFilter: no include/exclude', () => {
  const f = makeFileFilter([], []);

  it.each<[string, string | null]>([
    ['index.html', null],
    ['docs/a b.html', null],
    ['assets/app.js', null],
    ['.well-known/security.txt', null],
    ['.well-known/acme-challenge/token', null],
    ['sub/.well-known/x', null],
    ['.env', 'dotfile'],
    ['.env.local', 'dotfile'],
    ['.DS_Store', 'dotfile'],
    ['docs/.DS_Store', 'dotfile'],
    ['.git/config', 'dotfile'],
    ['.github/workflows/ci.yml', 'dotfile'],
    ['.nojekyll', 'dotfile'],
    ['.htaccess', 'dotfile'],
    ['assets/.cache/x.js', 'dotfile'],
    ['.s3-cloudfront-deploy/journal.json', 'reserved-prefix'],
    ['.well-knownx/file', 'dotfile'],
  ])('%p -> %p', (rel, expected) => {
    expect(f.skipReason(rel)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['docs', true],
    ['a/b/c', true],
    ['.well-known', true],
    ['.git', false],
    ['sub/.git', false],
    ['.github', false],
    ['node_modules/.cache', false],
  ])('mayDescend(%p) -> %p', (dir, expected) => {
    expect(f.mayDescend(dir)).toBe(expected);
  });
});

describe('makeFileFilter: explicit dotfile includes', () => {
  it('an include pattern naming .nojekyll deploys it, other dotfiles stay home', () => {
    const f = makeFileFilter(['**/*', '.nojekyll'], []);
    expect(f.skipReason('.nojekyll')).toBeNull();
    expect(f.skipReason('index.html')).toBeNull();
    expect(f.skipReason('docs/page.html')).toBeNull();
    expect(f.skipReason('.env')).toBe('dotfile');
    expect(f.skipReason('.DS_Store')).toBe('dotfile');
  });

  it('**/.htaccess deploys .htaccess at any depth', () => {
    const f = makeFileFilter(['**/*', '**/.htaccess'], []);
    expect(f.skipReason('.htaccess')).toBeNull();
    expect(f.skipReason('blog/.htaccess')).toBeNull();
    expect(f.skipReason('blog/.env')).toBe('dotfile');
  });

  it('include alone restricts to what it names', () => {
    const f = makeFileFilter(['.nojekyll'], []);
    expect(f.skipReason('.nojekyll')).toBeNull();
    expect(f.skipReason('index.html')).toBe('excluded');
  });

  it('with a dot pattern, the walker may descend into hidden directories (files are still filtered)', () => {
    const f = makeFileFilter(['**/*', '.nojekyll'], []);
    expect(f.mayDescend('.github')).toBe(true);
    expect(f.skipReason('.github/workflows/ci.yml')).toBe('dotfile');
  });

  it.each<[string[]]>([[['.git/**']], [['**/.git/**']], [['.git/config']], [['**', '.git/**', '**/.git/*']]])(
    '.git is never deployed, even with include %p',
    (include) => {
      const f = makeFileFilter(include, []);
      expect(f.skipReason('.git/config')).toBe('dotfile');
      expect(f.mayDescend('.git')).toBe(false);
      expect(f.mayDescend('vendor/lib/.git')).toBe(false);
    },
  );

  it('include does not make a plain "**" or "*.txt" match dotfiles', () => {
    const f = makeFileFilter(['**', '**/*.txt'], []);
    expect(f.skipReason('.env')).toBe('dotfile');
    expect(f.skipReason('.secret.txt')).toBe('dotfile');
    expect(f.skipReason('notes.txt')).toBeNull();
  });
});

describe('makeFileFilter: include / exclude globs', () => {
  const f = makeFileFilter([], ['**/*.map', 'drafts/**', '*.psd']);

  it.each<[string, string | null]>([
    ['app.js', null],
    ['app.js.map', 'excluded'],
    ['assets/app.js.map', 'excluded'],
    ['drafts/post.html', 'excluded'],
    ['drafts/sub/post.html', 'excluded'],
    ['art.psd', 'excluded'],
    ['img/art.psd', null],
    ['published/drafts.html', null],
  ])('%p -> %p', (rel, expected) => {
    expect(f.skipReason(rel)).toBe(expected);
  });

  it('exclude wins over include', () => {
    const g = makeFileFilter(['**/*.html'], ['secret/**']);
    expect(g.skipReason('a.html')).toBeNull();
    expect(g.skipReason('secret/a.html')).toBe('excluded');
    expect(g.skipReason('a.css')).toBe('excluded');
  });

  it('excluded .well-known files are excluded', () => {
    const g = makeFileFilter([], ['.well-known/**']);
    expect(g.skipReason('.well-known/security.txt')).toBe('excluded');
  });
});

describe('makeDeleteGuard', () => {
  const filter = makeFileFilter([], ['**/*.map']);
  const guard = makeDeleteGuard(filter, ['uploads/**', 'robots.txt']);

  it.each<[string, boolean, string]>([
    ['uploads/a.png', true, 'protect glob'],
    ['uploads/deep/b.png', true, 'protect glob, nested'],
    ['robots.txt', true, 'protect glob, exact'],
    ['.env', true, 'hidden key (never uploaded, so not ours to delete)'],
    ['docs/.DS_Store', true, 'hidden segment'],
    ['app.js.map', true, 'excluded by exclude glob'],
    ['.s3-cloudfront-deploy/journal.json', true, 'reserved state'],
    ['old.html', false, 'ordinary stale object'],
    ['docs/robots.txt', false, 'protect glob is anchored'],
    ['.well-known/security.txt', false, '.well-known is deployable, so deletable'],
  ])('%p -> %p (%s)', (key, expected) => {
    expect(guard(key)).toBe(expected);
  });

  it('protect globs match dot paths too', () => {
    const g = makeDeleteGuard(makeFileFilter([], []), ['.well-known/**']);
    expect(g('.well-known/security.txt')).toBe(true);
    const star = makeDeleteGuard(makeFileFilter([], []), ['**/*.txt']);
    expect(star('.well-known/security.txt')).toBe(true);
    expect(star('.well-known/apple-app-site-association')).toBe(false);
  });

  it('no protect globs: only filter skips are protected', () => {
    const g = makeDeleteGuard(makeFileFilter([], []), []);
    expect(g('a.html')).toBe(false);
    expect(g('.htaccess')).toBe(true);
  });
});

describe('makeFileFilter: include globs still reach .well-known/', () => {
  it.each([['**'], ['**/*.txt'], ['.well-known/**']])('include %s keeps .well-known/security.txt', (glob) => {
    expect(makeFileFilter([glob], []).skipReason('.well-known/security.txt')).toBeNull();
  });
  it('while ** still does not include hidden files', () => {
    expect(makeFileFilter(['**'], []).skipReason('.env')).toBe('dotfile');
  });
});
