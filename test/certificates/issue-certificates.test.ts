// Issuing certificates from certified years (issue 13). Jining prints a per-year hour
// certificate for any certified year (002 四、(五)); the professional asks for their own and
// officials issue for the people in their scope; the certificate is an immutable snapshot
// whose PDF, in Chinese with the embedded font, states the holder and the year's hours.
import { maskIdNumber } from '../../server/platform/id-number';
import type { TenantFixture } from '../support/fixtures';
import { auditRows } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { asRuntimeRole, pgError } from '../support/runtime-role';
import { addAccount, ok, policyTenant } from '../declarations/declarations-support';
import { completeJiningYear, recorded, THIS_YEAR } from '../verification/verification-support';
import { type CertificateView, certify, download, issue, issued, MINE, OF_PERSON, ONE, OPTIONS } from './certificates-support';
import { extractText } from './pdf-text';

let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;
/** A complete, certified year of person a1[0] (who has an account). */
const Y = THIS_YEAR - 1;

beforeAll(async () => {
  app = await startTestApp();
  t = await policyTenant(app, 'jining', 'crt');
  other = await policyTenant(app, 'jining', 'cro');
  const person = t.people.a1[0];
  await completeJiningYear(app, t, person.id, Y);
  await certify(app, t, person.id, Y);
  // an incomplete year, certified too: 10 elective public hours only
  await recorded(app, t, person.id, Y - 1, 'publicElective', { hours: 10 });
  await certify(app, t, person.id, Y - 1);
});
afterAll(() => app.close());

const me = () => t.accounts.personA1.token;
/**
 * The person's certificate of Y, issued now unless an earlier test did (asking again answers the
 * valid one): tests run in any order (jest --randomize), so none relies on another's certificate.
 */
const mine = () => issued(app, me(), { years: [Y] });
const count = async (tenantId = t.tenantId) =>
  (await app.owner.query(`SELECT count(*)::int AS n FROM certificate WHERE tenant_id = $1`, [tenantId]))[0].n as number;

