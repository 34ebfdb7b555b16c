// Who files, reports and reads training: a provider (an API client with training:report) only
// its own projects in its own tenant; the bureau every provider's, and the platform's own
// courses; nobody else. The tenant wall holds below the API too.
import { chinaToday } from '../../server/platform/clock';
import { ok } from '../declarations/declarations-support';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { asRuntimeRole, pgError } from '../support/runtime-role';
import {
  addApiClient,
  COMPLETIONS,
  FILE,
  fileProject,
  PROJECT,
  PROJECTS,
  type ProviderTenant,
  providerRows,
  providerTenant,
  report,
  row,
  startedProject,
} from './providers-support';

let app: TestApp;
let a: ProviderTenant;
let b: ProviderTenant;
let projectA: { id: string };
let projectB: { id: string };
const training = () => startedProject('jobTraining', { params: { category: 'job' } });

beforeAll(async () => {
  app = await startTestApp();
  a = await providerTenant(app, 'qingdao', 'pra');
  b = await providerTenant(app, 'qingdao', 'prb');
  projectA = await fileProject(app, a.provider, training());
  projectB = await fileProject(app, b.provider, training());
});
afterAll(() => app.close());

describe('provider access', () => {
  it("a provider of tenant A cannot report into tenant B's project, nor see it, nor credit B's people", async () => {
    const writtenB = await providerRows(app, b.t.tenantId);
    const r = await report(app, a.provider, projectB.id, 'cross-tenant', [row(b.t.people.a1[0])]);
    expect(codes(r)).toEqual(['TRAINING_PROJECT_NOT_FOUND']);
    expect(r.errors![0]!.extensions!.field).toBe('projectId');
    expect((await app.gql(PROJECT, { id: projectB.id }, { apiKey: a.provider.apiKey })).data.trainingProject).toBeNull();
    const listed = ok<{ nodes: { id: string }[] }>(await app.gql(PROJECTS, { first: 100 }, { apiKey: a.provider.apiKey }), 'trainingProjects');
    expect(listed.nodes.map((n) => n.id)).not.toContain(projectB.id);
    expect(codes(await app.gql(COMPLETIONS, { p: projectB.id }, { apiKey: a.provider.apiKey }))).toEqual(['TRAINING_PROJECT_NOT_FOUND']);

    // B's people are unknown to A's batch: the tenant comes from the key, never from the input
    const own = ok<{ rows: { code: string }[] }>(await report(app, a.provider, projectA.id, 'b-people', [row(b.t.people.a1[0])]), 'reportTrainingCompletions');
    expect(own.rows[0]!.code).toBe('COMPLETION_UNKNOWN_PERSON');
    expect(await providerRows(app, b.t.tenantId)).toEqual(writtenB);
  });

  it("another provider of the same tenant sees and reports only its own projects; the bureau sees every provider's", async () => {
    const other = await addApiClient(app, a.t, ['TRAINING_REPORT'], '另一培训机构');
    expect(codes(await report(app, other, projectA.id, 'not-mine', [row(a.t.people.a2[0])]))).toEqual(['TRAINING_PROJECT_NOT_FOUND']);
    expect((await app.gql(PROJECT, { id: projectA.id }, { apiKey: other.apiKey })).data.trainingProject).toBeNull();
    const asked = ok<{ nodes: unknown[] }>(await app.gql(PROJECTS, { f: { providerId: a.provider.id }, first: 100 }, { apiKey: other.apiKey }), 'trainingProjects');
    expect(asked.nodes).toEqual([]);

    const bureau = ok<{ nodes: { id: string; providerId: string }[]; totalCount: number }>(
      await app.gql(PROJECTS, { f: { providerId: a.provider.id }, first: 100 }, a.t.accounts.bureau.token),
      'trainingProjects',
    );
    expect(bureau.nodes.map((n) => n.id)).toContain(projectA.id);
    expect(bureau.nodes.every((n) => n.providerId === a.provider.id)).toBe(true);
    expect(bureau.totalCount).toBe(bureau.nodes.length);
  });

  it('an API client without training:report, a professional, a unit official and an anonymous caller are refused, and nothing is written', async () => {
    const reader = await addApiClient(app, a.t, ['COMPLETION_READ'], '职称评审系统');
    const written = await providerRows(app, a.t.tenantId);
    expect(codes(await app.gql(FILE, { i: training() }, { apiKey: reader.apiKey }))).toEqual(['PROVIDER_SCOPE_REQUIRED']);
    expect(codes(await report(app, reader, projectA.id, 'k', [row(a.t.people.a1[0])]))).toEqual(['PROVIDER_SCOPE_REQUIRED']);
    expect(codes(await app.gql(PROJECTS, {}, { apiKey: reader.apiKey }))).toEqual(['PROVIDER_SCOPE_REQUIRED']);
    for (const token of [a.t.accounts.personA1.token, a.t.accounts.unitA1.token]) {
      expect(codes(await app.gql(FILE, { i: training() }, token))).toEqual(['PROVIDER_ONLY']);
      expect(codes(await report(app, token, projectA.id, 'k', [row(a.t.people.a1[0])]))).toEqual(['PROVIDER_ONLY']);
      expect(codes(await app.gql(PROJECTS, {}, token))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await app.gql(FILE, { i: training() }))).toEqual(['UNAUTHENTICATED']);
    expect(await providerRows(app, a.t.tenantId)).toEqual(written);
  });

  it('row-level security: under tenant A the runtime role neither sees B’s projects nor writes a completion into B', async () => {
    const seen = await asRuntimeRole(app.runtime, a.t.tenantId, (em) => em.query(`SELECT id FROM training_project WHERE id = $1`, [projectB.id]));
    expect(seen).toEqual([]);
    const [batchB] = await app.owner.query(`SELECT id FROM training_report_batch WHERE tenant_id = $1 LIMIT 1`, [b.t.tenantId]);
    const refused = await pgError(
      asRuntimeRole(app.runtime, a.t.tenantId, (em) =>
        em.query(`INSERT INTO training_completion (tenant_id, project_id, professional_id, batch_id, completed_on, hours) VALUES ($1, $2, $3, $4, $5, 0)`, [
          b.t.tenantId,
          projectB.id,
          b.t.people.b1[0].id,
          batchB?.id ?? projectB.id,
          chinaToday(),
        ]),
      ),
    );
    expect(refused.code).toBe('42501');
    // the runtime role cannot rewrite what was reported
    const updated = await pgError(asRuntimeRole(app.runtime, a.t.tenantId, (em) => em.query(`UPDATE training_project SET on_time = true WHERE id = $1`, [projectA.id])));
    expect(updated.code).toBe('42501');
  });

  it("the platform's own courses: the bureau files and reports them, and their hours are recorded with source PLATFORM", async () => {
    const bureau = a.t.accounts.bureau.token;
    const course = ok<{ id: string; source: string; providerId: string | null; providerName: string }>(
      await app.gql(FILE, { i: { ...startedProject('publicCourse'), title: '2026年度公需科目在线课程', venue: '线上', hours: 10 } }, bureau),
      'fileTrainingProject',
    );
    expect(course).toMatchObject({ source: 'PLATFORM', providerId: null, providerName: '平台课程' });
    const person = a.t.people.a2[2];
    const answer = ok<{ credited: number }>(await report(app, bureau, course.id, 'platform-1', [row(person)]), 'reportTrainingCompletions');
    expect(answer.credited).toBe(1);
    const [activity] = await app.owner.query(
      `SELECT a.source, a.kind FROM training_completion c JOIN activity a ON a.tenant_id = c.tenant_id AND a.id = c.activity_id WHERE c.tenant_id = $1 AND c.project_id = $2`,
      [a.t.tenantId, course.id],
    );
    expect(activity).toEqual({ source: 'PLATFORM', kind: 'publicCourse' });
    // a provider cannot report into the platform's course
    expect(codes(await report(app, a.provider, course.id, 'into-platform', [row(person)]))).toEqual(['TRAINING_PROJECT_NOT_FOUND']);
    // completions list: names and masked ID numbers only
    const list = ok<{ nodes: { idNumber: string; hours: number }[] }>(await app.gql(COMPLETIONS, { p: course.id }, bureau), 'trainingCompletions');
    expect(list.nodes).toEqual([expect.objectContaining({ idNumber: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/), hours: 10 })]);
  });
});
