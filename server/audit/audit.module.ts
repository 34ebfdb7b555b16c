// The audit trail: every write records who did what, in the write's transaction; the bureau
// reads it back (auditEvents).
import { AuditLogLists1733600000000 } from '../../migrations/1733600000000-audit-log-lists';
import type { CapabilityModule } from '../platform/module';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditEventsService } from './audit-events.service';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

declare module '../platform/module' {
  interface Services {
    audit: AuditService;
    auditEvents: AuditEventsService;
  }
}

export const auditModule: CapabilityModule = {
  name: 'audit',
  resolvers: [AuditResolver],
  createServices: () => ({ audit: new AuditService(new AuditRepository()), auditEvents: new AuditEventsService(new AuditEventsRepository()) }),
  // the table is the foundation's (tenants/); this module owns the indexes its lists read
  migrations: [AuditLogLists1733600000000],
};
