// The ledger's bytes, built in slices, are exactly JSON.stringify's text.
import { jsonBytes } from '../src/model/json-slices.js';

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

describe('jsonBytes', () => {
  it.each<[string, unknown]>([
    ['a ledger of 20,000 keys', ledgerOf(20_000)],
    ['integer-like keys (ordered first by JSON.stringify)', { b: 1, '10': [1], '2': { z: 'é\u2028"\\' }, a: null }],
    [
      'undefined, functions and symbols left out or null',
      { a: undefined, b: [undefined, () => 1, Symbol('s')], c: { d: undefined, e: 1 } },
    ],
    ['nested arrays and empty containers', [[[]], {}, [{}], { x: [[1, [2, { y: [] }]]] }]],
    ['a string over the slice size', { s: 'ü'.repeat(100_000), t: ['x'.repeat(70_000), 'y'] }],
    ['primitives', 'plain'],
    ['null', null],
  ])('%s', (_, value) => {
    expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));
  });
});
