// The organisation tree as sign-up sees it, under the sign-up tenant's row-level security
// (a node of another tenant is simply not found): nodes of some kinds by name, their
// ancestors' names, one node by id. Nothing else of a node leaves here.
import { queryOne, queryRows, type Queryable } from '../platform/sql';
import { isUuid } from '../platform/uuid';
import type { OrgKind } from '../organisations/organisations.types';

export interface DirectoryNode {
  id: string;
  name: string;
  kind: OrgKind;
  path: string;
}

const COLUMNS = `id, name, kind, path`;

/** '/1/5/9/' → ['/1/', '/1/5/']: the paths of a node's ancestors, root first. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

export class DirectoryRepository {
  /**
   * Nodes of `kinds` whose name contains `text`, by name after the keyset position (name,
   * id). The (tenant, kind, name, id) index gives them in order; the text test (not
   * leakproof, so never an index condition under row-level security) filters that scan.
   */
  async findPage(em: Queryable, kinds: readonly OrgKind[], text: string | null, after: readonly string[] | null, limit: number): Promise<DirectoryNode[]> {
    const params: unknown[] = [kinds];
    const where = [`kind = ANY($1::text[])`];
    if (text) {
      params.push(text);
      where.push(`strpos(name, $${params.length}) > 0`);
    }
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(name COLLATE "C", id) > ($${params.length - 1}::text COLLATE "C", $${params.length}::uuid)`);
    }
    params.push(limit);
    return queryRows<DirectoryNode>(
      em,
      `SELECT ${COLUMNS} FROM org_node WHERE ${where.join(' AND ')} ORDER BY name COLLATE "C", id LIMIT $${params.length}`,
      params,
    );
  }

  /** How many nodes `findPage` would list, counted up to `limit` + 1. */
  async count(em: Queryable, kinds: readonly OrgKind[], text: string | null, limit: number): Promise<number> {
    const row = await queryOne<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM org_node WHERE kind = ANY($1::text[]) AND ($2::text IS NULL OR strpos(name, $2) > 0) LIMIT ${limit + 1}) x`,
      [kinds, text],
    );
    return row?.n ?? 0;
  }

  /** The names of every ancestor of the nodes (root first, the node itself left out), by node id. */
  async ancestorNames(em: Queryable, nodes: readonly DirectoryNode[]): Promise<Map<string, string[]>> {
    const above = new Map(nodes.map((n) => [n.id, ancestorPaths(n.path)]));
    const paths = [...new Set([...above.values()].flat())];
    const rows = paths.length ? await queryRows<{ path: string; name: string }>(em, `SELECT path, name FROM org_node WHERE path = ANY($1::text[])`, [paths]) : [];
    const nameOf = new Map(rows.map((r) => [r.path, r.name]));
    return new Map([...above].map(([id, list]) => [id, list.map((p) => nameOf.get(p) ?? '')]));
  }

  async findOne(em: Queryable, id: string): Promise<DirectoryNode | null> {
    if (!isUuid(id)) return null;
    return queryOne<DirectoryNode>(em, `SELECT ${COLUMNS} FROM org_node WHERE id = $1`, [id]);
  }

  /** The nearest department above a node (null: none, e.g. a unit directly under the bureau). */
  async nearestDepartment(em: Queryable, node: DirectoryNode): Promise<string | null> {
    const row = await queryOne<{ id: string }>(
      em,
      `SELECT id FROM org_node WHERE path = ANY($1::text[]) AND kind = 'DEPARTMENT' ORDER BY depth DESC LIMIT 1`,
      [ancestorPaths(node.path)],
    );
    return row?.id ?? null;
  }

  /** Is there a node named `name` under `parentId`, or one with `code`? */
  async nameOrCodeTaken(em: Queryable, parentId: string, name: string, code: string | null): Promise<'name' | 'code' | null> {
    const row = await queryOne<{ name_taken: boolean; code_taken: boolean }>(
      em,
      `SELECT EXISTS (SELECT 1 FROM org_node WHERE parent_id = $1 AND name = $2) AS name_taken,
              ($3::text IS NOT NULL AND EXISTS (SELECT 1 FROM org_node WHERE code = $3)) AS code_taken`,
      [parentId, name, code],
    );
    return row?.name_taken ? 'name' : row?.code_taken ? 'code' : null;
  }
}
