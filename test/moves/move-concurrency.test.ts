// Decisions on moves taken at the same moment (issue 15): the request and the person's record
// are locked by the database function, so a move happens once, whoever consents, however many
// requests name the person.
import type { TenantFixture } from '../support/fixtures';
import { auditRows } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { policyTenant } from '../declarations/declarations-support';
import { CONSENT, failure, mover, plainPerson, REQUEST_MOVE, moveInput, requested } from './moves-support';

let app: TestApp;
let from: TenantFixture;
let to: TenantFixture;
let third: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  [from, to, third] = await Promise.all([policyTenant(app, 'jining', 'mcf'), policyTenant(app, 'qingdao', 'mct'), policyTenant(app, 'linyi', 'mcx')]);
});
afterAll(() => app.close());

describe('consents at the same moment', () => {
  it('the person and their bureau consenting together, 5 times: one moves the years once, the other is told MOVE_REQUEST_DECIDED; one audit row in each tenant', async () => {
    for (let round = 0; round < 5; round++) {
      const p = round === 0 ? await mover(app, from) : await plainPerson(app, from);
      const id = await requested(app, to, p);
      const results = await Promise.all([p.token, from.accounts.bureau.token].map((token) => app.gql(CONSENT, { id }, token)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map((r) => failure(r))).toEqual([{ code: 'MOVE_REQUEST_DECIDED', field: 'requestId' }]);
      const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM moved_year WHERE tenant_id = $1 AND move_request_id = $2`, [to.tenantId, id]);
      expect(n).toBe(p.certified.length);
      expect((await auditRows(app, to.tenantId)).filter((r) => r.entity_id === id && r.action === 'move.consent')).toHaveLength(1);
      expect((await auditRows(app, from.tenantId)).filter((r) => r.entity_id === p.id && r.action === 'move.consent')).toHaveLength(1);
    }
  });

  it('two tenants asking for the same person, both consented at once: the person moves to one of them only', async () => {
    const p = await plainPerson(app, from);
    const ids = [await requested(app, to, p), (await app.gql(REQUEST_MOVE, { i: moveInput(third, p) }, third.accounts.unitA1.token)).data.requestMove.id as string];
    const results = await Promise.all(ids.map((id) => app.gql(CONSENT, { id }, p.token)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => failure(r).code)).toEqual(['MOVE_REQUEST_NOT_FOUND']);
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM professional WHERE tenant_id = ANY($1::uuid[]) AND id_number = $2`, [
      [to.tenantId, third.tenantId],
      p.idNumber,
    ]);
    expect(n).toBe(1);
  });
});
