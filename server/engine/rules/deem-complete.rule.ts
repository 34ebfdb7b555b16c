// Rule type `deemComplete`: the activity completes (or exempts) the year or one subject
// instead of earning hours. Corps (003): 访惠聚 work teams and seconded teachers exempt
// that year (第9、10问); face-to-face training, advanced seminars, degrees and western
// training complete the professional hours (第3、4、14、15、16问); Qingdao COVID-19
// front-line work deems the year complete (001 四、(六)1).
import { defineRule } from './rule';

export type DeemCompleteRuleSpec = { type: 'deemComplete'; scope: 'YEAR' | 'PUBLIC' | 'PROFESSIONAL'; exempt: boolean };

export const deemCompleteRule = defineRule<DeemCompleteRuleSpec>({
  type: 'deemComplete',
  params: () => [],
  compile(rule) {
    const text = deemText(rule);
    const scope = rule.scope;
    const exempt = rule.exempt;
    return (_s, out) => {
      out.amount = 0;
      out.deem = scope;
      out.exempt = exempt;
      out.text = text;
    };
  },
  // The first such activity of the year is the one its verdict names.
  orderSensitive: true,
  exemptionReason: (rule, kindName) => `${kindName}：${deemText(rule)}`,
});

/** "免当年继续教育", "视同完成当年专业科目"… */
function deemText(rule: DeemCompleteRuleSpec): string {
  const what = rule.scope === 'YEAR' ? '当年继续教育' : rule.scope === 'PUBLIC' ? '当年公需科目' : '当年专业科目';
  return rule.exempt ? `免${what}` : `视同完成${what}`;
}
