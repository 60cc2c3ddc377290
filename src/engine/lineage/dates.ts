/**
 * Publication dates as intervals: "2022" is the whole year, "2022-11" the whole month, "2022-10-31" the
 * day, a full timestamp the instant. A parent must precede its child; two intervals that overlap (the
 * same month, a month and a day inside it) or a missing date leave the order unknown, never guessed.
 */

export interface DateSpan {
  /** First and last millisecond (UTC) the date can stand for. */
  start: number;
  end: number;
}

const DAY = 86_400_000;

/** `null` for a missing or unreadable date (unknown, never today). */
export function parseDate(value: string | null | undefined): DateSpan | null {
  if (!value) return null;
  const text = value.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    if (!m[2]) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) - 1 };
    const month = Number(m[2]) - 1;
    if (month < 0 || month > 11) return null;
    if (!m[3]) return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) - 1 };
    const day = Number(m[3]);
    const start = Date.UTC(year, month, day);
    if (day < 1 || new Date(start).getUTCMonth() !== month) return null;
    return { start, end: start + DAY - 1 };
  }
  // A timestamp ("2022-10-31T14:05:00Z", "2022-10-31T14:05:00-04:00"): an instant.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : { start: ms, end: ms };
  }
  return null;
}

/** How `a` stands to `b` in time: definitely earlier, definitely later, or not known (missing or overlapping). */
export type DateOrder = 'before' | 'after' | 'unknown';

export function dateOrder(a: DateSpan | null, b: DateSpan | null): DateOrder {
  if (!a || !b) return 'unknown';
  if (a.end < b.start) return 'before';
  if (a.start > b.end) return 'after';
  return 'unknown';
}

/** Sort key: the middle of the interval; unknown dates last. */
export function dateKey(span: DateSpan | null): number {
  return span ? (span.start + span.end) / 2 : Number.POSITIVE_INFINITY;
}
