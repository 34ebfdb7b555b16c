// Date helpers on 'YYYY-MM-DD' strings. Pure: no Date.now(), UTC arithmetic only. Working days
// (weekends, statutory holidays, adjusted working weekends) are counted in working-calendar.ts.

/** Days per month of a non-leap year (index 1–12). */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Value of the ASCII digit at i, or -1 when it is not one (same as the /\d/ class). */
function digit(value: string, i: number): number {
  const c = value.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Exactly 'DDDD-DD-DD' with a real month and day. Hand-written instead of a regular
 * expression and a Date (it runs for every dated condition in the hot loop); years 0–99
 * are read as 1900–1999, as Date.UTC does, so the answer is the same as before.
 */
export function isValidDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y0 = digit(value, 0);
  const y1 = digit(value, 1);
  const y2 = digit(value, 2);
  const y3 = digit(value, 3);
  const m0 = digit(value, 5);
  const m1 = digit(value, 6);
  const d0 = digit(value, 8);
  const d1 = digit(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false;
  let y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (mo < 1 || mo > 12 || d < 1) return false;
  if (y <= 99) y += 1900;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  // 1 ≤ mo ≤ 12 here.
  return d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo]!);
}

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD' (years 0–99 as 1900–1999, as Date.UTC reads them). */
export function dayNumber(value: string): number {
  let y = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const m = digit(value, 5) * 10 + digit(value, 6);
  const d = digit(value, 8) * 10 + digit(value, 9);
  if (y <= 99) y += 1900;
  // Days from civil (proleptic Gregorian), with March as the first month of the computing year.
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The year of a valid 'YYYY-MM-DD' (years 0–99 as 1900–1999, as isValidDate reads them). */
export function yearOfDate(value: string): number {
  const y = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  return y <= 99 ? y + 1900 : y;
}
