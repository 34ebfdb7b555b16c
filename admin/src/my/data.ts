// The professional's own records: who they are, a year's evaluation by the
// hours engine (with its explanation lines), the hours calculator and their
// title applications. The fields asked for are the ones the pages show.
import { gql } from '../providers/graphql';

export interface SubjectStatus {
  required: number;
  credited: number;
  shortfall: number;
  deemed: boolean;
}

export interface ActivityHours {
  activityId: string;
  kind: string;
  kindName: string;
  publicHours: number;
  professionalHours: number;
  rule: string;
  source: string;
  cappedBy: { cap: string; cut: number }[];
  notes: string[];
}

export interface Evaluation {
  year: number;
  regime: 'HOURS' | 'CREDITS';
  complete: boolean;
  status: 'COMPLETE' | 'INCOMPLETE' | 'NO_REQUIREMENT';
  noRequirement: string | null;
  public: SubjectStatus;
  professional: SubjectStatus;
  deemedComplete: string | null;
  exemptions: { scope: string; reason: string; source: string }[];
  creditsEarned: number | null;
  creditWindows: { years: number[]; required: number; earned: number; passed: boolean; source: string }[];
  activities: ActivityHours[];
  reasons: string[];
  certified: boolean;
}

export const EVALUATION = `year regime complete status noRequirement
  public { required credited shortfall deemed } professional { required credited shortfall deemed }
  deemedComplete exemptions { scope reason source } creditsEarned creditWindows { years required earned passed source }
  activities { activityId kind kindName publicHours professionalHours rule source cappedBy { cap cut } notes } reasons certified`;

const SUMMARY = `year status complete noRequirement deemedComplete public { required credited shortfall deemed } professional { required credited shortfall deemed }`;

export interface Me {
  id: string;
  idNumber: string;
  name: string;
  titleLevel: string;
  titleSeries: string;
}

let meOnce: Promise<Me> | null = null;

/** The signed-in professional (asked once per page load). */
export function loadMe(): Promise<Me> {
  meOnce ??= gql<{ me: { professional: Me | null } }>(`query Myself { me { professional { id idNumber name titleLevel titleSeries } } }`).then((d) => {
    if (!d.me.professional) throw new Error('not a professional');
    return d.me.professional;
  });
  meOnce.catch(() => (meOnce = null));
  return meOnce;
}

export async function loadYear(year: number): Promise<Evaluation> {
  const me = await loadMe();
  const d = await gql<{ completionStatus: { evaluation: Evaluation } }>(`query MyYear($year: Int!, $id: String!) { completionStatus(year: $year, idNumber: $id) { evaluation { ${EVALUATION} } } }`, { year, id: me.idNumber });
  return d.completionStatus.evaluation;
}

/** Several years' conclusions (one small request per year, in parallel); a year the server refuses is left out. */
export async function loadYears(years: number[]): Promise<Map<number, Pick<Evaluation, 'year' | 'status' | 'complete' | 'public' | 'professional' | 'noRequirement' | 'deemedComplete'>>> {
  const me = await loadMe();
  const out = new Map();
  const results = await Promise.all(
    years.map((y) =>
      gql<{ completionStatus: { evaluation: Evaluation } }>(`query MyYearSummary($year: Int!, $id: String!) { completionStatus(year: $year, idNumber: $id) { evaluation { ${SUMMARY} } } }`, { year: y, id: me.idNumber })
        .then((d) => d.completionStatus.evaluation)
        .catch(() => null),
    ),
  );
  for (const r of results) if (r) out.set(r.year, r);
  return out;
}

export { activityKinds as loadKinds, type ActivityKind, type ParamSpec } from '../shared/activity-kinds';

export interface PreviewInput {
  year: number;
  profile: { titleLevel: string; titleSeries: string };
  activities: { kind: string; date?: string; params: Record<string, unknown> }[];
}

export async function previewHours(input: PreviewInput): Promise<Evaluation> {
  const d = await gql<{ previewHours: Evaluation }>(`query Preview($input: PreviewHoursInput!) { previewHours(input: $input) { ${EVALUATION} } }`, { input });
  return d.previewHours;
}

export interface TitleApplication {
  id: string;
  targetLevel: string;
  targetSeries: string;
  applicationYear: number;
  route: string;
  filedOn: string | null;
  status: 'ACTIVE' | 'WITHDRAWN';
  createdAt: string;
}

export async function loadApplications(year: number): Promise<TitleApplication[]> {
  const me = await loadMe();
  const d = await gql<{ titleApplications: { nodes: TitleApplication[] } }>(
    `query MyApplications($year: Int!, $id: ID) { titleApplications(applicationYear: $year, professionalId: $id, first: 100) { nodes { id targetLevel targetSeries applicationYear route filedOn status createdAt } } }`,
    { year, id: me.id },
  );
  return d.titleApplications.nodes;
}

export interface Eligibility {
  eligible: boolean;
  targetLevel: string;
  route: string;
  filedOn: string | null;
  yearsChecked: number[];
  yearsNotChecked: { year: number; reason: string }[];
  excludedActivities: { activityId: string; kind: string; date: string | null; reason: string }[];
  years: { year: number; status: string; reason: string; certified: boolean; movedFrom: string | null }[];
  average: { years: number[]; total: number; perYear: number; required: number; passed: boolean } | null;
  integrityRecord: { from: string; until: string; reason: string | null } | null;
  reasons: string[];
}

export async function loadEligibility(applicationId: string): Promise<Eligibility> {
  const d = await gql<{ titleApplicationEligibility: Eligibility }>(
    `query MyEligibility($id: ID!) { titleApplicationEligibility(applicationId: $id) { eligible targetLevel route filedOn yearsChecked yearsNotChecked { year reason } excludedActivities { activityId kind date reason } years { year status reason certified movedFrom } average { years total perYear required passed } integrityRecord { from until reason } reasons } }`,
    { id: applicationId },
  );
  return d.titleApplicationEligibility;
}

/** This year and the four before it, newest first. */
export function recentYears(count = 5): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: count }, (_, i) => now - i);
}

/** Hours as the console shows them: at most one decimal. */
export const fmt = (n: number) => (Math.round(n * 10) / 10).toString();
