// Plans the demo people's activities: the last few full years and the current
// year so far. Each person-year is meant to be complete, short or exempt (in a
// fixed, mixed pattern), so the first completion query shows a real answer.
// Pure and deterministic for a given seed and day; every activity is checked
// against the tenant's policy for its year before it is kept.
import { validateActivityParams, versionForYear, type ParamError, type PolicyDocument } from '../engine';
import { mulberry32, type RegionCityKey } from './synthetic-people';
import { RECIPES, type DemoOutcome, type DemoProfile, type PlannedActivity, type RecipeContext } from './demo-recipes';

export type { DemoOutcome, DemoProfile, PlannedActivity } from './demo-recipes';

/** Full years before the current one that get activities. */
export const DEMO_FULL_YEARS = 4;

// Seven in ten years complete, two short, one exempt (complete where the policy has no exemption).
const PATTERN: readonly DemoOutcome[] = ['COMPLETE', 'SHORT', 'COMPLETE', 'EXEMPT', 'COMPLETE', 'COMPLETE', 'SHORT', 'COMPLETE', 'COMPLETE', 'COMPLETE'];

const DAY_MS = 86_400_000;

export interface DemoActivity extends PlannedActivity {
  /** The person's key (DemoProfile.key). */
  person: number;
  year: number;
}

export interface DemoYearPlan {
  person: number;
  year: number;
  /** What the year is meant to show; in the current year, what it will show once everything planned has happened. */
  outcome: DemoOutcome;
}

export interface DemoPlan {
  activities: DemoActivity[];
  years: DemoYearPlan[];
  /** Activities the policy does not accept (none with the bundled policies); left out. */
  rejected: { activity: DemoActivity; errors: ParamError[] }[];
}

export interface DemoPlanInput {
  tenant: RegionCityKey;
  policy: PolicyDocument;
  people: readonly DemoProfile[];
  /** YYYY-MM-DD: nothing is dated after it; its year is the current year. */
  today: string;
  seed: number;
  fullYears?: number;
}

/** The years that get activities: the full years before today's, then today's. */
export function demoYears(today: string, fullYears = DEMO_FULL_YEARS): number[] {
  const current = Number(today.slice(0, 4));
  return Array.from({ length: fullYears + 1 }, (_, i) => current - fullYears + i);
}

/** The outcome a person's year is meant to have, before the tenant's policy is asked whether it fits. */
export function intendedOutcome(key: number, year: number): DemoOutcome {
  return PATTERN[(key + 3 * year) % PATTERN.length]!;
}

export function planDemoActivities(input: DemoPlanInput): DemoPlan {
  const recipe = RECIPES[input.tenant];
  const plan: DemoPlan = { activities: [], years: [], rejected: [] };
  const years = demoYears(input.today, input.fullYears);
  const currentYear = years[years.length - 1];
  for (const person of input.people) {
    for (const year of years) {
      const version = versionForYear(input.policy, year);
      if (!version) continue;
      const ctx = context(person, year, input.seed);
      let outcome = intendedOutcome(person.key, year);
      let planned = outcome === 'EXEMPT' ? recipe.exempt(ctx) : null;
      if (!planned) {
        if (outcome === 'EXEMPT') outcome = 'COMPLETE';
        planned = outcome === 'SHORT' ? recipe.short(ctx) : recipe.complete(ctx);
      }
      plan.years.push({ person: person.key, year, outcome });
      for (const a of planned) {
        if (year === currentYear && a.date > input.today) continue;
        const activity: DemoActivity = { ...a, person: person.key, year };
        const errors = validateActivityParams(version, a.kind, a.params);
        if (errors.length) plan.rejected.push({ activity, errors });
        else plan.activities.push(activity);
      }
    }
  }
  return plan;
}

function context(person: DemoProfile, year: number, seed: number): RecipeContext {
  const random = mulberry32((seed ^ Math.imul(person.key + 1, 0x9e3779b9) ^ Math.imul(year, 0x85ebca6b)) >>> 0);
  const first = Date.UTC(year, 0, 6);
  const span = (Date.UTC(year, 11, 20) - first) / DAY_MS + 1;
  return {
    person,
    year,
    random,
    pick: (items) => items[Math.floor(random() * items.length)]!,
    date: () => isoDay(first + Math.floor(random() * span) * DAY_MS),
    daysBefore: (date, days) => isoDay(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS),
  };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
