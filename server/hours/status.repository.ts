// A completion question about one person and year in one statement: the person (with their
// unit's employer type), the year's certified result if any, otherwise every recorded
// activity up to that year, and the tenant's latest policy revision number (so that a cached
// policy is known to be current without asking again).
import type { ActivityInput } from '../engine';
import { queryOne, type Queryable } from '../platform/sql';
import { ACTIVITY_LIST, decodeActivityList } from './activity-list';
import { PERSON_COLUMNS, toPerson, type Person, type PersonRow } from './hours.repository';
import type { HoursEvaluation } from './hours.types';

export interface StatusFacts {
  person: Person;
  /** The certified result of the year, or null (then `activities` holds what the engine needs). */
  certified: HoursEvaluation | null;
  activities: ActivityInput[];
  /** The tenant's latest policy revision number; null when none is published. */
  latestRevision: number | null;
}

const STATUS_SQL = `SELECT ${PERSON_COLUMNS}, c.result AS certified,
    CASE WHEN c.result IS NULL THEN
      (SELECT ${ACTIVITY_LIST} FROM activity a WHERE a.professional_id = p.id AND a.year <= $2 AND a.withdrawn_at IS NULL)
    END AS activities,
    (SELECT max(r.revision) FROM policy_revision r) AS latest_revision
  FROM professional p
  JOIN org_node u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id
  LEFT JOIN year_certification c ON c.tenant_id = p.tenant_id AND c.professional_id = p.id AND c.year = $2 AND c.revoked_at IS NULL
 WHERE p.id_number = $1`;

interface StatusRow extends PersonRow {
  certified: HoursEvaluation | null;
  activities: string | null;
  latest_revision: number | null;
}

/** The facts of `idNumber`'s `year`, or null when no such person is visible. */
export async function findStatusFacts(db: Queryable, idNumber: string, year: number): Promise<StatusFacts | null> {
  const row = await queryOne<StatusRow>(db, STATUS_SQL, [idNumber, year]);
  if (!row) return null;
  return { person: toPerson(row), certified: row.certified, activities: decodeActivityList(row.activities), latestRevision: row.latest_revision };
}
