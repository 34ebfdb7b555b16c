// Keeps the running totals that caps and "counts once" rules need within one year's
// evaluation, and records every cut on the activity it hit so each number is explained.
import type { ActivityInput, ActivityResult, EvaluateYearInput } from './engine.types';
import type { Subject } from './policy.types';
import type { CompiledKind, CompiledPolicy, CompiledVersion } from './policy-compiler';
import { addCut, evidenceKey, newActivityResult, runActivityRule } from './activity-evaluator';

export class CapLedger {
  // Created on first use: most years hit no cap, and Map creation shows in the hot loop.
  private kindUsed: Map<string, number> | null = null;
  private groupUsed: Map<string, Record<Subject, number>> | null = null;
  private evidence: Set<string> | null = null;

  constructor(
    private readonly version: CompiledVersion,
    private readonly input: EvaluateYearInput,
    private readonly policy: CompiledPolicy,
  ) {}

  /**
   * True when the same evidence (result, certificate) was counted in an earlier year.
   * Duplicates within the year are settled before, by evidenceLosers.
   */
  usedBefore(kind: CompiledKind, activity: ActivityInput, hasHistory: boolean): boolean {
    if (!hasHistory || kind.spec.countsOnce?.scope !== 'EVER') return false;
    this.evidence ??= this.earlierEvidence(this.input.year);
    const key = evidenceKey(kind, activity);
    return key !== null && this.evidence.has(key);
  }

  /** Hours of a single-subject activity that survive the kind's and its group's caps. */
  admit(kind: CompiledKind, subject: Subject, amount: number, result: ActivityResult): number {
    let hours = this.admitKind(kind, amount, result);
    const group = this.groupFor(kind);
    if (group !== undefined) {
      const [spec, used] = group;
      const code = kind.spec.group;
      const cap = spec.caps[subject];
      if (cap !== undefined && used[subject] + hours > cap) {
        const allowed = Math.max(0, cap - used[subject]);
        addCut(result, { cap: this.version.groupCapNames.get(`${code}:${subject}`) ?? spec.name, cut: hours - allowed });
        hours = allowed;
      }
      used[subject] += hours;
    }
    return hours;
  }

  /** Flexible hours: public while public is short, then professional, then public again. */
  admitFlexible(kind: CompiledKind, amount: number, shortPublic: number, result: ActivityResult): Record<Subject, number> {
    const hours = this.admitKind(kind, amount, result);
    const group = this.groupFor(kind);
    const capPub = group?.[0].caps.PUBLIC ?? Infinity;
    const capProf = group?.[0].caps.PROFESSIONAL ?? Infinity;
    const used = group?.[1] ?? { PUBLIC: 0, PROFESSIONAL: 0 };
    const roomPub = Math.max(0, capPub - used.PUBLIC);
    const roomProf = Math.max(0, capProf - used.PROFESSIONAL);
    let toPub = Math.min(hours, shortPublic, roomPub);
    const toProf = Math.min(hours - toPub, roomProf);
    toPub += Math.min(hours - toPub - toProf, roomPub - toPub);
    const cut = hours - toPub - toProf;
    if (cut > 0 && group !== undefined) {
      const spec = group[0];
      addCut(result, { cap: this.version.groupCapNames.get(`${kind.spec.group}:FLEXIBLE`) ?? spec.name, cut });
    }
    used.PUBLIC += toPub;
    used.PROFESSIONAL += toProf;
    return { PUBLIC: toPub, PROFESSIONAL: toProf };
  }

  private admitKind(kind: CompiledKind, amount: number, result: ActivityResult): number {
    const caps = kind.spec.caps;
    if (caps === undefined) return amount;
    let hours = amount;
    this.kindUsed ??= new Map<string, number>();
    const used = this.kindUsed.get(kind.code) ?? 0;
    if (caps.perYear !== undefined && used + hours > caps.perYear) {
      const allowed = Math.max(0, caps.perYear - used);
      addCut(result, { cap: kind.perYearCapName, cut: hours - allowed });
      hours = allowed;
    }
    if (caps.lifetime !== undefined) {
      const earlier = this.earlierAmount(kind);
      if (earlier + used + hours > caps.lifetime) {
        const allowed = Math.max(0, caps.lifetime - earlier - used);
        addCut(result, { cap: `${kind.lifetimeCapName}（以前年度已计${earlier}）`, cut: hours - allowed });
        hours = allowed;
      }
    }
    this.kindUsed.set(kind.code, used + hours);
    return hours;
  }

  private groupFor(kind: CompiledKind): [NonNullable<CompiledVersion['spec']['groups']>[string], Record<Subject, number>] | undefined {
    const code = kind.spec.group;
    if (code === undefined) return undefined;
    const spec = this.version.spec.groups?.[code];
    if (spec === undefined) return undefined;
    this.groupUsed ??= new Map<string, Record<Subject, number>>();
    let used = this.groupUsed.get(code);
    if (used === undefined) {
      used = { PUBLIC: 0, PROFESSIONAL: 0 };
      this.groupUsed.set(code, used);
    }
    return [spec, used];
  }

  /** What earlier years' activities of this kind already earned (for "in total" caps). */
  private earlierAmount(kind: CompiledKind): number {
    let total = 0;
    for (const a of this.input.activities) {
      if (a.kind !== kind.code || a.year >= this.input.year) continue;
      const version = this.policy.versionFor(a.year);
      const earlierKind = version?.kinds.get(a.kind);
      if (!version || !earlierKind) continue;
      const ctx = { policy: this.policy, version, profile: this.input.profile, year: a.year, deadline: `${a.year}-12-31`, deadlineIsYearEnd: true, today: undefined };
      const out = runActivityRule(ctx, earlierKind, a, newActivityResult(a));
      if (out !== null && out.deem === null) total += out.amount;
    }
    return Math.min(total, kind.spec.caps?.lifetime ?? total);
  }

  private earlierEvidence(year: number): Set<string> {
    const keys = new Set<string>(this.input.priorEvidenceKeys ?? []);
    for (const a of this.input.activities) {
      if (a.year >= year) continue;
      const kind = this.policy.versionFor(a.year)?.kinds.get(a.kind);
      if (kind?.spec.countsOnce?.scope !== 'EVER') continue;
      const key = evidenceKey(kind, a);
      if (key !== null) keys.add(key);
    }
    return keys;
  }
}
