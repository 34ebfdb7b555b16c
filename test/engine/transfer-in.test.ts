// Transfer in (000 八、4): a professional arriving from another place declares each earlier
// year's hours with that place's certificate (kind `transferIn`, rule `recognizedHours`);
// once recorded, the year counts the hours in both subjects as the certificate states them.
import { act, earned, evaluate, tenant, total } from './support/engine.factory';

describe('transfer in: the other place’s recognised hours (rule recognizedHours)', () => {
  it.each(['linyi', 'qingdao', 'jining', 'binzhou', 'bingtuan'] as const)('%s: 30 public + 60 professional recognised elsewhere complete the year; 29 public do not', (code) => {
    const policy = tenant(code);
    const full = act('transferIn', 2021, { fromPlace: '江苏省南京市', publicHours: 30, professionalHours: 60 });
    const short = act('transferIn', 2021, { fromPlace: '江苏省南京市', publicHours: 29, professionalHours: 60 });
    const e = evaluate(policy, 2021, [full]);
    expect(e.complete).toBe(true);
    expect([e.subjects.PUBLIC.credited, e.subjects.PROFESSIONAL.credited]).toEqual([30, 60]);
    const s = evaluate(policy, 2021, [short]);
    expect(s.complete).toBe(false);
    expect(s.subjects.PUBLIC.shortfall).toBe(1);
  });

  it('Qingdao: the explanation says the hours are as the other place recognised them, with the citation', () => {
    const a = act('transferIn', 2022, { fromPlace: '江苏省南京市', publicHours: 24, professionalHours: 50 });
    const line = earned(evaluate(tenant('qingdao'), 2022, [a]), a);
    expect(total(evaluate(tenant('qingdao'), 2022, [a]), a)).toBe(74);
    expect(line.ruleApplied.text).toBe('按原所在地认定：公需科目24学时、专业科目50学时');
  });

  it('Qingdao: recognised hours add to the year’s own hours (a transfer in mid-year)', () => {
    const before = act('transferIn', 2023, { fromPlace: '江苏省南京市', publicHours: 30, professionalHours: 20 });
    const here = act('jobTraining', 2023, { category: 'job', hours: 40, days: 5 }, { date: '2023-10-01' });
    const e = evaluate(tenant('qingdao'), 2023, [before, here]);
    expect(e.subjects.PROFESSIONAL.credited).toBe(20 + total(e, here));
  });
});
