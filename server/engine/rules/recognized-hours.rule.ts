// Rule type `recognizedHours`: hours another place already recognised, in both subjects as
// its certificate states them. Transfer in (000 八、4: 外来调入人员…对其之前的继续教育学时
// 进行审核和汇总…并按要求对之前的继续教育学时进行登记备案): a professional arriving from
// elsewhere declares each earlier year's hours with the other place's certificate; the
// review checks the certificate, and the year counts the hours as stated there (the other
// place's rules made them; this tenant's per-kind rules are not applied again).
import { memoText2 } from '../memo-text';
import { toNumber } from '../slots';
import { defineRule, paramRefs } from './rule';

export type RecognizedHoursRuleSpec = { type: 'recognizedHours'; publicParam: string; professionalParam: string };

export const recognizedHoursRule = defineRule<RecognizedHoursRuleSpec>({
  type: 'recognizedHours',
  params: (rule) => paramRefs([['publicParam'], rule.publicParam], [['professionalParam'], rule.professionalParam]),
  check: (rule) => (rule.publicParam === rule.professionalParam ? [{ path: ['professionalParam'], message: '公需科目与专业科目学时应为两个不同的参数' }] : []),
  compile(rule, { unit, slotOf }) {
    const pubSlot = slotOf(rule.publicParam);
    const profSlot = slotOf(rule.professionalParam);
    const describe = memoText2((p: number, q: number) => `按原所在地认定：公需科目${p}${unit}、专业科目${q}${unit}`);
    return (s, out) => {
      const p = Math.max(0, toNumber(s[pubSlot]) || 0);
      const q = Math.max(0, toNumber(s[profSlot]) || 0);
      out.hasSplit = true;
      out.splitPublic = p;
      out.splitProfessional = q;
      out.amount = p + q;
      out.text = describe(p, q);
    };
  },
});
