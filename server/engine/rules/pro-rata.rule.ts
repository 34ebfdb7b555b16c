// Rule type `proRata`: a year's hours in both subjects, by month when less than a year.
// Qingdao (001 四、(四)2 and 4): aid postings, rural service, official postings abroad,
// long sick leave and maternity leave count 30 public + 60 professional hours a year,
// pro rata by month when shorter.
import { memoText } from '../memo-text';
import type { Subject } from '../policy-values.types';
import { toNumber } from '../slots';
import { defineRule, paramRefs } from './rule';

export type ProRataRuleSpec = { type: 'proRata'; monthsParam: string; perYear: Record<Subject, number> };

export const proRataRule = defineRule<ProRataRuleSpec>({
  type: 'proRata',
  params: (rule) => paramRefs([['monthsParam'], rule.monthsParam]),
  compile(rule, { unit, slotOf }) {
    const { PUBLIC: pub, PROFESSIONAL: prof } = rule.perYear;
    const slot = slotOf(rule.monthsParam);
    const describe = memoText((months: number) =>
      months >= 12
        ? `全年按公需科目${pub}${unit}、专业科目${prof}${unit}认定`
        : `${months}个月，按月份比例：公需${pub}×${months}/12=${Math.floor((pub * months) / 12)}${unit}，专业${prof}×${months}/12=${Math.floor((prof * months) / 12)}${unit}`,
    );
    return (s, out) => {
      const months = Math.min(12, Math.max(0, toNumber(s[slot]) || 0));
      // Whole hours, rounded down: the documents give no rounding rule (product decision).
      const p = Math.floor((pub * months) / 12);
      const q = Math.floor((prof * months) / 12);
      out.hasSplit = true;
      out.splitPublic = p;
      out.splitProfessional = q;
      out.amount = p + q;
      out.text = describe(months);
    };
  },
});
