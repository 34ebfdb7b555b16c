// Every query of declarations; a state change is one conditional UPDATE that must change one
// row, so two reviewers cannot both move a declaration on (queues and decisions: own files).
import type { TitleSeries } from '../engine/titles';
import { changedRows, queryOne, queryRows, type Queryable } from '../platform/sql';
import { isUuid } from '../platform/uuid';
import type { TreeNode } from './review-chain';
import type { Declaration, DeclarationStatus } from './declarations.types';
import { type DeclarationRow, SELECT_DECLARATION, toDeclaration } from './declaration-row';

export interface DeclarationContent {
  kind: string;
  kindName: string;
  year: number;
  date: string | null;
  params: Record<string, unknown>;
  certificateNo: string | null;
  issuer: string | null;
  issuedOn: string | null;
  fileIds: string[];
}

/** The chain and where in it a submission stands. */
export interface SubmissionState {
  unitId: string;
  titleSeries: TitleSeries;
  review: { UNIT: string | null; DEPARTMENT: string | null; BUREAU: string | null };
  chainNote: string | null;
  /** Where it waits (1–3), or 4: recorded at once (an official's record with no level above). */
  step: number;
  entryStep: number;
}

export interface NewDeclaration extends DeclarationContent {
  tenantId: string;
  professionalId: string;
  unitId: string;
  titleSeries: TitleSeries;
  filedBy: string;
  filedByRole: string;
}

/** One move of a submitted declaration, from the step the reviewer holds. */
export interface Transition {
  id: string;
  round: number;
  fromStep: number;
  version: number | null;
  status: 'SUBMITTED' | 'RECORDED' | 'REJECTED';
  toStep: number;
  rejectionReason: string | null;
  adjusted: { PUBLIC: number; PROFESSIONAL: number; reason: string } | null;
}

export class DeclarationsRepository {
  async findMany(em: Queryable, ids: readonly string[]): Promise<Declaration[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows = await queryRows<DeclarationRow>(em, `${SELECT_DECLARATION} WHERE d.id = ANY($1::uuid[])`, [valid]);
    return rows.map(toDeclaration);
  }

