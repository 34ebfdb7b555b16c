// Exports (issue 13): the officials' four lists as .xlsx files that open in exceljs, hold
// exactly the rows the GraphQL list gives for the same filter, in the same role scope, with
// Chinese headers, masked ID numbers, dates as dates, and text that begins like a formula
// made inert. Every export leaves one audit row.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { eventually } from '../support/eventually';
import { auditRows, createTenantFixture, type PersonFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { CREATE_ORGANISATION, CREATE_PROFESSIONAL, newIdNumber } from '../support/queries';
import { bookOf, type Cell, exportFile, isoDate, recordsOf, rowsOf } from './export-support';

let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;
const Y = 2026;
const EVIL = '=HYPERLINK("http://evil.example/","点此查看")';
const FULL_ID_NUMBER = /[0-9]{17}[0-9X]/;
let evilUnit: string;
let evilPerson: string;

const PROFESSIONALS = `query($filter: ProfessionalFilter, $after: String) { professionals(filter: $filter, first: 100, after: $after) {
  nodes { name idNumberMasked birthDate titleLevel unit { name } } pageInfo { hasNextPage endCursor } } }`;
const STATS = `query($y: Int!, $under: ID) { completionStatistics(year: $y, under: $under) {
  complete byOrganisation { name headcount complete noRequirement rate } hoursByKind { label hours } shortfallDistribution { label count } } }`;
const SHORTFALLS = `query($y: Int!, $f: ShortfallFilter, $after: String) { shortfalls(year: $y, first: 100, after: $after, filter: $f) {
  nodes { name idNumber unitName publicShortfall professionalShortfall deadline } pageInfo { hasNextPage endCursor } } }`;
const EVENTS = `query($f: AuditEventFilter, $after: String) { auditEvents(filter: $f, first: 100, after: $after) {
  nodes { id action entityId } pageInfo { hasNextPage endCursor } } }`;

/** Every node of a GraphQL list, page after page. */
async function walk<T>(query: string, variables: object, token: string, field: string): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const r = await app.gql(query, { ...variables, after }, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    const page = r.data[field] as { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
  throw new Error('the list did not end');
}

async function hours(p: PersonFixture, pub: number, prof: number) {
  await app.owner.query(`INSERT INTO activity (tenant_id, professional_id, kind, year, params) VALUES ($1, $2, 'transferIn', $3, $4)`, [
    t.tenantId,
    p.id,
    Y,
    { fromPlace: '测试', publicHours: pub, professionalHours: prof },
  ]);
}

/** Every cell of every sheet. */
function cells(book: ExcelJS.Workbook): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void out.push(cell))));
  return out;
}

const names = (rows: Record<string, Cell>[]) => rows.map((r) => r['姓名']);

beforeAll(async () => {
  app = await startTestApp({ EXPORT_RATE_LIMIT: '1000' });
  t = await createTenantFixture(app, 'exp');
  other = await createTenantFixture(app, 'exo');
  await publishInitialPolicy(app.owner, t.tenantId, loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('qingdao')!, 'test');
  const unit = await app.gql(CREATE_ORGANISATION, { input: { parentId: t.nodes.deptA, kind: 'UNIT', name: EVIL } }, t.accounts.bureau.token);
  evilUnit = unit.data.createOrganisation.id;
  const person = await app.gql(
    CREATE_PROFESSIONAL,
    { input: { idNumber: newIdNumber(), name: '导出测试', unitId: evilUnit, titleLevel: 'SENIOR', titleSeries: 'HEALTH', joinedUnitOn: '2020-03-01' } },
    t.accounts.bureau.token,
  );
  evilPerson = person.data.createProfessional.name;
  // a1[0] and b1[0] complete; a1[1] short of professional hours; the rest have nothing
  await hours(t.people.a1[0], 30, 60);
  await hours(t.people.b1[0], 30, 60);
  await hours(t.people.a1[1], 30, 20);
});
afterAll(() => app.close());

