// Evaluates one calendar year for one person: every activity's hours, the caps that cut
// them, flexible hours placed where they close a shortfall, exemptions, and the verdict.
// Hot path: one state object per evaluation (year-state), no closures, Maps or Sets created
// per year.
import type { ActivityInput, ActivityResult, EvaluateYearInput, Exemption, SubjectStatus, YearEvaluation } from './engine.types';
import type { CompulsorySpec, Subject } from './policy.types';
import { addNote, newActivityResult, runActivityRule } from './activity-evaluator';
import { activitiesOfYear, dateKey, sortByDateThenId } from './activity-order';
import { evidenceLosers } from './evidence-winners';
import { SUBJECT_FLEXIBLE, SUBJECT_PROFESSIONAL, SUBJECT_PUBLIC, type CompiledKind } from './kind-compiler';
import { compilePolicy, isYearEnd, type CompiledVersion } from './policy-compiler';
import { handBackScratch, takeScratch, YearState } from './year-state';
import { applyProfileRules, buildReasons, creditWindows } from './year-verdict';

const LOST_IN_YEAR = '同一成果或证书只计一次：本年度已按学时最多的一项计入';
const USED_BEFORE = '同一成果或证书只计一次：以前年度已计入';

/** Evaluates one year of one person under the tenant's policy. Pure and deterministic. */
export function evaluateYear(input: EvaluateYearInput): YearEvaluation {
  return evaluate(input, true);
}

function evaluate(input: EvaluateYearInput, withWindows: boolean): YearEvaluation {
  const policy = compilePolicy(input.policy, input.calendar);
  const year = input.year;
  const profile = input.profile;
  const version = policy.versionFor(year);
  if (!version) return noPolicy(input);
  const given = input.deadline;
  const all = input.activities;
  const mine = activitiesOfYear(all, year);
  const n = mine.length;
  const scratch = takeScratch();
  const st = new YearState(
    input,
    policy,
    version,
    profile,
    year,
    given ?? policy.annualDeadline(year),
    given === undefined ? policy.annualDeadlineIsYearEnd(year) : isYearEnd(given, year),
    input.today,
    (input.priorEvidenceKeys?.length ?? 0) > 0 || all.length > n,
    scratch,
  );
  // One tight pass over the declarations: their kinds and date keys. The declarations are
  // usually not in the CPU cache; touching them all here lets those reads overlap.
  const kinds = scratch.kinds;
  const dates = scratch.dates;
  const kindByCode = version.kindByCode;
  for (let i = 0; i < n; i++) {
    const activity = mine[i]!;
    kinds[i] = kindByCode[activity.kind];
    dates[i] = dateKey(activity.date);
  }
  st.losers = evidenceLosers(st, version, mine, kinds, scratch.evidence);
  const results: ActivityResult[] = new Array<ActivityResult>(n);

  // Kinds whose result cannot depend on order (no caps, groups, flexible subject, evidence
  // or exemptions) are evaluated as they come; the others in date order (then id), so the
  // answer never depends on the order of the input. Results keep the input order.
  const ordered = scratch.ordered;
  let orderedCount = 0;
  for (let i = 0; i < n; i++) {
    const activity = mine[i]!;
    const kind = kinds[i];
    const result = newActivityResult(activity);
    results[i] = result;
    if (kind !== undefined && kind.orderSensitive) ordered[orderedCount++] = i;
    else processActivity(st, i, activity, kind, result);
  }
  if (orderedCount > 0) {
    sortByDateThenId(ordered, orderedCount, dates, mine);
    for (let k = 0; k < orderedCount; k++) {
      const i = ordered[k]!;
      processActivity(st, i, mine[i]!, kinds[i], results[i]!);
    }
  }

  // Flexible hours go to public first while public is short, then professional,
  // then any remainder to public again, each within the group caps.
  const flexible = scratch.flexible;
  if (st.flexibleCount > 0) {
    const requiredPublic = version.requirementPublic;
    for (let k = 0; k < st.flexibleCount; k += 2) {
      const i = flexible[k]!;
      const result = results[i]!;
      const shortPublic = Math.max(0, requiredPublic - st.creditedPublic);
      st.ledger.admitFlexible(kinds[i]!, flexible[k + 1]!, shortPublic, result);
      st.creditedPublic += result.hoursEarned.PUBLIC;
      st.creditedProfessional += result.hoursEarned.PROFESSIONAL;
    }
  }
  handBackScratch(scratch);

  applyProfileRules(version, profile, st.exemptions, st, year, input.application);
  return verdict(input, version, st, results, withWindows);
}

