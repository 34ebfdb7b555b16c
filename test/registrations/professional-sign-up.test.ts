// A professional registers themselves without signing in (002 四、(二), 004 三、(二)): the
// sign-up waits for the unit; on approval the person signs in with the password they chose;
// a rejection's reason is read with the receipt; a registered or pending ID number is told
// whom to contact, never whose unit it is; an unanswered sign-up expires after the
// tenant's term; bad input and another tenant's unit are refused, and nothing is written.
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { auditRows } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import {
  APPROVE,
  COUNTS,
  countRows,
  failure,
  ME,
  ok,
  PASSWORD,
  PROGRESS,
  QUEUE,
  registrationId,
  registrationTenant,
  REJECT,
  SIGN_IN,
  SIGN_UP,
  signUpInput,
  UNITS,
} from './registrations-support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 86400e3;

describe('sign-up, approval by the unit, sign-in', () => {
  it('a person finds their unit by name, signs up, the unit official approves, and the person signs in with the password chosen at sign-up', async () => {
    const t = await registrationTenant(app, 'jining');
    const found = ok<{ nodes: { id: string; name: string; kind: string; pathNames: string[] }[] }>(await app.gql(UNITS, { t: t.code, name: '甲一' }), 'registrationUnits');
    expect(found.nodes).toEqual([{ id: t.nodes.unitA1, name: '甲一医院', kind: 'UNIT', pathNames: ['测试市人社局', '甲区人社局'] }]);

    const input = signUpInput(t, found.nodes[0]!.id);
    const signedUp = ok<{ receipt: string; progress: Record<string, unknown> }>(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    expect(signedUp.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}-[0-9A-Z]{2}$/);
    expect(signedUp.progress).toMatchObject({ kind: 'PROFESSIONAL', status: 'PENDING', name: '李晓明', organisationName: '甲一医院', decidedAt: null, rejectionReason: null });
    expect(signedUp.progress.signInName).toBe(`${input.idNumber.slice(0, 4)}**********${input.idNumber.slice(-4)}`);
    // Jining's policy: 30 days to decide
    const term = Date.parse(signedUp.progress.expiresAt as string) - Date.parse(signedUp.progress.submittedAt as string);
    expect(Math.round(term / DAY)).toBe(30);

    // nothing to sign in to yet
    const early = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: input.idNumber, password: PASSWORD } });
    expect(failure(early).code).toBe('INVALID_CREDENTIALS');

    const queue = ok<{ totalCount: number; nodes: Record<string, unknown>[] }>(await app.gql(QUEUE, {}, t.accounts.unitA1.token), 'registrationQueue');
    expect(queue.totalCount).toBe(1);
    expect(queue.nodes[0]).toMatchObject({ idNumber: input.idNumber, name: '李晓明', phone: '13912345678', unitName: '甲一医院', status: 'PENDING', titleLevel: 'INTERMEDIATE' });

    const id = queue.nodes[0]!.id as string;
    const approved = ok<Record<string, unknown>>(await app.gql(APPROVE, { id, j: '2024-03-01', c: '信息属实' }, t.accounts.unitA1.token), 'approveProfessionalRegistration');
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: 'account:unit-a1', comment: '信息属实', rejectionReason: null });
    expect(approved.professionalId).toEqual(expect.any(String));

    const signedIn = ok<{ token: string; account: Record<string, unknown> }>(
      await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: input.idNumber.toLowerCase(), password: PASSWORD } }),
      'signIn',
    );
    expect(signedIn.account).toMatchObject({ role: 'PROFESSIONAL', status: 'ACTIVE', orgNodeId: t.nodes.unitA1, professionalId: approved.professionalId });
    const me = ok<{ professional: Record<string, unknown> }>(await app.gql(ME, {}, signedIn.token), 'me');
    expect(me.professional).toMatchObject({ idNumber: input.idNumber, name: '李晓明', unitId: t.nodes.unitA1, titleLevel: 'INTERMEDIATE', phone: '13912345678' });

    expect(ok(await app.gql(PROGRESS, { t: t.code, r: signedUp.receipt.toLowerCase() }), 'registrationProgress')).toMatchObject({ status: 'APPROVED' });
    // the hash went into the account; the registration keeps none
    const [row] = await app.owner.query(`SELECT password_hash, status FROM professional_registration WHERE id = $1`, [id]);
    expect(row).toEqual({ password_hash: null, status: 'APPROVED' });
    const [person] = await app.owner.query(`SELECT joined_unit_on::text AS joined, unit_path FROM professional WHERE id = $1`, [approved.professionalId]);
    expect(person.joined).toBe('2024-03-01');

    const audit = (await auditRows(app, t.tenantId)).filter((r) => r.action !== 'account.signIn');
    expect(audit.map((r) => [r.action, r.actor_kind, r.actor_label])).toEqual([
      ['registration.signUp', 'SYSTEM', 'anonymous'],
      ['registration.approve', 'ACCOUNT', 'account:unit-a1'],
      ['professional.create', 'ACCOUNT', 'account:unit-a1'],
      ['account.createProfessional', 'ACCOUNT', 'account:unit-a1'],
    ]);
    expect(audit[1]!.after).toMatchObject({ status: 'APPROVED', comment: '信息属实' });
    // the trail keeps masked ID numbers only, and no password hash
    expect(JSON.stringify(audit)).not.toContain(input.idNumber);
    expect(JSON.stringify(audit)).not.toMatch(/argon2/);
  });

  it('the term comes from the tenant’s policy (registration.pendingDays), 30 days without one', async () => {
    const t = await registrationTenant(app);
    const jining = loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('jining')!;
    const term = async () => {
      const p = ok<{ progress: { submittedAt: string; expiresAt: string } }>(await app.gql(SIGN_UP, { i: signUpInput(t, t.nodes.unitA2) }), 'signUpProfessional').progress;
      return Math.round((Date.parse(p.expiresAt) - Date.parse(p.submittedAt)) / DAY);
    };
    expect(await term()).toBe(30);
    await publishInitialPolicy(app.owner, t.tenantId, { ...jining, registration: { pendingDays: 7, source: '002 四、(二)' } }, 'test');
    expect(await term()).toBe(7);
  });

  it('Corps: a person without a title signs up choosing 无 (NONE), and is registered without one (003 第6问)', async () => {
    const t = await registrationTenant(app, 'bingtuan');
    const input = signUpInput(t, t.nodes.unitB1, { titleLevel: 'NONE', titleSeries: 'ENGINEERING' });
    ok(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    const approved = ok<{ professionalId: string }>(await app.gql(APPROVE, { id: await registrationId(app, t, input.idNumber) }, t.accounts.bureau.token), 'approveProfessionalRegistration');
    const [person] = await app.owner.query(`SELECT title_level FROM professional WHERE id = $1`, [approved.professionalId]);
    expect(person.title_level).toBe('NONE');
  });
});

