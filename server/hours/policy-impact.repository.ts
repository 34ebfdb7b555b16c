// The people a policy impact preview judges: the tenant's active professionals in id order
// (keyset on the primary key), each as the engine sees them, with their unit's name.
import { type Queryable, queryOne, queryRows } from '../platform/sql';
import { type Person, PERSON_COLUMNS, type PersonRow, toPerson } from './hours.repository';

export interface ImpactPerson extends Person {
  unitName: string;
}

export class PolicyImpactRepository {
  /** Active professionals after `afterId` (null: from the first), by id. */
  async activePeoplePage(db: Queryable, afterId: string | null, limit: number): Promise<ImpactPerson[]> {
    const rows = await queryRows<PersonRow & { unit_name: string }>(
      db,
      `SELECT ${PERSON_COLUMNS}, u.name AS unit_name
         FROM professional p JOIN org_node u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id
        WHERE p.status = 'ACTIVE' AND ($1::uuid IS NULL OR p.id > $1::uuid)
        ORDER BY p.id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => ({ ...toPerson(row), unitName: row.unit_name }));
  }

  async countActive(db: Queryable): Promise<number> {
    return (await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM professional WHERE status = 'ACTIVE'`))?.n ?? 0;
  }
}
