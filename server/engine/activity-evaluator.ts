// One activity, before caps: does it count in this year at all, and what does its rule give?
import type { ActivityInput, ActivityResult, ApplicationContext, CapCut, ProfileInput, SubjectHours } from './engine.types';
import { coauthorShare } from './coauthor-split';
import type { CompiledKind } from './kind-compiler';
import type { CompiledPolicy, CompiledVersion } from './policy-compiler';
import { newRuleOut, type RuleOut } from './rules/rule';
import { toNumber, type Slots } from './slots';
import { TITLE_LEVEL_LABELS, TITLE_ROUTE_LABELS, titleLevelRank, type TitleLevel } from './titles';

export interface ActivityContext {
  policy: CompiledPolicy;
  version: CompiledVersion;
  profile: ProfileInput;
  year: number;
  /** Last day (inclusive) an activity may be dated to count. */
  deadline: string;
  /** deadline is Dec 31 of the evaluated year. */
  deadlineIsYearEnd: boolean;
  today: string | undefined;
  /** The title application the year is judged for, if any. */
  application: ApplicationContext | undefined;
  /** The deadline is a title deadline (filing date, June 30…): what was recorded after it does not count either. */
  titleDeadline: boolean;
}

/** Reused scratch: evaluation is single-threaded and re-entrant calls copy out before recursing. */
const scratch: RuleOut = newRuleOut();

export function newActivityResult(activity: ActivityInput, source = ''): ActivityResult {
  return {
    activityId: activity.id,
    kind: activity.kind,
    hoursEarned: { PUBLIC: 0, PROFESSIONAL: 0 },
    ruleApplied: { text: '', source },
    cappedBy: NO_CUTS,
    notes: NO_NOTES,
  };
}

const NO_CUTS: readonly CapCut[] = Object.freeze([]);
const NO_NOTES: readonly string[] = Object.freeze([]);

/**
 * Frozen one-note lists, shared by every result with just that note (notes are readonly, as
 * the shared empty list already is): most notes are the same few texts. Bounded.
 */
const SINGLE_NOTES = new Map<string, readonly string[]>();

export function addNote(result: ActivityResult, note: string): void {
  if (result.notes === NO_NOTES) {
    let notes = SINGLE_NOTES.get(note);
    if (notes === undefined) {
      notes = Object.freeze([note]);
      if (SINGLE_NOTES.size < 10_000) SINGLE_NOTES.set(note, notes);
    }
    result.notes = notes;
    return;
  }
  const notes = result.notes.slice();
  notes.push(note);
  result.notes = notes;
}

export function addCut(result: ActivityResult, cut: CapCut): void {
  if (result.cappedBy === NO_CUTS) {
    result.cappedBy = [cut];
    return;
  }
  const cuts = result.cappedBy.slice();
  cuts.push(cut);
  result.cappedBy = cuts;
}

/**
 * Runs the kind's rule. Returns the rule scratch (valid until the next call) or null when
 * the activity earns nothing; the reason is written into result.notes.
 */
