// "Counts once" within a year: when the same result or certificate is declared twice in
// one year, the declaration worth most counts (ties: the earlier one). Choosing by value
// rather than by date keeps the engine monotone: declaring more never lowers the hours.
import type { ActivityInput } from './engine.types';
import { newActivityResult, runActivityRule, type ActivityContext } from './activity-evaluator';
import { compareActivities } from './activity-order';
import type { CompiledKind } from './kind-compiler';
import type { CompiledVersion } from './policy-compiler';

/** Work arrays for evidenceLosers, reused across evaluations (entries 0…n−1 are always written first). */
export interface EvidenceWork {
  keys: (string | null)[];
  first: number[];
  dup: boolean[];
  best: number[];
  bestAmount: number[];
}

export function newEvidenceWork(): EvidenceWork {
  return { keys: [], first: [], dup: [], best: [], bestAmount: [] };
}

/**
 * Ids of activities that lose to a same-key declaration of the same year, or null.
 * kinds[i] is the compiled kind of activities[i]. A year has a dozen activities at most in
 * practice, so keys are compared pairwise instead of hashed into a Set or Map.
 */
export function evidenceLosers(
  ctx: ActivityContext,
  version: CompiledVersion,
  activities: readonly ActivityInput[],
  kinds: readonly (CompiledKind | undefined)[],
  work: EvidenceWork = newEvidenceWork(),
): string[] | null {
  if (!version.hasCountsOnce) return null;
  const n = activities.length;
  let keyed = 0;
  for (let i = 0; i < n; i++) {
    const kind = kinds[i];
    if (kind !== undefined && kind.evidenceKey !== null) keyed++;
  }
  if (keyed < 2) return null;
  // Cheap first pass: most years have no duplicate evidence, so no rule needs running.
  // (The work arrays' entries 0…n−1 are written below before they are read.)
  // first[i]: index of the first activity with activity i's key (-1: no key); dup: that key repeats.
  const { keys, first, dup, best, bestAmount } = work;
  let anyDuplicate = false;
  for (let i = 0; i < n; i++) {
    const kind = kinds[i];
    const key = kind !== undefined && kind.evidenceKey !== null ? kind.evidenceKey(activities[i]!.params) : null;
    keys[i] = key;
    dup[i] = false;
    let f = -1;
    if (key !== null) {
      f = i;
      for (let j = 0; j < i; j++) {
        if (keys[j] === key) {
          f = first[j]!;
          dup[f] = true;
          anyDuplicate = true;
          break;
        }
      }
    }
    first[i] = f;
  }
  if (!anyDuplicate) return null;
  // Best declaration so far per key (by its first index): which activity, and its amount.
  for (let i = 0; i < n; i++) {
    best[i] = -1;
    bestAmount[i] = 0;
  }
  let losers: string[] | null = null;
  for (let i = 0; i < n; i++) {
    const f = first[i]!;
    if (f < 0 || !dup[f]) continue;
    const a = activities[i]!;
    const out = runActivityRule(ctx, kinds[i], a, newActivityResult(a));
    if (out === null) continue;
    const amount = out.hasSplit ? out.splitPublic + out.splitProfessional : out.amount;
    const current = best[f]!;
    if (current < 0) {
      best[f] = i;
      bestAmount[f] = amount;
      continue;
    }
    losers ??= [];
    const bestSoFar = activities[current]!;
    if (amount > bestAmount[f]! || (amount === bestAmount[f] && compareActivities(a, bestSoFar) < 0)) {
      losers.push(bestSoFar.id);
      best[f] = i;
      bestAmount[f] = amount;
    } else {
      losers.push(a.id);
    }
  }
  return losers;
}
