// Demo data for the five launch tenants, written once: a tenant that exists
// is left alone, so restarts never seed twice. Each tenant gets its tree,
// coherent staff (a hospital's people are health professionals), a few years
// of activities (some people complete, some short, some exempt), officials
// and two professional accounts. Demo passwords are random, kept in the data
// folder (git-ignored, mode 600); at every start the banner prints them with
// the activation codes that are still unused.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { generateActivationCode, hashPassword } from '../accounts/passwords';
import type { PolicyDocument } from '../engine';
import type { Logger } from '../platform/logger';
import { loadAllPolicies } from '../policy';
import { inTransaction } from '../platform/transaction';
import { DEMO_TENANTS, DemoTenant, demoStaff } from './demo-data';
import { chinaToday, planDemoActivities } from './demo-activities';
import { checkActivationCodes, DemoCredential, DemoInfo, PENDING_NOTE } from './demo-banner';

export { printBanner, type DemoCredential, type DemoInfo } from './demo-banner';

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

interface SeedContext {
  seed: number;
  today: string;
  policy: PolicyDocument | undefined;
  logger: Logger;
}

async function seedTenant(owner: DataSource, t: DemoTenant, s: SeedContext): Promise<DemoCredential[]> {
  return inTransaction(owner, { tenantId: null, operator: true }, async (em) => {
    const [tenant] = await em.query(`INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id`, [t.code, t.name]);
    const tenantId: string = tenant.id;
    await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const bureauId = await insertNode(em, tenantId, null, 'BUREAU', t.bureau);
    const deptIds: string[] = [];
    const unitIds: string[] = [];
    for (const d of t.departments) {
      const deptId = await insertNode(em, tenantId, bureauId, 'DEPARTMENT', d.name, d.code);
      deptIds.push(deptId);
      for (const [u, unit] of d.units.entries()) unitIds.push(await insertNode(em, tenantId, deptId, 'UNIT', unit.name, `${d.code}-${u + 1}`));
    }

    // People hired up to the end of last year; one set-based insert for the tenant.
    const staff = demoStaff(t, s.seed, `${Number(s.today.slice(0, 4)) - 1}-12-31`);
    const cols = (f: (m: (typeof staff)[number]) => unknown) => staff.map(f);
    const inserted: { id: string; id_number: string }[] = await em.query(
      `INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
       SELECT $1, u.id_number, u.name, u.gender, u.birth_date, u.unit_id, o.path, u.title_level, u.title_series, u.phone, u.joined_on
         FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::date[])
              AS u(id_number, name, gender, birth_date, unit_id, title_level, title_series, phone, joined_on)
         JOIN org_node o ON o.tenant_id = $1 AND o.id = u.unit_id
       RETURNING id, id_number`,
      [
        tenantId,
        cols((m) => m.person.idNumber),
        cols((m) => m.person.name),
        cols((m) => m.person.gender),
        cols((m) => m.person.birthDate),
        cols((m) => unitIds[m.unit]),
        cols((m) => m.person.titleLevel),
        cols((m) => m.person.titleSeries),
        cols((m) => m.person.mobile),
        cols((m) => m.person.joinedOn),
      ],
    );
    const idOf = new Map(inserted.map((r) => [r.id_number, r.id]));
    const professionalId = (key: number) => idOf.get(staff[key]!.person.idNumber)!;

    const creds: DemoCredential[] = [];
    const official = async (username: string, displayName: string, role: string, orgNodeId: string, note: string) => {
      const password = demoPassword();
      const id = await insertAccount(em, tenantId, { username, displayName, role, orgNodeId, password });
      creds.push({ tenant: t.code, tenantName: t.name, role, username, password, note });
      return id;
    };
    // The department and unit officials, and the two professional accounts, work in the first unit's line.
    const firstDept = t.departments[0]!;
    const firstUnit = firstDept.units[0]!.name;
    const unitId = unitIds[0]!;
    const bureauAccountId = await official('bureau', `${t.name}人社局管理员`, 'BUREAU_OFFICIAL', bureauId, t.bureau);
    await official('department', `${firstDept.name}管理员`, 'DEPARTMENT_OFFICIAL', deptIds[0]!, firstDept.name);
    await official('unit', `${firstUnit}经办人`, 'UNIT_OFFICIAL', unitId, firstUnit);

    const [active, pending] = staff
      .filter((m) => m.unit === 0)
      .map((m) => m.person)
      .sort((a, b) => (a.idNumber < b.idNumber ? -1 : 1));
    if (!active || !pending) throw new Error(`demo tenant ${t.code}: its first unit needs two people`);
    const password = demoPassword();
    await insertAccount(em, tenantId, { username: active.idNumber, displayName: active.name, role: 'PROFESSIONAL', orgNodeId: unitId, professionalId: idOf.get(active.idNumber), password });
    creds.push({ tenant: t.code, tenantName: t.name, role: 'PROFESSIONAL', username: active.idNumber, password, note: active.name });

    const accountId = await insertAccount(em, tenantId, { username: pending.idNumber, displayName: pending.name, role: 'PROFESSIONAL', orgNodeId: unitId, professionalId: idOf.get(pending.idNumber) });
    const code = generateActivationCode();
    await em.query(
      `INSERT INTO activation_code (tenant_id, account_id, code_hash, expires_at) VALUES ($1, $2, $3, now() + interval '3650 days')`,
      [tenantId, accountId, await hashPassword(code)],
    );
    creds.push({ tenant: t.code, tenantName: t.name, role: 'PROFESSIONAL', username: pending.idNumber, activationCode: code, note: `${pending.name}${PENDING_NOTE}` });

    // Activities: planned and checked against the tenant's policy, inserted in one statement,
    // recorded by the bureau official.
    let activities = 0;
    if (s.policy) {
      const people = staff.map((m) => ({ key: m.key, gender: m.person.gender, titleLevel: m.person.titleLevel, titleSeries: m.person.titleSeries }));
      const plan = planDemoActivities({ tenant: t.code, policy: s.policy, people, today: s.today, seed: s.seed });
      for (const r of plan.rejected) s.logger.warn({ tenant: t.code, kind: r.activity.kind, errors: r.errors }, 'demo activity not accepted by the policy; left out');
      const list = plan.activities;
      await em.query(
        `INSERT INTO activity (tenant_id, professional_id, kind, year, occurred_on, params, source, recorded_by, recorded_at)
         SELECT $1, u.professional_id, u.kind, u.year, u.occurred_on, u.params, u.source, $2,
                least(now(), u.occurred_on + interval '3 days 10 hours')
           FROM unnest($3::uuid[], $4::text[], $5::int[], $6::date[], $7::jsonb[], $8::text[])
                AS u(professional_id, kind, year, occurred_on, params, source)`,
        [
          tenantId,
          bureauAccountId,
          list.map((a) => professionalId(a.person)),
          list.map((a) => a.kind),
          list.map((a) => a.year),
          list.map((a) => a.date),
          list.map((a) => JSON.stringify(a.params)),
          list.map((a) => a.source),
        ],
      );
      activities = list.length;
    } else {
      s.logger.warn({ tenant: t.code }, 'no policy file for the demo tenant: seeded without activities');
    }

    await em.query(
      `INSERT INTO audit_log (tenant_id, actor_kind, actor_label, action, entity_type, entity_id, after)
       VALUES ($1::uuid, 'SYSTEM', 'demo-seed', 'tenant.seedDemo', 'tenant', $1::text, $2)`,
      [tenantId, { code: t.code, professionals: staff.length, activities }],
    );
    return creds;
  });
}