export function runActivityRule(
  ctx: ActivityContext,
  kind: CompiledKind | undefined,
  activity: ActivityInput,
  result: ActivityResult,
  /** The date's YYYYMMDD when the caller has it (see dateKey in activity-order), else NaN. */
  dateKey = NaN,
): RuleOut | null {
  if (kind === undefined) {
    addNote(result, `${ctx.year}年度政策中没有“${activity.kind}”这一学习形式，不计${ctx.version.unit}`);
    return null;
  }
  result.ruleApplied.source = kind.source;
  if (kind.limited) {
    const skip = whyNotThisYear(ctx, kind);
    if (skip !== null) {
      addNote(result, skip);
      return null;
    }
  }
  const date = activity.date;
  if (date !== undefined) {
    const skip = whyNotOnDate(ctx, kind, date, dateKey >= 0 ? Math.floor(dateKey / 10000) : dateYear(date));
    if (skip !== null) {
      addNote(result, skip);
      return null;
    }
  }
  const recordedOn = activity.recordedOn;
  if (ctx.titleDeadline && recordedOn !== undefined && recordedOn > ctx.deadline) {
    addNote(result, `${recordedOn}登记，晚于截止日期${ctx.deadline}，不计入本次申报`);
    return null;
  }
  // Every parameter the kind needs, read once by the kind's own reader. Slots 0…requiredCount−1
  // are the required parameters, missingNotes has one note each.
  const s = kind.slots;
  kind.read(activity.params, s);
  for (let i = 0; i < kind.requiredCount; i++) {
    const v = s[i];
    if (v === undefined || v === null || v === '') {
      addNote(result, kind.missingNotes[i]!);
      return null;
    }
  }
  const conditions = kind.slotConditions;
  for (let i = 0; i < conditions.length; i++) {
    const failed = conditions[i]!(s);
    if (failed !== null) {
      addNote(result, failed);
      return null;
    }
  }
  if (kind.currentClassSlot >= 0) {
    const value = String(s[kind.currentClassSlot]);
    const level = ctx.profile.titleLevel;
    if (!kind.currentClassLevels!.get(value)?.has(level)) {
      addNote(result, kind.currentClassNote!(level, value));
      return null;
    }
  }
  const out = scratch;
  out.amount = 0;
  out.hasSplit = false;
  out.deem = null;
  out.exempt = false;
  out.note = null;
  kind.slotRule(s, out);
  if (kind.titleClass !== null && out.deem !== null) applyTitleClass(ctx, kind, s, out);
  let text = out.text;
  if (kind.authorsSlot >= 0) {
    const authors = Math.max(1, Math.floor(toNumber(s[kind.authorsSlot]) || 1));
    if (authors > 1) {
      const position = Math.floor(toNumber(s[kind.positionSlot]) || 1);
      const share = coauthorShare(out.amount, authors, position);
      text = splitText(text, authors, position, share, ctx.version.unit);
      out.amount = share;
    }
  }
  result.ruleApplied.text = text;
  if (out.note !== null) addNote(result, out.note);
  const adjusted = activity.adjustedHours;
  if (adjusted !== undefined) applyAdjustment(kind, adjusted, out, result, ctx.version.unit);
  return out;
}

/**
 * A reviewer's hours (adjustDeclaration) replace the rule's: a SPLIT kind takes both subjects
 * as given; any other kind their sum, in its own subject (a flexible kind's is placed as usual).
 * Caps and groups still apply. The explanation keeps the rule's text and says what was set.
 */
function applyAdjustment(kind: CompiledKind, adjusted: SubjectHours, out: RuleOut, result: ActivityResult, unit: string): void {
  const ruled = out.deem !== null ? '视同完成' : `${out.hasSplit ? out.splitPublic + out.splitProfessional : out.amount}${unit}`;
  const total = adjusted.PUBLIC + adjusted.PROFESSIONAL;
  let set: string;
  if (kind.spec.subject === 'SPLIT') {
    out.hasSplit = true;
    out.splitPublic = adjusted.PUBLIC;
    out.splitProfessional = adjusted.PROFESSIONAL;
    set = `公需科目${adjusted.PUBLIC}${unit}、专业科目${adjusted.PROFESSIONAL}${unit}`;
  } else {
    out.hasSplit = false;
    set = `${total}${unit}`;
  }
  out.amount = total;
  out.deem = null;
  out.exempt = false;
  addNote(result, `经审核调整为${set}（按规则为${ruled}）`);
}

/**
 * A class taken at a title level (Corps face-to-face training) replaces the requirement only
 * at the application's target level (without an application: above the current level), and
 * not in the application year of an excluded route; otherwise its hours are ordinary hours.
 */
