// Title eligibility (职称申报资格): which years the tenant's rule checks for
// the target level, each year's verdict and why. Batches of thousands of
// applicants take a few set-based queries, then the engine in memory.
import type { CalendarService } from '../calendar/calendar.service';
import type { IntegrityService } from '../integrity/integrity.service';
import { checkTitleEligibility, type PolicyDocument, type RecognizedYear } from '../engine';
import { DIRECT_APPLICATION_LEVELS, type TitleLevel, type TitleRoute } from '../engine/titles';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { commonError, errorWithMessage, idNumberError } from '../platform/errors';
import { type Metrics, noMetrics } from '../platform/metrics';
import { maskIdNumber, parseIdNumber } from '../platform/id-number';
import { onReadReplica } from '../platform/read-replica';
import { mapInSlices } from '../platform/slices';
import { isCalendarDate } from '../platform/validators';
import type { PoliciesService } from '../policy/policy.service';
import { professionalError } from '../professionals/professionals.errors';
import type { TitleApplicationsService } from '../titles/title-applications.service';
import { titleError, type TitleErrorCode } from '../titles/titles.errors';
import type { TitleApplication } from '../titles/titles.types';
import { applyCertifications, type EligibilityQuestion, toEligibilityView } from './evaluation-view';
import { canRead, findSubject, profileOf, requireReader } from './hours-subjects';
import { hoursError } from './hours.errors';
import type { HoursRepository, Person } from './hours.repository';
import type { ApplicationEligibilityItem, BatchEligibilityItem, EligibilityApplicant, TitleEligibilityView } from './hours.types';
import type { WithdrawnActivity } from './withdrawals.repository';
import { eligibilityRecordSlices } from './eligibility.repository';
import { requireAccount } from '../platform/access';

export const MAX_BATCH = 5000;

/** Judgments between two yields to the event loop (a few milliseconds of work). */
const YIELD_EVERY = 200;

/** Applicants whose records one statement reads (a batch reads slice by slice). */
const READ_SLICE = 500;

/** The application fields a caller may give inline (third parties without a stored application). */
export interface InlineApplication {
  route?: TitleRoute | null;
  filedOn?: string | null;
}

/** Years another tenant certified, moved here with people (server/moves): those the engine is given. */
export interface RecognizedYearsSource {
  recognizedOf(ctx: Context, ids: readonly string[], upToYear: number, doc: PolicyDocument): Promise<Map<string, RecognizedYear[]>>;
}

interface Judgment {
  person: Person;
  question: EligibilityQuestion;
}

export class EligibilityService {
  constructor(
    private readonly repo: HoursRepository,
    private readonly policies: PoliciesService,
    private readonly applications: TitleApplicationsService,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly integrity: IntegrityService,
    private readonly moved?: RecognizedYearsSource,
    private readonly metrics: Metrics = noMetrics,
  ) {}

  async eligibility(ctx: Context, idNumber: string, targetLevel: TitleLevel, applicationYear: number, inline: InlineApplication = {}): Promise<TitleEligibilityView> {
    this.policies.checkYear(applicationYear, 'applicationYear');
    // a scalar argument, not an input object: its calendar check is here
    if (inline.filedOn != null && !isCalendarDate(inline.filedOn)) throw errorWithMessage(commonError, 'BAD_USER_INPUT', '日期无效，应为 YYYY-MM-DD 格式的真实日期', 'filedOn');
    const question = inlineQuestion(targetLevel, applicationYear, inline);
    if (typeof question === 'string') throw titleError(question, question === 'TITLE_APPLICATION_ROUTE_LEVEL' ? 'route' : 'filedOn');
    const person = await findSubject(ctx, this.repo, idNumber);
    const [result] = await this.judge(ctx, [{ person, question }], applicationYear, true);
    if (!result) throw professionalError('PROFESSIONAL_NOT_FOUND', 'idNumber');
    return result;
  }

  /** Eligibility for a stored title application (its target, route and filing date). */
  async eligibilityOfApplication(ctx: Context, applicationId: string, field = 'applicationId'): Promise<TitleEligibilityView> {
    const application = await this.applications.findOneOrThrow(ctx, applicationId, field);
    return this.judgeApplication(ctx, application);
  }

