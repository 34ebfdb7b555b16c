// Recorded activities: what counts in completion and eligibility. Nothing is recorded
// directly: a declaration (declarations/) becomes an activity when the last level of its
// review chain approves it (an official's own record enters the chain at their level).
// Also the one check of an activity's kind, parameters and date, which declarations,
// officials' records and the calculator share.
import type { CalendarService } from '../calendar/calendar.service';
import { type ParamValue, type PolicyVersion, validateActivityParams } from '../engine';
import { requireTenant } from '../platform/access';
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
import type { ActivityView } from './hours.types';
import { revokeCertification, withdrawDeclaredActivity } from './withdrawals.repository';

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

/** An activity to check: as declared or recorded. */
export interface ActivityToCheck {
  kind: string;
  year: number;
  date?: string | null;
  params: Record<string, unknown>;
}

/** A declaration's content as its activity is recorded. */
export interface DeclaredActivity {
  declarationId: string;
  professionalId: string;
  kind: string;
  year: number;
  date: string | null;
  params: Record<string, unknown>;
  recordedBy: string;
  submittedAt: Date;
  adjusted: { PUBLIC: number; PROFESSIONAL: number } | null;
}

export class ActivitiesService {
  constructor(
    private readonly repo: HoursRepository,
    private readonly professionals: ProfessionalsService,
    private readonly policies: PoliciesService,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * Checks an activity as it would be recorded — the year, a policy version for it, the kind and
   * its parameters (within the product-wide bounds), the working-day calendar it needs, and a
   * date inside the year (unless the kind lets the person choose the year) — and returns the
   * policy version. `prefix` names the input's fields (`''`, `activities[0].`).
   */
  async checkActivity(ctx: Context, a: ActivityToCheck, prefix = ''): Promise<PolicyVersion> {
    this.policies.checkYear(a.year, `${prefix}year`);
    const policy = await this.policies.current(ctx);
    const version = this.policies.versionOrThrow(policy.document, a.year, `${prefix}year`);
    checkParams(version, a.kind, a.params, prefix, this.clock);
    this.calendar.requireCovered(await this.calendar.current(ctx), version.kinds[a.kind], a.params, prefix);
    if (a.date && Number(a.date.slice(0, 4)) !== a.year && !version.kinds[a.kind]?.chosenYear) {
      throw hoursError('ACTIVITY_YEAR', `${prefix}date`, '发生日期应在计入年度内');
    }
    return version;
  }

  /**
   * Records the activity a declaration became when the last level of its chain approved it:
   * same id as the declaration, source DECLARATION, the reviewer's adjusted hours if any, and
   * recorded on the day it was submitted (the day the platform learnt of it: a title deadline
   * such as a filing date compares that day, not how long the review took).
   */
  async recordDeclared(ctx: Context, d: DeclaredActivity): Promise<ActivityView> {
    const tenantId = requireTenant(ctx);
    return this.repo.insertActivity(await ctx.db(), {
      tenantId,
      id: d.declarationId,
      declarationId: d.declarationId,
      source: 'DECLARATION',
      professionalId: d.professionalId,
      kind: d.kind,
      year: d.year,
      date: d.date,
      params: d.params,
      recordedBy: d.recordedBy,
      recordedAt: d.submittedAt,
      adjusted: d.adjusted,
    });
  }

  /**
   * Withdraws the hours a recorded declaration became (fraud, a failed spot check): the
   * activity stops counting, and a certified year that counted it is revoked, to be judged
   * (and certified) again without it. The caller has checked its right to do so.
   */
  async withdrawDeclared(ctx: Context, declarationId: string, reason: string): Promise<{ year: number; certificationRevoked: boolean } | null> {
    const em = await ctx.db();
    const withdrawn = await withdrawDeclaredActivity(em, declarationId, reason);
    if (!withdrawn) return null;
    const certificationRevoked = await revokeCertification(em, withdrawn.professionalId, withdrawn.year, `学时撤销：${reason}`);
    return { year: withdrawn.year, certificationRevoked };
  }

  /** As `recordDeclared` for each, in one statement (a bulk approval at the last level). */
  async recordDeclaredMany(ctx: Context, ds: readonly DeclaredActivity[]): Promise<void> {
    const tenantId = requireTenant(ctx);
    await this.repo.insertDeclaredActivities(
      await ctx.db(),
      tenantId,
      ds.map((d) => ({ ...d, recordedAt: d.submittedAt })),
    );
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
