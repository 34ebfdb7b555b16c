// Moving between tenants on the platform (issue 15): the receiving unit asks for a person by ID
// number and name; the person (signed in where they are registered) or that tenant's bureau
// consents or refuses; on consent exactly the certified years move, as read-only history with
// their provenance, and the sending record is marked moved out. Each test moves its own person.
import type { TenantFixture } from '../support/fixtures';
import { auditRows } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { newIdNumber } from '../support/queries';
import { addAccount, ok, policyTenant } from '../declarations/declarations-support';
import {
  CANCEL_MOVE,
  CONSENT,
  consented,
  failure,
  mover,
  MOVE_REQUESTS,
  moveInput,
  movedProfessional,
  movedYears,
  MY_MOVE_REQUESTS,
  plainPerson,
  REFUSE,
  REQUEST_MOVE,
  requested,
  THIS_YEAR,
} from './moves-support';

let app: TestApp;
/** The sending tenant (Jining's policy) and two receiving ones (Qingdao's: ACCEPT; Linyi's: REVIEW). */
let from: TenantFixture;
let to: TenantFixture;
let third: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  [from, to, third] = await Promise.all([policyTenant(app, 'jining', 'mvf'), policyTenant(app, 'qingdao', 'mvt'), policyTenant(app, 'linyi', 'mvx')]);
});
afterAll(() => app.close());

