// Self-registration (issue 15; docs/REGISTRATION.md): professionals sign up for a unit, and
// units and departments apply under the level above, without signing in; the level above
// approves (creating the person or organisation and an active account with the password
// chosen at sign-up) or rejects with a reason the applicant reads with their receipt.
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Registrations1733820000000 } from '../../migrations/1733820000000-registrations';
import { argon2Gate } from '../accounts/argon2-gate';
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { DirectoryRepository } from './directory.repository';
import { OrgApplicationsRepository } from './org-applications.repository';
import { OrgApplicationsService } from './org-applications.service';
import { ProfessionalRegistrationsRepository } from './professional-registrations.repository';
import { ProfessionalRegistrationsService } from './professional-registrations.service';
import { RegistrationDirectoryService } from './registration-directory.service';
import { RegistrationLimits } from './registration-limits';
import { registrationError } from './registrations.errors';
import { RegistrationReviewResolver, SignUpResolver } from './registrations.resolver';
import { SignUpGuard } from './sign-up-guard';

declare module '../platform/module' {
  interface Services {
    registrationDirectory: RegistrationDirectoryService;
    professionalRegistrations: ProfessionalRegistrationsService;
    orgApplications: OrgApplicationsService;
  }
}

export const registrationsModule: CapabilityModule = {
  name: 'registrations',
  resolvers: [SignUpResolver, RegistrationReviewResolver],
  createServices: ({ runtime, config, clock }, { tenants, policies, audit }) => {
    // the runtime role's pool (no transaction, no tenant): the limits are shared by all server processes
    const pool = (runtime.driver as PostgresDriver).master as Pool;
    const limits = new RegistrationLimits(pool, { perAddress: config.REGISTRATION_MAX_PER_ADDRESS, perTenant: config.REGISTRATION_MAX_PER_TENANT });
    const guard = new SignUpGuard(tenants, policies, limits, argon2Gate);
    const directory = new DirectoryRepository();
    const registrations = new ProfessionalRegistrationsRepository();
    const applications = new OrgApplicationsRepository();
    return {
      registrationDirectory: new RegistrationDirectoryService(tenants, directory, registrations, applications),
      professionalRegistrations: new ProfessionalRegistrationsService(registrations, directory, guard, audit, clock ?? systemClock),
      orgApplications: new OrgApplicationsService(applications, directory, guard, audit),
    };
  },
  // the registrations, the applications, their queues' indexes, the directory's index, the sign-up limits' table
  migrations: [Registrations1733820000000],
  errors: registrationError.catalog,
};
