// Issuing a certificate from certified years (认定的年度) only. Which years make one is the
// tenant's policy (`certificates.scope`): YEAR — one certificate per year, any certified year
// (Jining's 学时证明, 002 四、(五)); TITLE_WINDOW — one certificate covering exactly the years
// the title panel requires for the application, never one a year (Binzhou's 合格证, 004
// 三、(四)). `requireComplete` limits it to complete years. The professional asks for their
// own; officials issue for the people in their scope. The certificate is a snapshot: holder,
// masked ID number, each year's hours as certified, the bureau as issuing body, today's date
// (China), the policy revisions, a random code, and the activities the years counted (its
// basis: a later withdrawal of one revokes it). Asking again for the same years and purpose
// while a certificate is valid answers that certificate. One transaction; audited.
import type { AuditService } from '../audit/audit.service';
import type { TitleLevel } from '../engine/titles';
import type { EligibilityService } from '../hours/eligibility.service';
import { requireAccount, requireTenant } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { maskIdNumber } from '../platform/id-number';
import { isUuid } from '../platform/uuid';
import type { PoliciesService } from '../policy/policy.service';
import type { Professional } from '../professionals/professionals.types';
import { newRandomCode as newCertificateCode } from '../platform/random-code';
import { yearRange } from './certificate-format';
import type { CertificateLine } from './certificate-record';
import { certificateError } from './certificates.errors';
import type { CertifiedYear, CertificatesRepository } from './certificates.repository';
import { certificatePolicyOf, type CertificatesService, toCertificate } from './certificates.service';
import type { Certificate, IssueCertificateInput } from './certificates.types';

export class CertificateIssueService {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly certificates: CertificatesService,
    private readonly policies: PoliciesService,
    private readonly eligibility: EligibilityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async issue(ctx: Context, input: IssueCertificateInput): Promise<Certificate> {
    const actor = requireAccount(ctx);
    const tenantId = requireTenant(ctx);
    const person = await this.certificates.subject(ctx, input.professionalId, 'input.professionalId');
    const policy = await this.policies.current(ctx);
    const rule = certificatePolicyOf(policy.document);
    const purpose = rule.scope === 'TITLE_WINDOW' ? await this.windowPurpose(ctx, person, input) : null;
    const years = purpose ? purpose.years : this.singleYear(input);

    const em = await ctx.db();
    const certified = await this.repo.lockCertifiedYears(em, person.id, years);
    for (const year of years) {
      const y = certified.find((c) => c.year === year);
      if (!y) throw certificateError('CERTIFICATE_YEAR_NOT_CERTIFIED', 'input.years', `${year}年度`);
      if (rule.requireComplete && !y.complete) throw certificateError('CERTIFICATE_YEAR_NOT_COMPLETE', 'input.years', `${year}年度`);
    }
    const targetLevel = purpose?.targetLevel ?? null;
    const applicationYear = purpose?.applicationYear ?? null;
    const existing = await this.repo.findValidSame(em, person.id, years, targetLevel, applicationYear);
    if (existing) return toCertificate(existing, this.certificates.settings.publicBaseUrl);

    const issuingBody = await this.repo.bureauName(em);
    if (!issuingBody) throw certificateError('CERTIFICATE_NO_ISSUER');
    const policyRevisions = [...new Set([...certified.map((c) => c.policyRevision), policy.revision])].sort((a, b) => a - b);
    const id = await this.repo.insert(em, {
      tenantId,
      professionalId: person.id,
      code: newCertificateCode(),
      scope: rule.scope,
      title: rule.title,
      holderName: person.name,
      idNumberMasked: maskIdNumber(person.idNumber),
      years,
      lines: certified.map(toLine),
      issuingBody,
      issuedOn: this.clock.today(),
      policyRevisions,
      targetLevel,
      applicationYear,
      issuedBy: actor.id,
      basis: basisOf(certified),
    });
    const record = await this.repo.findOne(em, id);
    await this.audit.record(ctx, {
      action: 'certificate.issue',
      entityType: 'certificate',
      entityId: id,
      after: { professionalId: person.id, scope: rule.scope, title: rule.title, years, targetLevel, applicationYear, policyRevisions, source: rule.source },
    });
    return toCertificate(record!, this.certificates.settings.publicBaseUrl);
  }

  /** YEAR: exactly one year, one that has begun. */
  private singleYear(input: IssueCertificateInput): number[] {
    const years = input.years ?? [];
    if (years.length === 0) throw certificateError('CERTIFICATE_YEARS_REQUIRED', 'input.years');
    if (years.length > 1) throw certificateError('CERTIFICATE_ONE_YEAR', 'input.years');
    this.policies.checkYear(years[0]!, 'input.years', 'current');
    return [years[0]!];
  }

  /**
   * TITLE_WINDOW: the years the title rule checks for this application (its window, shortened
   * as the rule says); `years`, when given, must be exactly those.
   */
  private async windowPurpose(ctx: Context, person: Professional, input: IssueCertificateInput): Promise<{ years: number[]; targetLevel: TitleLevel; applicationYear: number }> {
    const { targetLevel, applicationYear } = input;
    if (!targetLevel) throw certificateError('CERTIFICATE_WINDOW_REQUIRED', 'input.targetLevel');
    if (applicationYear == null) throw certificateError('CERTIFICATE_WINDOW_REQUIRED', 'input.applicationYear');
    const judged = await this.eligibility.eligibility(ctx, person.idNumber, targetLevel, applicationYear, { route: input.route ?? null });
    const window = [...judged.yearsChecked].sort((a, b) => a - b);
    if (window.length === 0) throw certificateError('CERTIFICATE_NO_WINDOW', 'input.targetLevel');
    const asked = input.years ? [...input.years].sort((a, b) => a - b) : window;
    if (asked.join() !== window.join()) throw certificateError('CERTIFICATE_YEARS_NOT_WINDOW', 'input.years', `申报${applicationYear}年度须为${yearRange(window)}`);
    return { years: window, targetLevel, applicationYear };
  }
}

function toLine(c: CertifiedYear): CertificateLine {
  const publicHours = c.result.public.credited;
  const professionalHours = c.result.professional.credited;
  return {
    year: c.year,
    regime: c.result.regime,
    publicHours,
    professionalHours,
    totalHours: Math.round((publicHours + professionalHours) * 100) / 100,
    complete: c.complete,
    policyRevision: c.policyRevision,
  };
}

/**
 * The activities the certified years were judged with: every activity of each year's
 * certified evaluation and those that exempted it. The same rule as a certified year's:
 * withdrawing any of them revokes the year's certification, and so the certificate.
 */
function basisOf(certified: readonly CertifiedYear[]): string[] {
  const ids = new Set<string>();
  for (const c of certified) {
    for (const a of c.result.activities) ids.add(a.activityId);
    for (const e of c.result.exemptions) if (e.activityId) ids.add(e.activityId);
  }
  return [...ids].filter(isUuid);
}
