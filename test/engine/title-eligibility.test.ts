// DOMAIN §4: which years must be complete for a title application, per tenant.
import { checkTitleEligibility, type ActivityInput } from '../../server/engine';
import type { TitleLevel } from '../../server/engine/titles';
import { act, profile, tenant } from './support/engine.factory';

const linyiYear = (y: number) => [act('publicCourse', y, {}), act('specialTraining', y, { hours: 60 })];
const qingdaoYear = (y: number) => [act('publicCourse', y, { hours: 30 }), act('jobTraining', y, { category: 'job', hours: 60, days: 8 })];
const binzhouYear = (y: number) => [act('publicCourse', y, { hours: 30 }), act('professionalTraining', y, { hours: 60 })];
const jiningYear = (y: number) =>
  y < 2020
    ? [act('publicCourse', y, { hours: 30 }), act('professionalTraining', y, { hours: 60 })]
    : [act('publicCompulsory', y, { series: 'ethics', hours: 20 }), act('publicElective', y, { hours: 10 }), act('professionalCourse', y, { hours: 60 })];
const years = (from: number, to: number, make: (y: number) => ActivityInput[]) => {
  const out: ActivityInput[] = [];
  for (let y = from; y <= to; y++) out.push(...make(y));
  return out;
};

function linyi(current: TitleLevel, target: TitleLevel, activities: ActivityInput[]) {
  return checkTitleEligibility({ policy: tenant('linyi'), profile: profile({ titleLevel: current }), activities, targetLevel: target, applicationYear: 2018 });
}

