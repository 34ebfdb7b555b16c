// The demo activity plan, judged by the real engine under the real policy
// files: every activity is accepted, dated inside its year and not after
// today, and each person-year shows what it was meant to show.
import { join } from 'node:path';
import { evaluateYear, validateActivityParams, versionForYear, type ActivityInput, type PolicyDocument, type YearEvaluation } from '../../server/engine';
import { loadPolicyFile } from '../../server/policy';
import { calendarFromSource } from '../../server/calendar/calendar-source';
import { DEMO_TENANTS, demoStaff } from '../../server/demo/demo-data';
import { demoYears, planDemoActivities, type DemoPlan } from '../../server/demo/demo-activities';
import { chinaToday } from '../../server/platform/clock';

const calendar = calendarFromSource();
const policies = new Map<string, PolicyDocument>(DEMO_TENANTS.map((t) => [t.code, loadPolicyFile(join(__dirname, '../../tenants', `${t.code}.yaml`))]));

function planFor(code: string, today: string): { plan: DemoPlan; staff: ReturnType<typeof demoStaff> } {
  const t = DEMO_TENANTS.find((x) => x.code === code)!;
  const staff = demoStaff(t, 4242, '2025-12-31');
  const people = staff.map((s) => ({ key: s.key, gender: s.person.gender, titleLevel: s.person.titleLevel, titleSeries: s.person.titleSeries }));
  return { plan: planDemoActivities({ tenant: t.code, policy: policies.get(code)!, people, today, seed: 4242 }), staff };
}

function evaluate(code: string, plan: DemoPlan, staff: ReturnType<typeof demoStaff>, person: number, year: number, today: string): YearEvaluation {
  const activities: ActivityInput[] = plan.activities
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.person === person)
    .map(({ a, i }) => ({ id: `a${String(i).padStart(5, '0')}`, kind: a.kind, year: a.year, date: a.date, params: a.params }));
  const p = staff[person]!.person;
  return evaluateYear({
    policy: policies.get(code)!,
    profile: { titleLevel: p.titleLevel, titleSeries: p.titleSeries, employerType: 'PUBLIC_INSTITUTION' },
    activities,
    year,
    today,
    calendar,
  });
}

/** Complete because of an exemption, a deemed-complete case or a pro-rata posting/leave, not because of courses. */
function completeByExemption(code: string, ev: YearEvaluation): boolean {
  if (!ev.complete) return false;
  if (ev.exemptions.length || ev.deemedComplete) return true;
  const kinds = versionForYear(policies.get(code)!, ev.year)!.kinds;
  return ev.activities.some((a) => kinds[a.kind]?.rule.type === 'proRata' && a.hoursEarned.PUBLIC + a.hoursEarned.PROFESSIONAL > 0);
}

/** Whether the tenant's policy has any exemption-like kind in the year. */
function policyHasExemption(code: string, year: number): boolean {
  return Object.values(versionForYear(policies.get(code)!, year)!.kinds).some(
    (k) => (k.rule.type === 'deemComplete' && k.rule.scope === 'YEAR') || k.rule.type === 'proRata',
  );
}

describe.each([['2026-03-10'], [chinaToday()]])('demo activities planned on %s', (today) => {
  const years = demoYears(today);
  const lastFull = years[years.length - 2]!;
  const current = years[years.length - 1]!;

  it.each(DEMO_TENANTS.map((t) => [t.code]))('%s: every activity is accepted by the policy of its year and dated in it, never after today', (code) => {
    const { plan } = planFor(code, today);
    expect(plan.rejected).toEqual([]);
    expect(plan.activities.length).toBeGreaterThan(0);
    for (const a of plan.activities) {
      expect(validateActivityParams(versionForYear(policies.get(code)!, a.year)!, a.kind, a.params)).toEqual([]);
      expect(a.date.slice(0, 4)).toBe(String(a.year));
      expect(a.date <= today).toBe(true);
      expect(years).toContain(a.year);
    }
  });

  it.each(DEMO_TENANTS.map((t) => [t.code]))('%s: each full year shows what it was meant to, judged by the engine', (code) => {
    const { plan, staff } = planFor(code, today);
    const wrong: string[] = [];
    for (const y of plan.years.filter((x) => x.year < current)) {
      const ev = evaluate(code, plan, staff, y.person, y.year, today);
      const shortfall = ev.subjects.PUBLIC.shortfall + ev.subjects.PROFESSIONAL.shortfall;
      const credited = ev.subjects.PUBLIC.credited + ev.subjects.PROFESSIONAL.credited;
      const ok =
        y.outcome === 'COMPLETE'
          ? ev.complete && !completeByExemption(code, ev)
          : y.outcome === 'SHORT'
            ? !ev.complete && shortfall >= 6 && credited > 0
            : completeByExemption(code, ev);
      if (!ok) wrong.push(`${y.person}/${y.year} meant ${y.outcome}: ${ev.reasons.join('; ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(DEMO_TENANTS.map((t) => [t.code]))('%s: the last full year has complete and short people, and exempt ones where the policy allows', (code) => {
    const { plan, staff } = planFor(code, today);
    const people = [...new Set(plan.years.map((y) => y.person))];
    const evs = people.map((p) => evaluate(code, plan, staff, p, lastFull, today));
    expect(evs.filter((e) => e.complete && !completeByExemption(code, e)).length).toBeGreaterThanOrEqual(1);
    expect(evs.filter((e) => !e.complete && e.subjects.PUBLIC.shortfall + e.subjects.PROFESSIONAL.shortfall > 0).length).toBeGreaterThanOrEqual(1);
    const exempt = evs.filter((e) => completeByExemption(code, e)).length;
    if (policyHasExemption(code, lastFull)) expect(exempt).toBeGreaterThanOrEqual(1);
    else expect(exempt).toBe(0);
  });
});

describe('demo people', () => {
  it.each(DEMO_TENANTS.map((t) => [t.code]))('%s: the same seed and day give the same plan', (code) => {
    expect(planFor(code, '2026-11-28').plan).toEqual(planFor(code, '2026-11-28').plan);
  });

  it('the current year so far has people already complete and people not yet', () => {
    const { plan, staff } = planFor('qingdao', '2026-11-28');
    const evs = [...new Set(plan.years.map((y) => y.person))].map((p) => evaluate('qingdao', plan, staff, p, 2026, '2026-11-28'));
    expect(evs.some((e) => e.complete)).toBe(true);
    expect(evs.some((e) => !e.complete)).toBe(true);
  });
});
