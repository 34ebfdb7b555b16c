// Every query of spot checks. The draw is set-based: each department's recorded declarations
// of the year, in an order fixed by md5(seed:id) (the same seed over the same declarations
// gives the same order, a new seed a new one), the first ⌈p% × n⌉ of each; one INSERT … SELECT
// writes the check and its items from one snapshot.
import { changedRows, queryOne, queryRows, type Queryable } from '../platform/sql';
import type { SpotCheckGroupView, SpotCheckItemView, SpotCheckOutcome, SpotCheckView } from './verification.types';

export interface DrawQuery {
  year: number;
  seed: string;
  /** null: every department, and the bureau for the units directly under it */
  departmentIds: string[] | null;
  percentage: number;
}

/** $1 year, $2 seed, $3 departments, $4 percentage: the ranked population and the drawn part. */
const RANKED = `
  pop AS (
    SELECT d.id, COALESCE(g.id, b.id) AS group_id, COALESCE(g.name, b.name) AS group_name
      FROM declaration d
      JOIN org_node u ON u.tenant_id = d.tenant_id AND u.id = d.unit_id
      JOIN org_node b ON b.tenant_id = d.tenant_id AND b.kind = 'BUREAU'
      -- the department a unit belongs to: its ancestor one level below the bureau, when that is a department
      LEFT JOIN org_node g ON g.tenant_id = d.tenant_id AND g.kind = 'DEPARTMENT'
        AND g.path = '/' || split_part(u.path, '/', 2) || '/' || split_part(u.path, '/', 3) || '/'
     WHERE d.status = 'RECORDED' AND d.year = $1
  ),
  ranked AS (
    SELECT id, group_id, group_name,
           row_number() OVER (PARTITION BY group_id ORDER BY md5($2::text || ':' || id::text), id)::int AS position,
           count(*) OVER (PARTITION BY group_id)::int AS population
      FROM pop WHERE $3::uuid[] IS NULL OR group_id = ANY($3::uuid[])
  ),
  drawn AS (SELECT * FROM ranked WHERE position <= ceil(population * $4::numeric / 100))`;

const GROUPS = `SELECT group_id AS "departmentId", group_name AS "departmentName", max(population)::int AS population,
    count(*) FILTER (WHERE position <= ceil(population * $4::numeric / 100))::int AS drawn
  FROM ranked GROUP BY group_id, group_name ORDER BY group_name, group_id`;

interface CheckRow {
  id: string;
  check_no: string;
  year: number;
  percentage: number;
  seed: string;
  department_ids: string[] | null;
  population: number;
  item_count: number;
  groups: SpotCheckGroupView[];
  pending: number;
  passed: number;
  failed: number;
  drawn_by: string;
  drawn_at: Date;
}

const SELECT_CHECK = `SELECT c.id, c.check_no::text AS check_no, c.year, c.percentage::float8 AS percentage, c.seed, c.department_ids::text[] AS department_ids,
    c.population, c.item_count, c.groups, c.drawn_by, c.drawn_at,
    (SELECT count(*) FILTER (WHERE i.outcome IS NULL)::int FROM spot_check_item i WHERE i.tenant_id = c.tenant_id AND i.spot_check_id = c.id) AS pending,
    (SELECT count(*) FILTER (WHERE i.outcome = 'PASSED')::int FROM spot_check_item i WHERE i.tenant_id = c.tenant_id AND i.spot_check_id = c.id) AS passed,
    (SELECT count(*) FILTER (WHERE i.outcome = 'FAILED')::int FROM spot_check_item i WHERE i.tenant_id = c.tenant_id AND i.spot_check_id = c.id) AS failed
  FROM spot_check c`;

function toCheck(row: CheckRow): SpotCheckView {
  return {
    id: row.id,
    checkNo: row.check_no,
    year: row.year,
    percentage: row.percentage,
    seed: row.seed,
    departmentIds: row.department_ids,
    population: row.population,
    itemCount: row.item_count,
    departments: row.groups,
    pending: row.pending,
    passed: row.passed,
    failed: row.failed,
    drawnById: row.drawn_by,
    drawnAt: row.drawn_at,
  };
}

interface ItemRow {
  id: string;
  spot_check_id: string;
  group_id: string;
  group_name: string;
  position: number;
  declaration_id: string;
  outcome: 'PASSED' | 'FAILED' | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
}

const SELECT_ITEM = `SELECT i.id, i.spot_check_id, i.group_id, g.name AS group_name, i.position, i.declaration_id, i.outcome, i.reason, i.decided_by, i.decided_at
  FROM spot_check_item i JOIN org_node g ON g.tenant_id = i.tenant_id AND g.id = i.group_id`;

function toItem(row: ItemRow): SpotCheckItemView {
  return {
    id: row.id,
    spotCheckId: row.spot_check_id,
    departmentId: row.group_id,
    departmentName: row.group_name,
    position: row.position,
    declarationId: row.declaration_id,
    outcome: row.outcome ?? 'PENDING',
    reason: row.reason,
    decidedById: row.decided_by,
    decidedAt: row.decided_at,
  };
}

