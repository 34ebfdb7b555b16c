// Demo data for the five launch tenants, written once: a tenant that exists
// is left alone, so restarts never seed twice. Each tenant gets its tree,
// coherent staff (a hospital's people are health professionals), a few years
// of activities (some people complete, some short, some exempt), officials
// and two professional accounts. Demo passwords are random, kept in the data
// folder (git-ignored, mode 600); at every start the banner prints them with
// the activation codes that are still unused.
import type { Queryable } from '../platform/sql';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { generateActivationCode, hashPassword } from '../accounts/passwords';
import { AccountRole } from '../accounts/accounts.types';
import type { PolicyDocument } from '../engine';
import { TITLE_LEVELS, titleLevelRank } from '../engine/titles';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { OrgKind } from '../organisations/organisations.types';
import { chinaToday } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { inTransaction } from '../platform/transaction';
import { loadAllPolicies } from '../policy';
import { provisionTenant, TenantsRepository } from '../tenants/tenants.repository';
import { DEMO_TENANTS, DemoTenant, demoStaff } from './demo-data';
import { planDemoActivities } from './demo-activities';
import { checkActivationCodes, DemoCredential, DemoInfo, PENDING_NOTE } from './demo-banner';
import { DemoRepository } from './demo.repository';

export { printBanner, type DemoCredential, type DemoInfo } from './demo-banner';

const demoRepo = new DemoRepository();
const organisations = new OrganisationsRepository();
const tenants = new TenantsRepository();

/** How long the pending professional's printed activation code stays valid. */
const ACTIVATION_CODE_DAYS = 3650;

function demoPassword(): string {
  // letters and digits, as the password rule requires
  return `Demo${randomBytes(6).toString('hex')}9`;
}

export interface SeedContext {
  seed: number;
  today: string;
  policy: PolicyDocument | undefined;
  logger: Logger;
}

/** The tenant's departments and units, in the order demoStaff numbers the units. */
async function insertTree(em: Queryable, tenantId: string, bureauId: string, t: DemoTenant): Promise<{ deptIds: string[]; unitIds: string[] }> {
  const deptIds: string[] = [];
  const unitIds: string[] = [];
  for (const d of t.departments) {
    // the demo units (hospitals, schools, institutes) are public institutions (事业单位)
    const dept = await organisations.insert(em, tenantId, { parentId: bureauId, kind: OrgKind.DEPARTMENT, name: d.name, code: d.code, employerType: 'PUBLIC_INSTITUTION' });
    deptIds.push(dept.id);
    for (const [u, unit] of d.units.entries()) {
      const node = await organisations.insert(em, tenantId, { parentId: dept.id, kind: OrgKind.UNIT, name: unit.name, code: `${d.code}-${u + 1}` });
      unitIds.push(node.id);
    }
  }
  return { deptIds, unitIds };
}

/**
 * One demo tenant, as the first start seeds it; `code` (default: the demo's own) lets a test
 * seed one under a code of its own (the people's regions and activities still follow `t`).
 */
