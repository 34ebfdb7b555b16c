// The audit trail: every write records who did what, in the write's transaction.
import type { CapabilityModule } from '../platform/module';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

declare module '../platform/module' {
  interface Services {
    audit: AuditService;
  }
}

export const auditModule: CapabilityModule = {
  name: 'audit',
  createServices: () => ({ audit: new AuditService(new AuditRepository()) }),
};
