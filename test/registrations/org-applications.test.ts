// Units and departments register themselves (002 四、(二), 004 三、(二)): a unit applies under
// its department, or — with none (属地) — under the district HR bureau or the city bureau; a
// department under the bureau. The level above approves (the node and the administrator's
// active account are created; the administrator signs in with the password chosen when
// applying) or rejects with a reason the applicant reads with the receipt. Every step audited.
import { auditRows } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import {
  APP_APPROVE,
  APP_COUNTS,
  APP_QUEUE,
  APP_REJECT,
  applicationId,
  APPLY,
  applyInput,
  countRows,
  failure,
  ME,
  officialToken,
  ok,
  PARENTS,
  PASSWORD,
  PROGRESS,
  registrationTenant,
  SIGN_IN,
  SIGN_UP,
  signUpInput,
} from './registrations-support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type Application = Record<string, unknown> & { id: string; organisationId: string | null; accountId: string | null };

describe('a unit applies under the level above', () => {
  it('under a sector department (乙区卫健委): its officials approve; the unit exists and its administrator signs in with the chosen password', async () => {
    const t = await registrationTenant(app, 'binzhou');
    const deptB = await officialToken(app, t, 'DEPARTMENT_OFFICIAL', t.nodes.deptB);
    const parents = ok<{ nodes: { id: string; name: string; kind: string }[] }>(await app.gql(PARENTS, { t: t.code }), 'registrationParents');
    expect(parents.nodes.map((n) => [n.name, n.kind]).sort()).toEqual([['测试市人社局', 'BUREAU'], ['乙区卫健委', 'DEPARTMENT'], ['甲区人社局', 'DEPARTMENT']].sort());

    const input = applyInput(t, t.nodes.deptB, { name: '乙区第二医院', code: 'BZ-H2' });
    const { receipt } = ok<{ receipt: string; progress: Record<string, unknown> }>(await app.gql(APPLY, { i: input }), 'applyForOrganisation');
    expect(ok(await app.gql(PROGRESS, { t: t.code, r: receipt }), 'registrationProgress')).toMatchObject({
      kind: 'UNIT',
      status: 'PENDING',
      name: '乙区第二医院',
      organisationName: '乙区卫健委',
      signInName: input.adminUsername,
    });
    // another department and a unit see nothing of it
    expect(ok<{ nodes: unknown[] }>(await app.gql(APP_QUEUE, {}, t.accounts.deptA.token), 'organisationApplicationQueue').nodes).toEqual([]);
    expect(ok<{ nodes: unknown[] }>(await app.gql(APP_QUEUE, {}, t.accounts.unitA1.token), 'organisationApplicationQueue').nodes).toEqual([]);
    const queue = ok<{ nodes: Application[] }>(await app.gql(APP_QUEUE, {}, deptB), 'organisationApplicationQueue');
    expect(queue.nodes).toMatchObject([{ kind: 'UNIT', name: '乙区第二医院', code: 'BZ-H2', parentName: '乙区卫健委', adminName: '王经办', adminPhone: '13800001111', status: 'PENDING' }]);
    const id = queue.nodes[0]!.id;
    expect(failure(await app.gql(APP_APPROVE, { id }, t.accounts.deptA.token)).code).toBe('REGISTRATION_NOT_FOUND');

    const approved = ok<Application>(await app.gql(APP_APPROVE, { id, c: '材料齐全' }, deptB), 'approveOrganisationApplication');
    expect(approved).toMatchObject({ status: 'APPROVED', comment: '材料齐全' });
    const [node] = await app.owner.query(`SELECT kind, name, code, parent_id FROM org_node WHERE id = $1`, [approved.organisationId]);
    expect(node).toEqual({ kind: 'UNIT', name: '乙区第二医院', code: 'BZ-H2', parent_id: t.nodes.deptB });

    const signedIn = ok<{ token: string; account: Record<string, unknown> }>(
      await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: input.adminUsername, password: PASSWORD } }),
      'signIn',
    );
    expect(signedIn.account).toMatchObject({ id: approved.accountId, role: 'UNIT_OFFICIAL', status: 'ACTIVE', orgNodeId: approved.organisationId });
    expect(ok(await app.gql(ME, {}, signedIn.token), 'me')).toMatchObject({ role: 'UNIT_OFFICIAL', organisation: { name: '乙区第二医院', kind: 'UNIT' } });
    // its staff may now sign up for it
    ok(await app.gql(SIGN_UP, { i: signUpInput(t, approved.organisationId!) }), 'signUpProfessional');
    expect(ok(await app.gql(PROGRESS, { t: t.code, r: receipt }), 'registrationProgress')).toMatchObject({ status: 'APPROVED' });

    const audit = (await auditRows(app, t.tenantId)).filter((r) => !['account.signIn', 'registration.signUp'].includes(r.action));
    const approver = expect.stringMatching(/^account:off-/);
    expect(audit.map((r) => [r.action, r.actor_kind, r.actor_label])).toEqual([
      ['orgApplication.apply', 'SYSTEM', 'anonymous'],
      ['orgApplication.approve', 'ACCOUNT', approver],
      ['organisation.create', 'ACCOUNT', approver],
      ['account.createOfficial', 'ACCOUNT', approver],
    ]);
    expect(audit[3]!.after).toMatchObject({ username: input.adminUsername, role: 'UNIT_OFFICIAL', orgNodeId: approved.organisationId });
    expect(JSON.stringify(audit)).not.toMatch(/argon2/);
  });

  it('with no department (属地), under the district HR bureau (甲区人社局): the district bureau approves', async () => {
    const t = await registrationTenant(app, 'binzhou');
    const input = applyInput(t, t.nodes.deptA, { name: '甲区个体诊所' });
    ok(await app.gql(APPLY, { i: input }), 'applyForOrganisation');
    const id = await applicationId(app, t, '甲区个体诊所');
    const approved = ok<Application>(await app.gql(APP_APPROVE, { id }, t.accounts.deptA.token), 'approveOrganisationApplication');
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: 'account:dept-a', parentName: '甲区人社局' });
    const [node] = await app.owner.query(`SELECT parent_id FROM org_node WHERE id = $1`, [approved.organisationId]);
    expect(node.parent_id).toBe(t.nodes.deptA);
  });

  it('a city-level unit directly under the city bureau, and a department, are approved by the bureau; a department under a department is refused', async () => {
    const t = await registrationTenant(app);
    const unit = applyInput(t, t.nodes.bureau, { name: '市直属研究院' });
    const department = applyInput(t, t.nodes.bureau, { kind: 'DEPARTMENT', name: '市教育局' });
    ok(await app.gql(APPLY, { i: unit }), 'applyForOrganisation');
    ok(await app.gql(APPLY, { i: department }), 'applyForOrganisation');
    expect(failure(await app.gql(APPLY, { i: applyInput(t, t.nodes.deptA, { kind: 'DEPARTMENT' }) }))).toMatchObject({ code: 'REGISTRATION_PARENT_KIND', field: 'parentId' });
    expect(failure(await app.gql(APPLY, { i: applyInput(t, t.nodes.unitA1) }))).toMatchObject({ code: 'REGISTRATION_PARENT_NOT_FOUND', field: 'parentId' });
    // a department official sees no application under the bureau
    expect(ok(await app.gql(APP_COUNTS, {}, t.accounts.deptA.token), 'organisationApplicationQueueCounts')).toEqual({ pending: 0, approved: 0, rejected: 0, expired: 0 });
    const bureau = t.accounts.bureau.token;
    expect(ok(await app.gql(APP_COUNTS, {}, bureau), 'organisationApplicationQueueCounts')).toEqual({ pending: 2, approved: 0, rejected: 0, expired: 0 });
    for (const name of ['市直属研究院', '市教育局']) ok(await app.gql(APP_APPROVE, { id: await applicationId(app, t, name) }, bureau), 'approveOrganisationApplication');
    const nodes = await app.owner.query(`SELECT name, kind, parent_id FROM org_node WHERE tenant_id = $1 AND name IN ('市直属研究院', '市教育局') ORDER BY name`, [t.tenantId]);
    expect(nodes).toEqual([
      { name: '市教育局', kind: 'DEPARTMENT', parent_id: t.nodes.bureau },
      { name: '市直属研究院', kind: 'UNIT', parent_id: t.nodes.bureau },
    ].sort((a, b) => (a.name < b.name ? -1 : 1)));
    const signedIn = ok<{ account: { role: string } }>(await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: department.adminUsername, password: PASSWORD } }), 'signIn');
    expect(signedIn.account.role).toBe('DEPARTMENT_OFFICIAL');
  });

  it('rejected with a reason the applicant reads; nothing is created, and the administrator cannot sign in', async () => {
    const t = await registrationTenant(app);
    const input = applyInput(t, t.nodes.deptA, { name: '不明机构' });
    const { receipt } = ok<{ receipt: string }>(await app.gql(APPLY, { i: input }), 'applyForOrganisation');
    const id = await applicationId(app, t, '不明机构');
    expect(failure(await app.gql(APP_REJECT, { id, r: '' }, t.accounts.deptA.token))).toMatchObject({ code: 'REGISTRATION_REASON_REQUIRED', field: 'reason' });
    const rejected = ok<Application>(await app.gql(APP_REJECT, { id, r: '未提供法人登记证明' }, t.accounts.deptA.token), 'rejectOrganisationApplication');
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: '未提供法人登记证明', organisationId: null, accountId: null });
    expect(ok(await app.gql(PROGRESS, { t: t.code, r: receipt }), 'registrationProgress')).toMatchObject({ status: 'REJECTED', rejectionReason: '未提供法人登记证明' });
    expect(failure(await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: input.adminUsername, password: PASSWORD } })).code).toBe('INVALID_CREDENTIALS');
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM org_node WHERE tenant_id = $1 AND name = '不明机构'`, [t.tenantId]);
    expect(n).toBe(0);
    expect(failure(await app.gql(APP_APPROVE, { id }, t.accounts.deptA.token)).code).toBe('REGISTRATION_ALREADY_DECIDED');
    expect((await auditRows(app, t.tenantId)).map((r) => [r.action, r.actor_id])).toEqual([
      ['orgApplication.apply', null],
      ['orgApplication.reject', t.accounts.deptA.id],
    ]);
  });

  it('a name taken under the parent, a code or username in use, or reserved by a pending application, is refused; nothing is written', async () => {
    const t = await registrationTenant(app);
    expect(failure(await app.gql(APPLY, { i: applyInput(t, t.nodes.deptA, { name: '甲一医院' }) }))).toMatchObject({ code: 'REGISTRATION_NAME_TAKEN', field: 'name' });
    expect(failure(await app.gql(APPLY, { i: applyInput(t, t.nodes.deptA, { adminUsername: 'unit-a1' }) }))).toMatchObject({ code: 'USERNAME_TAKEN', field: 'adminUsername' });
    const first = applyInput(t, t.nodes.deptA, { code: 'X-1' });
    ok(await app.gql(APPLY, { i: first }), 'applyForOrganisation');
    expect(failure(await app.gql(APPLY, { i: applyInput(t, t.nodes.deptA, { name: first.name }) })).code).toBe('REGISTRATION_NAME_TAKEN');
    expect(failure(await app.gql(APPLY, { i: applyInput(t, t.nodes.deptB, { code: 'X-1' }) })).code).toBe('REGISTRATION_CODE_TAKEN');
    expect(failure(await app.gql(APPLY, { i: applyInput(t, t.nodes.deptB, { adminUsername: first.adminUsername }) })).code).toBe('USERNAME_TAKEN');
    expect(failure(await app.gql(APPLY, { i: applyInput(t, t.nodes.deptB, { password: 'weak' }) }))).toMatchObject({ code: 'PASSWORD_TOO_WEAK', field: 'password' });
    expect(failure(await app.gql(APPLY, { i: applyInput(t, t.nodes.deptB, { adminUsername: 'Bad Name' }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'adminUsername' });
    expect(await countRows(app, 'org_application', t.tenantId)).toBe(1);
  });

  it('an expired application cannot be approved, and frees its name for a new one', async () => {
    const t = await registrationTenant(app);
    const input = applyInput(t, t.nodes.deptA);
    ok(await app.gql(APPLY, { i: input }), 'applyForOrganisation');
    const id = await applicationId(app, t, input.name);
    await app.owner.query(`UPDATE org_application SET created_at = now() - interval '40 days', expires_at = now() - interval '10 days' WHERE id = $1`, [id]);
    expect(failure(await app.gql(APP_APPROVE, { id }, t.accounts.deptA.token)).code).toBe('REGISTRATION_EXPIRED');
    expect(ok(await app.gql(APP_QUEUE, { f: { status: 'EXPIRED' } }, t.accounts.deptA.token), 'organisationApplicationQueue')).toMatchObject({ totalCount: 1 });
    ok(await app.gql(APPLY, { i: { ...input } }), 'applyForOrganisation');
    const rows = await app.owner.query(`SELECT status FROM org_application WHERE tenant_id = $1 ORDER BY queue_no`, [t.tenantId]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['EXPIRED', 'PENDING']);
  });
});