  async insert(em: Queryable, d: NewDeclaration, state: SubmissionState | null): Promise<string> {
    const submitted = state !== null;
    const [row] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO declaration (tenant_id, professional_id, unit_id, title_series, kind, kind_name, year, occurred_on, params,
          certificate_no, issuer, issued_on, file_ids, filed_by, filed_by_role,
          status, round, step, entry_step, review_unit_id, review_department_id, review_bureau_id, chain_note,
          queue_no, submitted_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::uuid[], $14, $15,
          $16, $17, $18, $19, $20, $21, $22, $23,
          CASE WHEN $17 > 0 THEN nextval('declaration_queue_no') END, CASE WHEN $17 > 0 THEN now() END, CASE WHEN $16 = 'RECORDED' THEN now() END)
       RETURNING id`,
      [
        d.tenantId,
        d.professionalId,
        d.unitId,
        d.titleSeries,
        d.kind,
        d.kindName,
        d.year,
        d.date,
        d.params,
        d.certificateNo,
        d.issuer,
        d.issuedOn,
        d.fileIds,
        d.filedBy,
        d.filedByRole,
        !submitted ? 'DRAFT' : state.step === 4 ? 'RECORDED' : 'SUBMITTED',
        submitted ? 1 : 0,
        state?.step ?? 0,
        state?.entryStep ?? 0,
        state?.review.UNIT ?? null,
        state?.review.DEPARTMENT ?? null,
        state?.review.BUREAU ?? null,
        state?.chainNote ?? null,
      ],
    );
    return row!.id;
  }

  /** Changes the content of a draft or a rejected declaration at `version`; false when it is no longer that. */
  async updateContent(em: Queryable, id: string, version: number, c: DeclarationContent): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      em,
      `UPDATE declaration SET kind = $3, kind_name = $4, year = $5, occurred_on = $6, params = $7, certificate_no = $8, issuer = $9,
          issued_on = $10, file_ids = $11::uuid[], version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status IN ('DRAFT', 'REJECTED') RETURNING id`,
      [id, version, c.kind, c.kindName, c.year, c.date, c.params, c.certificateNo, c.issuer, c.issuedOn, c.fileIds],
    );
    return rows.length === 1;
  }

  /**
   * A draft or rejected declaration goes into the chain: a new round, a new place in the queues
   * (recorded at once when filed by an official with no level above, step 4).
   */
  async submit(em: Queryable, id: string, version: number, s: SubmissionState): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      em,
      `UPDATE declaration SET status = CASE WHEN $3 = 4 THEN 'RECORDED' ELSE 'SUBMITTED' END, recorded_at = CASE WHEN $3 = 4 THEN now() END,
          round = round + 1, step = $3, entry_step = $3, unit_id = $4, title_series = $5,
          review_unit_id = $6, review_department_id = $7, review_bureau_id = $8, chain_note = $9,
          queue_no = nextval('declaration_queue_no'), submitted_at = now(), rejection_reason = NULL,
          adjusted_public = NULL, adjusted_professional = NULL, adjustment_reason = NULL, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status IN ('DRAFT', 'REJECTED') RETURNING id`,
      [id, version, s.step, s.unitId, s.titleSeries, s.review.UNIT, s.review.DEPARTMENT, s.review.BUREAU, s.chainNote],
    );
    return rows.length === 1;
  }

  /** Withdrawn by its filer while a draft or before any decision of this round; false otherwise. */
  /** A rejected one's reason stays in its REJECTED decision row. */
  async withdraw(em: Queryable, id: string, filedBy: string, version: number | null): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      em,
      `UPDATE declaration SET status = 'WITHDRAWN', rejection_reason = NULL, version = version + 1, updated_at = now()
        WHERE id = $1 AND filed_by = $2 AND ($3::int IS NULL OR version = $3)
          AND (status IN ('DRAFT', 'REJECTED') OR (status = 'SUBMITTED' AND step = entry_step)) RETURNING id`,
      [id, filedBy, version],
    );
    return rows.length === 1;
  }

  /**
   * A reviewer's decision moves the declaration on from the step they hold; it changes one row
   * or none (another decision came first, or the version moved on).
   */
  async transition(em: Queryable, t: Transition): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      em,
      `UPDATE declaration SET status = $5, step = $6, rejection_reason = $7,
          adjusted_public = COALESCE($8, adjusted_public), adjusted_professional = COALESCE($9, adjusted_professional),
          adjustment_reason = COALESCE($10, adjustment_reason),
          recorded_at = CASE WHEN $5 = 'RECORDED' THEN now() END, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'SUBMITTED' AND step = $2 AND round = $3 AND ($4::int IS NULL OR version = $4) RETURNING id`,
      [t.id, t.fromStep, t.round, t.version, t.status, t.toStep, t.rejectionReason, t.adjusted?.PUBLIC ?? null, t.adjusted?.PROFESSIONAL ?? null, t.adjusted?.reason ?? null],
    );
    return rows.length === 1;
  }

  /**
   * Approvals of several declarations, each moved on from the step its reviewer holds as
   * `transition` moves one (in id order, so two bulk approvals lock rows in the same order);
   * the ids of those that moved (another decision may have come first for the others).
   */
  async approveMany(em: Queryable, ts: readonly Omit<Transition, 'version' | 'rejectionReason' | 'adjusted'>[]): Promise<Set<string>> {
    if (!ts.length) return new Set();
    const sorted = [...ts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rows = await changedRows<{ id: string }>(
      em,
      `UPDATE declaration d SET status = t.status, step = t.to_step, rejection_reason = NULL,
          recorded_at = CASE WHEN t.status = 'RECORDED' THEN now() END, version = d.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::int[]) WITH ORDINALITY AS t(id, round, from_step, status, to_step, n)
        WHERE d.id = t.id AND d.status = 'SUBMITTED' AND d.step = t.from_step AND d.round = t.round RETURNING d.id`,
      [sorted.map((t) => t.id), sorted.map((t) => t.round), sorted.map((t) => t.fromStep), sorted.map((t) => t.status), sorted.map((t) => t.toStep)],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The nodes at these paths (a unit and its ancestors) and those with these codes (sector routes). */
  async treeNodes(em: Queryable, paths: readonly string[], codes: readonly string[]): Promise<TreeNode[]> {
    return queryRows<TreeNode>(
      em,
      `SELECT id, kind, code, name, path, effective_employer_type AS "employerType" FROM org_node WHERE path = ANY($1::text[]) OR code = ANY($2::text[])`,
      [paths, codes],
    );
  }

  /** One page of a person's declarations by (year, id); drafts only their filer's. */
  async findPage(
    em: Queryable,
    q: { professionalId: string; year: number | null; status: DeclarationStatus | null; viewer: string },
    after: readonly string[] | null,
    limit: number,
  ): Promise<Declaration[]> {
    const rows = await queryRows<DeclarationRow>(
      em,
      `${SELECT_DECLARATION} WHERE d.professional_id = $1 AND ($2::int IS NULL OR d.year = $2) AND ($3::text IS NULL OR d.status = $3)
          AND (d.status <> 'DRAFT' OR d.filed_by = $4)
          AND ($6::int IS NULL OR (d.year, d.id) > ($6::int, $7::uuid))
        ORDER BY d.year, d.id LIMIT $5`,
      [q.professionalId, q.year, q.status, q.viewer, limit, after?.[0] ?? null, after?.[1] ?? null],
    );
    return rows.map(toDeclaration);
  }

  async countPage(em: Queryable, q: { professionalId: string; year: number | null; status: DeclarationStatus | null; viewer: string }): Promise<number> {
    const row = await queryOne<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM declaration d WHERE d.professional_id = $1 AND ($2::int IS NULL OR d.year = $2)
          AND ($3::text IS NULL OR d.status = $3) AND (d.status <> 'DRAFT' OR d.filed_by = $4)`,
      [q.professionalId, q.year, q.status, q.viewer],
    );
    return row?.n ?? 0;
  }
}
