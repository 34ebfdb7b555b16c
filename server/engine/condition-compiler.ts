// Compiles a kind's conditions (score ≥ 60, filed 5 working days before the start, …) into
// functions on an activity's slots, once per policy version, like its rule (see rules/).
import type { ConditionSpec, ParamValue } from './policy.types';
import { toNumber, type SlotOf, type Slots } from './slots';
import { isValidDate, workingDaysBetweenValid } from './working-days';

/** Returns the failure message, or null when the condition holds. */
export type CompiledCondition = (params: Readonly<Record<string, ParamValue>>) => string | null;

/** A condition working on an activity's slots. */
export type SlotCondition = (slots: Slots) => string | null;

export function compileCondition(c: ConditionSpec, slotOf: SlotOf): SlotCondition {
  const check = compileCheck(c, slotOf);
  const when = c.when;
  if (!when) return check;
  const whenSlot = slotOf(when.param);
  const among = when.in;
  return (s) => (among.includes(s[whenSlot] as string | number | boolean) ? check(s) : null);
}

function compileCheck(c: ConditionSpec, slotOf: SlotOf): SlotCondition {
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
      // Jining (002 五、): training projects filed at least 5 working days before they start.
      const before = slotOf(c.beforeParam);
      const days = c.days;
      return (s) => {
        const filed = s[slot];
        const start = s[before];
        if (typeof filed !== 'string' || typeof start !== 'string' || !isValidDate(filed) || !isValidDate(start)) return message;
        return workingDaysBetweenValid(filed, start) >= days ? null : message;
      };
    }
  }
}
