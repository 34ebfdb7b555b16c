// The shape of a tenant policy document (tenants/<code>.yaml), as the engine reads it.
// The zod schema in server/policy validates files against exactly this shape; the
// engine owns the types so that it never imports from outside server/engine. Each rule
// type's spec is declared with the rule type, in rules/.
import type { RuleSpec } from './rules/registry';
import type { Subject, SubjectMode, Regime, ParamSpec } from './policy-values.types';
import type { EmployerType, TitleLevel, TitleRoute, TitleSeries } from './titles';

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
  /**
   * What a declaration of the kind must bring (checked when it is submitted), and whether one
   * certificate may serve several years (a transfer-in's certificate book: one declaration a year).
   */
  evidence?: EvidenceSpec;
  /** The kind counts only from this year on / only in these years. */
  fromYear?: number;
  years?: number[];
  /** Only for these title series (Corps: health sector credits). */
  series?: TitleSeries[];
  /**
   * A class taken at a title level (Corps face-to-face training, 003 第3问): its rule applies only
   * when the class is at the application's target level (without an application: above the
   * current level) and the route is not excluded; otherwise it earns ordinary hours.
   */
  titleClass?: TitleClassSpec;
  /**
   * A class taken at the person's current title level (Corps public courses, 003 第3问、第6问):
   * the class parameter's value names the levels it is for; another level's class earns nothing.
   */
  currentLevelClass?: CurrentLevelClassSpec;
  /** Part of a compulsory set inside a subject (Jining 2020 public compulsory series). */
  compulsory?: boolean;
  /** Credit regime: the professional chooses the year a conversion counts in. */
  chosenYear?: boolean;
}

export type EvidenceField = 'certificateNo' | 'issuer' | 'issuedOn' | 'files';

export interface EvidenceSpec {
  required?: EvidenceField[];
  certificatePerYear?: boolean;
  source: string;
}

export interface CurrentLevelClassSpec {
  param: string;
  /** Class value → the current title levels it is for. */
  classes: Record<string, TitleLevel[]>;
  source: string;
}

export interface TitleClassSpec {
  /** The parameter holding the class's title level. */
  levelParam: string;
  /** Ordinary hours when the class does not replace the requirement (absent: none). */
  hoursParam?: string;
  /** Routes for which, in the application year, the class never replaces the requirement. */
  notForRoutes?: TitleRoute[];
  source: string;
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
  /** route: the application's route, in the application year only. */
  when: { employerType?: string; flag?: string; series?: TitleSeries; route?: TitleRoute };
  /** NO_REQUIREMENT: the year carries no requirement at all (neither complete nor short). */
  waive: 'YEAR' | Subject | 'NO_REQUIREMENT';
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
  /**
   * Qingdao: "申报职称年限少于五年的按照实际年限". true: shortened to the tenure the caller states;
   * CURRENT_TITLE: also to the whole years since the current title was obtained (title history).
   */
  shortenToTenure: boolean | { basis: 'CURRENT_TITLE'; source: string };
  /** fixed: activities after MM-DD of the application year do not count; filing: after the filing date. */
  deadline: { type: 'fixed'; monthDay: string; source: string } | { type: 'filing'; source: string } | { type: 'yearEnd' };
}

/**
 * A document a policy cites (notice, Q&A, annex). Rules cite it by its key in `sources`,
 * then the section: "001 四、(一)1", "qd2026-1 二、"; explanations show its number (or
 * title) instead of the key (see citations.ts).
 */
export interface PolicySource {
  /** Document number (文号), e.g. 青人社字〔2023〕14号; absent when the document has none. */
  number?: string;
  title: string;
  /** The body that issued it, e.g. 青岛市人力资源和社会保障局. */
  issuer?: string;
  /** Date of issue as far as known: YYYY-MM-DD, YYYY-MM or YYYY. */
  date?: string;
}

/** A level of the review chain: an organisation node kind, from the professional's unit up. */
export type ReviewLevel = 'UNIT' | 'DEPARTMENT' | 'BUREAU';

/**
 * A sector route (Qingdao 001 五、): declarations of people of these title series (and/or of
 * these kinds) are reviewed at the DEPARTMENT level by the organisation node with this code,
 * instead of the department above the unit.
 */
