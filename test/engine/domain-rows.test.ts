// Rows of tenants/README.md ("each DOMAIN.md row proven") that have a policy element but had
// no test of their own: each test changes one datum and shows the answer change.
import { act, earned, evaluate, profile, tenant, total } from './support/engine.factory';

const linyi = tenant('linyi');
const qingdao = tenant('qingdao');
const jining = tenant('jining');
const binzhou = tenant('binzhou');
const corps = tenant('bingtuan');

describe('every tenant: the year is the calendar year (DOMAIN §2; 000 三、1, 000 十一、, 001 四、(五))', () => {
  it('Linyi: hours do not carry over: a 2017 grade-A language exam and 60 professional hours do not count in 2018', () => {
    const year = (y: number) => [
      act('foreignLanguageExam', y, { grade: 'A', score: 70 }, { date: `${y}-05-10` }),
      act('specialTraining', y, { hours: 60 }, { date: `${y}-06-10` }),
    ];
    const in2017 = year(2017);
    const in2018 = year(2018);
    expect(evaluate(linyi, 2017, in2017).complete).toBe(true);
    const next = evaluate(linyi, 2018, in2017);
    expect(next.complete).toBe(false);
    expect([next.subjects.PUBLIC.shortfall, next.subjects.PROFESSIONAL.shortfall]).toEqual([30, 60]);
    expect(evaluate(linyi, 2018, in2018).complete).toBe(true);
  });

  it('Linyi: no make-up: a public course taken in 2018 and declared for 2016 earns nothing in 2016', () => {
    const late = act('publicCourse', 2016, {}, { date: '2018-05-10' });
    const inTime = act('publicCourse', 2016, {}, { date: '2016-05-10' });
    const e = evaluate(linyi, 2016, [late]);
    expect(total(e, late)).toBe(0);
    expect(earned(e, late).notes[0]).toContain('不在2016年度');
    expect(total(evaluate(linyi, 2016, [inTime]), inTime)).toBe(30);
  });
});

describe('Linyi (000 三、2, 七、2)', () => {
  it('Linyi: special business training counts its course hours as professional (60 → met, 59 → short by 1)', () => {
    const sixty = evaluate(linyi, 2018, [act('specialTraining', 2018, { hours: 60 })]);
    const fiftyNine = evaluate(linyi, 2018, [act('specialTraining', 2018, { hours: 59 })]);
    expect(sixty.subjects.PROFESSIONAL).toMatchObject({ credited: 60, shortfall: 0 });
    expect(fiftyNine.subjects.PROFESSIONAL).toMatchObject({ credited: 59, shortfall: 1 });
  });

  it('Linyi: training and annex conversions reaching 60 professional hours need no public professional course (60 → complete, 50 → short by 10)', () => {
    const year = (paperHours: number) => [
      act('publicCourse', 2018, {}),
      act('specialTraining', 2018, { hours: 20 }),
      act('annexConversion', 2018, { category: 'paper', hours: paperHours }),
    ];
    expect(evaluate(linyi, 2018, year(40)).complete).toBe(true);
    const short = evaluate(linyi, 2018, year(30));
    expect(short.complete).toBe(false);
    expect(short.subjects.PROFESSIONAL.shortfall).toBe(10);
  });
});

describe('Qingdao (001 四、(四))', () => {
  it('Qingdao: 6 months of aid posting → 15 public + 30 professional (pro rata by month)', () => {
    const half = act('aidPosting', 2023, { months: 6 });
    const whole = act('aidPosting', 2023, { months: 12 });
    expect(earned(evaluate(qingdao, 2023, [half]), half).hoursEarned).toEqual({ PUBLIC: 15, PROFESSIONAL: 30 });
    expect(earned(evaluate(qingdao, 2023, [whole]), whole).hoursEarned).toEqual({ PUBLIC: 30, PROFESSIONAL: 60 });
  });

  it('Qingdao: official posting abroad must exceed 6 months (6 months → nothing, 7 months → 17 + 35)', () => {
    const six = act('leave', 2023, { reason: 'postingAbroad', months: 6, unitApproved: true });
    const seven = act('leave', 2023, { reason: 'postingAbroad', months: 7, unitApproved: true });
    expect(total(evaluate(qingdao, 2023, [six]), six)).toBe(0);
    expect(earned(evaluate(qingdao, 2023, [seven]), seven).hoursEarned).toEqual({ PUBLIC: 17, PROFESSIONAL: 35 });
  });
});

