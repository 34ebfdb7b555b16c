// Title eligibility (职称申报资格): which years the tenant's rule checks for
// the target level, each year's verdict and why. Batches of thousands of
// applicants take a few set-based queries, then the engine in memory.
import { checkTitleEligibility } from '../engine';
import type { TitleLevel } from '../engine/titles';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { idNumberError } from '../platform/errors';
import { maskIdNumber, parseIdNumber } from '../platform/id-number';
import { mapInSlices } from '../platform/slices';
import type { PoliciesService } from '../policy/policy.service';
import { professionalError } from '../professionals/professionals.errors';
import { applyCertifications, toEligibilityView } from './evaluation-view';
import { canRead, findSubject, profileOf, requireReader } from './hours-subjects';
import { hoursError } from './hours.errors';
import type { HoursRepository, Person } from './hours.repository';
import type { BatchEligibilityItem, EligibilityApplicant, TitleEligibilityView } from './hours.types';

export const MAX_BATCH = 5000;

/** Judgments between two yields to the event loop (a few milliseconds of work). */
const YIELD_EVERY = 200;

export class EligibilityService {
  constructor(
    private readonly repo: HoursRepository,
    private readonly policies: PoliciesService,
    private readonly clock: Clock,
  ) {}

  async eligibility(ctx: Context, idNumber: string, targetLevel: TitleLevel, applicationYear: number): Promise<TitleEligibilityView> {
    this.policies.checkYear(applicationYear, 'applicationYear');
    const person = await findSubject(ctx, this.repo, idNumber);
    const [result] = await this.judge(ctx, [{ person, level: targetLevel }], applicationYear, true);
    if (!result) throw professionalError('PROFESSIONAL_NOT_FOUND', 'idNumber');
    return result;
  }

  async eligibilityBatch(ctx: Context, applicants: readonly EligibilityApplicant[], applicationYear: number): Promise<BatchEligibilityItem[]> {
    requireReader(ctx);
    if (applicants.length > MAX_BATCH) throw hoursError('BATCH_TOO_LARGE', 'applicants');
    this.policies.checkYear(applicationYear, 'applicationYear');
    const parsed = applicants.map((a) => ({ a, id: parseIdNumber(a.idNumber) }));
    const valid = parsed.flatMap((p) => (p.id.ok ? [p.id.value] : []));
    const visible = new Map<string, Person>();
    for (const person of await this.repo.findPeople(await ctx.db(), valid)) {
      if (canRead(ctx, person)) visible.set(person.idNumber, person);
    }
    const found = parsed.flatMap((p) => {
      const person = p.id.ok ? visible.get(p.id.value) : undefined;
      return person ? [{ person, level: p.a.targetLevel }] : [];
    });
    const results = await this.judge(ctx, found, applicationYear, false);
    const byIdNumber = new Map(found.map((f, i) => [f.person.idNumber, results[i]]));
    return parsed.map(({ a, id }): BatchEligibilityItem => {
      if (!id.ok) {
        return { idNumber: maskIdNumber(a.idNumber.trim().toUpperCase()), errorCode: id.code, errorMessage: idNumberError(id.code).message, result: null };
      }
      const result = byIdNumber.get(id.value);
      if (!result) {
        const e = professionalError('PROFESSIONAL_NOT_FOUND');
        return { idNumber: maskIdNumber(id.value), errorCode: e.code, errorMessage: e.message, result: null };
      }
      return { idNumber: maskIdNumber(id.value), errorCode: null, errorMessage: null, result };
    });
  }

  private async judge(ctx: Context, applicants: { person: Person; level: TitleLevel }[], applicationYear: number, withEvaluations: boolean): Promise<TitleEligibilityView[]> {
    if (!applicants.length) return [];
    const policy = await this.policies.current(ctx);
    const ids = applicants.map((a) => a.person.id);
    // one connection: the three reads run one after another
    const em = await ctx.db();
    const activities = await this.repo.activitiesOf(em, ids, applicationYear);
    const integrity = await this.repo.integrityOf(em, ids);
    const certifications = await this.repo.certificationsOf(em, ids, applicationYear);
    const today = this.clock.today();
    // a batch is thousands of judgments: let other requests (and /healthz) in between slices
    return mapInSlices(applicants, YIELD_EVERY, ({ person, level }) => {
      const result = checkTitleEligibility({
        policy: policy.document,
        profile: profileOf(person),
        activities: activities.get(person.id) ?? [],
        targetLevel: level,
        applicationYear,
        integrityRecord: integrity.get(person.id) ?? [],
        today,
      });
      const view = toEligibilityView(result, policy.document, policy.revision, person, level, applicationYear, withEvaluations);
      return applyCertifications(view, certifications.get(person.id) ?? [], withEvaluations);
    });
  }
}
