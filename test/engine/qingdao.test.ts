// Qingdao (seed 001, 2023): per-day ceilings, per-item hours, yearly caps, the shared
// results/papers cap, "counts once", pro-rata leave and aid, exams, COVID front line.
import { act, earned, evaluate, tenant, total } from './support/engine.factory';

const qingdao = tenant('qingdao');
const Y = 2023;

describe('Qingdao: training and activities', () => {
  it('Qingdao: 3 training days with 30 claimed hours → 24 (8 per day)', () => {
    const a = act('jobTraining', Y, { category: 'job', hours: 30, days: 3 });
    const e = evaluate(qingdao, Y, [a]);
    expect(earned(e, a).hoursEarned.PROFESSIONAL).toBe(24);
    expect(earned(e, a).ruleApplied.text).toContain('每天不超过8学时');
  });

  it('Qingdao: training hours under the daily ceiling count as claimed (2 days, 12 hours → 12)', () => {
    const a = act('jobTraining', Y, { category: 'advancedSeminar', hours: 12, days: 2 });
    expect(total(evaluate(qingdao, Y, [a]), a)).toBe(12);
  });

  it('Qingdao: academic conference, 1 day 10 hours → 8', () => {
    const a = act('academicActivity', Y, { category: 'conference', hours: 10, days: 1 });
    expect(total(evaluate(qingdao, Y, [a]), a)).toBe(8);
  });

  it('Qingdao: invited expert work, 2 days 20 hours → 16', () => {
    const a = act('expertService', Y, { title: '职称评审', hours: 20, days: 2 });
    expect(total(evaluate(qingdao, Y, [a]), a)).toBe(16);
  });

  it('Qingdao: business study tour or study abroad → 10 per item', () => {
    const a = act('studyTour', Y, { title: '德国考察' });
    expect(total(evaluate(qingdao, Y, [a]), a)).toBe(10);
  });

  it('Qingdao: public-subject course passed, capped at 30 a year', () => {
    const a = act('publicCourse', Y, { hours: 24 });
    const b = act('publicCourse', Y, { hours: 12 });
    const e = evaluate(qingdao, Y, [a, b]);
    expect(e.subjects.PUBLIC.credited).toBe(30);
    expect(earned(e, b).cappedBy).toEqual([{ cap: '“公需科目学习（考试合格）”每年不超过30学时', cut: 6 }]);
  });
});

describe('Qingdao: self-study, results and papers', () => {
  it('Qingdao: 5 self-study items → 40 (10 each, 40 a year)', () => {
    const items = [1, 2, 3, 4, 5].map((i) => act('selfStudy', Y, { category: 'courseClass', school: `s${i}` }));
    const e = evaluate(qingdao, Y, items);
    expect(e.subjects.PROFESSIONAL.credited).toBe(40);
    expect(items.map((i) => total(e, i))).toEqual([10, 10, 10, 10, 0]);
  });

  it('Qingdao: results and papers together at most 30 a year', () => {
    const r1 = act('researchResult', Y, { category: 'patent', title: '专利A' });
    const r2 = act('researchResult', Y, { category: 'standard', title: '标准B' });
    const p1 = act('paper', Y, { category: 'paper', title: '论文C' });
    const p2 = act('paper', Y, { category: 'book', title: '著作D' });
    const e = evaluate(qingdao, Y, [r1, r2, p1, p2]);
    expect(e.subjects.PROFESSIONAL.credited).toBe(30);
    expect(earned(e, p2).cappedBy[0]?.cap).toContain('成果论文类');
  });

  it('Qingdao: the same result counts once, also across years', () => {
    const earlier = act('researchResult', 2022, { category: 'award', title: '同一成果' });
    const again = act('researchResult', Y, { category: 'award', title: '同一成果' });
    const e = evaluate(qingdao, Y, [earlier, again]);
    expect(total(e, again)).toBe(0);
    expect(earned(e, again).notes.join()).toContain('只计一次');
  });

  it('Qingdao: a result counted before the platform (prior evidence key) does not count again', () => {
    const again = act('researchResult', Y, { category: 'award', title: '旧成果' });
    const e = evaluate(qingdao, Y, [again], { priorEvidenceKeys: ['researchResult|旧成果'] });
    expect(total(e, again)).toBe(0);
  });
});