  async judgeApplication(ctx: Context, application: TitleApplication): Promise<TitleEligibilityView> {
    const [result] = await this.judgeApplications(ctx, [application], true);
    if (!result) throw professionalError('PROFESSIONAL_NOT_FOUND', 'applicationId');
    return result;
  }

  /**
   * Several stored applications in a few set-based reads per application year (a batch, or a
   * list of applications asking for their eligibility); undefined where the caller may not
   * read the person.
   */
  async judgeApplications(ctx: Context, applications: readonly TitleApplication[], withEvaluations: boolean): Promise<(TitleEligibilityView | undefined)[]> {
    const people = new Map<string, Person>();
    const ids = [...new Set(applications.map((a) => a.professionalId))];
    for (const person of await this.repo.findPeopleById(await ctx.db(), ids)) if (canRead(ctx, person)) people.set(person.id, person);
    // judged per application year (each year's judgments share their set-based reads)
    const byYear = new Map<number, Judgment[]>();
    for (const a of applications) {
      const person = people.get(a.professionalId);
      if (!person) continue;
      const list = byYear.get(a.applicationYear) ?? [];
      list.push({ person, question: { targetLevel: a.targetLevel, applicationYear: a.applicationYear, route: a.route, filedOn: a.filedOn, applicationId: a.id } });
      byYear.set(a.applicationYear, list);
    }
    const results = new Map<string, TitleEligibilityView>();
    for (const [year, judgments] of byYear) {
      const views = await this.judge(ctx, judgments, year, withEvaluations);
      views.forEach((view, i) => results.set(judgments[i]!.question.applicationId!, view));
    }
    return applications.map((a) => results.get(a.id));
  }

  /** Eligibility for up to MAX_BATCH stored applications (officials: those in their scope). */
  async eligibilityOfApplications(ctx: Context, applicationIds: readonly string[]): Promise<ApplicationEligibilityItem[]> {
    requireAccount(ctx);
    if (applicationIds.length > MAX_BATCH) throw hoursError('BATCH_TOO_LARGE', 'applicationIds');
    const loaded = await ctx.loaders.titleApplication.loadMany([...new Set(applicationIds)]);
    const applications = loaded.filter((a): a is TitleApplication => a !== null && !(a instanceof Error));
    // a heavy read: on the read replica when one is fit for it
    const judged = await onReadReplica(ctx, (reading) => this.judgeApplications(reading, applications, false));
    const results = new Map(applications.map((a, i) => [a.id, judged[i]]));
    return applicationIds.map((applicationId) => {
      const result = results.get(applicationId);
      if (result) return { applicationId, errorCode: null, errorMessage: null, result };
      const e = titleError('TITLE_APPLICATION_NOT_FOUND');
      return { applicationId, errorCode: e.code, errorMessage: e.message, result: null };
    });
  }

  async eligibilityBatch(ctx: Context, applicants: readonly EligibilityApplicant[], applicationYear: number): Promise<BatchEligibilityItem[]> {
    requireReader(ctx);
    if (applicants.length > MAX_BATCH) throw hoursError('BATCH_TOO_LARGE', 'applicants');
    this.policies.checkYear(applicationYear, 'applicationYear');
    // a heavy read: on the read replica when one is fit for it
    return onReadReplica(ctx, (reading) => this.judgeBatch(reading, applicants, applicationYear));
  }

  private async judgeBatch(ctx: Context, applicants: readonly EligibilityApplicant[], applicationYear: number): Promise<BatchEligibilityItem[]> {
    const parsed = applicants.map((a) => ({ a, id: parseIdNumber(a.idNumber), question: inlineQuestion(a.targetLevel, applicationYear, a) }));
    const valid = parsed.flatMap((p) => (p.id.ok ? [p.id.value] : []));
    const visible = new Map<string, Person>();
    for (const person of await this.repo.findPeople(await ctx.db(), valid)) {
      if (canRead(ctx, person)) visible.set(person.idNumber, person);
    }
    const found: Judgment[] = [];
    const slot = parsed.map((p) => {
      const person = p.id.ok ? visible.get(p.id.value) : undefined;
      if (!person || typeof p.question === 'string') return -1;
      found.push({ person, question: p.question });
      return found.length - 1;
    });
    const results = await this.judge(ctx, found, applicationYear, false);
    return parsed.map(({ a, id, question }, i): BatchEligibilityItem => {
      if (!id.ok) {
        return { idNumber: maskIdNumber(a.idNumber.trim().toUpperCase()), errorCode: id.code, errorMessage: idNumberError(id.code).message, result: null };
      }
      const result = slot[i]! >= 0 ? results[slot[i]!] : undefined;
      if (!result) {
        const e = typeof question === 'string' && visible.has(id.value) ? titleError(question) : professionalError('PROFESSIONAL_NOT_FOUND');
        return { idNumber: maskIdNumber(id.value), errorCode: e.code, errorMessage: e.message, result: null };
      }
      return { idNumber: maskIdNumber(id.value), errorCode: null, errorMessage: null, result };
    });
  }

