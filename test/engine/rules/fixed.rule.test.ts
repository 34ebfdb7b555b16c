// Rule type `fixed`: hours per item, or per unit of a counted parameter (Qingdao 001, Linyi 000, Binzhou 004 credits).
import { fixedRule } from '../../../server/engine/rules/fixed.rule';
import { evaluateRule } from '../support/rule.harness';

describe('rule type fixed', () => {
  it('gives its hours per item', () => {
    expect(evaluateRule(fixedRule, { type: 'fixed', hours: 10 }, {})).toMatchObject({ amount: 10, text: '每项10学时' });
  });

  it('gives its hours per unit of the counted parameter, never below zero', () => {
    const spec = { type: 'fixed', hours: 5, perParam: 'modules' } as const;
    const labels = { modules: '模块数' };
    expect(evaluateRule(fixedRule, spec, { modules: 3 }, { labels })).toMatchObject({ amount: 15, text: '模块数3×5学时=15学时' });
    expect(evaluateRule(fixedRule, spec, { modules: 2.7 }, { labels })).toMatchObject({ amount: 10, text: '模块数2×5学时=10学时' });
    expect(evaluateRule(fixedRule, spec, { modules: -1 }, { labels }).amount).toBe(0);
    expect(evaluateRule(fixedRule, spec, {}, { labels }).amount).toBe(0);
  });

  it('converts hours with its divisor (Binzhou credits: 5 hours a day, 5 hours = 1 credit)', () => {
    const spec = { type: 'fixed', hours: 5, perParam: 'days', divisor: 5 } as const;
    const out = evaluateRule(fixedRule, spec, { days: 3 }, { unit: '学分', labels: { days: '天数' } });
    expect(out).toMatchObject({ amount: 3, text: '天数3×5学时=15学时，每5学时折1学分：3学分' });
    expect(evaluateRule(fixedRule, { type: 'fixed', hours: 12, divisor: 5 }, {}, { unit: '学分' }).amount).toBe(2);
  });

  it('reads the counted parameter only', () => {
    expect(fixedRule.params({ type: 'fixed', hours: 5, perParam: 'modules' })).toEqual([{ path: ['perParam'], name: 'modules' }]);
    expect(fixedRule.params({ type: 'fixed', hours: 10 })).toEqual([]);
  });
});
