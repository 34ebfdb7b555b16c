// Demo data for the five launch tenants, written once: a tenant that exists
// is left alone, so restarts never seed twice. Demo passwords are random,
// kept in the data folder (git-ignored, mode 600) and printed at every start.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { generateActivationCode, hashPassword } from '../accounts/passwords';
import type { Logger } from '../platform/logger';
import { createPeopleGenerator, REGION_CITIES } from './synthetic-people';
import { inTransaction } from '../platform/transaction';
import { DEMO_TENANTS, DemoTenant } from './demo-data';

export interface DemoCredential {
  tenant: string;
  tenantName: string;
  role: string;
  username: string;
  password?: string;
  activationCode?: string;
  note: string;
}

const PEOPLE_PER_UNIT = 6;

function demoPassword(): string {
  // letters and digits, as the password rule requires
  return `Demo${randomBytes(6).toString('hex')}9`;
}

async function insertNode(em: EntityManager, tenantId: string, parentId: string | null, kind: string, name: string, code?: string) {
  const [row] = await em.query(
    `INSERT INTO org_node (tenant_id, parent_id, kind, name, code, path, depth) VALUES ($1, $2, $3, $4, $5, '', 0) RETURNING id`,
    [tenantId, parentId, kind, name, code ?? null],
  );
  return row.id as string;
}

