import { describe, expect, it } from '@jest/globals';
import { classifyFingerprints, isFingerprintedName } from '../src/plan/fingerprint.js';
import { dropShapes, learnShapes, matchesShape, type LearnedShape } from '../src/plan/fingerprint-history.js';

const f = (path: string, md5: string) => ({ path, md5 });

describe('learnShapes', () => {
  it('learns a shape from one disappeared + one appeared name differing in one token, with new content', () => {
    const prev = [f('assets/chart-kqzvbwyx.js', 'a'), f('index.html', 'h1')];
    const cur = [f('assets/chart-pmrtzqwn3.js'.replace('3', ''), 'b'), f('index.html', 'h2')];
    // lower-case-only tokens are refused as hashes (they could be words): nothing learned
    expect(learnShapes(prev, cur)).toEqual([]);
    const shapes = learnShapes([f('js/app.0a0b0c0d0e1.js', 'a')], [f('js/app.9f8e7d6c5b4.js', 'b')]);
    expect(shapes).toEqual([{ dir: 'js', before: 'app.', after: '.js', alphabet: 'hex', length: 11 }]);
    expect(matchesShape('js/app.1234abcd567.js', shapes[0] as LearnedShape)).toBe(true);
    expect(matchesShape('js/app.settingsxyz.js', shapes[0] as LearnedShape)).toBe(false);
    expect(matchesShape('css/app.1234abcd567.js', shapes[0] as LearnedShape)).toBe(false);
  });

  it('vite base64url tokens with - and _; the token is the narrowest, not `index-…`', () => {
    const shapes = learnShapes([f('assets/index-CfaFZ-lr.js', 'a')], [f('assets/index-Dx3kP9q2.js', 'b')]);
    expect(shapes).toEqual([{ dir: 'assets', before: 'index-', after: '.js', alphabet: 'base64url', length: 8 }]);
  });

  it('esbuild base32 and several pairs of one shape with distinct tokens', () => {
    const shapes = learnShapes([f('_x/AB3DQ7ZK.js', '1'), f('_x/MV2EFFYE.js', '2')], [f('_x/QFN5ADZE.js', '3'), f('_x/LD4UMFNW.js', '4')]);
    expect(shapes).toEqual([{ dir: '_x', before: '', after: '.js', alphabet: 'base32', length: 8 }]);
  });

  it('refuses versions, dates, counters, words and constant markers', () => {
    const cases: Array<[string, string]> = [
      ['vendor/lib-v1.2.3.js', 'vendor/lib-v1.2.4.js'],
      ['app.20240115.js', 'app.20240116.js'],
      ['build-000123.js', 'build-000124.js'],
      ['release-notes-2024-01.pdf', 'release-notes-2024-02.pdf'],
      ['img/logo-lights.svg', 'img/logo-colors.svg'],
      ['__next.blog.__PAGE__.txt', '__next.blog.__LAYO__.txt'],
      ['x-MY_CONST.js', 'x-MY_OTHER.js'],
      ['docs/chapter12.pdf', 'docs/chapter13.pdf'],
      ['page-OVERVIEW.pdf', 'page-EXPLORER.pdf'],
    ];
    for (const [a, b] of cases) expect([a, learnShapes([f(a, '1')], [f(b, '2')])]).toEqual([a, []]);
  });

  it('needs new content: a rename with the same bytes is not a content hash', () => {
    expect(learnShapes([f('a/app.0a0b0c0d0e1.js', 'same')], [f('a/app.9f8e7d6c5b4.js', 'same')])).toEqual([]);
  });

  it('ambiguous groups with a moved file are refused; HTML is never evidence', () => {
    const prev = [f('a/x.0a0b0c0d0e1.js', '1'), f('a/x.1a1b1c1d1e1.js', '2')];
    const cur = [f('a/x.9f8e7d6c5b4.js', '2'), f('a/x.8f8e8d8c8b8.js', '3')];
    expect(learnShapes(prev, cur)).toEqual([]);
    expect(learnShapes([f('p/page-0a0b0c0d0e1.html', '1')], [f('p/page-9f8e7d6c5b4.html', '2')])).toEqual([]);
  });

  it('returns known ∪ new, deduplicated', () => {
    const known: LearnedShape[] = [{ dir: 'js', before: 'app.', after: '.js', alphabet: 'hex', length: 11 }];
    const again = learnShapes([f('js/app.0a0b0c0d0e1.js', 'a')], [f('js/app.9f8e7d6c5b4.js', 'b')], known);
    expect(again).toEqual(known);
    const more = learnShapes([f('css/s.0a0b0c0d0e1.css', 'a')], [f('css/s.9f8e7d6c5b4.css', 'b')], known);
    expect(more).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(more))).toEqual(more);
  });
});

describe('dropShapes', () => {
  it('drops a shape for good once one of its names was reused with new content', () => {
    const s: LearnedShape[] = [
      { dir: 'js', before: 'app.', after: '.js', alphabet: 'hex', length: 11 },
      { dir: 'assets', before: 'index-', after: '.js', alphabet: 'base64url', length: 8 },
    ];
    expect(dropShapes(s, ['js/app.0a0b0c0d0e1.js'])).toEqual([s[1]]);
    expect(dropShapes(s, ['js/other.0a0b0c0d0e1.js', 'index.html'])).toEqual(s);
  });
});

describe('classifyFingerprints with history', () => {
  const shape: LearnedShape = { dir: 'js', before: 'app.', after: '.js', alphabet: 'base36', length: 10 };

  it('fingerprints names of a learned shape and says so', () => {
    const v = classifyFingerprints({ files: ['js/app.k3x9q2mzpw.js', 'js/app.js'], manifests: {}, learned: [shape] });
    expect(isFingerprintedName('js/app.k3x9q2mzpw.js').fingerprinted).toBe(false); // the name rule alone refuses it
    expect(v.get('js/app.k3x9q2mzpw.js')).toEqual({
      fingerprinted: true,
      reason: expect.stringMatching(/^learned from history: js\/app\.<10-char base36 hash>\.js/),
    });
    expect(v.get('js/app.js')?.fingerprinted).toBe(false);
  });

  it('demoted paths are never fingerprinted: not by name rules, layout, manifests, learned shapes or user patterns', () => {
    const files = [
      'assets/index-BvAciO2w.js',
      '_next/static/chunks/0a1b2c3d4e5f6789.js',
      'js/app.0a0b0c0d0e1.js',
      'media/photo.jpg',
      'static/js/main.deadbeef.js',
    ];
    const manifests = { 'asset-manifest.json': JSON.stringify({ files: { 'main.js': '/static/js/main.deadbeef.js' } }) };
    const v = classifyFingerprints({ files, manifests, learned: [shape], userPatterns: ['media/**'], demoted: new Set(files) });
    for (const p of files) expect(v.get(p)).toEqual({ fingerprinted: false, reason: 'demoted: name reused with new content' });
    const w = classifyFingerprints({ files, manifests, learned: [shape], userPatterns: ['media/**'] });
    for (const p of files) expect(w.get(p)?.fingerprinted).toBe(true);
  });
});
