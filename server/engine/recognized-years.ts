// Years another tenant of the platform certified, brought along when the person moved here
// (server/moves). In a title window such a year stands as its issuer certified it, beside
// whatever was recorded here for it (a year split by the move adds both). Which moved years
// count (all, or those an official accepted) is the tenant's `transferIn` policy, applied before
// the engine; those that do not count yet are only explained.
import type { RecognizedYear, SubjectHours, TitleYearResult, YearEvaluation } from './engine.types';

/** A checked year's moved entries: those that count, and those awaiting review here. */
export interface YearRecognition {
  counted: RecognizedYear[];
  pending: RecognizedYear[];
}

const NONE: YearRecognition = { counted: [], pending: [] };

export function recognitionByYear(list: readonly RecognizedYear[] | undefined): (year: number) => YearRecognition {
  if (!list?.length) return () => NONE;
  const byYear = new Map<number, YearRecognition>();
  for (const r of list) {
    const entry = byYear.get(r.year) ?? { counted: [], pending: [] };
    (r.pending ? entry.pending : entry.counted).push(r);
    byYear.set(r.year, entry);
  }
  return (year) => byYear.get(year) ?? NONE;
}

export function issuers(list: readonly RecognizedYear[]): string {
  return [...new Set(list.map((r) => r.issuer))].join('、');
}

export function movedHours(list: readonly RecognizedYear[]): SubjectHours {
  return {
    PUBLIC: list.reduce((sum, r) => sum + r.publicHours, 0),
    PROFESSIONAL: list.reduce((sum, r) => sum + r.professionalHours, 0),
  };
}

export const anyComplete = (list: readonly RecognizedYear[]): boolean => list.some((r) => r.complete);

/** A checked year this tenant's policy does not cover, but a moved year does: its issuer's verdict. */
export function movedOnlyYear(year: number, counted: readonly RecognizedYear[], source: string): TitleYearResult {
  const complete = anyComplete(counted);
  return { year, status: complete ? 'COMPLETE' : 'INCOMPLETE', reason: `${year}年度由${issuers(counted)}认定${complete ? '达标' : '未达标'}（迁入记录，${source}）` };
}

/**
 * A year judged each on its own (30/60) with moved entries: complete here, or certified complete
 * by its issuer, or both parts together meeting the year's requirement.
 */
export function eachYearWithMoved(year: number, evaluation: YearEvaluation, counted: readonly RecognizedYear[], source: string): Pick<TitleYearResult, 'status' | 'reason'> {
  const from = issuers(counted);
  if (anyComplete(counted)) return { status: 'COMPLETE', reason: `${year}年度由${from}认定达标（迁入记录，${source}）` };
  const moved = movedHours(counted);
  const pub = evaluation.subjects.PUBLIC.credited + moved.PUBLIC;
  const pro = evaluation.subjects.PROFESSIONAL.credited + moved.PROFESSIONAL;
  const ok = pub >= evaluation.subjects.PUBLIC.required && pro >= evaluation.subjects.PROFESSIONAL.required;
  return {
    status: ok ? 'COMPLETE' : 'INCOMPLETE',
    reason: `${year}年度${ok ? '已完成' : '未完成'}：本地登记学时与${from}认定学时（公需${fmt(moved.PUBLIC)}、专业${fmt(moved.PROFESSIONAL)}）合计公需${fmt(pub)}学时、专业${fmt(pro)}学时（迁入记录，${source}）`,
  };
}

/** What a checked year's reason adds for moved years that do not count yet. */
export function pendingNote(year: number, recognition: YearRecognition): string {
  return recognition.pending.length ? `；${issuers(recognition.pending)}认定的${year}年度学时待本地审核确认，暂不计入` : '';
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