function applyTitleClass(ctx: ActivityContext, kind: CompiledKind, s: Slots, out: RuleOut): void {
  const spec = kind.titleClass!;
  const level = s[kind.titleLevelSlot] as TitleLevel;
  const label = Object.hasOwn(TITLE_LEVEL_LABELS, level) ? TITLE_LEVEL_LABELS[level] : String(level);
  const app = ctx.application;
  let why: string;
  if (app !== undefined) {
    const target = TITLE_LEVEL_LABELS[app.targetLevel];
    if (app.applicationYear === ctx.year && spec.notForRoutes?.includes(app.route)) {
      why = `${TITLE_ROUTE_LABELS[app.route]}人员申报当年无需参加${label}班，其学习不冲抵要求`;
    } else if (level !== app.targetLevel) {
      why = `班次级别（${label}）不是拟晋升级别（${target}）`;
    } else {
      out.text = `拟晋升级别（${target}）班次：${out.text}（${spec.source}）`;
      return;
    }
  } else if (!(titleLevelRank(level) > titleLevelRank(ctx.profile.titleLevel))) {
    why = `班次级别（${label}）不高于现有职称级别（${TITLE_LEVEL_LABELS[ctx.profile.titleLevel]}）`;
  } else {
    out.text = `高于现有职称级别的${label}班次：${out.text}（${spec.source}）`;
    return;
  }
  const hours = kind.titleHoursSlot >= 0 ? toNumber(s[kind.titleHoursSlot]) : 0;
  out.deem = null;
  out.exempt = false;
  out.amount = hours > 0 ? hours : 0;
  out.text = `${why}，按普通学时计入${out.amount}${ctx.version.unit}（${spec.source}）`;
}

function whyNotThisYear(ctx: ActivityContext, kind: CompiledKind): string | null {
  const year = ctx.year;
  if (kind.fromYear !== undefined && year < kind.fromYear) return kind.beforeFromYearNote;
  if (kind.years !== null && !kind.years.has(year)) return kind.notInYearsNote;
  if (kind.series !== null && !kind.series.has(ctx.profile.titleSeries)) return kind.seriesNote;
  return null;
}

function whyNotOnDate(ctx: ActivityContext, kind: CompiledKind, date: string, yearOfDate: number): string | null {
  const year = ctx.year;
  const inYear = yearOfDate === year;
  if (!kind.chosenYear && !inYear) {
    return `日期${date}不在${year}年度，不计入该年度`;
  }
  // A date inside the year is before a Dec 31 deadline: skip the string comparison.
  if (!(inYear && ctx.deadlineIsYearEnd) && date > ctx.deadline) return `日期${date}晚于截止日期${ctx.deadline}，不计入`;
  if (ctx.today !== undefined && date > ctx.today) return `日期${date}晚于今天，暂不计入`;
  return null;
}

function dateYear(date: string): number {
  // Faster than Number(date.slice(0, 4)) in the hot loop; dates are validated 'YYYY-MM-DD'.
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
}

/**
 * "<rule text>；3位作者平均分配…，第2位：5学时": the same papers recur, so the texts are
 * memoised per rule text and (authors, position, share) while those are small whole numbers.
 */
const splitTexts = new Map<string, Map<number, string>>();
let splitTextCount = 0;

function splitText(text: string, authors: number, position: number, share: number, unit: string): string {
  const build = () => `${text}；${authors}位作者平均分配（取整，余数依次追加前几位），第${position}位：${share}${unit}`;
  const small =
    authors < 1024 && position > -1024 && position < 1024 && Number.isInteger(position) && share >= 0 && share < 4096 && Number.isInteger(share);
  if (!small) return build();
  // Units are part of the text key: a rule text and its unit always come from the same version.
  const key = ((share * 1024 + authors) * 2048 + (position + 1024)) * 2 + (unit === '学时' ? 0 : 1);
  let byKey = splitTexts.get(text);
  let line = byKey?.get(key);
  if (line === undefined) {
    line = build();
    if (splitTextCount < 20_000) {
      if (byKey === undefined) {
        byKey = new Map<number, string>();
        splitTexts.set(text, byKey);
      }
      byKey.set(key, line);
      splitTextCount++;
    }
  }
  return line;
}

/** "Counts once" key of an activity ("kind|value|…"), or null when its kind has none. */
export function evidenceKey(kind: CompiledKind, activity: ActivityInput): string | null {
  return kind.evidenceKey === null ? null : kind.evidenceKey(activity.params);
}
