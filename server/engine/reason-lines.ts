// The lines of a year's explanation ("公需科目：认定30学时，…", "2021年度继续教育已完成"):
// how each reads, and memos of them. Apart from year-verdict so that the policy compiler
// can build compulsory-set lines ahead of time without importing the verdict.
import type { CompulsorySpec, Subject } from './policy.types';

export const SUBJECT_NAMES: Record<Subject, string> = { PUBLIC: '公需科目', PROFESSIONAL: '专业科目' };

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
/** subject → reason → source → line. */
const deemedSubjectLines: Record<Subject, Map<string, Map<string, string>>> = { PUBLIC: new Map(), PROFESSIONAL: new Map() };
/** reason → source → line per year * 2 + exempt. */
const deemedCompleteLines = new Map<string, Map<string, Map<number, string>>>();

function buildSubjectLine(s: Subject, credited: number, required: number, shortfall: number, unit: string): string {
  return `${SUBJECT_NAMES[s]}：认定${credited}${unit}，要求不少于${required}${unit}，${shortfall > 0 ? `尚缺${shortfall}${unit}` : '已达标'}`;
}

function isSmall(n: number): boolean {
  return n >= 0 && n < 4096 && Number.isInteger(n);
}

export function subjectLine(s: Subject, credited: number, required: number, shortfall: number, unit: string): string {
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

/** "专业科目：视同完成（集中面授…：视同完成当年专业科目，<source>）". */
export function deemedSubjectLine(s: Subject, reason: string, source: string): string {
  const memo = deemedSubjectLines[s];
  let bySource = memo.get(reason);
  let line = bySource?.get(source);
  if (line === undefined) {
    line = `${SUBJECT_NAMES[s]}：视同完成（${source === '' ? reason : `${reason}，${source}`}）`;
    if (memoised < MEMO_LIMIT) {
      if (bySource === undefined) {
        bySource = new Map();
        memo.set(reason, bySource);
      }
      bySource.set(source, line);
      memoised++;
    }
  }
  return line;
}

/** The line of a year exempt (免) or deemed complete (视同完成) by a rule: neither subject is short. */
export function deemedCompleteLine(reason: string, source: string, year: number, exempt: boolean): string {
  let bySource = deemedCompleteLines.get(reason);
  let byYear = bySource?.get(source);
  const key = year * 2 + (exempt ? 1 : 0);
  let line = byYear?.get(key);
  if (line === undefined) {
    line = `${reason}（${source}），${year}年度${exempt ? '免于继续教育' : '视同完成继续教育'}，公需科目和专业科目均不计缺口`;
    if (memoised < MEMO_LIMIT) {
      if (bySource === undefined) {
        bySource = new Map();
        deemedCompleteLines.set(reason, bySource);
      }
      if (byYear === undefined) {
        byYear = new Map();
        bySource.set(source, byYear);
      }
      byYear.set(key, line);
      memoised++;
    }
  }
  return line;
}

export function yearLine(year: number, complete: boolean): string {
  const key = year * 2 + (complete ? 1 : 0);
  let line = yearLines.get(key);
  if (line === undefined) {
    line = complete ? `${year}年度继续教育已完成` : `${year}年度继续教育未完成`;
    if (yearLines.size < MEMO_LIMIT) yearLines.set(key, line);
  }
  return line;
}
