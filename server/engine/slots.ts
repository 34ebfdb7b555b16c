// An activity's parameters as the compiled rules and conditions read them: an array of
// values in an order fixed per kind ("slots"), filled once per activity by the kind's
// reader (see kind-compiler). One shape of array for every kind keeps those reads fast,
// where ~60 kinds' parameter objects made every params[name] a slow generic lookup.
import type { ParamValue } from './policy-values.types';

/** One activity's parameter values, in the order its kind's slot list gives. */
export type Slots = (ParamValue | undefined)[];

/** Index of a parameter's slot, assigned on first use (by the kind compiler). */
export type SlotOf = (param: string) => number;

/** A parameter as a number: numbers as they are, numeric text converted, anything else NaN. */
export function toNumber(value: ParamValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}