export async function seedDemoTenant(owner: DataSource, t: DemoTenant, s: SeedContext, code: string = t.code): Promise<DemoCredential[]> {
  return inTransaction(owner, { tenantId: null, operator: true }, async (em) => {
    const { tenant, bureauId } = await provisionTenant(em, { code, name: code === t.code ? t.name : `${t.name}（${code}）`, bureauName: t.bureau });
    const tenantId = tenant.id;
    const { deptIds, unitIds } = await insertTree(em, tenantId, bureauId, t);
    const unitId = (index: number): string => {
      const id = unitIds[index];
      if (!id) throw new Error(`demo tenant ${t.code}: no unit ${index}`);
      return id;
    };

    // People hired up to the end of last year; one set-based insert for the tenant.
    const staff = demoStaff(t, s.seed, `${Number(s.today.slice(0, 4)) - 1}-12-31`);
    const idOf = await demoRepo.insertProfessionals(
      em,
      tenantId,
      staff.map((m) => ({ person: m.person, unitId: unitId(m.unit) })),
    );
    const professionalId = (idNumber: string): string => {
      const id = idOf.get(idNumber);
      if (!id) throw new Error(`demo tenant ${t.code}: professional ${idNumber} was not inserted`);
      return id;
    };
    const professionalOfKey = (key: number): string => {
      const member = staff[key];
      if (!member) throw new Error(`demo tenant ${t.code}: no person ${key}`);
      return professionalId(member.person.idNumber);
    };

    // Everyone with a title has a title record; the current title dates from it.
    const lastYear = Number(s.today.slice(0, 4)) - 1;
    await demoRepo.insertTitleRecords(em, tenantId, t.bureau, lastYear);

    const creds: DemoCredential[] = [];
    const official = async (username: string, displayName: string, role: AccountRole, orgNodeId: string, note: string) => {
      const password = demoPassword();
      const id = await demoRepo.insertAccount(em, tenantId, { username, displayName, role, orgNodeId, passwordHash: await hashPassword(password) });
      creds.push({ tenant: code, tenantName: t.name, role, username, password, note });
      return id;
    };
    // The department and unit officials, and the two professional accounts, work in the first unit's line.
    const firstDept = t.departments[0]!;
    const firstUnit = firstDept.units[0]!.name;
    const firstUnitId = unitId(0);
    const bureauAccountId = await official('bureau', `${t.name}人社局管理员`, AccountRole.BUREAU_OFFICIAL, bureauId, t.bureau);
    await official('department', `${firstDept.name}管理员`, AccountRole.DEPARTMENT_OFFICIAL, deptIds[0]!, firstDept.name);
    await official('unit', `${firstUnit}经办人`, AccountRole.UNIT_OFFICIAL, firstUnitId, firstUnit);

    const [active, pending] = staff
      .filter((m) => m.unit === 0)
      .map((m) => m.person)
      .sort((a, b) => (a.idNumber < b.idNumber ? -1 : 1));
    if (!active || !pending) throw new Error(`demo tenant ${t.code}: its first unit needs two people`);
    const professional = (p: typeof active) => ({ username: p.idNumber, displayName: p.name, role: AccountRole.PROFESSIONAL, orgNodeId: firstUnitId, professionalId: professionalId(p.idNumber) });
    const password = demoPassword();
    await demoRepo.insertAccount(em, tenantId, { ...professional(active), passwordHash: await hashPassword(password) });
    // the signed-in professional is applying for the next title level this year (materials not filed yet)
    const next = TITLE_LEVELS[titleLevelRank(active.titleLevel) + 1];
    if (next) await demoRepo.insertTitleApplication(em, tenantId, professionalId(active.idNumber), next, active.titleSeries, lastYear + 1, null);
    creds.push({ tenant: code, tenantName: t.name, role: AccountRole.PROFESSIONAL, username: active.idNumber, password, note: active.name });

    const accountId = await demoRepo.insertAccount(em, tenantId, professional(pending));
    const activationCode = generateActivationCode();
    await demoRepo.insertActivationCode(em, tenantId, accountId, await hashPassword(activationCode), ACTIVATION_CODE_DAYS);
    creds.push({ tenant: code, tenantName: t.name, role: AccountRole.PROFESSIONAL, username: pending.idNumber, activationCode, note: `${pending.name}${PENDING_NOTE}` });

    // Activities: planned and checked against the tenant's policy, inserted in one statement,
    // recorded by the bureau official.
    let activities = 0;
    if (s.policy) {
      const people = staff.map((m) => ({ key: m.key, gender: m.person.gender, titleLevel: m.person.titleLevel, titleSeries: m.person.titleSeries }));
      const plan = planDemoActivities({ tenant: t.code, policy: s.policy, people, today: s.today, seed: s.seed });
      for (const r of plan.rejected) s.logger.warn({ tenant: t.code, kind: r.activity.kind, errors: r.errors }, 'demo activity not accepted by the policy; left out');
      const list = plan.activities.map((a) => ({ ...a, professionalId: professionalOfKey(a.person) }));
      await demoRepo.insertActivities(em, tenantId, bureauAccountId, list);
      activities = list.length;
    } else {
      s.logger.warn({ tenant: t.code }, 'no policy file for the demo tenant: seeded without activities');
    }

    await demoRepo.insertSeedAudit(em, tenantId, { code, professionals: staff.length, activities });
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

/** The credentials written at an earlier start; none if the file is missing or unreadable. */
async function readCredentials(file: string): Promise<DemoCredential[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(parsed) ? (parsed as DemoCredential[]) : [];
  } catch {
    return [];
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
  let credentials = await readCredentials(file);
  const existing = new Set((await inTransaction(owner, { tenantId: null, operator: true }, (em) => tenants.findMany(em))).map((t) => t.code));
  let changed = false;
  const today = chinaToday();
  const missing = DEMO_TENANTS.filter((t) => !existing.has(t.code));
  const documents = missing.length ? (policies ?? defaultPolicies(logger)) : new Map<string, PolicyDocument>();
  for (const t of missing) {
    logger.info({ tenant: t.code }, 'seeding demo tenant');
    const seed = 20260000 + DEMO_TENANTS.indexOf(t);
    const created = await seedDemoTenant(owner, t, { seed, today, policy: documents.get(t.code), logger });
    credentials = credentials.filter((c) => c.tenant !== t.code).concat(created);
    changed = true;
  }
  const password = demoPassword();
  const passwordHash = await hashPassword(password);
  const createdOperator = await inTransaction(owner, { tenantId: null, operator: true }, async (em) => {
    if ((await demoRepo.countOperators(em)) > 0) return false;
    await demoRepo.insertOperator(em, 'operator', passwordHash);
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
  return { credentials, file, seeded: missing.map((t) => t.code) };
}
