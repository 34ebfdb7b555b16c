// The record of review decisions (谁审核，谁负责): appended, never changed (the runtime role
// may only SELECT and INSERT declaration_decision; a trigger refuses UPDATE and DELETE).
import type { ReviewLevel } from '../engine';
import { execute, queryRows, type Queryable } from '../platform/sql';
import { isUuid } from '../platform/uuid';
import type { DeclarationDecisionView, ReviewDecisionKind } from './declarations.types';

interface DecisionRow {
  id: string;
  declaration_id: string;
  round: number;
  level: ReviewLevel;
  node_id: string;
  node_name: string;
  decision: ReviewDecisionKind;
  reviewer_id: string;
  reviewer_label: string;
  comment: string | null;
  public_hours: number | null;
  professional_hours: number | null;
  decided_at: Date;
}

function toDecision(row: DecisionRow): DeclarationDecisionView {
  return {
    id: row.id,
    round: row.round,
    level: row.level,
    organisationId: row.node_id,
    organisationName: row.node_name,
    decision: row.decision,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_label,
    comment: row.comment,
    publicHours: row.public_hours,
    professionalHours: row.professional_hours,
    decidedAt: row.decided_at,
  };
}

/** What a declaration holds that the person fills in (validated by the service). */
export interface NewDecision {
  tenantId: string;
  declarationId: string;
  round: number;
  level: ReviewLevel;
  nodeId: string;
  decision: ReviewDecisionKind;
  reviewerId: string;
  reviewerLabel: string;
  comment: string | null;
  publicHours: number | null;
  professionalHours: number | null;
}

export async function insertDecision(em: Queryable, d: NewDecision): Promise<void> {
  await execute(
    em,
    `INSERT INTO declaration_decision (tenant_id, declaration_id, round, level, node_id, decision, reviewer_id, reviewer_label, comment, public_hours, professional_hours)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [d.tenantId, d.declarationId, d.round, d.level, d.nodeId, d.decision, d.reviewerId, d.reviewerLabel, d.comment, d.publicHours, d.professionalHours],
  );
}

/** Several decisions in one statement (a bulk approval's, one per declaration moved on). */
export async function insertDecisions(em: Queryable, ds: readonly NewDecision[]): Promise<void> {
  if (!ds.length) return;
  const column = <T>(f: (d: NewDecision) => T) => ds.map(f);
  await execute(
    em,
    `INSERT INTO declaration_decision (tenant_id, declaration_id, round, level, node_id, decision, reviewer_id, reviewer_label, comment, public_hours, professional_hours)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::uuid[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::float8[], $11::float8[])`,
    [
      column((d) => d.tenantId),
      column((d) => d.declarationId),
      column((d) => d.round),
      column((d) => d.level),
      column((d) => d.nodeId),
      column((d) => d.decision),
      column((d) => d.reviewerId),
      column((d) => d.reviewerLabel),
      column((d) => d.comment),
      column((d) => d.publicHours),
      column((d) => d.professionalHours),
    ],
  );
}

/** The decisions of several declarations, oldest first (for a DataLoader). */
export async function decisionsOf(em: Queryable, declarationIds: readonly string[]): Promise<Map<string, DeclarationDecisionView[]>> {
  const ids = declarationIds.filter(isUuid);
  const out = new Map<string, DeclarationDecisionView[]>();
  if (!ids.length) return out;
  const rows = await queryRows<DecisionRow>(
    em,
    `SELECT x.id::text AS id, x.declaration_id, x.round, x.level, x.node_id, n.name AS node_name, x.decision, x.reviewer_id, x.reviewer_label,
            x.comment, x.public_hours, x.professional_hours, x.decided_at
       FROM declaration_decision x JOIN org_node n ON n.tenant_id = x.tenant_id AND n.id = x.node_id
      WHERE x.declaration_id = ANY($1::uuid[]) ORDER BY x.declaration_id, x.id`,
    [ids],
  );
  for (const row of rows) {
    const list = out.get(row.declaration_id) ?? [];
    list.push(toDecision(row));
    out.set(row.declaration_id, list);
  }
  return out;
}
