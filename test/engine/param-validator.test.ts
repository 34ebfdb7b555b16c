// Declarations are checked against the kind's parameter list in the policy (used by the API).
import { validateActivityParams, versionForYear, workingDaysBetween } from '../../server/engine';
import { tenant, workingCalendar } from './support/engine.factory';

const qingdao = versionForYear(tenant('qingdao'), 2023)!;

describe('validateActivityParams', () => {
  it('accepts a complete, well-typed declaration', () => {
    expect(validateActivityParams(qingdao, 'jobTraining', { category: 'job', hours: 30, days: 3 })).toEqual([]);
  });

  it('rejects an unknown kind', () => {
    expect(validateActivityParams(qingdao, 'astrology', {})).toEqual([{ field: 'kind', code: 'UNKNOWN_KIND', message: '未知的学习形式：astrology' }]);
  });

  it('names each missing, mistyped, out-of-range or unknown field in Chinese', () => {
    const errors = validateActivityParams(qingdao, 'foreignLanguageExam', { grade: 'D', score: 120, extra: 1 });
    expect(errors).toEqual([
      { field: 'extra', code: 'UNKNOWN_FIELD', message: '“全国职称外语考试”没有“extra”这一项' },
      { field: 'grade', code: 'NOT_ALLOWED', message: '“级别”只能是：A级、B级、C级' },
      { field: 'score', code: 'TOO_LARGE', message: '“成绩”不能大于 100' },
    ]);
    expect(validateActivityParams(qingdao, 'jobTraining', { category: 'job', hours: '30', days: null })).toEqual([
      { field: 'hours', code: 'INVALID_TYPE', message: '“实际学时”应为数字' },
      { field: 'days', code: 'REQUIRED', message: '请填写“实际天数（不含往返和休息）”' },
    ]);
  });

  it('Qingdao: a mentor may take at most 10 mentees a year', () => {
    const errors = validateActivityParams(qingdao, 'mentorship', { mentor: '张', menteeCount: 11, evaluated: true, hours: 10 });
    expect(errors.map((e) => e.code)).toEqual(['TOO_LARGE']);
  });

  it('checks dates and integers', () => {
    const jining = versionForYear(tenant('jining'), 2020)!;
    const errors = validateActivityParams(jining, 'unitTraining', { projectName: 'p', filedDate: '2020-02-30', startDate: '2020-03-01', hours: 8 });
    expect(errors).toEqual([{ field: 'filedDate', code: 'INVALID_DATE', message: '“平台备案日期”应为日期（YYYY-MM-DD）' }]);
    const linyi = versionForYear(tenant('linyi'), 2018)!;
    expect(validateActivityParams(linyi, 'computerExam', { modules: 1.5 })[0]?.code).toBe('INVALID_TYPE');
  });
});

describe('working days', () => {
  it('counts the working days in [from, to) (an ordinary September week: Monday to Friday)', () => {
    const calendar = workingCalendar();
    expect(workingDaysBetween('2020-09-07', '2020-09-14', calendar)).toBe(5);
    expect(workingDaysBetween('2020-09-06', '2020-09-14', calendar)).toBe(5);
    expect(workingDaysBetween('2020-09-08', '2020-09-14', calendar)).toBe(4);
    expect(workingDaysBetween('2020-09-14', '2020-09-14', calendar)).toBe(0);
  });
});
