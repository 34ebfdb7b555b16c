// "Counts once" within a year: when the same result or certificate is declared twice in
// one year, the declaration worth most counts (ties: the earlier one). Choosing by value
// rather than by date keeps the engine monotone: declaring more never lowers the hours.
import type { ActivityInput } from './engine.types';
import type { CompiledVersion } from './policy-compiler';
import { evidenceKey, newActivityResult, runActivityRule, type ActivityContext } from './activity-evaluator';

/** Ids of activities that lose to a same-key declaration of the same year. */
export function evidenceLosers(ctx: ActivityContext, version: CompiledVersion, sorted: readonly ActivityInput[]): Set<string> | null {
  if (!version.hasCountsOnce) return null;
  const best = new Map<string, { id: string; amount: number }>();
  let losers: Set<string> | null = null;
  for (const a of sorted) {
    const kind = version.kinds.get(a.kind);
    const key = kind ? evidenceKey(kind, a) : null;
    if (kind === undefined || key === null) continue;
    const out = runActivityRule(ctx, kind, a, newActivityResult(a));
    if (out === null) continue;
    const amount = out.split ? out.split.PUBLIC + out.split.PROFESSIONAL : out.amount;
    const current = best.get(key);
    if (current === undefined) {
      best.set(key, { id: a.id, amount });
      continue;
    }
    losers ??= new Set<string>();
    if (amount > current.amount) {
      losers.add(current.id);
      best.set(key, { id: a.id, amount });
    } else {
      losers.add(a.id);
    }
  }
  return losers;
}
