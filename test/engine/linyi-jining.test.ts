// Linyi (seed 000) exam conversions and public course; Jining (seed 002) compulsory
// public series, contests and the 5-working-day filing rule for training projects.
import { act, earned, evaluate, tenant, total } from './support/engine.factory';

const linyi = tenant('linyi');
const jining = tenant('jining');

describe('Linyi (000)', () => {
  it('Linyi: title foreign-language exam A 30, B 20, C 10 public, score ≥ 60', () => {
    const hours = ['A', 'B', 'C'].map((grade) => {
      const a = act('foreignLanguageExam', 2018, { grade, score: 61 });
      return earned(evaluate(linyi, 2018, [a]), a).hoursEarned.PUBLIC;
    });
    expect(hours).toEqual([30, 20, 10]);
  });

  it('Linyi: exams count only from 2016 (a 2015 grade A earns nothing)', () => {
    const a = act('foreignLanguageExam', 2015, { grade: 'A', score: 80 });
    const e = evaluate(linyi, 2015, [a]);
    expect(total(e, a)).toBe(0);
    expect(earned(e, a).notes[0]).toContain('2016');
  });

  it('Linyi: computer exam 5 per module, 30 in total across years', () => {
    const y2017 = act('computerExam', 2017, { modules: 4 });
    const y2018 = act('computerExam', 2018, { modules: 4 });
    const e = evaluate(linyi, 2018, [y2017, y2018]);
    expect(earned(e, y2018).hoursEarned.PUBLIC).toBe(10);
    expect(earned(e, y2018).cappedBy[0]).toMatchObject({ cut: 10 });
    expect(earned(e, y2018).cappedBy[0]?.cap).toContain('累计不超过30学时');
  });

  it('Linyi: 灯塔在线 all passed → 8 public; not all passed → nothing', () => {
    const ok = act('dengtaOnline', 2018, { allPassed: true });
    const no = act('dengtaOnline', 2018, { allPassed: false });
    const e = evaluate(linyi, 2018, [ok, no]);
    expect([total(e, ok), total(e, no)]).toEqual([8, 0]);
  });

  it('Linyi: annual public course completed → 30 public, public requirement met', () => {
    const a = act('publicCourse', 2018, {});
    const e = evaluate(linyi, 2018, [a]);
    expect(e.subjects.PUBLIC).toMatchObject({ credited: 30, shortfall: 0 });
  });

  it('Linyi: exam conversions reaching 30 public make the public course unnecessary', () => {
    const lang = act('foreignLanguageExam', 2018, { grade: 'B', score: 70 });
    const comp = act('computerExam', 2018, { modules: 2 });
    const prof = act('specialTraining', 2018, { hours: 60 });
    const e = evaluate(linyi, 2018, [lang, comp, prof]);
    expect(e.subjects.PUBLIC.shortfall).toBe(0);
    expect(e.complete).toBe(true);
  });

  it('Linyi: public professional course and annex conversions count their hours as professional', () => {
    const course = act('publicProfessionalCourse', 2018, { hours: 40 });
    const paper = act('annexConversion', 2018, { category: 'paper', hours: 12 });
    const e = evaluate(linyi, 2018, [course, paper]);
    expect(e.subjects.PROFESSIONAL.credited).toBe(52);
  });
});

describe('Jining (002)', () => {
  it('Jining 2020: public = 20 compulsory + ≥ 10 elective; 30 elective hours alone do not complete it', () => {
    const elective = act('publicElective', 2020, { hours: 30 });
    const prof = act('professionalCourse', 2020, { hours: 60 });
    const e = evaluate(jining, 2020, [elective, prof]);
    expect(e.subjects.PUBLIC.credited).toBe(30);
    expect(e.subjects.PUBLIC.shortfall).toBe(20);
    expect(e.complete).toBe(false);
    expect(e.reasons.join('\n')).toContain('必修课');
  });

  it('Jining 2020: 20 compulsory + 10 elective + 60 professional → complete', () => {
    const acts = [
      act('publicCompulsory', 2020, { series: 'xiThought', hours: 8 }),
      act('publicCompulsory', 2020, { series: 'eightStrategies', hours: 6 }),
      act('publicCompulsory', 2020, { series: 'ethics', hours: 6 }),
      act('publicElective', 2020, { hours: 10 }),
      act('professionalCourse', 2020, { hours: 60 }),
    ];
    expect(evaluate(jining, 2020, acts).complete).toBe(true);
  });

  it('Jining 2020: 20 compulsory + 5 elective → public short by 5', () => {
    const acts = [act('publicCompulsory', 2020, { series: 'ethics', hours: 20 }), act('publicElective', 2020, { hours: 5 })];
    expect(evaluate(jining, 2020, acts).subjects.PUBLIC.shortfall).toBe(5);
  });

  it.each([
    ['national', 30],
    ['provincial', 20],
    ['city', 10],
    ['county', 5],
  ])('Jining: %s skill contest → %d professional hours', (level, hours) => {
    const a = act('contest', 2021, { contestName: '技能大赛', level });
    expect(earned(evaluate(jining, 2021, [a]), a).hoursEarned.PROFESSIONAL).toBe(hours);
  });

  it('Jining: a training project filed 5 working days before it starts counts (filed Mon 7th, starts Mon 14th)', () => {
    const a = act('unitTraining', 2020, { projectName: 'p', filedDate: '2020-09-07', startDate: '2020-09-14', hours: 16 });
    expect(total(evaluate(jining, 2020, [a]), a)).toBe(16);
  });

  it('Jining: a training project filed fewer than 5 working days before it starts earns nothing', () => {
    const a = act('unitTraining', 2020, { projectName: 'p', filedDate: '2020-09-08', startDate: '2020-09-14', hours: 16 });
    const e = evaluate(jining, 2020, [a]);
    expect(total(e, a)).toBe(0);
    expect(earned(e, a).notes[0]).toContain('5个工作日');
  });

  it('Jining: before 2020 the year uses the average rule version', () => {
    const a = act('professionalTraining', 2019, { hours: 100 });
    const e = evaluate(jining, 2019, [a]);
    expect(e.subjects.PROFESSIONAL.credited).toBe(100);
  });
});