const count = async (table: string, tenantId: string, where = 'true', params: unknown[] = []) =>
  (await app.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1 AND ${where}`, [tenantId, ...params]))[0].n as number;
const statusOf = async (tenantId: string, id: string) =>
  (await app.owner.query(`SELECT status FROM professional WHERE tenant_id = $1 AND id = $2`, [tenantId, id]))[0].status as string;

describe('a move with consent', () => {
  it('carries exactly the certified years: not the revoked one, not the uncertified year; no activity, declaration or evidence moves', async () => {
    const p = await mover(app, from);
    const id = await requested(app, to, p);
    const before = { activities: await count('activity', to.tenantId), declarations: await count('declaration', to.tenantId), files: await count('evidence_file', to.tenantId) };
    const done = await consented(app, p.token, id);
    expect(done).toMatchObject({ yearsMoved: 4, professionalId: p.id });
    const here = await movedProfessional(app, to, id);
    const years = await movedYears(app, to.accounts.bureau.token, here);
    expect(years.map((y) => y.year)).toEqual(p.certified);
    expect(years.every((y) => y.complete && y.publicHours === 30 && y.professionalHours === 60 && y.regime === 'HOURS')).toBe(true);
    expect(years[0]).toMatchObject({ issuingTenantCode: from.code, issuingTenantName: `测试市${from.code}`, policyRevision: 1, review: 'NOT_REQUIRED', counts: true });
    // the provenance: the issuing tenant's revision and certification time, as certified there
    const [cert] = await app.owner.query(
      `SELECT c.certified_at, r.id::text AS revision_id FROM year_certification c JOIN policy_revision r ON r.tenant_id = c.tenant_id AND r.id = c.policy_revision_id
        WHERE c.tenant_id = $1 AND c.professional_id = $2 AND c.year = $3`,
      [from.tenantId, p.id, p.certified[0]],
    );
    const [row] = await app.owner.query(`SELECT certified_at, policy_revision_id FROM moved_year WHERE tenant_id = $1 AND professional_id = $2 AND year = $3`, [
      to.tenantId,
      here,
      p.certified[0],
    ]);
    expect(row).toEqual({ certified_at: cert.certified_at, policy_revision_id: cert.revision_id });
    expect({ activities: await count('activity', to.tenantId), declarations: await count('declaration', to.tenantId), files: await count('evidence_file', to.tenantId) }).toEqual(before);
    // the sending tenant keeps everything, marked moved out
    expect(await statusOf(from.tenantId, p.id)).toBe('MOVED_OUT');
    expect(await count('year_certification', from.tenantId, 'professional_id = $2', [p.id])).toBe(5);
    expect(await count('activity', from.tenantId, 'professional_id = $2', [p.id])).toBeGreaterThan(0);
  });

  it('registers the person in the receiving unit with what the request named; the receiving side follows the request to CONSENTED', async () => {
    const p = await mover(app, from);
    const id = await requested(app, to, p);
    await consented(app, from.accounts.bureau.token, id);
    const [person] = await app.owner.query(`SELECT name, unit_id, title_level, title_series, joined_unit_on::text AS joined, status FROM professional WHERE tenant_id = $1 AND id_number = $2`, [
      to.tenantId,
      p.idNumber,
    ]);
    expect(person).toEqual({ name: p.name, unit_id: to.nodes.unitA1, title_level: 'INTERMEDIATE', title_series: 'HEALTH', joined: `${THIS_YEAR}-03-01`, status: 'ACTIVE' });
    const list = ok<{ nodes: { id: string; status: string; decidedBy: string; sourceTenantName: string; yearsMoved: number }[] }>(
      await app.gql(MOVE_REQUESTS, { s: 'CONSENTED', first: 100 }, to.accounts.unitA1.token),
      'moveRequests',
    );
    expect(list.nodes.find((n) => n.id === id)).toMatchObject({ status: 'CONSENTED', decidedBy: 'BUREAU', sourceTenantName: `测试市${from.code}`, yearsMoved: 4 });
  });

  it('links the move to a record the receiving unit registered already (no second record)', async () => {
    const p = await plainPerson(app, from);
    await app.owner.query(
      `INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, joined_unit_on)
       SELECT $1, p.id_number, p.name, p.gender, p.birth_date, o.id, o.path, 'SENIOR', 'ENGINEERING', '2026-01-01'
         FROM professional p, org_node o WHERE p.tenant_id = $2 AND p.id = $3 AND o.tenant_id = $1 AND o.id = $4`,
      [to.tenantId, from.tenantId, p.id, to.nodes.unitA1],
    );
    const id = await requested(app, to, p);
    await consented(app, p.token, id);
    expect(await count('professional', to.tenantId, 'id_number = $2', [p.idNumber])).toBe(1);
    const [linked] = await app.owner.query(`SELECT title_level FROM professional WHERE tenant_id = $1 AND id = $2`, [to.tenantId, await movedProfessional(app, to, id)]);
    expect(linked.title_level).toBe('SENIOR');
  });
});

describe('without consent nothing moves', () => {
  it('the request waits: no record, no history in the receiving tenant; the sending record stays ACTIVE; the person sees it in their queue', async () => {
    const p = await mover(app, from);
    const id = await requested(app, to, p);
    expect(await count('professional', to.tenantId, 'id_number = $2', [p.idNumber])).toBe(0);
    expect(await count('moved_year', to.tenantId, 'move_request_id = $2', [id])).toBe(0);
    expect(await statusOf(from.tenantId, p.id)).toBe('ACTIVE');
    const queue = ok<{ totalCount: number; nodes: { id: string; receivingTenantName: string; receivingUnitName: string; professionalId: string }[] }>(
      await app.gql(MY_MOVE_REQUESTS, {}, p.token),
      'myMoveRequests',
    );
    expect(queue.nodes).toEqual([expect.objectContaining({ id, receivingTenantName: `测试市${to.code}`, receivingUnitName: '甲一医院', professionalId: p.id })]);
    expect(queue.totalCount).toBe(1);
    // the bureau of the sending tenant sees it among its people's requests; its unit official does not
    const bureauQueue = ok<{ nodes: { id: string }[] }>(await app.gql(MY_MOVE_REQUESTS, { first: 100 }, from.accounts.bureau.token), 'myMoveRequests');
    expect(bureauQueue.nodes.map((n) => n.id)).toContain(id);
    expect(codes(await app.gql(MY_MOVE_REQUESTS, {}, from.accounts.unitA1.token))).toEqual(['FORBIDDEN']);
  });

  it('refused with a reason: nothing moves, the receiving side reads REFUSED and the reason, the request cannot be consented afterwards', async () => {
    const p = await mover(app, from);
    const id = await requested(app, to, p);
    const r = ok<{ status: string; yearsMoved: number }>(await app.gql(REFUSE, { id, r: '本人暂不调动' }, p.token), 'refuseMove');
    expect(r).toMatchObject({ status: 'REFUSED', yearsMoved: 0 });
    expect(await count('professional', to.tenantId, 'id_number = $2', [p.idNumber])).toBe(0);
    expect(await count('moved_year', to.tenantId, 'move_request_id = $2', [id])).toBe(0);
    expect(await statusOf(from.tenantId, p.id)).toBe('ACTIVE');
    const [req] = await app.owner.query(`SELECT status, refusal_reason, decided_by FROM move_request WHERE tenant_id = $1 AND id = $2`, [to.tenantId, id]);
    expect(req).toEqual({ status: 'REFUSED', refusal_reason: '本人暂不调动', decided_by: 'PERSON' });
    expect(failure(await app.gql(CONSENT, { id }, p.token))).toEqual({ code: 'MOVE_REQUEST_DECIDED', field: 'requestId' });
    expect(failure(await app.gql(REFUSE, { id, r: '  ' }, p.token))).toEqual({ code: 'MOVE_REASON_REQUIRED', field: 'reason' });
  });

  it('an expired request cannot be consented: it reads EXPIRED, leaves the queue, and a new request may be made', async () => {
    const p = await mover(app, from);
    const id = await requested(app, to, p);
    await app.owner.query(`UPDATE move_request SET requested_at = now() - interval '31 days', expires_at = now() - interval '1 day' WHERE tenant_id = $1 AND id = $2`, [to.tenantId, id]);
    expect(failure(await app.gql(CONSENT, { id }, p.token))).toEqual({ code: 'MOVE_REQUEST_EXPIRED', field: 'requestId' });
    expect(await statusOf(from.tenantId, p.id)).toBe('ACTIVE');
    expect(ok<{ nodes: unknown[] }>(await app.gql(MY_MOVE_REQUESTS, {}, p.token), 'myMoveRequests').nodes).toEqual([]);
    const expired = ok<{ nodes: { id: string }[] }>(await app.gql(MOVE_REQUESTS, { s: 'EXPIRED', first: 100 }, to.accounts.unitA1.token), 'moveRequests');
    expect(expired.nodes.map((n) => n.id)).toContain(id);
    const again = await requested(app, to, p);
    expect(again).not.toBe(id);
    expect((await consented(app, p.token, again)).yearsMoved).toBe(4);
  });

  it('the receiving unit may withdraw a pending request; it cannot be consented then', async () => {
    const p = await plainPerson(app, from);
    const id = await requested(app, to, p);
    expect(ok<{ status: string }>(await app.gql(CANCEL_MOVE, { id }, to.accounts.unitA1.token), 'cancelMoveRequest').status).toBe('CANCELLED');
    expect(failure(await app.gql(CONSENT, { id }, p.token))).toEqual({ code: 'MOVE_REQUEST_DECIDED', field: 'requestId' });
    expect(failure(await app.gql(CANCEL_MOVE, { id }, to.accounts.unitA1.token))).toEqual({ code: 'MOVE_REQUEST_DECIDED', field: 'id' });
  });
});

describe('only the consenting party may consent', () => {
  it('another person of the sending tenant, a unit official there, another tenant’s bureau and the receiving side are refused; nothing changes', async () => {
    const p = await mover(app, from);
    const id = await requested(app, to, p);
    const someoneElse = await plainPerson(app, from);
    const attempts: [string, string][] = [
      [someoneElse.token, 'MOVE_REQUEST_NOT_FOUND'],
      [from.accounts.unitA1.token, 'MOVE_NOT_PARTY'],
      [third.accounts.bureau.token, 'MOVE_REQUEST_NOT_FOUND'],
      [to.accounts.bureau.token, 'MOVE_REQUEST_NOT_FOUND'],
      [to.accounts.unitA1.token, 'MOVE_NOT_PARTY'],
    ];
    for (const [token, code] of attempts) {
      expect(failure(await app.gql(CONSENT, { id }, token)).code).toBe(code);
      expect(failure(await app.gql(REFUSE, { id, r: '不同意' }, token)).code).toBe(code);
    }
    expect(await statusOf(from.tenantId, p.id)).toBe('ACTIVE');
    const [req] = await app.owner.query(`SELECT status FROM move_request WHERE tenant_id = $1 AND id = $2`, [to.tenantId, id]);
    expect(req.status).toBe('PENDING');
    expect(ok<{ nodes: unknown[] }>(await app.gql(MY_MOVE_REQUESTS, {}, someoneElse.token), 'myMoveRequests').nodes).toEqual([]);
    expect(failure(await app.gql(CONSENT, { id: 'not-a-uuid' }, p.token))).toEqual({ code: 'MOVE_REQUEST_NOT_FOUND', field: 'requestId' });
  });
});

describe('asking for a move', () => {
  it('names only a person registered elsewhere on the platform with that ID number and name; says nothing more', async () => {
    const p = await plainPerson(app, from);
    expect(failure(await app.gql(REQUEST_MOVE, { i: moveInput(to, { idNumber: p.idNumber, name: '张冒名' }) }, to.accounts.unitA1.token))).toEqual({
      code: 'MOVE_PERSON_NOT_FOUND',
      field: 'idNumber',
    });
    expect(failure(await app.gql(REQUEST_MOVE, { i: moveInput(to, { idNumber: newIdNumber(), name: p.name }) }, to.accounts.unitA1.token)).code).toBe('MOVE_PERSON_NOT_FOUND');
    expect(failure(await app.gql(REQUEST_MOVE, { i: moveInput(to, { idNumber: '370102199001011235', name: p.name }) }, to.accounts.unitA1.token)).field).toBe('idNumber');
    // a person registered in another unit of the caller's own tenant is not "elsewhere"
    const own = to.people.a2[0];
    expect(failure(await app.gql(REQUEST_MOVE, { i: moveInput(to, own) }, to.accounts.unitA1.token)).code).toBe('MOVE_ALREADY_REGISTERED');
    expect(await count('move_request', to.tenantId, 'id_number = $2', [p.idNumber])).toBe(0);
  });

  it('a unit outside the official’s scope, a second pending request, and a professional asking are refused', async () => {
    const p = await plainPerson(app, from);
    expect(failure(await app.gql(REQUEST_MOVE, { i: moveInput(to, p, { unitId: to.nodes.unitB1 }) }, to.accounts.unitA1.token))).toEqual({
      code: 'ORGANISATION_NOT_FOUND',
      field: 'unitId',
    });
    expect(failure(await app.gql(REQUEST_MOVE, { i: moveInput(to, p, { unitId: to.nodes.deptA }) }, to.accounts.bureau.token))).toEqual({ code: 'MOVE_UNIT_REQUIRED', field: 'unitId' });
    expect(failure(await app.gql(REQUEST_MOVE, { i: moveInput(to, p, { unitId: from.nodes.unitA1 }) }, to.accounts.bureau.token)).code).toBe('ORGANISATION_NOT_FOUND');
    await requested(app, to, p);
    expect(failure(await app.gql(REQUEST_MOVE, { i: moveInput(to, p) }, to.accounts.bureau.token))).toEqual({ code: 'MOVE_REQUEST_PENDING', field: 'idNumber' });
    expect(codes(await app.gql(REQUEST_MOVE, { i: moveInput(to, p) }, to.accounts.personA1.token))).toEqual(['FORBIDDEN']);
  });
});

describe('the audit trail', () => {
  it('shows in both tenants who asked and who consented, one row in each; no full ID number', async () => {
    const p = await mover(app, from);
    const id = await requested(app, to, p);
    await consented(app, p.token, id);
    const here = await movedProfessional(app, to, id);
    const received = (await auditRows(app, to.tenantId)).filter((r) => r.entity_id === id);
    expect(received.map((r) => r.action)).toEqual(['move.request', 'move.consent']);
    expect(received[0]).toMatchObject({ actor_kind: 'ACCOUNT', actor_id: to.accounts.unitA1.id, entity_type: 'move_request' });
    const [{ id: personAccount }] = await app.owner.query(`SELECT id FROM account WHERE tenant_id = $1 AND professional_id = $2`, [from.tenantId, p.id]);
    expect(received[1]).toMatchObject({ actor_id: null, actor_label: `${from.code}:account:${personAccount}` });
    expect(received[1]!.after).toMatchObject({ status: 'CONSENTED', requestedBy: 'account:unit-a1', consentedBy: 'PERSON', sourceTenant: from.code, professionalId: here, years: p.certified });
    const sent = (await auditRows(app, from.tenantId)).filter((r) => r.action === 'move.consent' && r.entity_id === p.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ actor_kind: 'ACCOUNT', actor_id: personAccount, entity_type: 'professional', before: { status: 'ACTIVE' } });
    expect(sent[0]!.after).toMatchObject({ status: 'MOVED_OUT', requestId: id, receivingTenant: to.code, requestedBy: `${to.code}:account:unit-a1`, consentedBy: 'PERSON', years: p.certified });
    const text = JSON.stringify([...received, ...sent]);
    expect(text).not.toContain(p.idNumber);
  });

  it('a refusal by the sending bureau is audited in both tenants with the reason', async () => {
    const p = await plainPerson(app, from);
    const id = await requested(app, to, p);
    await app.gql(REFUSE, { id, r: '尚有未结事项' }, from.accounts.bureau.token);
    const [received] = (await auditRows(app, to.tenantId)).filter((r) => r.entity_id === id && r.action === 'move.refuse');
    expect(received!.after).toMatchObject({ status: 'REFUSED', decidedBy: 'BUREAU', reason: '尚有未结事项', requestedBy: 'account:unit-a1' });
    expect(received!.actor_label).toBe(`${from.code}:account:bureau`);
    const sent = (await auditRows(app, from.tenantId)).filter((r) => r.action === 'move.refuse' && r.entity_id === p.id);
    expect(sent).toEqual([expect.objectContaining({ actor_id: from.accounts.bureau.id, after: expect.objectContaining({ requestId: id, reason: '尚有未结事项' }) })]);
  });
});

describe('the sending record after the move', () => {
  it('is marked moved out and read-only; the person leaves the sending tenant’s shortfall list', async () => {
    const p = await plainPerson(app, from);
    const SHORT = `query($y: Int!) { shortfalls(year: $y, first: 100, filter: { unitId: "${from.nodes.unitA2}" }) { nodes { name } } }`;
    const names = async () => ok<{ nodes: { name: string }[] }>(await app.gql(SHORT, { y: THIS_YEAR }, from.accounts.bureau.token), 'shortfalls').nodes.map((n) => n.name);
    expect(await names()).toContain(p.name);
    await consented(app, p.token, await requested(app, to, p));
    expect(await names()).not.toContain(p.name);
    const version = (await app.owner.query(`SELECT version FROM professional WHERE tenant_id = $1 AND id = $2`, [from.tenantId, p.id]))[0].version;
    const UPDATE = `mutation($i: UpdateProfessionalInput!) { updateProfessional(input: $i) { id } }`;
    expect(failure(await app.gql(UPDATE, { i: { id: p.id, version, status: 'ACTIVE' } }, from.accounts.bureau.token))).toEqual({ code: 'PROFESSIONAL_MOVED_OUT', field: 'id' });
    const other = from.people.b1[0];
    const v2 = (await app.owner.query(`SELECT version FROM professional WHERE tenant_id = $1 AND id = $2`, [from.tenantId, other.id]))[0].version;
    expect(failure(await app.gql(UPDATE, { i: { id: other.id, version: v2, status: 'MOVED_OUT' } }, from.accounts.bureau.token))).toEqual({ code: 'PROFESSIONAL_MOVED_OUT', field: 'status' });
  });

  it('moving on: a person who moved A → B → C brings A’s years with A as their issuer', async () => {
    const p = await mover(app, from);
    await consented(app, p.token, await requested(app, to, p));
    const inB = await movedProfessional(app, to, (await app.owner.query(`SELECT id FROM move_request WHERE tenant_id = $1 AND id_number = $2 AND status = 'CONSENTED'`, [to.tenantId, p.idNumber]))[0].id);
    const bToken = await addAccount(app, to, 'PROFESSIONAL', to.nodes.unitA1, inB);
    const id = ok<{ id: string }>(await app.gql(REQUEST_MOVE, { i: moveInput(third, p) }, third.accounts.unitA1.token), 'requestMove').id;
    expect((await consented(app, bToken, id)).yearsMoved).toBe(4);
    const inC = await movedProfessional(app, third, id);
    const years = await movedYears(app, third.accounts.bureau.token, inC);
    expect(years.map((y) => [y.year, y.issuingTenantCode, y.review])).toEqual(p.certified.map((y) => [y, from.code, 'PENDING']));
    expect(await statusOf(to.tenantId, inB)).toBe('MOVED_OUT');
  });
});