  private async judge(ctx: Context, judgments: readonly Judgment[], applicationYear: number, withEvaluations: boolean): Promise<TitleEligibilityView[]> {
    if (!judgments.length) return [];
    const policy = await this.policies.current(ctx);
    const ids = judgments.map((j) => j.person.id);
    // one connection: the reads run one after another
    const em = await ctx.db();
    const integrity = await this.integrity.activeRecords(ctx, ids);
    const certifications = await this.repo.certificationsOf(em, ids, applicationYear);
    const recognized = this.moved ? await this.moved.recognizedOf(ctx, ids, applicationYear, policy.document) : new Map<string, RecognizedYear[]>();
    const calendar = await this.calendar.current(ctx);
    const today = this.clock.today();
    const out: TitleEligibilityView[] = [];
    // the records come slice by slice, the next read while this slice is judged; within a
    // slice, other requests (and /healthz) get a turn every YIELD_EVERY judgments
    let from = 0;
    for await (const records of eligibilityRecordSlices(em, ids, applicationYear, READ_SLICE)) {
      const slice = judgments.slice(from, from + READ_SLICE);
      from += READ_SLICE;
      const views = await mapInSlices(slice, YIELD_EVERY, ({ person, question }) => {
        const record = records.get(person.id);
        const movedHere = recognized.get(person.id);
        const result = checkTitleEligibility({
          ...(movedHere ? { recognizedYears: movedHere } : {}),
          policy: policy.document,
          profile: profileOf(person),
          activities: record?.activities() ?? [],
          targetLevel: question.targetLevel,
          applicationYear,
          route: question.route,
          ...(question.filedOn !== null ? { filingDate: question.filedOn } : {}),
          integrityRecord: integrity.get(person.id) ?? [],
          today,
          calendar,
        });
        const view = toEligibilityView(result, policy.document, policy.revision, person, question, withEvaluations);
        return explainWithdrawn(applyCertifications(view, certifications.get(person.id) ?? [], withEvaluations), record?.withdrawn ?? []);
      });
      for (const view of views) out.push(view);
      this.metrics.engineEvaluations('eligibility', views.length);
    }
    return out;
  }
}

/**
 * Hours withdrawn in a checked year (fraud, a failed spot check) are why the year may now fall
 * short: the year's reason says so, and so do the reasons the person reads.
 */
function explainWithdrawn(view: TitleEligibilityView, withdrawn: readonly WithdrawnActivity[]): TitleEligibilityView {
  for (const w of withdrawn) {
    const year = view.years.find((y) => y.year === w.year);
    if (!year) continue;
    const line = `${w.year}年度一项学习（${w.kind}）的学时已撤销，不再计入：${w.reason}`;
    year.reason = `${year.reason}；${line}`;
    view.reasons.splice(Math.max(0, view.reasons.length - 1), 0, line);
  }
  return view;
}

/** The question an inline form asks, or the error code of what is wrong with it. */
function inlineQuestion(targetLevel: TitleLevel, applicationYear: number, inline: InlineApplication): EligibilityQuestion | TitleErrorCode {
  const route = inline.route ?? 'NORMAL_REVIEW';
  if (route === 'DIRECT_APPLICATION' && !DIRECT_APPLICATION_LEVELS.includes(targetLevel)) return 'TITLE_APPLICATION_ROUTE_LEVEL';
  const filedOn = inline.filedOn ?? null;
  if (filedOn !== null && Number(filedOn.slice(0, 4)) !== applicationYear) return 'TITLE_APPLICATION_FILED_OUTSIDE_YEAR';
  return { targetLevel, applicationYear, route, filedOn, applicationId: null };
}