describe('rejection, duplicates, expiry', () => {
  it('a rejection needs a reason, which the applicant reads with the receipt; nothing is registered, and the person may sign up again', async () => {
    const t = await registrationTenant(app);
    const input = signUpInput(t, t.nodes.unitA1);
    const { receipt } = ok<{ receipt: string }>(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    const id = await registrationId(app, t, input.idNumber);
    expect(failure(await app.gql(REJECT, { id, r: '   ' }, t.accounts.unitA1.token))).toMatchObject({ code: 'REGISTRATION_REASON_REQUIRED', field: 'reason' });
    const rejected = ok(await app.gql(REJECT, { id, r: '本单位无此人员' }, t.accounts.unitA1.token), 'rejectProfessionalRegistration');
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: '本单位无此人员', decidedBy: 'account:unit-a1' });
    expect(ok(await app.gql(PROGRESS, { t: t.code, r: receipt }), 'registrationProgress')).toMatchObject({ status: 'REJECTED', rejectionReason: '本单位无此人员' });
    // decided once
    expect(failure(await app.gql(APPROVE, { id }, t.accounts.unitA1.token)).code).toBe('REGISTRATION_ALREADY_DECIDED');
    expect(failure(await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: input.idNumber, password: PASSWORD } })).code).toBe('INVALID_CREDENTIALS');
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM professional WHERE tenant_id = $1 AND id_number = $2`, [t.tenantId, input.idNumber]);
    expect(n).toBe(0);
    ok(await app.gql(SIGN_UP, { i: { ...input, unitId: t.nodes.unitA2 } }), 'signUpProfessional');
    const actions = (await auditRows(app, t.tenantId)).map((r) => r.action);
    expect(actions).toEqual(['registration.signUp', 'registration.reject', 'registration.signUp']);
  });

  it('an ID number already registered, or with a sign-up pending, is told whom to contact — never whose unit it is — and nothing is written', async () => {
    const t = await registrationTenant(app);
    // registered in 乙一医院 (乙区卫健委); signing up for 甲一医院
    const registered = await app.gql(SIGN_UP, { i: signUpInput(t, t.nodes.unitA1, { idNumber: t.people.b1[1].idNumber }) });
    const first = failure(registered);
    expect(first).toMatchObject({ code: 'REGISTRATION_ALREADY_REGISTERED', field: 'idNumber' });
    expect(first.message).toMatch(/经办人|人力资源社会保障部门/);
    for (const name of ['乙一医院', '乙区', '甲一医院', '甲区']) expect(first.message).not.toContain(name);

    const input = signUpInput(t, t.nodes.unitA1);
    ok(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    const again = failure(await app.gql(SIGN_UP, { i: { ...input, unitId: t.nodes.unitB1, name: '冒名者' } }));
    expect(again).toMatchObject({ code: 'REGISTRATION_ALREADY_PENDING', field: 'idNumber' });
    for (const name of ['甲一医院', '甲区', '李晓明']) expect(again.message).not.toContain(name);
    expect(await countRows(app, 'professional_registration', t.tenantId)).toBe(1);
    expect((await auditRows(app, t.tenantId)).map((r) => r.action)).toEqual(['registration.signUp']);
  });

  it('past its term a sign-up reads as expired, cannot be approved or rejected, and the ID number may sign up again', async () => {
    const t = await registrationTenant(app);
    const input = signUpInput(t, t.nodes.unitA1);
    const { receipt } = ok<{ receipt: string }>(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    const id = await registrationId(app, t, input.idNumber);
    await app.owner.query(`UPDATE professional_registration SET created_at = now() - interval '31 days', expires_at = now() - interval '1 day' WHERE id = $1`, [id]);

    const token = t.accounts.unitA1.token;
    expect(ok(await app.gql(COUNTS, {}, token), 'registrationQueueCounts')).toEqual({ pending: 0, approved: 0, rejected: 0, expired: 1 });
    expect(ok<{ nodes: unknown[] }>(await app.gql(QUEUE, {}, token), 'registrationQueue').nodes).toEqual([]);
    expect(ok<{ nodes: { id: string; status: string }[] }>(await app.gql(QUEUE, { f: { status: 'EXPIRED' } }, token), 'registrationQueue').nodes).toMatchObject([{ id, status: 'EXPIRED' }]);
    expect(failure(await app.gql(APPROVE, { id }, token))).toMatchObject({ code: 'REGISTRATION_EXPIRED', field: 'id' });
    expect(failure(await app.gql(REJECT, { id, r: '太迟' }, token)).code).toBe('REGISTRATION_EXPIRED');
    expect(ok(await app.gql(PROGRESS, { t: t.code, r: receipt }), 'registrationProgress')).toMatchObject({ status: 'EXPIRED' });

    ok(await app.gql(SIGN_UP, { i: input }), 'signUpProfessional');
    // the expired one was swept: marked, its password hash gone
    const rows = await app.owner.query(`SELECT status, password_hash IS NULL AS cleared FROM professional_registration WHERE tenant_id = $1 ORDER BY queue_no`, [t.tenantId]);
    expect(rows).toEqual([{ status: 'EXPIRED', cleared: true }, { status: 'PENDING', cleared: false }]);
    expect(await countRows(app, 'professional', t.tenantId)).toBe(9);
  });
});

describe('bad input and other tenants', () => {
  it('an invalid ID number is refused with its own code on idNumber, and nothing is written', async () => {
    const t = await registrationTenant(app);
    const valid = signUpInput(t, t.nodes.unitA1).idNumber;
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const cases: [string, string][] = [
      [wrongCheck, 'ID_NUMBER_CHECK_DIGIT'],
      ['37130219851332001X', 'ID_NUMBER_BIRTH_DATE'],
      ['3713021985', 'ID_NUMBER_LENGTH'],
      ['99130219850612001X', 'ID_NUMBER_REGION'],
    ];
    for (const [idNumber, code] of cases) {
      expect(failure(await app.gql(SIGN_UP, { i: signUpInput(t, t.nodes.unitA1, { idNumber }) }))).toMatchObject({ code, field: 'idNumber' });
    }
    expect(failure(await app.gql(SIGN_UP, { i: signUpInput(t, t.nodes.unitA1, { password: 'short1' }) }))).toMatchObject({ code: 'PASSWORD_TOO_WEAK', field: 'password' });
    expect(failure(await app.gql(SIGN_UP, { i: signUpInput(t, t.nodes.unitA1, { password: 'onlyletterspassword' }) })).code).toBe('PASSWORD_TOO_WEAK');
    const phone = failure(await app.gql(SIGN_UP, { i: signUpInput(t, t.nodes.unitA1, { phone: '12345' }) }));
    expect(phone).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    expect(failure(await app.gql(SIGN_UP, { i: signUpInput(t, t.nodes.unitA1, { tenantCode: 'nowhere' }) }))).toMatchObject({ code: 'TENANT_NOT_FOUND', field: 'tenantCode' });
    expect(await countRows(app, 'professional_registration', t.tenantId)).toBe(0);
    expect(await auditRows(app, t.tenantId)).toEqual([]);
  });

  it('a unit of another tenant, chosen by its id, is not found under the sign-up tenant; nor is a department', async () => {
    const t = await registrationTenant(app);
    const other = await registrationTenant(app);
    for (const unitId of [other.nodes.unitA1, t.nodes.deptA, t.nodes.bureau, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect(failure(await app.gql(SIGN_UP, { i: signUpInput(t, unitId) }))).toMatchObject({ code: 'REGISTRATION_UNIT_NOT_FOUND', field: 'unitId' });
    }
    expect(await countRows(app, 'professional_registration', t.tenantId)).toBe(0);
    expect(await countRows(app, 'professional_registration', other.tenantId)).toBe(0);
  });

  it('the directory lists the units of the tenant named, and only them: id, name, kind and the names above, by name, a page at a time', async () => {
    const t = await registrationTenant(app);
    await registrationTenant(app);
    const page = async (first: number, after?: string, name?: string) =>
      ok<{ totalCount: number; nodes: { id: string; name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }>(
        await app.gql(UNITS, { t: t.code, first, after, name }),
        'registrationUnits',
      );
    const one = await page(2);
    expect(one.totalCount).toBe(3);
    expect(one.nodes.map((n) => n.name)).toEqual(['乙一医院', '甲一医院'].sort());
    const two = await page(2, one.pageInfo.endCursor);
    expect(two.nodes.map((n) => n.name)).toEqual(['甲二中学']);
    expect(two.pageInfo.hasNextPage).toBe(false);
    expect((await page(10, undefined, '医院')).nodes.map((n) => n.id).sort()).toEqual([t.nodes.unitA1, t.nodes.unitB1].sort());
    expect((await page(10, undefined, '不存在')).nodes).toEqual([]);
    // the officials' fields are not there to ask for
    expect(failure(await app.gql(`query($t: String!) { registrationUnits(tenantCode: $t) { nodes { id path } } }`, { t: t.code })).code).toBe('GRAPHQL_VALIDATION_FAILED');
    await app.owner.query(`UPDATE tenant SET status = 'SUSPENDED', suspended_at = now(), suspension_reason = '测试' WHERE id = $1`, [t.tenantId]);
    expect(failure(await app.gql(UNITS, { t: t.code })).code).toBe('TENANT_NOT_FOUND');
  });
});
