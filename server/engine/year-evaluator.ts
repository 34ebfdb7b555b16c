// Evaluates one calendar year for one person: every activity's hours, the caps that cut
// them, flexible hours placed where they close a shortfall, exemptions, and the verdict.
import type { ActivityInput, ActivityResult, EvaluateYearInput, Exemption, SubjectStatus, YearEvaluation } from './engine.types';
import type { CompulsorySpec, Subject } from './policy.types';
import { compilePolicy, type CompiledKind, type CompiledVersion } from './policy-compiler';
import { addNote, compareActivities, newActivityResult, runActivityRule, type ActivityContext } from './activity-evaluator';
import { CapLedger } from './cap-ledger';
import { evidenceLosers } from './evidence-winners';
import { applyProfileRules, buildReasons, creditWindows } from './year-verdict';

const SUBJECTS: readonly Subject[] = ['PUBLIC', 'PROFESSIONAL'];
const NO_COMPULSORY: readonly CompulsorySpec[] = [];

interface Deferred {
  kind: CompiledKind;
  result: ActivityResult;
  amount: number;
}

/** Evaluates one year of one person under the tenant's policy. Pure and deterministic. */
export function evaluateYear(input: EvaluateYearInput): YearEvaluation {
  return evaluate(input, true);
}

function evaluate(input: EvaluateYearInput, withWindows: boolean): YearEvaluation {
  const policy = compilePolicy(input.policy);
  const { year, profile } = input;
  const version = policy.versionFor(year);
  if (!version) return noPolicy(input);
  const deadline = input.deadline ?? policy.annualDeadline(year);
  const ctx: ActivityContext = {
    policy,
    version,
    profile,
    year,
    deadline,
    deadlineIsYearEnd: deadline.length === 10 && deadline.endsWith('-12-31') && deadline.startsWith(String(year)),
    today: input.today,
  };
  const mine = activitiesOfYear(input.activities, year);
  const hasHistory = (input.priorEvidenceKeys?.length ?? 0) > 0 || input.activities.length > mine.length;
  const ledger = new CapLedger(version, input, policy);
  const credited: Record<Subject, number> = { PUBLIC: 0, PROFESSIONAL: 0 };
  const compulsoryHours: Record<Subject, number> = { PUBLIC: 0, PROFESSIONAL: 0 };
  const exemptions: Exemption[] = [];
  const deemed: Record<Subject | 'YEAR', Exemption | undefined> = { YEAR: undefined, PUBLIC: undefined, PROFESSIONAL: undefined };
  const results: ActivityResult[] = new Array(mine.length);
  const flexible: Deferred[] = [];
  const losers = evidenceLosers(ctx, version, mine);

  const process = (activity: ActivityInput, kind: CompiledKind | undefined, result: ActivityResult): void => {
    const out = runActivityRule(ctx, kind, activity, result);
    if (out === null || kind === undefined) return;
    if (losers !== null && losers.has(activity.id)) {
      addNote(result, '同一成果或证书只计一次：本年度已按学时最多的一项计入');
      return;
    }
    if (kind.spec.countsOnce !== undefined && ledger.usedBefore(kind, activity, hasHistory)) {
      addNote(result, '同一成果或证书只计一次：以前年度已计入');
      return;
    }
    if (out.deem !== null) {
      const ex: Exemption = { scope: out.deem, reason: kind.deemReason, source: kind.spec.source, activityId: activity.id };
      if (out.exempt) exemptions.push(ex);
      if (deemed[out.deem] === undefined) deemed[out.deem] = ex;
      return;
    }
    // Copied out: the ledger may run earlier years' rules, which reuse the rule scratch.
    const split = out.split;
    const amount = out.amount;
    if (split !== null) {
      for (const s of SUBJECTS) {
        const got = ledger.admit(kind, s, split[s], result);
        result.hoursEarned[s] = got;
        credited[s] += got;
      }
    } else if (kind.spec.subject === 'FLEXIBLE') {
      flexible.push({ kind, result, amount });
    } else {
      const s: Subject = kind.spec.subject === 'PUBLIC' ? 'PUBLIC' : 'PROFESSIONAL';
      const got = ledger.admit(kind, s, amount, result);
      result.hoursEarned[s] = got;
      credited[s] += got;
      if (kind.spec.compulsory) compulsoryHours[s] += got;
    }
  };

  // Kinds whose result cannot depend on order (no caps, groups, flexible subject, evidence
  // or exemptions) are evaluated as they come; the others in date order (then id), so the
  // answer never depends on the order of the input. Results keep the input order.
  let ordered: number[] | null = null;
  for (let i = 0; i < mine.length; i++) {
    const activity = mine[i];
    const kind = version.kinds.get(activity.kind);
    results[i] = newActivityResult(activity);
    if (kind !== undefined && kind.orderSensitive) (ordered ??= []).push(i);
    else process(activity, kind, results[i]);
  }
  if (ordered !== null) {
    if (!isSorted(ordered, mine)) ordered.sort((a, b) => compareActivities(mine[a], mine[b]));
    for (const i of ordered) process(mine[i], version.kinds.get(mine[i].kind), results[i]);
  }

  // Flexible hours go to public first while public is short, then professional,
  // then any remainder to public again, each within the group caps.
  for (const item of flexible) {
    const shortPublic = Math.max(0, version.spec.requirement.PUBLIC - credited.PUBLIC);
    const placed = ledger.admitFlexible(item.kind, item.amount, shortPublic, item.result);
    item.result.hoursEarned.PUBLIC = placed.PUBLIC;
    item.result.hoursEarned.PROFESSIONAL = placed.PROFESSIONAL;
    credited.PUBLIC += placed.PUBLIC;
    credited.PROFESSIONAL += placed.PROFESSIONAL;
  }

  applyProfileRules(version, profile, exemptions, deemed);
  return verdict(input, version, credited, compulsoryHours, exemptions, deemed, results, withWindows);
}