describe('Jining: a per-year certificate from a certified year', () => {
  it('the professional issues their own; the PDF opens and reads their name in Chinese and the year’s hours, the ID number masked', async () => {
    const person = t.people.a1[0];
    const c = await issued(app, me(), { years: [Y] });
    expect(c).toMatchObject({
      professionalId: person.id,
      scope: 'YEAR',
      title: '济宁市专业技术人员继续教育学时证明',
      holderName: person.name,
      idNumber: maskIdNumber(person.idNumber),
      years: [Y],
      issuingBody: '测试市人社局',
      status: 'VALID',
      revokedAt: null,
      policyRevisions: [1],
      targetLevel: null,
    });
    expect(c.lines).toEqual([{ year: Y, regime: 'HOURS', publicHours: 30, professionalHours: 60, totalHours: 90, complete: true, policyRevision: 1 }]);
    expect(c.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(c.verifyUrl).toBe(`/verify/${c.code}`);

    const t0 = performance.now();
    const res = await download(app, c.id, me());
    const pdf = Buffer.from(await res.arrayBuffer());
    console.log(`certificate PDF: ${Math.round(performance.now() - t0)} ms over HTTP (first in this process), ${pdf.length} bytes`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractText(pdf);
    expect(text).toContain('济宁市专业技术人员继续教育学时证明');
    expect(text).toContain(`兹证明 ${person.name}（身份证号 ${maskIdNumber(person.idNumber)}）${Y}年度`);
    expect(text.split('\n')).toEqual(expect.arrayContaining([String(Y), '30 学时', '60 学时', '90 学时', '达标', '测试市人社局']));
    expect(text).toContain(`验证码：${c.code.match(/.{1,4}/g)!.join('-')}`);
    expect(text).toContain(`/verify/${c.code}`);
    expect(text).not.toContain(person.idNumber);
  });

  it('any certified year, complete or not (Jining’s certificate records hours): an incomplete one says 未达标', async () => {
    const c = await issued(app, me(), { years: [Y - 1] });
    expect(c.lines).toEqual([{ year: Y - 1, regime: 'HOURS', publicHours: 10, professionalHours: 0, totalHours: 10, complete: false, policyRevision: 1 }]);
    const text = extractText(Buffer.from(await (await download(app, c.id, me())).arrayBuffer()));
    expect(text.split('\n')).toEqual(expect.arrayContaining(['10 学时', '0 学时', '未达标']));
  });

  it('a year that is not certified, two years at once, or none, is refused naming input.years, and nothing is written', async () => {
    const before = { certificates: await count(), audit: (await auditRows(app, t.tenantId)).length };
    const refusal = async (input: object) => (await issue(app, me(), input)).errors?.[0]?.extensions;
    expect(await refusal({ years: [Y - 2] })).toEqual({ code: 'CERTIFICATE_YEAR_NOT_CERTIFIED', field: 'input.years' });
    expect(await refusal({ years: [Y, Y - 1] })).toEqual({ code: 'CERTIFICATE_ONE_YEAR', field: 'input.years' });
    expect(await refusal({ years: [] })).toEqual({ code: 'CERTIFICATE_YEARS_REQUIRED', field: 'input.years' });
    expect(await refusal({})).toEqual({ code: 'CERTIFICATE_YEARS_REQUIRED', field: 'input.years' });
    expect(await refusal({ years: [THIS_YEAR + 1] })).toMatchObject({ field: 'input.years' });
    expect({ certificates: await count(), audit: (await auditRows(app, t.tenantId)).length }).toEqual(before);
  });

  it('asking again for the same year while its certificate is valid answers that certificate: one row, one audit entry', async () => {
    const first = await issued(app, me(), { years: [Y] });
    const n = await count();
    const again = await issued(app, me(), { years: [Y] });
    expect(again.id).toBe(first.id);
    expect(again.code).toBe(first.code);
    expect(await count()).toBe(n);
    const entries = (await auditRows(app, t.tenantId)).filter((r) => r.action === 'certificate.issue' && r.entity_id === first.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_id: t.accounts.personA1.id, entity_type: 'certificate' });
    expect(entries[0]!.after).toMatchObject({ professionalId: t.people.a1[0].id, scope: 'YEAR', years: [Y], policyRevisions: [1] });
  });

  it('two requests for the same year at once make one certificate (the certified year is locked while one is made)', async () => {
    const person = t.people.a2[0];
    await certify(app, t, person.id, Y);
    const token = t.accounts.bureau.token;
    const [a, b] = await Promise.all([issued(app, token, { professionalId: person.id, years: [Y] }), issued(app, token, { professionalId: person.id, years: [Y] })]);
    expect(a.id).toBe(b.id);
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM certificate WHERE tenant_id = $1 AND professional_id = $2`, [t.tenantId, person.id]);
    expect(n).toBe(1);
  });

  it('certificateOptions shows the policy’s rule, citing the notice, and the person’s certified years', async () => {
    const o = ok<{ scope: string; title: string; requireComplete: boolean; source: string; certifiedYears: { year: number; complete: boolean }[] }>(
      await app.gql(OPTIONS, {}, me()),
      'certificateOptions',
    );
    expect(o).toMatchObject({ scope: 'YEAR', title: '济宁市专业技术人员继续教育学时证明', requireComplete: false });
    expect(o.source).toContain('四、(五)');
    expect(o.source).not.toMatch(/^002 /);
    expect(o.certifiedYears).toEqual([{ year: Y, complete: true }, { year: Y - 1, complete: false }]);
  });
});

describe('officials issue for the people in their scope', () => {
  it('the unit official issues for a staff member; the department lists it; the person sees it in their list, newest first, by pages', async () => {
    const person = t.people.a1[1];
    await certify(app, t, person.id, Y);
    const c = await issued(app, t.accounts.unitA1.token, { professionalId: person.id, years: [Y] });
    expect(c).toMatchObject({ professionalId: person.id, holderName: person.name, years: [Y] });
    const listed = ok<{ totalCount: number; nodes: CertificateView[] }>(await app.gql(OF_PERSON, { p: person.id }, t.accounts.deptA.token), 'certificates');
    expect(listed.nodes.map((n) => n.id)).toEqual([c.id]);
    expect(listed.totalCount).toBe(1);
    expect((await download(app, c.id, t.accounts.bureau.token)).status).toBe(200);

    // the professional's own list: two certificates (Y and Y - 1), a page of one at a time
    await mine();
    await issued(app, me(), { years: [Y - 1] });
    const page1 = ok<{ totalCount: number; nodes: CertificateView[]; pageInfo: { hasNextPage: boolean; endCursor: string } }>(await app.gql(MINE, { first: 1 }, me()), 'myCertificates');
    const page2 = ok<{ nodes: CertificateView[]; pageInfo: { hasNextPage: boolean } }>(await app.gql(MINE, { first: 1, after: page1.pageInfo.endCursor }, me()), 'myCertificates');
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page1.nodes[0]!.issuedAt >= page2.nodes[0]!.issuedAt).toBe(true);
    expect(new Set([...page1.nodes, ...page2.nodes].map((n) => n.years[0]))).toEqual(new Set([Y, Y - 1]));
    expect(codes(await app.gql(MINE, { first: 0 }, me()))).toEqual(['BAD_USER_INPUT']);
  });

  it('outside their scope an official cannot issue, read, list or download: another unit’s official, and the person’s colleague', async () => {
    const person = t.people.a1[0];
    const c = await mine();
    const otherUnit = await addAccount(app, t, 'UNIT_OFFICIAL', t.nodes.unitA2);
    const colleague = await addAccount(app, t, 'PROFESSIONAL', t.nodes.unitA1, t.people.a1[2].id);
    for (const token of [otherUnit, colleague]) {
      expect(codes(await issue(app, token, { professionalId: person.id, years: [Y] }))).toEqual(['PROFESSIONAL_NOT_FOUND']);
      expect(ok(await app.gql(ONE, { id: c.id }, token), 'certificate')).toBeNull();
      expect(codes(await app.gql(OF_PERSON, { p: person.id }, token))).toEqual(['PROFESSIONAL_NOT_FOUND']);
      expect((await download(app, c.id, token)).status).toBe(404);
    }
  });

  it('without a valid sign-in the PDF is refused (401); a made-up id is not found (404)', async () => {
    const c = await mine();
    expect((await download(app, c.id)).status).toBe(401);
    expect((await download(app, c.id, 'not-a-token')).status).toBe(401);
    expect((await download(app, '00000000-0000-4000-8000-000000000000', me())).status).toBe(404);
    expect((await download(app, 'nope', me())).status).toBe(404);
  });
});

describe('tenant isolation and immutability', () => {
  it('another tenant’s bureau cannot issue, read, list or download; under its tenant the rows do not exist', async () => {
    const person = t.people.a1[0];
    const c = await mine();
    const theirs = other.accounts.bureau.token;
    const before = await count(other.tenantId);
    expect(codes(await issue(app, theirs, { professionalId: person.id, years: [Y] }))).toEqual(['PROFESSIONAL_NOT_FOUND']);
    expect(ok(await app.gql(ONE, { id: c.id }, theirs), 'certificate')).toBeNull();
    expect(codes(await app.gql(OF_PERSON, { p: person.id }, theirs))).toEqual(['PROFESSIONAL_NOT_FOUND']);
    expect((await download(app, c.id, theirs)).status).toBe(404);
    expect(await count(other.tenantId)).toBe(before);
    const seen = await asRuntimeRole(app.runtime, other.tenantId, (em) => em.query(`SELECT count(*)::int AS n FROM certificate WHERE id = $1`, [c.id]));
    expect(seen[0].n).toBe(0);
    const basis = await asRuntimeRole(app.runtime, other.tenantId, (em) => em.query(`SELECT count(*)::int AS n FROM certificate_basis WHERE certificate_id = $1`, [c.id]));
    expect(basis[0].n).toBe(0);
  });

  it('a certificate is a snapshot: the runtime role may not UPDATE or DELETE it, and a trigger refuses even the owner', async () => {
    const c = await mine();
    const asRuntime = (sql: string) => asRuntimeRole(app.runtime, t.tenantId, (em) => em.query(sql, [c.id]));
    expect((await pgError(asRuntime(`UPDATE certificate SET holder_name = '改' WHERE id = $1`))).code).toBe('42501');
    expect((await pgError(asRuntime(`DELETE FROM certificate_basis WHERE certificate_id = $1`))).code).toBe('42501');
    expect((await pgError(app.owner.query(`UPDATE certificate SET holder_name = '改' WHERE id = $1`, [c.id]))).message).toContain('immutable');
    expect((await pgError(app.owner.query(`DELETE FROM certificate_basis WHERE certificate_id = $1`, [c.id]))).message).toContain('immutable');
    const [row] = await app.owner.query(`SELECT holder_name FROM certificate WHERE id = $1`, [c.id]);
    expect(row.holder_name).toBe(t.people.a1[0].name);
  });

  it('the certificate stores the ID number masked only, and the activities its year counted as its basis', async () => {
    const c = await mine();
    const [row] = await app.owner.query(`SELECT row_to_json(c)::text AS j FROM certificate c WHERE id = $1`, [c.id]);
    expect(row.j).not.toContain(t.people.a1[0].idNumber);
    const basis = await app.owner.query(`SELECT activity_id FROM certificate_basis WHERE tenant_id = $1 AND certificate_id = $2`, [t.tenantId, c.id]);
    const activities = await app.owner.query(`SELECT id FROM activity WHERE tenant_id = $1 AND professional_id = $2 AND year = $3`, [t.tenantId, t.people.a1[0].id, Y]);
    expect(basis.map((b: { activity_id: string }) => b.activity_id).sort()).toEqual(activities.map((a: { id: string }) => a.id).sort());
    expect(basis).toHaveLength(4);
  });
});
