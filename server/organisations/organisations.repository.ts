// Every query the organisations capability makes. Row-level security keeps
// them inside the current tenant; scope filters are added by the caller's path.
import { isUuid } from '../platform/uuid';
import type { EntityManager } from 'typeorm';
import { subtreeEnd } from '../platform/actor';
import { returnedRows } from '../platform/pg-errors';
import { Organisation, OrgKind } from './organisations.types';

const COLUMNS = `id, kind, name, code, parent_id, depth, version, created_at, path`;

export function toOrganisation(row: any): Organisation {
  return Object.assign(new Organisation(), {
    id: row.id,
    kind: row.kind as OrgKind,
    name: row.name,
    code: row.code,
    parentId: row.parent_id,
    depth: row.depth,
    version: row.version,
    createdAt: row.created_at,
    path: row.path,
  });
}

export class OrganisationsRepository {
  async findOne(em: EntityManager, id: string): Promise<Organisation | null> {
    if (!isUuid(id)) return null;
    const rows = await em.query(`SELECT ${COLUMNS} FROM org_node WHERE id = $1`, [id]);
    return rows.length ? toOrganisation(rows[0]) : null;
  }

  async findMany(em: EntityManager, ids: readonly string[]): Promise<Organisation[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows = await em.query(`SELECT ${COLUMNS} FROM org_node WHERE id = ANY($1::uuid[])`, [valid]);
    return rows.map(toOrganisation);
  }

  async findChildren(em: EntityManager, parentIds: readonly string[]): Promise<Organisation[]> {
    const rows = await em.query(
      `SELECT ${COLUMNS} FROM org_node WHERE parent_id = ANY($1::uuid[]) ORDER BY name COLLATE "C", id`,
      [parentIds.filter(isUuid)],
    );
    return rows.map(toOrganisation);
  }

  /** A subtree in path order (a depth-first walk), from a keyset position. */
  async findSubtree(
    em: EntityManager,
    args: { path: string; kind?: OrgKind | null; afterPath?: string | null; limit: number },
  ): Promise<Organisation[]> {
    const params: unknown[] = [args.path, subtreeEnd(args.path), args.limit];
    let where = `path >= $1 AND path < $2`;
    if (args.kind) {
      params.push(args.kind);
      where += ` AND kind = $${params.length}`;
    }
    if (args.afterPath) {
      params.push(args.afterPath);
      where += ` AND path > $${params.length}`;
    }
    const rows = await em.query(`SELECT ${COLUMNS} FROM org_node WHERE ${where} ORDER BY path LIMIT $3`, params);
    return rows.map(toOrganisation);
  }

  async bureau(em: EntityManager): Promise<Organisation | null> {
    const rows = await em.query(`SELECT ${COLUMNS} FROM org_node WHERE kind = 'BUREAU'`);
    return rows.length ? toOrganisation(rows[0]) : null;
  }

  async insert(
    em: EntityManager,
    tenantId: string,
    input: { parentId: string | null; kind: OrgKind; name: string; code?: string | null },
  ): Promise<Organisation> {
    // path and depth are filled by the org_node_path trigger (placeholder values here)
    const rows = await em.query(
      `INSERT INTO org_node (tenant_id, parent_id, kind, name, code, path, depth)
       VALUES ($1, $2, $3, $4, $5, '', 0) RETURNING ${COLUMNS}`,
      [tenantId, input.parentId, input.kind, input.name, input.code ?? null],
    );
    return toOrganisation(rows[0]);
  }

  async rename(em: EntityManager, id: string, name: string): Promise<Organisation> {
    const rows = await em.query(
      `UPDATE org_node SET name = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, name],
    );
    return toOrganisation(returnedRows(rows)[0]);
  }

  /**
   * Re-parents a node: its subtree's paths and every professional's copy of
   * the unit path change in two set-based statements.
   */
  async move(em: EntityManager, node: Organisation, newParent: Organisation): Promise<Organisation> {
    const oldPath = node.path;
    const segment = oldPath.slice(0, -1).split('/').pop();
    const newPath = `${newParent.path}${segment}/`;
    const depthDelta = newParent.depth + 1 - node.depth;
    await em.query(
      `UPDATE org_node
          SET path = $3 || substr(path, length($1) + 1), depth = depth + $4, updated_at = now()
        WHERE path >= $1 AND path < $2`,
      [oldPath, subtreeEnd(oldPath), newPath, depthDelta],
    );
    await em.query(
      `UPDATE professional SET unit_path = $3 || substr(unit_path, length($1) + 1)
        WHERE unit_path >= $1 AND unit_path < $2`,
      [oldPath, subtreeEnd(oldPath), newPath],
    );
    const rows = await em.query(
      `UPDATE org_node SET parent_id = $2, version = version + 1 WHERE id = $1 RETURNING ${COLUMNS}`,
      [node.id, newParent.id],
    );
    return toOrganisation(returnedRows(rows)[0]);
  }
}