describe('Qingdao: conversions', () => {
  it('Qingdao: 4 months maternity leave → 10 public + 20 professional', () => {
    const a = act('leave', Y, { reason: 'maternity', months: 4, unitApproved: true });
    const e = evaluate(qingdao, Y, [a]);
    expect(earned(e, a).hoursEarned).toEqual({ PUBLIC: 10, PROFESSIONAL: 20 });
  });

  it('Qingdao: a whole year of aid posting → 30 public + 60 professional, year complete', () => {
    const a = act('aidPosting', Y, { months: 12 });
    const e = evaluate(qingdao, Y, [a]);
    expect(earned(e, a).hoursEarned).toEqual({ PUBLIC: 30, PROFESSIONAL: 60 });
    expect(e.complete).toBe(true);
  });

  it('Qingdao: sick leave must exceed 6 months (6 months → nothing, 9 months → 22 + 45)', () => {
    const six = act('leave', Y, { reason: 'sickLeave', months: 6, unitApproved: true });
    const nine = act('leave', Y, { reason: 'sickLeave', months: 9, unitApproved: true });
    expect(total(evaluate(qingdao, Y, [six]), six)).toBe(0);
    expect(earned(evaluate(qingdao, Y, [nine]), nine).hoursEarned).toEqual({ PUBLIC: 22, PROFESSIONAL: 45 });
  });

  it('Qingdao: leave without unit approval earns nothing', () => {
    const a = act('leave', Y, { reason: 'maternity', months: 4, unitApproved: false });
    expect(total(evaluate(qingdao, Y, [a]), a)).toBe(0);
  });

  it('Qingdao: national qualification exam → 16; international registered exam → 16 per course', () => {
    const q = act('qualificationExam', Y, { certificateNo: 'Z1' });
    const r = act('registeredExam', Y, { examName: 'ACCA', courses: 3 });
    const e = evaluate(qingdao, Y, [q, r]);
    expect([total(e, q), total(e, r)]).toEqual([16, 48]);
  });

  it('Qingdao: title foreign-language exam, score ≥ 60: A 30, B 20, C 10 public; 59 → nothing', () => {
    const grade = (g: string, score = 70) => {
      const a = act('foreignLanguageExam', Y, { grade: g, score });
      return earned(evaluate(qingdao, Y, [a]), a).hoursEarned.PUBLIC;
    };
    expect([grade('A'), grade('B'), grade('C'), grade('A', 59)]).toEqual([30, 20, 10, 0]);
  });

  it('Qingdao: title computer exam → 5 public per module', () => {
    const a = act('computerExam', Y, { modules: 3 });
    expect(earned(evaluate(qingdao, Y, [a]), a).hoursEarned.PUBLIC).toBe(15);
  });

  it('Qingdao: COVID-19 front-line work → year deemed complete', () => {
    const a = act('covidFrontline', 2022, { proof: '青卫发〔2022〕1号' });
    const e = evaluate(qingdao, 2022, [a]);
    expect(e.complete).toBe(true);
    expect(e.deemedComplete?.reason).toContain('新冠');
    expect(e.subjects.PUBLIC.credited).toBe(0);
  });

  it('Qingdao: mentorship hours count only after the project is evaluated', () => {
    const done = act('mentorship', Y, { mentor: '张', menteeCount: 8, evaluated: true, hours: 20 });
    const pending = act('mentorship', Y, { mentor: '张', menteeCount: 8, evaluated: false, hours: 20 });
    const e = evaluate(qingdao, Y, [done, pending]);
    expect([total(e, done), total(e, pending)]).toEqual([20, 0]);
  });

  it('Qingdao: 100 professional hours do not make up for 20 public ones', () => {
    const pub = act('publicCourse', Y, { hours: 20 });
    const prof = act('jobTraining', Y, { category: 'job', hours: 100, days: 13 });
    const e = evaluate(qingdao, Y, [pub, prof]);
    expect(e.subjects.PUBLIC.shortfall).toBe(10);
    expect(e.complete).toBe(false);
    expect(e.reasons.join('\n')).toContain('公需科目：认定20学时，要求不少于30学时，尚缺10学时');
  });
});
