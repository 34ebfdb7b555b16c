// Keeps the running totals that caps and "counts once" rules need within one year's
// evaluation, and records every cut on the activity it hit so each number is explained.
// Totals are small arrays indexed by the slots the compiler gave capped kinds and groups
// (no Map per evaluation, no string keys), created on first use: most years hit no cap.
// Those slots are below the version's cappedKindCount and groupCount, the arrays' lengths.
import type { ActivityInput, ActivityResult, EvaluateYearInput } from './engine.types';
import { addCut, addNote, evidenceKey, newActivityResult, runActivityRule } from './activity-evaluator';
import { placementNote } from './flexible-placement';
import { SUBJECT_PUBLIC, type CompiledKind } from './kind-compiler';
import type { CompiledPolicy, CompiledVersion } from './policy-compiler';

/** The ledger's counters; may be reused by later evaluations (each ledger zeroes what it uses). */
export interface LedgerWork {
  kindUsed: number[];
  groupPublic: number[];
  groupProfessional: number[];
}

export function newLedgerWork(): LedgerWork {
  return { kindUsed: [], groupPublic: [], groupProfessional: [] };
}

function zeroed(a: number[], n: number): number[] {
  for (let i = 0; i < n; i++) a[i] = 0;
  return a;
}

export class CapLedger {
  private kindUsed: number[] | null = null;
  private groupPublic: number[] | null = null;
  private groupProfessional: number[] | null = null;
  private evidence: Set<string> | null = null;

  constructor(
    private readonly version: CompiledVersion,
    private readonly input: EvaluateYearInput,
    private readonly policy: CompiledPolicy,
    private readonly work: LedgerWork = newLedgerWork(),
  ) {}

  /**
   * True when the same evidence (result, certificate) was counted in an earlier year.
   * Duplicates within the year are settled before, by evidenceLosers.
   */
  usedBefore(kind: CompiledKind, activity: ActivityInput, hasHistory: boolean): boolean {
    if (!hasHistory || !kind.evidenceEver) return false;
    this.evidence ??= this.earlierEvidence(this.input.year);
    const key = evidenceKey(kind, activity);
    return key !== null && this.evidence.has(key);
  }

  /** Hours of a single-subject activity (subject: SUBJECT_PUBLIC or SUBJECT_PROFESSIONAL) that survive the kind's and its group's caps. */
  admit(kind: CompiledKind, subject: number, amount: number, result: ActivityResult): number {
    let hours = kind.capSlot >= 0 ? this.admitKind(kind, amount, result) : amount;
    const g = kind.groupSlot;
    if (g >= 0) {
      if (this.groupPublic === null) this.newGroups();
      const pub = subject === SUBJECT_PUBLIC;
      const usedList = (pub ? this.groupPublic : this.groupProfessional) as number[];
      const used = usedList[g]!;
      const cap = pub ? kind.groupCapPublic : kind.groupCapProfessional;
      if (cap !== undefined && used + hours > cap) {
        const allowed = Math.max(0, cap - used);
        addCut(result, { cap: pub ? kind.groupCapNamePublic : kind.groupCapNameProfessional, cut: hours - allowed });
        hours = allowed;
      }
      usedList[g] = used + hours;
    }
    return hours;
  }

  /**
   * Flexible hours: public while public is short, then professional, then public again.
   * Writes the placed hours into result.hoursEarned, and where they went and why into its notes.
   */
  admitFlexible(kind: CompiledKind, amount: number, shortPublic: number, result: ActivityResult): void {
    const hours = kind.capSlot >= 0 ? this.admitKind(kind, amount, result) : amount;
    const g = kind.groupSlot;
    let usedPub = 0;
    let usedProf = 0;
    let capPub = Infinity;
    let capProf = Infinity;
    if (g >= 0) {
      if (this.groupPublic === null) this.newGroups();
      usedPub = (this.groupPublic as number[])[g]!;
      usedProf = (this.groupProfessional as number[])[g]!;
      capPub = kind.groupCapPublic ?? Infinity;
      capProf = kind.groupCapProfessional ?? Infinity;
    }
    const roomPub = Math.max(0, capPub - usedPub);
    const roomProf = Math.max(0, capProf - usedProf);
    const first = Math.min(hours, shortPublic, roomPub);
    const toProf = Math.min(hours - first, roomProf);
    const again = Math.min(hours - first - toProf, roomPub - first);
    const toPub = first + again;
    const cut = hours - toPub - toProf;
    const note = placementNote(first, toProf, again, cut, shortPublic, this.version.unit);
    // the memoised one-note list is the notes as they are when there are none yet (the usual case)
    if (note.length > 0) {
      if (result.notes.length === 0) result.notes = note;
      else addNote(result, note[0]!);
    }
    if (g >= 0) {
      if (cut > 0) addCut(result, { cap: kind.groupCapNameFlexible, cut });
      (this.groupPublic as number[])[g] = usedPub + toPub;
      (this.groupProfessional as number[])[g] = usedProf + toProf;
    }
    result.hoursEarned.PUBLIC = toPub;
    result.hoursEarned.PROFESSIONAL = toProf;
  }

  private newGroups(): void {
    this.groupPublic = zeroed(this.work.groupPublic, this.version.groupCount);
    this.groupProfessional = zeroed(this.work.groupProfessional, this.version.groupCount);
  }

  private admitKind(kind: CompiledKind, amount: number, result: ActivityResult): number {
    let hours = amount;
    const usedList = (this.kindUsed ??= zeroed(this.work.kindUsed, this.version.cappedKindCount));
    const used = usedList[kind.capSlot]!;
    const perYear = kind.perYearCap;
    if (perYear !== undefined && used + hours > perYear) {
      const allowed = Math.max(0, perYear - used);
      addCut(result, { cap: kind.perYearCapName, cut: hours - allowed });
      hours = allowed;
    }
    const lifetime = kind.lifetimeCap;
    if (lifetime !== undefined) {
      const earlier = this.earlierAmount(kind, lifetime);
      if (earlier + used + hours > lifetime) {
        const allowed = Math.max(0, lifetime - earlier - used);
        addCut(result, { cap: `${kind.lifetimeCapName}（以前年度已计${earlier}）`, cut: hours - allowed });
        hours = allowed;
      }
    }
    usedList[kind.capSlot] = used + hours;
    return hours;
  }

  /** What earlier years' activities of this kind already earned (for "in total" caps). */
  private earlierAmount(kind: CompiledKind, lifetime: number): number {
    let total = 0;
    for (const a of this.input.activities) {
      if (a.kind !== kind.code || a.year >= this.input.year) continue;
      const version = this.policy.versionFor(a.year);
      const earlierKind = version?.kinds.get(a.kind);
      if (!version || !earlierKind) continue;
      const ctx = { policy: this.policy, version, profile: this.input.profile, year: a.year, deadline: `${a.year}-12-31`, deadlineIsYearEnd: true, today: undefined, application: this.input.application, titleDeadline: false };
      const out = runActivityRule(ctx, earlierKind, a, newActivityResult(a));
      if (out !== null && out.deem === null) total += out.amount;
    }
    return Math.min(total, lifetime);
  }

  private earlierEvidence(year: number): Set<string> {
    const keys = new Set<string>(this.input.priorEvidenceKeys ?? []);
    for (const a of this.input.activities) {
      if (a.year >= year) continue;
      const kind = this.policy.versionFor(a.year)?.kinds.get(a.kind);
      if (kind === undefined || !kind.evidenceEver) continue;
      const key = evidenceKey(kind, a);
      if (key !== null) keys.add(key);
    }
    return keys;
  }
}
