// Confirming a staff import: "valid rows only" registers exactly the rows without errors,
// "all" refuses a file with any bad row and writes nothing, a re-import changes nothing, a
// registered person is updated and never duplicated, a job is applied once even when
// confirmed twice at the same time, and every person written is audited (ID masked).
import { codes } from '../support/harness';
import { createTenantFixture, type TenantFixture, auditRows } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { CONFIRM, dryRun, newIdNumber, peopleByIdNumber, person, professionalCount, report, workbook } from './staff-import-support';

let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'sic');
  other = await createTenantFixture(app, 'sico');
});
afterAll(() => app.close());

const A1 = '甲一医院';
const A2 = '甲二中学';
const unit = () => t.accounts.unitA1.token;
const dept = () => t.accounts.deptA.token;

describe('confirming an import', () => {
  it('VALID_ONLY registers exactly the rows without errors, with the values of the file', async () => {
    const ids = [newIdNumber(), newIdNumber(), newIdNumber()];
    const file = await workbook([
      person(A1, { idNumber: ids[0], name: '孙一', level: '中级', series: '卫生', phone: '13912345678', joined: '2019-07-01' }),
      person(A1, { idNumber: ids[1], name: '孙二', level: '火箭级' }), // bad: not in the list
      person(A2, { idNumber: ids[2], name: '孙三', level: '正高级', series: '中小学教师', phone: null, joined: '2010/9/1' }),
    ]);
    const id = await dryRun(app, dept(), file);
    const before = await professionalCount(app, t.tenantId);
    const r = await app.gql(CONFIRM, { id, mode: 'VALID_ONLY' }, dept());
    expect(r.errors).toBeUndefined();
    expect(r.data.confirmStaffImport).toMatchObject({ status: 'IMPORTED', result: { mode: 'VALID_ONLY', created: 2, updated: 0, unchanged: 0, skipped: 1 } });
    expect(await professionalCount(app, t.tenantId)).toBe(before + 2);
    const people = await peopleByIdNumber(app, t.tenantId, ids);
    expect(people.map((p) => [p.id_number, p.name, p.unit_id, p.title_level, p.title_series, p.phone, p.joined_unit_on, p.version])).toEqual(
      [
        [ids[0], '孙一', t.nodes.unitA1, 'INTERMEDIATE', 'HEALTH', '13912345678', '2019-07-01', 1],
        [ids[2], '孙三', t.nodes.unitA2, 'SENIOR', 'SCHOOL_TEACHING', null, '2010-09-01', 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // the staged rows are gone; the report stays
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM staff_import_row WHERE tenant_id = $1 AND job_id = $2`, [t.tenantId, id]);
    expect(n).toBe(0);
    const { errors } = await report(app, dept(), id);
    expect(errors.map((e) => [e.row, e.code])).toEqual([[3, 'NOT_IN_LIST']]);
  });

  it('ALL refuses a file with a bad row and writes nothing; the job can still be confirmed VALID_ONLY', async () => {
    const file = await workbook([person(A1), person(A1, { joined: '明天' })]);
    const id = await dryRun(app, unit(), file);
    const before = await professionalCount(app, t.tenantId);
    const r = await app.gql(CONFIRM, { id, mode: 'ALL' }, unit());
    expect(codes(r)).toEqual(['STAFF_IMPORT_HAS_ERRORS']);
    expect(r.errors![0]!.extensions!.field).toBe('mode');
    expect(await professionalCount(app, t.tenantId)).toBe(before);
    const again = await app.gql(CONFIRM, { id, mode: 'VALID_ONLY' }, unit());
    expect(again.data.confirmStaffImport.result).toMatchObject({ created: 1, skipped: 1 });
  });

  it('ALL imports a clean file; re-importing the same file changes nothing (no version bump, no person audited)', async () => {
    const ids = [newIdNumber(), newIdNumber()];
    const file = await workbook([person(A1, { idNumber: ids[0], name: '周一' }), person(A1, { idNumber: ids[1], name: '周二', phone: null })]);
    const first = await app.gql(CONFIRM, { id: await dryRun(app, unit(), file), mode: 'ALL' }, unit());
    expect(first.data.confirmStaffImport.result).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const before = await peopleByIdNumber(app, t.tenantId, ids);
    const auditBefore = (await auditRows(app, t.tenantId)).length;

    const again = await dryRun(app, unit(), file);
    expect((await report(app, unit(), again)).job).toMatchObject({ validRows: 2, toCreate: 0, toUpdate: 0, toLeaveUnchanged: 2 });
    const second = await app.gql(CONFIRM, { id: again, mode: 'ALL' }, unit());
    expect(second.data.confirmStaffImport.result).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await peopleByIdNumber(app, t.tenantId, ids)).toEqual(before);
    // the upload and the confirmation of the second job, and nothing about the people
    expect((await auditRows(app, t.tenantId)).slice(auditBefore).map((a) => a.action)).toEqual(['staffImport.upload', 'staffImport.confirm']);
  });

  it('a person already registered in the unit is updated, never duplicated; an empty phone keeps theirs; the audit masks the ID number', async () => {
    const p = t.people.a1[2];
    const [old] = await peopleByIdNumber(app, t.tenantId, [p.idNumber]);
    const before = await professionalCount(app, t.tenantId);
    const file = await workbook([person(A1, { idNumber: p.idNumber, name: '钱多多', level: '正高级', series: '卫生', phone: null, joined: '2011-05-06' })]);
    const id = await dryRun(app, unit(), file);
    const r = await app.gql(CONFIRM, { id, mode: 'ALL' }, unit());
    expect(r.data.confirmStaffImport.result).toMatchObject({ created: 0, updated: 1 });
    expect(await professionalCount(app, t.tenantId)).toBe(before);
    const [now] = await peopleByIdNumber(app, t.tenantId, [p.idNumber]);
    expect(now).toMatchObject({ id: p.id, name: '钱多多', title_level: 'SENIOR', phone: old!.phone, joined_unit_on: '2011-05-06', version: (old!.version as number) + 1 });
    const [entry] = (await auditRows(app, t.tenantId)).filter((a) => a.entity_id === p.id && a.action === 'professional.update');
    expect(entry!.before).toMatchObject({ name: old!.name, idNumber: `${p.idNumber.slice(0, 4)}**********${p.idNumber.slice(-4)}` });
    expect(entry!.after).toMatchObject({ name: '钱多多', importId: id, version: (old!.version as number) + 1 });
    expect(JSON.stringify(entry)).not.toContain(p.idNumber);
  });

  it('two confirmations at once import once: one wins, the other is told it was confirmed', async () => {
    const ids = [newIdNumber(), newIdNumber(), newIdNumber()];
    const id = await dryRun(app, unit(), await workbook(ids.map((idNumber) => person(A1, { idNumber }))));
    const before = await professionalCount(app, t.tenantId);
    const answers = await Promise.all([app.gql(CONFIRM, { id, mode: 'ALL' }, unit()), app.gql(CONFIRM, { id, mode: 'VALID_ONLY' }, unit())]);
    expect(answers.map((a) => codes(a)).sort()).toEqual([[], ['STAFF_IMPORT_ALREADY_CONFIRMED']]);
    expect(await professionalCount(app, t.tenantId)).toBe(before + 3);
    const later = await app.gql(CONFIRM, { id, mode: 'ALL' }, unit());
    expect(codes(later)).toEqual(['STAFF_IMPORT_ALREADY_CONFIRMED']);
  });

  it('the checks run again at confirmation: a person registered elsewhere since the dry run is not taken over', async () => {
    const idNumber = newIdNumber();
    const id = await dryRun(app, dept(), await workbook([person(A1, { idNumber })]));
    // meanwhile, unit A2 registers the same person
    const created = await app.gql(
      `mutation($i: CreateProfessionalInput!) { createProfessional(input: $i) { id } }`,
      { i: { idNumber, name: '吴同名', unitId: t.nodes.unitA2, titleLevel: 'JUNIOR', titleSeries: 'HEALTH', joinedUnitOn: '2020-01-01' } },
      dept(),
    );
    expect(created.errors).toBeUndefined();
    const r = await app.gql(CONFIRM, { id, mode: 'ALL' }, dept());
    expect(codes(r)).toEqual(['STAFF_IMPORT_HAS_ERRORS']);
    const [p] = await peopleByIdNumber(app, t.tenantId, [idNumber]);
    expect(p).toMatchObject({ unit_id: t.nodes.unitA2, name: '吴同名' });
  });

  it('a job is its uploader’s: another official, of this tenant or another, cannot see or confirm it', async () => {
    const id = await dryRun(app, unit(), await workbook([person(A1)]));
    for (const token of [t.accounts.bureau.token, other.accounts.bureau.token]) {
      const seen = await app.gql(`query($id: ID!) { staffImport(id: $id) { id } }`, { id }, token);
      expect(seen.data.staffImport).toBeNull();
      const r = await app.gql(CONFIRM, { id, mode: 'ALL' }, token);
      expect(codes(r)).toEqual(['STAFF_IMPORT_NOT_FOUND']);
    }
    const [{ status }] = await app.owner.query(`SELECT status FROM staff_import_job WHERE tenant_id = $1 AND id = $2`, [t.tenantId, id]);
    expect(status).toBe('READY');
    const mine = await app.gql(`{ staffImports(first: 50) { nodes { id status } } }`, {}, unit());
    expect(mine.data.staffImports.nodes.map((j: { id: string }) => j.id)).toContain(id);
  });

  it('a job left unconfirmed for a day has expired', async () => {
    const id = await dryRun(app, unit(), await workbook([person(A1)]));
    await app.owner.query(`UPDATE staff_import_job SET created_at = now() - interval '25 hours' WHERE tenant_id = $1 AND id = $2`, [t.tenantId, id]);
    const r = await app.gql(CONFIRM, { id, mode: 'ALL' }, unit());
    expect(codes(r)).toEqual(['STAFF_IMPORT_EXPIRED']);
    // the next upload sweeps it: marked expired, its staged rows dropped
    await dryRun(app, unit(), await workbook([person(A1)]));
    const [job] = await app.owner.query(
      `SELECT status, (SELECT count(*)::int FROM staff_import_row r WHERE r.tenant_id = j.tenant_id AND r.job_id = j.id) AS rows FROM staff_import_job j WHERE tenant_id = $1 AND id = $2`,
      [t.tenantId, id],
    );
    expect(job).toEqual({ status: 'EXPIRED', rows: 0 });
  });

  it('staffImports pages through the uploader’s jobs, newest first, each once', async () => {
    const account = t.accounts.deptA;
    for (let i = 0; i < 3; i++) await dryRun(app, account.token, await workbook([person(A1)]));
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const r: { data: { staffImports: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } } = await app.gql(
        `query($after: String) { staffImports(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
        account.token,
      );
      ids.push(...r.data.staffImports.nodes.map((n) => n.id));
      after = r.data.staffImports.pageInfo.hasNextPage ? r.data.staffImports.pageInfo.endCursor : null;
    } while (after);
    const expected = await app.owner.query(`SELECT id FROM staff_import_job WHERE tenant_id = $1 AND created_by = $2 ORDER BY created_at DESC, id DESC`, [t.tenantId, account.id]);
    expect(ids).toEqual(expected.map((r: { id: string }) => r.id));
    expect(ids.length).toBeGreaterThanOrEqual(3);
  });
});
