// The `reminders:` section of a policy file (issue 13): how many days before each deadline
// the people still short of hours are reminded. `daysBefore` counts back from the yearly
// deadline (`deadline.monthDay`); `titleDaysBefore` from a title applicant's own deadline
// (`title.deadline`: the Corps' June 30, Binzhou's filing date), and is the same as
// `daysBefore` when absent. Without the section the tenant sends no reminders.
import { z } from 'zod';
import { citation } from './policy-sources';

const days = z
  .array(z.number({ error: '应为天数' }).int({ error: '应为整数天数' }).min(1, { error: '至少提前 1 天' }).max(366, { error: '最多提前 366 天' }))
  .min(1, { error: '至少要有一个提醒天数' })
  .max(10, { error: '最多 10 个提醒天数' })
  .refine((list) => new Set(list).size === list.length, { error: '提醒天数不能重复' });

export const remindersSchema = z.strictObject({ daysBefore: days, titleDaysBefore: days.optional(), source: citation });
