// A provider's batch of completions: credited without review, idempotent under its key, each
// row answered in its place (a bad row never costs the rest of the batch).
import { chinaToday } from '../../server/platform/clock';
import { makeIdNumber } from '../../server/platform/id-number';
import { credited, ok } from '../declarations/declarations-support';
import { auditRows } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { fileProject, type ProviderTenant, providerRows, providerTenant, report, row, startedProject } from './providers-support';

let app: TestApp;
let qd: ProviderTenant;
const year = Number(chinaToday().slice(0, 4));

beforeAll(async () => {
  app = await startTestApp();
  qd = await providerTenant(app, 'qingdao', 'prq');
});
afterAll(() => app.close());

/** A Qingdao job-training project (8 hours a day at most) that started a few days ago. */
async function jobTraining(hours = 16) {
  return fileProject(app, qd.provider, startedProject('jobTraining', { hours, params: { category: 'job' } }));
}

describe('provider batches', () => {
  it('a completion of a project filed in time is credited without review and shows in completionStatus', async () => {
    const project = await jobTraining();
    expect(project).toMatchObject({ onTime: true, lateReason: null, leadWorkingDays: null, subject: 'PROFESSIONAL', providerName: '某继续教育基地' });
    const person = qd.t.people.b1[1];
    const before = await credited(app, qd.t.accounts.bureau.token, person.idNumber, year);

    const answer = ok<{ credited: number; rows: { status: string; hours: number }[] }>(await report(app, qd.provider, project.id, 'credit-1', [row(person, chinaToday(), 6)]), 'reportTrainingCompletions');
    expect(answer.credited).toBe(1);
    expect(answer.rows).toEqual([expect.objectContaining({ status: 'CREDITED', hours: 6, code: null })]);

    const after = await credited(app, qd.t.accounts.bureau.token, person.idNumber, year);
    expect(after.professional - before.professional).toBe(6);
    const [activity] = await app.owner.query(`SELECT source, kind, params FROM activity WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND NOT (id = ANY($3::uuid[]))`, [
      qd.t.tenantId,
      after.activityIds,
      before.activityIds,
    ]);
    expect(activity).toMatchObject({ source: 'PROVIDER', kind: 'jobTraining', params: { category: 'job', hours: 6, days: expect.any(Number) } });
  });

  it('the same batch key with the same rows credits once and replays the same answer; the audit trail has one entry per batch', async () => {
    const project = await jobTraining();
    const [p1, p2] = qd.t.people.a1;
    const rows = [row(p1), row(p2)];
    const first = ok<Record<string, unknown>>(await report(app, qd.provider, project.id, 'same-key', rows), 'reportTrainingCompletions');
    expect(first).toMatchObject({ replayed: false, received: 2, credited: 2 });
    const written = await providerRows(app, qd.t.tenantId);

    const again = ok<Record<string, unknown>>(await report(app, qd.provider, project.id, 'same-key', rows), 'reportTrainingCompletions');
    expect(again).toEqual({ ...first, replayed: true });
    expect(await providerRows(app, qd.t.tenantId)).toEqual(written);
    const audits = (await auditRows(app, qd.t.tenantId)).filter((a) => a.action === 'training.report' && a.entity_id === first.batchId);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ received: 2, credited: 2 });
  });

  it('the same batch key sent twice at once records the batch once: one request writes it, the other replays its answer', async () => {
    const project = await jobTraining();
    const rows = qd.t.people.b1.map((p) => row(p));
    const [x, y] = await Promise.all([report(app, qd.provider, project.id, 'parallel', rows), report(app, qd.provider, project.id, 'parallel', rows)]);
    const answers = [ok<Record<string, unknown>>(x, 'reportTrainingCompletions'), ok<Record<string, unknown>>(y, 'reportTrainingCompletions')];
    expect(answers.map((a) => a.replayed).sort()).toEqual([false, true]);
    expect(answers[0]).toEqual({ ...answers[1], replayed: answers[0]!.replayed });
    const [n] = await app.owner.query(`SELECT count(*)::int AS n FROM training_completion WHERE tenant_id = $1 AND project_id = $2`, [qd.t.tenantId, project.id]);
    expect(n.n).toBe(3);
  });

  it('the same batch key with other content is refused (PROVIDER_BATCH_KEY_REUSED on batchKey) and writes nothing', async () => {
    const project = await jobTraining();
    const [p1, p2] = qd.t.people.a2;
    ok(await report(app, qd.provider, project.id, 'changed-key', [row(p1)]), 'reportTrainingCompletions');
    const written = await providerRows(app, qd.t.tenantId);
    const r = await report(app, qd.provider, project.id, 'changed-key', [row(p1), row(p2)]);
    expect(codes(r)).toEqual(['PROVIDER_BATCH_KEY_REUSED']);
    expect(r.errors![0]!.extensions!.field).toBe('batchKey');
    expect(await providerRows(app, qd.t.tenantId)).toEqual(written);
  });

  it('a person reported again under a new key is answered ALREADY_REPORTED and credited once', async () => {
    const project = await jobTraining(8);
    const person = qd.t.people.b1[2];
    ok(await report(app, qd.provider, project.id, 'first-report', [row(person)]), 'reportTrainingCompletions');
    const second = ok<{ alreadyReported: number; rows: { status: string; code: string }[] }>(
      await report(app, qd.provider, project.id, 'second-report', [row(person)]),
      'reportTrainingCompletions',
    );
    expect(second.alreadyReported).toBe(1);
    expect(second.rows[0]).toMatchObject({ status: 'ALREADY_REPORTED', code: 'COMPLETION_ALREADY_REPORTED' });
    const [n] = await app.owner.query(`SELECT count(*)::int AS n FROM training_completion WHERE tenant_id = $1 AND project_id = $2`, [qd.t.tenantId, project.id]);
    expect(n.n).toBe(1);
  });

  it('an invalid or unknown ID number, a wrong name, a repeat, a bad date or bad hours is answered per row while the valid rows are kept', async () => {
    const project = await jobTraining();
    const [good1, good2, wrongName] = qd.t.people.a1;
    const valid = makeIdNumber('370202', '19800101', 123); // checks out, but nobody here has it
    const badCheck = `${good1.idNumber.slice(0, 17)}${good1.idNumber[17] === '0' ? '1' : '0'}`;
    const rows = [
      row(good1),
      { idNumber: badCheck, name: good1.name, completedOn: chinaToday() },
      { idNumber: valid, name: '查无此人', completedOn: chinaToday() },
      row({ idNumber: wrongName.idNumber, name: `${wrongName.name}甲` }),
      row(good1),
      row(good2, '2000-01-01'),
      row(good2, chinaToday(), 17),
      row(good2),
    ];
    const answer = ok<{ credited: number; rejected: number; rows: { index: number; idNumber: string; status: string; code: string | null; message: string | null }[] }>(
      await report(app, qd.provider, project.id, 'mixed', rows),
      'reportTrainingCompletions',
    );
    expect(answer.rows.map((r) => [r.index, r.status, r.code])).toEqual([
      [0, 'CREDITED', null],
      [1, 'REJECTED', 'ID_NUMBER_CHECK_DIGIT'],
      [2, 'REJECTED', 'COMPLETION_UNKNOWN_PERSON'],
      [3, 'REJECTED', 'COMPLETION_NAME_MISMATCH'],
      [4, 'REJECTED', 'COMPLETION_DUPLICATE_IN_BATCH'],
      [5, 'REJECTED', 'COMPLETION_DATE_INVALID'],
      [6, 'REJECTED', 'COMPLETION_HOURS_INVALID'],
      [7, 'CREDITED', null],
    ]);
    expect(answer).toMatchObject({ credited: 2, rejected: 6 });
    expect(answer.rows.filter((r) => r.code).every((r) => r.message && /[\u4e00-\u9fa5]/.test(r.message))).toBe(true);
    // answers never echo a full ID number
    expect(answer.rows.every((r) => /^\d{4}\*{10}[\dX]{4}$/.test(r.idNumber) || r.idNumber.includes('*'))).toBe(true);
    const stored = await app.owner.query(`SELECT professional_id FROM training_completion WHERE tenant_id = $1 AND project_id = $2 ORDER BY 1`, [qd.t.tenantId, project.id]);
    expect(stored.map((s: { professional_id: string }) => s.professional_id).sort()).toEqual([good1.id, good2.id].sort());
  });

  it('a batch over 10,000 rows is refused with PROVIDER_BATCH_TOO_LARGE on rows, an empty one with PROVIDER_BATCH_EMPTY; nothing is written', async () => {
    const project = await jobTraining();
    const written = await providerRows(app, qd.t.tenantId);
    const one = row(qd.t.people.a1[0]);
    const big = await report(app, qd.provider, project.id, 'too-big', Array.from({ length: 10_001 }, () => one));
    expect(big.status).toBeLessThan(500);
    expect(codes(big)).toEqual(['PROVIDER_BATCH_TOO_LARGE']);
    expect(big.errors![0]!.extensions!.field).toBe('rows');
    const empty = await report(app, qd.provider, project.id, 'empty', []);
    expect(codes(empty)).toEqual(['PROVIDER_BATCH_EMPTY']);
    expect(await providerRows(app, qd.t.tenantId)).toEqual(written);
  });
});
