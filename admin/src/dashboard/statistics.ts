// completionStatistics: an official's scope (or one organisation under it) for a year.
import { gql } from '../providers/graphql';

export interface OrganisationCompletion {
  organisationId: string;
  name: string;
  kind: string;
  headcount: number;
  complete: number;
  noRequirement: number;
  rate: number;
}

export interface CompletionStatistics {
  year: number;
  organisationId: string;
  byOrganisation: OrganisationCompletion[];
  hoursByKind: { kind: string; label: string; hours: number; people: number }[];
  shortfallDistribution: { label: string; from: number; to: number; count: number }[];
  scanned: number;
  total: number;
  complete: boolean;
}

const QUERY = `query CompletionStatistics($year: Int!, $under: ID) { completionStatistics(year: $year, under: $under) {
  year organisationId scanned total complete
  byOrganisation { organisationId name kind headcount complete noRequirement rate }
  hoursByKind { kind label hours people }
  shortfallDistribution { label from to count } } }`;

export async function loadStatistics(year: number, under: string | null): Promise<CompletionStatistics> {
  return (await gql<{ completionStatistics: CompletionStatistics }>(QUERY, { year, under })).completionStatistics;
}
