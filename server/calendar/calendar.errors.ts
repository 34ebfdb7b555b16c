import { defineErrors } from '../platform/errors';

export const calendarError = defineErrors({
  CALENDAR_YEAR_MISSING: '工作日历中没有该年份的法定节假日安排，无法计算工作日（待国务院公布并载入后再试）',
});
