// Years another tenant certified, moved here with the person (issue 15): in a title window they
// stand as their issuer certified them; a year split by the move adds both parts; years still
// awaiting review here are explained and do not count. Which years count (policy `transferIn`)
// is decided before the engine (server/moves): these tests give the engine what counts.
import { checkTitleEligibility, type ActivityInput, type RecognizedYear } from '../../server/engine';
import { act, profile, tenant } from './support/engine.factory';

const qingdaoYear = (y: number) => [act('publicCourse', y, { hours: 30 }), act('jobTraining', y, { category: 'job', hours: 60, days: 8 })];
const linyiMoved = (year: number, complete = true, more: Partial<RecognizedYear> = {}): RecognizedYear => ({
  year,
  publicHours: complete ? 30 : 12,
  professionalHours: complete ? 60 : 20,
  complete,
  issuer: '临沂市（第1版政策）',
  ...more,
});

function qingdao(activities: ActivityInput[], recognizedYears?: RecognizedYear[]) {
  return checkTitleEligibility({
    policy: tenant('qingdao'),
    profile: profile({ titleLevel: 'INTERMEDIATE' }),
    activities,
    targetLevel: 'DEPUTY_SENIOR',
    applicationYear: 2023,
    ...(recognizedYears ? { recognizedYears } : {}),
  });
}

describe('moved years in title windows (engine)', () => {
  it('Qingdao: three years certified complete in Linyi and two complete here make the 2019–2023 window eligible, each moved year saying where it was certified', () => {
    const r = qingdao([...qingdaoYear(2022), ...qingdaoYear(2023)], [linyiMoved(2019), linyiMoved(2020), linyiMoved(2021)]);
    expect(r.years.map((y) => y.status)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
    expect(r.eligible).toBe(true);
    expect(r.years[0]!.movedFrom).toEqual(['临沂市（第1版政策）']);
    expect(r.years[0]!.reason).toContain('2019年度由临沂市（第1版政策）认定达标（迁入记录');
    expect(r.years[4]!.movedFrom).toBeUndefined();
  });

  it('the same person without the moved years is not eligible (the moved years are what changes the answer)', () => {
    const r = qingdao([...qingdaoYear(2022), ...qingdaoYear(2023)]);
    expect(r.years.map((y) => y.status)).toEqual(['INCOMPLETE', 'INCOMPLETE', 'INCOMPLETE', 'COMPLETE', 'COMPLETE']);
    expect(r.eligible).toBe(false);
  });

  it('a year its issuer certified as not complete stays incomplete: the issuer’s verdict, not a second judgment', () => {
    const r = qingdao([...qingdaoYear(2022), ...qingdaoYear(2023)], [linyiMoved(2019), linyiMoved(2020, false), linyiMoved(2021)]);
    expect(r.years[1]).toMatchObject({ year: 2020, status: 'INCOMPLETE', movedFrom: ['临沂市（第1版政策）'] });
    expect(r.years[1]!.reason).toContain('合计公需12学时、专业20学时');
    expect(r.eligible).toBe(false);
  });

  it('a year split by the move: 12 public + 20 professional hours certified there and 18 + 40 here complete it together', () => {
    const here = [act('publicCourse', 2021, { hours: 18 }), act('jobTraining', 2021, { category: 'job', hours: 40, days: 5 })];
    const r = qingdao([...here, ...qingdaoYear(2022), ...qingdaoYear(2023)], [linyiMoved(2019), linyiMoved(2020), linyiMoved(2021, false)]);
    expect(r.years[2]).toMatchObject({ year: 2021, status: 'COMPLETE' });
    expect(r.years[2]!.reason).toContain('合计公需30学时、专业60学时');
    expect(r.eligible).toBe(true);
  });

  it('moved years awaiting review here do not count; the year says they wait for review', () => {
    const pending = [linyiMoved(2019, true, { pending: true }), linyiMoved(2020, true, { pending: true }), linyiMoved(2021, true, { pending: true })];
    const r = qingdao([...qingdaoYear(2022), ...qingdaoYear(2023)], pending);
    expect(r.years.map((y) => y.status)).toEqual(['INCOMPLETE', 'INCOMPLETE', 'INCOMPLETE', 'COMPLETE', 'COMPLETE']);
    expect(r.years[0]!.reason).toContain('临沂市（第1版政策）认定的2019年度学时待本地审核确认，暂不计入');
    expect(r.years[0]!.movedFrom).toBeUndefined();
    expect(r.eligible).toBe(false);
  });

  it('Jining before 2020 (average ≥ 90 a year): a moved year’s hours enter the average; one certified complete counts at least 90', () => {
    const jiningYear = (y: number) =>
      y < 2020
        ? [act('publicCourse', y, { hours: 30 }), act('professionalTraining', y, { hours: 60 })]
        : [act('publicCompulsory', y, { series: 'ethics', hours: 20 }), act('publicElective', y, { hours: 10 }), act('professionalCourse', y, { hours: 60 })];
    const acts = [2019, 2020, 2021].flatMap(jiningYear);
    const ask = (moved: RecognizedYear[]) =>
      checkTitleEligibility({ policy: tenant('jining'), profile: profile(), activities: acts, targetLevel: 'DEPUTY_SENIOR', applicationYear: 2021, recognizedYears: moved });
    const without = ask([]);
    expect(without.average?.passed).toBe(false);
    const withMoved = ask([linyiMoved(2017, false, { publicHours: 40, professionalHours: 60 }), linyiMoved(2018)]);
    expect(withMoved.average).toMatchObject({ years: [2017, 2018, 2019], total: 100 + 90 + 90, passed: true });
    expect(withMoved.years[0]!.reason).toContain('含临沂市（第1版政策）认定的100学时');
    expect(withMoved.eligible).toBe(true);
  });

  it('without moved years the answer is exactly what it was (an empty list changes nothing)', () => {
    const acts = [...qingdaoYear(2021), ...qingdaoYear(2023)];
    expect(qingdao(acts, [])).toEqual(qingdao(acts));
  });
});
