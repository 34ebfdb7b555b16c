// Published policy revisions. A revision row never changes, so its parsed
// document is cached in the process by revision id (the engine's compiled
// form is cached per document object, and so stays warm too).
import type { EntityManager } from 'typeorm';
import type { PolicyDocument } from '../engine';
import { formatPath, policySchema } from '../policy';
import { AppError } from '../platform/errors';
import { hoursError } from './hours.errors';

export interface PolicyRevision {
  id: string;
  revision: number;
  document: PolicyDocument;
  note: string | null;
  publishedAt: Date;
}

const documents = new Map<string, PolicyDocument>();

/** Validates a whole document against the policy schema; errors name the path. */
export function validateDocument(raw: unknown, label: string): PolicyDocument {
  const result = policySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = formatPath(issue.path);
    throw new AppError('POLICY_INVALID', `${label}: ${path}: ${issue.message}`, `version.${path}`);
  }
  return result.data as PolicyDocument;
}

export class PolicyStore {
  async latest(em: EntityManager): Promise<PolicyRevision | null> {
    const rows = await em.query(
      `SELECT id, revision, note, published_at FROM policy_revision ORDER BY revision DESC LIMIT 1`,
    );
    return rows.length ? this.withDocument(em, rows[0]) : null;
  }

  async latestOrThrow(em: EntityManager): Promise<PolicyRevision> {
    const found = await this.latest(em);
    if (!found) throw hoursError('POLICY_NOT_PUBLISHED');
    return found;
  }

  async byIds(em: EntityManager, ids: string[]): Promise<Map<string, PolicyRevision>> {
    const out = new Map<string, PolicyRevision>();
    if (!ids.length) return out;
    const rows = await em.query(`SELECT id, revision, note, published_at FROM policy_revision WHERE id = ANY($1::uuid[])`, [ids]);
    for (const row of rows) out.set(row.id, await this.withDocument(em, row));
    return out;
  }

  async history(em: EntityManager): Promise<Omit<PolicyRevision, 'document'>[]> {
    const rows = await em.query(`SELECT id, revision, note, published_at FROM policy_revision ORDER BY revision DESC`);
    return rows.map((r: any) => ({ id: r.id, revision: r.revision, note: r.note, publishedAt: r.published_at }));
  }

  async insert(em: EntityManager, tenantId: string, document: PolicyDocument, note: string | null, publishedBy: string | null): Promise<PolicyRevision> {
    // the lock serialises concurrent publications of one tenant
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('policy:' || $1))`, [tenantId]);
    const [row] = await em.query(
      `INSERT INTO policy_revision (tenant_id, revision, document, note, published_by)
       SELECT $1, coalesce(max(revision), 0) + 1, $2, $3, $4 FROM policy_revision
       RETURNING id, revision, note, published_at`,
      [tenantId, document, note, publishedBy],
    );
    documents.set(row.id, document);
    return { id: row.id, revision: row.revision, document, note: row.note, publishedAt: row.published_at };
  }

  private async withDocument(em: EntityManager, row: any): Promise<PolicyRevision> {
    let document = documents.get(row.id);
    if (!document) {
      const [doc] = await em.query(`SELECT document FROM policy_revision WHERE id = $1`, [row.id]);
      document = doc.document as PolicyDocument;
      documents.set(row.id, document);
    }
    return { id: row.id, revision: row.revision, document, note: row.note, publishedAt: row.published_at };
  }
}
