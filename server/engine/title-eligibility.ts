// Title promotion: which years must be complete for an application, and are they?
// The look-back window and each year's test (each year / average / credits) are policy data.
import { TITLE_LEVEL_LABELS, TITLE_ROUTE_LABELS } from './titles';
import type {
  ActivityInput,
  ApplicationContext,
  ExcludedActivity,
  RecognizedYear,
  TitleEligibility,
  TitleEligibilityInput,
  TitleYearResult,
  YearEvaluation,
  YearNotChecked,
} from './engine.types';
import type { TitleWindow, TitleYearRule } from './policy.types';
import { anyComplete, eachYearWithMoved, issuers, movedHours, movedOnlyYear, pendingNote, recognitionByYear } from './recognized-years';
import { compilePolicy, deadlineMonthDay } from './policy-compiler';
import { evaluateYear } from './year-evaluator';

export function checkTitleEligibility(given: TitleEligibilityInput): TitleEligibility {
  const policy = compilePolicy(given.policy, given.calendar);
  // Read in its cited form, so that every reason cites documents, not keys (see citations.ts).
  const input: TitleEligibilityInput = { ...given, policy: policy.cited };
  const doc = input.policy;
  const activities = collectActivities(input);
  const reasons: string[] = [];
  const target = TITLE_LEVEL_LABELS[input.targetLevel];
  const window = findWindow(doc.title.windows, input);
  if (window === undefined) {
    const from = TITLE_LEVEL_LABELS[input.profile.titleLevel];
    return {
      eligible: false,
      yearsChecked: [],
      yearsNotChecked: [],
      excludedActivities: [],
      years: [],
      reasons: [`${doc.name}政策未规定由${from}申报${target}的继续教育年限`],
    };
  }
  const app = input.applicationYear;
  const route = input.route ?? 'NORMAL_REVIEW';
  const application: ApplicationContext = { targetLevel: input.targetLevel, route, applicationYear: app };
  const { span, notChecked } = lookBack(input, window);
  const yearsChecked: number[] = [];
  for (let y = app - span + 1; y <= app; y++) yearsChecked.push(y);
  const yearsNotChecked: YearNotChecked[] = [];
  for (let y = app - window.years + 1; y < app - span + 1; y++) yearsNotChecked.push({ year: y, reason: notChecked });
  const range = yearsChecked.length === 1 ? `${app}年度` : `${yearsChecked[0]}—${app}年度`;
  reasons.push(`申报${target}：须完成${range}的继续教育（${window.source}）`);
  if (yearsNotChecked.length > 0) {
    const skipped = yearsNotChecked.length === 1 ? `${yearsNotChecked[0]!.year}年度` : `${yearsNotChecked[0]!.year}—${yearsNotChecked[yearsNotChecked.length - 1]!.year}年度`;
    reasons.push(`${skipped}不核查：${notChecked}`);
  }
  if (route !== 'NORMAL_REVIEW') reasons.push(`申报途径：${TITLE_ROUTE_LABELS[route]}`);

  const deadline = applicationDeadline(input);
  if (deadline !== undefined) reasons.push(`申报当年的学习须在${deadline}（含）以前完成（${deadlineSource(input)}）`);

  const years: TitleYearResult[] = [];
  const averaged: { year: number; total: number; min: number; source: string }[] = [];
  const movedIn = recognitionByYear(input.recognizedYears);
  const movedSource = doc.transferIn?.source ?? '平台内迁入';
  for (const year of yearsChecked) {
    const version = policy.versionFor(year);
    const moved = movedIn(year);
    const counted = moved.counted;
    let result: TitleYearResult;
    if (!version) {
      result = counted.length ? movedOnlyYear(year, counted, movedSource) : { year, status: 'NO_POLICY', reason: `${year}年度没有适用的继续教育政策，无法认定` };
    } else {
      const evaluation = evaluateYear({
        policy: doc,
        profile: input.profile,
        activities,
        year,
        today: input.today,
        deadline: year === app ? deadline : undefined,
        priorEvidenceKeys: input.priorEvidenceKeys,
        application,
        calendar: input.calendar,
      });
      result = judgeYear(year, evaluation, version.spec.titleYearRule, counted, movedSource, averaged);
    }
    if (counted.length && result.status !== 'NO_REQUIREMENT') result.movedFrom = [...new Set(counted.map((c) => c.issuer))];
    result.reason += pendingNote(year, moved);
    years.push(result);
  }

  let average: TitleEligibility['average'];
  const firstAveraged = averaged[0];
  if (firstAveraged !== undefined) {
    const total = averaged.reduce((sum, a) => sum + a.total, 0);
    const perYear = total / averaged.length;
    const required = firstAveraged.min;
    average = { years: averaged.map((a) => a.year), total, perYear, required, passed: perYear >= required };
    const shown = Math.round(perYear * 10) / 10;
    reasons.push(
      `${average.years[0]}—${average.years[average.years.length - 1]}年度共${total}学时，年均${shown}学时，要求年均不少于${required}学时：${average.passed ? '合格' : '不合格'}（${firstAveraged.source}）`,
    );
  }

  let ok = true;
  for (const y of years) {
    reasons.push(y.reason);
    if (y.status === 'INCOMPLETE' || y.status === 'CREDITS_FAILED' || y.status === 'NO_POLICY') ok = false;
  }
  if (average !== undefined && !average.passed) ok = false;
  if (!ok) reasons.push('年限内有继续教育不达标的年度，取消本年度职称申报资格');

  const block = blockingIntegrityPeriod(input);
  if (block !== undefined) {
    ok = false;
    reasons.push(`处于职称评审诚信档案记录期（${block.from}至${block.to}${block.reason ? `，${block.reason}` : ''}），不得申报`);
  }
  reasons.push(ok ? `符合申报${target}的继续教育条件` : `不符合申报${target}的继续教育条件`);
  const excludedActivities = deadline === undefined ? [] : excludedByDeadline(activities, app, deadline);
  return { eligible: ok, yearsChecked, yearsNotChecked, excludedActivities, years, ...(average ? { average } : {}), ...(block ? { integrityBlock: block } : {}), reasons };
}

