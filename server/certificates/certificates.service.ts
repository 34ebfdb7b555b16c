// Certificates (学时证明 / 继续教育合格证): what a person may be issued, their certificates,
// one certificate, and its PDF. Issuing is certificate-issue.service.ts; the public
// verification page, certificate-verify.service.ts. A certificate follows its holder: the person sees
// theirs, officials those of the people in their scope (as they see the people).
import { citationText, type CertificatePolicy, type PolicyDocument } from '../engine';
import { canSeeProfessional, requireAccount } from '../platform/access';
import type { Context } from '../platform/context';
import { commonError } from '../platform/errors';
import { type Connection, decodeCursor, emptyConnection, type PageRequest, toConnection } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import type { PoliciesService } from '../policy/policy.service';
import { professionalError } from '../professionals/professionals.errors';
import type { Professional } from '../professionals/professionals.types';
import type { ProfessionalsService } from '../professionals/professionals.service';
import type { CertificateRecord } from './certificate-record';
import type { CertificatesRepository } from './certificates.repository';
import type { Certificate, CertificateOptions } from './certificates.types';

/** A tenant whose policy says nothing issues per-year hour certificates (product decision). */
export function certificatePolicyOf(doc: PolicyDocument): CertificatePolicy {
  return (
    doc.certificates ?? {
      scope: 'YEAR',
      title: `${doc.name}专业技术人员继续教育学时证明`,
      requireComplete: false,
      source: '平台默认：政策未规定证书时按年度出具学时证明（产品决定）',
    }
  );
}

/** created_at as PostgreSQL prints it (`2026-05-01 08:30:00.123456+00`), the first half of a list cursor. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

export interface CertificateSettings {
  /** PUBLIC_BASE_URL, or null: the verification address is then a path (and, in PDFs, the request's origin). */
  publicBaseUrl: string | null;
}

export function verifyPath(code: string): string {
  return `/verify/${code}`;
}

export function toCertificate(r: CertificateRecord, publicBaseUrl: string | null): Certificate {
  return {
    id: r.id,
    professionalId: r.professionalId,
    code: r.code,
    scope: r.scope,
    title: r.title,
    holderName: r.holderName,
    idNumber: r.idNumber,
    years: r.years,
    lines: r.lines,
    issuingBody: r.issuingBody,
    issuedOn: r.issuedOn,
    policyRevisions: r.policyRevisions,
    targetLevel: r.targetLevel,
    applicationYear: r.applicationYear,
    issuedAt: r.createdAt,
    status: r.revokedAt ? 'REVOKED' : 'VALID',
    revokedAt: r.revokedAt,
    downloadUrl: `/certificates/${r.id}/pdf`,
    verifyUrl: `${publicBaseUrl ?? ''}${verifyPath(r.code)}`,
  };
}

export class CertificatesService {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly professionals: ProfessionalsService,
    private readonly policies: PoliciesService,
    readonly settings: CertificateSettings,
  ) {}

  /**
   * The person a certificate question is about: `professionalId`, or the signed-in
   * professional when it is omitted; PROFESSIONAL_NOT_FOUND outside the caller's scope.
   */
  async subject(ctx: Context, professionalId: string | null | undefined, field: string): Promise<Professional> {
    const actor = requireAccount(ctx);
    const id = professionalId ?? actor.professionalId;
    if (!id) throw commonError('BAD_USER_INPUT', field, '请指定专业技术人员');
    if (!isUuid(id)) throw professionalError('PROFESSIONAL_NOT_FOUND', field);
    return this.professionals.findOneOrThrow(ctx, id, field);
  }

  /** What the tenant's policy issues, and the person's certified years to choose from. */
  async options(ctx: Context, professionalId: string | null | undefined): Promise<CertificateOptions> {
    const p = await this.subject(ctx, professionalId, 'professionalId');
    const doc = (await this.policies.current(ctx)).document;
    const rule = certificatePolicyOf(doc);
    return {
      scope: rule.scope,
      title: rule.title,
      requireComplete: rule.requireComplete,
      source: doc.certificates ? citationText(doc.sources, rule.source) : rule.source,
      certifiedYears: await this.repo.certifiedYears(await ctx.db(), p.id),
    };
  }

  /** One certificate the caller may see, or null (another tenant's, or outside the scope, is not found). */
  async findRecord(ctx: Context, id: string): Promise<CertificateRecord | null> {
    const actor = requireAccount(ctx);
    if (!isUuid(id)) return null;
    const record = await this.repo.findOne(await ctx.db(), id);
    return record && canSeeProfessional(actor, { id: record.professionalId, unitPath: record.unitPath }) ? record : null;
  }

  async findOne(ctx: Context, id: string): Promise<Certificate | null> {
    const record = await this.findRecord(ctx, id);
    return record && toCertificate(record, this.settings.publicBaseUrl);
  }

  /** The signed-in professional's certificates (an official's account has none of its own). */
  async findMine(ctx: Context, page: PageRequest): Promise<Connection<Certificate>> {
    const actor = requireAccount(ctx);
    if (!actor.professionalId) return emptyConnection(page);
    return this.findFor(ctx, actor.professionalId, page);
  }

  /** A person's certificates, newest first: the person, and officials whose scope holds them. */
  async findFor(ctx: Context, professionalId: string, page: PageRequest): Promise<Connection<Certificate>> {
    const after = decodeCursor(page.after, 2, ([at, id]) => TIMESTAMP.test(at!) && isUuid(id!));
    const p = await this.subject(ctx, professionalId, 'professionalId');
    const em = await ctx.db();
    const rows = await this.repo.findPage(em, p.id, after, page.first + 1);
    const keys = new Map(rows.map((r) => [r.record.id, r.key]));
    return toConnection(
      rows.map((r) => toCertificate(r.record, this.settings.publicBaseUrl)),
      page,
      (c) => keys.get(c.id)!,
      () => this.repo.count(em, p.id),
    );
  }

  /** A certificate's PDF; `origin` (the address the request came to) stands in for PUBLIC_BASE_URL when it is not set. */
  async render(record: CertificateRecord, origin: string): Promise<Buffer> {
    // pdfkit, its font parser and qrcode load with the first PDF (or the warm-up at start), not with the server
    const { renderCertificatePdf } = await import('./certificate-pdf');
    return renderCertificatePdf(record, `${this.settings.publicBaseUrl ?? origin}${verifyPath(record.code)}`);
  }
}
