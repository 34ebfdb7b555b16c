// Binzhou (seed 004): conversion tables, rank downgrades, co-author split, the 5/30
// conversion caps of the hours regime, and the credit regime of 2019 and before.
import { versionForYear } from '../../server/engine';
import { act, earned, evaluate, tenant, total } from './support/engine.factory';

const binzhou = tenant('binzhou');
const CREDITS_YEAR = 2019; // no caps in the credit regime, so table values show unchanged
const HOURS_YEAR = 2021;

function creditsFor(kind: string, params: Record<string, string | number | boolean>, year = CREDITS_YEAR): number {
  const a = act(kind, year, params);
  return total(evaluate(binzhou, year, [a]), a);
}

describe('Binzhou: versions', () => {
  it('Binzhou: 2019 and before use credits, 2020 on use hours', () => {
    expect(versionForYear(binzhou, 2017)?.regime).toBe('CREDITS');
    expect(versionForYear(binzhou, 2019)?.regime).toBe('CREDITS');
    expect(versionForYear(binzhou, 2020)?.regime).toBe('HOURS');
    expect(versionForYear(binzhou, 2021)?.regime).toBe('HOURS');
  });
});

describe('Binzhou: results table (004 附件 一、(二))', () => {
  const table: [string, number, number, number, number][] = [
    ['county', 15, 13, 11, 8],
    ['city', 25, 20, 15, 10],
    ['provincial', 35, 30, 25, 15],
    ['national', 40, 35, 30, 20],
  ];
  it.each(table)('Binzhou: %s level, rank 1 → 1st %d, 2nd %d, 3rd %d, appraised %d', (level, first, second, third, appraised) => {
    expect(creditsFor('award', { title: 'x', level, grade: 'first', rank: 1 })).toBe(first);
    expect(creditsFor('award', { title: 'x', level, grade: 'second', rank: 1 })).toBe(second);
    expect(creditsFor('award', { title: 'x', level, grade: 'third', rank: 1 })).toBe(third);
    expect(creditsFor('appraisedResult', { title: 'x', level, rank: 1 })).toBe(appraised);
  });

  it('Binzhou: provincial 2nd prize, rank 5 → 25 hours', () => {
    const a = act('award', HOURS_YEAR, { title: '科技进步奖', level: 'provincial', grade: 'second', rank: 5 });
    const e = evaluate(binzhou, HOURS_YEAR, [a]);
    expect(total(e, a)).toBe(25);
    expect(earned(e, a).ruleApplied.text).toContain('下一等次');
  });

  it('Binzhou: graded award, rank 3 keeps its grade (city 2nd prize → 20)', () => {
    expect(creditsFor('award', { title: 'x', level: 'city', grade: 'second', rank: 3 })).toBe(20);
  });

  it('Binzhou: 3rd prize, rank ≥ 4 → the appraised column (city → 10, product decision)', () => {
    expect(creditsFor('award', { title: 'x', level: 'city', grade: 'third', rank: 4 })).toBe(10);
  });

  it('Binzhou: ungraded award, ranks 1–3 as 1st, 4–6 as 2nd, ≥ 7 as 3rd (provincial 35/30/25)', () => {
    const at = (rank: number) => creditsFor('ungradedAward', { title: 'x', level: 'provincial', rank });
    expect([at(1), at(3), at(4), at(6), at(7), at(12)]).toEqual([35, 35, 30, 30, 25, 25]);
  });

  it('Binzhou: appraised result, rank ≥ 4 at the next lower level (provincial → city 10)', () => {
    expect(creditsFor('appraisedResult', { title: 'x', level: 'provincial', rank: 4 })).toBe(10);
  });

  it('Binzhou: county appraised result, rank ≥ 4 → 5', () => {
    expect(creditsFor('appraisedResult', { title: 'x', level: 'county', rank: 4 })).toBe(5);
  });

  it('Binzhou: patents are appraised results: invention national 20, utility model provincial 15, design city 10', () => {
    expect(creditsFor('patent', { title: 'x', patentType: 'invention', rank: 1 })).toBe(20);
    expect(creditsFor('patent', { title: 'x', patentType: 'utilityModel', rank: 2 })).toBe(15);
    expect(creditsFor('patent', { title: 'x', patentType: 'design', rank: 3 })).toBe(10);
  });

  it('Binzhou: invention patent, rank 4 → provincial appraised 15; design patent rank 4 → county 8', () => {
    expect(creditsFor('patent', { title: 'x', patentType: 'invention', rank: 4 })).toBe(15);
    expect(creditsFor('patent', { title: 'x', patentType: 'design', rank: 4 })).toBe(8);
  });
});

