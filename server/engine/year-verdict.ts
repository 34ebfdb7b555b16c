// The parts of a year's verdict that are not per activity: profile-based waivers,
// multi-year credit windows, and the Chinese explanation of the result.
import type { CreditWindowStatus, EvaluateYearInput, Exemption, ProfileInput, YearEvaluation } from './engine.types';
import type { CompulsorySpec, Subject } from './policy.types';
import type { CompiledVersion } from './policy-compiler';

const SUBJECT_NAMES: Record<Subject, string> = { PUBLIC: '公需科目', PROFESSIONAL: '专业科目' };
const SUBJECTS = ['PUBLIC', 'PROFESSIONAL'] as const;

/** The first exemption (deemed complete) per scope. */
export type Deemed = Record<Subject | 'YEAR', Exemption | undefined>;

/** Waivers that follow from who the person is (Corps: private enterprises, 考核认定 applicants). */
export function applyProfileRules(
  version: CompiledVersion,
  profile: ProfileInput,
  exemptions: Exemption[],
  deemed: Deemed,
): void {
  const rules = version.profileRules;
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
  compulsoryPublic: number,
  compulsoryProfessional: number,
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
  if (evaluation.deemedComplete) {
    reasons.push(deemedCompleteLine(evaluation.deemedComplete.reason, evaluation.deemedComplete.source, year));
  }
  if (version.credits) {
    reasons.push(`${year}年度实行学分制（${version.spec.source}），当年认定${evaluation.credits?.earned ?? 0}学分，不设上限`);
    for (const w of evaluation.credits?.windows ?? []) {
      const range = `${w.years[0]}—${w.years[w.years.length - 1]}年度`;
      reasons.push(`${range}累计${w.earned}学分，要求${w.required}学分：${w.passed ? '合格' : '不合格'}（${w.source}）`);
    }
  } else {
    for (let k = 0; k < SUBJECTS.length; k++) {
      const s = SUBJECTS[k];
      const st = evaluation.subjects[s];
      if (st.deemed) {
        let reason = '政策认定';
        const exemptions = evaluation.exemptions;
        for (let i = 0; i < exemptions.length; i++) {
          if (exemptions[i].scope === s) {
            reason = exemptions[i].reason;
            break;
          }
        }
        reasons.push(deemedSubjectLine(s, reason));
        continue;
      }
      reasons.push(subjectLine(s, st.credited, st.required, st.shortfall, unit));
    }
    const compulsory = version.compulsory;
    for (let i = 0; i < compulsory.length; i++) {
      const c = compulsory[i];
      if (evaluation.subjects[c.subject].deemed) continue;
      reasons.push(version.compulsoryLines[i](c.subject === 'PUBLIC' ? compulsoryPublic : compulsoryProfessional));
    }
  }
  if (input.deadline !== undefined) reasons.push(`只计${input.deadline}（含）以前的学习`);
  reasons.push(yearLine(year, evaluation.complete));
  return reasons;
}

/** "公需科目中“…”须满20学时，已认定…" for one compulsory set (memoised per set by the compiler). */
export function compulsoryLine(c: CompulsorySpec, unit: string, got: number): string {
  const status = got >= c.hours ? '已达标' : `尚缺${c.hours - got}${unit}`;
  return `${SUBJECT_NAMES[c.subject]}中“${c.name}”须满${c.hours}${unit}，已认定${got}${unit}，${status}（${c.source}）`;
}

// The same few lines recur across millions of evaluations; small memos keep number
// formatting out of the hot path. Keys are exact (whole numbers in a small range only),
// so a memoised line is always the line that would be built.
const MEMO_LIMIT = 100_000;
/** (subject, required) → line per credited hours, for the usual shortfall max(0, required − credited). */
const plainLines = new Map<number, (string | undefined)[]>();
/** (subject, required, credited) → line per shortfall, when a compulsory set raises the shortfall. */
const raisedLines = new Map<number, Map<number, string>>();
let memoised = 0;
const yearLines = new Map<number, string>();
const deemedSubjectLines: Record<Subject, Map<string, string>> = { PUBLIC: new Map(), PROFESSIONAL: new Map() };
const deemedCompleteLines = new Map<string, Map<string, Map<number, string>>>();

function buildSubjectLine(s: Subject, credited: number, required: number, shortfall: number, unit: string): string {
  return `${SUBJECT_NAMES[s]}：认定${credited}${unit}，要求不少于${required}${unit}，${shortfall > 0 ? `尚缺${shortfall}${unit}` : '已达标'}`;
}

function isSmall(n: number): boolean {
  return n >= 0 && n < 4096 && Number.isInteger(n);
}

function subjectLine(s: Subject, credited: number, required: number, shortfall: number, unit: string): string {
  if (unit !== '学时' || !isSmall(credited) || !isSmall(required)) return buildSubjectLine(s, credited, required, shortfall, unit);
  const head = (s === 'PUBLIC' ? 0 : 4096) + required;
  if (shortfall === Math.max(0, required - credited)) {
    let lines = plainLines.get(head);
    if (lines === undefined) {
      lines = [];
      plainLines.set(head, lines);
    }
    let line = lines[credited];
    if (line === undefined) {
      line = buildSubjectLine(s, credited, required, shortfall, unit);
      if (memoised < MEMO_LIMIT) {
        while (lines.length < credited) lines.push(undefined);
        lines[credited] = line;
        memoised++;
      }
    }
    return line;
  }
  if (!isSmall(shortfall)) return buildSubjectLine(s, credited, required, shortfall, unit);
  const key = head * 4096 + credited;
  let byShortfall = raisedLines.get(key);
  let line = byShortfall?.get(shortfall);
  if (line === undefined) {
    line = buildSubjectLine(s, credited, required, shortfall, unit);
    if (memoised < MEMO_LIMIT) {
      if (byShortfall === undefined) {
        byShortfall = new Map<number, string>();
        raisedLines.set(key, byShortfall);
      }
      byShortfall.set(shortfall, line);
      memoised++;
    }
  }
  return line;
}

function deemedSubjectLine(s: Subject, reason: string): string {
  const memo = deemedSubjectLines[s];
  let line = memo.get(reason);
  if (line === undefined) {
    line = `${SUBJECT_NAMES[s]}：视同完成（${reason}）`;
    if (memoised < MEMO_LIMIT) {
      memo.set(reason, line);
      memoised++;
    }
  }
  return line;
}

function deemedCompleteLine(reason: string, source: string, year: number): string {
  let bySource = deemedCompleteLines.get(reason);
  let byYear = bySource?.get(source);
  let line = byYear?.get(year);
  if (line === undefined) {
    line = `${reason}（${source}），${year}年度视同完成继续教育`;
    if (memoised < MEMO_LIMIT) {
      if (bySource === undefined) {
        bySource = new Map();
        deemedCompleteLines.set(reason, bySource);
      }
      if (byYear === undefined) {
        byYear = new Map();
        bySource.set(source, byYear);
      }
      byYear.set(year, line);
      memoised++;
    }
  }
  return line;
}

function yearLine(year: number, complete: boolean): string {
  const key = year * 2 + (complete ? 1 : 0);
  let line = yearLines.get(key);
  if (line === undefined) {
    line = complete ? `${year}年度继续教育已完成` : `${year}年度继续教育未完成`;
    if (yearLines.size < MEMO_LIMIT) yearLines.set(key, line);
  }
  return line;
}
