// Training projects filed by providers (or the platform's own courses) and
// their completions, read-only for the bureau.
import type { ResourceData } from '../providers/data-provider';
import { gql } from '../providers/graphql';
import { type Connection, listKey, pageOf } from '../providers/pagination';

export interface TrainingProjectRecord {
  id: string;
  source: 'PROVIDER' | 'PLATFORM';
  providerId: string | null;
  providerName: string;
  title: string;
  kind: string;
  kindName: string;
  subject: 'PUBLIC' | 'PROFESSIONAL';
  hours: number;
  startDate: string;
  endDate: string;
  audience: string;
  venue: string;
  filedAt: string;
  filedOn: string;
  onTime: boolean;
  lateReason: string | null;
  leadWorkingDays: number | null;
  workingDaysBefore: number | null;
  calendarNote: string | null;
}

export interface TrainingCompletionRecord {
  professionalId: string;
  name: string;
  idNumber: string;
  completedOn: string;
  hours: number;
  activityId: string | null;
  batchId: string;
  reportedAt: string;
}

const FIELDS = 'id source providerId providerName title kind kindName subject hours startDate endDate audience venue filedAt filedOn onTime lateReason leadWorkingDays workingDaysBefore calendarNote';
const LIST = `query TrainingProjects($filter: TrainingProjectFilter, $first: Int!, $after: String) {
  trainingProjects(filter: $filter, first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } totalCount }
}`;
const ONE = `query TrainingProject($id: ID!) { trainingProject(id: $id) { ${FIELDS} } }`;
const COMPLETIONS = `query TrainingCompletions($projectId: ID!, $first: Int!, $after: String) {
  trainingCompletions(projectId: $projectId, first: $first, after: $after) {
    nodes { professionalId name idNumber completedOn hours activityId batchId reportedAt } pageInfo { endCursor hasNextPage } totalCount
  }
}`;

function projectFilter(filter: Record<string, unknown> | undefined) {
  const out: Record<string, unknown> = {};
  if (filter?.year) out.year = Number(filter.year);
  if (filter?.onTime === true || filter?.onTime === false) out.onTime = filter.onTime;
  if (filter?.onTime === 'true' || filter?.onTime === 'false') out.onTime = filter.onTime === 'true';
  if (filter?.source) out.source = filter.source;
  if (filter?.providerId) out.providerId = filter.providerId;
  return Object.keys(out).length ? out : null;
}

export const trainingProjectsData: ResourceData = {
  getList: (params) =>
    pageOf(listKey('trainingProjects', params), params, (first, after) =>
      gql<{ trainingProjects: Connection<TrainingProjectRecord> }>(LIST, { filter: projectFilter(params.filter), first, after }).then((d) => d.trainingProjects),
    ),
  async getOne({ id }) {
    const { trainingProject } = await gql<{ trainingProject: TrainingProjectRecord | null }>(ONE, { id });
    if (!trainingProject) throw new Error('ra.notification.item_doesnt_exist');
    return { data: trainingProject };
  },
};

export async function loadCompletions(projectId: string, first: number, after: string | null): Promise<Connection<TrainingCompletionRecord>> {
  return (await gql<{ trainingCompletions: Connection<TrainingCompletionRecord> }>(COMPLETIONS, { projectId, first, after })).trainingCompletions;
}
