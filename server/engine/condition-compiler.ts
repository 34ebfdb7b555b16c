// Compiles a kind's conditions (score ≥ 60, filed 5 working days before the start, …) into
// functions on an activity's slots, once per policy version, like its rule (see rules/).
import type { ConditionSpec, KindSpec, ParamValue } from './policy.types';
import { toNumber, type SlotOf, type Slots } from './slots';
import { countIndexed, explanationKey, missingYearOf, namedDaysBetween, type CalendarIndex } from './working-calendar';
import { dayNumber, isValidDate, yearOfDate } from './working-days';

/** Returns the failure message, or null when the condition holds. */
export type CompiledCondition = (params: Readonly<Record<string, ParamValue>>) => string | null;

/** A condition working on an activity's slots. */
export type SlotCondition = (slots: Slots) => string | null;

/** The working-day calendar the conditions count with (with the tenant's closures). */
export function compileCondition(c: ConditionSpec, slotOf: SlotOf, calendar: CalendarIndex): SlotCondition {
  const check = compileCheck(c, slotOf, calendar);
  const when = c.when;
  if (!when) return check;
  const whenSlot = slotOf(when.param);
  const among = when.in;
  return (s) => (among.includes(s[whenSlot] as string | number | boolean) ? check(s) : null);
}

function compileCheck(c: ConditionSpec, slotOf: SlotOf, calendar: CalendarIndex): SlotCondition {
  const message = c.message;
  const slot = slotOf(c.param);
  switch (c.check) {
    case 'min': {
      const value = c.value;
      return c.exclusive
        ? (s) => (toNumber(s[slot]) > value ? null : message)
        : (s) => (toNumber(s[slot]) >= value ? null : message);
    }
    case 'max': {
      const value = c.value;
      return (s) => (toNumber(s[slot]) <= value ? null : message);
    }
    case 'equals': {
      const value = c.value;
      return (s) => (s[slot] === value ? null : message);
    }
    case 'notIn': {
      const values = c.values;
      return (s) => (!values.includes(String(s[slot])) ? null : message);
    }
    case 'workingDaysBefore': {
      // Jining (002 五、): training projects filed at least 5 working days before they start,
      // counted on the statutory calendar (holidays off, adjusted weekends worked).
      const before = slotOf(c.beforeParam);
      const days = c.days;
      // Failure texts by explanation key (see explanationKey) and by missing year: the same few recur.
      const texts = new Map<number, string>();
      return (s) => {
        const filed = s[slot];
        const start = s[before];
        if (typeof filed !== 'string' || typeof start !== 'string' || !isValidDate(filed) || !isValidDate(start)) return message;
        const a = dayNumber(filed);
        const b = dayNumber(start);
        // Inside a span of consecutive covered years no year needs checking.
        if (!(calendar.contiguous && a >= calendar.start && b >= calendar.start && a < calendar.end && b < calendar.end)) {
          const missing = missingYearOf(calendar, Math.min(yearOfDate(filed), yearOfDate(start)), Math.max(yearOfDate(filed), yearOfDate(start)));
          if (missing !== 0) return texts.get(-missing) ?? remember(texts, -missing, missingYearMessage(message, missing, calendar));
        }
        const n = countIndexed(calendar, a, b);
        if (n >= days) return null;
        const key = explanationKey(calendar, n, a, b);
        if (key < 0) return shortfallMessage(message, n, calendar, a, b);
        return texts.get(key) ?? remember(texts, key, shortfallMessage(message, n, calendar, a, b));
      };
    }
  }
}

/** Keeps a failure text (bounded), and returns it. */
function remember(texts: Map<number, string>, key: number, text: string): string {
  if (texts.size < 10_000) texts.set(key, text);
  return text;
}

/** Built only when a condition fails: "…（其间只有3个工作日，跳过国庆节 10月1日—10月7日；9月29日调休上班）". */
function shortfallMessage(message: string, n: number, calendar: CalendarIndex, a: number, b: number): string {
  const { skipped, worked } = namedDaysBetween(calendar, a, b);
  const detail = [`其间只有${n}个工作日`];
  if (skipped.length) detail.push(`跳过${skipped.join('、')}`);
  const text = detail.join('，');
  return worked.length ? `${message}（${text}；${worked.join('、')}调休上班）` : `${message}（${text}）`;
}

function missingYearMessage(message: string, year: number, calendar: CalendarIndex): string {
  return `无法判断“${message}”：工作日历中没有${year}年的法定节假日安排（${calendar.coveredText}），无法计算工作日，暂不认定`;
}

/**
 * The pairs of date parameters a kind's working-day conditions count between: their years, and
 * every year between them, must be in the calendar.
 */
export function workingDayParams(kind: KindSpec): [from: string, to: string][] {
  const pairs: [string, string][] = [];
  for (const c of kind.conditions ?? []) if (c.check === 'workingDaysBefore') pairs.push([c.param, c.beforeParam]);
  return pairs;
}
