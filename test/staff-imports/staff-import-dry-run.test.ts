// The dry run of a staff import: every kind of bad row is reported by row and column, the
// good rows are counted as what a confirmation would do, and nothing is registered yet.
import { createPeopleGenerator, REGION_CITIES } from '../../server/demo/synthetic-people';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { dryRun, newIdNumber, person, professionalCount, report, streamedWorkbook, workbook } from './staff-import-support';

let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'si');
  other = await createTenantFixture(app, 'sio');
  await app.owner.query(`UPDATE org_node SET code = 'A1-UNIT' WHERE tenant_id = $1 AND id = $2`, [t.tenantId, t.nodes.unitA1]);
  await app.owner.query(`UPDATE org_node SET employer_type = 'PUBLIC_INSTITUTION', effective_employer_type = 'PUBLIC_INSTITUTION' WHERE tenant_id = $1 AND id = $2`, [t.tenantId, t.nodes.unitA1]);
  // a unit only the other tenant has
  await app.owner.query(
    `INSERT INTO org_node (tenant_id, parent_id, kind, name, code, path, depth) VALUES ($1, $2, 'UNIT', '外市人民医院', 'OTHER-CITY-1', '', 0)`,
    [other.tenantId, other.nodes.deptA],
  );
});
afterAll(() => app.close());

const A1 = '甲一医院';

