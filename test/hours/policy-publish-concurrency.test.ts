// Concurrent publications of a tenant's policy: the tenant's policy lock is
// taken before the current revision is read, so simultaneous publications of
// different versions/fields build on each other (none silently reverts
// another), and `expectedRevision` refuses a change based on an outdated revision.
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { codes, startTestApp, TestApp } from '../support/harness';
import { auditRows, createTenantFixture, TenantFixture } from '../support/fixtures';

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));
const PUBLISH = `mutation($i: PublishPolicyVersionInput!) { publishPolicyVersion(input: $i) { revision note } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** A fresh Binzhou tenant (versions from 2017 and from 2020) at revision 1. */
async function binzhou(): Promise<TenantFixture> {
  const t = await createTenantFixture(app, 'pub');
  const policy = policies.get('binzhou');
  if (!policy) throw new Error('no policy file for binzhou');
  await publishInitialPolicy(app.owner, t.tenantId, policy, 'test');
  return t;
}

type Version = { fromYear: number; kinds: Record<string, { name: string }> };

async function versionOf(t: TenantFixture, year: number): Promise<Version> {
  const r = await app.gql(`query($y: Int!) { policy(year: $y) { version } }`, { y: year }, t.accounts.bureau.token);
  expect(r.errors).toBeUndefined();
  return r.data.policy.version as Version;
}

async function latest(t: TenantFixture): Promise<{ revision: number; document: { deadline: { monthDay: string }; versions: Version[] } }> {
  const rows = await app.owner.query(`SELECT revision, document FROM policy_revision WHERE tenant_id = $1 ORDER BY revision DESC LIMIT 1`, [t.tenantId]);
  return rows[0];
}

const revisionCount = async (t: TenantFixture): Promise<number> =>
  (await app.owner.query(`SELECT count(*)::int AS n FROM policy_revision WHERE tenant_id = $1`, [t.tenantId]))[0].n;

/** The version with its first kind renamed (a change that is easy to find afterwards). */
function renamed(v: Version, suffix: string): { version: Version; kind: string; name: string } {
  const copy = JSON.parse(JSON.stringify(v)) as Version;
  const kind = Object.keys(copy.kinds)[0];
  if (!kind) throw new Error(`version ${v.fromYear} has no kind`);
  copy.kinds[kind]!.name = `${copy.kinds[kind]!.name}${suffix}`;
  return { version: copy, kind, name: copy.kinds[kind]!.name };
}

describe('concurrent policy publications', () => {
  it('publications of different versions and of the deadline, sent at once, all end up in the latest revision', async () => {
    const t = await binzhou();
    const v2017 = await versionOf(t, 2018);
    const v2020 = await versionOf(t, 2021);
    expect([v2017.fromYear, v2020.fromYear]).toEqual([2017, 2020]);
    const a = renamed(v2017, '（甲）');
    const b = renamed(v2020, '（乙）');
    const added = { ...JSON.parse(JSON.stringify(v2020)), fromYear: 2025 } as Version;

    const results = await Promise.all([
      app.gql(PUBLISH, { i: { version: a.version, note: 'A' } }, t.accounts.bureau.token),
      app.gql(PUBLISH, { i: { version: b.version, note: 'B' } }, t.accounts.bureau.token),
      app.gql(PUBLISH, { i: { deadline: { monthDay: '11-30', source: '004 测试：截止日期' }, note: 'C' } }, t.accounts.bureau.token),
      app.gql(PUBLISH, { i: { version: added, note: 'D' } }, t.accounts.bureau.token),
    ]);
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(results.map((r) => r.data.publishPolicyVersion.revision).sort()).toEqual([2, 3, 4, 5]);

    const last = await latest(t);
    expect(last.revision).toBe(5);
    expect(last.document.deadline.monthDay).toBe('11-30');
    const byYear = new Map(last.document.versions.map((v) => [v.fromYear, v]));
    expect([...byYear.keys()]).toEqual([2017, 2020, 2025]);
    expect(byYear.get(2017)!.kinds[a.kind]!.name).toBe(a.name);
    expect(byYear.get(2020)!.kinds[b.kind]!.name).toBe(b.name);
  });

  it('with expectedRevision, of two publications based on the same revision one is refused with REVISION_CONFLICT', async () => {
    const t = await binzhou();
    const v2020 = await versionOf(t, 2021);
    const a = renamed(v2020, '（甲）');
    const b = renamed(v2020, '（乙）');
    const results = await Promise.all([
      app.gql(PUBLISH, { i: { version: a.version, expectedRevision: 1, note: 'A' } }, t.accounts.bureau.token),
      app.gql(PUBLISH, { i: { version: b.version, expectedRevision: 1, note: 'B' } }, t.accounts.bureau.token),
    ]);
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.data.publishPolicyVersion.revision).toBe(2);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.status).toBe(200);
    expect(refused[0]!.errors?.[0]?.extensions).toMatchObject({ code: 'REVISION_CONFLICT', field: 'expectedRevision' });
    expect(refused[0]!.errors?.[0]?.message).toMatch(/政策已被他人更新/);

    // the published one is the latest, whole
    const winner = ok[0]!.data.publishPolicyVersion.note === 'A' ? a : b;
    const last = await latest(t);
    expect(last.revision).toBe(2);
    expect(last.document.versions.find((v) => v.fromYear === 2020)!.kinds[winner.kind]!.name).toBe(winner.name);
  });

  it('a stale expectedRevision is refused and writes nothing; the current one is accepted', async () => {
    const t = await binzhou();
    const first = await app.gql(PUBLISH, { i: { deadline: { monthDay: '11-30', source: '004 测试' }, expectedRevision: 1 } }, t.accounts.bureau.token);
    expect(first.errors).toBeUndefined();
    expect(first.data.publishPolicyVersion.revision).toBe(2);

    const auditBefore = (await auditRows(app, t.tenantId)).length;
    const v2020 = await versionOf(t, 2021);
    const stale = await app.gql(PUBLISH, { i: { version: renamed(v2020, '（旧）').version, expectedRevision: 1 } }, t.accounts.bureau.token);
    expect(codes(stale)).toEqual(['REVISION_CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.field).toBe('expectedRevision');
    const ahead = await app.gql(PUBLISH, { i: { deadline: { monthDay: '10-31', source: '004 测试' }, expectedRevision: 7 } }, t.accounts.bureau.token);
    expect(codes(ahead)).toEqual(['REVISION_CONFLICT']);
    expect(await revisionCount(t)).toBe(2);
    expect((await auditRows(app, t.tenantId)).length).toBe(auditBefore);
    expect((await latest(t)).document.deadline.monthDay).toBe('11-30');

    const fresh = await app.gql(PUBLISH, { i: { version: renamed(v2020, '（新）').version, expectedRevision: 2 } }, t.accounts.bureau.token);
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data.publishPolicyVersion.revision).toBe(3);
    expect((await latest(t)).document.deadline.monthDay).toBe('11-30');
  });
});
