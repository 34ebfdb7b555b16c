// The shape of a tenant policy document (tenants/<code>.yaml), as the engine reads it.
// The zod schema in server/policy validates files against exactly this shape; the
// engine owns the types so that it never imports from outside server/engine. Each rule
// type's spec is declared with the rule type, in rules/.
import type { RuleSpec } from './rules/registry';
import type { Subject, SubjectMode, Regime, ParamSpec } from './policy-values.types';
import type { TitleLevel, TitleSeries } from './titles';

export type { Subject, SubjectMode, Regime, ParamValue, ParamType, EnumOption, ParamSpec } from './policy-values.types';
export type { RuleSpec } from './rules/registry';
// Parts of the table rule's spec that were always part of the document types.
export type { AxisSpec, LookupTable, Downgrade } from './rules/table.rule';

export type ConditionSpec = { message: string; source?: string; when?: { param: string; in: (string | number | boolean)[] } } & (
  | { check: 'min'; param: string; value: number; exclusive?: boolean }
  | { check: 'max'; param: string; value: number }
  | { check: 'equals'; param: string; value: string | number | boolean }
  | { check: 'notIn'; param: string; values: string[] }
  | { check: 'workingDaysBefore'; param: string; beforeParam: string; days: number }
);

export interface KindCaps {
  /** Per person per calendar year, on the kind's hours. */
  perYear?: number;
  /** Across all years (Linyi computer exam: 30 in total). */
  lifetime?: number;
}

export interface KindSpec {
  name: string;
  subject: SubjectMode;
  source: string;
  rule: RuleSpec;
  params: ParamSpec[];
  conditions?: ConditionSpec[];
  /** Even split among co-authors in whole hours, remainder one hour each to the first authors. */
  split?: { authorsParam: string; positionParam: string; source: string };
  caps?: KindCaps;
  group?: string;
  /** Counted once per evidence key: within the year, or ever (across years). */
  countsOnce?: { keyParams: string[]; scope: 'YEAR' | 'EVER'; source: string };
  /** The kind counts only from this year on / only in these years. */
  fromYear?: number;
  years?: number[];
  /** Only for these title series (Corps: health sector credits). */
  series?: TitleSeries[];
  /** Part of a compulsory set inside a subject (Jining 2020 public compulsory series). */
  compulsory?: boolean;
  /** Credit regime: the professional chooses the year a conversion counts in. */
  chosenYear?: boolean;
}

export interface GroupSpec {
  name: string;
  source: string;
  caps: Partial<Record<Subject, number>>;
}

export interface CompulsorySpec {
  subject: Subject;
  hours: number;
  name: string;
  source: string;
}

export interface CreditWindow {
  years: number[];
  required: number;
  source: string;
}

export type TitleYearRule =
  | { type: 'EACH_YEAR'; source: string }
  | { type: 'AVERAGE'; minPerYear: number; source: string }
  | { type: 'CREDITS'; source: string };

export interface ProfileRule {
  when: { employerType?: string; flag?: string; series?: TitleSeries };
  waive: 'YEAR' | Subject;
  reason: string;
  source: string;
}

export interface PolicyVersion {
  fromYear: number;
  regime: Regime;
  source: string;
  requirement: Record<Subject, number> & { source: string };
  compulsory?: CompulsorySpec[];
  credits?: { windows: CreditWindow[] };
  titleYearRule: TitleYearRule;
  groups?: Record<string, GroupSpec>;
  profileRules?: ProfileRule[];
  kinds: Record<string, KindSpec>;
}

export interface TitleWindow {
  /** Current levels this window applies to; absent = any. */
  from?: TitleLevel[];
  to: TitleLevel[];
  years: number;
  source: string;
}

export interface TitlePolicy {
  windows: TitleWindow[];
  /** Qingdao: "申报职称年限少于五年的按照实际年限". */
  shortenToTenure: boolean;
  /** fixed: activities after MM-DD of the application year do not count; filing: after the filing date. */
  deadline: { type: 'fixed'; monthDay: string; source: string } | { type: 'filing'; source: string } | { type: 'yearEnd' };
}

export interface PolicyDocument {
  code: string;
  name: string;
  sources: Record<string, string>;
  deadline: { monthDay: string; source: string };
  title: TitlePolicy;
  versions: PolicyVersion[];
}
