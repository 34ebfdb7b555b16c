// Completion and title eligibility: the engine judges stored activities under
// the tenant's current policy revision; certified years keep the result they
// were certified with. Answers carry the engine's explanation and only ever a
// masked ID number.
import type { EntityManager } from 'typeorm';
import type { Context } from '../app/context';
import { AuditService } from '../audit/audit.service';
import { ActivityInput, checkTitleEligibility, evaluateYear, IntegrityPeriod, ProfileInput } from '../engine';
import { canSeeProfessional, requireOfficial, requireTenant } from '../platform/access';
import { AppError, commonError } from '../platform/errors';
import { maskIdNumber, parseIdNumber } from '../platform/id-number';
import type { TitleLevel } from '../platform/titles';
import { ProfessionalsService } from '../professionals/professionals.service';
import { checkParams, toEngineActivity } from './activities.service';
import { toEligibilityView, toEvaluationView } from './evaluation-view';
import { hoursError } from './hours.errors';
import {
  BatchEligibilityItem,
  CompletionStatus,
  EligibilityApplicant,
  HoursEvaluation,
  PreviewHoursInput,
  TitleEligibilityView,
  YearCertificationView,
} from './hours.types';
import { PoliciesService } from './policies.service';

export const MAX_BATCH = 5000;

interface Person {
  id: string;
  idNumber: string;
  name: string;
  unitPath: string;
  profile: ProfileInput;
}

/** "Today" on the calendar the policies are written in (China Standard Time). */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3600e3).toISOString().slice(0, 10);
}

function toPerson(row: any): Person {
  return {
    id: row.id,
    idNumber: row.id_number,
    name: row.name,
    unitPath: row.unit_path,
    profile: { titleLevel: row.title_level, titleSeries: row.title_series, employerType: 'PUBLIC_INSTITUTION' },
  };
}

export class CompletionService {
  constructor(
    private readonly policies: PoliciesService,
    private readonly professionals: ProfessionalsService,
    private readonly audit: AuditService,
  ) {}

  /** The calculator: evaluates what the caller describes; stores nothing. */
  async preview(ctx: Context, input: PreviewHoursInput, tenantCode?: string | null): Promise<HoursEvaluation> {
    await this.policies.tenant(ctx, tenantCode);
    const policy = await this.policies.current(ctx);
    const activities: ActivityInput[] = input.activities.map((a, i) => {
      const year = a.year ?? input.year;
      const version = this.policies.versionOrThrow(policy.document, year, `activities[${i}].year`);
      checkParams(version, a.kind, a.params, `activities[${i}].`);
      const base = { id: String(i + 1), kind: a.kind, year, params: a.params as ActivityInput['params'] };
      return a.date ? { ...base, date: a.date } : base;
    });
    this.policies.versionOrThrow(policy.document, input.year);
    const profile: ProfileInput = {
      titleLevel: input.profile.titleLevel,
      titleSeries: input.profile.titleSeries,
      employerType: input.profile.employerType ?? 'PUBLIC_INSTITUTION',
      flags: input.profile.flags ?? [],
    };
    const ev = evaluateYear({ policy: policy.document, profile, activities, year: input.year, today: chinaToday() });
    return toEvaluationView(ev, policy.document, policy.revision);
  }

  async status(ctx: Context, idNumber: string, year: number): Promise<CompletionStatus> {
    const em = await ctx.db();
    const person = await this.subject(ctx, em, idNumber);
    const [cert] = await em.query(`SELECT result FROM year_certification WHERE professional_id = $1 AND year = $2`, [person.id, year]);
    if (cert) return { idNumber: maskIdNumber(person.idNumber), name: person.name, year, evaluation: cert.result };
    const policy = await this.policies.current(ctx);
    this.policies.versionOrThrow(policy.document, year);
    const activities = await this.activitiesOf(em, [person.id], year);
    const ev = evaluateYear({ policy: policy.document, profile: person.profile, activities: activities.get(person.id) ?? [], year, today: chinaToday() });
    return { idNumber: maskIdNumber(person.idNumber), name: person.name, year, evaluation: toEvaluationView(ev, policy.document, policy.revision) };
  }

  async eligibility(ctx: Context, idNumber: string, targetLevel: TitleLevel, applicationYear: number): Promise<TitleEligibilityView> {
    const em = await ctx.db();
    const person = await this.subject(ctx, em, idNumber);
    const [result] = await this.judge(ctx, em, [person], targetLevel ? [targetLevel] : [], applicationYear, true);
    return result;
  }

