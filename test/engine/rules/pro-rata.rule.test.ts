// Rule type `proRata`: 30 public + 60 professional hours a year, by month when shorter (Qingdao 001 四、(四)2, 4).
import { proRataRule } from '../../../server/engine/rules/pro-rata.rule';
import { evaluateRule } from '../support/rule.harness';

const spec = { type: 'proRata', monthsParam: 'months', perYear: { PUBLIC: 30, PROFESSIONAL: 60 } } as const;

describe('rule type proRata', () => {
  it('gives both subjects for a whole year', () => {
    expect(evaluateRule(proRataRule, spec, { months: 12 })).toMatchObject({
      hasSplit: true,
      splitPublic: 30,
      splitProfessional: 60,
      amount: 90,
      text: '全年按公需科目30学时、专业科目60学时认定',
    });
    expect(evaluateRule(proRataRule, spec, { months: 20 })).toMatchObject({ splitPublic: 30, splitProfessional: 60 });
  });

  it('gives whole hours by month, rounded down, for part of a year', () => {
    expect(evaluateRule(proRataRule, spec, { months: 5 })).toMatchObject({
      splitPublic: 12,
      splitProfessional: 25,
      amount: 37,
      text: '5个月，按月份比例：公需30×5/12=12学时，专业60×5/12=25学时',
    });
    expect(evaluateRule(proRataRule, spec, {})).toMatchObject({ splitPublic: 0, splitProfessional: 0, amount: 0 });
  });

  it('reads the months', () => {
    expect(proRataRule.params(spec)).toEqual([{ path: ['monthsParam'], name: 'months' }]);
  });
});
