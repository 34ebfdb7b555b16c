// The three requests of the status-lookup benchmark, shared by the benchmark (which sends
// them to the product's /graphql) and the bare baseline (which answers the same bodies
// with the same JSON): the GraphQL text, and the projection of a full answer onto what
// the query selects, field by field in the query's order.
import type { HoursEvaluation } from '../server/hours/hours.types';
import { encodeCursor } from '../server/platform/pagination';

export type Workload = 'status' | 'list' | 'typename';
export const WORKLOADS: readonly Workload[] = ['status', 'list', 'typename'];

/** What each workload is called in the report. */
export const WORKLOAD_LABELS: Record<Workload, string> = {
  status: 'completionStatus (API key)',
  list: 'professionals(first: 50) (token)',
  typename: '{__typename} (constant-JSON floor)',
};

/** Where the baseline answers each workload (the product answers all at /graphql). */
export const BARE_PATHS: Record<Workload, string> = { status: '/status', list: '/professionals', typename: '/typename' };

/** The year every completionStatus question asks about. */
export const STATUS_YEAR = 2025;
export const LIST_PAGE = 50;

export const STATUS_QUERY = `query Status($id: String!, $year: Int!) { completionStatus(idNumber: $id, year: $year) {
  idNumber name year
  evaluation { year status complete public { required credited shortfall } professional { required credited shortfall }
    activities { activityId kindName publicHours professionalHours } reasons policyRevision certified } } }`;

export const LIST_QUERY = `query List { professionals(first: ${LIST_PAGE}) {
  nodes { id idNumber name gender birthDate titleLevel titleSeries status joinedUnitOn }
  pageInfo { hasNextPage endCursor } } }`;

export const TYPENAME_QUERY = '{ __typename }';

/** The floor's constant answer (what the product answers to TYPENAME_QUERY). */
export const TYPENAME_ANSWER = '{"data":{"__typename":"Query"}}';

export function statusBody(idNumber: string): string {
  return JSON.stringify({ query: STATUS_QUERY, variables: { id: idNumber, year: STATUS_YEAR } });
}
/** Whether a completionStatus answer holds a status (checked on a sample of the answers under load). */
export function checkStatusAnswer(body: string): string | null {
  const parsed = JSON.parse(body) as { data?: { completionStatus?: { evaluation?: { status?: string } } }; errors?: unknown };
  return parsed.errors || typeof parsed.data?.completionStatus?.evaluation?.status !== 'string' ? 'no completion status' : null;
}
export const LIST_BODY = JSON.stringify({ query: LIST_QUERY });
export const TYPENAME_BODY = JSON.stringify({ query: TYPENAME_QUERY });

/** completionStatus's answer as STATUS_QUERY selects it. */
export function toStatusAnswer(s: { idNumber: string; name: string; year: number; evaluation: HoursEvaluation }) {
  const e = s.evaluation;
  const subject = (x: HoursEvaluation['public']) => ({ required: x.required, credited: x.credited, shortfall: x.shortfall });
  return {
    completionStatus: {
      idNumber: s.idNumber,
      name: s.name,
      year: s.year,
      evaluation: {
        year: e.year,
        status: e.status,
        complete: e.complete,
        public: subject(e.public),
        professional: subject(e.professional),
        activities: e.activities.map((a) => ({ activityId: a.activityId, kindName: a.kindName, publicHours: a.publicHours, professionalHours: a.professionalHours })),
        reasons: e.reasons,
        policyRevision: e.policyRevision,
        certified: e.certified,
      },
    },
  };
}

/** A professional's columns as the list's SQL selects them. */
export interface ListRow {
  id: string;
  id_number: string;
  name: string;
  gender: string;
  birth_date: string;
  title_level: string;
  title_series: string;
  status: string;
  joined_unit_on: string;
  unit_path: string;
}

/** professionals' answer as LIST_QUERY selects it, from LIST_PAGE + 1 rows (the extra one tells there is more). */
export function toListAnswer(rows: readonly ListRow[]) {
  const nodes = rows.slice(0, LIST_PAGE);
  const last = nodes[nodes.length - 1];
  return {
    professionals: {
      nodes: nodes.map((r) => ({
        id: r.id,
        idNumber: r.id_number,
        name: r.name,
        gender: r.gender,
        birthDate: r.birth_date,
        titleLevel: r.title_level,
        titleSeries: r.title_series,
        status: r.status,
        joinedUnitOn: r.joined_unit_on,
      })),
      pageInfo: { hasNextPage: rows.length > LIST_PAGE, endCursor: last ? encodeCursor([last.unit_path, last.id]) : null },
    },
  };
}
