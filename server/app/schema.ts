// The GraphQL schema, built from the modules' resolvers. `printSchema` of this
// is what schema/schema.graphql holds for third parties.
import { assertValidSchema, type GraphQLSchema } from 'graphql';
import { AuthChecker, buildSchema } from 'type-graphql';
import type { Context } from '../platform/context';
import { fillErrorCodes } from '../platform/error-code.enum';
import type { ResolverClass, Services } from '../platform/module';
import { modules } from './modules';
import { errorCatalog } from './registry';

/** @Authorized() = any signed-in caller; @Authorized('OPERATOR') = platform operators. */
const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  const actor = context.actor;
  if (actor.kind === 'ANONYMOUS') return false;
  if (roles.length === 0) return true;
  return roles.some((role) => role === actor.kind || (actor.kind === 'ACCOUNT' && role === actor.role));
};

/** Without services the schema can be printed but not executed. */
export async function createSchema(services?: Services): Promise<GraphQLSchema> {
  fillErrorCodes(errorCatalog());
  const resolvers = modules.flatMap((m) => m.resolvers ?? []);
  const instances = new Map<ResolverClass, object>();
  const schema = await buildSchema({
    resolvers: resolvers as unknown as [ResolverClass, ...ResolverClass[]],
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    container: {
      get(cls: ResolverClass) {
        if (!services) throw new Error('schema built without services cannot execute');
        let instance = instances.get(cls);
        if (!instance) instances.set(cls, (instance = new cls(services)));
        return instance;
      },
    },
    // type-graphql's own check runs the whole introspection query over the schema (about 0.2 s
    // per start, most of a test file's start-up); graphql's validation below finds the same errors
    skipCheck: true,
  });
  assertValidSchema(schema);
  return schema;
}