export interface ReviewRoute {
  /** Every condition given must hold: the person's title series, the declared kind, the unit's employer type. */
  when: { series?: TitleSeries[]; kinds?: string[]; employerTypes?: EmployerType[] };
  department: { code: string };
  source: string;
}

/** Who reviews a declaration: the levels, in order from the unit up (a level missing on a branch is skipped), and the sector routes. */
export interface ReviewPolicy {
  levels: ReviewLevel[];
  source: string;
  routes?: ReviewRoute[];
}

/**
 * The title-review integrity record (诚信档案): how long a fraud mark blocks title applications
 * (Jining 002 四、(四)3: 3 years). A tenant without it records marks that block nothing.
 */
export interface IntegrityPolicy {
  termYears: number;
  source: string;
}

export interface PolicyDocument {
  code: string;
  name: string;
  /** The documents cited, by key (any short identifier: "001", "qd2026-1"). */
  sources: Record<string, PolicySource>;
  deadline: { monthDay: string; source: string };
  title: TitlePolicy;
  versions: PolicyVersion[];
  /** The tenant's own closures, on top of the statutory working-day calendar (given to the engine apart). */
  calendar?: PolicyCalendar;
  /** The review chain of declarations (absent: unit → department → bureau, no routes). */
  review?: ReviewPolicy;
  /** Rules for training providers' projects (absent: no filing lead time). */
  providers?: ProviderPolicy;
  /** The integrity record's term (absent: marks are recorded and shown, and block nothing). */
  integrity?: IntegrityPolicy;
  /** How many years declarations and evidence files are kept (absent: the product's default, server/retention). */
  retention?: { years: number; source: string };
  /** Which certificates the tenant issues (absent: a per-year hour certificate, product decision). */
  certificates?: CertificatePolicy;
  /** When the people short of hours are reminded (absent: no reminders). */
  reminders?: ReminderPolicy;
  /** How long a self-registration waits for its decision (absent: 30 days, product decision). */
  registration?: RegistrationPolicy;
  /** Years another tenant certified, moved here with a person (absent: each is reviewed, REVIEW). */
  transferIn?: TransferInPolicy;
}

/**
 * Self-registration (issue 15; 002 四、(二), 004 三、(二)): a professional's sign-up, or a
 * unit's or department's application, that nobody decided within `pendingDays` of signing up
 * expires: it can no longer be approved, and the applicant may sign up again.
 */
export interface RegistrationPolicy {
  pendingDays: number;
  source: string;
}

/**
 * A person who moves here from another tenant of the platform brings that tenant's certified
 * years (server/moves). `ACCEPT`: they count in title windows as the issuing tenant certified
 * them; `REVIEW`: each counts once an official here has accepted it (Linyi 000 八、4: earlier
 * hours of people transferred in are reviewed and confirmed).
 */
export interface TransferInPolicy {
  certifiedYears: 'ACCEPT' | 'REVIEW';
  source: string;
}

/**
 * Certificates (issue 13): `YEAR` — one certificate per year (Jining's 学时证明, 002 四、(五));
 * `TITLE_WINDOW` — one certificate covering exactly the years the title panel requires, never
 * one a year (Binzhou's 继续教育合格证, 004 三、(四)). `requireComplete`: only complete years
 * (a pass certificate) or any certified year (a record of hours). `title`: the printed name.
 */
export interface CertificatePolicy {
  scope: 'YEAR' | 'TITLE_WINDOW';
  title: string;
  requireComplete: boolean;
  source: string;
}

/**
 * Deadline reminders (issue 13): the days before the yearly deadline, and before a title
 * applicant's own deadline (absent: the same days), on which whoever is short is reminded.
 */
export interface ReminderPolicy {
  daysBefore: number[];
  titleDaysBefore?: number[];
  source: string;
}

/**
 * Training providers (继续教育基地、施教机构): a project filed fewer than `filingLeadWorkingDays`
 * working days before it starts earns no hours (Jining 002 五、).
 */
export interface ProviderPolicy {
  filingLeadWorkingDays?: number;
  source: string;
}

/** Days the tenant declares non-working (a bureau-wide closure): no working day falls in them. */
export interface CalendarClosure {
  /** First and last day, inclusive ('YYYY-MM-DD'). */
  from: string;
  to: string;
  name: string;
  source: string;
}

export interface PolicyCalendar {
  closures: CalendarClosure[];
}
