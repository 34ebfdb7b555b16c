// Bad input is the client's mistake: a 4xx (or, to an `application/json`
// client, a 200 for request errors, as GraphQL over HTTP says) with a
// BAD_USER_INPUT-class code naming the field — never a 500, never an
// error-level log line.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { hashPassword } from '../../server/accounts/passwords';
import { makeIdNumber } from '../../server/platform/id-number';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';

let app: TestApp;
let t: TenantFixture;
let operatorToken: string;
const lines: string[] = [];
const NUL = '\u0000';

beforeAll(async () => {
  app = await startTestApp({}, lines);
  t = await createTenantFixture(app);
  await publishInitialPolicy(app.owner, t.tenantId, loadPolicyFiles(path.join(__dirname, '../../tenants')).get('qingdao')!, 'test');
  const username = `op-bad-${randomBytes(3).toString('hex')}`;
  const password = `Pw-${randomBytes(8).toString('hex')}1`;
  await app.owner.query(`INSERT INTO platform_operator (username, password_hash) VALUES ($1, $2)`, [username, await hashPassword(password)]);
  const r = await app.gql(`mutation($i: OperatorSignInInput!) { operatorSignIn(input: $i) { token } }`, { i: { username, password } });
  operatorToken = r.data.operatorSignIn.token;
});
afterAll(() => app.close());

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
}

async function post(query: string, variables: object, token?: string, accept?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (accept) headers.accept = accept;
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const uuid = '00000000-0000-4000-8000-000000000000';
const KINDS = `query($y: Int!, $t: String) { activityKinds(year: $y, tenantCode: $t) { __typename } }`;
const PREVIEW = `query($i: PreviewHoursInput!, $t: String) { previewHours(input: $i, tenantCode: $t) { year } }`;
const CREATE_PRO = `mutation($i: CreateProfessionalInput!) { createProfessional(input: $i) { id } }`;
const UPDATE_PRO = `mutation($i: UpdateProfessionalInput!) { updateProfessional(input: $i) { id } }`;
const TRANSFER = `mutation($i: TransferProfessionalInput!) { transferProfessional(input: $i) { id } }`;
const RECORD = `mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id } }`;
const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`;
const RENAME_ORG = `mutation($i: RenameOrganisationInput!) { renameOrganisation(input: $i) { id } }`;
const CREATE_TENANT = `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }`;
const PROFESSIONALS = `query($after: String, $f: ProfessionalFilter) { professionals(first: 10, after: $after, filter: $f) { totalCount } }`;
const TENANTS = `query($after: String) { tenants(first: 10, after: $after) { totalCount } }`;
const ELIGIBILITY = `query($id: String!, $y: Int!) { titleEligibility(idNumber: $id, targetLevel: INTERMEDIATE, applicationYear: $y) { eligible } }`;
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token } }`;