  /** Thousands of applicants in a few set-based queries, then the engine in memory. */
  async eligibilityBatch(ctx: Context, applicants: EligibilityApplicant[], applicationYear: number): Promise<BatchEligibilityItem[]> {
    this.requireReader(ctx);
    if (applicants.length > MAX_BATCH) throw hoursError('BATCH_TOO_LARGE', 'applicants');
    const em = await ctx.db();
    const parsed = applicants.map((a) => ({ a, id: parseIdNumber(a.idNumber) }));
    const valid = parsed.flatMap((p) => (p.id.ok ? [p.id.value] : []));
    const rows = await em.query(
      `SELECT id, id_number, name, unit_path, title_level, title_series FROM professional WHERE id_number = ANY($1::text[])`,
      [valid],
    );
    const byIdNumber = new Map<string, Person>();
    for (const row of rows) {
      const person = toPerson(row);
      if (ctx.actor.kind === 'API_CLIENT' || canSeeProfessional(ctx.actor, person)) byIdNumber.set(person.idNumber, person);
    }
    const found = parsed.flatMap((p) => (p.id.ok && byIdNumber.has(p.id.value) ? [{ person: byIdNumber.get(p.id.value)!, level: p.a.targetLevel }] : []));
    const results = await this.judge(ctx, em, found.map((f) => f.person), found.map((f) => f.level), applicationYear, false);
    const byPerson = new Map(found.map((f, i) => [f.person.idNumber, results[i]]));
    return parsed.map(({ a, id }) => {
      if (!id.ok) return { idNumber: maskIdNumber(a.idNumber.trim().toUpperCase()), errorCode: id.code, errorMessage: id.message, result: null };
      const result = byPerson.get(id.value);
      if (!result) return { idNumber: maskIdNumber(id.value), errorCode: 'PROFESSIONAL_NOT_FOUND', errorMessage: '查无此人或无权查询', result: null };
      return { idNumber: maskIdNumber(id.value), errorCode: null, errorMessage: null, result };
    });
  }

