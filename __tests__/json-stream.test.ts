// JsonAssembler gives exactly JSON.parse's value of the whole text, however the text is cut into pieces, and fails
// where JSON.parse fails.
import { describe, expect, it } from '@jest/globals';
import { JsonAssembler, parseJsonPieces } from '../src/model/json-stream.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const STRINGS = [
  '',
  'a',
  'z14/1/2.png',
  'é ü',
  '\u2028',
  '"quoted"',
  'back\\slash',
  'tab\there',
  '\ud83d\ude00',
  '\\',
  '\\"',
  '__proto__',
  'x'.repeat(40),
];

function randomValue(r: () => number, depth: number): unknown {
  const k = r();
  if (depth > 4 || k < 0.45) {
    const leaf = Math.floor(r() * 7);
    if (leaf === 0) return null;
    if (leaf === 1) return r() < 0.5;
    if (leaf === 2) return Math.floor(r() * 2000) - 1000;
    if (leaf === 3) return [0.5, -1e-7, 1e21, 123456789.125, -0][Math.floor(r() * 5)];
    return STRINGS[Math.floor(r() * STRINGS.length)]! + (r() < 0.3 ? String(Math.floor(r() * 100)) : '');
  }
  const n = Math.floor(r() * (r() < 0.1 ? 60 : 6));
  if (k < 0.72) return Array.from({ length: n }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const key = r() < 0.2 ? String(Math.floor(r() * 20)) : STRINGS[Math.floor(r() * STRINGS.length)]! + i;
    Object.defineProperty(o, key, { value: randomValue(r, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return o;
}

/** The text cut at random places (inside tokens, escapes, surrogate pairs too). */
function pieces(text: string, r: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const n = 1 + Math.floor(r() * (r() < 0.5 ? 4 : 200));
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

/** Whitespace JSON allows, between every token. */
function spaced(v: unknown): string {
  return JSON.stringify(v, null, '\t').replace(/\n/g, '\r\n ');
}

describe('JsonAssembler: the value JSON.parse gives', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('random value, random pieces (seed %i)', (seed) => {
    const r = rng(seed);
    const v = randomValue(r, 0);
    for (const text of [JSON.stringify(v), spaced(v)]) {
      const got = parseJsonPieces(pieces(text, r));
      expect(got).toStrictEqual(JSON.parse(text));
      // Key order too (integer-like keys first, then insertion order), and __proto__ as an own property.
      expect(JSON.stringify(got)).toBe(JSON.stringify(JSON.parse(text)));
    }
  });

  it('a ledger-shaped record in 1-unit and 64 KiB pieces', () => {
    const objects: Record<string, unknown> = {};
    const full: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) {
      objects[`z14/${i % 50}/${i}.png`] = ['', i.toString(16).padStart(32, '0'), 'hh', 'rh'];
      full[`z14/${i % 50}/${i}.png`] = [i.toString(16).padStart(32, '0'), i, 0, i % 2];
    }
    const ledger = {
      version: 3,
      objects,
      deploys: [{ sha: 'a', id: 2, site: { full } }],
      demoted: Array.from({ length: 20000 }, (_, i) => `d/${i}.js`),
    };
    const text = JSON.stringify(ledger);
    for (const size of [1, 7, 65536]) {
      const cut: string[] = [];
      for (let i = 0; i < text.length; i += size) cut.push(text.slice(i, i + size));
      expect(parseJsonPieces(cut)).toStrictEqual(ledger);
    }
  });

  it.each([1, 2, 3, 4, 5])('large containers whose strings hold `],` `},` `",` (the guessed cuts), big pieces (seed %i)', (seed) => {
    const r = rng(seed);
    const tricky = ['a],b', 'c},d', 'e\\",f', '],"', '\\', 'ü],', '{"x":[1]},'];
    const member = (i: number): unknown => {
      const k = r();
      if (k < 0.4) return [tricky[i % tricky.length], i, null, 'h'];
      if (k < 0.6) return { s: tricky[(i + 1) % tricky.length], n: i };
      if (k < 0.7) return [[i], { deep: [tricky[i % tricky.length]] }];
      return tricky[(i + 2) % tricky.length]! + i;
    };
    const dict: Record<string, unknown> = {};
    for (let i = 0; i < 8000; i++) dict[`${tricky[i % tricky.length]}/${i}`] = member(i);
    const value = { dict, list: Array.from({ length: 6000 }, (_, i) => member(i)), tail: 1 };
    const text = JSON.stringify(value);
    const cut: string[] = [];
    for (let i = 0; i < text.length;) {
      const n = 1 + Math.floor(r() * 150_000);
      cut.push(text.slice(i, i + n));
      i += n;
    }
    expect(parseJsonPieces(cut)).toStrictEqual(value);
  });

  it('__proto__ is an own property, never the prototype', () => {
    const v = parseJsonPieces(['{"__proto__":{"x":[1,{"a":1}]},"o":{"__proto__":', '[1]}}']) as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'o']);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toEqual({ x: [1, { a: 1 }] });
    expect(Object.getOwnPropertyDescriptor(v.o as object, '__proto__')?.value).toEqual([1]);
  });

  it.each([
    ['top-level leaves', ['1', '2', '3']],
    ['a string', ['"a\\', '"b"']],
    ['spaces around', [' \n', '[ ] ', '\t']],
    ['an empty object in pieces', ['{', ' ', '}']],
  ])('%s', (_, cut) => {
    expect(parseJsonPieces(cut)).toStrictEqual(JSON.parse(cut.join('')));
  });
});

describe('JsonAssembler: fails where JSON.parse fails', () => {
  const bad = [
    '',
    ' ',
    '{',
    '[1,',
    '[1,]',
    '{"a":1,}',
    '{"a" 1}',
    '{a:1}',
    '[1 2]',
    '{"a":[1,{"b":2]}',
    '[1}',
    '{"a":1]',
    '"unterminated',
    '[tru]',
    '[01]',
    '{"a":1} x',
    '[1] [2]',
    '[1,2]]',
    '{"a":{"b":1}}}',
    '[nul',
    '["a\\x"]',
    '[{"a":1},]',
  ];
  it.each(bad)('%j', (text) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    const r = rng(text.length + 1);
    for (let round = 0; round < 5; round++) {
      expect(() => parseJsonPieces(pieces(text, r))).toThrow(SyntaxError);
    }
  });

  it('says where, in the whole text', () => {
    const a = new JsonAssembler();
    a.write('{"ok":[1,2,3],');
    // The bad value is in the members from 14 on: the position counts the pieces already read.
    expect(() => {
      a.write('"bad":[1,tru]}');
      a.end();
    }).toThrow(/ in the members from position 14$/);
  });
});
