"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newEvidenceWork = newEvidenceWork;
exports.evidenceLosers = evidenceLosers;
const activity_evaluator_1 = require("./activity-evaluator");
const activity_order_1 = require("./activity-order");
function newEvidenceWork() {
    return { keys: [], first: [], dup: [], best: [], bestAmount: [] };
}
/**
 * Ids of activities that lose to a same-key declaration of the same year, or null.
 * kinds[i] is the compiled kind of activities[i]. A year has a dozen activities at most in
 * practice, so keys are compared pairwise instead of hashed into a Set or Map.
 */
function evidenceLosers(ctx, version, activities, kinds, work = newEvidenceWork()) {
    if (!version.hasCountsOnce)
        return null;
    const n = activities.length;
    let keyed = 0;
    for (let i = 0; i < n; i++) {
        const kind = kinds[i];
        if (kind !== undefined && kind.evidenceKey !== null)
            keyed++;
    }
    if (keyed < 2)
        return null;
    // Cheap first pass: most years have no duplicate evidence, so no rule needs running.
    // (The work arrays' entries 0…n−1 are written below before they are read.)
    // first[i]: index of the first activity with activity i's key (-1: no key); dup: that key repeats.
    const { keys, first, dup, best, bestAmount } = work;
    let anyDuplicate = false;
    for (let i = 0; i < n; i++) {
        const kind = kinds[i];
        const key = kind !== undefined && kind.evidenceKey !== null ? kind.evidenceKey(activities[i].params) : null;
        keys[i] = key;
        dup[i] = false;
        let f = -1;
        if (key !== null) {
            f = i;
            for (let j = 0; j < i; j++) {
                if (keys[j] === key) {
                    f = first[j];
                    dup[f] = true;
                    anyDuplicate = true;
                    break;
                }
            }
        }
        first[i] = f;
    }
    if (!anyDuplicate)
        return null;
    // Best declaration so far per key (by its first index): which activity, and its amount.
    for (let i = 0; i < n; i++) {
        best[i] = -1;
        bestAmount[i] = 0;
    }
    let losers = null;
    for (let i = 0; i < n; i++) {
        const f = first[i];
        if (f < 0 || !dup[f])
            continue;
        const a = activities[i];
        const out = (0, activity_evaluator_1.runActivityRule)(ctx, kinds[i], a, (0, activity_evaluator_1.newActivityResult)(a));
        if (out === null)
            continue;
        const amount = out.hasSplit ? out.splitPublic + out.splitProfessional : out.amount;
        const current = best[f];
        if (current < 0) {
            best[f] = i;
            bestAmount[f] = amount;
            continue;
        }
        losers ??= [];
        const bestSoFar = activities[current];
        if (amount > bestAmount[f] || (amount === bestAmount[f] && (0, activity_order_1.compareActivities)(a, bestSoFar) < 0)) {
            losers.push(bestSoFar.id);
            best[f] = i;
            bestAmount[f] = amount;
        }
        else {
            losers.push(a.id);
        }
    }
    return losers;
}
