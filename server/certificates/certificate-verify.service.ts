// The public verification page's question: is there a certificate with this code, and is
// it still valid? Asked without signing in and outside any tenant, so the look-up is one
// SECURITY DEFINER function that returns exactly one certificate's public fields by its
// code (app_certificate_by_code); nothing here can list certificates. A code that cannot be
// one (wrong length or letters) is unknown without a query; every look-up is counted first.
import type { DataSource } from 'typeorm';
import { AppError } from '../platform/errors';
import { normalizeRandomCode as normalizeCertificateCode } from '../platform/random-code';
import type { PublicCertificate } from './certificate-record';
import type { CertificatesRepository } from './certificates.repository';
import type { VerifyLimits } from './verify-limits';

export type Verification = { status: 'VALID' | 'REVOKED'; certificate: PublicCertificate } | { status: 'UNKNOWN' };

export class CertificateVerifyService {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly runtime: DataSource,
    private readonly limits: VerifyLimits,
  ) {}

  /** Refused with TOO_MANY_REQUESTS (429, `retryAfter` seconds) past the address's limit. */
  async verify(address: string, rawCode: string): Promise<Verification> {
    const wait = await this.limits.consume(address);
    if (wait !== null) throw new AppError('TOO_MANY_REQUESTS', `查询过于频繁，请 ${wait} 秒后再试`, undefined, 429, { retryAfter: wait });
    const code = normalizeCertificateCode(rawCode);
    const certificate = code ? await this.repo.findPublic(this.runtime, code) : null;
    if (!certificate) return { status: 'UNKNOWN' };
    return { status: certificate.revokedAt ? 'REVOKED' : 'VALID', certificate };
  }
}
