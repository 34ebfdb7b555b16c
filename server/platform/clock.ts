// The calendar the policies are written in (China Standard Time, no DST).
// Services take "today" from a Clock so that tests can fix it.

export interface Clock {
  /** Today's date in China, YYYY-MM-DD. */
  today(): string;
}

export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3600e3).toISOString().slice(0, 10);
}

export const systemClock: Clock = { today: () => chinaToday() };