describe('Binzhou: papers and books (004 附件 一、(三))', () => {
  const paper = (level: string, extra: Record<string, number> = {}) =>
    creditsFor('paper', { title: 'p', level, chars: 3000, authorCount: 1, authorPosition: 1, ...extra });

  it('Binzhou: single-author paper: city 5, provincial 10, national 15, international 25', () => {
    expect([paper('city'), paper('provincial'), paper('national'), paper('international')]).toEqual([5, 10, 15, 25]);
  });

  it('Binzhou: national paper 15h with 4 authors → 4, 4, 4, 3', () => {
    const shares = [1, 2, 3, 4].map((position) => paper('national', { authorCount: 4, authorPosition: position }));
    expect(shares).toEqual([4, 4, 4, 3]);
  });

  it('Binzhou: a paper under 1000 characters earns nothing', () => {
    const a = act('paper', CREDITS_YEAR, { title: 'p', level: 'national', chars: 999, authorCount: 1, authorPosition: 1 });
    const e = evaluate(binzhou, CREDITS_YEAR, [a]);
    expect(total(e, a)).toBe(0);
    expect(earned(e, a).notes.join()).toContain('1000字');
  });

  it('Binzhou: a paper in a print without serial number earns nothing', () => {
    expect(paper('none')).toBe(0);
  });

  it('Binzhou: digests count as exchange paper 3rd prize of their level (provincial → 4)', () => {
    expect(creditsFor('digest', { title: 'd', level: 'provincial', chars: 1500, authorCount: 1, authorPosition: 1 })).toBe(4);
  });

  it('Binzhou: exchange paper with a grade → that grade (national 1st 12), without → 3rd (national 6)', () => {
    const ex = (grade: string) => creditsFor('exchangePaper', { title: 'e', level: 'national', grade, chars: 2000, authorCount: 1, authorPosition: 1 });
    expect(ex('first')).toBe(12);
    expect(ex('second')).toBe(9);
    expect(ex('none')).toBe(6);
  });

  it('Binzhou: book by publisher level: 1st excellent 30, 2nd good 25, 3rd fair 20, 4th as a national paper 15', () => {
    const book = (authorPosition: number) => creditsFor('book', { title: 'b', level: 'national', authorPosition });
    expect([book(1), book(2), book(3), book(4), book(7)]).toEqual([30, 25, 20, 15, 15]);
  });
});

describe('Binzhou: study abroad and degree education', () => {
  it.each([
    [0.5, 15],
    [1, 20],
    [1.9, 20],
    [2, 25],
    [3, 30],
    [4, 35],
    [9, 35],
  ])('Binzhou hours regime: abroad %d months → %d', (months, hours) => {
    const a = act('abroad', HOURS_YEAR, { months, hasReport: true });
    // Professional already complete elsewhere would not matter: caps are 5 + 30 = 35.
    expect(total(evaluate(binzhou, HOURS_YEAR, [a]), a)).toBe(hours);
  });

  it.each([
    [5, 35],
    [6, 40],
    [12, 40],
    [14, 45],
    [18, 55],
  ])('Binzhou credit regime: abroad %d months → %d credits (+5 per 2 months after a year)', (months, credits) => {
    expect(creditsFor('abroad', { months, hasReport: true })).toBe(credits);
  });

  it('Binzhou: abroad without a report earns nothing', () => {
    expect(creditsFor('abroad', { months: 3, hasReport: false })).toBe(0);
  });

  it('Binzhou: degree education exams passed → 20; self-taught exam 3 subjects → 15', () => {
    expect(creditsFor('degreeStudy', { school: '山东大学' })).toBe(20);
    expect(creditsFor('selfTaughtExam', { subjects: 3 })).toBe(15);
  });
});