function verdict(
  input: EvaluateYearInput,
  version: CompiledVersion,
  credited: Record<Subject, number>,
  compulsoryHours: Record<Subject, number>,
  exemptions: Exemption[],
  deemed: Record<Subject | 'YEAR', Exemption | undefined>,
  results: ActivityResult[],
  withWindows: boolean,
): YearEvaluation {
  const spec = version.spec;
  const credits = spec.regime === 'CREDITS';
  let met = true;
  const status = (s: Subject): SubjectStatus => {
    const required = credits ? 0 : spec.requirement[s];
    const isDeemed = deemed[s] !== undefined;
    let shortfall = isDeemed ? 0 : Math.max(0, required - credited[s]);
    for (const c of spec.compulsory ?? NO_COMPULSORY) {
      if (c.subject === s && !isDeemed) shortfall = Math.max(shortfall, c.hours - compulsoryHours[s]);
    }
    if (shortfall > 0) met = false;
    return isDeemed ? { required, credited: credited[s], shortfall, deemed: true } : { required, credited: credited[s], shortfall };
  };
  const subjects: Record<Subject, SubjectStatus> = { PUBLIC: status('PUBLIC'), PROFESSIONAL: status('PROFESSIONAL') };
  const evaluation: YearEvaluation = {
    year: input.year,
    regime: spec.regime,
    subjects,
    complete: false,
    exemptions,
    activities: results,
    reasons: [],
  };
  if (deemed.YEAR) evaluation.deemedComplete = { reason: deemed.YEAR.reason, source: deemed.YEAR.source };
  if (credits) {
    const creditsOf = (y: number) => {
      const other = evaluate({ ...input, year: y, deadline: undefined }, false);
      return other.credits?.earned ?? 0;
    };
    const windows = withWindows ? creditWindows(input.year, version, credited.PUBLIC + credited.PROFESSIONAL, creditsOf) : [];
    evaluation.credits = { earned: credited.PUBLIC + credited.PROFESSIONAL, windows };
    met = windows.some((w) => w.passed);
  }
  evaluation.complete = deemed.YEAR !== undefined || met;
  evaluation.reasons = buildReasons(input, version, evaluation, compulsoryHours);
  return evaluation;
}

function activitiesOfYear(all: readonly ActivityInput[], year: number): ActivityInput[] {
  const mine: ActivityInput[] = [];
  for (let i = 0; i < all.length; i++) if (all[i].year === year) mine.push(all[i]);
  return mine;
}

function isSorted(indices: number[], mine: ActivityInput[]): boolean {
  for (let k = 1; k < indices.length; k++) if (compareActivities(mine[indices[k - 1]], mine[indices[k]]) > 0) return false;
  return true;
}

function noPolicy(input: EvaluateYearInput): YearEvaluation {
  return {
    year: input.year,
    regime: 'HOURS',
    subjects: {
      PUBLIC: { required: 0, credited: 0, shortfall: 0 },
      PROFESSIONAL: { required: 0, credited: 0, shortfall: 0 },
    },
    complete: false,
    exemptions: [],
    activities: [],
    reasons: [`${input.policy.name}没有适用于${input.year}年度的继续教育政策，无法认定`],
  };
}