  /** Fixes a year's result under the current revision; later revisions do not change it. */
  async certify(ctx: Context, professionalId: string, year: number): Promise<YearCertificationView> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    const p = await this.professionals.findOneOrThrow(ctx, professionalId, 'professionalId');
    const em = await ctx.db();
    const policy = await this.policies.current(ctx);
    this.policies.versionOrThrow(policy.document, year);
    const activities = await this.activitiesOf(em, [p.id], year);
    const ev = evaluateYear({
      policy: policy.document,
      profile: { titleLevel: p.titleLevel, titleSeries: p.titleSeries, employerType: 'PUBLIC_INSTITUTION' },
      activities: activities.get(p.id) ?? [],
      year,
      today: chinaToday(),
    });
    const view = { ...toEvaluationView(ev, policy.document, policy.revision), certified: true };
    const inserted = await em.query(
      `INSERT INTO year_certification (tenant_id, professional_id, year, policy_revision_id, complete, result, certified_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING certified_at`,
      [tenantId, p.id, year, policy.id, ev.complete, view, actor.id],
    );
    if (!inserted.length) throw hoursError('YEAR_ALREADY_CERTIFIED', 'year');
    await this.audit.record(ctx, {
      action: 'year.certify',
      entityType: 'year_certification',
      entityId: `${p.id}:${year}`,
      after: { year, complete: ev.complete, policyRevision: policy.revision },
    });
    return { professionalId: p.id, year, complete: ev.complete, policyRevision: policy.revision, certifiedAt: inserted[0].certified_at };
  }

  private requireReader(ctx: Context): void {
    const a = ctx.actor;
    if (a.kind === 'API_CLIENT') {
      if (!a.scopes.includes('completion:read')) throw hoursError('SCOPE_REQUIRED');
      return;
    }
    if (a.kind !== 'ACCOUNT') throw commonError(a.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  }

  /** One stored professional by exact ID number, if the caller may ask about them. */
  private async subject(ctx: Context, em: EntityManager, idNumber: string): Promise<Person> {
    this.requireReader(ctx);
    const id = parseIdNumber(idNumber);
    if (!id.ok) throw new AppError(id.code, id.message, 'idNumber');
    const rows = await em.query(
      `SELECT id, id_number, name, unit_path, title_level, title_series FROM professional WHERE id_number = $1`,
      [id.value],
    );
    const person = rows.length ? toPerson(rows[0]) : null;
    if (!person || (ctx.actor.kind === 'ACCOUNT' && !canSeeProfessional(ctx.actor, person))) {
      throw new AppError('PROFESSIONAL_NOT_FOUND', '查无此人或无权查询', 'idNumber');
    }
    return person;
  }

  /**
   * Activities per professional up to a year. Aggregated to one JSON array per
   * person in PostgreSQL: decoding 5,000 arrays is several times faster in
   * Node than 250,000 rows.
   */
  private async activitiesOf(em: EntityManager, ids: string[], upToYear: number): Promise<Map<string, ActivityInput[]>> {
    const out = new Map<string, ActivityInput[]>();
    if (!ids.length) return out;
    const rows = await em.query(
      `SELECT professional_id,
              json_agg(json_build_array(id, kind, year, occurred_on, params) ORDER BY year, id)::text AS list
         FROM activity WHERE professional_id = ANY($1::uuid[]) AND year <= $2
        GROUP BY professional_id`,
      [ids, upToYear],
    );
    for (const row of rows) {
      const list = (JSON.parse(row.list) as [string, string, number, string | null, ActivityInput['params']][]).map(([id, kind, year, occurredOn, params]) =>
        toEngineActivity({ id, kind, year, occurred_on: occurredOn, params }),
      );
      out.set(row.professional_id, list);
    }
    return out;
  }

  private async judge(ctx: Context, em: EntityManager, people: Person[], levels: TitleLevel[], applicationYear: number, withEvaluations: boolean): Promise<TitleEligibilityView[]> {
    if (!people.length) return [];
    const policy = await this.policies.current(ctx);
    const ids = people.map((p) => p.id);
    // one connection: the three reads run one after another
    const activities = await this.activitiesOf(em, ids, applicationYear);
    const integrity = await em.query(
      `SELECT professional_id, from_date::text AS from, to_date::text AS to, reason FROM integrity_record WHERE professional_id = ANY($1::uuid[])`,
      [ids],
    );
    const certs = await em.query(
      `SELECT professional_id, year, complete, result FROM year_certification WHERE professional_id = ANY($1::uuid[]) AND year <= $2`,
      [ids, applicationYear],
    );
    const integrityOf = groupBy(integrity as any[], (r) => r.professional_id);
    const certsOf = groupBy(certs as any[], (r) => r.professional_id);
    const today = chinaToday();
    return people.map((person, i) => {
      const result = checkTitleEligibility({
        policy: policy.document,
        profile: person.profile,
        activities: activities.get(person.id) ?? [],
        targetLevel: levels[i],
        applicationYear,
        integrityRecord: (integrityOf.get(person.id) ?? []).map((r): IntegrityPeriod => ({ from: r.from, to: r.to, reason: r.reason })),
        today,
      });
      const view = toEligibilityView(result, policy.document, policy.revision, person, levels[i], applicationYear, withEvaluations);
      return applyCertifications(view, certsOf.get(person.id) ?? [], withEvaluations);
    });
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

const PASSING = new Set(['COMPLETE', 'AVERAGED', 'CREDITS_PASSED']);

/** A certified year keeps its certified verdict, whatever the current revision says. */
function applyCertifications(view: TitleEligibilityView, certs: { year: number; complete: boolean; result: HoursEvaluation }[], withEvaluations: boolean): TitleEligibilityView {
  if (!certs.length) return view;
  const wasAllPassing = view.years.every((y) => PASSING.has(y.status));
  const blockedOtherwise = !view.eligible && wasAllPassing; // e.g. the integrity record
  let changed = false;
  for (const y of view.years) {
    const cert = certs.find((c) => c.year === y.year);
    if (!cert || (y.status !== 'COMPLETE' && y.status !== 'INCOMPLETE')) continue;
    const status = cert.complete ? 'COMPLETE' : 'INCOMPLETE';
    changed ||= status !== y.status;
    y.status = status;
    y.certified = true;
    y.reason = `${y.year}年度已认定：${cert.complete ? '达标' : '未达标'}（第${cert.result.policyRevision}版政策）`;
    if (withEvaluations) y.evaluation = cert.result;
  }
  if (changed) view.eligible = !blockedOtherwise && view.years.every((y) => PASSING.has(y.status));
  return view;
}
