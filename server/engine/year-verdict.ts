// The parts of a year's verdict that are not per activity: profile-based waivers,
// multi-year credit windows, and the Chinese explanation of the result.
import type { ApplicationContext, CreditWindowStatus, EvaluateYearInput, Exemption, ProfileInput, YearEvaluation } from './engine.types';
import type { Subject } from './policy.types';
import type { CompiledVersion } from './policy-compiler';
import { deemedCompleteLine, deemedSubjectLine, subjectLine, yearLine } from './reason-lines';

const SUBJECTS = ['PUBLIC', 'PROFESSIONAL'] as const;

/** The first exemption (deemed complete) per scope, and whether the year carries no requirement at all. */
export type Deemed = Record<Subject | 'YEAR', Exemption | undefined> & { noRequirement: { reason: string; source: string } | undefined };

/**
 * Waivers that follow from who the person is (Corps: private enterprises) and, in the
 * application year, from the application's route (Corps: 考核认定 applicants).
 */
export function applyProfileRules(
  version: CompiledVersion,
  profile: ProfileInput,
  exemptions: Exemption[],
  deemed: Deemed,
  year: number,
  application: ApplicationContext | undefined,
): void {
  const rules = version.profileRules;
  if (rules === undefined) return;
  for (const rule of rules) {
    const w = rule.when;
    if (w.employerType !== undefined && profile.employerType !== w.employerType) continue;
    if (w.flag !== undefined && !(profile.flags ?? []).includes(w.flag)) continue;
    if (w.series !== undefined && profile.titleSeries !== w.series) continue;
    if (w.route !== undefined && (application === undefined || application.applicationYear !== year || application.route !== w.route)) continue;
    if (rule.waive === 'NO_REQUIREMENT') {
      deemed.noRequirement ??= { reason: rule.reason, source: rule.source };
      continue;
    }
    const ex: Exemption = { scope: rule.waive, reason: rule.reason, source: rule.source };
    exemptions.push(ex);
    if (deemed[rule.waive] === undefined) deemed[rule.waive] = ex;
  }
}

/** Credit regime: the multi-year totals that contain this year (Binzhou ≤ 2019). */
export function creditWindows(
  year: number,
  version: CompiledVersion,
  thisYear: number,
  creditsOf: (year: number) => number,
): CreditWindowStatus[] {
  const windows: CreditWindowStatus[] = [];
  for (const w of version.spec.credits?.windows ?? []) {
    if (!w.years.includes(year)) continue;
    let earned = 0;
    for (const y of w.years) earned += y === year ? thisYear : creditsOf(y);
    windows.push({ years: w.years, required: w.required, earned, passed: earned >= w.required, source: w.source });
  }
  return windows;
}

export function buildReasons(
  input: EvaluateYearInput,
  version: CompiledVersion,
  evaluation: YearEvaluation,
  compulsoryPublic: number,
  compulsoryProfessional: number,
  /** The exemption that deemed each scope complete, to name its rule. */
  deemed?: Deemed,
): string[] {
  const unit = version.unit;
  const year = input.year;
  const subjects = evaluation.subjects;
  if (
    !version.credits &&
    evaluation.deemedComplete === undefined &&
    !subjects.PUBLIC.deemed &&
    !subjects.PROFESSIONAL.deemed &&
    version.compulsory.length === 0 &&
    input.deadline === undefined
  ) {
    // The usual year: two subject lines and the verdict, in an array of exactly that size.
    return [
      subjectLine('PUBLIC', subjects.PUBLIC.credited, subjects.PUBLIC.required, subjects.PUBLIC.shortfall, unit),
      subjectLine('PROFESSIONAL', subjects.PROFESSIONAL.credited, subjects.PROFESSIONAL.required, subjects.PROFESSIONAL.shortfall, unit),
      yearLine(year, evaluation.complete),
    ];
  }
  const reasons: string[] = [];
  const wholeYear = evaluation.deemedComplete;
  if (wholeYear) {
    // Exempt or deemed complete: the rule that says so is the explanation; no subject is short.
    reasons.push(deemedCompleteLine(wholeYear.reason, wholeYear.source, year, wholeYear.exempt));
  } else if (version.credits) {
    reasons.push(`${year}年度实行学分制（${version.spec.source}），当年认定${evaluation.credits?.earned ?? 0}学分，不设上限`);
    for (const w of evaluation.credits?.windows ?? []) {
      const range = `${w.years[0]}—${w.years[w.years.length - 1]}年度`;
      reasons.push(`${range}累计${w.earned}学分，要求${w.required}学分：${w.passed ? '合格' : '不合格'}（${w.source}）`);
    }
  } else {
    for (const s of SUBJECTS) {
      const st = evaluation.subjects[s];
      if (st.deemed) {
        const by = deemed?.[s] ?? evaluation.exemptions.find((e) => e.scope === s);
        reasons.push(by === undefined ? deemedSubjectLine(s, '政策认定', '') : deemedSubjectLine(s, by.reason, by.source));
        continue;
      }
      reasons.push(subjectLine(s, st.credited, st.required, st.shortfall, unit));
    }
    // compulsoryLines[i] is the line of compulsory[i] (both from the version's compulsory list).
    const compulsory = version.compulsory;
    const lines = version.compulsoryLines;
    for (let i = 0; i < compulsory.length; i++) {
      const c = compulsory[i]!;
      if (evaluation.subjects[c.subject].deemed) continue;
      reasons.push(lines[i]!(c.subject === 'PUBLIC' ? compulsoryPublic : compulsoryProfessional));
    }
  }
  if (input.deadline !== undefined) reasons.push(`只计${input.deadline}（含）以前的学习`);
  reasons.push(yearLine(year, evaluation.complete));
  return reasons;
}
