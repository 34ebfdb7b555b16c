// The product-wide input bounds (server/policy/input-bounds.ts), with a fixed clock.
import type { ParamSpec } from '../../server/engine';
import { chinaToday, type Clock } from '../../server/platform/clock';
import { AppError } from '../../server/platform/errors';
import { boundedParam, checkYear, DEFAULT_PARAM_CEILING, FIRST_YEAR } from '../../server/policy/input-bounds';

// 2025-12-31 16:30 UTC is already 2026-01-01 in China: "this year" is 2026
const clock: Clock = { today: () => chinaToday(Date.UTC(2025, 11, 31, 16, 30)) };

function yearError(year: number, upTo?: 'current' | 'next'): AppError | undefined {
  try {
    checkYear(year, 'year', clock, upTo);
    return undefined;
  } catch (e) {
    return e as AppError;
  }
}

describe('checkYear', () => {
  it('accepts 1990 to next year (China time), and to this year for facts that must have happened', () => {
    expect(yearError(FIRST_YEAR)).toBeUndefined();
    expect(yearError(2027)).toBeUndefined();
    expect(yearError(2026, 'current')).toBeUndefined();
  });

  it('refuses everything else with BAD_USER_INPUT on the field', () => {
    for (const y of [1989, 2028, 9999, 2147483647, -2147483648, 0, 2023.5]) {
      expect(yearError(y)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    }
    expect(yearError(2027, 'current')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(yearError(9999)?.message).toMatch(/1990 至 2027/);
  });
});

describe('boundedParam', () => {
  const spec = (p: Partial<ParamSpec>): ParamSpec => ({ name: 'x', type: 'number', label: 'x', required: true, ...p });

  it('keeps the policy’s own bounds', () => {
    expect(boundedParam(spec({ name: 'score', min: 0, max: 100 }), clock)).toMatchObject({ min: 0, max: 100 });
    expect(boundedParam(spec({ name: 'hours', min: 0, max: 5000 }), clock)).toMatchObject({ max: 5000 });
  });

  it('fills in the product ceilings where the policy leaves a number open', () => {
    expect(boundedParam(spec({ name: 'hours', min: 0 }), clock)).toMatchObject({ min: 0, max: 2000 });
    expect(boundedParam(spec({ name: 'rank', type: 'int', min: 1 }), clock)).toMatchObject({ min: 1, max: DEFAULT_PARAM_CEILING });
    expect(boundedParam(spec({ name: 'certificateYear', type: 'int' }), clock)).toMatchObject({ min: FIRST_YEAR, max: 2027 });
    expect(boundedParam(spec({ name: 'title', type: 'string' }), clock)).not.toHaveProperty('max');
  });
});
