// Rule type `lookup`: hours by the value of one parameter. Title foreign-language exam,
// grade A 30, B 20, C 10 (Linyi 000 三、1(1); Qingdao 001 四、(五)); Jining skill contests,
// national 30, provincial 20, city 10, county 5 (002 三、(三)).
import { defineRule, paramRefs } from './rule';

export type LookupRuleSpec = { type: 'lookup'; param: string; values: Record<string, number> };

export const lookupRule = defineRule<LookupRuleSpec>({
  type: 'lookup',
  params: (rule) => paramRefs([['param'], rule.param]),
  compile(rule, { unit, labels, slotOf }) {
    const slot = slotOf(rule.param);
    // One Map lookup gives both the value and its explanation.
    const entries = new Map<string, { amount: number; text: string }>();
    for (const [k, v] of Object.entries(rule.values)) entries.set(k, { amount: v ?? 0, text: `${labels.get(k) ?? k}：${v}${unit}` });
    const outside = `“${labels.get(rule.param) ?? rule.param}”不在折算表内：0${unit}`;
    return (s, out) => {
      const key = String(s[slot]);
      const hit = entries.get(key);
      if (hit !== undefined) {
        out.amount = hit.amount;
        out.text = hit.text;
        return;
      }
      // Not a value of the table ("toString" included: only the table's own values count).
      out.amount = 0;
      out.text = outside;
    };
  },
});
