// Which reminders a run makes: the days (after, today] it covers — the days since the last
// run, so that a run missed on the day (a server down at nine) is caught up by the next one —
// against each deadline and the days before it the policy names. A deadline already passed
// is not reminded of; of several reminder days crossed at once (a catch-up over more than one),
// only the nearest to the deadline is made. Dates are China-time YYYY-MM-DD strings.
const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The days a run covers: after the last day handled (the day before today on a first run), up to today. */
export interface RunWindow {
  after: string;
  today: string;
}

export function runWindow(remindedThrough: string | null, today: string): RunWindow | null {
  const after = remindedThrough ?? addDays(today, -1);
  return after < today ? { after, today } : null;
}

/**
 * For one deadline shared by everyone it applies to (the yearly deadline, the Corps' June 30):
 * the days before it whose reminder day falls in the window, nearest to the deadline first
 * (only that one is made); null when none does or the deadline has passed.
 */
export function crossedDay(deadline: string, daysBefore: readonly number[], w: RunWindow): number | null {
  if (deadline < w.today) return null;
  const crossed = daysBefore.filter((d) => {
    const on = addDays(deadline, -d);
    return on > w.after && on <= w.today;
  });
  return crossed.length ? Math.min(...crossed) : null;
}

/**
 * For deadlines of one's own (Binzhou's filing dates): per day count, the deadlines whose
 * reminder day falls in the window and that have not passed — (after + d, today + d], from
 * today on — nearest to the deadline first. A person matching two is reminded by the first.
 */
export function deadlineWindows(daysBefore: readonly number[], w: RunWindow): { daysBefore: number; after: string; through: string }[] {
  const yesterday = addDays(w.today, -1);
  return [...daysBefore]
    .sort((a, b) => a - b)
    .map((d) => {
      const after = addDays(w.after, d);
      return { daysBefore: d, after: after > yesterday ? after : yesterday, through: addDays(w.today, d) };
    });
}
