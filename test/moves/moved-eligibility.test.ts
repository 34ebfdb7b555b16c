// Moved years in the receiving tenant's title windows (issue 15), as its policy says
// (`transferIn.certifiedYears`): Qingdao accepts another tenant's certified years as they are;
// Linyi reviews them like a transfer-in (000 八、4): each counts once a department or bureau
// official here has accepted it, and until then the answer says it awaits review.
import type { TenantFixture } from '../support/fixtures';
import { auditRows } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { addAccount, ok, policyTenant } from '../declarations/declarations-support';
import { recorded } from '../verification/verification-support';
import { consented, departmentToken, failure, mover, movedProfessional, movedYears, requested, REVIEW_MOVED_YEAR, THIS_YEAR, type Mover } from './moves-support';

const ELIGIBILITY = `query($id: String!, $y: Int!) { titleEligibility(idNumber: $id, targetLevel: DEPUTY_SENIOR, applicationYear: $y) {
  eligible reasons years { year status reason certified movedFrom } } }`;

interface Eligibility {
  eligible: boolean;
  reasons: string[];
  years: { year: number; status: string; reason: string; movedFrom: string | null }[];
}

let app: TestApp;
let from: TenantFixture;
let qingdao: TenantFixture;
let linyi: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  [from, qingdao, linyi] = await Promise.all([policyTenant(app, 'jining', 'mef'), policyTenant(app, 'qingdao', 'meq'), policyTenant(app, 'linyi', 'mel')]);
});
afterAll(() => app.close());

const eligibility = async (t: TenantFixture, idNumber: string) => ok<Eligibility>(await app.gql(ELIGIBILITY, { id: idNumber, y: THIS_YEAR }, t.accounts.bureau.token), 'titleEligibility');

/** Moves a person into `to` (consented by themself) and completes THIS_YEAR there; the record there. */
async function movedIn(to: TenantFixture, thisYear: [string, object][]): Promise<{ p: Mover; here: string }> {
  const p = await mover(app, from);
  const id = await requested(app, to, p);
  await consented(app, p.token, id);
  const here = await movedProfessional(app, to, id);
  for (const [kind, params] of thisYear) await recorded(app, to, here, THIS_YEAR, kind, params);
  return { p, here };
}

const QINGDAO_YEAR: [string, object][] = [
  ['publicCourse', { hours: 30 }],
  ['jobTraining', { category: 'job', hours: 60, days: 8 }],
];
const LINYI_YEAR: [string, object][] = [
  ['publicCourse', {}],
  ['specialTraining', { hours: 60 }],
];

describe('Qingdao (ACCEPT): another tenant’s certified years count as certified', () => {
  it('four years certified in the sending tenant and this year completed here make the 5-year window for deputy senior eligible; each moved year names its issuer', async () => {
    const { p, here } = await movedIn(qingdao, QINGDAO_YEAR);
    const r = await eligibility(qingdao, p.idNumber);
    expect(r.years.map((y) => [y.year, y.status])).toEqual([THIS_YEAR - 4, THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR].map((y) => [y, 'COMPLETE']));
    expect(r.eligible).toBe(true);
    const issuer = `测试市${from.code}（第1版政策）`;
    expect(r.years.slice(0, 4).every((y) => y.movedFrom === issuer && y.reason.includes(`由${issuer}认定达标`))).toBe(true);
    expect(r.years[4]!.movedFrom).toBeNull();
    expect((await movedYears(app, qingdao.accounts.bureau.token, here)).every((y) => y.review === 'NOT_REQUIRED' && y.counts)).toBe(true);
  });

  it('a Qingdao official cannot review moved years (the policy accepts them): MOVED_YEAR_REVIEW_NOT_REQUIRED, nothing written', async () => {
    const { here } = await movedIn(qingdao, []);
    const [year] = await movedYears(app, qingdao.accounts.bureau.token, here);
    expect(failure(await app.gql(REVIEW_MOVED_YEAR, { i: { id: year!.id, accept: true } }, qingdao.accounts.bureau.token))).toEqual({
      code: 'MOVED_YEAR_REVIEW_NOT_REQUIRED',
      field: 'id',
    });
    expect((await app.owner.query(`SELECT count(*)::int AS n FROM moved_year_review WHERE tenant_id = $1`, [qingdao.tenantId]))[0].n).toBe(0);
  });
});

