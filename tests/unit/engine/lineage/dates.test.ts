import { describe, expect, it } from 'vitest';
import { dateOrder, parseDate } from '../../../../src/engine/lineage/dates';

describe('publication dates as intervals', () => {
  it('reads a year, a month, a day and a timestamp; anything else is unknown', () => {
    expect(parseDate('2022-11')).toEqual({ start: Date.UTC(2022, 10, 1), end: Date.UTC(2022, 11, 1) - 1 });
    expect(parseDate('2022-10-31')!.end - parseDate('2022-10-31')!.start).toBe(86_400_000 - 1);
    expect(parseDate('2022')!.start).toBe(Date.UTC(2022, 0, 1));
    expect(parseDate('2022-10-31T14:05:00Z')).toEqual({ start: Date.UTC(2022, 9, 31, 14, 5), end: Date.UTC(2022, 9, 31, 14, 5) });
    for (const bad of [null, undefined, '', 'last week', '2022-13', '2022-02-30']) expect(parseDate(bad)).toBeNull();
  });

  it('orders only what is known to be in order: a day inside a month, or a missing date, is unknown', () => {
    expect(dateOrder(parseDate('2022-10-31'), parseDate('2022-11'))).toBe('before');
    expect(dateOrder(parseDate('2022-11'), parseDate('2022-10-31'))).toBe('after');
    expect(dateOrder(parseDate('2022-11-03'), parseDate('2022-11'))).toBe('unknown');
    expect(dateOrder(null, parseDate('2022-11'))).toBe('unknown');
    expect(dateOrder(parseDate('2022-11-03'), parseDate('2022-11-03'))).toBe('unknown');
  });
});
