// Title applications (职称申报) as records: who applies for which level and
// series, in which year, by which route, and when the materials were filed.
// Eligibility is judged for an application (hours after the filing date do
// not count where the tenant says so). Officials in scope and the applicant
// themself may create and change one; every change is audited.
import type { AuditService } from '../audit/audit.service';
import { DIRECT_APPLICATION_LEVELS, type TitleLevel, type TitleRoute } from '../engine/titles';
import { requireAccount, requireTenant } from '../platform/access';
import { scopeOf } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { commonError } from '../platform/errors';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { uniqueViolation } from '../platform/pg-errors';
import { isUuid } from '../platform/uuid';
import type { PoliciesService } from '../policy/policy.service';
import type { ProfessionalsService } from '../professionals/professionals.service';
import { titleError } from './titles.errors';
import type { TitlesRepository } from './titles.repository';
import {
  type CreateTitleApplicationInput,
  TitleApplication,
  TitleApplicationStatus,
  type UpdateTitleApplicationInput,
} from './titles.types';

/** Applications one person may file in one year, withdrawn ones included. */
export const MAX_APPLICATIONS_A_YEAR = 10;

export class TitleApplicationsService {
  constructor(
    private readonly repo: TitlesRepository,
    private readonly professionals: ProfessionalsService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** An application the caller may see (officials in scope, the applicant), or null. */
  async findOne(ctx: Context, id: string): Promise<TitleApplication | null> {
    requireAccount(ctx);
    const application = await ctx.loaders.titleApplication.load(id);
    if (!application) return null;
    return (await this.professionals.findOne(ctx, application.professionalId)) ? application : null;
  }

  async findOneOrThrow(ctx: Context, id: string, field = 'id'): Promise<TitleApplication> {
    const found = await this.findOne(ctx, id);
    if (!found) throw titleError('TITLE_APPLICATION_NOT_FOUND', field);
    return found;
  }

  /** A year's applications in the caller's part of the tree (a professional: their own), by id. */
  async findMany(
    ctx: Context,
    filter: { applicationYear: number; professionalId?: string | null; status?: TitleApplicationStatus | null },
    page: PageRequest,
  ): Promise<Connection<TitleApplication>> {
    const actor = requireAccount(ctx);
    this.policies.checkYear(filter.applicationYear, 'applicationYear');
    const scope = scopeOf(actor);
    if (scope.kind === 'NONE') throw commonError('FORBIDDEN');
    let professionalId = filter.professionalId ?? null;
    if (professionalId) professionalId = (await this.professionals.findOneOrThrow(ctx, professionalId, 'professionalId')).id;
    if (scope.kind === 'SELF') professionalId = scope.professionalId;
    const after = decodeCursor(page.after, 1, ([id]) => isUuid(id!))?.[0] ?? null;
    const query = {
      applicationYear: filter.applicationYear,
      path: scope.kind === 'SUBTREE' ? scope.path : null,
      professionalId,
      status: filter.status ?? null,
    };
    const em = await ctx.db();
    const rows = await this.repo.findApplicationPage(em, query, after, page.first + 1);
    for (const row of rows) ctx.loaders.titleApplication.prime(row.id, row);
    return toConnection(rows, page, (r) => [r.id], () => this.repo.countApplicationPage(em, query));
  }

  async create(ctx: Context, input: CreateTitleApplicationInput): Promise<TitleApplication> {
    const actor = requireAccount(ctx);
    const tenantId = requireTenant(ctx);
    const person = await this.professionals.findOneOrThrow(ctx, input.professionalId, 'professionalId');
    this.policies.checkYear(input.applicationYear, 'applicationYear');
    checkRoute(input.route, input.targetLevel);
    const filedOn = input.filedOn ?? null;
    if (filedOn !== null) this.checkFiledOn(filedOn, input.applicationYear);
    const em = await ctx.db();
    // withdrawn applications stay on record: a bounded number a year, counted under the person's lock
    await this.repo.lockProfessional(em, person.id);
    if ((await this.repo.countApplications(em, person.id, input.applicationYear)) >= MAX_APPLICATIONS_A_YEAR) {
      throw titleError('TITLE_APPLICATION_LIMIT', 'applicationYear');
    }
    const created = await this.guardDuplicate(() =>
      this.repo.insertApplication(
        em,
        tenantId,
        { professionalId: person.id, targetLevel: input.targetLevel, targetSeries: input.targetSeries, applicationYear: input.applicationYear, route: input.route, filedOn },
        actor.id,
      ),
    );
    await this.audit.record(ctx, { action: 'titleApplication.create', entityType: 'title_application', entityId: created.id, after: snapshot(created) });
    ctx.loaders.titleApplication.prime(created.id, created);
    return created;
  }

  async update(ctx: Context, input: UpdateTitleApplicationInput): Promise<TitleApplication> {
    const before = await this.findOneOrThrow(ctx, input.id);
    if (before.status === TitleApplicationStatus.WITHDRAWN) throw titleError('TITLE_APPLICATION_WITHDRAWN', 'id');
    checkRoute(input.route ?? before.route, input.targetLevel ?? before.targetLevel, input.route ? 'route' : 'targetLevel');
    if (input.filedOn) this.checkFiledOn(input.filedOn, before.applicationYear);
    const em = await ctx.db();
    const updated = await this.guardDuplicate(() =>
      this.repo.updateApplication(em, before.id, input.version, {
        targetLevel: input.targetLevel ?? undefined,
        targetSeries: input.targetSeries ?? undefined,
        route: input.route ?? undefined,
        filedOn: input.filedOn === undefined ? undefined : input.filedOn,
        status: input.status ?? undefined,
      }),
    );
    if (!updated) throw commonError('VERSION_CONFLICT', 'version');
    await this.audit.record(ctx, {
      action: input.status === TitleApplicationStatus.WITHDRAWN ? 'titleApplication.withdraw' : 'titleApplication.update',
      entityType: 'title_application',
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(updated),
    });
    ctx.loaders.titleApplication.clear(before.id).prime(before.id, updated);
    return updated;
  }

  private checkFiledOn(filedOn: string, applicationYear: number): void {
    if (Number(filedOn.slice(0, 4)) !== applicationYear) throw titleError('TITLE_APPLICATION_FILED_OUTSIDE_YEAR', 'filedOn');
    if (filedOn > this.clock.today()) throw titleError('TITLE_APPLICATION_FILED_IN_FUTURE', 'filedOn');
  }

  private async guardDuplicate<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (uniqueViolation(error) === 'title_application_one_active') throw titleError('TITLE_APPLICATION_DUPLICATE', 'targetLevel');
      throw error;
    }
  }
}

/** Direct application (直接申报) is only for the junior and assistant levels (000 四、1). */
export function checkRoute(route: TitleRoute, targetLevel: TitleLevel, field = 'route'): void {
  if (targetLevel === 'NONE') throw titleError('TITLE_LEVEL_REQUIRED', 'targetLevel');
  if (route === 'DIRECT_APPLICATION' && !DIRECT_APPLICATION_LEVELS.includes(targetLevel)) throw titleError('TITLE_APPLICATION_ROUTE_LEVEL', field);
}

function snapshot(a: TitleApplication) {
  return {
    professionalId: a.professionalId,
    targetLevel: a.targetLevel,
    targetSeries: a.targetSeries,
    applicationYear: a.applicationYear,
    route: a.route,
    filedOn: a.filedOn,
    status: a.status,
    version: a.version,
  };
}
