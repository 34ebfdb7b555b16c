// Spot checks (随机抽查, 001 六、(三)): the bureau draws a reproducible random sample of a
// year's recorded declarations — a stated percentage of each department's, by a seed anyone
// can re-run — and records each item's re-check once. A failed re-check revokes the
// declaration (its hours are withdrawn with the reason, which the person reads on it and in
// their title eligibility); a passed one changes nothing.
import type { AuditService } from '../audit/audit.service';
import type { DeclarationsService } from '../declarations/declarations.service';
import { requireOfficial, requireTenant } from '../platform/access';
import type { Context } from '../platform/context';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import type { PoliciesService } from '../policy/policy.service';
import type { DrawQuery, SpotChecksRepository } from './spot-checks.repository';
import { verificationError } from './verification.errors';
import { checkReason, type VerificationService } from './verification.service';
import type { DrawSpotCheckInput, SpotCheckItemView, SpotCheckOutcome, SpotCheckView } from './verification.types';

/** The most items one draw may take (a larger one is refused, not cut: the sample must be what the percentage says). */
export const MAX_SPOT_CHECK_ITEMS = 10_000;
const SEED = /^[A-Za-z0-9_-]{1,64}$/;

export class SpotChecksService {
  constructor(
    private readonly repo: SpotChecksRepository,
    private readonly verification: VerificationService,
    private readonly declarations: DeclarationsService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
  ) {}

  async draw(ctx: Context, input: DrawSpotCheckInput): Promise<SpotCheckView> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    this.policies.checkYear(input.year, 'input.year', 'current');
    const p = input.percentage;
    if (!Number.isFinite(p) || p <= 0 || p > 100 || Number(p.toFixed(3)) !== p) throw verificationError('SPOT_CHECK_PERCENTAGE', 'input.percentage');
    if (!SEED.test(input.seed)) throw verificationError('SPOT_CHECK_SEED', 'input.seed');
    const em = await ctx.db();
    let departmentIds: string[] | null = null;
    if (input.departmentIds) {
      departmentIds = [...new Set(input.departmentIds)];
      const known = departmentIds.every(isUuid) ? await this.repo.groupIds(em, departmentIds) : new Set<string>();
      const unknown = departmentIds.find((id) => !known.has(id));
      if (!departmentIds.length || unknown !== undefined) throw verificationError('SPOT_CHECK_DEPARTMENT_INVALID', 'input.departmentIds', unknown);
    }
    const query: DrawQuery = { year: input.year, seed: input.seed, departmentIds, percentage: p };
    const groups = await this.repo.drawSize(em, query);
    const size = groups.reduce((n, g) => n + g.drawn, 0);
    if (size === 0) throw verificationError('SPOT_CHECK_EMPTY', 'input.year');
    if (size > MAX_SPOT_CHECK_ITEMS) throw verificationError('SPOT_CHECK_TOO_LARGE', 'input.percentage', `本次将抽取 ${size} 条`);
    const drawn = await this.repo.insertDraw(em, query, tenantId, actor.id);
    // declarations recorded between the two reads: the stored count is the one that counts
    if (drawn.itemCount > MAX_SPOT_CHECK_ITEMS) throw verificationError('SPOT_CHECK_TOO_LARGE', 'input.percentage', `本次将抽取 ${drawn.itemCount} 条`);
    const check = (await this.repo.findCheck(em, drawn.id))!;
    await this.audit.record(ctx, {
      action: 'spot_check.draw',
      entityType: 'spot_check',
      entityId: check.id,
      after: { year: check.year, percentage: check.percentage, seed: check.seed, departmentIds, population: check.population, itemCount: check.itemCount },
    });
    return check;
  }

  /** Records an item's re-check, once; a failed one revokes the declaration (unless revoked already, e.g. marked fraudulent). */
  async recordOutcome(ctx: Context, itemId: string, passed: boolean, reason: string | null | undefined): Promise<SpotCheckItemView> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const text = passed ? reason?.trim() || null : checkReason(reason);
    if (text !== null && text.length > 500) throw verificationError('VERIFICATION_REASON_REQUIRED', 'reason');
    const em = await ctx.db();
    const item = isUuid(itemId) ? await this.repo.findItem(em, itemId) : null;
    if (!item) throw verificationError('SPOT_CHECK_ITEM_NOT_FOUND', 'itemId');
    if (!(await this.repo.decide(em, item.id, passed ? 'PASSED' : 'FAILED', text, actor.id))) throw verificationError('SPOT_CHECK_ALREADY_DECIDED', 'itemId');
    let revoked = false;
    if (!passed) {
      const d = await this.declarations.findOneOrThrow(ctx, item.declarationId, 'itemId');
      if (d.status !== 'REVOKED') {
        await this.verification.revoke(ctx, actor, d, 'SPOT_CHECK_FAILED', `抽查复核未通过：${text}`);
        revoked = true;
      }
    }
    const after = (await this.repo.findItem(em, item.id))!;
    await this.audit.record(ctx, {
      action: 'spot_check.outcome',
      entityType: 'spot_check_item',
      entityId: item.id,
      before: { outcome: item.outcome },
      after: { spotCheckId: item.spotCheckId, declarationId: item.declarationId, outcome: after.outcome, reason: text, declarationRevoked: revoked },
    });
    return after;
  }

  async findMany(ctx: Context, page: PageRequest): Promise<Connection<SpotCheckView>> {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const after = decodeCursor(page.after, 1, ([n]) => /^\d{1,19}$/.test(n ?? ''))?.[0] ?? null;
    const em = await ctx.db();
    const rows = await this.repo.checkPage(em, after, page.first + 1);
    return toConnection(rows, page, (c) => [c.checkNo], () => this.repo.countChecks(em));
  }

  async findOne(ctx: Context, id: string): Promise<SpotCheckView> {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const check = isUuid(id) ? await this.repo.findCheck(await ctx.db(), id) : null;
    if (!check) throw verificationError('SPOT_CHECK_NOT_FOUND', 'id');
    return check;
  }

  async items(ctx: Context, check: SpotCheckView, outcome: SpotCheckOutcome | null, page: PageRequest): Promise<Connection<SpotCheckItemView>> {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const after = decodeCursor(page.after, 2, ([g, n]) => isUuid(g ?? '') && /^\d{1,9}$/.test(n ?? ''));
    const em = await ctx.db();
    const rows = await this.repo.itemPage(em, check.id, outcome, after, page.first + 1);
    return toConnection(rows, page, (i) => [i.departmentId, String(i.position)], () => this.repo.countItems(em, check.id, outcome));
  }
}
