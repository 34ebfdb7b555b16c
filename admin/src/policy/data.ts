// The policy as the bureau reads and changes it: the year's version (policy),
// its kinds, the statutory calendar, the publication history, the impact of a
// draft (policyImpact, the same input as publishPolicyVersion) and publishing.
import { gql } from '../providers/graphql';
import type { Connection } from '../providers/pagination';

/* The version document (server/policy/policy.schema.ts): only what the console reads or edits is typed. */
export interface Caps {
  perYear?: number;
  lifetime?: number;
}
export interface LookupTable {
  rows: string[];
  columns: string[];
  cells: Record<string, Record<string, number | null>>;
  labels?: Record<string, string>;
}
export interface Rule {
  type: string;
  hours?: number;
  perParam?: string;
  divisor?: number;
  hoursParam?: string;
  daysParam?: string;
  maxPerDay?: number;
  param?: string;
  values?: Record<string, number>;
  table?: LookupTable;
  brackets?: { below?: number; hours: number }[];
  beyond?: { from: number; every: number; add: number };
  perYear?: { PUBLIC: number; PROFESSIONAL: number };
  [key: string]: unknown;
}
export interface Kind {
  name: string;
  subject: string;
  source: string;
  rule: Rule;
  caps?: Caps;
  group?: string;
  [key: string]: unknown;
}
export interface Group {
  name: string;
  source: string;
  caps: { PUBLIC?: number; PROFESSIONAL?: number };
}
export interface Version {
  fromYear: number;
  regime: 'HOURS' | 'CREDITS';
  source: string;
  requirement: { PUBLIC: number; PROFESSIONAL: number; source: string };
  groups?: Record<string, Group>;
  kinds: Record<string, Kind>;
  [key: string]: unknown;
}

export interface PolicySource {
  key: string;
  number: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
}
export interface Policy {
  tenantName: string;
  revision: number;
  publishedAt: string;
  year: number;
  fromYear: number;
  regime: 'HOURS' | 'CREDITS';
  requiredPublic: number;
  requiredProfessional: number;
  deadline: string;
  deadlineSource: string;
  review: ReviewChain;
  calendarClosures: CalendarClosure[];
  /** the days before each deadline on which the people short of hours are reminded (null: none) */
  reminders: { daysBefore: number[]; titleDaysBefore: number[]; source: string } | null;
  sources: PolicySource[];
  version: Version;
}
export interface ReviewChain {
  levels: string[];
  source: string | null;
  routes: { series: string[]; kinds: string[]; employerTypes: string[]; departmentCode: string; source: string }[];
}
export interface CalendarClosure {
  from: string;
  to: string;
  name: string;
  source: string;
}
export interface ActivityKindInfo {
  code: string;
  name: string;
  subject: string;
  source: string;
}
export interface CalendarDay {
  date: string;
  name: string;
}
export interface WorkingCalendar {
  year: number;
  holidays: CalendarDay[];
  adjustedWorkdays: CalendarDay[];
  source: string;
  sourceVersion: string;
}
export interface PolicyRevision {
  revision: number;
  note: string | null;
  publishedAt: string;
}

export interface PublishInput {
  version?: Version;
  deadline?: { monthDay: string; source: string };
  note?: string;
  expectedRevision: number;
}

export interface ImpactVerdict {
  status: 'COMPLETE' | 'INCOMPLETE' | 'NO_REQUIREMENT';
  complete: boolean;
  publicHours: number;
  professionalHours: number;
  totalHours: number;
}
export interface ImpactChange {
  professionalId: string;
  name: string;
  idNumber: string;
  unitName: string;
  before: ImpactVerdict;
  after: ImpactVerdict;
}
export interface PolicyImpact {
  scanned: number;
  total: number;
  complete: boolean;
  changedCount: number;
  becameComplete: number;
  becameIncomplete: number;
  hoursChanged: number;
  changes: ImpactChange[];
}

const POLICY = `query BureauPolicy($year: Int!) {
  policy(year: $year) { tenantName revision publishedAt year fromYear regime requiredPublic requiredProfessional deadline deadlineSource
    review { levels source routes { series kinds employerTypes departmentCode source } } calendarClosures { from to name source }
    reminders { daysBefore titleDaysBefore source }
    sources { key number title issuer date } version }
  activityKinds(year: $year) { code name subject source }
}`;
const CALENDAR = `query WorkingCalendar($year: Int!) {
  workingCalendar(year: $year) { year holidays { date name } adjustedWorkdays { date name } source sourceVersion }
}`;
const REVISIONS = `query PolicyRevisions($first: Int!, $after: String) {
  policyRevisions(first: $first, after: $after) { nodes { revision note publishedAt } pageInfo { endCursor hasNextPage } totalCount }
}`;
const VERDICT = 'status complete publicHours professionalHours totalHours';
const IMPACT = `query PolicyImpact($input: PublishPolicyVersionInput!, $year: Int!, $first: Int) {
  policyImpact(input: $input, year: $year, first: $first) {
    scanned total complete changedCount becameComplete becameIncomplete hoursChanged
    changes { professionalId name idNumber unitName before { ${VERDICT} } after { ${VERDICT} } }
  }
}`;
const PUBLISH = `mutation PublishPolicyVersion($input: PublishPolicyVersionInput!) {
  publishPolicyVersion(input: $input) { revision note publishedAt }
}`;

export async function loadPolicy(year: number): Promise<{ policy: Policy; kinds: ActivityKindInfo[] }> {
  const d = await gql<{ policy: Policy; activityKinds: ActivityKindInfo[] }>(POLICY, { year });
  return { policy: d.policy, kinds: d.activityKinds };
}

export async function loadCalendar(year: number): Promise<WorkingCalendar> {
  return (await gql<{ workingCalendar: WorkingCalendar }>(CALENDAR, { year })).workingCalendar;
}

export async function loadRevisions(first: number, after: string | null): Promise<Connection<PolicyRevision & { id: string }>> {
  const c = (await gql<{ policyRevisions: Connection<PolicyRevision> }>(REVISIONS, { first, after })).policyRevisions;
  return { ...c, nodes: c.nodes.map((n) => ({ ...n, id: String(n.revision) })) };
}

/** Up to this many changed people are listed in the preview (the API's bound is 100). */
export const IMPACT_LIST = 100;

export async function loadImpact(input: PublishInput, year: number): Promise<PolicyImpact> {
  return (await gql<{ policyImpact: PolicyImpact }>(IMPACT, { input, year, first: IMPACT_LIST })).policyImpact;
}

export async function publish(input: PublishInput): Promise<PolicyRevision> {
  return (await gql<{ publishPolicyVersion: PolicyRevision }>(PUBLISH, { input })).publishPolicyVersion;
}