/** One checked year under the version's title-year rule, with the moved years that count in it. */
function judgeYear(
  year: number,
  evaluation: YearEvaluation,
  rule: TitleYearRule,
  counted: readonly RecognizedYear[],
  movedSource: string,
  averaged: { year: number; total: number; min: number; source: string }[],
): TitleYearResult {
  if (evaluation.noRequirement !== undefined) {
    return { year, status: 'NO_REQUIREMENT', evaluation, reason: `${year}年度无继续教育要求：${evaluation.noRequirement.reason}（${evaluation.noRequirement.source}）` };
  }
  if (rule.type === 'AVERAGE') {
    // A year deemed complete, or certified complete where the person came from, counts as meeting the average (product decision).
    const extra = movedHours(counted);
    const movedTotal = extra.PUBLIC + extra.PROFESSIONAL;
    const hours = evaluation.subjects.PUBLIC.credited + evaluation.subjects.PROFESSIONAL.credited + movedTotal;
    const total = evaluation.deemedComplete || anyComplete(counted) ? Math.max(hours, rule.minPerYear) : hours;
    averaged.push({ year, total, min: rule.minPerYear, source: rule.source });
    const part = counted.length ? `（含${issuers(counted)}认定的${movedTotal}学时，迁入记录）` : '';
    return { year, status: 'AVERAGED', evaluation, reason: `${year}年度认定${total}学时${part}，按年均计算（${rule.source}）` };
  }
  if (rule.type === 'CREDITS') {
    if (!evaluation.complete && anyComplete(counted)) {
      return { year, status: 'CREDITS_PASSED', evaluation, reason: `${year}年度由${issuers(counted)}认定达标（迁入记录，${movedSource}）` };
    }
    const passed = evaluation.complete;
    return { year, status: passed ? 'CREDITS_PASSED' : 'CREDITS_FAILED', evaluation, reason: `${year}年度学分制：${passed ? '累计学分合格' : '累计学分不合格'}（${rule.source}）` };
  }
  if (!evaluation.complete && counted.length) return { year, evaluation, ...eachYearWithMoved(year, evaluation, counted, movedSource) };
  const detail = evaluation.reasons.slice(0, -1).join('；');
  return { year, status: evaluation.complete ? 'COMPLETE' : 'INCOMPLETE', evaluation, reason: `${year}年度${evaluation.complete ? '已完成' : '未完成'}：${detail}` };
}

