import fc from 'fast-check';
import { thousands } from '../src/model/format.js';

describe('thousands: what toLocaleString("en-US") prints for integers, without loading ICU', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [-1234567, '-1,234,567'],
    [1e15, '1,000,000,000,000,000'],
  ])('%d -> %s', (n, s) => {
    expect(thousands(n)).toBe(s);
  });
  it('agrees with Intl for every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => thousands(n) === n.toLocaleString('en-US')),
      { numRuns: 2000 },
    );
  });
});
