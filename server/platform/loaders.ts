// Helpers for DataLoader batch functions.

/** Rows in the order of the requested ids; null where a row is missing (or out of sight under RLS). */
export function byId<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}
