import fc from 'fast-check';
import { thousands } from '../src/model/format.js';
import { wholeBytes } from '../src/model/data.js';

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

describe('wholeBytes: a byte count held as a small integer, never a different number', () => {
  it.each([0, -0, 1, 1023, 2 ** 30 - 1, 2 ** 30, 2 ** 31, 3 * 2 ** 30, 5 * 2 ** 40, 2 ** 53 - 1, 1.5, -1])('%d stays %d', (n) => {
    expect(Object.is(wholeBytes(n), n)).toBe(true);
  });
  it('any size (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.double({ noNaN: true })), (n) => Object.is(wholeBytes(n), n)));
  });
});
