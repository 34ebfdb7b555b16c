// Rule type `fixed`: a fixed number of hours per item, or per unit of a counted parameter.
// Qingdao (001 四、(一)4, (三), (四)3): study tours, results, papers and qualification
// exams 10 or 16 per item; title computer exam 5 per module (001 四、(五); Linyi 000
// 三、1(1)); Binzhou credit regime (004 附件 二、(二)): full-time training counted at
// 5 hours a day, every 5 hours 1 credit (the divisor).
import { memoText } from '../memo-text';
import { toNumber } from '../slots';
import { defineRule, paramRefs } from './rule';

export type FixedRuleSpec = {
  type: 'fixed';
  hours: number;
  /** Hours per unit of this parameter (modules, subjects, days); absent: per item. */
  perParam?: string;
  /** Every `divisor` hours make one unit of the result (credit regime: 5 hours = 1 credit). */
  divisor?: number;
};

export const fixedRule = defineRule<FixedRuleSpec>({
  type: 'fixed',
  params: (rule) => paramRefs([['perParam'], rule.perParam]),
  compile(rule, { unit, labels, slotOf }) {
    const divisor = rule.divisor ?? 1;
    const hours = rule.hours;
    if (!rule.perParam) {
      const text = `每项${hours}${unit}`;
      const amount = Math.floor(hours / divisor);
      return (_s, out) => {
        out.amount = amount;
        out.text = text;
      };
    }
    const per = rule.perParam;
    const slot = slotOf(per);
    const perLabel = labels.get(per) ?? per;
    const describe = memoText((count: number) => {
      const raw = hours * count;
      const amount = Math.floor(raw / divisor);
      return divisor === 1
        ? `${perLabel}${count}×${hours}${unit}=${amount}${unit}`
        : `${perLabel}${count}×${hours}学时=${raw}学时，每${divisor}学时折1${unit}：${amount}${unit}`;
    });
    return (s, out) => {
      const count = Math.max(0, Math.floor(toNumber(s[slot]) || 0));
      out.amount = Math.floor((hours * count) / divisor);
      out.text = describe(count);
    };
  },
});
