// The hours engine: pure functions from (policy, profile, activities, year, today) to hours
// and verdicts with their explanation. No database, clock, network or file system.
export * from './policy.types';
export * from './engine.types';
export { evaluateYear } from './year-evaluator';
export { checkTitleEligibility } from './title-eligibility';
export { validateActivityParams } from './param-validator';
export { compilePolicy, deadlineMonthDay, versionForYear, type CompiledPolicy, type CompiledVersion } from './policy-compiler';
export { citationText, parseCitation } from './citations';
export type { CompiledKind } from './kind-compiler';
export { ruleParams, checkRule } from './rules/registry';
export type { RuleParamRef, RuleIssue } from './rules/rule';
export { coauthorShare, splitAmongAuthors } from './coauthor-split';
export { isValidDate } from './working-days';
export {
  workingDaysBetween,
  countWorkingDays,
  coveredText,
  CalendarYearMissingError,
  EMPTY_CALENDAR,
  type WorkingCalendar,
  type CalendarDay,
  type WorkingDayCount,
} from './working-calendar';
export { workingDayParams } from './condition-compiler';
