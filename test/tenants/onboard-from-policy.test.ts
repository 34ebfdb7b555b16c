// An operator onboards a tenant with its policy file (the YAML of tenants/*.yaml): the file is
// checked as those files are, becomes the tenant's first published revision in the same
// transaction, and a file with a problem creates nothing and says where each problem is.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../../server/accounts/passwords';
import { createTenantFixture } from '../support/fixtures';
import { codes, type GqlResult, startTestApp, type TestApp } from '../support/harness';

const CREATE = `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id code name status } }`;
const VALIDATE = `query($policy: String!, $code: String!) { validatePolicyFile(policy: $policy, code: $code) { ok problems { line column path message } } }`;
const POLICY = `query($code: String) { policy(year: 2026, tenantCode: $code) { tenantCode tenantName revision requiredPublic requiredProfessional deadline } }`;

interface Problem {
  line: number;
  column: number;
  path: string | null;
  message: string;
}

let app: TestApp;
let operatorToken: string;
const prefix = `ob${randomBytes(3).toString('hex')}`;
const jining = readFileSync(path.resolve(__dirname, '../../tenants/jining.yaml'), 'utf8');
const lines = jining.split('\n');
const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;

/** jining.yaml with its code changed to `code`, and line `n` (1-based) replaced when given. */
function policyFile(code: string, replace?: [number, string]): string {
  return lines
    .map((l, i) => (replace && i === replace[0] - 1 ? replace[1] : l))
    .join('\n')
    .replace(/^code: jining$/m, `code: ${code}`);
}

const create = (code: string, policy: string, token = operatorToken) => app.gql(CREATE, { i: { code, name: `${code}市`, bureauName: `${code}市人社局`, policy } }, token);
const problemsOf = (r: GqlResult) => (r.errors?.[0]?.extensions as { problems?: Problem[] } | undefined)?.problems;

