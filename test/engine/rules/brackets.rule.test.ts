// Rule type `brackets`: hours by the bracket of a number, with a step beyond the last
// (Binzhou study abroad, 004 附件 一、(一) and, credit regime, 附件 二、(四)).
import { bracketsRule, type BracketsRuleSpec } from '../../../server/engine/rules/brackets.rule';
import { evaluateRule } from '../support/rule.harness';

const labels = { months: '月数' };
const hoursRegime: BracketsRuleSpec = {
  type: 'brackets',
  param: 'months',
  brackets: [{ below: 1, hours: 15 }, { below: 2, hours: 20 }, { below: 3, hours: 25 }, { below: 4, hours: 30 }, { hours: 35 }],
};
const creditRegime: BracketsRuleSpec = {
  type: 'brackets',
  param: 'months',
  brackets: [{ below: 1, hours: 15 }, { below: 2, hours: 20 }, { below: 3, hours: 25 }, { below: 4, hours: 30 }, { below: 6, hours: 35 }, { hours: 40 }],
  beyond: { from: 12, every: 2, add: 5 },
};

describe('rule type brackets', () => {
  it('gives the hours of the bracket the value falls in', () => {
    expect(evaluateRule(bracketsRule, hoursRegime, { months: 0.5 }, { labels })).toMatchObject({ amount: 15, text: '月数不满1：15学时' });
    expect(evaluateRule(bracketsRule, hoursRegime, { months: 1 }, { labels })).toMatchObject({ amount: 20, text: '月数满1不满2：20学时' });
    expect(evaluateRule(bracketsRule, hoursRegime, { months: 7 }, { labels })).toMatchObject({ amount: 35, text: '月数满4以上：35学时' });
  });

  it('gives 0 for a negative or unreadable value', () => {
    expect(evaluateRule(bracketsRule, hoursRegime, { months: -1 }, { labels })).toMatchObject({ amount: 0, text: '月数无效：0学时' });
    expect(evaluateRule(bracketsRule, hoursRegime, { months: 'x' }, { labels }).amount).toBe(0);
  });

  it('adds its step per whole interval beyond `from`', () => {
    expect(evaluateRule(bracketsRule, creditRegime, { months: 12 }, { unit: '学分', labels }).amount).toBe(40);
    expect(evaluateRule(bracketsRule, creditRegime, { months: 14 }, { unit: '学分', labels })).toMatchObject({
      amount: 45,
      text: '月数14：超过12后每满2加5，40+1×5=45学分',
    });
    expect(evaluateRule(bracketsRule, creditRegime, { months: 17 }, { unit: '学分', labels }).amount).toBe(50);
  });

  it('reads its parameter', () => {
    expect(bracketsRule.params(hoursRegime)).toEqual([{ path: ['param'], name: 'months' }]);
  });
});
