// Wires the services once per process. Each service lists what it uses.
import type { DataSource } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AccountsService } from '../accounts/accounts.service';
import { SignInService } from '../accounts/sign-in.service';
import { SignInThrottle } from '../accounts/throttle';
import { TokenService } from '../accounts/tokens';
import { ApiClientsService } from '../api-clients/api-clients.service';
import { AuditService } from '../audit/audit.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { OrganisationsService } from '../organisations/organisations.service';
import { ProfessionalsRepository } from '../professionals/professionals.repository';
import { ProfessionalsService } from '../professionals/professionals.service';
import { TenantsService } from '../tenants/tenants.service';
import { ActivitiesService } from '../hours/activities.service';
import { CompletionService } from '../hours/completion.service';
import { PoliciesService } from '../hours/policies.service';
import { PolicyStore } from '../hours/policy-store';

export function createServices(deps: { runtime: DataSource; tokens: TokenService; throttle: SignInThrottle }) {
  const audit = new AuditService();
  const organisations = new OrganisationsService(new OrganisationsRepository(), audit);
  const professionals = new ProfessionalsService(new ProfessionalsRepository(), organisations, audit);
  const accountsRepo = new AccountsRepository();
  const policies = new PoliciesService(deps.runtime, new PolicyStore(), audit);
  return {
    policies,
    completion: new CompletionService(policies, professionals, audit),
    activities: new ActivitiesService(professionals, policies, audit),
    audit,
    organisations,
    professionals,
    accounts: new AccountsService(accountsRepo, organisations, professionals, audit),
    signIns: new SignInService(deps.runtime, accountsRepo, deps.tokens, deps.throttle, audit),
    tenants: new TenantsService(audit),
    apiClients: new ApiClientsService(audit),
  };
}

export type Services = ReturnType<typeof createServices>;
