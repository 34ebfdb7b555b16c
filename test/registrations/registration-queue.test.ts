// The registration queue: the unit's officials see their unit's sign-ups, the unit's
// department and the bureau see them too (and may act for the unit); another unit's or
// another department's officials neither see nor decide them; professionals and anonymous
// callers have no queue. Pages in sign-up order (keyset), filtered by state, unit and day,
// with each state's count; two approvals at once: one wins.
import { inTransaction } from '../../server/platform/transaction';
import { auditRows } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import {
  APPROVE,
  COUNTS,
  failure,
  ok,
  ONE,
  QUEUE,
  registrationId,
  registrationTenant,
  REJECT,
  SIGN_UP,
  signUpInput,
  officialToken,
} from './registrations-support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type Page = { totalCount: number; nodes: { id: string; name: string; unitId: string; status: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const queue = async (token: string, f: object = {}, first = 20, after?: string) => ok<Page>(await app.gql(QUEUE, { f, first, after }, token), 'registrationQueue');

describe('who sees and decides a sign-up', () => {
  it('another unit’s official and another department’s neither see nor decide it; its department and the bureau see it', async () => {
    const t = await registrationTenant(app);
    const input = signUpInput(t, t.nodes.unitA1);
    ok(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    const id = await registrationId(app, t, input.idNumber);
    const unitA2 = await officialToken(app, t, 'UNIT_OFFICIAL', t.nodes.unitA2);
    const deptB = await officialToken(app, t, 'DEPARTMENT_OFFICIAL', t.nodes.deptB);
    for (const token of [unitA2, deptB]) {
      expect((await queue(token)).nodes).toEqual([]);
      expect(ok(await app.gql(COUNTS, {}, token), 'registrationQueueCounts')).toEqual({ pending: 0, approved: 0, rejected: 0, expired: 0 });
      expect(ok(await app.gql(ONE, { id }, token), 'professionalRegistration')).toBeNull();
      expect(failure(await app.gql(APPROVE, { id }, token))).toMatchObject({ code: 'REGISTRATION_NOT_FOUND', field: 'id' });
      expect(failure(await app.gql(REJECT, { id, r: '不是本单位' }, token)).code).toBe('REGISTRATION_NOT_FOUND');
    }
    for (const token of [t.accounts.unitA1.token, t.accounts.deptA.token, t.accounts.bureau.token]) {
      expect((await queue(token)).nodes.map((n) => n.id)).toEqual([id]);
      expect(ok(await app.gql(ONE, { id }, token), 'professionalRegistration')).toEqual({ id, status: 'PENDING' });
    }
    expect(failure(await app.gql(QUEUE, {}, t.accounts.personA1.token)).code).toBe('FORBIDDEN');
    expect(failure(await app.gql(QUEUE, {})).code).toBe('UNAUTHENTICATED');
    expect(failure(await app.gql(APPROVE, { id }, t.accounts.personA1.token)).code).toBe('FORBIDDEN');
    // nothing was decided
    expect((await auditRows(app, t.tenantId)).map((r) => r.action)).toEqual(['registration.signUp']);
  });

  it('an official of another tenant does not find it', async () => {
    const t = await registrationTenant(app);
    const other = await registrationTenant(app);
    const input = signUpInput(t, t.nodes.unitA1);
    ok(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    const id = await registrationId(app, t, input.idNumber);
    expect((await queue(other.accounts.bureau.token)).nodes).toEqual([]);
    expect(failure(await app.gql(APPROVE, { id }, other.accounts.bureau.token)).code).toBe('REGISTRATION_NOT_FOUND');
  });

  it('the unit’s department may act for the unit: its approval registers the person, recorded as its own', async () => {
    const t = await registrationTenant(app);
    const input = signUpInput(t, t.nodes.unitA2);
    ok(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    const id = await registrationId(app, t, input.idNumber);
    const approved = ok<{ status: string; decidedBy: string }>(await app.gql(APPROVE, { id }, t.accounts.deptA.token), 'approveProfessionalRegistration');
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: 'account:dept-a' });
    const audit = await auditRows(app, t.tenantId);
    expect(audit.filter((r) => r.action === 'registration.approve').map((r) => r.actor_id)).toEqual([t.accounts.deptA.id]);
  });

  it('two approvals of the same sign-up at once: one wins, the other is told it is decided; one person, one account', async () => {
    const t = await registrationTenant(app);
    const input = signUpInput(t, t.nodes.unitA1);
    ok(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    const id = await registrationId(app, t, input.idNumber);
    const results = await Promise.all([app.gql(APPROVE, { id }, t.accounts.unitA1.token), app.gql(APPROVE, { id }, t.accounts.deptA.token)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => failure(r).code)).toEqual(['REGISTRATION_ALREADY_DECIDED']);
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM account WHERE tenant_id = $1 AND username = $2`, [t.tenantId, input.idNumber]);
    expect(n).toBe(1);
    expect((await auditRows(app, t.tenantId)).filter((r) => r.action === 'registration.approve')).toHaveLength(1);
  });

  it('a person registered meanwhile by the unit: the approval is refused and nothing of it is written', async () => {
    const t = await registrationTenant(app);
    const input = signUpInput(t, t.nodes.unitA1);
    ok(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    const id = await registrationId(app, t, input.idNumber);
    const create = `mutation($i: CreateProfessionalInput!) { createProfessional(input: $i) { id } }`;
    const created = { idNumber: input.idNumber, name: '李晓明', unitId: t.nodes.unitA1, titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING', joinedUnitOn: '2020-01-01' };
    ok(await app.gql(create, { i: created }, t.accounts.unitA1.token), 'createProfessional');
    expect(failure(await app.gql(APPROVE, { id }, t.accounts.unitA1.token)).code).toBe('REGISTRATION_ALREADY_REGISTERED');
    expect(ok(await app.gql(ONE, { id }, t.accounts.unitA1.token), 'professionalRegistration')).toEqual({ id, status: 'PENDING' });
    expect((await auditRows(app, t.tenantId)).map((r) => r.action)).toEqual(['registration.signUp', 'professional.create']);
  });
});

describe('the queue’s pages, filters and counts', () => {
  it('pages in sign-up order one at a time; filters by state and unit; counts each state', async () => {
    const t = await registrationTenant(app);
    const ids: string[] = [];
    for (const unitId of [t.nodes.unitA1, t.nodes.unitA2, t.nodes.unitA1, t.nodes.unitA2]) {
      const input = signUpInput(t, unitId);
      ok(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
      ids.push(await registrationId(app, t, input.idNumber));
    }
    ok(await app.gql(APPROVE, { id: ids[0] }, t.accounts.deptA.token), 'approveProfessionalRegistration');
    ok(await app.gql(REJECT, { id: ids[1], r: '信息有误' }, t.accounts.deptA.token), 'rejectProfessionalRegistration');
    const dept = t.accounts.deptA.token;

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await queue(dept, {}, 1, after);
      seen.push(...page.nodes.map((n) => n.id));
      expect(page.totalCount).toBe(2);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual([ids[2], ids[3]]);
    expect((await queue(dept, { orgId: t.nodes.unitA2 })).nodes.map((n) => n.id)).toEqual([ids[3]]);
    expect((await queue(dept, { status: 'APPROVED' })).nodes.map((n) => n.id)).toEqual([ids[0]]);
    expect((await queue(dept, { status: 'REJECTED' })).nodes.map((n) => n.id)).toEqual([ids[1]]);
    expect(ok(await app.gql(COUNTS, {}, dept), 'registrationQueueCounts')).toEqual({ pending: 2, approved: 1, rejected: 1, expired: 0 });
    expect(ok(await app.gql(COUNTS, {}, t.accounts.unitA1.token), 'registrationQueueCounts')).toEqual({ pending: 1, approved: 1, rejected: 0, expired: 0 });

    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 32 * 3600e3).toISOString().slice(0, 10);
    expect((await queue(dept, { from: today, to: today })).totalCount).toBe(2);
    expect((await queue(dept, { from: tomorrow })).totalCount).toBe(0);
    expect(failure(await app.gql(QUEUE, { f: { from: tomorrow, to: today } }, dept))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    expect(failure(await app.gql(QUEUE, { after: 'not-a-cursor' }, dept))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(failure(await app.gql(QUEUE, { first: 101 }, dept))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('each level’s queue is read through its own index, in queue order, without sorting (as the runtime role)', async () => {
    const t = await registrationTenant(app);
    ok(await app.gql(SIGN_UP, { i: signUpInput(t, t.nodes.unitA1) }), 'signUpProfessional');
    // a long queue elsewhere in the tenant: 3,000 sign-ups waiting at unit B1 (department B)
    await app.owner.query(
      `INSERT INTO professional_registration (tenant_id, id_number, name, gender, birth_date, phone, title_level, title_series, unit_id,
              department_id, password_hash, receipt_hash, expires_at)
       SELECT $1::uuid, lpad(i::text, 17, '0') || 'X', '某人', 'MALE', '1980-01-01', '13900000000', 'NONE', 'ENGINEERING', $2, $3, 'x',
              encode(sha256(($1::text || i)::bytea), 'hex'), now() + interval '30 days'
         FROM generate_series(1, 3000) AS i`,
      [t.tenantId, t.nodes.unitB1, t.nodes.deptB],
    );
    await app.owner.query('ANALYZE professional_registration');
    const planOf = (where: string, params: unknown[]) =>
      inTransaction(app.runtime, { tenantId: t.tenantId }, async (em) => {
        const plan: { 'QUERY PLAN': string }[] = await em.query(
          `EXPLAIN SELECT r.id FROM professional_registration r WHERE ${where} AND r.status = 'PENDING' AND r.expires_at > now() AND r.queue_no > 0 ORDER BY r.queue_no LIMIT 21`,
          params,
        );
        return plan.map((r) => r['QUERY PLAN']).join('\n');
      });
    const unit = await planOf('r.unit_id = $1', [t.nodes.unitA1]);
    expect(unit).toContain('professional_registration_unit_queue');
    const department = await planOf('r.department_id = $1', [t.nodes.deptA]);
    expect(department).toContain('professional_registration_department_queue');
    const bureau = await planOf('true', []);
    expect(bureau).toContain('professional_registration_queue');
    for (const plan of [unit, department, bureau]) expect(plan).not.toMatch(/Sort/);
  });
});
