// Every query of moved years (read-only history, written only by app_move_decide) and of the
// reviews officials record on them where the tenant's policy asks for one.
import { queryOne, queryRows, type Queryable } from '../platform/sql';

export interface MovedYearRecord {
  id: string;
  professionalId: string;
  year: number;
  regime: string;
  publicHours: number;
  professionalHours: number;
  complete: boolean;
  policyRevision: number;
  policyRevisionId: string;
  issuingTenantCode: string;
  issuingTenantName: string;
  certifiedAt: Date;
  movedAt: Date;
  decision: 'ACCEPTED' | 'REJECTED' | null;
  reviewReason: string | null;
  reviewedAt: Date | null;
}

const COLUMNS = `m.id, m.professional_id AS "professionalId", m.year, m.regime, m.public_hours AS "publicHours",
  m.professional_hours AS "professionalHours", m.complete, m.policy_revision AS "policyRevision",
  m.policy_revision_id AS "policyRevisionId", m.issuing_tenant_code AS "issuingTenantCode",
  m.issuing_tenant_name AS "issuingTenantName", m.certified_at AS "certifiedAt", m.moved_at AS "movedAt",
  v.decision, v.reason AS "reviewReason", v.decided_at AS "reviewedAt"`;
const FROM = `moved_year m LEFT JOIN moved_year_review v ON v.tenant_id = m.tenant_id AND v.moved_year_id = m.id`;

export class MovedYearsRepository {
  /** The moved years of these people up to a year (all years: null), each person's by year. */
  async historyOf(db: Queryable, professionalIds: readonly string[], upToYear: number | null = null): Promise<MovedYearRecord[]> {
    if (!professionalIds.length) return [];
    return queryRows<MovedYearRecord>(
      db,
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE m.professional_id = ANY($1::uuid[]) AND ($2::int IS NULL OR m.year <= $2)
        ORDER BY m.professional_id, m.year, m.issuing_tenant_code`,
      [professionalIds, upToYear],
    );
  }

  async findOne(db: Queryable, id: string): Promise<(MovedYearRecord & { unitPath: string }) | null> {
    return queryOne(
      db,
      `SELECT ${COLUMNS}, p.unit_path AS "unitPath"
         FROM ${FROM} JOIN professional p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id
        WHERE m.id = $1`,
      [id],
    );
  }

  /** The one review of a moved year; false when it was reviewed already. */
  async insertReview(
    db: Queryable,
    r: { tenantId: string; movedYearId: string; decision: 'ACCEPTED' | 'REJECTED'; reason: string | null; decidedBy: string },
  ): Promise<boolean> {
    const rows = await queryRows<{ moved_year_id: string }>(
      db,
      `INSERT INTO moved_year_review (tenant_id, moved_year_id, decision, reason, decided_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, moved_year_id) DO NOTHING RETURNING moved_year_id`,
      [r.tenantId, r.movedYearId, r.decision, r.reason, r.decidedBy],
    );
    return rows.length === 1;
  }
}
