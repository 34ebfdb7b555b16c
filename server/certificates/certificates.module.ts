// Certificates (学时证明 / 继续教育合格证) from certified years: issuing (per year or per title
// window, as the policy says), the person's list, the PDF download and the public
// verification page. After hours (certified years, eligibility windows) and verification
// (whose withdrawals revoke certificates).
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Certificates1733700000000 } from '../../migrations/1733700000000-certificates';
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { CertificateIssueService } from './certificate-issue.service';
import { CertificateVerifyService } from './certificate-verify.service';
import { certificateError } from './certificates.errors';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesResolver } from './certificates.resolver';
import { createCertificateRoutes } from './certificates.routes';
import { CertificatesService } from './certificates.service';
import { VerifyLimits } from './verify-limits';

declare module '../platform/module' {
  interface Services {
    certificates: CertificatesService;
    certificateIssue: CertificateIssueService;
    certificateVerification: CertificateVerifyService;
  }
}

export const certificatesModule: CapabilityModule = {
  name: 'certificates',
  resolvers: [CertificatesResolver],
  createServices: ({ runtime, config }, { professionals, policies, eligibility, audit }) => {
    const repo = new CertificatesRepository();
    const certificates = new CertificatesService(repo, professionals, policies, { publicBaseUrl: config.PUBLIC_BASE_URL ?? null });
    // the runtime role's pool (no transaction, no tenant): the limit is shared by all server processes
    const pool = (runtime.driver as PostgresDriver).master as Pool;
    return {
      certificates,
      certificateIssue: new CertificateIssueService(repo, certificates, policies, eligibility, audit, systemClock),
      certificateVerification: new CertificateVerifyService(repo, runtime, new VerifyLimits(pool, config.VERIFY_MAX_PER_MINUTE)),
    };
  },
  createRoutes: createCertificateRoutes,
  // pdfkit and qrcode are loaded, the font parsed (about 0.3 s) and a sample drawn once at start,
  // in the background, so the first download does not pay for them (a cold first PDF takes
  // about a second); a process that runs no start steps (a test file) loads them with its first PDF
  onStart: async (_owner, logger) => {
    setImmediate(() =>
      void import('./certificate-pdf')
        .then((pdf) => pdf.warmUp())
        .catch((error: unknown) => logger.warn({ err: error }, 'certificate warm-up failed')),
    );
  },
  // certificate, certificate_basis, the public look-up function, the verification page's limit table
  migrations: [Certificates1733700000000],
  errors: certificateError.catalog,
};
