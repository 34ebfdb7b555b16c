// Was a training project filed in time? (Jining 002 五、: online filing at least 5 working days
// before the project starts; a project not filed in advance earns no hours.) Pure: the policy,
// the calendar and the filing day are arguments.
import { citationText, countWorkingDays, type PolicyDocument, type WorkingCalendar } from '../engine';
import { dayNumber, weekdayOf } from '../engine/working-days';

export interface FilingLead {
  /** The policy's lead time in working days; null when the policy sets none. */
  leadWorkingDays: number | null;
  /** Working days d with filedOn ≤ d < startDate; null when the policy sets no lead time. */
  workingDaysBefore: number | null;
  onTime: boolean;
  lateReason: string | null;
  /** How the days were counted when the statutory calendar lacks a year. */
  calendarNote: string | null;
}

/** Monday to Friday with filedOn ≤ d < startDate (no holidays known). */
export function weekdaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = dayNumber(from); d < dayNumber(to); d++) {
    const w = weekdayOf(d);
    if (w !== 0 && w !== 6) n++;
  }
  return n;
}

/**
 * The filing judged against the tenant's lead time. When a year between the filing and the
 * start is not in the statutory calendar yet (the State Council publishes next year's holidays
 * in the autumn; the annual plan is filed earlier), the days are counted Monday to Friday and
 * the project says so: refusing to file would block the annual plan the policy asks for, and a
 * project counted on time that way is at worst the holidays short, which the note lets the
 * bureau see.
 */
export function judgeFilingLead(doc: PolicyDocument, calendar: WorkingCalendar, filedOn: string, startDate: string): FilingLead {
  const lead = doc.providers?.filingLeadWorkingDays;
  if (lead === undefined) return { leadWorkingDays: null, workingDaysBefore: null, onTime: true, lateReason: null, calendarNote: null };
  const counted = countWorkingDays(filedOn, startDate, calendar, doc.calendar?.closures);
  const days = counted.missingYear === undefined ? counted.days : weekdaysBetween(filedOn, startDate);
  const calendarNote =
    counted.missingYear === undefined ? null : `工作日历中尚无${counted.missingYear}年的法定节假日安排，备案提前期按周一至周五计算（未扣除节假日）`;
  if (days >= lead) return { leadWorkingDays: lead, workingDaysBefore: days, onTime: true, lateReason: null, calendarNote };
  const cited = citationText(doc.sources, doc.providers!.source);
  const lateReason = `培训项目于${filedOn}备案，距开班日期${startDate}仅${days}个工作日，未于开班${lead}个工作日前备案，不得认定学时（${cited}）`;
  return { leadWorkingDays: lead, workingDaysBefore: days, onTime: false, lateReason, calendarNote };
}
