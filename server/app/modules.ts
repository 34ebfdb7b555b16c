// Every capability of the product, in the order their services are built (a
// module may use the services of those before it). Adding a capability is a
// new folder and one line here.
import { accountsModule } from '../accounts/accounts.module';
import { apiClientsModule } from '../api-clients/api-clients.module';
import { auditModule } from '../audit/audit.module';
import { calendarModule } from '../calendar/calendar.module';
import { certificatesModule } from '../certificates/certificates.module';
import { declarationsModule } from '../declarations/declarations.module';
import { evidenceModule } from '../evidence/evidence.module';
import { exportsModule } from '../exports/exports.module';
import { hoursModule } from '../hours/hours.module';
import { integrityModule } from '../integrity/integrity.module';
import { movesModule } from '../moves/moves.module';
import { nodesModule } from '../nodes/nodes.module';
import { organisationsModule } from '../organisations/organisations.module';
import { policyModule } from '../policy/policy.module';
import { professionalsModule } from '../professionals/professionals.module';
import { providersModule } from '../providers/providers.module';
import { registrationsModule } from '../registrations/registrations.module';
import { remindersModule } from '../reminders/reminders.module';
import { retentionModule } from '../retention/retention.module';
import { staffImportsModule } from '../staff-imports/staff-imports.module';
import { tenantsModule } from '../tenants/tenants.module';
import { titlesModule } from '../titles/titles.module';
import { verificationModule } from '../verification/verification.module';
import type { CapabilityModule } from '../platform/module';

export const modules: readonly CapabilityModule[] = [
  auditModule,
  tenantsModule,
  organisationsModule,
  professionalsModule,
  accountsModule,
  apiClientsModule,
  nodesModule,
  calendarModule,
  policyModule,
  titlesModule,
  evidenceModule,
  integrityModule,
  movesModule,
  hoursModule,
  declarationsModule,
  providersModule,
  verificationModule,
  certificatesModule,
  exportsModule,
  remindersModule,
  staffImportsModule,
  registrationsModule,
  retentionModule,
];