/**
 * How many years back the application looks: the window, shortened (where the tenant says
 * so) to the tenure the caller states and, with basis CURRENT_TITLE, to the whole years since
 * the current title was obtained (the year it was obtained is not one of them: product decision).
 */
function lookBack(input: TitleEligibilityInput, window: TitleWindow): { span: number; notChecked: string } {
  const shorten = input.policy.title.shortenToTenure;
  let span = window.years;
  let notChecked = '';
  if (shorten === false) return { span, notChecked };
  if (input.requiredTenureYears !== undefined && input.requiredTenureYears >= 1 && Math.floor(input.requiredTenureYears) < span) {
    span = Math.floor(input.requiredTenureYears);
    notChecked = `申报职称年限为${span}年，少于${window.years}年的按照实际年限（${window.source}）`;
  }
  const obtained = input.profile.titleObtainedOn;
  if (shorten !== true && obtained !== undefined && input.profile.titleLevel !== 'NONE') {
    const obtainedYear = Number(obtained.slice(0, 4));
    const tenure = Math.max(1, input.applicationYear - obtainedYear);
    if (tenure < span) {
      span = tenure;
      const level = TITLE_LEVEL_LABELS[input.profile.titleLevel];
      notChecked = `${obtained}取得现职称（${level}），任现职${tenure}年，少于${window.years}年的按照实际年限，取得当年及以前不核查（${shorten.source}）`;
    }
  }
  return { span, notChecked };
}

/** Activities of the application year dated or recorded after the title deadline. */
function excludedByDeadline(activities: readonly ActivityInput[], year: number, deadline: string): ExcludedActivity[] {
  const out: ExcludedActivity[] = [];
  for (const a of activities) {
    if (a.year !== year) continue;
    const late = a.date !== undefined && a.date > deadline;
    const lateRecord = a.recordedOn !== undefined && a.recordedOn > deadline;
    if (!late && !lateRecord) continue;
    const reason = late ? `学习日期${a.date}晚于截止日期${deadline}` : `${a.recordedOn}登记，晚于截止日期${deadline}`;
    out.push({ activityId: a.id, kind: a.kind, ...(a.date !== undefined ? { date: a.date } : {}), ...(a.recordedOn !== undefined ? { recordedOn: a.recordedOn } : {}), reason });
  }
  return out;
}

function collectActivities(input: TitleEligibilityInput): readonly ActivityInput[] {
  if (input.activities !== undefined) return input.activities;
  const all: ActivityInput[] = [];
  for (const list of Object.values(input.activitiesByYear ?? {})) all.push(...list);
  return all;
}

function findWindow(windows: TitleWindow[], input: TitleEligibilityInput): TitleWindow | undefined {
  return windows.find((w) => w.to.includes(input.targetLevel) && (w.from === undefined || w.from.includes(input.profile.titleLevel)));
}

function applicationDeadline(input: TitleEligibilityInput): string | undefined {
  const d = input.policy.title.deadline;
  if (d.type === 'fixed') return `${input.applicationYear}-${deadlineMonthDay(d.monthDay, input.applicationYear)}`;
  if (d.type === 'filing') return input.filingDate;
  return undefined;
}

function deadlineSource(input: TitleEligibilityInput): string {
  const d = input.policy.title.deadline;
  return d.type === 'yearEnd' ? input.policy.deadline.source : d.source;
}

/**
 * The period the application falls in: judged on its filing date (filing is what the record
 * forbids, so an application filed in the term stays blocked after it), else on today; with
 * neither, any overlap with the application year.
 */
function blockingIntegrityPeriod(input: TitleEligibilityInput) {
  const reference = input.filingDate ?? input.today;
  const yearStart = `${input.applicationYear}-01-01`;
  const yearEnd = `${input.applicationYear}-12-31`;
  return (input.integrityRecord ?? []).find((p) =>
    reference !== undefined ? p.from <= reference && reference <= p.to : p.from <= yearEnd && p.to >= yearStart,
  );
}
