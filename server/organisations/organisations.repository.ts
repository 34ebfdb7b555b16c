// Every query the organisations capability makes. Row-level security keeps
// them inside the current tenant; scope filters are added by the caller's path.
import { subtreeEnd } from '../platform/actor';
import { changedRows, execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import { isUuid } from '../platform/uuid';
import type { EmployerType } from '../engine/titles';
import { Organisation, OrgKind } from './organisations.types';

interface OrganisationRow {
  id: string;
  kind: OrgKind;
  name: string;
  code: string | null;
  parent_id: string | null;
  depth: number;
  employer_type: EmployerType | null;
  effective_employer_type: EmployerType | null;
  version: number;
  created_at: Date;
  path: string;
}

const COLUMNS = `id, kind, name, code, parent_id, depth, employer_type, effective_employer_type, version, created_at, path`;

export function toOrganisation(row: OrganisationRow): Organisation {
  return Object.assign(new Organisation(), {
    id: row.id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    parentId: row.parent_id,
    depth: row.depth,
    employerType: row.employer_type,
    effectiveEmployerType: row.effective_employer_type,
    version: row.version,
    createdAt: row.created_at,
    path: row.path,
  });
}

/** A list of nodes, already narrowed to the actor's scope by the service. */
export interface SubtreeQuery {
  /** the subtree at this path ([path, path~)) */
  path: string;
  /** only the node at `path` itself, nothing below it */
  exact?: boolean;
  kind?: OrgKind | null;
}

function subtreeWhere(q: SubtreeQuery, params: unknown[]): string {
  params.push(q.path);
  let where = `path = $${params.length}`;
  if (!q.exact) {
    params.push(subtreeEnd(q.path));
    where = `path >= $${params.length - 1} AND path < $${params.length}`;
  }
  if (q.kind) {
    params.push(q.kind);
    where += ` AND kind = $${params.length}`;
  }
  return where;
}

export class OrganisationsRepository {
  async findOne(em: Queryable, id: string): Promise<Organisation | null> {
    if (!isUuid(id)) return null;
    const row = await queryOne<OrganisationRow>(em, `SELECT ${COLUMNS} FROM org_node WHERE id = $1`, [id]);
    return row && toOrganisation(row);
  }

  async findMany(em: Queryable, ids: readonly string[]): Promise<Organisation[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows = await queryRows<OrganisationRow>(em, `SELECT ${COLUMNS} FROM org_node WHERE id = ANY($1::uuid[])`, [valid]);
    return rows.map(toOrganisation);
  }

  /**
   * One page of children for each parent, by name after the keyset position
   * (name, id): one statement for every parent a list asks about.
   */
  async findChildrenPages(em: Queryable, parentIds: readonly string[], after: readonly string[] | null, limit: number): Promise<Organisation[]> {
    const keyset = after ? `AND (c.name COLLATE "C", c.id) > ($3::text, $4::uuid)` : '';
    const rows = await queryRows<OrganisationRow>(
      em,
      `SELECT page.* FROM unnest($1::uuid[]) AS p(id)
         CROSS JOIN LATERAL (
           SELECT ${COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')} FROM org_node c
            WHERE c.parent_id = p.id ${keyset}
            ORDER BY c.name COLLATE "C", c.id LIMIT $2) page`,
      after ? [parentIds.filter(isUuid), limit, after[0], after[1]] : [parentIds.filter(isUuid), limit],
    );
    return rows.map(toOrganisation);
  }

  async countChildren(em: Queryable, parentIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await queryRows<{ parent_id: string; n: number }>(
      em,
      `SELECT parent_id, count(*)::int AS n FROM org_node WHERE parent_id = ANY($1::uuid[]) GROUP BY parent_id`,
      [parentIds.filter(isUuid)],
    );
    return new Map(rows.map((r) => [r.parent_id, r.n]));
  }

  /** A subtree in path order (a depth-first walk), from a keyset position. */
  async findSubtree(em: Queryable, q: SubtreeQuery, afterPath: string | null, limit: number): Promise<Organisation[]> {
    const params: unknown[] = [];
    let where = subtreeWhere(q, params);
    if (afterPath) {
      params.push(afterPath);
      where += ` AND path > $${params.length}`;
    }
    params.push(limit);
    const rows = await queryRows<OrganisationRow>(em, `SELECT ${COLUMNS} FROM org_node WHERE ${where} ORDER BY path LIMIT $${params.length}`, params);
    return rows.map(toOrganisation);
  }

  async countSubtree(em: Queryable, q: SubtreeQuery): Promise<number> {
    const params: unknown[] = [];
    const row = await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM org_node WHERE ${subtreeWhere(q, params)}`, params);
    return row?.n ?? 0;
  }

  async bureau(em: Queryable): Promise<Organisation | null> {
    const row = await queryOne<OrganisationRow>(em, `SELECT ${COLUMNS} FROM org_node WHERE kind = 'BUREAU'`);
    return row && toOrganisation(row);
  }

  async insert(
    em: Queryable,
    tenantId: string,
    input: { parentId: string | null; kind: OrgKind; name: string; code?: string | null; employerType?: EmployerType | null },
  ): Promise<Organisation> {
    // path, depth and the effective employer type are filled by the org_node_path trigger (placeholder values here)
    const [row] = await queryRows<OrganisationRow>(
      em,
      `INSERT INTO org_node (tenant_id, parent_id, kind, name, code, employer_type, path, depth)
       VALUES ($1, $2, $3, $4, $5, $6, '', 0) RETURNING ${COLUMNS}`,
      [tenantId, input.parentId, input.kind, input.name, input.code ?? null, input.employerType ?? null],
    );
    return toOrganisation(row!);
  }

  async rename(em: Queryable, id: string, name: string): Promise<Organisation> {
    const [row] = await changedRows<OrganisationRow>(
      em,
      `UPDATE org_node SET name = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, name],
    );
    return toOrganisation(row!);
  }

  /**
   * Re-parents a node: its subtree's paths and every professional's copy of
   * the unit path change in two set-based statements.
   */
  async move(em: Queryable, node: Organisation, newParent: Organisation): Promise<Organisation> {
    const oldPath = node.path;
    const segment = oldPath.slice(0, -1).split('/').pop();
    const newPath = `${newParent.path}${segment}/`;
    const depthDelta = newParent.depth + 1 - node.depth;
    await execute(
      em,
      `UPDATE org_node
          SET path = $3 || substr(path, length($1) + 1), depth = depth + $4, updated_at = now()
        WHERE path >= $1 AND path < $2`,
      [oldPath, subtreeEnd(oldPath), newPath, depthDelta],
    );
    await execute(
      em,
      `UPDATE professional SET unit_path = $3 || substr(unit_path, length($1) + 1)
        WHERE unit_path >= $1 AND unit_path < $2`,
      [oldPath, subtreeEnd(oldPath), newPath],
    );
    await execute(em, `UPDATE org_node SET parent_id = $2, version = version + 1 WHERE id = $1`, [node.id, newParent.id]);
    await this.refreshEmployerTypes(em, newPath);
    return (await this.findOne(em, node.id))!;
  }

  /** Sets a node's own employer type under a version check; false when the version moved on. */
  async setEmployerType(em: Queryable, id: string, version: number, employerType: EmployerType | null): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      em,
      `UPDATE org_node SET employer_type = $3, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, employerType],
    );
    return rows.length === 1;
  }

  /**
   * Recomputes the effective employer type of a subtree in one statement: for every node,
   * its own type or that of its nearest ancestor that sets one (ancestors are the path's
   * prefixes, found through the (tenant_id, path) index).
   */
  async refreshEmployerTypes(em: Queryable, path: string): Promise<void> {
    await execute(
      em,
      `UPDATE org_node n SET effective_employer_type = (
           SELECT a.employer_type FROM org_node a
            WHERE a.path = ANY (ARRAY(
                    SELECT '/' || array_to_string((string_to_array(trim(both '/' from n.path), '/'))[1:i], '/') || '/'
                      FROM generate_series(1, n.depth + 1) AS i))
              AND a.employer_type IS NOT NULL
            ORDER BY a.depth DESC LIMIT 1)
        WHERE n.path >= $1 AND n.path < $2`,
      [path, subtreeEnd(path)],
    );
  }
}
