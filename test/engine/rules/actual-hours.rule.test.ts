// Rule type `actualHours`: the hours actually studied, at most 8 a day where the policy says so (Qingdao 001 四、(一)).
import { actualHoursRule } from '../../../server/engine/rules/actual-hours.rule';
import { evaluateRule } from '../support/rule.harness';

const labels = { hours: '学时' };

describe('rule type actualHours', () => {
  it('gives the declared hours, never below zero', () => {
    const spec = { type: 'actualHours', hoursParam: 'hours' } as const;
    expect(evaluateRule(actualHoursRule, spec, { hours: 12 }, { labels })).toMatchObject({ amount: 12, text: '按实际学时：12学时' });
    expect(evaluateRule(actualHoursRule, spec, { hours: -3 }, { labels }).amount).toBe(0);
    expect(evaluateRule(actualHoursRule, spec, { hours: 'x' }, { labels }).amount).toBe(0);
  });

  it('caps the hours at maxPerDay per day', () => {
    const spec = { type: 'actualHours', hoursParam: 'hours', daysParam: 'days', maxPerDay: 8 } as const;
    expect(evaluateRule(actualHoursRule, spec, { hours: 30, days: 3 }, { labels })).toMatchObject({
      amount: 24,
      text: '按实际学时，每天不超过8学时：3天×8=24学时（申报30学时）',
    });
    expect(evaluateRule(actualHoursRule, spec, { hours: 20, days: 3 }, { labels })).toMatchObject({ amount: 20, text: '按实际学时：20学时' });
  });

  it('converts with its divisor (Binzhou credits: 5 hours = 1 credit)', () => {
    const spec = { type: 'actualHours', hoursParam: 'hours', divisor: 5 } as const;
    expect(evaluateRule(actualHoursRule, spec, { hours: 12 }, { unit: '学分', labels })).toMatchObject({
      amount: 2,
      text: '按实际学时：12学时，每5学时折1学分：2学分',
    });
  });

  it('reads the hours and, with a per-day ceiling, the days', () => {
    expect(actualHoursRule.params({ type: 'actualHours', hoursParam: 'hours', daysParam: 'days', maxPerDay: 8 })).toEqual([
      { path: ['hoursParam'], name: 'hours' },
      { path: ['daysParam'], name: 'days' },
    ]);
  });
});
