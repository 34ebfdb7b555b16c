// Every query about training projects and report batches (completions: completions.repository).
import { changedRows, queryOne, queryRows, type Queryable } from '../platform/sql';
import type { TrainingProject, TrainingSource } from './providers.types';

interface ProjectRow {
  id: string;
  source: TrainingSource;
  provider_client_id: string | null;
  provider_name: string | null;
  title: string;
  kind: string;
  kind_name: string;
  subject: 'PUBLIC' | 'PROFESSIONAL';
  hours: number;
  params: Record<string, unknown>;
  hours_param: string;
  start_date: string;
  end_date: string;
  audience: string;
  venue: string;
  filed_at: Date;
  filed_key: string;
  filed_on: string;
  lead_working_days: number | null;
  working_days_before: number | null;
  on_time: boolean;
  late_reason: string | null;
  calendar_note: string | null;
}

/** A project as the service uses it: the GraphQL view plus what recording needs. */
export interface StoredProject extends TrainingProject {
  hoursParam: string;
  /** Keyset position (filed_at as text, id). */
  key: [string, string];
}

export interface NewProject {
  tenantId: string;
  source: TrainingSource;
  providerClientId: string | null;
  title: string;
  kind: string;
  kindName: string;
  subject: 'PUBLIC' | 'PROFESSIONAL';
  hours: number;
  params: Record<string, unknown>;
  hoursParam: string;
  startDate: string;
  endDate: string;
  audience: string;
  venue: string;
  filedBy: string;
  filedOn: string;
  leadWorkingDays: number | null;
  workingDaysBefore: number | null;
  onTime: boolean;
  lateReason: string | null;
  calendarNote: string | null;
}

export interface ProjectFilter {
  /** Only this provider's projects (a provider sees its own); undefined: every provider's. */
  providerClientId?: string | null;
  source?: TrainingSource | null;
  year?: number | null;
  onTime?: boolean | null;
}

/** A claimed or earlier batch: its answer is null until the claiming request has written it. */
export interface StoredBatch {
  id: string;
  projectId: string;
  batchKey: string;
  contentHash: string;
  received: number;
  results: BatchRowTuple[] | null;
}

/** A row's answer as stored: [index, masked ID number, status, code or null, hours]. */
export type BatchRowTuple = [number, string, string, string | null, number];

export const PLATFORM_PROVIDER_NAME = '平台课程';

const PROJECT_COLUMNS = `p.id, p.source, p.provider_client_id, c.name AS provider_name, p.title, p.kind, p.kind_name, p.subject, p.hours,
  p.params, p.hours_param, p.start_date::text AS start_date, p.end_date::text AS end_date, p.audience, p.venue, p.filed_at,
  p.filed_at::text AS filed_key, p.filed_on::text AS filed_on, p.lead_working_days, p.working_days_before, p.on_time, p.late_reason, p.calendar_note`;
const PROJECT_FROM = `training_project p LEFT JOIN api_client c ON c.tenant_id = p.tenant_id AND c.id = p.provider_client_id`;

function toProject(r: ProjectRow): StoredProject {
  return {
    id: r.id,
    source: r.source,
    providerId: r.provider_client_id,
    providerName: r.provider_name ?? PLATFORM_PROVIDER_NAME,
    title: r.title,
    kind: r.kind,
    kindName: r.kind_name,
    subject: r.subject,
    hours: r.hours,
    params: r.params,
    hoursParam: r.hours_param,
    startDate: r.start_date,
    endDate: r.end_date,
    audience: r.audience,
    venue: r.venue,
    filedAt: r.filed_at,
    filedOn: r.filed_on,
    onTime: r.on_time,
    lateReason: r.late_reason,
    leadWorkingDays: r.lead_working_days,
    workingDaysBefore: r.working_days_before,
    calendarNote: r.calendar_note,
    key: [r.filed_key, r.id],
  };
}

/** The WHERE clauses of a project filter, its values appended to `params`. */
function filterClauses(f: ProjectFilter, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (f.providerClientId !== undefined) {
    if (f.providerClientId === null) where.push(`p.provider_client_id IS NULL`);
    else add((n) => `p.provider_client_id = ${n}::uuid`, f.providerClientId);
  }
  if (f.source) add((n) => `p.source = ${n}`, f.source);
  if (f.onTime !== undefined && f.onTime !== null) add((n) => `p.on_time = ${n}`, f.onTime);
  if (f.year !== undefined && f.year !== null) {
    add((n) => `p.start_date >= make_date(${n}::int, 1, 1)`, f.year);
    add((n) => `p.start_date < make_date(${n}::int + 1, 1, 1)`, f.year);
  }
  return where;
}

