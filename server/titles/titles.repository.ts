// Every query of title records and title applications. A record changes the
// person's current title in the same statement sequence, under the person's
// version check (the UPDATE of professional is the lock).
import type { TitleLevel, TitleRoute, TitleSeries } from '../engine/titles';
import { subtreeEnd } from '../platform/actor';
import { changedRows, execute, queryOne, queryRows, setClauses, type Queryable } from '../platform/sql';
import { isUuid } from '../platform/uuid';
import { TitleApplication, type TitleApplicationStatus, TitleRecord } from './titles.types';

interface TitleRecordRow {
  id: string;
  professional_id: string;
  level: TitleLevel;
  series: TitleSeries;
  obtained_on: string;
  issuing_body: string;
  certificate_no: string | null;
  recorded_at: Date;
}

interface TitleApplicationRow {
  id: string;
  professional_id: string;
  target_level: TitleLevel;
  target_series: TitleSeries;
  application_year: number;
  route: TitleRoute;
  filed_on: string | null;
  status: TitleApplicationStatus;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const RECORD_COLUMNS = `id, professional_id, level, series, obtained_on::text AS obtained_on, issuing_body, certificate_no, recorded_at`;
const APPLICATION_COLUMNS = `id, professional_id, target_level, target_series, application_year, route, filed_on::text AS filed_on,
  status, version, created_at, updated_at`;

function toTitleRecord(row: TitleRecordRow): TitleRecord {
  return Object.assign(new TitleRecord(), {
    id: row.id,
    professionalId: row.professional_id,
    level: row.level,
    series: row.series,
    obtainedOn: row.obtained_on,
    issuingBody: row.issuing_body,
    certificateNo: row.certificate_no,
    recordedAt: row.recorded_at,
  });
}

export function toTitleApplication(row: TitleApplicationRow): TitleApplication {
  return Object.assign(new TitleApplication(), {
    id: row.id,
    professionalId: row.professional_id,
    targetLevel: row.target_level,
    targetSeries: row.target_series,
    applicationYear: row.application_year,
    route: row.route,
    filedOn: row.filed_on,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export interface NewTitleRecord {
  professionalId: string;
  level: TitleLevel;
  series: TitleSeries;
  obtainedOn: string;
  issuingBody: string;
  certificateNo: string | null;
  recordedBy: string | null;
}

export interface ApplicationQuery {
  applicationYear: number;
  /** subtree of the people's units; null = whole tenant */
  path: string | null;
  professionalId: string | null;
  status: TitleApplicationStatus | null;
}

export class TitlesRepository {
  /** Takes the person's row (version check) before anything else; false when the version moved on. */
  async bumpProfessional(em: Queryable, professionalId: string, version: number): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      em,
      `UPDATE professional SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
      [professionalId, version],
    );
    return rows.length === 1;
  }

  async insertRecord(em: Queryable, tenantId: string, r: NewTitleRecord): Promise<TitleRecord> {
    const [row] = await queryRows<TitleRecordRow>(
      em,
      `INSERT INTO title_record (tenant_id, professional_id, level, series, obtained_on, issuing_body, certificate_no, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${RECORD_COLUMNS}`,
      [tenantId, r.professionalId, r.level, r.series, r.obtainedOn, r.issuingBody, r.certificateNo, r.recordedBy],
    );
    return toTitleRecord(row!);
  }

  async countRecords(em: Queryable, professionalId: string): Promise<number> {
    const row = await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM title_record WHERE professional_id = $1`, [professionalId]);
    return row?.n ?? 0;
  }

  async deleteRecord(em: Queryable, id: string): Promise<void> {
    await execute(em, `DELETE FROM title_record WHERE id = $1`, [id]);
  }

  async findRecord(em: Queryable, id: string): Promise<TitleRecord | null> {
    if (!isUuid(id)) return null;
    const row = await queryOne<TitleRecordRow>(em, `SELECT ${RECORD_COLUMNS} FROM title_record WHERE id = $1`, [id]);
    return row && toTitleRecord(row);
  }

  /**
   * The current title is the latest record (by date obtained, then by when it was recorded);
   * with no record left the level and series stay as registered and the date is cleared.
   */
  async refreshCurrentTitle(em: Queryable, professionalId: string): Promise<void> {
    await execute(
      em,
      `UPDATE professional p
          SET title_level = COALESCE(latest.level, p.title_level),
              title_series = COALESCE(latest.series, p.title_series),
              title_obtained_on = latest.obtained_on
         FROM (SELECT NULL) AS one
         LEFT JOIN LATERAL (
           SELECT r.level, r.series, r.obtained_on FROM title_record r
            WHERE r.professional_id = $1
            ORDER BY r.obtained_on DESC, r.recorded_at DESC LIMIT 1) latest ON true
        WHERE p.id = $1`,
      [professionalId],
    );
  }

  /** The title histories of several people, newest first (for a DataLoader). */
  async historiesOf(em: Queryable, professionalIds: readonly string[]): Promise<Map<string, TitleRecord[]>> {
    const ids = professionalIds.filter(isUuid);
    const out = new Map<string, TitleRecord[]>();
    if (!ids.length) return out;
    const rows = await queryRows<TitleRecordRow>(
      em,
      `SELECT ${RECORD_COLUMNS} FROM title_record WHERE professional_id = ANY($1::uuid[])
        ORDER BY professional_id, obtained_on DESC, recorded_at DESC`,
      [ids],
    );
    for (const row of rows) {
      const list = out.get(row.professional_id) ?? [];
      list.push(toTitleRecord(row));
      out.set(row.professional_id, list);
    }
    return out;
  }

  /** Locks the person's row for the rest of the transaction (limits counted under it hold). */
  async lockProfessional(em: Queryable, professionalId: string): Promise<void> {
    await execute(em, `SELECT 1 FROM professional WHERE id = $1 FOR UPDATE`, [professionalId]);
  }

  /** Applications of a person in a year, withdrawn ones included. */
  async countApplications(em: Queryable, professionalId: string, applicationYear: number): Promise<number> {
    const row = await queryOne<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM title_application WHERE professional_id = $1 AND application_year = $2`,
      [professionalId, applicationYear],
    );
    return row?.n ?? 0;
  }

  async insertApplication(
    em: Queryable,
    tenantId: string,
    a: Pick<TitleApplication, 'professionalId' | 'targetLevel' | 'targetSeries' | 'applicationYear' | 'route' | 'filedOn'>,
    createdBy: string | null,
  ): Promise<TitleApplication> {
    const [row] = await queryRows<TitleApplicationRow>(
      em,
      `INSERT INTO title_application (tenant_id, professional_id, target_level, target_series, application_year, route, filed_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${APPLICATION_COLUMNS}`,
      [tenantId, a.professionalId, a.targetLevel, a.targetSeries, a.applicationYear, a.route, a.filedOn, createdBy],
    );
    return toTitleApplication(row!);
  }

  /** Optimistic update: null when the version no longer matches. */
  async updateApplication(
    em: Queryable,
    id: string,
    version: number,
    changes: Partial<Pick<TitleApplication, 'targetLevel' | 'targetSeries' | 'route' | 'filedOn' | 'status'>>,
  ): Promise<TitleApplication | null> {
    const columns: Record<string, string> = {
      targetLevel: 'target_level',
      targetSeries: 'target_series',
      route: 'route',
      filedOn: 'filed_on',
      status: 'status',
    };
    const params: unknown[] = [id, version];
    const sets = setClauses(changes, columns, params);
    const [row] = await changedRows<TitleApplicationRow>(
      em,
      `UPDATE title_application SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING ${APPLICATION_COLUMNS}`,
      params,
    );
    return row ? toTitleApplication(row) : null;
  }

  async findApplications(em: Queryable, ids: readonly string[]): Promise<TitleApplication[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows = await queryRows<TitleApplicationRow>(em, `SELECT ${APPLICATION_COLUMNS} FROM title_application WHERE id = ANY($1::uuid[])`, [valid]);
    return rows.map(toTitleApplication);
  }

  /** One page of a year's applications in the caller's part of the tree, by id. */
  async findApplicationPage(em: Queryable, q: ApplicationQuery, afterId: string | null, limit: number): Promise<TitleApplication[]> {
    const params: unknown[] = [];
    const where = applicationWhere(q, params);
    if (afterId) {
      params.push(afterId);
      where.push(`a.id > $${params.length}::uuid`);
    }
    params.push(limit);
    const columns = APPLICATION_COLUMNS.split(',').map((c) => `a.${c.trim()}`).join(', ');
    const rows = await queryRows<TitleApplicationRow>(
      em,
      `SELECT ${columns} FROM title_application a JOIN professional p ON p.tenant_id = a.tenant_id AND p.id = a.professional_id
        WHERE ${where.join(' AND ')} ORDER BY a.id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toTitleApplication);
  }

  async countApplicationPage(em: Queryable, q: ApplicationQuery): Promise<number> {
    const params: unknown[] = [];
    const where = applicationWhere(q, params);
    const row = await queryOne<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM title_application a JOIN professional p ON p.tenant_id = a.tenant_id AND p.id = a.professional_id
        WHERE ${where.join(' AND ')}`,
      params,
    );
    return row?.n ?? 0;
  }
}

function applicationWhere(q: ApplicationQuery, params: unknown[]): string[] {
  params.push(q.applicationYear);
  const where = [`a.application_year = $${params.length}`];
  if (q.path) {
    params.push(q.path, subtreeEnd(q.path));
    where.push(`p.unit_path >= $${params.length - 1} AND p.unit_path < $${params.length}`);
  }
  if (q.professionalId) {
    params.push(q.professionalId);
    where.push(`a.professional_id = $${params.length}`);
  }
  if (q.status) {
    params.push(q.status);
    where.push(`a.status = $${params.length}`);
  }
  return where;
}
