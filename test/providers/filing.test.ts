// Filing a training project: judged against the tenant's lead time (Jining 002 五、: 5 working
// days before it starts); a late project is kept, its completions earn 0 hours and say why.
import { chinaToday } from '../../server/platform/clock';
import { credited, ok } from '../declarations/declarations-support';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { dayFromToday, FILE, fileProject, PROJECTS, type ProviderTenant, providerRows, providerTenant, report, row, startedProject } from './providers-support';

let app: TestApp;
let jn: ProviderTenant;
let qd: ProviderTenant;
const year = Number(chinaToday().slice(0, 4));

beforeAll(async () => {
  app = await startTestApp();
  jn = await providerTenant(app, 'jining', 'prj');
  qd = await providerTenant(app, 'qingdao', 'prf');
});
afterAll(() => app.close());

describe('filing training projects', () => {
  it('Jining: a project filed after fewer than 5 working days earns 0 hours, and the project and each row say why', async () => {
    const project = await fileProject(app, jn.provider, startedProject('unitTraining'));
    expect(project).toMatchObject({ onTime: false, leadWorkingDays: 5, workingDaysBefore: 0 });
    expect(project.lateReason).toMatch(/未于开班5个工作日前备案，不得认定学时/);
    const person = jn.t.people.a1[1];
    const before = await credited(app, jn.t.accounts.bureau.token, person.idNumber, year);

    const answer = ok<{ notCredited: number; credited: number; rows: { status: string; code: string; message: string; hours: number }[] }>(
      await report(app, jn.provider, project.id, 'late-1', [row(person)]),
      'reportTrainingCompletions',
    );
    expect(answer).toMatchObject({ credited: 0, notCredited: 1 });
    expect(answer.rows[0]).toEqual({ index: 0, idNumber: expect.stringContaining('*'), status: 'NOT_CREDITED', code: 'PROJECT_FILED_LATE', message: project.lateReason, hours: 0 });
    expect(await credited(app, jn.t.accounts.bureau.token, person.idNumber, year)).toEqual(before);
    const [completion] = await app.owner.query(`SELECT hours, activity_id FROM training_completion WHERE tenant_id = $1 AND project_id = $2`, [jn.t.tenantId, project.id]);
    expect(completion).toEqual({ hours: 0, activity_id: null });

    // kept: the bureau finds it among the late projects
    const late = ok<{ nodes: { id: string }[] }>(await app.gql(PROJECTS, { f: { onTime: false }, first: 100 }, jn.t.accounts.bureau.token), 'trainingProjects');
    expect(late.nodes.map((n) => n.id)).toContain(project.id);
  });

  it('Jining: a project filed a month ahead is in time, and the dates the policy kind checks are filled in from the filing', async () => {
    const start = dayFromToday(30);
    const project = await fileProject(app, jn.provider, { ...startedProject('unitTraining'), startDate: start, endDate: start });
    expect(project).toMatchObject({ onTime: true, lateReason: null, leadWorkingDays: 5 });
    expect(project.workingDaysBefore as number).toBeGreaterThanOrEqual(5);
    expect(project.params).toEqual({ filedDate: chinaToday(), startDate: start, projectName: '全市卫生系统急救技能培训班' });
  });

  it('bad input is refused with a code and the field at fault, and nothing is written', async () => {
    const written = await providerRows(app, qd.t.tenantId);
    const base = startedProject('jobTraining', { params: { category: 'job' } });
    const cases: [object, string, string][] = [
      [{ ...base, endDate: `${year - 1}-12-31`, startDate: `${year}-01-02` }, 'TRAINING_PROJECT_DATES', 'endDate'],
      [{ ...base, startDate: `${year - 1}-12-30`, endDate: `${year}-01-02` }, 'TRAINING_PROJECT_DATES', 'endDate'],
      [{ ...base, kind: 'noSuchKind' }, 'TRAINING_PROJECT_KIND', 'kind'],
      [{ ...base, kind: 'studyTour' }, 'TRAINING_PROJECT_KIND', 'kind'],
      [{ ...base, params: {} }, 'ACTIVITY_PARAMS_INVALID', 'params.category'],
      [{ ...base, startDate: '2025-02-30' }, 'BAD_USER_INPUT', 'startDate'],
      [{ ...base, hours: 0 }, 'BAD_USER_INPUT', 'hours'],
      [{ ...base, title: '   ' }, 'BAD_USER_INPUT', 'title'],
    ];
    for (const [input, code, field] of cases) {
      const r = await app.gql(FILE, { i: input }, { apiKey: qd.provider.apiKey });
      expect(r.status).toBeLessThan(500);
      expect([codes(r), r.errors?.[0]?.extensions?.field]).toEqual([[code], field]);
    }
    expect(await providerRows(app, qd.t.tenantId)).toEqual(written);
  });
});
