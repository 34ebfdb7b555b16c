// The one query of node(id): which table holds a UUID. It runs on the
// request's transaction, so row-level security hides other tenants' rows.
import { queryOne, type Queryable } from '../platform/sql';

/** The tables whose rows are nodes. */
export type NodeTable = 'org_node' | 'professional' | 'account' | 'api_client';

export class NodesRepository {
  /** The table holding this id in the current tenant, or null. Ids are UUIDs: checked by the caller. */
  async findTable(em: Queryable, id: string): Promise<NodeTable | null> {
    const row = await queryOne<{ table_name: NodeTable }>(
      em,
      `SELECT 'org_node' AS table_name FROM org_node WHERE id = $1::uuid
       UNION ALL SELECT 'professional' FROM professional WHERE id = $1::uuid
       UNION ALL SELECT 'account' FROM account WHERE id = $1::uuid
       UNION ALL SELECT 'api_client' FROM api_client WHERE id = $1::uuid
       LIMIT 1`,
      [id],
    );
    return row?.table_name ?? null;
  }
}
