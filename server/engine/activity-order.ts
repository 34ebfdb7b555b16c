// Which activities a year evaluates, and the order order-sensitive ones are credited in:
// date order, then id, so the answer never depends on the order of the input.
import type { ActivityInput } from './engine.types';

/** Date order, then id: the order in which order-sensitive activities are credited. */
export function compareActivities(a: ActivityInput, b: ActivityInput): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The activities of the year: the input list itself when they all are (no copy). */
export function activitiesOfYear(all: readonly ActivityInput[], year: number): readonly ActivityInput[] {
  let i = 0;
  while (i < all.length && all[i]!.year === year) i++;
  if (i === all.length) return all;
  const mine: ActivityInput[] = all.slice(0, i);
  for (; i < all.length; i++) {
    const activity = all[i]!;
    if (activity.year === year) mine.push(activity);
  }
  return mine;
}

/** Sort keys of the activities being sorted (scratch; the sort never re-enters). */
const sortKeys: number[] = [];

/**
 * Stable insertion sort of indices[0…count) by date, then id (a year has a handful of such
 * activities). Dates compare by their keys (see dateKey), which order 'YYYY-MM-DD' texts
 * exactly as comparing the texts does; any other text falls back to comparing the texts.
 * indices[0…count) are indices of mine and of dates.
 */
export function sortByDateThenId(indices: number[], count: number, dates: readonly number[], mine: readonly ActivityInput[]): void {
  let plain = true;
  for (let k = 0; k < count; k++) {
    const key = dates[indices[k]!]!;
    if (key !== key) plain = false;
    sortKeys[k] = key;
  }
  if (!plain) {
    for (let k = 1; k < count; k++) {
      const v = indices[k]!;
      const a = mine[v]!;
      let j = k - 1;
      while (j >= 0 && compareActivities(mine[indices[j]!]!, a) > 0) {
        indices[j + 1] = indices[j]!;
        j--;
      }
      indices[j + 1] = v;
    }
    return;
  }
  for (let k = 1; k < count; k++) {
    const v = indices[k]!;
    const key = sortKeys[k]!;
    let j = k - 1;
    while (j >= 0) {
      const other = sortKeys[j]!;
      // Same date: the ids decide (compareActivities compares the equal dates, then the ids).
      if (other < key || (other === key && compareActivities(mine[indices[j]!]!, mine[v]!) <= 0)) break;
      indices[j + 1] = indices[j]!;
      sortKeys[j + 1] = other;
      j--;
    }
    indices[j + 1] = v;
    sortKeys[j + 1] = key;
  }
}

/** YYYYMMDD for 'YYYY-MM-DD', -1 for no date (sorts first, as the empty text), NaN for any other text. */
export function dateKey(date: string | undefined): number {
  if (date === undefined || date === '') return -1;
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = date.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    key = key * 10 + d;
  }
  return key;
}
