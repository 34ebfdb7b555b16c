// Rule type `brackets`: hours by the bracket a number falls in, with an optional step beyond
// the last one. Binzhou study abroad, international conference or inspection with a report
// (004 附件 一、(一)): < 1 month 15, 1–2 months 20, 2–3 25, 3–4 30, ≥ 4 months 35; credit
// regime (附件 二、(四)): 4–6 months 35, 6–12 months 40, then +5 per further 2 months.
import { memoText } from '../memo-text';
import { toNumber } from '../slots';
import { defineRule, paramRefs } from './rule';

export type BracketsRuleSpec = {
  type: 'brackets';
  param: string;
  /** In ascending order; the bracket without `below` takes every larger value. */
  brackets: { below?: number; hours: number }[];
  /** Past `from`: the last bracket's hours plus `add` per whole `every`. */
  beyond?: { from: number; every: number; add: number };
};

export const bracketsRule = defineRule<BracketsRuleSpec>({
  type: 'brackets',
  params: (rule) => paramRefs([['param'], rule.param]),
  compile(rule, { unit, labels, slotOf }) {
    const what = labels.get(rule.param) ?? rule.param;
    const slot = slotOf(rule.param);
    const brackets = rule.brackets;
    const texts = brackets.map((b, i) => {
      const lower = brackets[i - 1]?.below;
      const range = lower === undefined ? `不满${b.below}` : b.below === undefined ? `满${lower}以上` : `满${lower}不满${b.below}`;
      return `${what}${range}：${b.hours}${unit}`;
    });
    const belows = brackets.map((b) => b.below);
    const hours = brackets.map((b) => b.hours);
    const invalid = `${what}无效：0${unit}`;
    const beyondTable = `${what}超出折算表：0${unit}`;
    const beyond = rule.beyond;
    const last = brackets[brackets.length - 1]?.hours ?? 0;
    const beyondText = beyond
      ? memoText((value: number) => {
          const steps = Math.floor((value - beyond.from) / beyond.every);
          return `${what}${value}：超过${beyond.from}后每满${beyond.every}加${beyond.add}，${last}+${steps}×${beyond.add}=${last + steps * beyond.add}${unit}`;
        })
      : null;
    return (s, out) => {
      const value = toNumber(s[slot]);
      if (!(value >= 0)) {
        out.amount = 0;
        out.text = invalid;
        return;
      }
      if (beyond && beyondText && value > beyond.from) {
        const steps = Math.floor((value - beyond.from) / beyond.every);
        out.amount = last + steps * beyond.add;
        out.text = beyondText(value);
        return;
      }
      // i < belows.length = hours.length = texts.length.
      for (let i = 0; i < belows.length; i++) {
        const below = belows[i];
        if (below === undefined || value < below) {
          out.amount = hours[i]!;
          out.text = texts[i]!;
          return;
        }
      }
      out.amount = 0;
      out.text = beyondTable;
    };
  },
});