describe('Binzhou: hours regime conversion caps (004 二、(二))', () => {
  it('Binzhou: all conversions together offset at most 5 public and 30 professional hours', () => {
    const prize = act('award', HOURS_YEAR, { title: 'a', level: 'national', grade: 'first', rank: 1 });
    const paper = act('paper', HOURS_YEAR, { title: 'p', level: 'national', chars: 5000, authorCount: 1, authorPosition: 1 });
    const e = evaluate(binzhou, HOURS_YEAR, [prize, paper]);
    expect(e.subjects.PUBLIC.credited).toBe(5);
    expect(e.subjects.PROFESSIONAL.credited).toBe(30);
    const cuts = [...earned(e, prize).cappedBy, ...earned(e, paper).cappedBy];
    expect(cuts.reduce((s, c) => s + c.cut, 0)).toBe(40 + 15 - 35);
    expect(cuts[0]?.cap).toContain('不超过5学时');
  });

  it('Binzhou: conversions go to the subject that is short — public course done → all professional', () => {
    const course = act('publicCourse', HOURS_YEAR, { hours: 30 });
    const prize = act('award', HOURS_YEAR, { title: 'a', level: 'provincial', grade: 'second', rank: 1 });
    const e = evaluate(binzhou, HOURS_YEAR, [course, prize]);
    expect(earned(e, prize).hoursEarned).toEqual({ PUBLIC: 0, PROFESSIONAL: 30 });
  });

  it('Binzhou: 25 public + 60 professional course hours + a city paper → public closed by 5 conversion hours', () => {
    const course = act('publicCourse', HOURS_YEAR, { hours: 25 });
    const training = act('professionalTraining', HOURS_YEAR, { hours: 60 });
    const paper = act('paper', HOURS_YEAR, { title: 'p', level: 'city', chars: 1200, authorCount: 1, authorPosition: 1 });
    const e = evaluate(binzhou, HOURS_YEAR, [course, training, paper]);
    expect(earned(e, paper).hoursEarned).toEqual({ PUBLIC: 5, PROFESSIONAL: 0 });
    expect(e.complete).toBe(true);
  });
});

describe('Binzhou: credit regime (004 附件 二)', () => {
  it('Binzhou: 60 credits over 2017–2019 pass', () => {
    const acts = [
      act('publicCourse', 2017, {}),
      act('training', 2017, { hours: 50 }),
      act('publicCourse', 2018, {}),
      act('publicCourse', 2019, {}),
      act('training', 2019, { hours: 25 }),
    ];
    const e = evaluate(binzhou, 2019, acts);
    const window = e.credits?.windows.find((w) => w.years.length === 3);
    expect(window).toMatchObject({ earned: 15 + 10 + 15 + 15 + 5, required: 60, passed: true });
    expect(e.complete).toBe(true);
  });

  it('Binzhou: 40 credits over 2018–2019 pass even when 2017 has nothing', () => {
    const acts = [act('publicCourse', 2018, {}), act('publicCourse', 2019, {}), act('training', 2019, { hours: 50 })];
    const e = evaluate(binzhou, 2019, acts);
    expect(e.credits?.windows.map((w) => w.passed)).toEqual([false, true]);
    expect(e.complete).toBe(true);
  });

  it('Binzhou: 39 credits over 2018–2019 fail', () => {
    const acts = [act('publicCourse', 2018, {}), act('publicCourse', 2019, {}), act('training', 2019, { hours: 45 })];
    expect(evaluate(binzhou, 2019, acts).complete).toBe(false);
  });

  it('Binzhou: training 5 hours = 1 credit (23 hours → 4); full-time training 5 hours a day (3 days → 3)', () => {
    expect(creditsFor('training', { hours: 23 })).toBe(4);
    expect(creditsFor('fullTimeTraining', { days: 3 })).toBe(3);
  });

  it('Binzhou: public course 15 credits; 学习强国 ≥ 2000 points in 2019 → 15, not in 2018', () => {
    expect(creditsFor('publicCourse', {})).toBe(15);
    expect(creditsFor('xuexiQiangguo', { points: 2000 })).toBe(15);
    expect(creditsFor('xuexiQiangguo', { points: 1999 })).toBe(0);
    expect(creditsFor('xuexiQiangguo', { points: 5000 }, 2018)).toBe(0);
  });

  it('Binzhou: credit regime has no caps (three national 1st prizes → 120 credits)', () => {
    const acts = [1, 2, 3].map((i) => act('award', 2019, { title: `a${i}`, level: 'national', grade: 'first', rank: 1 }));
    expect(evaluate(binzhou, 2019, acts).credits?.earned).toBe(120);
  });

  it('Binzhou: the professional chooses the year a conversion counts in (2017 award counted in 2018)', () => {
    const a = act('award', 2018, { title: 'a', level: 'city', grade: 'first', rank: 1 }, { date: '2017-05-01' });
    expect(evaluate(binzhou, 2018, [a]).credits?.earned).toBe(25);
    const t = act('training', 2018, { hours: 10 }, { date: '2017-05-01' });
    expect(total(evaluate(binzhou, 2018, [t]), t)).toBe(0);
  });
});
