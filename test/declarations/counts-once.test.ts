// Counts once (issue 11): one professional cannot have two live declarations of the same
// certificate number or the same result (title + year + issuer); a certificate the policy
// marks once-only (the Corps' qualification certificate) cannot be used in a second year; a
// result declared by more people than it has authors is flagged to the reviewer; a kind may
// require evidence before it is submitted (transfer in: the other place's certificate).
import { codes, startTestApp, type TestApp } from '../support/harness';
import type { TenantFixture } from '../support/fixtures';
import { addProfessional, APPROVE, CREATE, credited, DECLARATION_FIELDS, ok, policyTenant, RECORD, REJECT, SUBMIT, WITHDRAW, writtenRows } from './declarations-support';

let app: TestApp;
let linyi: TenantFixture;
let corps: TenantFixture;
let binzhou: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  linyi = await policyTenant(app, 'linyi', 'co');
  corps = await policyTenant(app, 'bingtuan', 'cc');
  binzhou = await policyTenant(app, 'binzhou', 'cb');
});
afterAll(() => app.close());

interface D {
  id: string;
  status: string;
  version: number;
}

const training = (certificateNo: string, more: object = {}) => ({
  kind: 'specialTraining',
  year: 2024,
  date: '2024-05-10',
  params: { hours: 12 },
  evidence: { certificateNo, issuer: '临沂市职业培训中心', ...more },
});

async function declare(token: string, input: object, submit = true) {
  return app.gql(CREATE, { i: { ...input, submit } }, token);
}

describe('the same certificate number twice', () => {
  it('Linyi: a second live declaration with the same certificate number (any width or case) is refused on the certificate field, and nothing is written', async () => {
    const p = await addProfessional(app, linyi, linyi.nodes.unitA1);
    ok<D>(await declare(p.token, training('LY-2024-001')), 'createDeclaration');
    const before = await writtenRows(app, linyi.tenantId);
    const again = await declare(p.token, training('ｌｙ－2024－001'.replace(/－/g, '-')));
    expect(codes(again)).toEqual(['DECLARATION_DUPLICATE_CERTIFICATE']);
    expect(again.errors![0]!.extensions!.field).toBe('evidence.certificateNo');
    expect(again.errors![0]!.message).toContain('2024年度');
    expect(await writtenRows(app, linyi.tenantId)).toEqual(before);
  });

  it('Linyi: a draft may repeat a certificate number, but cannot be submitted while the other is live; once that one is withdrawn it can', async () => {
    const p = await addProfessional(app, linyi, linyi.nodes.unitA1);
    const first = ok<D>(await declare(p.token, training('LY-DRAFT-7')), 'createDeclaration');
    const draft = ok<D>(await declare(p.token, training('LY-DRAFT-7'), false), 'createDeclaration');
    expect(draft.status).toBe('DRAFT');
    expect(codes(await app.gql(SUBMIT, { id: draft.id, v: draft.version }, p.token))).toEqual(['DECLARATION_DUPLICATE_CERTIFICATE']);
    ok(await app.gql(WITHDRAW, { id: first.id }, p.token), 'withdrawDeclaration');
    expect(ok<D>(await app.gql(SUBMIT, { id: draft.id, v: draft.version }, p.token), 'submitDeclaration').status).toBe('SUBMITTED');
  });

  it('Linyi: another professional may hold the same certificate number (the rule is per person)', async () => {
    const a = await addProfessional(app, linyi, linyi.nodes.unitA1);
    const b = await addProfessional(app, linyi, linyi.nodes.unitA2);
    ok(await declare(a.token, training('LY-SHARED-1')), 'createDeclaration');
    expect(ok<D>(await declare(b.token, training('LY-SHARED-1')), 'createDeclaration').status).toBe('SUBMITTED');
  });

  it('Linyi: a rejected declaration still holds its certificate until it is corrected or withdrawn by its filer', async () => {
    const p = await addProfessional(app, linyi, linyi.nodes.unitA1);
    const first = ok<D>(await declare(p.token, training('LY-REJ-3')), 'createDeclaration');
    ok(await app.gql(REJECT, { id: first.id, r: '证书照片不清晰' }, linyi.accounts.unitA1.token), 'rejectDeclaration');
    expect(codes(await declare(p.token, training('LY-REJ-3')))).toEqual(['DECLARATION_DUPLICATE_CERTIFICATE']);
    expect(ok<D>(await app.gql(WITHDRAW, { id: first.id }, p.token), 'withdrawDeclaration').status).toBe('WITHDRAWN');
    expect(ok<D>(await declare(p.token, training('LY-REJ-3')), 'createDeclaration').status).toBe('SUBMITTED');
  });

  it('Linyi: an official filing for someone is held to the same rule as the person', async () => {
    const p = await addProfessional(app, linyi, linyi.nodes.unitA1);
    ok(await declare(p.token, training('LY-OFF-9')), 'createDeclaration');
    const { evidence, ...activity } = training('LY-OFF-9');
    const filed = await app.gql(RECORD, { i: { ...activity, professionalId: p.id }, e: evidence }, linyi.accounts.unitA1.token);
    expect(codes(filed)).toEqual(['DECLARATION_DUPLICATE_CERTIFICATE']);
  });

  it('Linyi: two submissions of one certificate at the same moment: exactly one is live, the other is refused with the rule’s code', async () => {
    const p = await addProfessional(app, linyi, linyi.nodes.unitA1);
    const results = await Promise.all([declare(p.token, training('LY-RACE-1')), declare(p.token, training('LY-RACE-1'))]);
    const failed = results.filter((r) => r.errors);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(failed.flatMap(codes)).toEqual(['DECLARATION_DUPLICATE_CERTIFICATE']);
    const [row] = await app.owner.query(`SELECT count(*)::int AS n FROM declaration WHERE tenant_id = $1 AND professional_id = $2 AND status <> 'WITHDRAWN'`, [
      linyi.tenantId,
      p.id,
    ]);
    expect(row.n).toBe(1);
  });
});

