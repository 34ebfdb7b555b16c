// A small tenant built straight into the database (as the owner), with tokens
// for each kind of user. Tree:
//   bureau ─┬─ deptA ─┬─ unitA1 (3 people)
//           │         └─ unitA2 (3 people)
//           └─ deptB ─── unitB1 (3 people)
import { randomBytes, randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../../server/accounts/passwords';
import { createPeopleGenerator, REGION_CITIES } from '../../server/demo/synthetic-people';
import { inTransaction } from '../../server/platform/transaction';
import { provisionTenant } from '../../server/tenants/tenants.repository';
import type { TestApp } from './harness';

export interface PersonFixture {
  id: string;
  idNumber: string;
  name: string;
}

/** The three people of a unit: a junior, an intermediate and a senior. */
export type UnitPeople = [PersonFixture, PersonFixture, PersonFixture];

export interface AccountFixture {
  id: string;
  username: string;
  password: string;
  token: string;
}

export interface TenantFixture {
  tenantId: string;
  code: string;
  nodes: { bureau: string; deptA: string; deptB: string; unitA1: string; unitA2: string; unitB1: string };
  people: { a1: UnitPeople; a2: UnitPeople; b1: UnitPeople };
  accounts: { bureau: AccountFixture; deptA: AccountFixture; unitA1: AccountFixture; personA1: AccountFixture };
}

let counter = 0;

async function node(em: EntityManager, tenantId: string, parentId: string | null, kind: string, name: string): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO org_node (tenant_id, parent_id, kind, name, path, depth) VALUES ($1, $2, $3, $4, '', 0) RETURNING id`,
    [tenantId, parentId, kind, name],
  );
  return row.id;
}

export async function createTenantFixture(app: TestApp, prefix = 't'): Promise<TenantFixture> {
  const code = `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;
  const people = createPeopleGenerator({ seed: randomInt(1, 2 ** 31), regionCodes: REGION_CITIES.linyi.codes });
  let index = 0;
  const built = await inTransaction(app.owner, { tenantId: null, operator: true }, async (em) => {
    const { tenant: t, bureauId: bureau } = await provisionTenant(em, { code, name: `测试市${code}`, bureauName: '测试市人社局' });
    const deptA = await node(em, t.id, bureau, 'DEPARTMENT', '甲区人社局');
    const deptB = await node(em, t.id, bureau, 'DEPARTMENT', '乙区卫健委');
    const unitA1 = await node(em, t.id, deptA, 'UNIT', '甲一医院');
    const unitA2 = await node(em, t.id, deptA, 'UNIT', '甲二中学');
    const unitB1 = await node(em, t.id, deptB, 'UNIT', '乙一医院');
    const addPerson = async (unitId: string, titleLevel: string): Promise<PersonFixture> => {
      const p = people.next(index++);
      const [row] = await em.query(
        `INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
         SELECT $1, $2, $3, $4, $5, $6, o.path, $7, $8, $9, $10 FROM org_node o WHERE o.id = $6 RETURNING id`,
        [t.id, p.idNumber, p.name, p.gender, p.birthDate, unitId, titleLevel, 'HEALTH', p.mobile, p.joinedOn],
      );
      return { id: row.id, idNumber: p.idNumber, name: p.name };
    };
    const addPeople = async (unitId: string): Promise<UnitPeople> => [
      await addPerson(unitId, 'JUNIOR'),
      await addPerson(unitId, 'INTERMEDIATE'),
      await addPerson(unitId, 'SENIOR'),
    ];
    const a1 = await addPeople(unitA1);
    const a2 = await addPeople(unitA2);
    const b1 = await addPeople(unitB1);
    const account = async (username: string, role: string, orgNodeId: string, professionalId: string | null = null) => {
      const password = `Pw${randomBytes(6).toString('hex')}1`;
      const [row] = await em.query(
        `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, professional_id, password_hash, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'ACTIVE') RETURNING id`,
        [t.id, username, username, role, orgNodeId, professionalId, await hashPassword(password)],
      );
      return { id: row.id as string, username, password };
    };
    return {
      tenantId: t.id,
      nodes: { bureau, deptA, deptB, unitA1, unitA2, unitB1 },
      people: { a1, a2, b1 },
      raw: {
        bureau: await account('bureau', 'BUREAU_OFFICIAL', bureau),
        deptA: await account('dept-a', 'DEPARTMENT_OFFICIAL', deptA),
        unitA1: await account('unit-a1', 'UNIT_OFFICIAL', unitA1),
        personA1: await account(a1[0].idNumber, 'PROFESSIONAL', unitA1, a1[0].id),
      },
    };
  });
  const withToken = async (a: { id: string; username: string; password: string }): Promise<AccountFixture> => ({
    ...a,
    token: (await app.server.tokens.issue({ sub: a.id, kind: 'account', tid: built.tenantId })).token,
  });
  return {
    tenantId: built.tenantId,
    code,
    nodes: built.nodes,
    people: built.people,
    accounts: {
      bureau: await withToken(built.raw.bureau),
      deptA: await withToken(built.raw.deptA),
      unitA1: await withToken(built.raw.unitA1),
      personA1: await withToken(built.raw.personA1),
    },
  };
}

/** A row of audit_log as node-postgres returns it (the bigint id as text, jsonb parsed). */
export interface AuditRow {
  tenant_id: string;
  id: string;
  at: Date;
  request_id: string | null;
  actor_kind: 'ACCOUNT' | 'API_CLIENT' | 'OPERATOR' | 'SYSTEM';
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Audit rows of a tenant, read as the owner. */
export async function auditRows(app: TestApp, tenantId: string): Promise<AuditRow[]> {
  return app.owner.query(`SELECT * FROM audit_log WHERE tenant_id = $1 ORDER BY id`, [tenantId]);
}