const profile = { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING' };
let seq = Math.floor(Math.random() * 500);
const newProfessional = (overrides: object) => ({
  idNumber: makeIdNumber('371302', '19850612', seq++),
  name: '王建国',
  unitId: t.nodes.unitA1,
  titleLevel: 'INTERMEDIATE',
  titleSeries: 'ENGINEERING',
  joinedUnitOn: '2015-07-01',
  ...overrides,
});

// the capability's own code where it has one (professionals check join dates in their service)
type Case = [name: string, send: () => Promise<Answer>, field: string, code?: string];
const CASES: Case[] = [
  // anonymous request errors
  ['a wrong variable type', () => post(KINDS, { y: 'abc', t: 'x' }), 'y'],
  ['an invalid enum value', () => post(PREVIEW, { i: { year: 2024, profile: { ...profile, titleLevel: 'NOPE' }, activities: [] }, t: 'x' }), 'i.profile.titleLevel'],
  ['a missing variable', () => post(KINDS, { t: 'x' }), 'y'],
  // NUL in any string, variables or literals, anonymous or not
  ['NUL in a tenant code (variable)', () => post(KINDS, { y: 2024, t: `qing${NUL}dao` }), 't'],
  ['NUL in a tenant code (literal)', () => post(`{ activityKinds(year: 2024, tenantCode: "qing\\u0000dao") { __typename } }`, {}), 'tenantCode'],
  ['NUL in a sign-in username', () => post(SIGN_IN, { i: { tenantCode: t.code, username: `ab${NUL}cd`, password: 'whatever-1' } }), 'i.username'],
  ['NUL in a filter', () => post(PROFESSIONALS, { f: { name: `王${NUL}` } }, t.accounts.bureau.token), 'f.name'],
  ['NUL in an organisation name', () => post(CREATE_ORG, { i: { parentId: t.nodes.deptA, kind: 'UNIT', name: `单位${NUL}` } }, t.accounts.bureau.token), 'i.name'],
  ['NUL in an activity parameter', () => post(RECORD, { i: { professionalId: t.people.a1[0].id, kind: 'jobTraining', year: 2024, params: { category: `job${NUL}` } } }, t.accounts.bureau.token), 'i.params.category'],
  // impossible dates
  ['an impossible join date', () => post(CREATE_PRO, { i: newProfessional({ joinedUnitOn: '2024-02-30' }) }, t.accounts.unitA1.token), 'joinedUnitOn', 'PROFESSIONAL_JOIN_DATE'],
  ['an impossible transfer date', () => post(TRANSFER, { i: { id: t.people.a1[0].id, unitId: t.nodes.unitA2, joinedUnitOn: '2023-13-01' } }, t.accounts.bureau.token), 'joinedUnitOn', 'PROFESSIONAL_JOIN_DATE'],
  ['an impossible activity date', () => post(RECORD, { i: { professionalId: t.people.a1[0].id, kind: 'jobTraining', year: 2024, date: '2024-02-30', params: {} } }, t.accounts.bureau.token), 'date'],
  ['an impossible calculator date', () => post(PREVIEW, { i: { year: 2023, profile, activities: [{ kind: 'jobTraining', date: '2023-02-29', params: {} }] }, t: t.code }), 'activities.0.date'],
  // blank names
  ['a blank professional name', () => post(CREATE_PRO, { i: newProfessional({ name: '   ' }) }, t.accounts.unitA1.token), 'name'],
  ['a blank new professional name', () => post(UPDATE_PRO, { i: { id: t.people.a1[0].id, version: 1, name: '  ' } }, t.accounts.bureau.token), 'name'],
  ['a blank organisation name', () => post(CREATE_ORG, { i: { parentId: t.nodes.deptA, kind: 'UNIT', name: '   ' } }, t.accounts.bureau.token), 'name'],
  ['a blank organisation rename', () => post(RENAME_ORG, { i: { id: t.nodes.unitA2, name: ' \t ' } }, t.accounts.bureau.token), 'name'],
  ['a blank tenant name', () => post(CREATE_TENANT, { i: { code: `bad-${randomBytes(3).toString('hex')}`, name: '  ', bureauName: '某局' } }, operatorToken), 'name'],
  ['a blank bureau name', () => post(CREATE_TENANT, { i: { code: `bad-${randomBytes(3).toString('hex')}`, name: '某市', bureauName: '　 ' } }, operatorToken), 'bureauName'],
  // crafted cursors
  ['a cursor that is not base64 JSON', () => post(PROFESSIONALS, { after: '!!!not-a-cursor' }, t.accounts.bureau.token), 'after'],
  ['a cursor holding NUL', () => post(PROFESSIONALS, { after: cursor([`a${NUL}`, uuid]) }, t.accounts.bureau.token), 'after'],
  ['a tenant cursor holding NUL', () => post(TENANTS, { after: cursor([`a${NUL}`]) }, operatorToken), 'after'],
  ['a cursor of the wrong shape', () => post(TENANTS, { after: cursor({ code: 'a' }) }, operatorToken), 'after'],
  // years far out of range
  ['applicationYear -2147483648', () => post(ELIGIBILITY, { id: t.people.a1[0].idNumber, y: -2147483648 }, t.accounts.bureau.token), 'applicationYear'],
];

const USER_INPUT_CODES = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'];

describe('bad input is a client error', () => {
  // one argument per row (jest would take a fourth parameter missing from a row for `done`)
  it.each(CASES.map((c) => ({ name: c[0], c })))('$name', async ({ c: [, send, field, code] }) => {
    const before = lines.length;
    const r = await send();
    expect(r.status === 200 || (r.status >= 400 && r.status < 500)).toBe(true);
    expect(r.body.errors?.length).toBeGreaterThan(0);
    const error = r.body.errors![0]!;
    expect(error.extensions?.field).toBe(field);
    expect(code ? [code] : USER_INPUT_CODES).toContain(error.extensions?.code);
    expect(error.message).toMatch(/[\u3400-\u9fff]/);
    const logged = lines.slice(before).map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(logged.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('the log of all of it', () => {
  it('has no error-level line after the whole corpus, sent in one go', async () => {
    const before = lines.length;
    for (const [, send] of CASES) await send();
    const logged = lines.slice(before);
    expect(logged.length).toBeGreaterThanOrEqual(CASES.length);
    expect(logged.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('status codes for request errors (GraphQL over HTTP)', () => {
  const cases: [string, string, object][] = [
    ['parse', '{ me {', {}],
    ['validation', '{ noSuchField }', {}],
    ['variable coercion', KINDS, { y: 'abc', t: 'x' }],
  ];
  it.each(cases)('%s failure: 200 to application/json, 400 to application/graphql-response+json', async (_kind, query, variables) => {
    expect((await post(query, variables, undefined, 'application/json')).status).toBe(200);
    expect((await post(query, variables)).status).toBe(200);
    const strict = await post(query, variables, undefined, 'application/graphql-response+json');
    expect(strict.status).toBe(400);
    expect(strict.body.data).toBeUndefined();
  });
});