describe('the same result (title + year + issuer)', () => {
  it('Linyi: the same result title, year and issuer under another certificate number is refused on the result field; another year is not the same result', async () => {
    const p = await addProfessional(app, linyi, linyi.nodes.unitA1);
    ok(await declare(p.token, training('LY-R-1', { resultTitle: '基层医疗质量提升专题培训' })), 'createDeclaration');
    const same = await declare(p.token, training('LY-R-2', { resultTitle: '基层医疗质量提升 专题培训' }));
    expect(codes(same)).toEqual(['DECLARATION_DUPLICATE_RESULT']);
    expect(same.errors![0]!.extensions!.field).toBe('evidence.resultTitle');
    const nextYear = { ...training('LY-R-3', { resultTitle: '基层医疗质量提升专题培训' }), year: 2025, date: '2025-05-10' };
    expect(ok<D>(await declare(p.token, nextYear), 'createDeclaration').status).toBe('SUBMITTED');
  });
});

describe('once only (the Corps, 003 第18问)', () => {
  const certificate = (year: number, certificateNo: string) => ({
    kind: 'qualificationCertificate',
    year,
    date: `${year}-04-01`,
    params: { certificateName: '执业药师资格证书', issueDate: `${year}-03-01`, certificateNo, hours: 30 },
  });

  it('Corps: a qualification certificate used in 2024 cannot be declared again in 2025 (refused on its certificate parameter); a different certificate can', async () => {
    const p = await addProfessional(app, corps, corps.nodes.unitA1, 'ENGINEERING');
    ok(await declare(p.token, certificate(2024, 'ZG-2024-88')), 'createDeclaration');
    const second = await declare(p.token, certificate(2025, 'zg-2024-88'));
    expect(codes(second)).toEqual(['DECLARATION_ONCE_ONLY']);
    expect(second.errors![0]!.extensions!.field).toBe('params.certificateNo');
    expect(second.errors![0]!.message).toContain('2024年度');
    expect(ok<D>(await declare(p.token, certificate(2025, 'ZG-2025-01')), 'createDeclaration').status).toBe('SUBMITTED');
  });
});

