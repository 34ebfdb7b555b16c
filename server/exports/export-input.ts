// An export's request body read as the list's own GraphQL input: the same input classes
// (their class-validator rules run as they do at /graphql), enum values from the same enums,
// and BAD_USER_INPUT naming the field at fault (`filter.titleLevel`) otherwise.
import { validate, type ValidationError } from 'class-validator';
import { commonError } from '../platform/errors';

/** How a field of an input arrives in JSON: an ID or a string, an integer, or one of an enum's values. */
export type FieldKind = 'string' | 'int' | { readonly enum: Readonly<Record<string, string>> };

const CJK = /[\u3400-\u9fff]/;

function bad(field: string, detail: string) {
  return commonError('BAD_USER_INPUT', field, `${field}：${detail}`);
}

/** The JSON body's object at `field` (absent or null: empty). */
export function objectAt(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw bad(field, '须为对象');
  return value as Record<string, unknown>;
}

/** A required integer of the body (a year). */
export function intAt(body: Record<string, unknown>, field: string): number {
  const value = body[field];
  if (value === undefined || value === null) throw bad(field, '必须填写');
  if (typeof value !== 'number' || !Number.isInteger(value)) throw bad(field, '须为整数');
  return value;
}

/** An optional ID or string of the body. */
export function stringAt(body: Record<string, unknown>, field: string): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw bad(field, '须为字符串');
  return value;
}

/**
 * `raw` as an instance of the input class `cls`, with only the fields `spec` names, each of
 * its kind, then checked by the class's own class-validator rules.
 */
export async function toInput<T extends object>(cls: new () => T, raw: unknown, field: string, spec: Readonly<Record<string, FieldKind>>): Promise<T> {
  const input = new cls() as Record<string, unknown>;
  for (const [key, value] of Object.entries(objectAt(raw, field))) {
    const at = `${field}.${key}`;
    const kind = spec[key];
    if (!kind) throw bad(at, '没有这个筛选条件');
    if (value === undefined || value === null) continue;
    if (kind === 'int') {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw bad(at, '须为整数');
    } else if (kind === 'string') {
      if (typeof value !== 'string') throw bad(at, '须为字符串');
    } else if (typeof value !== 'string' || !Object.hasOwn(kind.enum, value)) {
      throw bad(at, `须为 ${Object.keys(kind.enum).join('、')} 之一`);
    }
    input[key] = value;
  }
  const violation = firstViolation(await validate(input, { forbidUnknownValues: false }));
  if (violation) throw bad(`${field}.${violation.property}`, violation.message);
  return input as T;
}

function firstViolation(errors: readonly ValidationError[]): { property: string; message: string } | null {
  for (const e of errors) {
    const [key, message] = Object.entries(e.constraints ?? {})[0] ?? [];
    if (key && message) return { property: e.property, message: CJK.test(message) ? message : englishRule(key) };
  }
  return null;
}

/** class-validator's default English, for the rules the list filters use. */
function englishRule(key: string): string {
  if (key === 'isLength') return '长度不符合要求';
  if (key === 'matches') return '格式不正确';
  return '取值不符合要求';
}
