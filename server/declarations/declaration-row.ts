// A declaration as one statement reads it (with the names of its person, unit and reviewing
// nodes) and as the API shows it; every list of declarations selects with SELECT_DECLARATION.
import type { ParamValue } from '../engine';
import type { TitleSeries } from '../engine/titles';
import { LEVEL_OF_STEP } from './review-chain';
import { Declaration, type DeclarationStatus } from './declarations.types';

export interface DeclarationRow {
  id: string;
  professional_id: string;
  professional_name: string;
  unit_path: string;
  unit_id: string;
  unit_name: string;
  title_series: TitleSeries;
  kind: string;
  kind_name: string;
  year: number;
  occurred_on: string | null;
  params: Record<string, ParamValue>;
  certificate_no: string | null;
  issuer: string | null;
  issued_on: string | null;
  result_title: string | null;
  file_ids: string[];
  status: DeclarationStatus;
  round: number;
  step: number;
  entry_step: number;
  review_unit_id: string | null;
  review_unit_name: string | null;
  review_department_id: string | null;
  review_department_name: string | null;
  review_bureau_id: string | null;
  review_bureau_name: string | null;
  chain_note: string | null;
  queue_no: string | null;
  rejection_reason: string | null;
  revocation_reason: string | null;
  revoked_at: Date | null;
  adjusted_public: number | null;
  adjusted_professional: number | null;
  adjustment_reason: string | null;
  filed_by: string;
  submitted_at: Date | null;
  recorded_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const SELECT_DECLARATION = `SELECT d.id, d.professional_id, p.name AS professional_name, p.unit_path, d.unit_id, u.name AS unit_name, d.title_series,
    d.kind, d.kind_name, d.year, d.occurred_on::text AS occurred_on, d.params, d.certificate_no, d.issuer, d.issued_on::text AS issued_on,
    d.result_title, d.file_ids::text[] AS file_ids, d.status, d.round, d.step, d.entry_step,
    d.review_unit_id, ru.name AS review_unit_name, d.review_department_id, rd.name AS review_department_name,
    d.review_bureau_id, rb.name AS review_bureau_name, d.chain_note, d.queue_no::text AS queue_no,
    d.rejection_reason, d.revocation_reason, d.revoked_at, d.adjusted_public, d.adjusted_professional, d.adjustment_reason, d.filed_by,
    d.submitted_at, d.recorded_at, d.created_at, d.updated_at, d.version
  FROM declaration d
  JOIN professional p ON p.tenant_id = d.tenant_id AND p.id = d.professional_id
  JOIN org_node u ON u.tenant_id = d.tenant_id AND u.id = d.unit_id
  LEFT JOIN org_node ru ON ru.tenant_id = d.tenant_id AND ru.id = d.review_unit_id
  LEFT JOIN org_node rd ON rd.tenant_id = d.tenant_id AND rd.id = d.review_department_id
  LEFT JOIN org_node rb ON rb.tenant_id = d.tenant_id AND rb.id = d.review_bureau_id`;

export function toDeclaration(row: DeclarationRow): Declaration {
  const submitted = row.status === 'SUBMITTED';
  const chain = (
    [
      ['UNIT', row.review_unit_id, row.review_unit_name, 1],
      ['DEPARTMENT', row.review_department_id, row.review_department_name, 2],
      ['BUREAU', row.review_bureau_id, row.review_bureau_name, 3],
    ] as const
  )
    .filter(([, id]) => id !== null)
    .map(([level, id, name, step]) => ({ level, organisationId: id!, organisationName: name ?? '', current: submitted && row.step === step }));
  const adjusted = row.adjusted_public === null || row.adjusted_professional === null ? null : { PUBLIC: row.adjusted_public, PROFESSIONAL: row.adjusted_professional };
  return Object.assign(new Declaration(), {
    id: row.id,
    professionalId: row.professional_id,
    professionalName: row.professional_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    titleSeries: row.title_series,
    kind: row.kind,
    kindName: row.kind_name,
    year: row.year,
    date: row.occurred_on,
    occurredOn: row.occurred_on,
    params: row.params,
    evidence: { certificateNo: row.certificate_no, issuer: row.issuer, issuedOn: row.issued_on, resultTitle: row.result_title, fileIds: row.file_ids },
    status: row.status,
    round: row.round,
    currentLevel: submitted ? LEVEL_OF_STEP[row.step] ?? null : null,
    chain,
    chainNote: row.chain_note,
    rejectionReason: row.rejection_reason,
    revocationReason: row.revocation_reason,
    revokedAt: row.revoked_at,
    adjustedHours: adjusted && { publicHours: adjusted.PUBLIC, professionalHours: adjusted.PROFESSIONAL, reason: row.adjustment_reason ?? '' },
    adjusted,
    // the activity a recorded declaration became carries the declaration's id
    activityId: row.status === 'RECORDED' ? row.id : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    recordedAt: row.recorded_at,
    unitPath: row.unit_path,
    filedBy: row.filed_by,
    step: row.step,
    entryStep: row.entry_step,
    review: { UNIT: row.review_unit_id, DEPARTMENT: row.review_department_id, BUREAU: row.review_bureau_id },
    queueNo: row.queue_no,
  });
}
