// Completion of a year: the engine judges stored activities under the
// tenant's current policy revision; a certified year keeps the result it was
// certified with. Also the calculator, which judges what the caller describes.
import type { CalendarService } from '../calendar/calendar.service';
import { type ActivityInput, evaluateYear, type ProfileInput } from '../engine';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { type Metrics, noMetrics } from '../platform/metrics';
import { maskIdNumber } from '../platform/id-number';
import { professionalError } from '../professionals/professionals.errors';
import type { PoliciesService } from '../policy/policy.service';
import type { PolicyRevision } from '../policy/policy.repository';
import { policyError } from '../policy/policy.errors';
import { toEvaluationView } from './evaluation-view';
import { checkParams as checkParamsOf } from './activities.service';
import { profileOf, readableSubject, subjectIdNumber } from './hours-subjects';
import { findStatusFacts } from './status.repository';
import type { HoursRepository, Person } from './hours.repository';
import type { CompletionStatus, HoursEvaluation, PreviewHoursInput } from './hours.types';

export class CompletionService {
  constructor(
    private readonly repo: HoursRepository,
    private readonly policies: PoliciesService,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly metrics: Metrics = noMetrics,
  ) {}

  /** The calculator: evaluates what the caller describes; stores nothing. */
  async preview(ctx: Context, input: PreviewHoursInput, tenantCode?: string | null): Promise<HoursEvaluation> {
    this.policies.checkYear(input.year, 'year');
    input.activities.forEach((a, i) => {
      if (a.year != null) this.policies.checkYear(a.year, `activities[${i}].year`);
    });
    await this.policies.tenant(ctx, tenantCode);
    const policy = await this.policies.current(ctx);
    const calendar = await this.calendar.current(ctx);
    const activities: ActivityInput[] = input.activities.map((a, i) => {
      const year = a.year ?? input.year;
      const version = this.policies.versionOrThrow(policy.document, year, `activities[${i}].year`);
      checkParamsOf(version, a.kind, a.params, `activities[${i}].`, this.clock);
      this.calendar.requireCovered(calendar, version.kinds[a.kind], a.params, `activities[${i}].`);
      const base = { id: String(i + 1), kind: a.kind, year, params: a.params as ActivityInput['params'] };
      return a.date ? { ...base, date: a.date } : base;
    });
    this.policies.versionOrThrow(policy.document, input.year);
    const profile: ProfileInput = {
      titleLevel: input.profile.titleLevel,
      titleSeries: input.profile.titleSeries,
      flags: input.profile.flags ?? [],
    };
    if (input.profile.employerType) profile.employerType = input.profile.employerType;
    if (input.profile.titleObtainedOn) profile.titleObtainedOn = input.profile.titleObtainedOn;
    const ev = evaluateYear({ policy: policy.document, profile, activities, year: input.year, today: this.clock.today(), calendar });
    this.metrics.engineEvaluations('completion');
    return toEvaluationView(ev, policy.document, policy.revision);
  }

  /**
   * The status lookup third parties call most: one statement (status.repository.ts) brings the
   * person, the certified result or the activities, and the latest revision number.
   */
  async status(ctx: Context, idNumber: string, year: number): Promise<CompletionStatus> {
    this.policies.checkYear(year, 'year');
    const id = subjectIdNumber(ctx, idNumber);
    const facts = await findStatusFacts(await ctx.db(), id, year);
    if (!facts) throw professionalError('PROFESSIONAL_NOT_FOUND', 'idNumber');
    const person = readableSubject(ctx, facts.person);
    const answer = { idNumber: maskIdNumber(person.idNumber), name: person.name, year };
    if (facts.certified) return { ...answer, evaluation: facts.certified };
    // the revision the statement saw as the latest: cached, or read by number (a revision published anywhere counts at once)
    if (facts.latestRevision === null) throw policyError('POLICY_NOT_PUBLISHED');
    const policy = await this.policies.atRevision(ctx, facts.latestRevision);
    return { ...answer, evaluation: await this.judge(ctx, policy, person, year, facts.activities) };
  }

  /**
   * A stored person's year under the current revision (not certified); with `extra`, as it
   * would be with those activities recorded too (a declaration's preview).
   */
  async evaluate(ctx: Context, person: Person, year: number, extra: readonly ActivityInput[] = []): Promise<HoursEvaluation> {
    const policy = await this.policies.current(ctx);
    this.policies.versionOrThrow(policy.document, year);
    const recorded = (await this.repo.activitiesOf(await ctx.db(), [person.id], year)).get(person.id) ?? [];
    return this.judge(ctx, policy, person, year, extra.length ? [...recorded, ...extra] : recorded);
  }

  /** The engine's judgment of `person`'s `year` from these activities under `policy`, as the API shows it. */
  private async judge(ctx: Context, policy: PolicyRevision, person: Person, year: number, activities: readonly ActivityInput[]): Promise<HoursEvaluation> {
    this.policies.versionOrThrow(policy.document, year);
    const calendar = await this.calendar.current(ctx);
    const ev = evaluateYear({ policy: policy.document, profile: profileOf(person), activities, year, today: this.clock.today(), calendar });
    this.metrics.engineEvaluations('completion');
    return toEvaluationView(ev, policy.document, policy.revision);
  }

  /**
   * Many `evaluateById` questions at once, each answered exactly as alone: the people, the
   * policy and every recorded activity up to the latest year asked are read once, set-based,
   * then the engine runs per question on that person's activities up to its year. An answer
   * is an Error where the single question would have thrown.
   */
  async evaluateManyById(ctx: Context, questions: readonly { professionalId: string; year: number; extra: readonly ActivityInput[] }[]): Promise<(HoursEvaluation | Error)[]> {
    if (!questions.length) return [];
    const em = await ctx.db();
    const ids = [...new Set(questions.map((q) => q.professionalId))];
    const people = new Map((await this.repo.findPeopleById(em, ids)).map((p) => [p.id, p]));
    const policy = await this.policies.current(ctx);
    const recorded = await this.repo.activitiesOf(em, [...people.keys()], Math.max(...questions.map((q) => q.year)));
    const calendar = await this.calendar.current(ctx);
    const today = this.clock.today();
    let judged = 0;
    const answers = questions.map(({ professionalId, year, extra }) => {
      const person = people.get(professionalId);
      if (!person) return professionalError('PROFESSIONAL_NOT_FOUND', 'professionalId');
      try {
        this.policies.versionOrThrow(policy.document, year);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
      // as activitiesOf(person, year) would answer: its order is by (year, id), a prefix of the longer list
      const upToYear = (recorded.get(person.id) ?? []).filter((a) => a.year <= year);
      const activities = extra.length ? [...upToYear, ...extra] : upToYear;
      const ev = evaluateYear({ policy: policy.document, profile: profileOf(person), activities, year, today, calendar });
      judged++;
      return toEvaluationView(ev, policy.document, policy.revision);
    });
    this.metrics.engineEvaluations('completion', judged);
    return answers;
  }

  /** As `evaluate`, for a person given by id; the caller has checked that it may see them. */
  async evaluateById(ctx: Context, professionalId: string, year: number, extra: readonly ActivityInput[] = []): Promise<HoursEvaluation> {
    const [person] = await this.repo.findPeopleById(await ctx.db(), [professionalId]);
    if (!person) throw professionalError('PROFESSIONAL_NOT_FOUND', 'professionalId');
    return this.evaluate(ctx, person, year, extra);
  }
}
