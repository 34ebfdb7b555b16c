// Rule type `deemComplete`: the activity completes or exempts the year or a subject (Corps 003; Qingdao 001 四、(六)1).
import { deemCompleteRule } from '../../../server/engine/rules/deem-complete.rule';
import { evaluateRule } from '../support/rule.harness';

describe('rule type deemComplete', () => {
  it('deems a subject complete without hours', () => {
    const spec = { type: 'deemComplete', scope: 'PROFESSIONAL', exempt: false } as const;
    expect(evaluateRule(deemCompleteRule, spec, {})).toMatchObject({ amount: 0, deem: 'PROFESSIONAL', exempt: false, text: '视同完成当年专业科目' });
    expect(deemCompleteRule.exemptionReason(spec, '集中面授')).toBe('集中面授：视同完成当年专业科目');
  });

  it('exempts a year', () => {
    const spec = { type: 'deemComplete', scope: 'YEAR', exempt: true } as const;
    expect(evaluateRule(deemCompleteRule, spec, {})).toMatchObject({ deem: 'YEAR', exempt: true, text: '免当年继续教育' });
    expect(deemCompleteRule.exemptionReason(spec, '访惠聚')).toBe('访惠聚：免当年继续教育');
  });

  it('is credited in date order (the first exemption of the year is the one named) and reads no parameter', () => {
    expect(deemCompleteRule.orderSensitive).toBe(true);
    expect(deemCompleteRule.params({ type: 'deemComplete', scope: 'PUBLIC', exempt: false })).toEqual([]);
  });
});
