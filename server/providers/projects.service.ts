// Training providers (继续教育基地、施教机构) and the platform's own courses: the projects they
// file, judged against the tenant's filing lead time, and the reads of projects and
// completions. Completions are reported in batches (report.service) and credited without
// review (DOMAIN §5), as activities of the policy kind the project names.
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { KindSpec, PolicyVersion } from '../engine';
import { dayNumber } from '../engine/working-days';
import { checkParams } from '../hours/activities.service';
import { requireTenant } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { type Connection, decodeCursor, emptyConnection, type PageRequest, toConnection } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import type { PoliciesService } from '../policy/policy.service';
import type { CompletionsRepository } from './completions.repository';
import { judgeFilingLead } from './filing-lead';
import { canReadProject, readableProjects, requireReporter } from './provider-access';
import { providerError } from './providers.errors';
import type { ProvidersRepository, StoredProject } from './providers.repository';
import type { FileTrainingProjectInput, TrainingCompletion, TrainingProject, TrainingProjectFilter } from './providers.types';

/** The activity parameters a project fills in itself, and the one its hours go under. */
interface ProjectParams {
  params: Record<string, unknown>;
  hoursParam: string;
}

export class ProjectsService {
  constructor(
    private readonly repo: ProvidersRepository,
    private readonly completions: CompletionsRepository,
    private readonly policies: PoliciesService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Files a project. It is kept even when filed too late for the tenant's lead time; its
   * completions then earn no hours, and the project says why.
   */
  async file(ctx: Context, input: FileTrainingProjectInput): Promise<TrainingProject> {
    const who = requireReporter(ctx);
    const tenantId = requireTenant(ctx);
    if (input.endDate < input.startDate) throw providerError('TRAINING_PROJECT_DATES', 'endDate', '结束日期不能早于开班日期');
    const year = Number(input.startDate.slice(0, 4));
    if (Number(input.endDate.slice(0, 4)) !== year) throw providerError('TRAINING_PROJECT_DATES', 'endDate', '跨年度的培训请按年度分别备案');
    this.policies.checkYear(year, 'startDate');
    const doc = (await this.policies.current(ctx)).document;
    const version = this.policies.versionOrThrow(doc, year, 'startDate');
    const kind = trainingKind(version, input.kind);
    const filedOn = this.clock.today();
    const { params, hoursParam } = projectParams(kind, input, filedOn);
    checkParams(version, input.kind, { ...params, [hoursParam]: input.hours }, '', this.clock);
    const lead = judgeFilingLead(doc, await this.calendar.current(ctx), filedOn, input.startDate);
    const project = await this.repo.insertProject(await ctx.db(), {
      tenantId,
      source: who.source,
      providerClientId: who.clientId,
      title: input.title.trim(),
      kind: input.kind,
      kindName: kind.name,
      subject: kind.subject as 'PUBLIC' | 'PROFESSIONAL',
      hours: input.hours,
      params,
      hoursParam,
      startDate: input.startDate,
      endDate: input.endDate,
      audience: input.audience.trim(),
      venue: input.venue.trim(),
      filedBy: who.actorId,
      filedOn,
      ...lead,
    });
    await this.audit.record(ctx, {
      action: 'training.file',
      entityType: 'training_project',
      entityId: project.id,
      after: { title: project.title, kind: project.kind, hours: project.hours, startDate: project.startDate, onTime: project.onTime, lateReason: project.lateReason },
    });
    return project;
  }

  async findOne(ctx: Context, id: string): Promise<TrainingProject | null> {
    readableProjects(ctx);
    if (!isUuid(id)) return null;
    const project = await this.repo.findProject(await ctx.db(), id);
    return project && canReadProject(ctx, project) ? project : null;
  }

  async findMany(ctx: Context, filter: TrainingProjectFilter, page: PageRequest): Promise<Connection<TrainingProject>> {
    if (filter.providerId && !isUuid(filter.providerId)) return emptyConnection(page);
    const scope = readableProjects(ctx, { providerClientId: filter.providerId ?? undefined });
    // a provider naming another provider asks for what it may not see: nothing, not its own list
    if (filter.providerId && scope.providerClientId !== filter.providerId) return emptyConnection(page);
    const after = decodeCursor(page.after, 2, ([at, id]) => !Number.isNaN(Date.parse(at!)) && isUuid(id!));
    const f = { ...scope, source: filter.source, year: filter.year, onTime: filter.onTime };
    const em = await ctx.db();
    const rows = await this.repo.findProjects(em, f, after, page.first + 1);
    return toConnection<StoredProject>(rows, page, (p) => p.key, () => this.repo.countProjects(em, f));
  }

  /** A project's completions, for the provider that filed it and the bureau. */
  async completionsOf(ctx: Context, projectId: string, page: PageRequest): Promise<Connection<TrainingCompletion>> {
    const project = await this.findOne(ctx, projectId);
    if (!project) throw providerError('TRAINING_PROJECT_NOT_FOUND', 'projectId');
    const after = decodeCursor(page.after, 1, ([id]) => isUuid(id!));
    const em = await ctx.db();
    const rows = await this.completions.findMany(em, project.id, after?.[0] ?? null, page.first + 1);
    return toConnection(rows, page, (c) => [c.professionalId], () => this.completions.count(em, project.id));
  }
}

/** The kind a project credits as: counted in actual hours, of one subject. */
function trainingKind(version: PolicyVersion, code: string): KindSpec {
  const kind = Object.hasOwn(version.kinds, code) ? version.kinds[code] : undefined;
  if (!kind) throw providerError('TRAINING_PROJECT_KIND', 'kind', `${version.fromYear}年起的政策中没有“${code}”`);
  if (kind.rule.type !== 'actualHours' || (kind.subject !== 'PUBLIC' && kind.subject !== 'PROFESSIONAL')) {
    throw providerError('TRAINING_PROJECT_KIND', 'kind', `“${kind.name}”不按实际学时计算或不单独计入公需、专业科目`);
  }
  return kind;
}

/**
 * The activity parameters of every completion of the project: the caller's, then what the
 * platform knows better — the filing and start dates a working-day condition compares (so the
 * engine judges the lead time the same way), the days of a per-day cap, and the title for a
 * required text (the project's name).
 */
function projectParams(kind: KindSpec, input: FileTrainingProjectInput, filedOn: string): ProjectParams {
  if (kind.rule.type !== 'actualHours') throw new Error('not a training kind');
  const params: Record<string, unknown> = { ...(input.params ?? {}) };
  for (const c of kind.conditions ?? []) {
    if (c.check !== 'workingDaysBefore') continue;
    params[c.param] = filedOn;
    params[c.beforeParam] = input.startDate;
  }
  if (kind.rule.daysParam) params[kind.rule.daysParam] = dayNumber(input.endDate) - dayNumber(input.startDate) + 1;
  for (const p of kind.params) {
    if (p.required && p.type === 'string' && params[p.name] === undefined) params[p.name] = input.title.trim();
  }
  const hoursParam = kind.rule.hoursParam;
  delete params[hoursParam];
  return { params, hoursParam };
}
