// The bounds every input of the product is held to, whatever the tenant's
// policy file says: the years the product covers, and a sane ceiling for each
// numeric activity parameter the file leaves open. One place, so that the
// calculator, recorded activities, certified years and every year argument
// agree (a year 9999 or 1e300 hours must never be stored).
import type { ParamSpec, PolicyVersion } from '../engine';
import type { Clock } from '../platform/clock';
import { commonError } from '../platform/errors';

/** Bytes of policy text accepted (the largest file in tenants/ is a few tens of KB). */
export const MAX_POLICY_FILE_BYTES = 512 * 1024;

/** The first year the product covers (recorded or certified facts, queries). */
export const FIRST_YEAR = 1990;

/** Ceilings of numeric parameters the policy file gives no `max` for, by parameter name. */
export const PARAM_CEILINGS: Readonly<Record<string, number>> = {
  hours: 2000,
  credits: 2000,
  days: 366,
  months: 120,
  chars: 10_000_000,
  points: 1_000_000,
};
/** Any other numeric parameter (counts: ranks, authors, subjects, courses...). */
export const DEFAULT_PARAM_CEILING = 1000;

export function currentYear(clock: Clock): number {
  return Number(clock.today().slice(0, 4));
}

/**
 * The latest year an input may name: the current year (China time) for what
 * must already have happened (certifying), else the next one (planning).
 */
export function lastYear(clock: Clock, upTo: 'current' | 'next' = 'next'): number {
  return currentYear(clock) + (upTo === 'current' ? 0 : 1);
}

/** Throws BAD_USER_INPUT on `field` unless `year` is a whole year the product covers. */
export function checkYear(year: number, field: string, clock: Clock, upTo: 'current' | 'next' = 'next'): void {
  const last = lastYear(clock, upTo);
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > last) {
    throw commonError('BAD_USER_INPUT', field, `年度应在 ${FIRST_YEAR} 至 ${last} 之间`);
  }
}

const isYearParam = (p: ParamSpec): boolean => /Year$/.test(p.name);

/** A parameter with the product-wide bounds filled in where the policy file leaves them open. */
export function boundedParam(p: ParamSpec, clock: Clock): ParamSpec {
  if (p.type !== 'int' && p.type !== 'number') return p;
  if (isYearParam(p)) return { ...p, min: p.min ?? FIRST_YEAR, max: p.max ?? lastYear(clock) };
  const ceiling = Object.hasOwn(PARAM_CEILINGS, p.name) ? PARAM_CEILINGS[p.name] : undefined;
  return { ...p, min: p.min ?? 0, max: p.max ?? ceiling ?? DEFAULT_PARAM_CEILING };
}

/** The version with the product-wide bounds on every parameter of `kind` (for validating a declaration). */
export function withBoundedParams(version: PolicyVersion, kind: string, clock: Clock): PolicyVersion {
  const spec = Object.hasOwn(version.kinds, kind) ? version.kinds[kind] : undefined;
  if (!spec) return version;
  return { ...version, kinds: { ...version.kinds, [kind]: { ...spec, params: spec.params.map((p) => boundedParam(p, clock)) } } };
}
