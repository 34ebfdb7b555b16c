// Who is short of hours in a year (the `shortfalls` query). One row per person,
// so the person's id is the row's id. A page may hold fewer rows than asked
// (the server bounds each request's work); the pager follows hasNextPage.
import type { ResourceData } from '../providers/data-provider';
import { gql } from '../providers/graphql';
import { type Connection, listKey, pageOf } from '../providers/pagination';

export interface ShortfallRecord {
  id: string;
  professionalId: string;
  name: string;
  idNumber: string;
  unitId: string;
  unitName: string;
  titleLevel: string;
  titleSeries: string;
  year: number;
  deadline: string;
  daysLeft: number;
  deadlineReason: string;
  titleApplicationId: string | null;
  targetLevel: string | null;
  publicCredited: number;
  publicShortfall: number;
  professionalCredited: number;
  professionalShortfall: number;
  reasons: string[];
  certified: boolean;
}

const FIELDS = `professionalId name idNumber unitId unitName titleLevel titleSeries year deadline daysLeft deadlineReason titleApplicationId targetLevel publicCredited publicShortfall professionalCredited professionalShortfall reasons certified`;
const LIST = `query Shortfalls($year: Int!, $filter: ShortfallFilter, $first: Int!, $after: String) {
  shortfalls(year: $year, filter: $filter, first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } }
}`;

/** The list's filter as the query's year and ShortfallFilter (also the Excel export's arguments). */
export function shortfallArgs(values: Record<string, unknown> | undefined): { year: number; filter: Record<string, unknown> } {
  const year = Number(values?.year) || new Date().getFullYear();
  const filter: Record<string, unknown> = {};
  if (values?.unitId) filter.unitId = values.unitId;
  if (values?.titleSeries) filter.titleSeries = values.titleSeries;
  return { year, filter };
}

export const shortfallsData: ResourceData = {
  async getList(params) {
    const { year, filter } = shortfallArgs(params.filter);
    return pageOf(listKey('shortfalls', params), params, async (first, after) => {
      const page = (await gql<{ shortfalls: Connection<Omit<ShortfallRecord, 'id'>> }>(LIST, { year, filter, first, after })).shortfalls;
      return { ...page, nodes: page.nodes.map((n) => ({ ...n, id: n.professionalId })) };
    });
  },
};
