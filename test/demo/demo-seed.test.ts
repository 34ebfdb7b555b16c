// The demo seed on a real database: coherent people, activities whose answers
// are real (judged by the engine), a second start that adds nothing, and a
// banner that names the right mutations and never a used activation code.
// The demo tenants have fixed codes: this is the only test file that seeds them.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { evaluateYear, validateActivityParams, versionForYear, type ActivityInput, type YearEvaluation } from '../../server/engine';
import type { TitleLevel, TitleSeries } from '../../server/engine/titles';
import { publishInitialPolicy } from '../../server/policy/initial-policies';
import { createLogger } from '../../server/platform/logger';
import { inTransaction } from '../../server/platform/transaction';
import { loadAllPolicies } from '../../server/policy';
import { demoYears } from '../../server/demo/demo-activities';
import { chinaToday } from '../../server/platform/clock';
import { calendarFromSource } from '../../server/calendar/calendar-source';
import { printBanner, seedDemo, type DemoInfo } from '../../server/demo/demo-seed';
import { seedDemoLife } from '../../server/demo/demo-life';
import { startTestApp, type TestApp } from '../support/harness';

const CODES = ['linyi', 'qingdao', 'jining', 'binzhou', 'bingtuan'];
const policies = loadAllPolicies(path.join(__dirname, '../../tenants'));
const calendar = calendarFromSource();
const logger = createLogger('silent');
/** What demo life logged: a skipped step is a warning, and there must be none. */
const lifeWarnings: string[] = [];
const lifeLogger = { ...logger, warn: (obj: unknown, msg?: string) => void lifeWarnings.push(`${msg ?? ''} ${JSON.stringify(obj)}`) } as unknown as typeof logger;

let app: TestApp;
let dataDir: string;
let first: DemoInfo;
const tenantIds = new Map<string, string>();

/** Rows of one tenant: `$1` is its id (the owner may bypass row-level security, so queries filter on it too). */
async function asTenant<T>(code: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const tenantId = tenantIds.get(code)!;
  return inTransaction(app.owner, { tenantId }, (em) => em.query(sql, [tenantId, ...params]));
}

function banner(info: DemoInfo): string {
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true));
  try {
    printBanner('http://127.0.0.1:1', info);
  } finally {
    spy.mockRestore();
  }
  return out;
}

/** The series a unit's staff must have, read from the unit's name alone. */
function seriesByUnitName(name: string): string | undefined {
  if (/医院|疾病预防控制/.test(name)) return 'HEALTH';
  if (/中学|小学|学校/.test(name)) return 'SCHOOL_TEACHING';
  if (/会计|财务/.test(name)) return 'ACCOUNTING';
  if (/农业|农技/.test(name)) return 'AGRICULTURE';
  if (/工程|设计院|城市建设/.test(name)) return 'ENGINEERING';
  return undefined;
}

async function countsOf(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const code of CODES) {
    for (const table of ['org_node', 'professional', 'account', 'activation_code', 'activity', 'audit_log']) {
      const [row] = await asTenant<{ n: number }>(code, `SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`);
      out[`${code}.${table}`] = row!.n;
    }
  }
  return out;
}

beforeAll(async () => {
  app = await startTestApp();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ce-demo-'));
  first = await seedDemo(app.owner, dataDir, logger, policies);
  const rows: { id: string; code: string }[] = await inTransaction(app.owner, { tenantId: null, operator: true }, (em) =>
    em.query(`SELECT id, code FROM tenant WHERE code = ANY($1::text[])`, [CODES]),
  );
  for (const r of rows) tenantIds.set(r.code, r.id);
  // as main does after the seed: the first policy revisions, then the new tenants brought to life through the API
  for (const code of CODES) await publishInitialPolicy(app.owner, tenantIds.get(code)!, policies.get(code)!, 'demo test');
  const tokenFor = async (sub: string, tid: string) => (await app.server.tokens.issue({ sub, kind: 'account', tid })).token;
  await seedDemoLife(app.owner, { url: app.url, tokenFor }, first.seeded, lifeLogger, chinaToday());
});

