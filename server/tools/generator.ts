// Fills a tenant with N synthetic professionals across a realistic tree:
// departments of ~25 units, units of ~200 people. Rows stream into
// PostgreSQL with COPY, so a million takes seconds, not hours.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createPeopleGenerator, REGION_CITIES } from '../demo/synthetic-people';
import { execute, pgQueryable, queryOne, queryRows, type Queryable } from '../platform/sql';
import { provisionTenant } from '../tenants/tenants.repository';

export interface GenerateOptions {
  ownerUrl: string;
  tenantCode: string;
  count: number;
  seed?: number;
  peoplePerUnit?: number;
  unitsPerDepartment?: number;
  onProgress?: (done: number) => void;
}

export interface GenerateResult {
  tenantId: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  departments: number;
  units: number;
}

const ROWS_PER_CHUNK = 5000;

function escapeCopy(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** One professional as a COPY text line (tab-separated, \N for NULL). */
export function copyLine(tenantId: string, p: ReturnType<ReturnType<typeof createPeopleGenerator>['next']>, unit: { id: string; path: string }): string {
  return `${tenantId}\t${p.idNumber}\t${escapeCopy(p.name)}\t${p.gender}\t${p.birthDate}\t${unit.id}\t${unit.path}\t${p.titleLevel}\t${p.titleSeries}\t${p.mobile}\t${p.joinedOn}\n`;
}

export const COPY_COLUMNS = `(tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)`;

interface IdRow {
  id: string;
}

const BUREAU_NAME = '生成数据人社局';

/** The tenant with this code, made (with its bureau) by provisionTenant in a transaction of its own when there is none. */
async function ensureTenant(client: Client, q: Queryable, tenantCode: string): Promise<string> {
  const existing = await queryOne<IdRow>(q, `SELECT id FROM tenant WHERE code = $1`, [tenantCode]);
  if (existing) return existing.id;
  await client.query('BEGIN');
  try {
    const { tenant } = await provisionTenant(q, { code: tenantCode, name: `${tenantCode}（生成数据）`, bureauName: BUREAU_NAME });
    await client.query('COMMIT');
    return tenant.id;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function ensureTree(client: Client, tenantCode: string, departments: number, unitsPerDepartment: number) {
  const db = pgQueryable(client);
  await execute(db, `SELECT set_config('app.operator', 'on', false)`);
  const tenantId = await ensureTenant(client, db, tenantCode);
  await execute(db, `SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
  const bureau =
    (await queryOne<IdRow>(db, `SELECT id FROM org_node WHERE kind = 'BUREAU' AND tenant_id = $1`, [tenantId])) ??
    // a tenant left without its bureau by an earlier, interrupted run of this tool
    (await queryOne<IdRow>(db, `INSERT INTO org_node (tenant_id, kind, name, path, depth) VALUES ($1, 'BUREAU', $2, '', 0) RETURNING id`, [tenantId, BUREAU_NAME]));
  if (!bureau) throw new Error(`no bureau for tenant ${tenantCode}`);
  // set-based: departments, then units below each; the path trigger fills paths
  await execute(
    db,
    `INSERT INTO org_node (tenant_id, parent_id, kind, name, code, path, depth)
     SELECT $1, $2, 'DEPARTMENT', '第' || g || '主管部门', 'GEN-D' || g, '', 0 FROM generate_series(1, $3) g
     ON CONFLICT DO NOTHING`,
    [tenantId, bureau.id, departments],
  );
  await execute(
    db,
    `INSERT INTO org_node (tenant_id, parent_id, kind, name, code, path, depth)
     SELECT $1, d.id, 'UNIT', d.name || '第' || g || '单位', d.code || '-U' || g, '', 0
       FROM org_node d CROSS JOIN generate_series(1, $2) g
      WHERE d.tenant_id = $1 AND d.kind = 'DEPARTMENT' AND d.code LIKE 'GEN-D%'
     ON CONFLICT DO NOTHING`,
    [tenantId, unitsPerDepartment],
  );
  const units = await queryRows<{ id: string; path: string }>(
    db,
    `SELECT id, path FROM org_node WHERE tenant_id = $1 AND kind = 'UNIT' AND code LIKE 'GEN-D%' ORDER BY path`,
    [tenantId],
  );
  const existing = (await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM professional WHERE tenant_id = $1`, [tenantId]))?.n ?? 0;
  return { tenantId, units, existing };
}

export async function generateProfessionals(options: GenerateOptions): Promise<GenerateResult> {
  const peoplePerUnit = options.peoplePerUnit ?? 200;
  const unitsPerDepartment = options.unitsPerDepartment ?? 25;
  const unitCount = Math.max(1, Math.ceil(options.count / peoplePerUnit));
  const departments = Math.max(1, Math.ceil(unitCount / unitsPerDepartment));
  const db = new Client({ connectionString: options.ownerUrl, application_name: 'ce-generator' });
  await db.connect();
  try {
    const role = await queryOne<{ ok: boolean }>(pgQueryable(db), `SELECT rolsuper OR rolbypassrls AS ok FROM pg_roles WHERE rolname = current_user`);
    if (!role?.ok) throw new Error('the generator streams rows with COPY, which row-level security forbids: connect as a superuser or a BYPASSRLS role');
    const { tenantId, units, existing } = await ensureTree(db, options.tenantCode, departments, unitsPerDepartment);
    const people = createPeopleGenerator({ seed: options.seed ?? 1, regionCodes: Object.values(REGION_CITIES).flatMap((c) => c.codes) });
    const start = existing;
    const end = existing + options.count;
    const perUnit = Math.ceil(end / units.length);
    const started = process.hrtime.bigint();
    let next = start;
    const source = Readable.from(
      (function* () {
        while (next < end) {
          const stop = Math.min(end, next + ROWS_PER_CHUNK);
          let chunk = '';
          for (; next < stop; next++) chunk += copyLine(tenantId, people.next(next), units[Math.min(units.length - 1, Math.floor(next / perUnit))]!);
          options.onProgress?.(next - start);
          yield chunk;
        }
      })(),
    );
    await db.query('BEGIN');
    await pipeline(source, db.query(copyFrom(`COPY professional ${COPY_COLUMNS} FROM STDIN`)));
    await db.query('COMMIT');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await db.query('ANALYZE professional');
    return { tenantId, rows: options.count, seconds, rowsPerSecond: options.count / seconds, departments, units: units.length };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
