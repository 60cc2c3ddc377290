// @vitest-environment node
/** Publication dates as pages write them → the corpus's YYYY-MM-DD (or the precision given). */
import { describe, expect, it } from 'vitest';
import { normalizeDate, normalizeInstant } from '../../../src/reading/dates';

describe('normalizeDate', () => {
  it.each([
    ['2022-11-03', '2022-11-03'],
    ['2022-11-03T10:00:00Z', '2022-11-03'],
    // The day the publisher wrote, never shifted to UTC (that would be the 4th).
    ['2022-11-03T23:30:00-05:00', '2022-11-03'],
    ['2022-11-03T00:30:00+09:00', '2022-11-03'],
    ['2022-11-03 10:00:00', '2022-11-03'],
    ['2022/11/03', '2022-11-03'],
    ['2022-1-3', '2022-01-03'],
    ['20221103', '2022-11-03'],
    ['20221103T101500Z', '2022-11-03'],
    ['2022-11', '2022-11'],
    ['2022', '2022'],
    ['Thu, 03 Nov 2022 10:00:00 GMT', '2022-11-03'],
    ['3 November 2022', '2022-11-03'],
    ['3rd Nov. 2022', '2022-11-03'],
    ['November 3, 2022', '2022-11-03'],
    ['Nov. 3, 2022 9:30am', '2022-11-03'],
    ['Sept 1, 2022', '2022-09-01'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (from, to) => expect(normalizeDate(from)).toBe(to));

  it.each([
    ['not a date'],
    [''],
    ['2022-13-01'],
    ['2022-02-30'],
    ['2023-02-29'],
    ['1850-01-01'],
    ['12/11/2022'],
    ['Junk 3, 2022'],
    ['2022-11-03abc'],
    ['123456789012345'],
  ])('%s → null', (from) => expect(normalizeDate(from)).toBeNull());

  it('null and undefined → null', () => {
    expect(normalizeDate(null)).toBeNull();
    expect(normalizeDate(undefined)).toBeNull();
  });
});

describe('normalizeInstant: a time of day with its zone, kept as written', () => {
  it.each([
    ['2022-10-31T14:05:00Z', '2022-10-31T14:05:00Z'],
    ['2022-10-31T14:05Z', '2022-10-31T14:05:00Z'],
    ['2022-11-03T23:30:00-05:00', '2022-11-03T23:30:00-05:00'],
    ['2022-11-03T23:30:00.123-0500', '2022-11-03T23:30:00-05:00'],
    [' 2022-11-03T00:30:00+09:00 ', '2022-11-03T00:30:00+09:00'],
  ])('%s → %s', (from, to) => expect(normalizeInstant(from)).toBe(to));

  it.each([
    ['2022-11-03'],
    ['2022-11-03T10:00:00'],
    ['2022-02-30T10:00:00Z'],
    ['2022-11-03T25:00:00Z'],
    ['Nov 3, 2022 10:00 GMT'],
    [''],
    [null],
  ])('%s → null (no zone, no time, or no real date)', (from) => expect(normalizeInstant(from)).toBeNull());
});