afterAll(async () => {
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('demo seed', () => {
  it('seeds the five tenants with staff whose series fits their unit and whose level fits their age', async () => {
    expect([...tenantIds.keys()].sort()).toEqual([...CODES].sort());
    const wrong: string[] = [];
    for (const code of CODES) {
      const rows = await asTenant<{ unit: string; series: string; level: string; birth: string; name: string }>(
        code,
        `SELECT o.name AS unit, p.title_series AS series, p.title_level AS level, p.birth_date::text AS birth, p.name
           FROM professional p JOIN org_node o ON o.tenant_id = p.tenant_id AND o.id = p.unit_id WHERE p.tenant_id = $1`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(30);
      expect(new Set(rows.map((r) => r.series)).size).toBeGreaterThanOrEqual(3);
      for (const r of rows) {
        const expected = seriesByUnitName(r.unit);
        if (expected !== r.series) wrong.push(`${code}: ${r.name} (${r.series}) works at ${r.unit}`);
        const age = Number(chinaToday().slice(0, 4)) - 1 - Number(r.birth.slice(0, 4));
        if (age < 30 && ['DEPUTY_SENIOR', 'SENIOR'].includes(r.level)) wrong.push(`${code}: ${r.name}, ${age}, is ${r.level}`);
        if (r.series === 'ACCOUNTING' && r.level === 'JUNIOR') wrong.push(`${code}: ${r.name} is a JUNIOR accountant`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives every tenant complete, short and (where its policy allows) exempt people in the last full year, judged by the engine', async () => {
    const today = chinaToday();
    const years = demoYears(today);
    const lastFull = years[years.length - 2]!;
    for (const code of CODES) {
      const policy = policies.get(code)!;
      const people = await asTenant<{ id: string; title_level: TitleLevel; title_series: TitleSeries }>(code, `SELECT id, title_level, title_series FROM professional WHERE tenant_id = $1`);
      const stored = await asTenant<{ id: string; professional_id: string; kind: string; year: number; occurred_on: string; params: ActivityInput['params'] }>(
        code,
        `SELECT id, professional_id, kind, year, occurred_on::text AS occurred_on, params FROM activity WHERE tenant_id = $1 ORDER BY year, id`,
      );
      // every full year; the current one too unless the year is only days old
      const storedYears = new Set(stored.map((a) => a.year));
      expect(years.filter((y) => !storedYears.has(y) && (y < years[years.length - 1]! || today.slice(5) > '01-31'))).toEqual([]);
      expect([...storedYears].filter((y) => !years.includes(y))).toEqual([]);
      for (const a of stored) {
        expect(validateActivityParams(versionForYear(policy, a.year)!, a.kind, a.params)).toEqual([]);
        expect(a.occurred_on.slice(0, 4)).toBe(String(a.year));
        expect(a.occurred_on <= today).toBe(true);
      }
      const evs: YearEvaluation[] = people.map((p) => {
        const activities: ActivityInput[] = stored
          .filter((a) => a.professional_id === p.id)
          .map((a) => ({ id: a.id, kind: a.kind, year: a.year, date: a.occurred_on, params: a.params }));
        const profile = { titleLevel: p.title_level, titleSeries: p.title_series, employerType: 'PUBLIC_INSTITUTION' };
        return evaluateYear({ policy, profile, activities, year: lastFull, today, calendar });
      });
      const kinds = versionForYear(policy, lastFull)!.kinds;
      const exemptionLike = (e: YearEvaluation) =>
        e.exemptions.length > 0 || !!e.deemedComplete || e.activities.some((a) => kinds[a.kind]?.rule.type === 'proRata' && a.hoursEarned.PUBLIC + a.hoursEarned.PROFESSIONAL > 0);
      const complete = evs.filter((e) => e.complete && !exemptionLike(e));
      const short = evs.filter((e) => !e.complete && e.subjects.PUBLIC.shortfall + e.subjects.PROFESSIONAL.shortfall > 0 && e.subjects.PUBLIC.credited + e.subjects.PROFESSIONAL.credited > 0);
      const exempt = evs.filter((e) => e.complete && exemptionLike(e));
      const policyAllows = Object.values(kinds).some((k) => (k.rule.type === 'deemComplete' && k.rule.scope === 'YEAR') || k.rule.type === 'proRata');
      expect({ code, complete: complete.length > 0, short: short.length > 0, exempt: exempt.length > 0 }).toEqual({ code, complete: true, short: true, exempt: policyAllows });
      expect(evs.filter((e) => e.subjects.PUBLIC.credited + e.subjects.PROFESSIONAL.credited === 0 && !e.complete)).toEqual([]);
    }
  });

  it('answers the first completion query with real hours and a shortfall', async () => {
    const code = 'jining';
    const bureau = first.credentials.find((c) => c.tenant === code && c.role === 'BUREAU_OFFICIAL')!;
    const signIn = await app.gql(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { tenantCode: code, username: bureau.username, password: bureau.password } });
    expect(signIn.errors).toBeUndefined();
    const token = signIn.data.signIn.token;
    const lastFull = demoYears(chinaToday()).slice(-2)[0]!;
    const people = await asTenant<{ id_number: string }>(code, `SELECT id_number FROM professional WHERE tenant_id = $1 ORDER BY id_number`);
    const answers = [];
    for (const p of people) {
      const r = await app.gql(
        `query($id: String!, $y: Int!) { completionStatus(idNumber: $id, year: $y) { evaluation { complete public { credited shortfall } professional { credited shortfall } } } }`,
        { id: p.id_number, y: lastFull },
        token,
      );
      expect(r.errors).toBeUndefined();
      answers.push(r.data.completionStatus.evaluation);
    }
    expect(answers.some((e) => e.complete && e.public.credited >= 30 && e.professional.credited >= 60)).toBe(true);
    expect(answers.some((e) => !e.complete && e.public.shortfall + e.professional.shortfall > 0 && e.public.credited + e.professional.credited > 0)).toBe(true);
  });

  it('brings every tenant to life through the API: declarations in every state at every level of its chain, a provider, a spot check, an integrity record', async () => {
    expect(lifeWarnings).toEqual([]);
    expect([...first.seeded].sort()).toEqual([...CODES].sort());
    for (const code of CODES) {
      const levels = policies.get(code)!.review?.levels ?? ['UNIT', 'DEPARTMENT', 'BUREAU'];
      const states = await asTenant<{ status: string; step: number; adjusted: boolean }>(
        code,
        `SELECT status, step, adjusted_public IS NOT NULL AS adjusted FROM declaration WHERE tenant_id = $1`,
      );
      const has = (status: string, step?: number) => states.some((d) => d.status === status && (step === undefined || d.step === step));
      const expected = { DRAFT: true, REJECTED: true, WITHDRAWN: true, RECORDED: true, REVOKED: true, adjusted: true, unit: true, department: true, bureau: levels.includes('BUREAU') };
      expect({ code, DRAFT: has('DRAFT'), REJECTED: has('REJECTED'), WITHDRAWN: has('WITHDRAWN'), RECORDED: has('RECORDED'), REVOKED: has('REVOKED'), adjusted: states.some((d) => d.adjusted && d.status === 'RECORDED'), unit: has('SUBMITTED', 1), department: has('SUBMITTED', 2), bureau: has('SUBMITTED', 3) }).toEqual({ code, ...expected });
      const [counts] = await asTenant<{ projects: number; completions: number; checks: number; outcomes: number; integrity: number }>(
        code,
        `SELECT (SELECT count(*)::int FROM training_project WHERE tenant_id = $1) AS projects,
                (SELECT count(*)::int FROM training_completion WHERE tenant_id = $1) AS completions,
                (SELECT count(*)::int FROM spot_check WHERE tenant_id = $1) AS checks,
                (SELECT count(*)::int FROM spot_check_item WHERE tenant_id = $1 AND outcome IS NOT NULL) AS outcomes,
                (SELECT count(*)::int FROM integrity_record WHERE tenant_id = $1) AS integrity`,
      );
      expect({ code, ...counts, completions: counts!.completions > 0 }).toEqual({ code, projects: 1, completions: true, checks: 1, outcomes: 1, integrity: 1 });
    }
  });

  it('adds nothing on a second start and prints the same credentials', async () => {
    // another test may have used an activation code since the first seed: a
    // start first brings the file up to date, and the next one changes nothing
    const before = await countsOf();
    const settled = await seedDemo(app.owner, dataDir, logger, policies);
    const fileBefore = await readFile(first.file, 'utf8');
    const again = await seedDemo(app.owner, dataDir, logger, policies);
    expect(await countsOf()).toEqual(before);
    expect(again.credentials).toEqual(settled.credentials);
    expect(again.credentials.map((c) => c.username)).toEqual(first.credentials.map((c) => c.username));
    expect(await readFile(first.file, 'utf8')).toBe(fileBefore);
  });

  it('names operatorSignIn in the banner and never prints an activation code once it is used', async () => {
    const pending = first.credentials.filter((c) => c.activationCode);
    expect(pending.map((c) => c.tenant).sort()).toEqual([...CODES].sort());
    const text = banner(first);
    expect(text).toContain('operatorSignIn');
    expect(text).not.toMatch(/sign in with the signIn mutation/);
    for (const c of pending) expect(text).toContain(c.activationCode!);

    const used = pending.find((c) => c.tenant === 'qingdao')!;
    const activated = await app.gql(`mutation($i: ActivateAccountInput!) { activateAccount(input: $i) { token } }`, {
      i: { tenantCode: used.tenant, username: used.username, activationCode: used.activationCode, newPassword: 'MyOwnPassw0rd' },
    });
    expect(activated.errors).toBeUndefined();
    const [usedCodes] = await asTenant<{ n: number }>('qingdao', `SELECT count(*)::int AS n FROM activation_code WHERE tenant_id = $1 AND used_at IS NOT NULL`);
    expect(usedCodes?.n).toBe(1);

    for (const start of [1, 2]) {
      const later = await seedDemo(app.owner, dataDir, logger, policies);
      const text2 = banner(later);
      expect({ start, used: text2.includes(used.activationCode!) }).toEqual({ start, used: false });
      expect(text2).toContain('operatorSignIn');
      expect(text2).toMatch(/already used/);
      for (const c of pending.filter((x) => x !== used)) expect(text2).toContain(c.activationCode!);
      expect(await readFile(later.file, 'utf8')).not.toContain(used.activationCode!);
      expect(later.credentials.find((c) => c.username === used.username)).toMatchObject({ activationCodeUsed: true, note: expect.stringContaining('已激活') });
    }
  });
});
