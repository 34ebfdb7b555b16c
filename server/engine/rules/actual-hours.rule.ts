// Rule type `actualHours`: the hours actually studied, as declared. Qingdao (001 四、(一)2–3,
// (四)1): training, academic activities and expert work count their actual hours, at most
// 8 a day, travel and rest excluded (maxPerDay with the days parameter); Jining (002
// 三、(一)–(二)) and Corps (003 第3、5问) course hours; Binzhou credit regime (004 附件
// 二、(二)): every 5 hours of training 1 credit (the divisor).
import { memoText, memoText2 } from '../memo-text';
import { toNumber } from '../slots';
import { defineRule, paramRefs } from './rule';

export type ActualHoursRuleSpec = {
  type: 'actualHours';
  hoursParam: string;
  /** With maxPerDay: the days the hours were spent over. */
  daysParam?: string;
  maxPerDay?: number;
  /** Every `divisor` hours make one unit of the result (credit regime: 5 hours = 1 credit). */
  divisor?: number;
};

export const actualHoursRule = defineRule<ActualHoursRuleSpec>({
  type: 'actualHours',
  params: (rule) => paramRefs([['hoursParam'], rule.hoursParam], [['daysParam'], rule.daysParam]),
  compile(rule, { unit, labels, slotOf }) {
    const divisor = rule.divisor ?? 1;
    const { hoursParam, daysParam, maxPerDay } = rule;
    const hoursSlot = slotOf(hoursParam);
    const what = labels.get(hoursParam) ?? '学时';
    const converted = (text: string, hours: number) => (divisor === 1 ? text : `${text}，每${divisor}学时折1${unit}：${Math.floor(hours / divisor)}${unit}`);
    // The whole explanation, memoised by the claimed hours (and the days, when the per-day ceiling applies).
    const plain = memoText((claimed: number) => converted(`按实际${what}：${claimed}学时`, claimed));
    if (!daysParam || maxPerDay === undefined) {
      return (s, out) => {
        const claimed = Math.max(0, toNumber(s[hoursSlot]) || 0);
        out.amount = divisor === 1 ? claimed : Math.floor(claimed / divisor);
        out.text = plain(claimed);
      };
    }
    const daysSlot = slotOf(daysParam);
    const ceiling = memoText2((days: number, claimed: number) => {
      const hours = days * maxPerDay;
      return converted(`按实际学时，每天不超过${maxPerDay}学时：${days}天×${maxPerDay}=${hours}学时（申报${claimed}学时）`, hours);
    });
    return (s, out) => {
      const claimed = Math.max(0, toNumber(s[hoursSlot]) || 0);
      const days = toNumber(s[daysSlot]);
      if (days >= 0 && claimed > days * maxPerDay) {
        const hours = days * maxPerDay;
        out.amount = divisor === 1 ? hours : Math.floor(hours / divisor);
        out.text = ceiling(days, claimed);
        return;
      }
      out.amount = divisor === 1 ? claimed : Math.floor(claimed / divisor);
      out.text = plain(claimed);
    };
  },
});
