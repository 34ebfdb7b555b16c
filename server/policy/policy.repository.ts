// Every query the policy capability makes. A revision row never changes, so
// its parsed document is cached in the process by revision id (the engine's
// compiled form is cached per document object, and so stays warm too).
import type { PolicyDocument } from '../engine';
import { execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import { withSourceRecords } from './policy-sources';

export interface PolicyRevision {
  id: string;
  revision: number;
  document: PolicyDocument;
  note: string | null;
  publishedAt: Date;
}

interface RevisionRow {
  id: string;
  revision: number;
  note: string | null;
  published_at: Date;
}

const documents = new Map<string, PolicyDocument>();

export class PolicyRepository {
  /** The latest revision of the transaction's tenant, or of `tenantId` (also under row-level security). */
  async latest(db: Queryable, tenantId: string | null = null): Promise<PolicyRevision | null> {
    const row = tenantId
      ? await queryOne<RevisionRow>(db, `SELECT id, revision, note, published_at FROM policy_revision WHERE tenant_id = $1 ORDER BY revision DESC LIMIT 1`, [tenantId])
      : await queryOne<RevisionRow>(db, `SELECT id, revision, note, published_at FROM policy_revision ORDER BY revision DESC LIMIT 1`);
    return row && this.withDocument(db, row);
  }

  /** Revision number `revision` of the transaction's tenant, or of `tenantId` (also under row-level security). */
  async byNumber(db: Queryable, tenantId: string | null, revision: number): Promise<PolicyRevision | null> {
    const row = tenantId
      ? await queryOne<RevisionRow>(db, `SELECT id, revision, note, published_at FROM policy_revision WHERE tenant_id = $1 AND revision = $2`, [tenantId, revision])
      : await queryOne<RevisionRow>(db, `SELECT id, revision, note, published_at FROM policy_revision WHERE revision = $1`, [revision]);
    return row && this.withDocument(db, row);
  }

  /** Newest first, before the keyset position (a revision number). */
  async history(db: Queryable, beforeRevision: number | null, limit: number): Promise<Omit<PolicyRevision, 'document'>[]> {
    const rows = await queryRows<RevisionRow>(
      db,
      `SELECT id, revision, note, published_at FROM policy_revision WHERE ($2::int IS NULL OR revision < $2) ORDER BY revision DESC LIMIT $1`,
      [limit, beforeRevision],
    );
    return rows.map((r) => ({ id: r.id, revision: r.revision, note: r.note, publishedAt: r.published_at }));
  }

  async count(db: Queryable): Promise<number> {
    return (await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM policy_revision`))?.n ?? 0;
  }

  /**
   * Serialises publications of the tenant until the transaction ends: take it
   * BEFORE reading the revision a publication builds on (a lost update otherwise).
   */
  async lock(db: Queryable, tenantId: string): Promise<void> {
    await lockTenantPolicy(db, tenantId);
  }

  /** The next revision of the caller's tenant; the lock (re-entrant) serialises concurrent publications. */
  async insert(db: Queryable, tenantId: string, document: PolicyDocument, note: string | null, publishedBy: string | null): Promise<PolicyRevision> {
    await lockTenantPolicy(db, tenantId);
    const rows = await queryRows<RevisionRow>(
      db,
      `INSERT INTO policy_revision (tenant_id, revision, document, note, published_by)
       SELECT $1, coalesce(max(revision), 0) + 1, $2, $3, $4 FROM policy_revision
       RETURNING id, revision, note, published_at`,
      [tenantId, document, note, publishedBy],
    );
    const row = rows[0]!;
    documents.set(row.id, document);
    return { id: row.id, revision: row.revision, document, note: row.note, publishedAt: row.published_at };
  }

  /** The first revision, from the tenant's policy file; false when the tenant already has one. */
  async insertInitial(db: Queryable, tenantId: string, document: PolicyDocument, note: string): Promise<boolean> {
    await lockTenantPolicy(db, tenantId);
    const existing = await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM policy_revision WHERE tenant_id = $1`, [tenantId]);
    if ((existing?.n ?? 0) > 0) return false;
    await execute(db, `INSERT INTO policy_revision (tenant_id, revision, document, note) VALUES ($1, 1, $2, $3)`, [tenantId, document, note]);
    return true;
  }

  /**
   * Recorded activities and declarations under review per kind and year, in the years from
   * `fromYear` to before `toYear` (null: no end), of the kinds not among `kinds`. (The tables
   * belong to hours and declarations; a publication asks this before a version drops a kind:
   * a declaration under review would otherwise be recorded as a kind the policy no longer has.)
   */
  async activityCountsOutside(db: Queryable, fromYear: number, toYear: number | null, kinds: readonly string[]): Promise<{ kind: string; year: number; count: number }[]> {
    return queryRows<{ kind: string; year: number; count: number }>(
      db,
      `SELECT kind, year, count(*)::int AS count FROM (
         SELECT kind, year FROM activity
          WHERE year >= $1 AND ($2::int IS NULL OR year < $2) AND NOT (kind = ANY($3::text[])) AND withdrawn_at IS NULL
         UNION ALL
         SELECT kind, year FROM declaration
          WHERE status = 'SUBMITTED' AND year >= $1 AND ($2::int IS NULL OR year < $2) AND NOT (kind = ANY($3::text[]))) used
       GROUP BY kind, year ORDER BY kind, year`,
      [fromYear, toYear, kinds],
    );
  }

  private async withDocument(db: Queryable, row: RevisionRow): Promise<PolicyRevision> {
    let document = documents.get(row.id);
    if (!document) {
      const doc = await queryOne<{ document: PolicyDocument }>(db, `SELECT document FROM policy_revision WHERE id = $1`, [row.id]);
      if (!doc) throw new Error(`policy revision ${row.id} vanished`);
      // revisions published before sources were records read as if they had been
      document = withSourceRecords(doc.document);
      documents.set(row.id, document);
    }
    return { id: row.id, revision: row.revision, document, note: row.note, publishedAt: row.published_at };
  }
}

async function lockTenantPolicy(db: Queryable, tenantId: string): Promise<void> {
  await execute(db, `SELECT pg_advisory_xact_lock(hashtext('policy:' || $1))`, [tenantId]);
}
