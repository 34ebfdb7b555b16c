// The GraphQL schema, built from the resolvers. `printSchema` of this is what
// schema/schema.graphql holds for third parties.
import { GraphQLSchema } from 'graphql';
import { AuthChecker, buildSchema } from 'type-graphql';
import { AccountsResolver } from '../accounts/accounts.resolver';
import { ApiClientsResolver } from '../api-clients/api-clients.resolver';
import { HoursResolver } from '../hours/hours.resolver';
import { OrganisationsResolver } from '../organisations/organisations.resolver';
import { ProfessionalConnectionResolver, ProfessionalsResolver } from '../professionals/professionals.resolver';
import type { Context } from './context';
import type { Services } from './services';

export const resolvers = [
  AccountsResolver,
  OrganisationsResolver,
  ProfessionalsResolver,
  ProfessionalConnectionResolver,
  ApiClientsResolver,
  HoursResolver,
] as const;

/** @Authorized() = any signed-in caller; @Authorized('OPERATOR') = platform operators. */
const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  const actor = context.actor;
  if (actor.kind === 'ANONYMOUS') return false;
  if (roles.length === 0) return true;
  return roles.some((role) => role === actor.kind || (actor.kind === 'ACCOUNT' && role === actor.role));
};

export async function createSchema(services?: Services): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>();
  if (services) {
    instances.set(AccountsResolver, new AccountsResolver(services.accounts, services.signIns, services.tenants, services.organisations, services.professionals));
    instances.set(OrganisationsResolver, new OrganisationsResolver(services.organisations));
    instances.set(ProfessionalsResolver, new ProfessionalsResolver(services.professionals));
    instances.set(ProfessionalConnectionResolver, new ProfessionalConnectionResolver(services.professionals));
    instances.set(ApiClientsResolver, new ApiClientsResolver(services.apiClients));
    instances.set(HoursResolver, new HoursResolver(services.policies, services.completion, services.activities));
  }
  return buildSchema({
    resolvers: resolvers as unknown as [Function, ...Function[]],
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    container: { get: (cls) => instances.get(cls) },
  });
}
