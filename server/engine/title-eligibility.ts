// Title promotion: which years must be complete for an application, and are they?
// The look-back window and each year's test (each year / average / credits) are policy data.
import { TITLE_LEVEL_LABELS } from './titles';
import type { ActivityInput, TitleEligibility, TitleEligibilityInput, TitleYearResult } from './engine.types';
import type { TitleWindow } from './policy.types';
import { compilePolicy } from './policy-compiler';
import { evaluateYear } from './year-evaluator';

export function checkTitleEligibility(input: TitleEligibilityInput): TitleEligibility {
  const policy = compilePolicy(input.policy);
  const doc = input.policy;
  const activities = collectActivities(input);
  const reasons: string[] = [];
  const target = TITLE_LEVEL_LABELS[input.targetLevel];
  const window = findWindow(doc.title.windows, input);
  if (window === undefined) {
    const from = TITLE_LEVEL_LABELS[input.profile.titleLevel];
    return { eligible: false, yearsChecked: [], years: [], reasons: [`${doc.name}政策未规定由${from}申报${target}的继续教育年限`] };
  }
  let span = window.years;
  if (doc.title.shortenToTenure && input.requiredTenureYears !== undefined && input.requiredTenureYears >= 1) {
    span = Math.min(span, Math.floor(input.requiredTenureYears));
  }
  const app = input.applicationYear;
  const yearsChecked: number[] = [];
  for (let y = app - span + 1; y <= app; y++) yearsChecked.push(y);
  const range = yearsChecked.length === 1 ? `${app}年度` : `${yearsChecked[0]}—${app}年度`;
  reasons.push(`申报${target}：须完成${range}的继续教育（${window.source}）`);

  const deadline = applicationDeadline(input);
  if (deadline !== undefined) reasons.push(`申报当年的学习须在${deadline}（含）以前完成（${deadlineSource(input)}）`);

  const years: TitleYearResult[] = [];
  const averaged: { year: number; total: number; min: number; source: string }[] = [];
  for (const year of yearsChecked) {
    const version = policy.versionFor(year);
    if (!version) {
      years.push({ year, status: 'NO_POLICY', reason: `${year}年度没有适用的继续教育政策，无法认定` });
      continue;
    }
    const evaluation = evaluateYear({
      policy: doc,
      profile: input.profile,
      activities,
      year,
      today: input.today,
      deadline: year === app ? deadline : undefined,
      priorEvidenceKeys: input.priorEvidenceKeys,
    });
    const rule = version.spec.titleYearRule;
    if (rule.type === 'AVERAGE') {
      // A year deemed complete counts as meeting the average (product decision).
      const hours = evaluation.subjects.PUBLIC.credited + evaluation.subjects.PROFESSIONAL.credited;
      const total = evaluation.deemedComplete ? Math.max(hours, rule.minPerYear) : hours;
      averaged.push({ year, total, min: rule.minPerYear, source: rule.source });
      years.push({ year, status: 'AVERAGED', evaluation, reason: `${year}年度认定${total}学时，按年均计算（${rule.source}）` });
    } else if (rule.type === 'CREDITS') {
      const passed = evaluation.complete;
      const status = passed ? 'CREDITS_PASSED' : 'CREDITS_FAILED';
      years.push({ year, status, evaluation, reason: `${year}年度学分制：${passed ? '累计学分合格' : '累计学分不合格'}（${rule.source}）` });
    } else {
      const status = evaluation.complete ? 'COMPLETE' : 'INCOMPLETE';
      const detail = evaluation.reasons.slice(0, -1).join('；');
      years.push({ year, status, evaluation, reason: `${year}年度${evaluation.complete ? '已完成' : '未完成'}：${detail}` });
    }
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
  return { eligible: ok, yearsChecked, years, ...(average ? { average } : {}), reasons };
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
  if (d.type === 'fixed') return `${input.applicationYear}-${d.monthDay}`;
  if (d.type === 'filing') return input.filingDate;
  return undefined;
}

function deadlineSource(input: TitleEligibilityInput): string {
  const d = input.policy.title.deadline;
  return d.type === 'yearEnd' ? input.policy.deadline.source : d.source;
}

function blockingIntegrityPeriod(input: TitleEligibilityInput) {
  const reference = input.today ?? input.filingDate;
  const yearStart = `${input.applicationYear}-01-01`;
  const yearEnd = `${input.applicationYear}-12-31`;
  return (input.integrityRecord ?? []).find((p) =>
    reference !== undefined ? p.from <= reference && reference <= p.to : p.from <= yearEnd && p.to >= yearStart,
  );
}
