// Every query the certificates capability makes: the certified years a certificate is made
// from (locked while it is made), the snapshot and its basis, a person's certificates
// (keyset, newest first), and the public look-up by code. A certificate's state is read with
// it: revoked from the first withdrawal of an activity it relied on.
import type { TitleLevel } from '../engine/titles';
import type { HoursEvaluation } from '../hours/hours.types';
import { execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import type { CertificateLine, CertificateRecord, CertificateScope, PublicCertificate } from './certificate-record';

/** A certified year as a certificate reads it. */
export interface CertifiedYear {
  year: number;
  complete: boolean;
  result: HoursEvaluation;
  policyRevision: number;
}

interface CertificateRow {
  id: string;
  professional_id: string;
  unit_path: string;
  code: string;
  scope: CertificateScope;
  title: string;
  holder_name: string;
  id_number_masked: string;
  years: number[];
  lines: CertificateLine[];
  issuing_body: string;
  issued_on: string;
  policy_revisions: number[];
  target_level: TitleLevel | null;
  application_year: number | null;
  issued_by: string;
  created_at: Date;
  created_key: string;
  revoked_at: Date | null;
}

/** The first withdrawal among the activities certificate `c` relied on (null: none). */
const REVOKED_AT = `(SELECT min(a.withdrawn_at) FROM certificate_basis b
    JOIN activity a ON a.tenant_id = b.tenant_id AND a.id = b.activity_id
   WHERE b.tenant_id = c.tenant_id AND b.certificate_id = c.id AND a.withdrawn_at IS NOT NULL)`;

const COLUMNS = `c.id, c.professional_id, p.unit_path, c.code, c.scope, c.title, c.holder_name, c.id_number_masked, c.years, c.lines,
  c.issuing_body, c.issued_on::text AS issued_on, c.policy_revisions, c.target_level, c.application_year, c.issued_by, c.created_at,
  c.created_at::text AS created_key, ${REVOKED_AT} AS revoked_at`;
const FROM = `FROM certificate c JOIN professional p ON p.tenant_id = c.tenant_id AND p.id = c.professional_id`;

function toRecord(row: CertificateRow): CertificateRecord {
  return {
    id: row.id,
    professionalId: row.professional_id,
    unitPath: row.unit_path,
    code: row.code,
    scope: row.scope,
    title: row.title,
    holderName: row.holder_name,
    idNumber: row.id_number_masked,
    years: row.years,
    lines: row.lines,
    issuingBody: row.issuing_body,
    issuedOn: row.issued_on,
    policyRevisions: row.policy_revisions,
    targetLevel: row.target_level,
    applicationYear: row.application_year,
    issuedBy: row.issued_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export interface NewCertificate {
  tenantId: string;
  professionalId: string;
  code: string;
  scope: CertificateScope;
  title: string;
  holderName: string;
  idNumberMasked: string;
  years: number[];
  lines: CertificateLine[];
  issuingBody: string;
  issuedOn: string;
  policyRevisions: number[];
  targetLevel: TitleLevel | null;
  applicationYear: number | null;
  issuedBy: string;
  basis: string[];
}

export class CertificatesRepository {
  /** A person's certified (not revoked) years, newest first. */
  async certifiedYears(db: Queryable, professionalId: string): Promise<{ year: number; complete: boolean }[]> {
    return queryRows(db, `SELECT year, complete FROM year_certification WHERE professional_id = $1 AND revoked_at IS NULL ORDER BY year DESC LIMIT 50`, [
      professionalId,
    ]);
  }

  /**
   * The certified years asked for, locked until the transaction ends: a withdrawal (which
   * revokes the year's certification) waits for the certificate, or the certificate for it.
   */
  async lockCertifiedYears(db: Queryable, professionalId: string, years: readonly number[]): Promise<CertifiedYear[]> {
    const rows = await queryRows<{ year: number; complete: boolean; result: HoursEvaluation; revision: number }>(
      db,
      `SELECT y.year, y.complete, y.result, r.revision
         FROM year_certification y JOIN policy_revision r ON r.tenant_id = y.tenant_id AND r.id = y.policy_revision_id
        WHERE y.professional_id = $1 AND y.year = ANY($2::int[]) AND y.revoked_at IS NULL
        ORDER BY y.year FOR UPDATE OF y`,
      [professionalId, years],
    );
    return rows.map((r) => ({ year: r.year, complete: r.complete, result: r.result, policyRevision: r.revision }));
  }

  /** The tenant's bureau (the issuing body printed on certificates). */
  async bureauName(db: Queryable): Promise<string | null> {
    return (await queryOne<{ name: string }>(db, `SELECT name FROM org_node WHERE kind = 'BUREAU'`))?.name ?? null;
  }

  /** A still valid certificate of the person for exactly these years and this purpose, if any. */
  async findValidSame(db: Queryable, professionalId: string, years: readonly number[], targetLevel: string | null, applicationYear: number | null): Promise<CertificateRecord | null> {
    const row = await queryOne<CertificateRow>(
      db,
      `SELECT * FROM (SELECT ${COLUMNS} ${FROM}
         WHERE c.professional_id = $1 AND c.years = $2::int[]
           AND c.target_level IS NOT DISTINCT FROM $3 AND c.application_year IS NOT DISTINCT FROM $4::int) x
        WHERE revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      [professionalId, years, targetLevel, applicationYear],
    );
    return row && toRecord(row);
  }

  async insert(db: Queryable, c: NewCertificate): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      db,
      `INSERT INTO certificate (tenant_id, professional_id, code, scope, title, holder_name, id_number_masked, years, lines, issuing_body,
          issued_on, policy_revisions, target_level, application_year, issued_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        c.tenantId,
        c.professionalId,
        c.code,
        c.scope,
        c.title,
        c.holderName,
        c.idNumberMasked,
        c.years,
        JSON.stringify(c.lines),
        c.issuingBody,
        c.issuedOn,
        c.policyRevisions,
        c.targetLevel,
        c.applicationYear,
        c.issuedBy,
      ],
    );
    const id = row!.id;
    if (c.basis.length) {
      await execute(
        db,
        `INSERT INTO certificate_basis (tenant_id, certificate_id, activity_id) SELECT $1, $2, a FROM unnest($3::uuid[]) AS a`,
        [c.tenantId, id, c.basis],
      );
    }
    return id;
  }

  async findOne(db: Queryable, id: string): Promise<CertificateRecord | null> {
    const row = await queryOne<CertificateRow>(db, `SELECT ${COLUMNS} ${FROM} WHERE c.id = $1`, [id]);
    return row && toRecord(row);
  }

  /** One page of a person's certificates, newest first; the key is (created_at as text, id). */
  async findPage(db: Queryable, professionalId: string, after: readonly string[] | null, limit: number): Promise<{ record: CertificateRecord; key: [string, string] }[]> {
    const rows = await queryRows<CertificateRow>(
      db,
      `SELECT ${COLUMNS} ${FROM}
        WHERE c.professional_id = $1 AND ($3::timestamptz IS NULL OR (c.created_at, c.id) < ($3::timestamptz, $4::uuid))
        ORDER BY c.created_at DESC, c.id DESC LIMIT $2`,
      [professionalId, limit, after?.[0] ?? null, after?.[1] ?? null],
    );
    return rows.map((row) => ({ record: toRecord(row), key: [row.created_key, row.id] }));
  }

  async count(db: Queryable, professionalId: string): Promise<number> {
    return (await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM certificate WHERE professional_id = $1`, [professionalId]))?.n ?? 0;
  }

  /** The public fields of the certificate with this code, in any tenant (a SECURITY DEFINER function). */
  async findPublic(db: Queryable, code: string): Promise<PublicCertificate | null> {
    const row = await queryOne<{
      title: string;
      holder_name: string;
      id_number_masked: string;
      years: number[];
      lines: CertificateLine[];
      issuing_body: string;
      issued_on: string;
      policy_revisions: number[];
      revoked_at: Date | null;
    }>(
      db,
      `SELECT title, holder_name, id_number_masked, years, lines, issuing_body, issued_on::text AS issued_on, policy_revisions, revoked_at
         FROM app_certificate_by_code($1)`,
      [code],
    );
    return (
      row && {
        title: row.title,
        holderName: row.holder_name,
        idNumber: row.id_number_masked,
        years: row.years,
        lines: row.lines,
        issuingBody: row.issuing_body,
        issuedOn: row.issued_on,
        policyRevisions: row.policy_revisions,
        revokedAt: row.revoked_at,
      }
    );
  }
}
