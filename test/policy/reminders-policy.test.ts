// The `reminders:` section of a policy file (issue 13): the days before the yearly deadline,
// and before a title applicant's own deadline, on which the people short of hours are
// reminded; and which reminder days a run crosses (server/reminders/reminder-days.ts, pure).
import { join } from 'node:path';
import type { PolicyDocument } from '../../server/engine';
import { loadAllPolicies } from '../../server/policy';
import { validatePolicy } from '../../server/policy/policy-validation';
import { crossedDay, deadlineWindows, runWindow } from '../../server/reminders/reminder-days';

const policies = loadAllPolicies(join(__dirname, '../../tenants'));
const policy = (code: string): PolicyDocument => policies.get(code)!;

function issuesWith(code: string, reminders: unknown): string[] {
  const result = validatePolicy({ ...policy(code), reminders });
  return result.ok ? [] : result.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('reminder days of the five launch tenants', () => {
  it('everyone is reminded 60, 30 and 7 days before Dec 31; the Corps’ applicants before June 30, Binzhou’s 30 and 7 days before their filing date', () => {
    const days = Object.fromEntries(['linyi', 'qingdao', 'jining', 'binzhou', 'bingtuan'].map((c) => [c, [policy(c).reminders?.daysBefore, policy(c).reminders?.titleDaysBefore]]));
    expect(days).toEqual({
      linyi: [[60, 30, 7], undefined],
      qingdao: [[60, 30, 7], undefined],
      jining: [[60, 30, 7], undefined],
      binzhou: [[60, 30, 7], [30, 7]],
      bingtuan: [[60, 30, 7], [60, 30, 7]],
    });
    expect(policy('bingtuan').title.deadline).toMatchObject({ type: 'fixed', monthDay: '06-30' });
    expect(policy('binzhou').title.deadline).toMatchObject({ type: 'filing' });
  });

  it('a day repeated, a day of 0, more than 366 days or a misspelt key are refused where they are', () => {
    expect(issuesWith('qingdao', { daysBefore: [30, 30], source: '001 二、(三)' })).toEqual(['reminders.daysBefore: 提醒天数不能重复']);
    expect(issuesWith('qingdao', { daysBefore: [0], source: '001 二、(三)' })).toEqual(['reminders.daysBefore.0: 至少提前 1 天']);
    expect(issuesWith('qingdao', { daysBefore: [400], source: '001 二、(三)' })).toEqual(['reminders.daysBefore.0: 最多提前 366 天']);
    expect(issuesWith('qingdao', { daysBefore: [7], titleDays: [7], source: '001 二、(三)' })[0]).toMatch(/^reminders: /);
    expect(issuesWith('qingdao', { daysBefore: [7], source: '999 一、' })[0]).toMatch(/^reminders\.source: /);
    expect(issuesWith('qingdao', { daysBefore: [60, 7], source: '001 二、(三)' })).toEqual([]);
  });
});

describe('which reminder days a run crosses', () => {
  const dec31 = '2026-12-31';
  it('a first run covers today only: Nov 1 is 60 days before Dec 31, Oct 31 is none', () => {
    expect(crossedDay(dec31, [60, 30, 7], runWindow(null, '2026-10-31')!)).toBeNull();
    expect(crossedDay(dec31, [60, 30, 7], runWindow(null, '2026-11-01')!)).toBe(60);
    expect(crossedDay(dec31, [60, 30, 7], runWindow('2026-11-01', '2026-11-02')!)).toBeNull();
  });

  it('a run after missed days catches up with the nearest reminder day only; a passed deadline is not reminded of; a day already handled is not run again', () => {
    expect(crossedDay(dec31, [60, 30, 7], runWindow('2026-10-20', '2026-12-05')!)).toBe(30);
    expect(crossedDay(dec31, [60, 30, 7], runWindow('2026-12-20', '2027-01-02')!)).toBeNull();
    expect(runWindow('2026-11-01', '2026-11-01')).toBeNull();
  });

  it('own deadlines (filing dates): each day count’s window of deadlines, nearest first, never a passed deadline', () => {
    expect(deadlineWindows([30, 7], runWindow('2026-05-01', '2026-05-03')!)).toEqual([
      { daysBefore: 7, after: '2026-05-08', through: '2026-05-10' },
      { daysBefore: 30, after: '2026-05-31', through: '2026-06-02' },
    ]);
    // a long catch-up starts at today: deadlines already passed are left out
    expect(deadlineWindows([7], runWindow('2026-01-01', '2026-05-03')!)).toEqual([{ daysBefore: 7, after: '2026-05-02', through: '2026-05-10' }]);
  });
});
