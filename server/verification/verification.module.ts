// Verification by the bureau: fraud marks (认定虚假申报 → 诚信档案) and spot checks (随机抽查).
// After declarations, whose declarations it revokes.
import { IntegritySpotChecks1733300000000 } from '../../migrations/1733300000000-integrity-spot-checks';
import type { CapabilityModule } from '../platform/module';
import { SpotChecksRepository } from './spot-checks.repository';
import { SpotChecksService } from './spot-checks.service';
import { verificationError } from './verification.errors';
import { VerificationRepository } from './verification.repository';
import { SpotCheckItemResolver, VerificationResolver } from './verification.resolver';
import { VerificationService } from './verification.service';

declare module '../platform/module' {
  interface Services {
    verification: VerificationService;
    spotChecks: SpotChecksService;
  }
}

export const verificationModule: CapabilityModule = {
  name: 'verification',
  resolvers: [VerificationResolver, SpotCheckItemResolver],
  createServices: (_deps, { declarations, activities, integrity, policies, audit }) => {
    const verification = new VerificationService(new VerificationRepository(), declarations, activities, integrity, audit);
    return { verification, spotChecks: new SpotChecksService(new SpotChecksRepository(), verification, declarations, policies, audit) };
  },
  // fraud marks, withdrawn hours, revoked certifications, the integrity record's link, spot checks
  migrations: [IntegritySpotChecks1733300000000],
  errors: verificationError.catalog,
};
