// The statutory working-day calendar in the engine: Jining's pre-filing lead time (seed 002 五、,
// 5 working days) counted with the PRC holidays and adjusted working weekends (调休), a tenant's
// own closures, and a year the calendar lacks.
import { evaluateYear, type PolicyDocument, type WorkingCalendar } from '../../server/engine';
import { policySchema } from '../../server/policy';
import { act, earned, evaluate, profile, tenant, total, workingCalendar } from './support/engine.factory';

const jining = tenant('jining');

/** A unit's training project filed on `filedDate` that starts on `startDate` (16 hours). */
const training = (filedDate: string, startDate: string) => act('unitTraining', Number(startDate.slice(0, 4)), { projectName: '专题培训班', filedDate, startDate, hours: 16 });

describe('Jining: training filed 5 working days before it starts, on the statutory calendar', () => {
  it('filed Fri 2024-09-27, starting Tue 2024-10-08: across the National Day week only 3 working days (27th, adjusted Sun 29th, 30th) → no hours, and the note names the holiday', () => {
    const a = training('2024-09-27', '2024-10-08');
    const e = evaluate(jining, 2024, [a]);
    expect(total(e, a)).toBe(0);
    const note = earned(e, a).notes[0];
    expect(note).toContain('5个工作日');
    expect(note).toContain('只有3个工作日');
    expect(note).toContain('跳过国庆节 10月1日—10月7日');
    expect(note).toContain('9月29日调休上班');
  });

  it('the same eleven days across an ordinary week (filed Fri 2024-11-01, starting Tue 2024-11-12) hold 7 working days → 16 hours', () => {
    const a = training('2024-11-01', '2024-11-12');
    const e = evaluate(jining, 2024, [a]);
    expect(total(e, a)).toBe(16);
    expect(earned(e, a).notes).toEqual([]);
  });

  it('an adjusted working Saturday counts: filed Sat 2024-10-12 (调休上班), starting Fri 2024-10-18 → 5 working days → 16 hours', () => {
    const a = training('2024-10-12', '2024-10-18');
    expect(total(evaluate(jining, 2024, [a]), a)).toBe(16);
  });

  it('the Spring Festival week is skipped too: filed Thu 2024-02-08, starting Mon 2024-02-19 → 3 working days (8th, 9th and the adjusted Sun 18th) → no hours', () => {
    const a = training('2024-02-08', '2024-02-19');
    const note = earned(evaluate(jining, 2024, [a]), a).notes[0];
    expect(note).toContain('只有3个工作日');
    expect(note).toContain('跳过春节 2月10日—2月17日');
    expect(note).toContain('2月18日调休上班');
  });

  it('each failing filing’s note carries its own count, also when the same holidays are skipped (texts are memoised)', () => {
    const short = [training('2024-11-06', '2024-11-08'), training('2024-11-05', '2024-11-08'), training('2024-09-30', '2024-10-08'), training('2024-09-29', '2024-10-08')];
    const e = evaluate(jining, 2024, short);
    expect(short.map((a) => /只有(\d)个工作日/.exec(earned(e, a).notes[0] ?? '')?.[1])).toEqual(['2', '3', '1', '2']);
  });
});

describe('a tenant’s own closures', () => {
  const closed: PolicyDocument = {
    ...jining,
    calendar: { closures: [{ from: '2024-11-04', to: '2024-11-08', name: '全市培训平台停机维护', source: '002 五、' }] },
  };

  it('a closure week takes its days out of the count: the ordinary-week filing (7 working days) keeps 2 and earns nothing, naming the closure', () => {
    const a = training('2024-11-01', '2024-11-12');
    const e = evaluate(closed, 2024, [a]);
    expect(total(e, a)).toBe(0);
    expect(earned(e, a).notes[0]).toContain('只有2个工作日');
    expect(earned(e, a).notes[0]).toContain('跳过全市培训平台停机维护 11月4日—11月8日');
    // the tenant without the closure still credits it
    expect(total(evaluate(jining, 2024, [a]), a)).toBe(16);
  });

  it('the policy file accepts a closures section and refuses a closure that ends before it starts or has no real date', () => {
    const raw = JSON.parse(JSON.stringify(jining)) as Record<string, unknown>;
    const withClosures = (closures: unknown) => policySchema.safeParse({ ...raw, calendar: { closures } });
    expect(withClosures([{ from: '2024-11-04', to: '2024-11-08', name: '停机维护', source: '002 五、' }]).success).toBe(true);
    const backwards = withClosures([{ from: '2024-11-08', to: '2024-11-04', name: '停机维护', source: '002 五、' }]);
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]?.path).toEqual(['calendar', 'closures', 0, 'to']);
    expect(withClosures([{ from: '2024-02-30', to: '2024-03-01', name: '停机维护', source: '002 五、' }]).success).toBe(false);
  });
});

describe('a year missing from the calendar', () => {
  it('filed 2027-01-04 for a start on 2027-01-15 (2027 not published yet): no hours, and the note says 2027 is not in the calendar, not a weekend-only count', () => {
    const a = training('2027-01-04', '2027-01-15');
    const e = evaluate(jining, 2027, [a]);
    expect(total(e, a)).toBe(0);
    const note = earned(e, a).notes[0];
    expect(note).toContain('工作日历中没有2027年');
    expect(note).toContain('2015—2026');
  });

  it('without any calendar no working day is counted: the ordinary-week filing cannot be judged', () => {
    const a = training('2024-11-01', '2024-11-12');
    const e = evaluateYear({ policy: jining, profile: profile(), activities: [a], year: 2024 });
    expect(total(e, a)).toBe(0);
    expect(earned(e, a).notes[0]).toContain('工作日历中没有2024年');
  });

  it('one policy judged with two calendars keeps each answer apart (compiled per calendar)', () => {
    const full = workingCalendar();
    const without2024: WorkingCalendar = { ...full, years: full.years.filter((y) => y !== 2024) };
    const a = training('2024-11-01', '2024-11-12');
    const judge = (calendar: WorkingCalendar) => total(evaluateYear({ policy: jining, profile: profile(), activities: [a], year: 2024, calendar }), a);
    expect([judge(full), judge(without2024), judge(full)]).toEqual([16, 0, 16]);
  });
});
