import { makeIdNumber } from '../../server/platform/id-number';
import { codes, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';

const CREATE = `mutation($i: CreateProfessionalInput!) {
  createProfessional(input: $i) { id idNumber idNumberMasked gender birthDate unitId version }
}`;
const UPDATE = `mutation($i: UpdateProfessionalInput!) { updateProfessional(input: $i) { id titleLevel phone version } }`;
const TRANSFER = `mutation($i: TransferProfessionalInput!) { transferProfessional(input: $i) { id unitId joinedUnitOn unit { id } } }`;

let app: TestApp;
let t: TenantFixture;
let seq = Math.floor(Math.random() * 500);

function input(overrides: object = {}) {
  return { idNumber: makeIdNumber('371302', '19850612', seq++), name: '王建国', unitId: t.nodes.unitA1, titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING', phone: '13805391234', joinedUnitOn: '2015-07-01', ...overrides };
}

async function professionalCount(): Promise<number> {
  const [row] = await app.owner.query(`SELECT count(*)::int AS n FROM professional WHERE tenant_id = $1`, [t.tenantId]);
  return row.n;
}

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app);
});
afterAll(() => app.close());

describe('registering professionals', () => {
  it('derives gender and birth date from the ID number and accepts a lowercase x', async () => {
    const id = makeIdNumber('371302', '19900101', 2); // even sequence: female
    const raw = id.endsWith('X') ? id.toLowerCase() : id;
    const r = await app.gql(CREATE, { i: input({ idNumber: raw }) }, t.accounts.unitA1.token);
    expect(r.errors).toBeUndefined();
    expect(r.data.createProfessional).toMatchObject({ idNumber: id, gender: 'FEMALE', birthDate: '1990-01-01', version: 1 });
    expect(r.data.createProfessional.idNumberMasked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
  });

  it.each([
    ['a wrong check digit', (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'), 'ID_NUMBER_CHECK_DIGIT'],
    ['17 characters', (id: string) => id.slice(0, 17), 'ID_NUMBER_LENGTH'],
    ['an impossible birth date', () => makeIdNumber('371302', '19990230', 11), 'ID_NUMBER_BIRTH_DATE'],
    ['an unknown province', () => makeIdNumber('991302', '19850612', 11), 'ID_NUMBER_REGION'],
  ])('rejects %s on idNumber and writes nothing', async (_label, mutate, code) => {
    const before = await professionalCount();
    const good = makeIdNumber('371302', '19850612', seq++);
    const r = await app.gql(CREATE, { i: input({ idNumber: mutate(good) }) }, t.accounts.unitA1.token);
    expect(codes(r)).toEqual([code]);
    expect(r.errors?.[0]?.extensions?.field).toBe('idNumber');
    expect(await professionalCount()).toBe(before);
  });

  it('rejects a duplicate ID number in the same tenant', async () => {
    const r = await app.gql(CREATE, { i: input({ idNumber: t.people.b1[0].idNumber }) }, t.accounts.bureau.token);
    expect(codes(r)).toEqual(['PROFESSIONAL_ID_NUMBER_TAKEN']);
  });

  it('rejects a bad phone, a bad date and a department as the unit', async () => {
    const phone = await app.gql(CREATE, { i: input({ phone: '12345' }) }, t.accounts.bureau.token);
    expect(phone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    const date = await app.gql(CREATE, { i: input({ joinedUnitOn: '2015-02-30' }) }, t.accounts.bureau.token);
    expect(date.errors?.[0]?.extensions).toMatchObject({ code: 'PROFESSIONAL_JOIN_DATE', field: 'joinedUnitOn' });
    const dept = await app.gql(CREATE, { i: input({ unitId: t.nodes.deptA }) }, t.accounts.bureau.token);
    expect(dept.errors?.[0]?.extensions).toMatchObject({ code: 'PROFESSIONAL_UNIT_REQUIRED', field: 'unitId' });
  });
});

describe('updating and transferring', () => {
  it('updates with the current version and refuses a stale one', async () => {
    const p = t.people.a1[0];
    const ok = await app.gql(UPDATE, { i: { id: p.id, version: 1, titleLevel: 'DEPUTY_SENIOR' } }, t.accounts.unitA1.token);
    expect(ok.data.updateProfessional).toMatchObject({ titleLevel: 'DEPUTY_SENIOR', version: 2 });
    const stale = await app.gql(UPDATE, { i: { id: p.id, version: 1, titleLevel: 'SENIOR' } }, t.accounts.unitA1.token);
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    const [row] = await app.owner.query(`SELECT title_level FROM professional WHERE id = $1`, [p.id]);
    expect(row.title_level).toBe('DEPUTY_SENIOR');
  });

  it('transfers to another unit in scope; their account follows', async () => {
    const p = t.people.a2[0];
    const r = await app.gql(TRANSFER, { i: { id: p.id, unitId: t.nodes.unitB1, joinedUnitOn: '2024-03-01' } }, t.accounts.bureau.token);
    expect(r.errors).toBeUndefined();
    expect(r.data.transferProfessional).toMatchObject({ unitId: t.nodes.unitB1, joinedUnitOn: '2024-03-01', unit: { id: t.nodes.unitB1 } });
    const [row] = await app.owner.query(`SELECT p.unit_path = o.path AS in_sync FROM professional p JOIN org_node o ON o.id = p.unit_id WHERE p.id = $1`, [p.id]);
    expect(row.in_sync).toBe(true);
    const same = await app.gql(TRANSFER, { i: { id: p.id, unitId: t.nodes.unitB1, joinedUnitOn: '2024-03-01' } }, t.accounts.bureau.token);
    expect(codes(same)).toEqual(['PROFESSIONAL_SAME_UNIT']);
  });

  it('a department official cannot transfer someone out of their departments', async () => {
    const p = t.people.a1[1];
    const r = await app.gql(TRANSFER, { i: { id: p.id, unitId: t.nodes.unitB1, joinedUnitOn: '2024-03-01' } }, t.accounts.deptA.token);
    expect(codes(r)).toEqual(['ORGANISATION_NOT_FOUND']);
    const [row] = await app.owner.query(`SELECT unit_id FROM professional WHERE id = $1`, [p.id]);
    expect(row.unit_id).toBe(t.nodes.unitA1);
  });
});
