// The ledger's bytes, built in slices, are exactly JSON.stringify's text.
import { jsonBody, jsonBytes, jsonSlices } from '../src/model/json-slices.js';
import { bodyBytes } from './support/memory.js';

const ledgerOf = (n: number) => {
  const objects: Record<string, unknown> = {};
  const full: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    objects[`d${i % 7}/f${i}.js`] = i % 3 ? ['', 'a'.repeat(32), 'h1'] : ['etag-2', 'b'.repeat(32), 'h2', 'r1'];
    full[`d${i % 7}/f${i}.js`] = ['c'.repeat(32), i, 0, i % 2];
  }
  return {
    version: 3,
    objects,
    demoted: [],
    deploys: [{ sha: 'x', runId: '1', time: 't', id: 2, site: { full } }],
    headerSets: [{ contentType: 'text/html', cacheControl: 'no-cache' }],
  };
};

const cases: [string, unknown][] = [
  ['a ledger of 20,000 keys', ledgerOf(20_000)],
  ['integer-like keys (ordered first by JSON.stringify)', { b: 1, '10': [1], '2': { z: 'é\u2028"\\' }, a: null }],
  ['undefined, functions and symbols left out or null', { a: undefined, b: [undefined, () => 1, Symbol('s')], c: { d: undefined, e: 1 } }],
  ['nested arrays and empty containers', [[[]], {}, [{}], { x: [[1, [2, { y: [] }]]] }]],
  ['a string over the slice size', { s: 'ü'.repeat(100_000), t: ['x'.repeat(70_000), 'y'] }],
  [
    'flat entries formatted without JSON.stringify: escapes, numbers, booleans, holes',
    {
      'k"ey\\': ['\u0000\u001f\u007f', 'ü\u2028', '\ud800', -0, NaN, Infinity, 1e21, 0.1, true, false, null, undefined],
      plain: { a: 'x', b: undefined, c: () => 1, 'd\ne': 2 },
      // eslint-disable-next-line no-sparse-arrays
      holes: [1, , 3],
      nested: [{ when: new Date(0) }, new Date(1), Object.assign(Object.create(null) as object, { n: 1 })],
    },
  ],
  ['primitives', 'plain'],
  ['null', null],
];

describe('jsonBytes', () => {
  it.each(cases)('%s', (_, value) => {
    expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));
  });
});

describe('jsonBody: the same bytes, counted, in bounded chunks, afresh for each send', () => {
  it.each(cases)('%s', (_, value) => {
    const body = jsonBody(value);
    const text = JSON.stringify(value);
    expect(body.byteLength).toBe(Buffer.byteLength(text, 'utf8'));
    expect(bodyBytes(body).toString('utf8')).toBe(text);
    // A second send (a retry) gets every byte again.
    expect(bodyBytes(body).toString('utf8')).toBe(text);
  });

  it('a ledger of 20,000 keys comes in many slices, none much over 64 Ki units', () => {
    const slices = [...jsonSlices(ledgerOf(20_000))];
    expect(slices.length).toBeGreaterThan(10);
    // A slice closes after the entry that takes it over 64 Ki: an entry here is under 100 units.
    for (const s of slices) expect(s.length).toBeLessThan(64 * 1024 + 100);
  });
});
