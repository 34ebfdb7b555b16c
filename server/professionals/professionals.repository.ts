// Every query the professionals capability makes. Lists are keyset-paginated
// on (unit_path, id), which the three list indexes serve directly.
import { subtreeEnd } from '../platform/actor';
import { maskIdNumber } from '../platform/id-number';
import { changedRows, execute, queryOne, queryRows, setClauses, type Queryable } from '../platform/sql';
import { isUuid } from '../platform/uuid';
import type { TitleLevel, TitleSeries } from '../engine/titles';
import { Gender, Professional, ProfessionalStatus } from './professionals.types';

interface ProfessionalRow {
  id: string;
  id_number: string;
  name: string;
  gender: Gender;
  /** YYYY-MM-DD (selected as text) */
  birth_date: string;
  unit_id: string;
  unit_path: string;
  title_level: TitleLevel;
  title_series: TitleSeries;
  /** YYYY-MM-DD (selected as text); null without a title history */
  title_obtained_on: string | null;
  phone: string | null;
  status: ProfessionalStatus;
  /** YYYY-MM-DD (selected as text) */
  joined_unit_on: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, id_number, name, gender, birth_date::text AS birth_date, unit_id, unit_path, title_level,
  title_series, title_obtained_on::text AS title_obtained_on, phone, status, joined_unit_on::text AS joined_unit_on, version, created_at, updated_at`;

export function toProfessional(row: ProfessionalRow): Professional {
  return Object.assign(new Professional(), {
    id: row.id,
    idNumber: row.id_number,
    idNumberMasked: maskIdNumber(row.id_number),
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    titleLevel: row.title_level,
    titleSeries: row.title_series,
    titleObtainedOn: row.title_obtained_on,
    phone: row.phone,
    status: row.status,
    joinedUnitOn: row.joined_unit_on,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** A list query, already narrowed to the actor's scope by the service. */
export interface ProfessionalQuery {
  /** path prefix every unit_path must start with; null = whole tenant */
  path: string | null;
  /** only this professional (a professional looking at themself) */
  selfId?: string | null;
  unitId?: string | null;
  titleLevel?: string | null;
  titleSeries?: string | null;
  status?: string | null;
  name?: string | null;
  idNumber?: string | null;
}

function whereOf(q: ProfessionalQuery, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    const sqlWithParams = sql.replace(/\?/g, () => {
      params.push(values.shift());
      return `$${params.length}`;
    });
    clauses.push(sqlWithParams);
  };
  if (q.path) add(`unit_path >= ? AND unit_path < ?`, q.path, subtreeEnd(q.path));
  if (q.selfId) add(`id = ?`, q.selfId);
  if (q.unitId) add(`unit_id = ?`, q.unitId);
  if (q.titleLevel) add(`title_level = ?`, q.titleLevel);
  if (q.titleSeries) add(`title_series = ?`, q.titleSeries);
  if (q.status) add(`status = ?`, q.status);
  if (q.name) add(`name COLLATE "C" >= ? AND name COLLATE "C" < ?`, q.name, q.name + '\u{10FFFF}');
  if (q.idNumber) add(`id_number = ?`, q.idNumber);
  return clauses.length ? clauses.join(' AND ') : 'true';
}

export class ProfessionalsRepository {
  async findMany(em: Queryable, ids: readonly string[]): Promise<Professional[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows = await queryRows<ProfessionalRow>(em, `SELECT ${COLUMNS} FROM professional WHERE id = ANY($1::uuid[])`, [valid]);
    return rows.map(toProfessional);
  }

  /** One page in (unit_path, id) order, after the keyset position `after`. */
  async findPage(em: Queryable, q: ProfessionalQuery, after: readonly string[] | null, limit: number): Promise<Professional[]> {
    const params: unknown[] = [];
    let where = whereOf(q, params);
    if (after) {
      params.push(after[0], after[1]);
      where += ` AND (unit_path, id) > ($${params.length - 1}, $${params.length}::uuid)`;
    }
    params.push(limit);
    const rows = await queryRows<ProfessionalRow>(
      em,
      `SELECT ${COLUMNS} FROM professional WHERE ${where} ORDER BY unit_path, id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toProfessional);
  }

  async count(em: Queryable, q: ProfessionalQuery): Promise<number> {
    const params: unknown[] = [];
    const row = await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM professional WHERE ${whereOf(q, params)}`, params);
    return row?.n ?? 0;
  }

  async insert(
    em: Queryable,
    tenantId: string,
    p: Omit<Professional, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'idNumberMasked' | 'status' | 'titleObtainedOn'>,
  ): Promise<Professional> {
    const [row] = await queryRows<ProfessionalRow>(
      em,
      `INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [tenantId, p.idNumber, p.name, p.gender, p.birthDate, p.unitId, p.unitPath, p.titleLevel, p.titleSeries, p.phone, p.joinedUnitOn],
    );
    return toProfessional(row!);
  }

  /** Optimistic update: null when the version no longer matches. */
  async update(
    em: Queryable,
    id: string,
    version: number,
    changes: Partial<Pick<Professional, 'name' | 'titleLevel' | 'titleSeries' | 'phone' | 'status' | 'unitId' | 'unitPath' | 'joinedUnitOn'>>,
  ): Promise<Professional | null> {
    const columns: Record<string, string> = {
      name: 'name',
      titleLevel: 'title_level',
      titleSeries: 'title_series',
      phone: 'phone',
      status: 'status',
      unitId: 'unit_id',
      unitPath: 'unit_path',
      joinedUnitOn: 'joined_unit_on',
    };
    const params: unknown[] = [id, version];
    const sets = setClauses(changes, columns, params);
    const [row] = await changedRows<ProfessionalRow>(
      em,
      `UPDATE professional SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
      params,
    );
    return row ? toProfessional(row) : null;
  }

  /** A professional's own account follows them to their new unit. */
  async moveAccount(em: Queryable, professionalId: string, unitId: string): Promise<void> {
    await execute(em, `UPDATE account SET org_node_id = $2, version = version + 1 WHERE professional_id = $1`, [professionalId, unitId]);
  }
}
