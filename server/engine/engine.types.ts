// Inputs and outputs of the hours engine.
import type { TitleLevel, TitleRoute, TitleSeries } from './titles';
import type { ParamValue, PolicyDocument, Regime, Subject } from './policy.types';
import type { WorkingCalendar } from './working-calendar';

export interface ActivityInput {
  id: string;
  kind: string;
  /** The year the activity counts in (credit regime: the year the professional chose). */
  year: number;
  date?: string;
  params: Record<string, ParamValue>;
  /** The day it was recorded on the platform ('YYYY-MM-DD'); a title deadline also excludes what was recorded after it. */
  recordedOn?: string;
  /**
   * The hours a reviewer set for it (adjustDeclaration): they replace what the kind's rule gives,
   * before caps and groups; the activity must still count in the year (conditions, dates).
   */
  adjustedHours?: SubjectHours;
}

export type { EmployerType } from './titles';

export interface ProfileInput {
  titleLevel: TitleLevel;
  titleSeries: TitleSeries;
  sector?: string;
  /** Usually an EmployerType; any other text is kept as given (policy profile rules compare texts). */
  employerType?: string;
  flags?: string[];
  /** When the current title was obtained ('YYYY-MM-DD'), from the title history; tenure-based windows read it. */
  titleObtainedOn?: string;
}

/** The title application a year is judged for (target level, route, application year). */
export interface ApplicationContext {
  targetLevel: TitleLevel;
  route: TitleRoute;
  applicationYear: number;
}

export interface SubjectHours {
  PUBLIC: number;
  PROFESSIONAL: number;
}

export interface CapCut {
  cap: string;
  cut: number;
}

export interface ActivityResult {
  activityId: string;
  kind: string;
  hoursEarned: SubjectHours;
  ruleApplied: { text: string; source: string };
  /** Shared frozen empty array when nothing was cut (saves two allocations per activity). */
  cappedBy: readonly CapCut[];
  notes: readonly string[];
}

export interface SubjectStatus {
  required: number;
  credited: number;
  shortfall: number;
  /** Requirement met by a deemed-complete case rather than by hours. */
  deemed?: boolean;
}

export interface Exemption {
  scope: 'YEAR' | Subject;
  reason: string;
  source: string;
  activityId?: string;
}

export interface CreditWindowStatus {
  years: number[];
  required: number;
  earned: number;
  passed: boolean;
  source: string;
}

export interface YearEvaluation {
  year: number;
  regime: Regime;
  subjects: Record<Subject, SubjectStatus>;
  complete: boolean;
  /** The year is exempt (exempt: true) or deemed complete by a rule: no shortfall in either subject. */
  deemedComplete?: { reason: string; source: string; exempt: boolean };
  exemptions: Exemption[];
  /** The tenant sets no requirement for this person this year (Corps: private enterprises): neither complete nor short. */
  noRequirement?: { reason: string; source: string };
  /** Credit regime only: this year's credits and the multi-year windows containing it. */
  credits?: { earned: number; windows: CreditWindowStatus[] };
  activities: ActivityResult[];
  reasons: string[];
}

export interface EvaluateYearInput {
  policy: PolicyDocument;
  profile: ProfileInput;
  /** All of the person's activities; other years' are used for "counts once" and lifetime caps. */
  activities: readonly ActivityInput[];
  year: number;
  today?: string;
  /** Activities dated after this day do not count (title deadline). Defaults to Dec 31 of the year. */
  deadline?: string;
  /** Evidence keys already counted outside the given activities ("kind:key"). */
  priorEvidenceKeys?: readonly string[];
  /** The title application this year is judged for, if any (face-to-face class level, route rules). */
  application?: ApplicationContext;
  /** The statutory working-day calendar (working-day conditions); without it no working day can be counted. */
  calendar?: WorkingCalendar;
}

export interface IntegrityPeriod {
  from: string;
  to: string;
  reason?: string;
}

export type TitleYearStatus = 'COMPLETE' | 'INCOMPLETE' | 'AVERAGED' | 'CREDITS_PASSED' | 'CREDITS_FAILED' | 'NO_POLICY' | 'NO_REQUIREMENT';

export interface TitleYearResult {
  year: number;
  status: TitleYearStatus;
  evaluation?: YearEvaluation;
  reason: string;
  /** The issuers of the moved years (RecognizedYear) that counted in this year's verdict. */
  movedFrom?: string[];
}

export interface TitleEligibilityInput {
  policy: PolicyDocument;
  profile: ProfileInput;
  activities?: readonly ActivityInput[];
  activitiesByYear?: Readonly<Record<number, readonly ActivityInput[]>>;
  targetLevel: TitleLevel;
  applicationYear: number;
  requiredTenureYears?: number;
  integrityRecord?: readonly IntegrityPeriod[];
  /** Binzhou: title applicants must complete before they file. */
  filingDate?: string;
  /** The application's route; defaults to normal review. */
  route?: TitleRoute;
  today?: string;
  priorEvidenceKeys?: readonly string[];
  /** The statutory working-day calendar, as for evaluateYear. */
  calendar?: WorkingCalendar;
  /**
   * Years another tenant of the platform certified, brought along when the person moved here
   * (server/moves). Which of them count is the tenant's `transferIn` policy, applied before the
   * engine: those that do not count yet are given with `pending`, and only explained.
   */
  recognizedYears?: readonly RecognizedYear[];
}

/** A year certified by another tenant and moved here with the person (read-only history). */
export interface RecognizedYear {
  year: number;
  publicHours: number;
  professionalHours: number;
  /** The issuing tenant's verdict on the year. */
  complete: boolean;
  /** Who certified it and under what, as explanations name it: "临沂市（第2版政策）". */
  issuer: string;
  /** Not counted: the tenant reviews moved years and no official has accepted this one yet. */
  pending?: boolean;
}

/** A year of the policy's full window that was not checked, and why (tenure shorter than the window). */
export interface YearNotChecked {
  year: number;
  reason: string;
}

/** An activity of the application year left out by the title deadline. */
export interface ExcludedActivity {
  activityId: string;
  kind: string;
  date?: string;
  recordedOn?: string;
  reason: string;
}

export interface TitleEligibility {
  eligible: boolean;
  yearsChecked: number[];
  yearsNotChecked: YearNotChecked[];
  excludedActivities: ExcludedActivity[];
  years: TitleYearResult[];
  average?: { years: number[]; total: number; perYear: number; required: number; passed: boolean };
  /** The integrity-record period the application falls in (it blocks the application), if any. */
  integrityBlock?: IntegrityPeriod;
  reasons: string[];
}

export interface ParamError {
  field: string;
  code: 'UNKNOWN_KIND' | 'UNKNOWN_FIELD' | 'REQUIRED' | 'INVALID_TYPE' | 'NOT_ALLOWED' | 'TOO_SMALL' | 'TOO_LARGE' | 'INVALID_DATE';
  message: string;
}
