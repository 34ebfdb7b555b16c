// Each level's review queue: the declarations waiting at the caller's node, in submission
// order, a page at a time (keyset), filtered by unit, kind, submission dates and title
// series, with the count of each state; and a person's own list of declarations.
import { codes, startTestApp, type TestApp } from '../support/harness';
import type { TenantFixture } from '../support/fixtures';
import { addAccount, addProfessional, APPROVE, COUNTS, CREATE, ok, policyTenant, QUEUE, REJECT, WITHDRAW } from './declarations-support';

let app: TestApp;
let t: TenantFixture;
let unitA2Token: string;
/** Declarations of this file's own department: deptQ → unitQ1, unitQ2 (a fresh tenant, so counts are exact). */
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  t = await policyTenant(app, 'jining', 'dque');
  unitA2Token = await addAccount(app, t, 'UNIT_OFFICIAL', t.nodes.unitA2);
  const nurse = await addProfessional(app, t, t.nodes.unitA1, 'HEALTH');
  const teacher = await addProfessional(app, t, t.nodes.unitA2, 'SCHOOL_TEACHING');
  const declare = async (token: string, kind: string, params: object) =>
    ok<{ id: string }>(await app.gql(CREATE, { i: { kind, year: 2024, params, submit: true } }, token), 'createDeclaration').id;
  ids.n1 = await declare(nurse.token, 'professionalCourse', { hours: 10 });
  ids.n2 = await declare(nurse.token, 'contest', { contestName: '护理技能大赛', level: 'city' });
  ids.n3 = await declare(nurse.token, 'professionalCourse', { hours: 12 });
  ids.t1 = await declare(teacher.token, 'professionalCourse', { hours: 14 });
  ids.t2 = await declare(teacher.token, 'publicElective', { hours: 10 });
  // n1, n2, t1 move on to the department; n3 is rejected by the unit; t2 withdrawn
  for (const id of [ids.n1, ids.n2]) ok(await app.gql(APPROVE, { id }, t.accounts.unitA1.token), 'approveDeclaration');
  ok(await app.gql(APPROVE, { id: ids.t1 }, unitA2Token), 'approveDeclaration');
  ok(await app.gql(REJECT, { id: ids.n3, r: '缺少证书' }, t.accounts.unitA1.token), 'rejectDeclaration');
  ok(await app.gql(WITHDRAW, { id: ids.t2 }, teacher.token), 'withdrawDeclaration');
  // n2 is recorded
  ok(await app.gql(APPROVE, { id: ids.n2 }, t.accounts.deptA.token), 'approveDeclaration');
  ok(await app.gql(APPROVE, { id: ids.n2 }, t.accounts.bureau.token), 'approveDeclaration');
});
afterAll(() => app.close());

const queue = async (token: string, f: object = {}, first = 20, after?: string) => {
  const r = await app.gql(QUEUE, { f, first, after }, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.reviewQueue as { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};

describe('the department’s queue', () => {
  it('waiting at the department: n1 and t1, in submission order, one page at a time', async () => {
    const first = await queue(t.accounts.deptA.token, {}, 1);
    expect(first.nodes.map((n) => n.id)).toEqual([ids.n1]);
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await queue(t.accounts.deptA.token, {}, 1, first.pageInfo.endCursor!);
    expect(second.nodes.map((n) => n.id)).toEqual([ids.t1]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by unit, kind and title series', async () => {
    expect((await queue(t.accounts.deptA.token, { unitId: t.nodes.unitA2 })).nodes.map((n) => n.id)).toEqual([ids.t1]);
    expect((await queue(t.accounts.deptA.token, { status: 'RECORDED', kind: 'contest' })).nodes.map((n) => n.id)).toEqual([ids.n2]);
    expect((await queue(t.accounts.deptA.token, { titleSeries: 'SCHOOL_TEACHING' })).nodes.map((n) => n.id)).toEqual([ids.t1]);
    expect((await queue(t.accounts.deptA.token, { titleSeries: 'ACCOUNTING' })).nodes).toEqual([]);
  });

  it('filters by submission day (China time): today matches, tomorrow does not', async () => {
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 32 * 3600e3).toISOString().slice(0, 10);
    expect((await queue(t.accounts.deptA.token, { from: today, to: today })).totalCount).toBe(2);
    expect((await queue(t.accounts.deptA.token, { from: tomorrow })).totalCount).toBe(0);
    expect(codes(await app.gql(QUEUE, { f: { from: tomorrow, to: today } }, t.accounts.deptA.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('counts each state as the department sees it: 2 waiting, 1 recorded; what never reached it is not counted', async () => {
    expect(ok(await app.gql(COUNTS, {}, t.accounts.deptA.token), 'reviewQueueCounts')).toEqual({ waiting: 2, forwarded: 0, recorded: 1, rejected: 0, withdrawn: 0 });
  });
});

describe('the unit’s and the bureau’s queues', () => {
  it('unit A1: n1 forwarded, n2 recorded, n3 rejected, nothing waiting; unit A2: t1 forwarded, t2 withdrawn', async () => {
    expect(ok(await app.gql(COUNTS, {}, t.accounts.unitA1.token), 'reviewQueueCounts')).toEqual({ waiting: 0, forwarded: 1, recorded: 1, rejected: 1, withdrawn: 0 });
    expect((await queue(t.accounts.unitA1.token, { status: 'REJECTED' })).nodes.map((n) => n.id)).toEqual([ids.n3]);
    expect(ok(await app.gql(COUNTS, {}, unitA2Token), 'reviewQueueCounts')).toEqual({ waiting: 0, forwarded: 1, recorded: 0, rejected: 0, withdrawn: 1 });
  });

  it('the bureau: n2 recorded, nothing waiting yet', async () => {
    expect(ok(await app.gql(COUNTS, {}, t.accounts.bureau.token), 'reviewQueueCounts')).toEqual({ waiting: 0, forwarded: 0, recorded: 1, rejected: 0, withdrawn: 0 });
  });

  it('a cursor that is not one of ours is BAD_USER_INPUT on after', async () => {
    const r = await app.gql(QUEUE, { first: 5, after: 'not-a-cursor' }, t.accounts.deptA.token);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions!.field).toBe('after');
  });
});

describe('a person’s own declarations', () => {
  it('the professional lists their own by year; an official names the person; another unit’s official cannot', async () => {
    const mine = ok<{ totalCount: number }>(await app.gql(`{ declarations(year: 2024) { totalCount } }`, {}, t.accounts.personA1.token), 'declarations');
    expect(mine.totalCount).toBe(0);
    const [nurse] = await app.owner.query(`SELECT professional_id FROM declaration WHERE tenant_id = $1 AND id = $2`, [t.tenantId, ids.n1]);
    const list = `query($p: ID) { declarations(professionalId: $p, year: 2024) { totalCount nodes { id } } }`;
    const seen = ok<{ totalCount: number; nodes: { id: string }[] }>(await app.gql(list, { p: nurse.professional_id }, t.accounts.unitA1.token), 'declarations');
    expect(seen.nodes.map((n) => n.id).sort()).toEqual([ids.n1, ids.n2, ids.n3].sort());
    expect(codes(await app.gql(list, { p: nurse.professional_id }, unitA2Token))).toEqual(['PROFESSIONAL_NOT_FOUND']);
  });
});