/** $2: an outcome (PENDING: none yet) or null for all. */
const OUTCOME_FILTER = `($2::text IS NULL OR ($2 = 'PENDING' AND i.outcome IS NULL) OR i.outcome = $2)`;

export class SpotChecksRepository {
  /** The ids among these that name a sampling group: a department one level below the bureau, or the bureau. */
  async groupIds(em: Queryable, ids: readonly string[]): Promise<Set<string>> {
    const rows = await queryRows<{ id: string }>(em, `SELECT id FROM org_node WHERE id = ANY($1::uuid[]) AND (kind = 'BUREAU' OR (kind = 'DEPARTMENT' AND depth = 1))`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** What a draw would take, per department (the bound is checked before anything is written). */
  async drawSize(em: Queryable, q: DrawQuery): Promise<SpotCheckGroupView[]> {
    return queryRows<SpotCheckGroupView>(em, `WITH ${RANKED} ${GROUPS}`, [q.year, q.seed, q.departmentIds, q.percentage]);
  }

  /** Writes the check and its items from one snapshot; the id and how many items it drew. */
  async insertDraw(em: Queryable, q: DrawQuery, tenantId: string, drawnBy: string): Promise<{ id: string; itemCount: number }> {
    const row = await queryOne<{ id: string; item_count: number }>(
      em,
      `WITH ${RANKED},
       grp AS (${GROUPS}),
       chk AS (
         INSERT INTO spot_check (tenant_id, year, percentage, seed, department_ids, population, item_count, groups, drawn_by)
         SELECT $5, $1, $4, $2, $3::uuid[], (SELECT count(*) FROM ranked), (SELECT count(*) FROM drawn),
                COALESCE((SELECT json_agg(grp) FROM grp), '[]'), $6
         RETURNING id, item_count
       ),
       ins AS (
         INSERT INTO spot_check_item (tenant_id, spot_check_id, group_id, position, declaration_id)
         SELECT $5, chk.id, drawn.group_id, drawn.position, drawn.id FROM drawn CROSS JOIN chk
       )
       SELECT id, item_count FROM chk`,
      [q.year, q.seed, q.departmentIds, q.percentage, tenantId, drawnBy],
    );
    return { id: row!.id, itemCount: row!.item_count };
  }

  async findCheck(em: Queryable, id: string): Promise<SpotCheckView | null> {
    const row = await queryOne<CheckRow>(em, `${SELECT_CHECK} WHERE c.id = $1`, [id]);
    return row && toCheck(row);
  }

  /** Newest first, after the keyset position (check number). */
  async checkPage(em: Queryable, afterNo: string | null, limit: number): Promise<SpotCheckView[]> {
    const rows = await queryRows<CheckRow>(em, `${SELECT_CHECK} WHERE ($1::bigint IS NULL OR c.check_no < $1::bigint) ORDER BY c.check_no DESC LIMIT $2`, [afterNo, limit]);
    return rows.map(toCheck);
  }

  async countChecks(em: Queryable): Promise<number> {
    return (await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM spot_check`))?.n ?? 0;
  }

  async findItem(em: Queryable, id: string): Promise<SpotCheckItemView | null> {
    const row = await queryOne<ItemRow>(em, `${SELECT_ITEM} WHERE i.id = $1`, [id]);
    return row && toItem(row);
  }

  /** A check's items by (department, position), after the keyset position, of one outcome or all. */
  async itemPage(em: Queryable, checkId: string, outcome: SpotCheckOutcome | null, after: readonly string[] | null, limit: number): Promise<SpotCheckItemView[]> {
    const rows = await queryRows<ItemRow>(
      em,
      `${SELECT_ITEM} WHERE i.spot_check_id = $1 AND ${OUTCOME_FILTER}
          AND ($4::uuid IS NULL OR (i.group_id, i.position) > ($4::uuid, $5::int))
        ORDER BY i.group_id, i.position LIMIT $3`,
      [checkId, outcome, limit, after?.[0] ?? null, after?.[1] ?? null],
    );
    return rows.map(toItem);
  }

  async countItems(em: Queryable, checkId: string, outcome: SpotCheckOutcome | null): Promise<number> {
    const row = await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM spot_check_item i WHERE i.spot_check_id = $1 AND ${OUTCOME_FILTER}`, [checkId, outcome]);
    return row?.n ?? 0;
  }

  /** Records an item's outcome if it has none yet; false when it has (the first outcome stands). */
  async decide(em: Queryable, id: string, outcome: 'PASSED' | 'FAILED', reason: string | null, decidedBy: string): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      em,
      `UPDATE spot_check_item SET outcome = $2, reason = $3, decided_by = $4, decided_at = now() WHERE id = $1 AND outcome IS NULL RETURNING id`,
      [id, outcome, reason, decidedBy],
    );
    return rows.length === 1;
  }
}
