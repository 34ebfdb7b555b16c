// The activity kinds a tenant's policy offers for a year, with the parameters a
// declaration (or the calculator) asks for. Shared by the professional's pages
// and the review queue; kept for the session, since policies change rarely.
import { gql } from '../providers/graphql';

export interface ParamSpec {
  name: string;
  type: 'INT' | 'NUMBER' | 'STRING' | 'ENUM' | 'BOOL' | 'DATE';
  label: string;
  required: boolean;
  values: { value: string; label: string }[] | null;
  min: number | null;
  max: number | null;
}

export interface ActivityKind {
  code: string;
  name: string;
  subject: 'PUBLIC' | 'PROFESSIONAL' | 'SPLIT' | 'FLEXIBLE';
  source: string;
  params: ParamSpec[];
}

const kindsCache = new Map<number, Promise<ActivityKind[]>>();

export function activityKinds(year: number): Promise<ActivityKind[]> {
  let kinds = kindsCache.get(year);
  if (!kinds) {
    kinds = gql<{ activityKinds: ActivityKind[] }>(
      `query Kinds($year: Int!) { activityKinds(year: $year) { code name subject source params { name type label required values { value label } min max } } }`,
      { year },
    ).then((d) => d.activityKinds);
    kinds.catch(() => kindsCache.delete(year));
    kindsCache.set(year, kinds);
  }
  return kinds;
}
