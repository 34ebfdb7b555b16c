// The reads of completion statistics that hours.repository.ts does not already make: the
// organisations a scope is split into, and the people of a subtree walked in keyset pages
// (their activities and certified years come from HoursRepository, a page at a time).
import { subtreeEnd } from '../platform/actor';
import { queryOne, queryRows, type Queryable } from '../platform/sql';
import type { OrgKind } from '../organisations/organisations.types';

export interface StatisticsGroup {
  id: string;
  name: string;
  kind: OrgKind;
  path: string;
}

/** A unit of a subtree, with the organisation it sits under. */
export interface StatisticsUnit {
  id: string;
  name: string;
  path: string;
  parentName: string | null;
}

export interface ScannedPerson {
  id: string;
  unitPath: string;
}

export class StatisticsRepository {
  /** The direct children of an organisation, by name. */
  async children(db: Queryable, parentId: string): Promise<StatisticsGroup[]> {
    return queryRows<StatisticsGroup>(db, `SELECT id, name, kind, path FROM org_node WHERE parent_id = $1 ORDER BY name COLLATE "C", id`, [parentId]);
  }

  /** Every unit of a subtree, in tree order. */
  async unitsUnder(db: Queryable, path: string): Promise<StatisticsUnit[]> {
    return queryRows<StatisticsUnit>(
      db,
      `SELECT u.id, u.name, u.path, p.name AS "parentName"
         FROM org_node u LEFT JOIN org_node p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
        WHERE u.kind = 'UNIT' AND u.path >= $1 AND u.path < $2
        ORDER BY u.path COLLATE "C"`,
      [path, subtreeEnd(path)],
    );
  }

  /** Active professionals of a subtree, by (unit path, id) after the keyset position. */
  async peoplePage(db: Queryable, path: string, after: readonly [string, string] | null, limit: number): Promise<ScannedPerson[]> {
    return queryRows<ScannedPerson>(
      db,
      `SELECT id, unit_path AS "unitPath" FROM professional
        WHERE status = 'ACTIVE' AND unit_path >= $1 AND unit_path < $2
          AND ($4::text IS NULL OR (unit_path, id) > ($4::text, $5::uuid))
        ORDER BY unit_path, id LIMIT $3`,
      [path, subtreeEnd(path), limit, after?.[0] ?? null, after?.[1] ?? null],
    );
  }

  async countPeople(db: Queryable, path: string): Promise<number> {
    const row = await queryOne<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM professional WHERE status = 'ACTIVE' AND unit_path >= $1 AND unit_path < $2`,
      [path, subtreeEnd(path)],
    );
    return row?.n ?? 0;
  }
}
