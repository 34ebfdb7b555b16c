// Small builders so each engine test reads as the rule it checks.
import { join } from 'node:path';
import type { ActivityInput, EvaluateYearInput, ParamValue, PolicyDocument, ProfileInput, WorkingCalendar, YearEvaluation } from '../../../server/engine';
import { evaluateYear } from '../../../server/engine';
import { calendarFromSource } from '../../../server/calendar/calendar-source';
import { loadPolicyFile } from '../../../server/policy';

const cache = new Map<string, PolicyDocument>();

export function tenant(code: 'linyi' | 'qingdao' | 'jining' | 'binzhou' | 'bingtuan'): PolicyDocument {
  let policy = cache.get(code);
  if (!policy) {
    policy = loadPolicyFile(join(__dirname, '../../../tenants', `${code}.yaml`));
    cache.set(code, policy);
  }
  return policy;
}

export function profile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING', employerType: 'PUBLIC_INSTITUTION', ...overrides };
}

let statutory: WorkingCalendar | undefined;

/** The statutory working-day calendar of the installed chinese-days package (2015 on), as the server loads it. */
export function workingCalendar(): WorkingCalendar {
  return (statutory ??= calendarFromSource());
}

let counter = 0;

export function act(kind: string, year: number, params: Record<string, ParamValue> = {}, extra: Partial<ActivityInput> = {}): ActivityInput {
  counter += 1;
  return { id: `a${String(counter).padStart(5, '0')}`, kind, year, params, ...extra };
}

export function evaluate(
  policy: PolicyDocument,
  year: number,
  activities: ActivityInput[],
  more: Partial<EvaluateYearInput> = {},
): YearEvaluation {
  return evaluateYear({ policy, profile: profile(), activities, year, calendar: workingCalendar(), ...more });
}

/** Hours of one activity in the evaluation, per subject. */
export function earned(evaluation: YearEvaluation, activity: ActivityInput) {
  const found = evaluation.activities.find((a) => a.activityId === activity.id);
  if (!found) throw new Error(`activity ${activity.id} not in evaluation`);
  return found;
}

/** Total earned by one activity, whatever the subject. */
export function total(evaluation: YearEvaluation, activity: ActivityInput): number {
  const r = earned(evaluation, activity).hoursEarned;
  return r.PUBLIC + r.PROFESSIONAL;
}
