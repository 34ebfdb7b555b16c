// Shared class-validator decorators for input classes, with Chinese messages.
import { Matches, ValidateBy, type ValidationOptions } from 'class-validator';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' naming a day that exists (no 2024-02-30, no month 13). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A real calendar date written YYYY-MM-DD. */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: (value: unknown) => isCalendarDate(value) } },
    { message: '日期无效：应为 YYYY-MM-DD 格式的真实日期', ...options },
  );
}

/** At least one character that is not white space (a name of only spaces is no name). */
export function NotBlank(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(/\S/, { message: '不能为空白', ...options });
}
