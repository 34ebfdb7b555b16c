// Certifying a year (认定) fixes its result under the current revision; later
// revisions do not change it, and eligibility answers use it.
import type { AuditService } from '../audit/audit.service';
import { requireOfficial, requireTenant } from '../platform/access';
import type { Context } from '../platform/context';
import type { PoliciesService } from '../policy/policy.service';
import type { ProfessionalsService } from '../professionals/professionals.service';
import type { CompletionService } from './completion.service';
import { hoursError } from './hours.errors';
import type { HoursRepository } from './hours.repository';
import type { YearCertificationView } from './hours.types';

export class CertificationService {
  constructor(
    private readonly repo: HoursRepository,
    private readonly completion: CompletionService,
    private readonly policies: PoliciesService,
    private readonly professionals: ProfessionalsService,
    private readonly audit: AuditService,
  ) {}

  async certify(ctx: Context, professionalId: string, year: number): Promise<YearCertificationView> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    // only a year that has begun (China time), and one a policy version covers (evaluate checks)
    this.policies.checkYear(year, 'year', 'current');
    const p = await this.professionals.findOneOrThrow(ctx, professionalId, 'professionalId');
    const policy = await this.policies.current(ctx);
    // as the engine sees them: with the unit's employer type and the current title's date
    const [person] = await this.repo.findPeopleById(await ctx.db(), [p.id]);
    const evaluation = await this.completion.evaluate(ctx, person!, year);
    const result = { ...evaluation, certified: true };
    const certifiedAt = await this.repo.insertCertification(await ctx.db(), {
      tenantId,
      professionalId: p.id,
      year,
      policyRevisionId: policy.id,
      complete: result.complete,
      result,
      certifiedBy: actor.id,
    });
    if (!certifiedAt) throw hoursError('YEAR_ALREADY_CERTIFIED', 'year');
    await this.audit.record(ctx, {
      action: 'year.certify',
      entityType: 'year_certification',
      entityId: `${p.id}:${year}`,
      after: { year, complete: result.complete, policyRevision: policy.revision },
    });
    return { professionalId: p.id, year, complete: result.complete, policyRevision: policy.revision, certifiedAt };
  }
}