describe('the dry run reports every bad row by row and column', () => {
  it('each kind of problem at its row and column; the good rows are counted; nothing is registered', async () => {
    const good = newIdNumber();
    const badCheck = newIdNumber();
    const repeated = newIdNumber();
    const before = await professionalCount(app, t.tenantId);
    const file = await workbook([
      person(A1, { idNumber: good, name: '李四' }), // row 2: good
      person(A1, { idNumber: badCheck.slice(0, 17) + (badCheck[17] === '0' ? '1' : '0') }), // 3: wrong check digit
      person('不存在的单位'), // 4: unknown unit
      person(A1, { idNumber: repeated }), // 5: duplicate …
      person(A1, { idNumber: repeated, name: '王五' }), // 6: … of row 5
      person(A1, { idNumber: t.people.b1[0].idNumber, name: t.people.b1[0].name }), // 7: registered in unit B1
      person(A1, { name: null, level: null }), // 8: missing required cells
      person(A1, { series: '火箭科学', phone: '12345', joined: '2018-02-30' }), // 9: bad values
      person(A1, { name: { formula: 'HYPERLINK("http://evil.example","点我")', result: '点我' } }), // 10: a formula cell
      person(A1, { name: '=HYPERLINK("http://evil.example")', idNumber: '+' + newIdNumber() }), // 11: formula-like text
      person('外市人民医院'), // 12: another tenant's unit (by name)
      person('OTHER-CITY-1'), // 13: another tenant's unit (by code)
      person('甲区人社局'), // 14: a department, not a unit
      person(A1, { idNumber: Number('370102199003071234') }), // 15: an ID number saved as a number
      person(A1, { employer: '民营企业' }), // 16: the unit is registered as a public institution
      person('A1-UNIT', { employer: '事业单位' }), // 17: good, the unit by its code
    ]);
    const id = await dryRun(app, t.accounts.bureau.token, file);
    const { job, errors } = await report(app, t.accounts.bureau.token, id);
    const found = errors.map((e) => [e.row, e.column, e.code]);
    expect(found).toEqual([
      [3, 'ID_NUMBER', 'ID_NUMBER_CHECK_DIGIT'],
      [4, 'UNIT', 'UNIT_UNKNOWN'],
      [5, 'ID_NUMBER', 'DUPLICATE_IN_FILE'],
      [6, 'ID_NUMBER', 'DUPLICATE_IN_FILE'],
      [7, 'ID_NUMBER', 'IN_OTHER_UNIT'],
      [8, 'NAME', 'REQUIRED'],
      [8, 'TITLE_LEVEL', 'REQUIRED'],
      [9, 'TITLE_SERIES', 'NOT_IN_LIST'],
      [9, 'PHONE', 'PHONE_INVALID'],
      [9, 'JOINED_UNIT_ON', 'DATE_INVALID'],
      [10, 'NAME', 'FORMULA'],
      [11, 'NAME', 'FORMULA'],
      [11, 'ID_NUMBER', 'FORMULA'],
      [12, 'UNIT', 'UNIT_UNKNOWN'],
      [13, 'UNIT', 'UNIT_UNKNOWN'],
      [14, 'UNIT', 'NOT_A_UNIT'],
      [15, 'ID_NUMBER', 'ID_NUMBER_NOT_TEXT'],
      [16, 'EMPLOYER_TYPE', 'EMPLOYER_TYPE_MISMATCH'],
    ]);
    const byRow = (row: number, code: string) => errors.find((e) => e.row === row && e.code === code)!;
    expect(byRow(3, 'ID_NUMBER_CHECK_DIGIT')).toMatchObject({ columnLabel: '身份证号码', message: '身份证号码校验位错误' });
    expect(byRow(5, 'DUPLICATE_IN_FILE')).toMatchObject({ detail: '6', message: expect.stringContaining('另见第 6 行') });
    expect(byRow(6, 'DUPLICATE_IN_FILE').detail).toBe('5');
    expect(byRow(16, 'EMPLOYER_TYPE_MISMATCH')).toMatchObject({ detail: 'PUBLIC_INSTITUTION', message: expect.stringContaining('事业单位') });
    expect(job).toMatchObject({ status: 'READY', totalRows: 16, validRows: 2, invalidRows: 14, errorCount: errors.length, toCreate: 2, toUpdate: 0, toLeaveUnchanged: 0, result: null });
    expect(await professionalCount(app, t.tenantId)).toBe(before);
  });

  it('no error message, detail or answer holds a full ID number', async () => {
    const id = newIdNumber();
    const file = await workbook([person(A1, { idNumber: id }), person(A1, { idNumber: id })]);
    const job = await dryRun(app, t.accounts.bureau.token, file);
    const r = await app.gql(`query($id: ID!) { staffImport(id: $id) { errors(first: 10) { nodes { message detail } } } }`, { id: job }, t.accounts.bureau.token);
    expect(JSON.stringify(r.data)).not.toContain(id);
    const audit = await app.owner.query(`SELECT after FROM audit_log WHERE tenant_id = $1 AND entity_id = $2`, [t.tenantId, job]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(id);
  });

  it('a registered person in the same unit is counted as an update when something differs, as unchanged otherwise', async () => {
    const [p1, p2] = t.people.a1;
    const current = await app.owner.query(`SELECT name, phone, joined_unit_on::text AS joined FROM professional WHERE id = ANY($1) ORDER BY id = $2 DESC`, [[p1.id, p2.id], p1.id]);
    const file = await workbook([
      [current[0].name, p1.idNumber, A1, '员级', '卫生', null, current[0].phone, current[0].joined], // as registered (fixture: JUNIOR, HEALTH)
      [current[1].name, p2.idNumber, A1, '副高级', '卫生', null, null, current[1].joined], // a new title level
    ]);
    const { job } = await report(app, t.accounts.unitA1.token, await dryRun(app, t.accounts.unitA1.token, file));
    expect(job).toMatchObject({ validRows: 2, toCreate: 0, toUpdate: 1, toLeaveUnchanged: 1 });
  });

  it('columns are found by their header, in any order, with the template example row, blank rows and other sheets skipped', async () => {
    const id = newIdNumber();
    const headers = ['入职本单位日期', '职称系列', '职称级别', '所在单位', '身份证号码', '姓名'];
    const file = await workbook(
      [
        ['2020-09-01', '卫生', '中级', '某某单位', '11010519491231002X', '张三'], // the template's example
        [],
        [43831, '工程技术', '助理级', A1, id, '赵六'], // a date cell Excel saved as its serial number (2020-01-01)
      ],
      { headers, sheets: ['填写说明'] },
    );
    const { job, errors } = await report(app, t.accounts.unitA1.token, await dryRun(app, t.accounts.unitA1.token, file));
    expect(errors).toEqual([]);
    expect(job).toMatchObject({ totalRows: 1, validRows: 1, toCreate: 1 });
    const [row] = await app.owner.query(`SELECT joined_on::text AS joined, title_level, title_series FROM staff_import_row WHERE tenant_id = $1 AND job_id = $2`, [t.tenantId, job.id]);
    expect(row).toEqual({ joined: '2020-01-01', title_level: 'ASSISTANT', title_series: 'ENGINEERING' });
  });

  it('a workbook written as a stream (shared strings after the sheet, sizes after the data) reads the same', async () => {
    const rows = [person(A1), person(A1, { level: '无职称' }), person(A1, { joined: '2018-02-30' })];
    const { job, errors } = await report(app, t.accounts.unitA1.token, await dryRun(app, t.accounts.unitA1.token, await streamedWorkbook(rows)));
    expect(errors.map((e) => [e.row, e.code])).toEqual([[4, 'DATE_INVALID']]);
    expect(job).toMatchObject({ totalRows: 3, validRows: 2 });
  });

  it('Chinese text is read intact wherever it falls in the file (5,000 generated names, none garbled)', async () => {
    // exceljs' streaming reader alone turns a character split between two chunks into "��" (徐梅 → ��梅)
    const people = createPeopleGenerator({ seed: 13, regionCodes: Object.values(REGION_CITIES).flatMap((c) => c.codes) });
    const rows = Array.from({ length: 5000 }, (_, i) => people.next(900_000 + i)).map((p) => person(A1, { name: p.name, idNumber: p.idNumber }));
    const id = await dryRun(app, t.accounts.unitA1.token, await streamedWorkbook(rows));
    const { job, errors } = await report(app, t.accounts.unitA1.token, id);
    expect(errors.slice(0, 3)).toEqual([]);
    expect(job).toMatchObject({ totalRows: 5000, validRows: 5000 });
    const staged = await app.owner.query(`SELECT name FROM staff_import_row WHERE tenant_id = $1 AND job_id = $2 ORDER BY row_no`, [t.tenantId, id]);
    expect(staged.map((r: { name: string }) => r.name)).toEqual(rows.map((r) => r[0]));
  });
});
