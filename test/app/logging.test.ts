import { startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';

let app: TestApp;
let t: TenantFixture;
const lines: string[] = [];

beforeAll(async () => {
  app = await startTestApp({}, lines);
  t = await createTenantFixture(app);
});
afterAll(() => app.close());

describe('structured logs', () => {
  it('carry request id, tenant and actor, and never a password, token or full ID number', async () => {
    const person = t.accounts.personA1;
    const signIn = await app.gql(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, {
      i: { tenantCode: t.code, username: person.username, password: person.password },
    });
    const token: string = signIn.data.signIn.token;
    await app.gql(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { tenantCode: t.code, username: person.username, password: 'wrong-pass-1' } });
    await app.gql(`query($f: ProfessionalFilter) { professionals(filter: $f) { nodes { idNumber } } }`, { f: { idNumber: person.username } }, token);
    await app.gql(`{ me { kind } }`, {}, t.accounts.bureau.token);

    const records = lines.map((l) => JSON.parse(l));
    const graphql = records.filter((r) => r.msg === 'graphql');
    expect(graphql.length).toBeGreaterThanOrEqual(4);
    expect(graphql.every((r) => typeof r.requestId === 'string' && 'tenant' in r && typeof r.actor === 'string')).toBe(true);
    expect(graphql.some((r) => r.tenant === t.tenantId && r.actor === 'account:bureau')).toBe(true);

    const text = lines.join('\n');
    expect(text).not.toContain(person.password);
    expect(text).not.toContain(token);
    expect(text).not.toContain(t.accounts.bureau.token);
    expect(text).not.toMatch(/\d{17}[\dX]/);
  });
});
