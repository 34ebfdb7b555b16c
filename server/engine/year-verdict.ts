// The parts of a year's verdict that are not per activity: profile-based waivers,
// multi-year credit windows, and the Chinese explanation of the result.
import type { CreditWindowStatus, EvaluateYearInput, Exemption, ProfileInput, YearEvaluation } from './engine.types';
import type { Subject } from './policy.types';
import type { CompiledVersion } from './policy-compiler';

const SUBJECT_NAMES: Record<Subject, string> = { PUBLIC: '公需科目', PROFESSIONAL: '专业科目' };

/** Waivers that follow from who the person is (Corps: private enterprises, 考核认定 applicants). */
export function applyProfileRules(
  version: CompiledVersion,
  profile: ProfileInput,
  exemptions: Exemption[],
  deemed: Record<Subject | 'YEAR', Exemption | undefined>,
): void {
  const rules = version.spec.profileRules;
  if (rules === undefined) return;
  for (const rule of rules) {
    const w = rule.when;
    if (w.employerType !== undefined && profile.employerType !== w.employerType) continue;
    if (w.flag !== undefined && !(profile.flags ?? []).includes(w.flag)) continue;
    if (w.series !== undefined && profile.titleSeries !== w.series) continue;
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
  compulsoryHours: Record<Subject, number>,
): string[] {
  const spec = version.spec;
  const unit = version.unit;
  const year = input.year;
  const reasons: string[] = [];
  if (evaluation.deemedComplete) {
    reasons.push(`${evaluation.deemedComplete.reason}（${evaluation.deemedComplete.source}），${year}年度视同完成继续教育`);
  }
  if (spec.regime === 'CREDITS') {
    reasons.push(`${year}年度实行学分制（${spec.source}），当年认定${evaluation.credits?.earned ?? 0}学分，不设上限`);
    for (const w of evaluation.credits?.windows ?? []) {
      const range = `${w.years[0]}—${w.years[w.years.length - 1]}年度`;
      reasons.push(`${range}累计${w.earned}学分，要求${w.required}学分：${w.passed ? '合格' : '不合格'}（${w.source}）`);
    }
  } else {
    for (const s of ['PUBLIC', 'PROFESSIONAL'] as const) {
      const st = evaluation.subjects[s];
      if (st.deemed) {
        const ex = evaluation.exemptions.find((e) => e.scope === s);
        reasons.push(`${SUBJECT_NAMES[s]}：视同完成（${ex?.reason ?? '政策认定'}）`);
        continue;
      }
      reasons.push(subjectLine(s, st.credited, st.required, st.shortfall, unit));
    }
    if (spec.compulsory !== undefined) for (const c of spec.compulsory) {
      if (evaluation.subjects[c.subject].deemed) continue;
      const got = compulsoryHours[c.subject];
      const status = got >= c.hours ? '已达标' : `尚缺${c.hours - got}${unit}`;
      reasons.push(`${SUBJECT_NAMES[c.subject]}中“${c.name}”须满${c.hours}${unit}，已认定${got}${unit}，${status}（${c.source}）`);
    }
  }
  if (input.deadline !== undefined) reasons.push(`只计${input.deadline}（含）以前的学习`);
  reasons.push(yearLine(year, evaluation.complete));
  return reasons;
}

// The same few lines recur across millions of evaluations; small memos keep number
// formatting out of the hot path (keys only for whole numbers in a small range).
const subjectLines = new Map<number, string>();
const yearLines = new Map<number, string>();

function subjectLine(s: Subject, credited: number, required: number, shortfall: number, unit: string): string {
  const build = () =>
    `${SUBJECT_NAMES[s]}：认定${credited}${unit}，要求不少于${required}${unit}，${shortfall > 0 ? `尚缺${shortfall}${unit}` : '已达标'}`;
  const small = Number.isInteger(credited) && credited >= 0 && credited < 4096 && Number.isInteger(required) && required >= 0 && required < 512;
  if (!small || unit !== '学时') return build();
  const key = ((credited * 512 + required) * 2 + (s === 'PUBLIC' ? 0 : 1)) * 4096 + Math.min(4095, Math.max(0, Math.round(shortfall)));
  let line = subjectLines.get(key);
  if (line === undefined) {
    line = build();
    if (subjectLines.size < 100_000) subjectLines.set(key, line);
  }
  return line;
}

function yearLine(year: number, complete: boolean): string {
  const key = year * 2 + (complete ? 1 : 0);
  let line = yearLines.get(key);
  if (line === undefined) {
    line = complete ? `${year}年度继续教育已完成` : `${year}年度继续教育未完成`;
    yearLines.set(key, line);
  }
  return line;
}