function processActivity(st: YearState, index: number, activity: ActivityInput, kind: CompiledKind | undefined, result: ActivityResult): void {
  const out = runActivityRule(st, kind, activity, result, st.scratch.dates[index]);
  if (out === null || kind === undefined) return;
  if (st.losers !== null && st.losers.includes(activity.id)) {
    addNote(result, LOST_IN_YEAR);
    return;
  }
  // (usedBefore is false without history or for "within the year" evidence: no ledger needed then.)
  if (kind.evidenceEver && st.hasHistory && st.ledger.usedBefore(kind, activity, st.hasHistory)) {
    addNote(result, USED_BEFORE);
    return;
  }
  const deem = out.deem;
  if (deem !== null) {
    const ex: Exemption = { scope: deem, reason: kind.deemReason, source: kind.source, activityId: activity.id };
    if (out.exempt) st.exemptions.push(ex);
    if (st[deem] === undefined) st[deem] = ex;
    return;
  }
  // Copied out: the ledger may run earlier years' rules, which reuse the rule scratch.
  const amount = out.amount;
  const capped = kind.capSlot >= 0 || kind.groupSlot >= 0;
  if (out.hasSplit) {
    const professional = out.splitProfessional;
    const pub = capped ? st.ledger.admit(kind, SUBJECT_PUBLIC, out.splitPublic, result) : out.splitPublic;
    result.hoursEarned.PUBLIC = pub;
    st.creditedPublic += pub;
    const prof = capped ? st.ledger.admit(kind, SUBJECT_PROFESSIONAL, professional, result) : professional;
    result.hoursEarned.PROFESSIONAL = prof;
    st.creditedProfessional += prof;
    if (kind.compulsory) {
      st.compulsoryPublic += pub;
      st.compulsoryProfessional += prof;
    }
  } else if (kind.subjectCode === SUBJECT_FLEXIBLE) {
    const flexible = st.scratch.flexible;
    flexible[st.flexibleCount++] = index;
    flexible[st.flexibleCount++] = amount;
  } else if (kind.subjectCode === SUBJECT_PUBLIC) {
    const got = capped ? st.ledger.admit(kind, SUBJECT_PUBLIC, amount, result) : amount;
    result.hoursEarned.PUBLIC = got;
    st.creditedPublic += got;
    if (kind.compulsory) st.compulsoryPublic += got;
  } else {
    const got = capped ? st.ledger.admit(kind, SUBJECT_PROFESSIONAL, amount, result) : amount;
    result.hoursEarned.PROFESSIONAL = got;
    st.creditedProfessional += got;
    if (kind.compulsory) st.compulsoryProfessional += got;
  }
}

function subjectStatus(
  required: number,
  credited: number,
  compulsoryHours: number,
  isDeemed: boolean,
  subject: Subject,
  compulsory: readonly CompulsorySpec[],
): SubjectStatus {
  let shortfall = isDeemed ? 0 : Math.max(0, required - credited);
  for (const c of compulsory) {
    if (c.subject === subject && !isDeemed) shortfall = Math.max(shortfall, c.hours - compulsoryHours);
  }
  return isDeemed ? { required, credited, shortfall, deemed: true } : { required, credited, shortfall };
}

function verdict(input: EvaluateYearInput, version: CompiledVersion, st: YearState, results: ActivityResult[], withWindows: boolean): YearEvaluation {
  const credits = version.credits;
  const compulsory = version.compulsory;
  // A year exempt or deemed complete needs no hours: neither subject is short.
  const wholeYear = st.YEAR !== undefined;
  const pub = subjectStatus(credits ? 0 : version.requirementPublic, st.creditedPublic, st.compulsoryPublic, wholeYear || st.PUBLIC !== undefined, 'PUBLIC', compulsory);
  const prof = subjectStatus(
    credits ? 0 : version.requirementProfessional,
    st.creditedProfessional,
    st.compulsoryProfessional,
    wholeYear || st.PROFESSIONAL !== undefined,
    'PROFESSIONAL',
    compulsory,
  );
  // As before: only a positive shortfall fails (NaN does not).
  let met = !(pub.shortfall > 0) && !(prof.shortfall > 0);
  const evaluation: YearEvaluation = {
    year: input.year,
    regime: version.regime,
    subjects: { PUBLIC: pub, PROFESSIONAL: prof },
    complete: false,
    exemptions: st.exemptions,
    activities: results,
    reasons: [],
  };
  if (st.YEAR) evaluation.deemedComplete = { reason: st.YEAR.reason, source: st.YEAR.source, exempt: st.exemptions.includes(st.YEAR) };
  if (credits) met = addCredits(evaluation, input, version, st.creditedPublic + st.creditedProfessional, withWindows);
  evaluation.complete = st.YEAR !== undefined || met;
  if (st.noRequirement !== undefined) return noRequirementVerdict(evaluation, st.noRequirement);
  evaluation.reasons = buildReasons(input, version, evaluation, st.compulsoryPublic, st.compulsoryProfessional, st);
  return evaluation;
}

/**
 * Credit regime: the year's credits and its multi-year windows; true when a window passes.
 * Apart from verdict, whose every call would otherwise allocate the closure's context.
 */
function addCredits(evaluation: YearEvaluation, input: EvaluateYearInput, version: CompiledVersion, earned: number, withWindows: boolean): boolean {
  const windows = withWindows ? creditWindows(input.year, version, earned, (y) => creditsOf(input, y)) : [];
  evaluation.credits = { earned, windows };
  return windows.some((w) => w.passed);
}

/** Credits of another year of a multi-year window (credit regime only; not the hot path). */
function creditsOf(input: EvaluateYearInput, year: number): number {
  const other = evaluate({ ...input, year, deadline: undefined }, false);
  return other.credits?.earned ?? 0;
}

/**
 * The tenant sets no requirement for this person this year (Corps, 003 第19问: private
 * enterprises): neither complete nor short; the hours stay listed as credited.
 */
function noRequirementVerdict(evaluation: YearEvaluation, why: { reason: string; source: string }): YearEvaluation {
  evaluation.noRequirement = why;
  evaluation.complete = false;
  const pub = evaluation.subjects.PUBLIC;
  const prof = evaluation.subjects.PROFESSIONAL;
  evaluation.subjects = { PUBLIC: { ...pub, required: 0, shortfall: 0 }, PROFESSIONAL: { ...prof, required: 0, shortfall: 0 } };
  evaluation.reasons = [
    `${why.reason}（${why.source}）`,
    `本年度已记录公需科目${pub.credited}学时、专业科目${prof.credited}学时，仅作记录`,
    `${evaluation.year}年度无继续教育要求：不作达标或未达标认定`,
  ];
  return evaluation;
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