describe('co-authors (a paper declared by more people than its authors)', () => {
  const WARN = `query($id: ID!) { declaration(id: $id) { id warnings { code message } } }`;
  const paper = (authorPosition: number) => ({
    kind: 'paper',
    year: 2024,
    date: '2024-06-01',
    params: { title: '县域医共体绩效评价研究', level: 'national', chars: 5000, authorCount: 2, authorPosition },
    evidence: { resultTitle: '县域医共体绩效评价研究', issuer: '中国卫生经济' },
  });

  it('Binzhou: two co-authors of a two-author paper raise no warning; a third declarant flags every declaration of it to the reviewer', async () => {
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await addProfessional(app, binzhou, binzhou.nodes.unitA1, 'ENGINEERING'));
    const ids: string[] = [];
    for (const [i, p] of people.slice(0, 2).entries()) ids.push(ok<D>(await declare(p.token, paper(i + 1)), 'createDeclaration').id);
    const reviewer = binzhou.accounts.unitA1.token;
    for (const id of ids) expect(ok<{ warnings: unknown[] }>(await app.gql(WARN, { id }, reviewer), 'declaration').warnings).toEqual([]);
    ids.push(ok<D>(await declare(people[2]!.token, paper(2)), 'createDeclaration').id);
    for (const id of ids) {
      const { warnings } = ok<{ warnings: { code: string; message: string }[] }>(await app.gql(WARN, { id }, reviewer), 'declaration');
      expect(warnings.map((w) => w.code)).toEqual(['CO_AUTHOR_OVERFLOW']);
      expect(warnings[0]!.message).toContain('3人');
    }
  });
});

describe('transfer in (000 八、4): earlier years with the other place’s certificate', () => {
  const transfer = (year: number, evidence: object | null) => ({
    kind: 'transferIn',
    year,
    params: { fromPlace: '江苏省南京市', publicHours: 30, professionalHours: 60 },
    ...(evidence ? { evidence } : {}),
  });

  it('Linyi: without the certificate number it stays a draft: submitting it is refused on the evidence field', async () => {
    const p = await addProfessional(app, linyi, linyi.nodes.unitA1);
    const draft = ok<D>(await declare(p.token, transfer(2021, { issuer: '南京市人社局' }), false), 'createDeclaration');
    const refused = await app.gql(SUBMIT, { id: draft.id, v: draft.version }, p.token);
    expect(codes(refused)).toEqual(['DECLARATION_EVIDENCE_REQUIRED']);
    expect(refused.errors![0]!.extensions!.field).toBe('evidence.certificateNo');
  });

  it('Linyi: one certificate book serves 2021 and 2022; each year, once reviewed, counts in that year only (and not before the last approval)', async () => {
    const p = await addProfessional(app, linyi, linyi.nodes.unitA1);
    const book = { certificateNo: 'SU-CE-000123', issuer: '南京市人力资源和社会保障局' };
    const ids = [];
    for (const year of [2021, 2022]) ids.push(ok<D>(await declare(p.token, transfer(year, book)), 'createDeclaration').id);
    expect(codes(await declare(p.token, transfer(2021, book)))).toEqual(['DECLARATION_DUPLICATE_CERTIFICATE']);
    const bureau = linyi.accounts.bureau.token;
    for (const id of ids) ok(await app.gql(APPROVE, { id }, linyi.accounts.unitA1.token), 'approveDeclaration');
    expect(await credited(app, bureau, p.idNumber, 2021)).toMatchObject({ public: 0, professional: 0 });
    for (const id of ids) expect(ok<D>(await app.gql(APPROVE, { id }, linyi.accounts.deptA.token), 'approveDeclaration').status).toBe('RECORDED');
    for (const [i, year] of [2021, 2022].entries()) {
      const c = await credited(app, bureau, p.idNumber, year);
      expect(c).toMatchObject({ public: 30, professional: 60, activityIds: [ids[i]] });
    }
    expect(await credited(app, bureau, p.idNumber, 2023)).toMatchObject({ public: 0, professional: 0 });
  });
});

it('the fields these tests read are part of the declaration type', () => {
  expect(DECLARATION_FIELDS).toContain('evidence');
});