describe('Jining (002 三、(三))', () => {
  it('Jining: a reviewed conversion (degree education, results, papers) counts the hours it was given as professional', () => {
    const base = [act('publicCompulsory', 2021, { series: 'ethics', hours: 20 }), act('publicElective', 2021, { hours: 10 }), act('professionalCourse', 2021, { hours: 50 })];
    const paper = act('conversion', 2021, { category: 'paper', hours: 10 });
    expect(evaluate(jining, 2021, base).subjects.PROFESSIONAL.shortfall).toBe(10);
    const e = evaluate(jining, 2021, [...base, paper]);
    expect(earned(e, paper).hoursEarned).toEqual({ PUBLIC: 0, PROFESSIONAL: 10 });
    expect(e.complete).toBe(true);
  });
});

describe('Binzhou (004 一、, 三、(一), 附件 一、(四), 附件 二、(三))', () => {
  it('Binzhou: staff of private enterprises must study too (no hours → short 30 + 60), where the Corps sets no requirement', () => {
    const privateStaff = { profile: profile({ employerType: 'PRIVATE_ENTERPRISE' }) };
    const e = evaluate(binzhou, 2021, [], privateStaff);
    expect(e.noRequirement).toBeUndefined();
    expect([e.subjects.PUBLIC.shortfall, e.subjects.PROFESSIONAL.shortfall]).toEqual([30, 60]);
    expect(evaluate(corps, 2021, [], privateStaff).noRequirement?.reason).toContain('民营企业');
  });

  it('Binzhou 2021: 30 public + 60 professional training hours complete the year; 59 professional hours do not', () => {
    const year = (professional: number) => [act('publicCourse', 2021, { hours: 30 }), act('professionalTraining', 2021, { hours: professional })];
    expect(evaluate(binzhou, 2021, year(60)).complete).toBe(true);
    const short = evaluate(binzhou, 2021, year(59));
    expect(short.complete).toBe(false);
    expect(short.subjects.PROFESSIONAL.shortfall).toBe(1);
  });

  it('Binzhou: the year ends on Dec 31 (a course dated 2021-12-31 counts in 2021; one dated 2022-01-01 does not)', () => {
    const lastDay = act('publicCourse', 2021, { hours: 30 }, { date: '2021-12-31' });
    const nextYear = act('publicCourse', 2021, { hours: 30 }, { date: '2022-01-01' });
    expect(total(evaluate(binzhou, 2021, [lastDay]), lastDay)).toBe(30);
    const e = evaluate(binzhou, 2021, [nextYear]);
    expect(total(e, nextYear)).toBe(0);
    expect(e.subjects.PUBLIC.shortfall).toBe(30);
  });

  it('Binzhou: degree education counts in the year its results were published (published 2021-01 → 20 in 2021; published 2020-12 → nothing in 2021)', () => {
    const published2021 = act('degreeStudy', 2021, { school: '山东大学' }, { date: '2021-01-15' });
    const published2020 = act('degreeStudy', 2021, { school: '山东大学' }, { date: '2020-12-20' });
    expect(total(evaluate(binzhou, 2021, [published2021]), published2021)).toBe(20);
    expect(total(evaluate(binzhou, 2021, [published2020]), published2020)).toBe(0);
  });

  it('Binzhou 2019: a national or provincial advanced seminar counts the credits on its certificate (8 → 8, 3 → 3)', () => {
    const eight = act('advancedSeminar', 2019, { credits: 8, level: 'national' });
    const three = act('advancedSeminar', 2019, { credits: 3, level: 'provincial' });
    expect(total(evaluate(binzhou, 2019, [eight]), eight)).toBe(8);
    expect(total(evaluate(binzhou, 2019, [three]), three)).toBe(3);
  });
});

describe('Corps (003 第15问)', () => {
  it('Corps: a degree counts in its graduation year only (graduated 2021 → 2021 professional complete; graduated 2020 → 2021 short)', () => {
    const publicOnline = act('publicOnline', 2021, { classLevel: 'intermediate', hours: 30 }, { date: '2021-03-01' });
    const graduated = (graduationDate: string) => act('degreeObtained', 2021, { degree: 'master', graduationDate }, { date: graduationDate });
    expect(evaluate(corps, 2021, [publicOnline, graduated('2021-06-30')]).complete).toBe(true);
    const earlier = evaluate(corps, 2021, [publicOnline, graduated('2020-06-30')]);
    expect(earlier.complete).toBe(false);
    expect(earlier.subjects.PROFESSIONAL.shortfall).toBe(60);
  });
});
