// The status-lookup benchmark's data: one tenant under Qingdao's policy with N generated
// professionals and ~10 recorded activities a year each (set-based), a department
// official (the list's caller) and a bureau official (who creates the API client).
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../server/accounts/passwords';
import { loadPolicyFiles, publishInitialPolicy } from '../server/policy/initial-policies';
import { queryRows } from '../server/platform/sql';
import { generateProfessionals } from '../server/tools/generator';
import { requireRow } from './bench-support';
import { STATUS_YEAR } from './status-lookup-queries';

export interface StatusData {
  tenantId: string;
  people: number;
  activities: number;
  /** Seconds spent generating the people, then recording their activities. */
  seconds: { people: number; activities: number };
  bureau: Official;
  department: Official;
}

export interface Official {
  accountId: string;
  orgNodeId: string;
  orgPath: string;
}

/** Ten activities a year of the kinds Qingdao's policy names, about one in ten left out (so some years fall short). */
const ACTIVITY_KINDS = `(VALUES
  ('publicCourse', 2, '{"hours": 15}'::jsonb), ('publicCourse', 9, '{"hours": 15}'),
  ('jobTraining', 3, '{"category": "job", "hours": 16, "days": 2}'), ('jobTraining', 4, '{"category": "job", "hours": 16, "days": 2}'),
  ('jobTraining', 5, '{"category": "urgentTalent", "hours": 8, "days": 1}'), ('jobTraining', 6, '{"category": "advancedSeminar", "hours": 12, "days": 2}'),
  ('academicActivity', 7, '{"category": "conference", "hours": 8, "days": 1}'), ('academicActivity', 8, '{"category": "conference", "hours": 6, "days": 1}'),
  ('studyTour', 10, '{"title": "考察"}'), ('selfStudy', 11, '{"category": "courseClass", "school": "夜大"}')
) AS k(kind, month, params)`;

export async function seedStatusData(owner: DataSource, ownerUrl: string, policyDir: string, people: number, years: number): Promise<StatusData> {
  const t0 = process.hrtime.bigint();
  const qingdao = loadPolicyFiles(policyDir).get('qingdao');
  if (!qingdao) throw new Error(`no qingdao policy in ${policyDir}`);
  const gen = await generateProfessionals({ ownerUrl, tenantCode: 'qingdao', count: people, seed: 14 });
  await publishInitialPolicy(owner, gen.tenantId, qingdao, 'bench');
  const t1 = process.hrtime.bigint();
  // recorded on the day they happened, in the years up to the one asked about; in index order
  // (time-ordered ids, by person) so that the indexes fill in sequence rather than at random
  await owner.query(
    `INSERT INTO activity (tenant_id, id, professional_id, kind, year, occurred_on, params, recorded_at)
     SELECT tenant_id, uuidv7(), id, kind, y, make_date(y, month, 15), params, make_date(y, month, 15) + time '12:00'
       FROM (SELECT p.tenant_id, p.id, k.kind, y, k.month, k.params
               FROM professional p CROSS JOIN generate_series($2::int - $3::int + 1, $2::int) y CROSS JOIN ${ACTIVITY_KINDS}
              WHERE p.tenant_id = $1 AND abs(hashtext(p.id::text || y || k.month)) % 10 <> 0
              ORDER BY p.id, y, k.month) a`,
    [gen.tenantId, STATUS_YEAR, years],
  );
  await owner.query('ANALYZE activity');
  await owner.query('ANALYZE professional');
  const { count } = await requireRow<{ count: number }>(owner, `SELECT count(*)::int AS count FROM activity WHERE tenant_id = $1`, [gen.tenantId]);
  const node = (kind: string) =>
    requireRow<{ id: string; path: string }>(owner, `SELECT id, path FROM org_node WHERE tenant_id = $1 AND kind = $2 ORDER BY path LIMIT 1`, [gen.tenantId, kind]);
  const bureauNode = await node('BUREAU');
  const departmentNode = await node('DEPARTMENT');
  const official = async (username: string, role: string, org: { id: string; path: string }): Promise<Official> => {
    const [row] = await queryRows<{ id: string }>(
      owner,
      `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, password_hash, status)
       VALUES ($1, $2, '压测', $3, $4, $5, 'ACTIVE') RETURNING id`,
      [gen.tenantId, username, role, org.id, await hashPassword(randomBytes(12).toString('hex'))],
    );
    if (!row) throw new Error('account not created');
    return { accountId: row.id, orgNodeId: org.id, orgPath: org.path };
  };
  return {
    tenantId: gen.tenantId,
    people: gen.rows,
    activities: count,
    seconds: { people: Number(t1 - t0) / 1e9, activities: Number(process.hrtime.bigint() - t1) / 1e9 },
    bureau: await official('bench.bureau', 'BUREAU_OFFICIAL', bureauNode),
    department: await official('bench.department', 'DEPARTMENT_OFFICIAL', departmentNode),
  };
}

/** `n` ID numbers of the tenant's people, in a random order (each request of a run asks about the next). */
export async function sampleIdNumbers(owner: DataSource, tenantId: string, n: number): Promise<string[]> {
  const rows = await queryRows<{ id_number: string }>(owner, `SELECT id_number FROM professional WHERE tenant_id = $1 ORDER BY random() LIMIT $2`, [tenantId, n]);
  return rows.map((r) => r.id_number);
}

/** The API client's key record, as the baseline keeps it in memory. */
export async function apiKeyRecord(owner: DataSource, keyId: string): Promise<{ keyId: string; secretHash: string; tenantId: string; scopes: string[] }> {
  const row = await requireRow<{ secret_hash: string; tenant_id: string; scopes: string[] }>(owner, `SELECT secret_hash, tenant_id, scopes FROM api_client WHERE key_id = $1`, [keyId]);
  return { keyId, secretHash: row.secret_hash, tenantId: row.tenant_id, scopes: row.scopes };
}
