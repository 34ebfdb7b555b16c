// "Counts once" within a year: when the same result or certificate is declared twice in
// one year, the declaration worth most counts (ties: the earlier one). Choosing by value
// rather than by date keeps the engine monotone: declaring more never lowers the hours.
import type { ActivityInput } from './engine.types';
import type { CompiledVersion } from './policy-compiler';
import { compareActivities, evidenceKey, newActivityResult, runActivityRule, type ActivityContext } from './activity-evaluator';

/** Ids of activities that lose to a same-key declaration of the same year. */
export function evidenceLosers(ctx: ActivityContext, version: CompiledVersion, activities: readonly ActivityInput[]): Set<string> | null {
  if (!version.hasCountsOnce) return null;
  let keyed = 0;
  for (const a of activities) if (version.kinds.get(a.kind)?.spec.countsOnce !== undefined) keyed++;
  if (keyed < 2) return null;
  // Cheap first pass: most years have no duplicate evidence, so no rule needs running.
  const seen = new Set<string>();
  let duplicated: Set<string> | null = null;
  for (const a of activities) {
    const kind = version.kinds.get(a.kind);
    const key = kind ? evidenceKey(kind, a) : null;
    if (key === null) continue;
    if (seen.has(key)) (duplicated ??= new Set<string>()).add(key);
    else seen.add(key);
  }
  if (duplicated === null) return null;
  const best = new Map<string, { activity: ActivityInput; amount: number }>();
  let losers: Set<string> | null = null;
  for (const a of activities) {
    const kind = version.kinds.get(a.kind);
    const key = kind ? evidenceKey(kind, a) : null;
    if (kind === undefined || key === null || !duplicated.has(key)) continue;
    const out = runActivityRule(ctx, kind, a, newActivityResult(a));
    if (out === null) continue;
    const amount = out.split ? out.split.PUBLIC + out.split.PROFESSIONAL : out.amount;
    const current = best.get(key);
    if (current === undefined) {
      best.set(key, { activity: a, amount });
      continue;
    }
    losers ??= new Set<string>();
    if (amount > current.amount || (amount === current.amount && compareActivities(a, current.activity) < 0)) {
      losers.add(current.activity.id);
      best.set(key, { activity: a, amount });
    } else {
      losers.add(a.id);
    }
  }
  return losers;
}