describe('Linyi (REVIEW): moved years count once an official here accepts them', () => {
  it('before review the window fails, each moved year saying it awaits review; once a department official accepts the four years it is eligible', async () => {
    const { p, here } = await movedIn(linyi, LINYI_YEAR);
    const before = await eligibility(linyi, p.idNumber);
    expect(before.eligible).toBe(false);
    expect(before.years.slice(0, 4).every((y) => y.status === 'INCOMPLETE' && y.reason.includes('待本地审核确认，暂不计入'))).toBe(true);
    expect(before.years[4]!.status).toBe('COMPLETE');
    const years = await movedYears(app, linyi.accounts.bureau.token, here);
    expect(years.map((y) => [y.review, y.counts])).toEqual(years.map(() => ['PENDING', false]));
    const dept = await departmentToken(app, linyi);
    for (const y of years) {
      const reviewed = ok<{ review: string; counts: boolean }>(await app.gql(REVIEW_MOVED_YEAR, { i: { id: y.id, accept: true } }, dept), 'reviewMovedYear');
      expect(reviewed).toMatchObject({ review: 'ACCEPTED', counts: true });
    }
    const after = await eligibility(linyi, p.idNumber);
    expect(after.years.map((y) => y.status)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
    expect(after.eligible).toBe(true);
    const audited = (await auditRows(app, linyi.tenantId)).filter((r) => r.action === 'moved_year.review');
    expect(audited.filter((r) => years.some((y) => y.id === r.entity_id))).toHaveLength(4);
  });

  it('a rejected year does not count (the moved year keeps the reason); a year is reviewed once; a unit official, a reviewer outside the person’s part of the tree and a rejection without a reason are refused', async () => {
    const { p, here } = await movedIn(linyi, LINYI_YEAR);
    const [first, ...rest] = await movedYears(app, linyi.accounts.bureau.token, here);
    const review = (id: string, accept: boolean, token: string, reason?: string) => app.gql(REVIEW_MOVED_YEAR, { i: { id, accept, reason } }, token);
    expect(codes(await review(first!.id, true, linyi.accounts.unitA1.token))).toEqual(['FORBIDDEN']);
    const deptB = await addAccount(app, linyi, 'DEPARTMENT_OFFICIAL', linyi.nodes.deptB);
    expect(failure(await review(first!.id, true, deptB))).toEqual({ code: 'MOVED_YEAR_NOT_FOUND', field: 'id' });
    expect(failure(await review(first!.id, false, linyi.accounts.bureau.token))).toEqual({ code: 'MOVE_REASON_REQUIRED', field: 'reason' });
    const rejected = ok<{ review: string; counts: boolean; reviewReason: string }>(await review(first!.id, false, linyi.accounts.bureau.token, '原地区证书与档案不符'), 'reviewMovedYear');
    expect(rejected).toMatchObject({ review: 'REJECTED', counts: false, reviewReason: '原地区证书与档案不符' });
    expect(failure(await review(first!.id, true, linyi.accounts.bureau.token))).toEqual({ code: 'MOVED_YEAR_ALREADY_REVIEWED', field: 'id' });
    for (const y of rest) ok(await review(y.id, true, linyi.accounts.bureau.token), 'reviewMovedYear');
    const r = await eligibility(linyi, p.idNumber);
    expect(r.years[0]).toMatchObject({ year: first!.year, status: 'INCOMPLETE', movedFrom: null });
    expect(r.years.slice(1).every((y) => y.status === 'COMPLETE')).toBe(true);
    expect(r.eligible).toBe(false);
    // another tenant's official never finds the year
    expect(failure(await review(rest[0]!.id, true, qingdao.accounts.bureau.token)).code).toBe('MOVED_YEAR_NOT_FOUND');
  });
});

describe('who reads moved years', () => {
  it('officials whose scope holds the person and the person themself; another unit’s official and another tenant read none', async () => {
    const { here } = await movedIn(qingdao, []);
    const own = await addAccount(app, qingdao, 'PROFESSIONAL', qingdao.nodes.unitA1, here);
    expect(await movedYears(app, own, here)).toHaveLength(4);
    expect(await movedYears(app, qingdao.accounts.unitA1.token, here)).toHaveLength(4);
    const otherUnit = await addAccount(app, qingdao, 'UNIT_OFFICIAL', qingdao.nodes.unitB1);
    expect((await app.gql(`query($id: ID!) { professional(id: $id) { id movedYears { id } } }`, { id: here }, otherUnit)).data.professional).toBeNull();
    expect((await app.gql(`query($id: ID!) { professional(id: $id) { id movedYears { id } } }`, { id: here }, from.accounts.bureau.token)).data.professional).toBeNull();
  });
});