async function insertAccount(
  em: EntityManager,
  tenantId: string,
  a: { username: string; displayName: string; role: string; orgNodeId: string; professionalId?: string; password?: string },
) {
  const [row] = await em.query(
    `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, professional_id, password_hash, status, activated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      tenantId,
      a.username,
      a.displayName,
      a.role,
      a.orgNodeId,
      a.professionalId ?? null,
      a.password ? await hashPassword(a.password) : null,
      a.password ? 'ACTIVE' : 'PENDING',
      a.password ? new Date() : null,
    ],
  );
  return row.id as string;
}

async function seedTenant(owner: DataSource, t: DemoTenant, seed: number): Promise<DemoCredential[]> {
  return inTransaction(owner, { tenantId: null, operator: true }, async (em) => {
    const [tenant] = await em.query(`INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id`, [t.code, t.name]);
    const tenantId: string = tenant.id;
    await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const bureauId = await insertNode(em, tenantId, null, 'BUREAU', t.bureau);
    const people = createPeopleGenerator({ seed, regionCodes: REGION_CITIES[t.code].codes });
    let index = 0;
    const firstDept = { id: '', unitId: '', professionalIds: [] as string[] };
    for (const d of t.departments) {
      const deptId = await insertNode(em, tenantId, bureauId, 'DEPARTMENT', d.name, d.code);
      for (const [u, unitName] of d.units.entries()) {
        const unitId = await insertNode(em, tenantId, deptId, 'UNIT', unitName, `${d.code}-${u + 1}`);
        const [{ path }] = await em.query(`SELECT path FROM org_node WHERE id = $1`, [unitId]);
        const values: unknown[] = [];
        const tuples: string[] = [];
        for (let i = 0; i < PEOPLE_PER_UNIT; i++) {
          const p = people.next(index++);
          const n = values.length;
          tuples.push(`($1, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9}, $${n + 10}, $${n + 11})`);
          values.push(p.idNumber, p.name, p.gender, p.birthDate, unitId, path, p.titleLevel, p.titleSeries, p.mobile, p.joinedOn);
        }
        const rows = await em.query(
          `INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
           VALUES ${tuples.join(', ')} RETURNING id`,
          [tenantId, ...values],
        );
        if (!firstDept.id) {
          firstDept.id = deptId;
          firstDept.unitId = unitId;
          firstDept.professionalIds = rows.map((r: { id: string }) => r.id);
        }
      }
    }
    const creds: DemoCredential[] = [];
    const official = async (username: string, displayName: string, role: string, orgNodeId: string, note: string) => {
      const password = demoPassword();
      await insertAccount(em, tenantId, { username, displayName, role, orgNodeId, password });
      creds.push({ tenant: t.code, tenantName: t.name, role, username, password, note });
    };
    await official('bureau', `${t.name}人社局管理员`, 'BUREAU_OFFICIAL', bureauId, t.bureau);
    await official('department', `${t.departments[0].name}管理员`, 'DEPARTMENT_OFFICIAL', firstDept.id, t.departments[0].name);
    await official('unit', `${t.departments[0].units[0]}经办人`, 'UNIT_OFFICIAL', firstDept.unitId, t.departments[0].units[0]);

    const [active, pending] = await em.query(
      `SELECT id, id_number, name, unit_id FROM professional WHERE id = ANY($1::uuid[]) ORDER BY id_number LIMIT 2`,
      [firstDept.professionalIds],
    );
    const password = demoPassword();
    await insertAccount(em, tenantId, { username: active.id_number, displayName: active.name, role: 'PROFESSIONAL', orgNodeId: active.unit_id, professionalId: active.id, password });
    creds.push({ tenant: t.code, tenantName: t.name, role: 'PROFESSIONAL', username: active.id_number, password, note: active.name });

    const accountId = await insertAccount(em, tenantId, { username: pending.id_number, displayName: pending.name, role: 'PROFESSIONAL', orgNodeId: pending.unit_id, professionalId: pending.id });
    const code = generateActivationCode();
    await em.query(
      `INSERT INTO activation_code (tenant_id, account_id, code_hash, expires_at) VALUES ($1, $2, $3, now() + interval '3650 days')`,
      [tenantId, accountId, await hashPassword(code)],
    );
    creds.push({ tenant: t.code, tenantName: t.name, role: 'PROFESSIONAL', username: pending.id_number, activationCode: code, note: `${pending.name}（待激活）` });

    await em.query(
      `INSERT INTO audit_log (tenant_id, actor_kind, actor_label, action, entity_type, entity_id, after)
       VALUES ($1::uuid, 'SYSTEM', 'demo-seed', 'tenant.seedDemo', 'tenant', $1::text, $2)`,
      [tenantId, { code: t.code }],
    );
    return creds;
  });
}

export interface DemoInfo {
  credentials: DemoCredential[];
  file: string;
}

export async function seedDemo(owner: DataSource, dataDir: string, logger: Logger): Promise<DemoInfo> {
  const file = path.join(path.resolve(dataDir), 'demo-accounts.json');
  let credentials: DemoCredential[] = [];
  try {
    credentials = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    credentials = [];
  }
  const existing = new Set(
    (await inTransaction(owner, { tenantId: null, operator: true }, (em) => em.query(`SELECT code FROM tenant`))).map((r: { code: string }) => r.code),
  );
  let changed = false;
  for (const [i, t] of DEMO_TENANTS.entries()) {
    if (existing.has(t.code)) continue;
    logger.info({ tenant: t.code }, 'seeding demo tenant');
    credentials = credentials.filter((c) => c.tenant !== t.code).concat(await seedTenant(owner, t, 20260000 + i));
    changed = true;
  }
  const password = demoPassword();
  const passwordHash = await hashPassword(password);
  const createdOperator = await inTransaction(owner, { tenantId: null, operator: true }, async (em) => {
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM platform_operator`);
    if (n > 0) return false;
    await em.query(`INSERT INTO platform_operator (username, password_hash) VALUES ('operator', $1)`, [passwordHash]);
    return true;
  });
  if (createdOperator) {
    credentials = credentials.filter((c) => c.tenant !== '-').concat({ tenant: '-', tenantName: '平台', role: 'OPERATOR', username: 'operator', password, note: '平台运营' });
    changed = true;
  }
  if (changed) await writeFile(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  return { credentials, file };
}

export function printBanner(url: string, demo: DemoInfo | null): void {
  const lines = [
    '',
    '继续教育平台 / continuing-education platform is running',
    `  GraphQL endpoint : ${url}/graphql`,
    `  Explorer         : ${url}/explorer`,
    `  Health           : ${url}/healthz   Readiness: ${url}/readyz`,
  ];
  if (demo && demo.credentials.length) {
    lines.push('', `Demo accounts (also in ${demo.file}); sign in with the signIn mutation:`);
    for (const c of demo.credentials) {
      const secret = c.password ? `password ${c.password}` : `activation code ${c.activationCode} (activateAccount)`;
      lines.push(`  ${c.tenant.padEnd(9)} ${c.role.padEnd(20)} ${c.username.padEnd(19)} ${secret}   ${c.note}`);
    }
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));
}
