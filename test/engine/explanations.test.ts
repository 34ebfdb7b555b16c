// Explanation texts are memoised inside the engine for speed; whatever was evaluated before,
// each text must be the one built from this evaluation's own numbers.
import { CalendarYearMissingError, workingDaysBetween } from '../../server/engine';
import { act, earned, evaluate, tenant, workingCalendar } from './support/engine.factory';

const jining = tenant('jining');
const qingdao = tenant('qingdao');
const binzhou = tenant('binzhou');

describe('explanations are built from the evaluation’s own numbers', () => {
  it('Jining 2020: a half-hour compulsory shortfall is reported as 0.5, even after a 1-hour one with the same totals', () => {
    const shortByOne = evaluate(jining, 2020, [
      act('publicCompulsory', 2020, { series: 'ethics', hours: 19 }),
      act('publicElective', 2020, { hours: 32 }),
    ]);
    expect(shortByOne.subjects.PUBLIC).toMatchObject({ credited: 51, shortfall: 1 });
    expect(shortByOne.reasons[0]).toBe('公需科目：认定51学时，要求不少于30学时，尚缺1学时');

    const shortByHalf = evaluate(jining, 2020, [
      act('publicCompulsory', 2020, { series: 'ethics', hours: 19.5 }),
      act('publicElective', 2020, { hours: 31.5 }),
    ]);
    expect(shortByHalf.subjects.PUBLIC).toMatchObject({ credited: 51, shortfall: 0.5 });
    expect(shortByHalf.reasons[0]).toBe('公需科目：认定51学时，要求不少于30学时，尚缺0.5学时');
    expect(shortByHalf.reasons[2]).toContain('已认定19.5学时，尚缺0.5学时');
  });

  it('Qingdao: per-day ceiling texts follow the days and hours of each declaration', () => {
    const texts = [
      [3, 30, '3天×8=24学时（申报30学时）'],
      [2, 30, '2天×8=16学时（申报30学时）'],
      [3, 25, '3天×8=24学时（申报25学时）'],
      [2.5, 30, '2.5天×8=20学时（申报30学时）'],
    ] as const;
    for (const [days, hours, text] of texts) {
      const a = act('jobTraining', 2023, { category: 'job', hours, days });
      expect(earned(evaluate(qingdao, 2023, [a]), a).ruleApplied.text).toContain(text);
    }
  });

  it('Binzhou: co-author texts follow the authors and position of each declaration', () => {
    const paper = (authorCount: number, authorPosition: number) => {
      const a = act('paper', 2019, { title: 'p', level: 'national', chars: 3000, authorCount, authorPosition });
      return earned(evaluate(binzhou, 2019, [a]), a).ruleApplied.text;
    };
    expect(paper(4, 1)).toContain('4位作者平均分配（取整，余数依次追加前几位），第1位：4学分');
    expect(paper(4, 4)).toContain('4位作者平均分配（取整，余数依次追加前几位），第4位：3学分');
    expect(paper(2, 2)).toContain('2位作者平均分配（取整，余数依次追加前几位），第2位：7学分');
    expect(paper(1, 1)).not.toContain('作者平均分配');
  });
});

describe('working days (counted from the calendar’s running totals)', () => {
  const calendar = workingCalendar();
  const holidays = new Set(calendar.holidays.map((d) => d.date));
  const workdays = new Set(calendar.workdays.map((d) => d.date));
  const dayByDay = (from: string, to: string) => {
    const day = (s: string) => Math.floor(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000);
    let count = 0;
    for (let d = day(from); d < day(to); d++) {
      const date = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const weekday = (((d + 4) % 7) + 7) % 7;
      if (workdays.has(date) || (weekday !== 0 && weekday !== 6 && !holidays.has(date))) count++;
    }
    return count;
  };

  it('equals counting day by day, over every pair of days in a span crossing years, leap day, New Year, the 2020 Spring Festival and its adjusted Sunday', () => {
    const days: string[] = [];
    for (let t = Date.UTC(2019, 11, 20); t <= Date.UTC(2020, 2, 10); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
    for (const from of days) for (const to of days) expect(workingDaysBetween(from, to, calendar)).toBe(dayByDay(from, to));
  });

  it('is 0 for unreadable dates and for an end before the start', () => {
    expect(workingDaysBetween('not a date', '2020-09-14', calendar)).toBe(0);
    expect(workingDaysBetween('2020-09-14', '2020-09-07', calendar)).toBe(0);
  });

  it('refuses to count a day of a year the calendar lacks, instead of counting weekends only', () => {
    expect(() => workingDaysBetween('1969-12-29', '1970-01-05', calendar)).toThrow(CalendarYearMissingError);
    expect(() => workingDaysBetween('2026-12-28', '2027-01-04', calendar)).toThrow('2027');
  });
});