describe('the staff list (professionals)', () => {
  it('opens in exceljs with Chinese headers and holds exactly the GraphQL list’s rows for the same filter, IDs masked, dates as dates', async () => {
    const filter = { titleLevel: 'SENIOR' };
    const answer = await exportFile(app, t.accounts.bureau.token, 'professionals', { filter });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = answer.headers.get('content-disposition') ?? '';
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!)).toMatch(/^专业技术人员名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = bookOf(answer).worksheets[0]!;
    expect(sheet.name).toBe('专业技术人员名单');
    expect(rowsOf(sheet)[0]).toEqual(['姓名', '身份证号码', '性别', '出生日期', '所在单位', '职称级别', '职称系列', '现职称取得日期', '手机号码', '在职状态', '调入本单位日期']);
    expect(sheet.getColumn(5).width).toBe(30);
    const listed = await walk<{ name: string; idNumberMasked: string; birthDate: string; unit: { name: string } }>(PROFESSIONALS, { filter }, t.accounts.bureau.token, 'professionals');
    const rows = recordsOf(sheet);
    expect(rows.map((r) => [r['姓名'], r['身份证号码'], isoDate(r['出生日期']), r['所在单位'], r['职称级别']])).toEqual(
      listed.map((p) => [p.name, p.idNumberMasked, p.birthDate, p.unit.name.startsWith('=') ? `'${p.unit.name}` : p.unit.name, '正高级']),
    );
    expect(rows).toHaveLength(4); // a senior in each of the three units, and the one in the unit named like a formula
    expect(sheet.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(cells(bookOf(answer)).filter((c) => FULL_ID_NUMBER.test(c.text))).toEqual([]);
  });

  it('writes a unit name that begins with “=” as inert text: an apostrophe first, a text cell, never a formula', async () => {
    const book = bookOf(await exportFile(app, t.accounts.bureau.token, 'professionals', { filter: { unitId: evilUnit } }));
    const sheet = book.worksheets[0]!;
    expect(recordsOf(sheet).map((r) => [r['姓名'], r['所在单位']])).toEqual([[evilPerson, `'${EVIL}`]]);
    expect(sheet.getCell('E2').type).toBe(ExcelJS.ValueType.String);
    expect(cells(book).filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
  });

  it('keeps to the caller’s scope: a unit official exports their unit, a department official their units', async () => {
    const unit = recordsOf(bookOf(await exportFile(app, t.accounts.unitA1.token, 'professionals')).worksheets[0]!);
    expect(names(unit).sort()).toEqual(t.people.a1.map((p) => p.name).sort());
    const dept = recordsOf(bookOf(await exportFile(app, t.accounts.deptA.token, 'professionals', { filter: { status: 'ACTIVE' } })).worksheets[0]!);
    expect(names(dept).sort()).toEqual([...t.people.a1, ...t.people.a2].map((p) => p.name).concat(evilPerson).sort());
  });

  it('refuses, before sending a file: a professional, no sign-in, another tenant’s unit, a value the filter does not take', async () => {
    const refused = async (token: string | null, body: object, kind = 'professionals') => {
      const a = await exportFile(app, token, kind, body);
      expect(a.book).toBeNull();
      expect(a.headers.get('content-disposition')).toBeNull();
      return [a.status, a.errors?.[0]?.extensions?.code, a.errors?.[0]?.extensions?.field];
    };
    expect(await refused(t.accounts.personA1.token, {})).toEqual([403, 'FORBIDDEN', undefined]);
    expect(await refused(null, {})).toEqual([401, 'UNAUTHENTICATED', undefined]);
    expect(await refused(t.accounts.bureau.token, { filter: { unitId: other.nodes.unitA1 } })).toEqual([400, 'ORGANISATION_NOT_FOUND', 'filter.unitId']);
    expect(await refused(t.accounts.bureau.token, { filter: { titleLevel: 'BOSS' } })).toEqual([400, 'BAD_USER_INPUT', 'filter.titleLevel']);
    expect(await refused(t.accounts.bureau.token, { filter: { salary: 1 } })).toEqual([400, 'BAD_USER_INPUT', 'filter.salary']);
    expect(await refused(t.accounts.bureau.token, { filter: { name: '长'.repeat(51) } })).toEqual([400, 'BAD_USER_INPUT', 'filter.name']);
    expect(await refused(t.accounts.bureau.token, {}, 'salaries')).toEqual([404, 'EXPORT_KIND_UNKNOWN', 'kind']);
    expect(await refused(t.accounts.bureau.token, [])).toEqual([400, 'BAD_REQUEST', undefined]);
  });
});

describe('completion statistics', () => {
  it('has the page’s figures per organisation for the year, with a total, and the hours and shortfall sheets', async () => {
    const answer = await exportFile(app, t.accounts.bureau.token, 'completion-statistics', { year: Y });
    const book = bookOf(answer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['各机构完成情况', '各单位完成情况', '各学习形式学时', '学时缺口分布']);
    const r = await app.gql(STATS, { y: Y }, t.accounts.bureau.token);
    const stats = r.data.completionStatistics;
    const rows = recordsOf(book.worksheets[0]!);
    expect(rows.map((x) => [x['年度'], x['机构'], x['在职人数'], x['已完成人数'], x['完成率']])).toEqual([
      ...stats.byOrganisation.map((o: { name: string; headcount: number; complete: number; rate: number }) => [Y, o.name, o.headcount, o.complete, o.rate]),
      [Y, '合计', 10, 2, 0.2],
    ]);
    // every unit of the scope, in tree order, under its department
    const units = recordsOf(book.worksheets[1]!).map((x) => [x['单位'], x['上级机构'], x['在职人数'], x['已完成人数'], x['完成率']]);
    expect(units).toHaveLength(4);
    expect(units).toEqual(
      expect.arrayContaining([
        ['甲一医院', '甲区人社局', 3, 1, 1 / 3],
        ['甲二中学', '甲区人社局', 3, 0, 0],
        [`'${EVIL}`, '甲区人社局', 1, 0, 0],
        ['乙一医院', '乙区卫健委', 3, 1, 1 / 3],
      ]),
    );
    expect(units.findIndex((u) => u[0] === '乙一医院')).toBe(3);
    expect(recordsOf(book.worksheets[3]!).map((x) => [x['缺口（学时）'], x['人数']])).toEqual(stats.shortfallDistribution.map((b: { label: string; count: number }) => [b.label, b.count]));
    expect(book.worksheets[0]!.getCell('H2').numFmt).toBe('0.0%');
  });

  it('keeps to the caller’s scope, and makes the formula-like unit name inert', async () => {
    const unit = recordsOf(bookOf(await exportFile(app, t.accounts.unitA1.token, 'completion-statistics', { year: Y })).worksheets[0]!);
    expect(unit.map((x) => [x['机构'], x['在职人数'], x['已完成人数']])).toEqual([
      ['甲一医院', 3, 1],
      ['合计', 3, 1],
    ]);
    const dept = recordsOf(bookOf(await exportFile(app, t.accounts.deptA.token, 'completion-statistics', { year: Y })).worksheets[0]!);
    expect(dept.map((x) => x['机构']).sort()).toEqual([`'${EVIL}`, '合计', '甲一医院', '甲二中学'].sort());
    const refused = await exportFile(app, t.accounts.unitA1.token, 'completion-statistics', { year: Y, under: t.nodes.bureau });
    expect([refused.status, refused.errors?.[0]?.extensions?.code]).toEqual([400, 'ORGANISATION_NOT_FOUND']);
    const noYear = await exportFile(app, t.accounts.bureau.token, 'completion-statistics', {});
    expect(noYear.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('who is short (shortfalls)', () => {
  it('holds exactly the GraphQL list’s people for the year, in its order, IDs masked', async () => {
    const book = bookOf(await exportFile(app, t.accounts.bureau.token, 'shortfalls', { year: Y }));
    const listed = await walk<{ name: string; idNumber: string; unitName: string; publicShortfall: number; professionalShortfall: number; deadline: string }>(
      SHORTFALLS,
      { y: Y },
      t.accounts.bureau.token,
      'shortfalls',
    );
    const rows = recordsOf(book.worksheets[0]!);
    expect(rows.map((r) => [r['姓名'], r['身份证号码'], r['所在单位'], r['公需科目缺口'], r['专业科目缺口'], isoDate(r['截止日期'])])).toEqual(
      listed.map((s) => [s.name, s.idNumber, s.unitName.startsWith('=') ? `'${s.unitName}` : s.unitName, s.publicShortfall, s.professionalShortfall, s.deadline]),
    );
    expect(rows).toHaveLength(8); // ten people, two complete
    expect(cells(book).filter((c) => FULL_ID_NUMBER.test(c.text))).toEqual([]);
  });

  it('keeps to the caller’s scope and filter', async () => {
    const unit = recordsOf(bookOf(await exportFile(app, t.accounts.unitA1.token, 'shortfalls', { year: Y })).worksheets[0]!);
    expect(names(unit).sort()).toEqual([t.people.a1[1].name, t.people.a1[2].name].sort());
    expect(unit.find((r) => r['姓名'] === t.people.a1[1].name)?.['专业科目缺口']).toBe(40);
    const none = await exportFile(app, t.accounts.bureau.token, 'shortfalls', { year: Y, filter: { titleSeries: 'LAW' } });
    expect(rowsOf(bookOf(none).worksheets[0]!)).toHaveLength(1); // the header alone
  });
});

describe('the audit log (auditEvents)', () => {
  it('holds exactly the GraphQL list’s events for the same filter, newest first; only the bureau exports it', async () => {
    const filter = { actionPrefix: 'organisation.' };
    const book = bookOf(await exportFile(app, t.accounts.bureau.token, 'audit-events', { filter }));
    const listed = await walk<{ id: string; action: string; entityId: string }>(EVENTS, { f: filter }, t.accounts.bureau.token, 'auditEvents');
    const rows = recordsOf(book.worksheets[0]!);
    expect(rows.map((r) => [r['日志序号'], r['动作'], r['记录 ID']])).toEqual(listed.map((e) => [e.id, e.action, e.entityId]));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!['时间（北京时间）']).toBeInstanceOf(Date);
    const dept = await exportFile(app, t.accounts.deptA.token, 'audit-events', { filter });
    expect([dept.status, dept.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    const backwards = await exportFile(app, t.accounts.bureau.token, 'audit-events', { filter: { from: '2026-02-01', to: '2026-01-01' } });
    expect(backwards.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.to' });
  });
});

describe('the audit trail of exports', () => {
  it('records who exported which list, with which filter (ID number masked) and how many rows', async () => {
    const person = t.people.a1[0];
    const book = bookOf(await exportFile(app, t.accounts.unitA1.token, 'professionals', { filter: { idNumber: person.idNumber } }));
    expect(names(recordsOf(book.worksheets[0]!))).toEqual([person.name]);
    const masked = `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`;
    // the audit row is written once the file has gone out: wait for it
    const last = await eventually(async () => {
      const row = (await auditRows(app, t.tenantId)).filter((r) => r.action === 'export.professionals' && (r.after?.filter as { idNumber?: string } | undefined)?.idNumber === masked).pop();
      expect(row).toBeDefined();
      return row!;
    }, 5000);
    expect(last).toMatchObject({ actor_kind: 'ACCOUNT', actor_id: t.accounts.unitA1.id, entity_type: 'export', entity_id: 'professionals' });
    expect(last.after).toEqual({
      list: '专业技术人员名单',
      fileName: expect.stringMatching(/^专业技术人员名单-.*\.xlsx$/),
      filter: { idNumber: masked },
      rows: 1,
      complete: true,
    });
    expect(JSON.stringify(last)).not.toContain(person.idNumber);
  });
});
