// Jining (002 五、): a training project is filed at least 5 working days before it starts, counted
// on the statutory working-day calendar; a year the calendar lacks is counted Monday to Friday,
// and the project says so.
import path from 'node:path';
import { calendarFromSource } from '../../server/calendar/calendar-source';
import { loadPolicyFiles } from '../../server/policy/initial-policies';
import { judgeFilingLead, weekdaysBetween } from '../../server/providers/filing-lead';

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));
const jining = policies.get('jining')!;
const calendar = calendarFromSource();

describe('filing lead time', () => {
  it('Jining: filed 2025-09-29 for a start on 2025-10-10 is late: National Day leaves 3 working days of 9 weekdays', () => {
    expect(weekdaysBetween('2025-09-29', '2025-10-10')).toBe(9);
    const lead = judgeFilingLead(jining, calendar, '2025-09-29', '2025-10-10');
    expect(lead).toMatchObject({ leadWorkingDays: 5, workingDaysBefore: 3, onTime: false, calendarNote: null });
    expect(lead.lateReason).toContain('5个工作日');
    expect(lead.lateReason).toContain('2025-10-10');
    expect(lead.lateReason).toContain('关于做好2020年度专业技术人员继续教育有关工作的通知');
  });

  it('Jining: filed 2025-09-26 for 2025-10-10 is in time: the worked Sunday 2025-09-28 counts (5 working days)', () => {
    expect(judgeFilingLead(jining, calendar, '2025-09-26', '2025-10-10')).toMatchObject({ workingDaysBefore: 5, onTime: true, lateReason: null });
  });

  it('Jining: 4 working days before the start is late, 5 is in time (the filing day counts, the start day does not)', () => {
    // 2025-06-09 (Mon) … 2025-06-13 (Fri): no holidays
    expect(judgeFilingLead(jining, calendar, '2025-06-10', '2025-06-16')).toMatchObject({ workingDaysBefore: 4, onTime: false });
    expect(judgeFilingLead(jining, calendar, '2025-06-09', '2025-06-16')).toMatchObject({ workingDaysBefore: 5, onTime: true });
  });

  it('a year the calendar lacks is counted Monday to Friday, with a note on the project', () => {
    const missing = Math.max(...calendar.years) + 1;
    const late = judgeFilingLead(jining, calendar, `${missing}-03-02`, `${missing}-03-05`);
    expect(late.onTime).toBe(false);
    expect(late.workingDaysBefore).toBe(weekdaysBetween(`${missing}-03-02`, `${missing}-03-05`));
    expect(late.calendarNote).toContain(`${missing}年`);
    const inTime = judgeFilingLead(jining, calendar, `${missing}-03-02`, `${missing}-03-20`);
    expect(inTime).toMatchObject({ onTime: true, lateReason: null });
    expect(inTime.calendarNote).toContain('周一至周五');
  });

  it('a tenant whose policy sets no lead time (Qingdao) takes every filing in time', () => {
    expect(judgeFilingLead(policies.get('qingdao')!, calendar, '2025-10-09', '2025-10-10')).toEqual({
      leadWorkingDays: null,
      workingDaysBefore: null,
      onTime: true,
      lateReason: null,
      calendarNote: null,
    });
  });
});
