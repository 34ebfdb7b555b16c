// Binzhou (004 三、(四)): the 合格证 is issued for the years the title panel requires, all at
// once, never one a year, and only for complete years. The window is the tenant's title
// rule for the application (5 years, shortened to the years since the current title).
import type { TenantFixture } from '../support/fixtures';
import { auditRows } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { addProfessional, ok, policyTenant } from '../declarations/declarations-support';
import { ELIGIBILITY, recorded, THIS_YEAR, titleObtained } from '../verification/verification-support';
import { certify, download, issue, issued } from './certificates-support';
import { extractText } from './pdf-text';

let app: TestApp;
let t: TenantFixture;
/** The application year; the person's title was obtained three years before. */
const A = THIS_YEAR - 1;
let person: { id: string; idNumber: string; token: string };
let window: number[];

const application = { targetLevel: 'DEPUTY_SENIOR', applicationYear: A };

async function completeYear(professionalId: string, year: number, professional = 60) {
  await recorded(app, t, professionalId, year, 'publicCourse', { hours: 30 });
  await recorded(app, t, professionalId, year, 'professionalTraining', { hours: professional });
}

/** The years the title rule checks for the person's application, as titleEligibility says. */
async function windowOf(idNumber: string): Promise<number[]> {
  const e = ok<{ years: { year: number }[] }>(await app.gql(ELIGIBILITY, { id: idNumber, l: 'DEPUTY_SENIOR', y: A, f: null }, t.accounts.bureau.token), 'titleEligibility');
  return e.years.map((y) => y.year);
}

beforeAll(async () => {
  app = await startTestApp();
  t = await policyTenant(app, 'binzhou', 'crz');
  person = await addProfessional(app, t, t.nodes.unitA1);
  await titleObtained(app, t, person.id, `${A - 3}-06-01`);
  window = await windowOf(person.idNumber);
  for (const y of window) {
    await completeYear(person.id, y);
    await certify(app, t, person.id, y);
  }
  // a year outside the window, certified and complete as well
  await completeYear(person.id, window[0]! - 1);
  await certify(app, t, person.id, window[0]! - 1);
});
afterAll(() => app.close());

const count = async () => (await app.owner.query(`SELECT count(*)::int AS n FROM certificate WHERE tenant_id = $1`, [t.tenantId]))[0].n as number;

describe('Binzhou: one certificate for the title window', () => {
  it('the window is several years (the test’s premise): those after the title was obtained, up to the application year', () => {
    expect(window.length).toBeGreaterThan(1);
    expect(window[window.length - 1]).toBe(A);
  });

  it('refuses a single year — outside the window or even inside it, certified and complete — naming the window, and writes nothing', async () => {
    const before = { certificates: await count(), audit: (await auditRows(app, t.tenantId)).length };
    const outside = await issue(app, person.token, { ...application, years: [window[0]! - 1] });
    expect(outside.errors?.[0]).toMatchObject({
      extensions: { code: 'CERTIFICATE_YEARS_NOT_WINDOW', field: 'input.years' },
      message: expect.stringContaining(`${window[0]}—${A}年度`),
    });
    expect(codes(await issue(app, person.token, { ...application, years: [A] }))).toEqual(['CERTIFICATE_YEARS_NOT_WINDOW']);
    expect(codes(await issue(app, person.token, { ...application, years: [...window, A + 1] }))).toEqual(['CERTIFICATE_YEARS_NOT_WINDOW']);
    // a year alone, without the application it is for
    expect((await issue(app, person.token, { years: [A] })).errors?.[0]?.extensions).toEqual({ code: 'CERTIFICATE_WINDOW_REQUIRED', field: 'input.targetLevel' });
    expect(codes(await issue(app, person.token, { targetLevel: 'DEPUTY_SENIOR' }))).toEqual(['CERTIFICATE_WINDOW_REQUIRED']);
    expect({ certificates: await count(), audit: (await auditRows(app, t.tenantId)).length }).toEqual(before);
  });

  it('issues one certificate covering exactly the window, each year on it; the PDF says what it is for', async () => {
    const c = await issued(app, person.token, application);
    expect(c).toMatchObject({ scope: 'TITLE_WINDOW', title: '滨州市专业技术人员继续教育合格证', years: window, targetLevel: 'DEPUTY_SENIOR', applicationYear: A, status: 'VALID' });
    expect(c.lines.map((l) => [l.year, l.publicHours, l.professionalHours, l.complete])).toEqual(window.map((y) => [y, 30, 60, true]));
    // naming the window's years explicitly is the same request: the same certificate
    expect((await issued(app, person.token, { ...application, years: [...window].reverse() })).id).toBe(c.id);
    const text = extractText(Buffer.from(await (await download(app, c.id, person.token)).arrayBuffer()));
    expect(text).toContain('滨州市专业技术人员继续教育合格证');
    expect(text.replace(/\n/g, '')).toContain(`${window[0]}—${A}年度的继续教育学时经审核认定如下，用于申报${A}年度副高级职称评审`);
    for (const y of window) expect(text.split('\n')).toContain(String(y));
  });

  it('a window year not certified, or certified but not complete, is refused (the 合格证 certifies complete years only)', async () => {
    const other = await addProfessional(app, t, t.nodes.unitA1);
    await titleObtained(app, t, other.id, `${A - 3}-06-01`);
    const years = await windowOf(other.idNumber);
    for (const y of years.slice(1)) {
      await completeYear(other.id, y);
      await certify(app, t, other.id, y);
    }
    expect((await issue(app, other.token, application)).errors?.[0]).toMatchObject({
      extensions: { code: 'CERTIFICATE_YEAR_NOT_CERTIFIED', field: 'input.years' },
      message: expect.stringContaining(`${years[0]}年度`),
    });
    await completeYear(other.id, years[0]!, 59);
    await certify(app, t, other.id, years[0]!);
    expect((await issue(app, other.token, application)).errors?.[0]).toMatchObject({
      extensions: { code: 'CERTIFICATE_YEAR_NOT_COMPLETE', field: 'input.years' },
      message: expect.stringContaining(`${years[0]}年度`),
    });
  });
});
