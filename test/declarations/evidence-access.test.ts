// Reviewers read the evidence of the declarations they review: a sector reviewer who is not
// above the uploader in the tree (Qingdao's health commission), and the level above an official
// who attached a file when filing for someone. Whoever cannot see such a declaration cannot
// read its files.
import { pdf, upload } from '../evidence/evidence-support';
import type { TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { addAccount, addNode, addProfessional, CREATE, ok, policyTenant, RECORD } from './declarations-support';

let app: TestApp;
let t: TenantFixture;
let commission: string;
let commissionToken: string;
let otherDeptToken: string;

beforeAll(async () => {
  app = await startTestApp();
  t = await policyTenant(app, 'qingdao', 'eva');
  commission = await addNode(app, t, t.nodes.bureau, 'DEPARTMENT', '青岛市卫生健康委员会', 'qd-health');
  commissionToken = await addAccount(app, t, 'DEPARTMENT_OFFICIAL', commission);
  otherDeptToken = await addAccount(app, t, 'DEPARTMENT_OFFICIAL', t.nodes.deptB);
});
afterAll(() => app.close());

const download = async (id: string, token: string) => (await fetch(`${app.url}/uploads/${id}`, { headers: { authorization: `Bearer ${token}` } })).status;

async function uploaded(token: string): Promise<string> {
  const answer = await upload(app, token, pdf());
  expect(answer.status).toBe(201);
  return answer.body.id!;
}

const tour = { kind: 'studyTour', year: 2024, date: '2024-05-10', params: { title: '赴德国医院考察' } };

it('Qingdao: the health commission (a sector reviewer, not above the hospital) reads a health worker’s evidence once it is submitted; a draft’s it cannot; another department never', async () => {
  const person = await addProfessional(app, t, t.nodes.unitA1, 'HEALTH');
  const file = await uploaded(person.token);
  const draft = ok<{ id: string }>(await app.gql(CREATE, { i: { ...tour, evidence: { fileIds: [file] }, submit: false } }, person.token), 'createDeclaration');
  expect(draft.id).toBeTruthy();
  expect(await download(file, commissionToken)).toBe(404);
  const file2 = await uploaded(person.token);
  ok(await app.gql(CREATE, { i: { ...tour, params: { title: '赴日本医院考察' }, evidence: { fileIds: [file2] }, submit: true } }, person.token), 'createDeclaration');
  expect(await download(file2, commissionToken)).toBe(200);
  expect(await download(file2, otherDeptToken)).toBe(404);
  expect(await download(file2, person.token)).toBe(200);
});

it('Qingdao: a file a unit official attached when recording for someone is read by the reviewers above, not by another department', async () => {
  const person = await addProfessional(app, t, t.nodes.unitA1, 'ENGINEERING');
  const file = await uploaded(t.accounts.unitA1.token);
  expect(await download(file, t.accounts.deptA.token)).toBe(404);
  const filed = await app.gql(RECORD, { i: { ...tour, professionalId: person.id }, e: { fileIds: [file] } }, t.accounts.unitA1.token);
  expect(filed.errors).toBeUndefined();
  expect(await download(file, t.accounts.deptA.token)).toBe(200);
  expect(await download(file, t.accounts.bureau.token)).toBe(200);
  expect(await download(file, otherDeptToken)).toBe(404);
});
