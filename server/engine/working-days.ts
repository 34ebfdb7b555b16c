// Calendar helpers on 'YYYY-MM-DD' strings. Pure: no Date.now(), UTC arithmetic only.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function toDayNumber(value: string): number {
  return Math.floor(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / 86_400_000);
}

/**
 * Working days d with from ≤ d < to (Monday–Friday). Public holidays and
 * make-up working weekends are not in any seed document, so only weekends are
 * excluded (product decision).
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  let count = 0;
  for (let day = a; day < b; day++) {
    // 1970-01-01 (day 0) was a Thursday: (day + 4) % 7 gives 0 = Sunday … 6 = Saturday.
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}
