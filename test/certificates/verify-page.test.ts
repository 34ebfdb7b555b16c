// The public verification page (/verify/<code>), without signing in: it shows what the
// certificate shows (holder, masked ID number, years, hours, issuing body, issue date) and
// whether it is valid; "已撤销" with the date once a spot check or a fraud mark (the integrity
// record) withdrew hours it relied on; "unknown" for a code that is no certificate's. It never
// shows the full ID number, is rate-limited per address, and cannot list certificates.
import { randomUUID } from 'node:crypto';
import { chinaToday } from '../../server/platform/clock';
import { chineseDate } from '../../server/certificates/certificate-format';
import { newRandomCode as newCertificateCode } from '../../server/platform/random-code';
import { maskIdNumber } from '../../server/platform/id-number';
import type { TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { asRuntimeRole } from '../support/runtime-role';
import { addNode, addProfessional, ok, policyTenant } from '../declarations/declarations-support';
import { CHECK, completeJiningYear, DRAW, MARK, OUTCOME, THIS_YEAR } from '../verification/verification-support';
import { type CertificateView, certify, issue, issued, ONE, verifyPage } from './certificates-support';

const LIMIT = 6;
let app: TestApp;
let t: TenantFixture;
const Y = THIS_YEAR - 1;

beforeAll(async () => {
  app = await startTestApp({ VERIFY_MAX_PER_MINUTE: String(LIMIT) });
  t = await policyTenant(app, 'jining', 'cvp');
});
afterAll(() => app.close());
// every test starts with a fresh allowance (the counter is shared by the whole database)
beforeEach(() => app.owner.query(`DELETE FROM certificate_verify_limit`));

const bureau = () => t.accounts.bureau.token;

/** A person alone in a new department, with complete certified years Y and Y - 1, and a certificate of each. */
async function holder() {
  const dept = await addNode(app, t, t.nodes.bureau, 'DEPARTMENT', `核验部门${randomUUID().slice(0, 6)}`);
  const unit = await addNode(app, t, dept, 'UNIT', '核验单位');
  const person = await addProfessional(app, t, unit);
  const ids = await completeJiningYear(app, t, person.id, Y);
  await completeJiningYear(app, t, person.id, Y - 1);
  await certify(app, t, person.id, Y);
  await certify(app, t, person.id, Y - 1);
  const certificate = await issued(app, person.token, { years: [Y] });
  const earlier = await issued(app, person.token, { years: [Y - 1] });
  const [{ name }] = await app.owner.query(`SELECT name FROM professional WHERE tenant_id = $1 AND id = $2`, [t.tenantId, person.id]);
  return { person: { ...person, name: name as string }, ids, dept, certificate, earlier };
}

async function page(code: string) {
  const res = await verifyPage(app, code);
  return { status: res.status, html: await res.text(), headers: res.headers };
}

async function data(code: string) {
  const res = await verifyPage(app, code, 'json');
  return { status: res.status, body: (await res.json()) as { status: string; revokedAt: string | null; certificate?: Record<string, unknown> } };
}

async function failSpotCheck(dept: string, declarationId: string, reason: string) {
  const drawn = ok<{ id: string }>(await app.gql(DRAW, { i: { year: Y, percentage: 100, seed: `v-${randomUUID().slice(0, 8)}`, departmentIds: [dept] } }, bureau()), 'drawSpotCheck');
  const items = ok<{ items: { nodes: { id: string; declarationId: string }[] } }>(await app.gql(CHECK, { id: drawn.id, first: 50 }, bureau()), 'spotCheck').items.nodes;
  const item = items.find((i) => i.declarationId === declarationId)!;
  ok(await app.gql(OUTCOME, { id: item.id, p: false, r: reason }, bureau()), 'recordSpotCheckOutcome');
}

describe('the public verification page', () => {
  it('says valid and shows what the certificate shows, without signing in; the JSON form says the same', async () => {
    const { person, certificate } = await holder();
    const { status, html, headers } = await page(certificate.code);
    expect(status).toBe(200);
    expect(html).toContain('data-status="VALID"');
    expect(html).toContain('证书有效');
    for (const fact of [person.name, maskIdNumber(person.idNumber), `${Y}年度`, '30 学时', '60 学时', '90 学时', '测试市人社局', chineseDate(certificate.issuedOn), '济宁市专业技术人员继续教育学时证明']) {
      expect(html).toContain(fact);
    }
    expect(headers.get('content-type')).toContain('text/html');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; .*frame-ancestors 'none'/);
    expect(html).not.toMatch(/<script/i);

    const json = await data(certificate.code);
    expect(json.status).toBe(200);
    expect(json.body).toEqual({
      status: 'VALID',
      revokedAt: null,
      certificate: {
        title: '济宁市专业技术人员继续教育学时证明',
        holderName: person.name,
        idNumber: maskIdNumber(person.idNumber),
        years: [Y],
        lines: [{ year: Y, regime: 'HOURS', publicHours: 30, professionalHours: 60, totalHours: 90, complete: true, policyRevision: 1 }],
        issuingBody: '测试市人社局',
        issuedOn: certificate.issuedOn,
        policyRevisions: [1],
      },
    });
  });

  it('says 已撤销 with the date after a failed spot check of an activity it relied on; a certificate of another year stays valid', async () => {
    const { dept, ids, certificate, earlier, person } = await holder();
    expect((await data(certificate.code)).body.status).toBe('VALID');
    await failSpotCheck(dept, ids[3]!, '培训证明与培训机构记录不符');

    const json = await data(certificate.code);
    expect(json.body.status).toBe('REVOKED');
    const day = chinaToday(Date.parse(json.body.revokedAt!));
    const { html } = await page(certificate.code);
    expect(html).toContain('data-status="REVOKED"');
    expect(html).toContain(`已撤销（撤销日期：${chineseDate(day)}）`);
    expect(html).not.toContain('证书有效');
    expect((await data(earlier.code)).body.status).toBe('VALID');

    // the API agrees; the year is no longer certified, so no new certificate for it until certified again
    const seen = ok<CertificateView>(await app.gql(ONE, { id: certificate.id }, person.token), 'certificate');
    expect(seen).toMatchObject({ status: 'REVOKED', revokedAt: json.body.revokedAt });
    expect(codes(await issue(app, person.token, { years: [Y] }))).toEqual(['CERTIFICATE_YEAR_NOT_CERTIFIED']);
    await certify(app, t, person.id, Y);
    const again = await issued(app, person.token, { years: [Y] });
    expect(again.id).not.toBe(certificate.id);
    expect(again).toMatchObject({ status: 'VALID', lines: [expect.objectContaining({ professionalHours: 30, complete: false })] });
  });

  it('a fraud mark (the integrity record) revokes it the same way', async () => {
    const { ids, certificate } = await holder();
    ok(await app.gql(MARK, { id: ids[0], r: '培训证书系伪造' }, bureau()), 'markDeclarationFraudulent');
    const json = await data(certificate.code);
    expect(json.body.status).toBe('REVOKED');
    expect((await page(certificate.code)).html).toContain('已撤销');
  });

  it('a made-up code says unknown (404); a code typed with hyphens, spaces or lower case is read as printed', async () => {
    const { certificate } = await holder();
    for (const code of [newCertificateCode(), 'AAAA', 'not a code at all', '0'.repeat(26)]) {
      const { status, html } = await page(code);
      expect(status).toBe(404);
      expect(html).toContain('data-status="UNKNOWN"');
      expect(html).toContain('未找到该证书');
    }
    expect((await data(newCertificateCode())).body).toEqual({ status: 'UNKNOWN' });
    const typed = certificate.code.match(/.{1,4}/g)!.join('-').toLowerCase();
    expect((await data(typed)).body.status).toBe('VALID');
  });

  it('never shows the full ID number: not in the page or the data, valid or revoked', async () => {
    const { person, certificate, dept, ids } = await holder();
    const outputs = async () => [(await page(certificate.code)).html, JSON.stringify((await data(certificate.code)).body)];
    const before = await outputs();
    await failSpotCheck(dept, ids[2]!, '无培训记录');
    const after = await outputs();
    for (const text of [...before, ...after]) {
      expect(text).toContain(maskIdNumber(person.idNumber));
      expect(text).not.toContain(person.idNumber);
      expect(text).not.toContain(person.idNumber.slice(0, 10));
    }
  });

  it(`is rate-limited per address: after ${LIMIT} look-ups a minute the next is refused (429, Retry-After), made-up codes counted too`, async () => {
    const { certificate } = await holder();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await verifyPage(app, i % 2 ? certificate.code : newCertificateCode())).status);
    expect(statuses).toEqual(Array.from({ length: LIMIT }, (_, i) => (i % 2 ? 200 : 404)));
    const refused = await verifyPage(app, certificate.code);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('查询过于频繁');
    const refusedJson = await verifyPage(app, certificate.code, 'json');
    expect(refusedJson.status).toBe(429);
    expect(((await refusedJson.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('TOO_MANY_REQUESTS');
  });

  it('cannot list certificates: outside a tenant the runtime role reads no certificate rows, and the look-up answers one exact code only', async () => {
    const { certificate } = await holder();
    const outside = (sql: string, params: unknown[] = []) => asRuntimeRole(app.runtime, null, (em) => em.query(sql, params));
    expect((await outside(`SELECT count(*)::int AS n FROM certificate`))[0].n).toBe(0);
    expect((await outside(`SELECT count(*)::int AS n FROM certificate_basis`))[0].n).toBe(0);
    expect(await outside(`SELECT * FROM app_certificate_by_code($1)`, ['%'])).toEqual([]);
    expect(await outside(`SELECT * FROM app_certificate_by_code($1)`, [certificate.code.slice(0, 25)])).toEqual([]);
    const [one] = await outside(`SELECT holder_name, id_number_masked FROM app_certificate_by_code($1)`, [certificate.code]);
    expect(Object.keys(one)).toEqual(['holder_name', 'id_number_masked']);
  });
});
