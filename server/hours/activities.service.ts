// Activities recorded directly by officials (until declarations and review
// land): validated against the kind's parameters in the policy of their year.
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { type ParamValue, type PolicyVersion, validateActivityParams } from '../engine';
import { requireOfficial, requireTenant } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { errorWithMessage } from '../platform/errors';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import { withBoundedParams } from '../policy/input-bounds';
import type { PoliciesService } from '../policy/policy.service';
import type { ProfessionalsService } from '../professionals/professionals.service';
import { hoursError } from './hours.errors';
import type { HoursRepository } from './hours.repository';
import type { ActivityView, RecordActivityInput } from './hours.types';

/**
 * Checks params against the policy, within the product-wide bounds where the
 * policy leaves a parameter open; the first problem is reported with its field.
 */
export function checkParams(version: PolicyVersion, kind: string, params: Record<string, unknown>, fieldPrefix: string, clock: Clock): void {
  const [e] = validateActivityParams(withBoundedParams(version, kind, clock), kind, params as Record<string, ParamValue>);
  if (!e) return;
  if (e.code === 'UNKNOWN_KIND') throw errorWithMessage(hoursError, 'ACTIVITY_UNKNOWN_KIND', e.message, `${fieldPrefix}kind`);
  throw errorWithMessage(hoursError, 'ACTIVITY_PARAMS_INVALID', e.message, `${fieldPrefix}params.${e.field}`);
}

export class ActivitiesService {
  constructor(
    private readonly repo: HoursRepository,
    private readonly professionals: ProfessionalsService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  async record(ctx: Context, input: RecordActivityInput): Promise<ActivityView> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    this.policies.checkYear(input.year, 'year');
    const p = await this.professionals.findOneOrThrow(ctx, input.professionalId, 'professionalId');
    const policy = await this.policies.current(ctx);
    const version = this.policies.versionOrThrow(policy.document, input.year);
    checkParams(version, input.kind, input.params, '', this.clock);
    this.calendar.requireCovered(await this.calendar.current(ctx), version.kinds[input.kind], input.params);
    if (input.date && Number(input.date.slice(0, 4)) !== input.year && !version.kinds[input.kind]?.chosenYear) {
      throw hoursError('ACTIVITY_YEAR', 'date', '发生日期应在计入年度内');
    }
    const view = await this.repo.insertActivity(await ctx.db(), {
      tenantId,
      professionalId: p.id,
      kind: input.kind,
      year: input.year,
      date: input.date ?? null,
      params: input.params,
      recordedBy: actor.id,
    });
    await this.audit.record(ctx, { action: 'activity.record', entityType: 'activity', entityId: view.id, after: { professionalId: p.id, kind: view.kind, year: view.year, params: view.params } });
    return view;
  }

  async findMany(ctx: Context, professionalId: string, year: number | null, page: PageRequest): Promise<Connection<ActivityView>> {
    if (year !== null) this.policies.checkYear(year, 'year');
    const p = await this.professionals.findOneOrThrow(ctx, professionalId, 'professionalId');
    const after = decodeCursor(page.after, 2, ([y, id]) => /^\d{4}$/.test(y ?? '') && isUuid(id ?? ''));
    const em = await ctx.db();
    const rows = await this.repo.findActivities(em, p.id, year, after, page.first + 1);
    return toConnection(rows, page, (a) => [String(a.year), a.id], () => this.repo.countActivities(em, p.id, year));
  }
}
