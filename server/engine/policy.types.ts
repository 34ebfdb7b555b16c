// The shape of a tenant policy document (tenants/<code>.yaml), as the engine reads it.
// The zod schema in server/policy validates files against exactly this shape; the
// engine owns the types so that it never imports from outside server/engine.
import type { TitleLevel, TitleSeries } from '../platform/titles';

export type Subject = 'PUBLIC' | 'PROFESSIONAL';
/** SPLIT: the rule itself yields hours in both subjects; FLEXIBLE: allocated where a shortfall is. */
export type SubjectMode = Subject | 'SPLIT' | 'FLEXIBLE';
export type Regime = 'HOURS' | 'CREDITS';
export type ParamValue = string | number | boolean | null;
export type ParamType = 'int' | 'number' | 'string' | 'enum' | 'bool' | 'date';

export interface EnumOption {
  value: string;
  label: string;
}

/** One declaration field of an activity kind; drives forms and validation. */
export interface ParamSpec {
  name: string;
  type: ParamType;
  label: string;
  required: boolean;
  values?: EnumOption[];
  min?: number;
  max?: number;
}

/** Where a table row or column comes from. */
export type AxisSpec =
  | { param: string; map?: Record<string, string> }
  | { fixed: string }
  | { byRank: { rankParam: string; bands: { maxRank?: number; value: string }[] } };

export interface LookupTable {
  rows: string[];
  columns: string[];
  /** Every row × column must be present; null marks a cell the document leaves empty ("—"). */
  cells: Record<string, Record<string, number | null>>;
  /** Chinese names of rows and columns, for explanations. */
  labels?: Record<string, string>;
}

export interface Downgrade {
  rankParam: string;
  fromRank: number;
  shift: 'row' | 'column';
  /** Offset in the listed order: +1 column = next lower grade, −1 row = next lower level. */
  by: number;
  /** Value when the shift leaves the table (Binzhou: county appraised result, rank ≥ 4 → 5). */
  offTable?: number;
}

export type RuleSpec =
  | { type: 'fixed'; hours: number; perParam?: string; divisor?: number }
  | { type: 'actualHours'; hoursParam: string; daysParam?: string; maxPerDay?: number; divisor?: number }
  | { type: 'lookup'; param: string; values: Record<string, number> }
  | { type: 'table'; table: LookupTable; row: AxisSpec; column: AxisSpec; downgrade?: Downgrade }
  | {
      type: 'brackets';
      param: string;
      brackets: { below?: number; hours: number }[];
      beyond?: { from: number; every: number; add: number };
    }
  | { type: 'proRata'; monthsParam: string; perYear: Record<Subject, number> }
  | { type: 'deemComplete'; scope: 'YEAR' | Subject; exempt: boolean };

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