describe('Title eligibility: Linyi (000 四、)', () => {
  it('Linyi: title application to intermediate in 2018 checks 2015–2018', () => {
    const r = linyi('ASSISTANT', 'INTERMEDIATE', years(2015, 2018, linyiYear));
    expect(r.yearsChecked).toEqual([2015, 2016, 2017, 2018]);
    expect(r.eligible).toBe(true);
    expect(r.years.map((y) => y.status)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
  });

  it('Linyi: direct application for 员/助 level checks only the current year', () => {
    expect(linyi('NONE', 'JUNIOR', linyiYear(2018)).yearsChecked).toEqual([2018]);
    expect(linyi('NONE', 'ASSISTANT', linyiYear(2018)).eligible).toBe(true);
  });

  it('Linyi: 员 → 助 checks the last 3 years (2016–2018)', () => {
    expect(linyi('JUNIOR', 'ASSISTANT', []).yearsChecked).toEqual([2016, 2017, 2018]);
  });

  it('Linyi: → deputy senior or senior checks the last 5 years (2014–2018)', () => {
    expect(linyi('INTERMEDIATE', 'DEPUTY_SENIOR', []).yearsChecked).toEqual([2014, 2015, 2016, 2017, 2018]);
    expect(linyi('DEPUTY_SENIOR', 'SENIOR', []).yearsChecked).toEqual([2014, 2015, 2016, 2017, 2018]);
  });

  it('Linyi: any non-compliant year in the window cancels the application', () => {
    const acts = [...years(2015, 2018, linyiYear)].filter((a) => !(a.year === 2016 && a.kind === 'publicCourse'));
    const r = linyi('ASSISTANT', 'INTERMEDIATE', acts);
    expect(r.eligible).toBe(false);
    expect(r.years.find((y) => y.year === 2016)?.status).toBe('INCOMPLETE');
    expect(r.reasons.join('\n')).toContain('2016年度未完成');
  });
});

describe('Title eligibility: Qingdao (001 四、)', () => {
  it('Qingdao: rolling last 5 years including the application year (2023 → 2019–2023)', () => {
    const r = checkTitleEligibility({ policy: tenant('qingdao'), profile: profile(), activities: years(2019, 2023, qingdaoYear), targetLevel: 'DEPUTY_SENIOR', applicationYear: 2023 });
    expect(r.yearsChecked).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(r.eligible).toBe(true);
  });

  it('Qingdao: fewer years when the required tenure is shorter (2 years → 2022–2023)', () => {
    const r = checkTitleEligibility({
      policy: tenant('qingdao'),
      profile: profile({ titleLevel: 'JUNIOR' }),
      activities: years(2022, 2023, qingdaoYear),
      targetLevel: 'ASSISTANT',
      applicationYear: 2023,
      requiredTenureYears: 2,
    });
    expect(r.yearsChecked).toEqual([2022, 2023]);
    expect(r.eligible).toBe(true);
  });
});

describe('Title eligibility: Jining (002 四、(一))', () => {
  it('Jining: years before 2020 by average ≥ 90, 2020 on each year 30/60', () => {
    // 2018 has only 50 hours, but the 2017–2019 average is (130 + 50 + 90) / 3 = 90.
    const acts = [
      act('professionalTraining', 2017, { hours: 130 }),
      act('professionalTraining', 2018, { hours: 50 }),
      act('professionalTraining', 2019, { hours: 90 }),
      ...years(2020, 2021, jiningYear),
    ];
    const r = checkTitleEligibility({ policy: tenant('jining'), profile: profile(), activities: acts, targetLevel: 'DEPUTY_SENIOR', applicationYear: 2021 });
    expect(r.average).toMatchObject({ years: [2017, 2018, 2019], total: 270, perYear: 90, passed: true });
    expect(r.years.map((y) => y.status)).toEqual(['AVERAGED', 'AVERAGED', 'AVERAGED', 'COMPLETE', 'COMPLETE']);
    expect(r.eligible).toBe(true);
  });

  it('Jining: an average under 90 before 2020 fails the application', () => {
    const acts = years(2017, 2021, jiningYear).filter((a) => !(a.year === 2018 && a.kind === 'publicCourse'));
    const r = checkTitleEligibility({ policy: tenant('jining'), profile: profile(), activities: acts, targetLevel: 'DEPUTY_SENIOR', applicationYear: 2021 });
    expect(r.average?.passed).toBe(false);
    expect(r.eligible).toBe(false);
    expect(r.reasons.join('\n')).toContain('年均');
  });
});

describe('Title eligibility: Binzhou (004)', () => {
  it('Binzhou: ≤ 2019 by credit totals, ≥ 2020 each year (3-year tenure → 2019–2021)', () => {
    const acts = [
      act('publicCourse', 2018, {}, { id: 'c18' }),
      act('training', 2018, { hours: 50 }), // 10 credits: 2018–2019 total 15 + 10 + 15 = 40
      act('publicCourse', 2019, {}),
      ...years(2020, 2021, binzhouYear),
    ];
    const r = checkTitleEligibility({ policy: tenant('binzhou'), profile: profile(), activities: acts, targetLevel: 'DEPUTY_SENIOR', applicationYear: 2021, requiredTenureYears: 3 });
    expect(r.yearsChecked).toEqual([2019, 2020, 2021]);
    expect(r.years.map((y) => y.status)).toEqual(['CREDITS_PASSED', 'COMPLETE', 'COMPLETE']);
    expect(r.eligible).toBe(true);
  });

  it('Binzhou: title applicants complete before they file (hours after the filing date do not count)', () => {
    const acts = [...years(2020, 2020, binzhouYear), act('publicCourse', 2021, { hours: 30 }), act('professionalTraining', 2021, { hours: 60 }, { date: '2021-05-10' })];
    const r = checkTitleEligibility({
      policy: tenant('binzhou'),
      profile: profile(),
      activities: acts,
      targetLevel: 'INTERMEDIATE',
      applicationYear: 2021,
      requiredTenureYears: 2,
      filingDate: '2021-04-30',
    });
    expect(r.eligible).toBe(false);
    expect(r.years[1]?.status).toBe('INCOMPLETE');
  });
});

describe('Title eligibility: the Corps (003 第2问)', () => {
  const corpsYear = (date: string) => [
    act('publicOnline', 2021, { classLevel: 'intermediate', hours: 30 }, { date: '2021-03-01' }),
    act('professionalOnline', 2021, { hours: 60 }, { date }),
  ];

  it('Corps: the application year must be complete by June 30', () => {
    const r = checkTitleEligibility({ policy: tenant('bingtuan'), profile: profile(), activities: corpsYear('2021-06-30'), targetLevel: 'DEPUTY_SENIOR', applicationYear: 2021 });
    expect(r.yearsChecked).toEqual([2021]);
    expect(r.eligible).toBe(true);
  });

  it('Corps: hours completed on July 1 are too late for that year’s application', () => {
    const r = checkTitleEligibility({ policy: tenant('bingtuan'), profile: profile(), activities: corpsYear('2021-07-01'), targetLevel: 'DEPUTY_SENIOR', applicationYear: 2021 });
    expect(r.eligible).toBe(false);
    expect(r.reasons.join('\n')).toContain('2021-06-30');
  });
});

describe('Title eligibility: integrity record', () => {
  it('an integrity-record period covering the application blocks it (Jining: 3 years)', () => {
    const r = checkTitleEligibility({
      policy: tenant('jining'),
      profile: profile(),
      activities: years(2021, 2022, jiningYear),
      targetLevel: 'INTERMEDIATE',
      applicationYear: 2022,
      requiredTenureYears: 2,
      integrityRecord: [{ from: '2020-09-01', to: '2023-08-31', reason: '虚假申报学时' }],
    });
    expect(r.eligible).toBe(false);
    expect(r.years.every((y) => y.status === 'COMPLETE')).toBe(true);
    expect(r.reasons.join('\n')).toContain('诚信档案');
  });

  it('an application is judged on its filing date: filed in the term it stays blocked when judged after the term, filed after the term it is not', () => {
    const ask = (filingDate: string) =>
      checkTitleEligibility({
        policy: tenant('jining'),
        profile: profile(),
        activities: years(2021, 2022, jiningYear),
        targetLevel: 'INTERMEDIATE',
        applicationYear: 2022,
        requiredTenureYears: 2,
        integrityRecord: [{ from: '2019-06-01', to: '2022-05-31', reason: '虚假申报学时' }],
        filingDate,
        today: '2024-01-10',
      });
    expect(ask('2022-05-31')).toMatchObject({ eligible: false, integrityBlock: { from: '2019-06-01', to: '2022-05-31' } });
    expect(ask('2022-06-01').eligible).toBe(true);
    expect(ask('2022-06-01').integrityBlock).toBeUndefined();
  });

  it('an expired integrity-record period does not block', () => {
    const r = checkTitleEligibility({
      policy: tenant('jining'),
      profile: profile(),
      activities: years(2021, 2022, jiningYear),
      targetLevel: 'INTERMEDIATE',
      applicationYear: 2022,
      requiredTenureYears: 2,
      integrityRecord: [{ from: '2017-01-01', to: '2019-12-31' }],
    });
    expect(r.eligible).toBe(true);
  });
});
