// The daily upload quota (EVIDENCE_DAILY_UPLOADS): counted per account in
// PostgreSQL by one conditional upsert before any byte is stored, so parallel
// uploads cannot overshoot it; refused files do not count; a new day (China
// time) starts again.
import { createTenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { errorOf, evidenceRows, pdf, storedFiles, upload, windowsExecutable } from './evidence-support';

const QUOTA = 3;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ EVIDENCE_DAILY_UPLOADS: String(QUOTA) });
});
afterAll(() => app.close());

describe('the daily upload quota', () => {
  it(`refuses upload number ${QUOTA + 1} of the day with 429 EVIDENCE_QUOTA_EXCEEDED, storing nothing; another account still uploads`, async () => {
    const t = await createTenantFixture(app, 'evq');
    const token = t.accounts.personA1.token;
    for (let i = 0; i < QUOTA; i++) expect((await upload(app, token, pdf())).status).toBe(201);
    const [rows, files] = [await evidenceRows(app, t.tenantId), storedFiles(app)];
    const refused = await upload(app, token, pdf());
    expect(refused.status).toBe(429);
    expect(errorOf(refused)).toMatchObject({ code: 'EVIDENCE_QUOTA_EXCEEDED', field: 'file', message: expect.stringContaining(`最多 ${QUOTA} 个`) });
    expect(await evidenceRows(app, t.tenantId)).toBe(rows);
    expect(storedFiles(app)).toEqual(files);
    expect((await upload(app, t.accounts.unitA1.token, pdf())).status).toBe(201);
  });

  it(`${QUOTA * 2} uploads sent at once by one account: exactly ${QUOTA} are stored`, async () => {
    const t = await createTenantFixture(app, 'evp');
    const answers = await Promise.all(Array.from({ length: QUOTA * 2 }, () => upload(app, t.accounts.deptA.token, pdf())));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(QUOTA).fill(201), ...Array(QUOTA).fill(429)]);
    expect(await evidenceRows(app, t.tenantId)).toBe(QUOTA);
  });

  it('a file of the wrong type does not count; the next day (China time) the count starts again', async () => {
    const t = await createTenantFixture(app, 'evd');
    const token = t.accounts.bureau.token;
    for (let i = 0; i < QUOTA; i++) expect((await upload(app, token, windowsExecutable())).status).toBe(415);
    for (let i = 0; i < QUOTA; i++) expect((await upload(app, token, pdf())).status).toBe(201);
    expect((await upload(app, token, pdf())).status).toBe(429);
    await app.owner.query(`UPDATE evidence_upload_count SET day = day - 1 WHERE account_id = $1`, [t.accounts.bureau.id]);
    expect((await upload(app, token, pdf())).status).toBe(201);
    const [row] = await app.owner.query(`SELECT files FROM evidence_upload_count WHERE account_id = $1`, [t.accounts.bureau.id]);
    expect(row.files).toBe(1);
  });
});
