// Rule type `lookup`: hours by a parameter's value (title foreign-language exam A 30, B 20, C 10: Linyi 000, Qingdao 001).
import { lookupRule } from '../../../server/engine/rules/lookup.rule';
import { evaluateRule } from '../support/rule.harness';

const spec = { type: 'lookup', param: 'grade', values: { A: 30, B: 20, C: 10 } } as const;
const labels = { grade: '级别', A: 'A级' };

describe('rule type lookup', () => {
  it('gives the value of the declared option', () => {
    expect(evaluateRule(lookupRule, spec, { grade: 'A' }, { labels })).toMatchObject({ amount: 30, text: 'A级：30学时' });
    expect(evaluateRule(lookupRule, spec, { grade: 'C' }, { labels })).toMatchObject({ amount: 10, text: 'C：10学时' });
  });

  it('gives 0 for a value outside the table', () => {
    expect(evaluateRule(lookupRule, spec, { grade: 'D' }, { labels })).toMatchObject({ amount: 0, text: '“级别”不在折算表内：0学时' });
  });

  it('reads its parameter', () => {
    expect(lookupRule.params(spec)).toEqual([{ path: ['param'], name: 'grade' }]);
  });
});