async function nothingCreated(code: string) {
  const [row] = await app.owner.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM tenant WHERE code = $1`, [code]);
  expect(row?.n).toBe(0);
  const list = await app.gql(`query { tenants(first: 100) { nodes { code } } }`, {}, operatorToken);
  expect(list.data.tenants.nodes.map((n: { code: string }) => n.code)).not.toContain(code);
}

beforeAll(async () => {
  app = await startTestApp();
  const username = `op-${prefix}`;
  const password = `Pw-${randomBytes(8).toString('hex')}1`;
  await app.owner.query(`INSERT INTO platform_operator (username, password_hash) VALUES ($1, $2)`, [username, await hashPassword(password)]);
  const r = await app.gql(`mutation($i: OperatorSignInInput!) { operatorSignIn(input: $i) { token } }`, { i: { username, password } });
  expect(r.errors).toBeUndefined();
  operatorToken = r.data.operatorSignIn.token;
});
afterAll(() => app.close());

describe('onboarding a tenant from its policy file', () => {
  it('a copy of tenants/jining.yaml under a new code creates the tenant with that policy as revision 1', async () => {
    const code = `${prefix}-new`;
    const r = await create(code, policyFile(code));
    expect(r.errors).toBeUndefined();
    expect(r.data.createTenant).toMatchObject({ code, status: 'ACTIVE' });
    const policy = await app.gql(POLICY, { code });
    expect(policy.errors).toBeUndefined();
    expect(policy.data.policy).toMatchObject({ tenantCode: code, tenantName: `${code}市`, revision: 1, requiredPublic: 30, requiredProfessional: 60, deadline: '12-31' });
  });

  it('a tenant created without a file has no policy yet, as before', async () => {
    const code = `${prefix}-bare`;
    expect((await app.gql(CREATE, { i: { code, name: '无政策市', bureauName: '无政策市人社局' } }, operatorToken)).errors).toBeUndefined();
    expect(codes(await app.gql(POLICY, { code }))).toEqual(['POLICY_NOT_PUBLISHED']);
  });

  it('a YAML syntax error is POLICY_FILE_INVALID on policy, at its line; nothing is created', async () => {
    const code = `${prefix}-syntax`;
    const n = lineOf('name: 济宁市');
    const r = await create(code, policyFile(code, [n, 'name: 济宁市: 又一个']));
    expect(codes(r)).toEqual(['POLICY_FILE_INVALID']);
    expect(r.errors![0]!.extensions?.field).toBe('policy');
    expect(r.errors![0]!.message).toContain(`第 ${n} 行`);
    const problems = problemsOf(r)!;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: n, path: null });
    expect(problems[0]!.message).toMatch(/^YAML 语法错误：/);
    await nothingCreated(code);
  });

  it('a schema error (a cap of "abc") is at its line and column, with its path and the Chinese message; nothing is created', async () => {
    const code = `${prefix}-schema`;
    const n = lineOf('caps: { perYear: 20 }');
    const r = await create(code, policyFile(code, [n, lines[n - 1]!.replace('perYear: 20', 'perYear: abc')]));
    expect(codes(r)).toEqual(['POLICY_FILE_INVALID']);
    expect(problemsOf(r)).toEqual([
      { line: n, column: lines[n - 1]!.indexOf('20') + 1, path: 'versions[1].kinds.publicCompulsory.caps.perYear', message: '类型错误，应为数字，实际为文字' },
    ]);
    await nothingCreated(code);
  });

  it('a file whose code is not the new tenant’s is refused at its code line; nothing is created', async () => {
    const code = `${prefix}-other`;
    const r = await create(code, jining);
    expect(codes(r)).toEqual(['POLICY_FILE_INVALID']);
    expect(problemsOf(r)).toEqual([expect.objectContaining({ line: lineOf('code: jining'), path: 'code' })]);
    await nothingCreated(code);
  });

  it('a file over 512 KB is refused on policy', async () => {
    const code = `${prefix}-big`;
    const r = await create(code, policyFile(code) + `\n# ${'长'.repeat(180_000)}\n`);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions?.field).toBe('policy');
    await nothingCreated(code);
  });

  it('validatePolicyFile answers the same problems and creates nothing', async () => {
    const code = `${prefix}-check`;
    const n = lineOf('caps: { perYear: 20 }');
    const broken = policyFile(code, [n, lines[n - 1]!.replace('perYear: 20', 'perYear: abc')]);
    const check = await app.gql(VALIDATE, { policy: broken, code }, operatorToken);
    expect(check.errors).toBeUndefined();
    const created = await create(code, broken);
    expect(check.data.validatePolicyFile).toEqual({ ok: false, problems: problemsOf(created) });
    const syntax = policyFile(code, [lineOf('name: 济宁市'), 'name: 济宁市: 又一个']);
    expect((await app.gql(VALIDATE, { policy: syntax, code }, operatorToken)).data.validatePolicyFile.problems).toEqual(problemsOf(await create(code, syntax)));
    expect((await app.gql(VALIDATE, { policy: policyFile(code), code }, operatorToken)).data.validatePolicyFile).toEqual({ ok: true, problems: [] });
    await nothingCreated(code);
  });

  it('only operators may onboard or check a file', async () => {
    const t = await createTenantFixture(app, 'obn');
    const code = `${prefix}-nope`;
    expect(codes(await create(code, policyFile(code), t.accounts.bureau.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(VALIDATE, { policy: policyFile(code), code }, t.accounts.bureau.token))).toEqual(['FORBIDDEN']);
    // anonymous: refused as the tenants list refuses it
    const anonymous = codes(await app.gql(`query { tenants(first: 1) { totalCount } }`));
    expect(anonymous).toHaveLength(1);
    expect(codes(await app.gql(VALIDATE, { policy: policyFile(code), code }))).toEqual(anonymous);
    await nothingCreated(code);
  });
});
