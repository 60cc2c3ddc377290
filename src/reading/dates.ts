/**
 * A date as a page writes it → the corpus's form: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all
 * the page gives. The calendar date is the one written (the publisher's own day): `2022-11-03T23:30-05:00`
 * is the 3rd, never shifted into another time zone, and no `Date` object is involved, so the reading is the
 * same on every machine. Anything that is not a real date gives null.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function build(year: number, month?: number, day?: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month === undefined) return String(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A month's English name or its usual abbreviation (`Nov`, `Sept`). */
function monthOf(name: string): number | undefined {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex((full) => n === full || n === full.slice(0, 3) || (full === 'september' && n === 'sept'));
  return i < 0 ? undefined : i + 1;
}

/** `2022-11-03`, `2022-11-03T10:00:00Z`, `2022-11-03 10:00`, `2022/11/03`, `20221103`, `2022-11`, `2022`,
 * `Thu, 03 Nov 2022 10:00:00 GMT`, `3 November 2022`, `November 3, 2022`, `Nov. 3, 2022`. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim().slice(0, 100);
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s])/.exec(s);
  if (m) return build(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})(?=$|T)/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  // Day month year (RFC 2822 and most of the world), optionally after a weekday.
  m = /^(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i.exec(s);
  if (m && monthOf(m[2]!)) return build(Number(m[3]), monthOf(m[2]!), Number(m[1]));
  // Month day, year (US).
  m = /^(?:[a-z]{3,9}\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(s);
  if (m && monthOf(m[1]!)) return build(Number(m[3]), monthOf(m[1]!), Number(m[2]));
  return null;
}

/**
 * The instant a page states, when it gives a time of day and a zone: `2022-11-03T10:00:00Z`,
 * `2022-11-03T10:00-05:00` (kept as written: lineage orders two same-day copies by it). A time without a
 * zone is no instant (whose 10:00?), so it gives null, as does anything that is not a real date.
 */
export function normalizeInstant(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.exec(value.trim().slice(0, 100));
  if (!m || normalizeDate(m[1]) !== m[1]) return null;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return null;
  const zone = m[5] === 'Z' ? 'Z' : m[5]!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${zone}`;
}
