// Activities recorded directly by officials (until declarations and review
// land): validated against the kind's parameters in the policy of their year.
import type { Context } from '../app/context';
import { AuditService } from '../audit/audit.service';
import { ActivityInput, ParamValue, validateActivityParams } from '../engine';
import { requireOfficial, requireTenant } from '../platform/access';
import { AppError } from '../platform/errors';
import { ProfessionalsService } from '../professionals/professionals.service';
import { hoursError } from './hours.errors';
import { ActivityView, RecordActivityInput } from './hours.types';
import { PoliciesService } from './policies.service';

const COLUMNS = `id, professional_id, kind, year, occurred_on::text AS occurred_on, params, source, recorded_at`;

export function toActivityView(row: any): ActivityView {
  return {
    id: row.id,
    professionalId: row.professional_id,
    kind: row.kind,
    year: row.year,
    date: row.occurred_on,
    params: row.params,
    source: row.source,
    recordedAt: row.recorded_at,
  };
}

export function toEngineActivity(row: { id: string; kind: string; year: number; occurred_on: string | null; params: Record<string, ParamValue> }): ActivityInput {
  return row.occurred_on ? { id: row.id, kind: row.kind, year: row.year, date: row.occurred_on, params: row.params } : { id: row.id, kind: row.kind, year: row.year, params: row.params };
}

/** Checks params against the policy; the first problem is reported with its field. */
export function checkParams(version: Parameters<typeof validateActivityParams>[0], kind: string, params: Record<string, unknown>, fieldPrefix: string): void {
  const errors = validateActivityParams(version, kind, params as Record<string, ParamValue>);
  if (!errors.length) return;
  const e = errors[0];
  if (e.code === 'UNKNOWN_KIND') throw new AppError('ACTIVITY_UNKNOWN_KIND', e.message, `${fieldPrefix}kind`);
  throw new AppError('ACTIVITY_PARAMS_INVALID', e.message, `${fieldPrefix}params.${e.field}`);
}

export class ActivitiesService {
  constructor(
    private readonly professionals: ProfessionalsService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
  ) {}

  async record(ctx: Context, input: RecordActivityInput): Promise<ActivityView> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    const p = await this.professionals.findOneOrThrow(ctx, input.professionalId, 'professionalId');
    const policy = await this.policies.current(ctx);
    const version = this.policies.versionOrThrow(policy.document, input.year);
    checkParams(version, input.kind, input.params, '');
    if (input.date && Number(input.date.slice(0, 4)) !== input.year && !version.kinds[input.kind].chosenYear) {
      throw hoursError('ACTIVITY_YEAR', 'date', '发生日期应在计入年度内');
    }
    const [row] = await (await ctx.db()).query(
      `INSERT INTO activity (tenant_id, professional_id, kind, year, occurred_on, params, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [tenantId, p.id, input.kind, input.year, input.date ?? null, input.params, actor.id],
    );
    const view = toActivityView(row);
    await this.audit.record(ctx, { action: 'activity.record', entityType: 'activity', entityId: view.id, after: { professionalId: p.id, kind: view.kind, year: view.year, params: view.params } });
    return view;
  }

  async findMany(ctx: Context, professionalId: string, year?: number | null): Promise<ActivityView[]> {
    const p = await this.professionals.findOneOrThrow(ctx, professionalId, 'professionalId');
    const rows = await (await ctx.db()).query(
      `SELECT ${COLUMNS} FROM activity WHERE professional_id = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year, recorded_at, id`,
      [p.id, year ?? null],
    );
    return rows.map(toActivityView);
  }
}