function defaultPolicies(logger: Logger): ReadonlyMap<string, PolicyDocument> {
  const dir = path.resolve(process.env.POLICY_DIR || 'tenants');
  try {
    return loadAllPolicies(dir);
  } catch (error) {
    logger.warn({ err: error, dir }, 'demo seed could not read the policy files: tenants get no activities');
    return new Map();
  }
}

/**
 * Seeds the demo tenants that do not exist yet and the platform operator, then
 * returns the credentials to print: activation codes that were used (or
 * replaced, or expired) since are withheld, here and in the file.
 *
 * `policies` are the tenants' policy documents (as main loads them); without
 * them the files in POLICY_DIR (default `tenants`) are read.
 */
export async function seedDemo(owner: DataSource, dataDir: string, logger: Logger, policies?: ReadonlyMap<string, PolicyDocument>): Promise<DemoInfo> {
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
  const today = chinaToday();
  const missing = DEMO_TENANTS.filter((t) => !existing.has(t.code));
  const documents = missing.length ? (policies ?? defaultPolicies(logger)) : new Map<string, PolicyDocument>();
  for (const t of missing) {
    logger.info({ tenant: t.code }, 'seeding demo tenant');
    const seed = 20260000 + DEMO_TENANTS.indexOf(t);
    const created = await seedTenant(owner, t, { seed, today, policy: documents.get(t.code), logger });
    credentials = credentials.filter((c) => c.tenant !== t.code).concat(created);
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
  const checked = await checkActivationCodes(owner, credentials);
  if (checked.changed) {
    credentials = checked.credentials;
    changed = true;
  }
  if (changed) await writeFile(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  return { credentials, file };
}
