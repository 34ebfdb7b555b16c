// A reviewer's adjusted hours (adjustDeclaration, issue 11) replace what the kind's rule gives,
// before caps; the activity must still count in the year, and the explanation says what was set.
import { act, earned, evaluate, tenant, total } from './support/engine.factory';

const qingdao = tenant('qingdao');
const Y = 2023;

describe('adjusted hours in the engine', () => {
  it('Qingdao: a study tour (10 by the rule) adjusted to 6 counts 6, and the note says so', () => {
    const a = act('studyTour', Y, { title: '德国考察' }, { adjustedHours: { PUBLIC: 0, PROFESSIONAL: 6 } });
    const e = evaluate(qingdao, Y, [a]);
    expect(earned(e, a).hoursEarned).toEqual({ PUBLIC: 0, PROFESSIONAL: 6 });
    expect(earned(e, a).notes).toContain('经审核调整为6学时（按规则为10学时）');
    expect(earned(e, a).ruleApplied.text).not.toBe('');
  });

  it('Qingdao: adjusted hours are cut by the kind’s cap like any hours (public course adjusted to 40 → 30)', () => {
    const a = act('publicCourse', Y, { hours: 10 }, { adjustedHours: { PUBLIC: 40, PROFESSIONAL: 0 } });
    const e = evaluate(qingdao, Y, [a]);
    expect(earned(e, a).hoursEarned.PUBLIC).toBe(30);
    expect(earned(e, a).cappedBy.length).toBe(1);
  });

  it('Qingdao: a split kind (aid posting) takes both subjects as the reviewer set them', () => {
    const a = act('aidPosting', Y, { months: 12 }, { adjustedHours: { PUBLIC: 10, PROFESSIONAL: 20 } });
    const e = evaluate(qingdao, Y, [a]);
    expect(earned(e, a).hoursEarned).toEqual({ PUBLIC: 10, PROFESSIONAL: 20 });
    expect(earned(e, a).notes.join()).toContain('公需科目10学时、专业科目20学时');
  });

  it('an adjustment does not make an activity of another year count', () => {
    const a = act('studyTour', Y, { title: '考察' }, { date: '2022-05-01', adjustedHours: { PUBLIC: 0, PROFESSIONAL: 6 } });
    expect(total(evaluate(qingdao, Y, [a]), a)).toBe(0);
  });
});