export class ProvidersRepository {
  async insertProject(db: Queryable, p: NewProject): Promise<StoredProject> {
    const [row] = await queryRows<{ id: string }>(
      db,
      `INSERT INTO training_project (tenant_id, source, provider_client_id, title, kind, kind_name, subject, hours, params, hours_param,
          start_date, end_date, audience, venue, filed_by, filed_on, lead_working_days, working_days_before, on_time, late_reason, calendar_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id`,
      [
        p.tenantId, p.source, p.providerClientId, p.title, p.kind, p.kindName, p.subject, p.hours, p.params, p.hoursParam,
        p.startDate, p.endDate, p.audience, p.venue, p.filedBy, p.filedOn, p.leadWorkingDays, p.workingDaysBefore, p.onTime, p.lateReason, p.calendarNote,
      ],
    );
    return (await this.findProject(db, row!.id))!;
  }

  async findProject(db: Queryable, id: string): Promise<StoredProject | null> {
    const row = await queryOne<ProjectRow>(db, `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} WHERE p.id = $1`, [id]);
    return row && toProject(row);
  }

  async findProjectsById(db: Queryable, ids: readonly string[]): Promise<StoredProject[]> {
    const rows = await queryRows<ProjectRow>(db, `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} WHERE p.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toProject);
  }

  /** Newest filed first, after the keyset position (filed_at as text, id). */
  async findProjects(db: Queryable, f: ProjectFilter, after: readonly string[] | null, limit: number): Promise<StoredProject[]> {
    const params: unknown[] = [limit];
    const where = filterClauses(f, params);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(p.filed_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await queryRows<ProjectRow>(
      db,
      `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.filed_at DESC, p.id DESC LIMIT $1`,
      params,
    );
    return rows.map(toProject);
  }

  async countProjects(db: Queryable, f: ProjectFilter): Promise<number> {
    const params: unknown[] = [];
    const where = filterClauses(f, params);
    const row = await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM training_project p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params);
    return row?.n ?? 0;
  }

  /**
   * Claims a batch key: the new batch's id, or null when the provider used the key before. A
   * concurrent claim of the same key waits here until the first commits (the unique index), so
   * the loser reads the winner's batch, never half of it.
   */
  async claimBatch(
    db: Queryable,
    b: { tenantId: string; projectId: string; source: TrainingSource; providerClientId: string | null; batchKey: string; contentHash: string; received: number; reportedBy: string },
  ): Promise<string | null> {
    const row = await queryOne<{ id: string }>(
      db,
      `INSERT INTO training_report_batch (tenant_id, project_id, source, provider_client_id, batch_key, content_hash, received, reported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [b.tenantId, b.projectId, b.source, b.providerClientId, b.batchKey, b.contentHash, b.received, b.reportedBy],
    );
    return row?.id ?? null;
  }

  async findBatch(db: Queryable, providerClientId: string | null, batchKey: string): Promise<StoredBatch | null> {
    const row = await queryOne<{ id: string; project_id: string; batch_key: string; content_hash: string; received: number; results: BatchRowTuple[] | null }>(
      db,
      `SELECT id, project_id, batch_key, content_hash, received, results FROM training_report_batch
        WHERE COALESCE(provider_client_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE($1::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
          AND batch_key = $2`,
      [providerClientId, batchKey],
    );
    return row && { id: row.id, projectId: row.project_id, batchKey: row.batch_key, contentHash: row.content_hash, received: row.received, results: row.results };
  }

  async saveBatchAnswer(
    db: Queryable,
    id: string,
    counts: { credited: number; notCredited: number; alreadyReported: number; rejected: number },
    results: readonly BatchRowTuple[],
  ): Promise<void> {
    const changed = await changedRows(
      db,
      `UPDATE training_report_batch SET credited = $2, not_credited = $3, already_reported = $4, rejected = $5, results = $6::jsonb
        WHERE id = $1 AND results IS NULL RETURNING id`,
      [id, counts.credited, counts.notCredited, counts.alreadyReported, counts.rejected, JSON.stringify(results)],
    );
    if (changed.length !== 1) throw new Error(`batch ${id} was answered twice`);
  }
}
