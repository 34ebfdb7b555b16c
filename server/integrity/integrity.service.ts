// The title-review integrity record (职称评审诚信档案): who is on it, from when and until
// when. A bureau's fraud mark (verification/) adds an entry whose term the tenant's policy
// sets (Jining 002 四、(四)3: 3 years); title eligibility (hours/) reads the periods and
// refuses an application filed inside one. A tenant whose policy sets no term still records
// and shows the entry, and it blocks nothing: the product does not invent a sanction the
// city's documents do not impose (product decision).
import type { AuditService } from '../audit/audit.service';
import type { IntegrityPeriod } from '../engine';
import { requireOfficial, requireTenant } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import type { PoliciesService } from '../policy/policy.service';
import type { ProfessionalsService } from '../professionals/professionals.service';
import type { IntegrityRepository } from './integrity.repository';
import type { IntegrityRecordView } from './integrity.types';

/** Entries a person's list shows, newest first (far more than anyone should have; the query's size estimate). */
const MAX_LISTED = 20;

export class IntegrityService {
  constructor(
    private readonly repo: IntegrityRepository,
    private readonly policies: PoliciesService,
    private readonly professionals: ProfessionalsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The periods that can block, per person (the caller has checked it may read them). */
  async activeRecords(ctx: Context, professionalIds: readonly string[]): Promise<Map<string, IntegrityPeriod[]>> {
    return this.repo.periodsOf(await ctx.db(), professionalIds);
  }

  /**
   * Puts a person on the record from today for the policy's term, for a declaration (a bureau
   * official; the caller has checked the declaration); null when that declaration is on it already.
   */
  async record(ctx: Context, entry: { professionalId: string; declarationId: string; reason: string }): Promise<IntegrityRecordView | null> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    const policy = await this.policies.current(ctx);
    const term = policy.document.integrity ?? null;
    const record = await this.repo.insert(await ctx.db(), {
      tenantId,
      professionalId: entry.professionalId,
      declarationId: entry.declarationId,
      from: this.clock.today(),
      termYears: term?.termYears ?? null,
      reason: entry.reason,
      recordedBy: actor.id,
    });
    if (!record) return null;
    await this.audit.record(ctx, {
      action: 'integrity.record',
      entityType: 'integrity_record',
      entityId: record.id,
      after: { ...record, termYears: term?.termYears ?? null, source: term?.source ?? null },
    });
    return record;
  }

  /** A person's entries: the person, and the officials who may see them. */
  async recordsOf(ctx: Context, professionalId: string): Promise<IntegrityRecordView[]> {
    const p = await this.professionals.findOneOrThrow(ctx, professionalId, 'professionalId');
    return this.repo.findByProfessional(await ctx.db(), p.id, MAX_LISTED);
  }
}
