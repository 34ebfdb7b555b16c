// Apollo plugins: the per-request transaction's end, a cost limit on queries,
// and one structured log line per operation.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { Context } from '../platform/context';

export function transactionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const body = response.body;
          const failed = body.kind !== 'single' || (body.singleResult.errors?.length ?? 0) > 0;
          await contextValue.tx.finish(!failed);
        },
      };
    },
  };
}

/** A list field costs its page size times what each item costs. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : undefined;
  return first !== undefined ? 1 + first * Math.max(1, childComplexity) : undefined;
};

export function complexityPlugin(schema: GraphQLSchema, max: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw new GraphQLError(`查询过于复杂（代价 ${complexity}，上限 ${max}），请减少字段或分页大小`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', complexity, max },
            });
          }
        },
      };
    },
  };
}

export function loggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue: ctx, response, operationName }) {
          const body = response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          ctx.log.info(
            {
              operation: operationName ?? null,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              errors: errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
            },
            'graphql',
          );
        },
      };
      void contextValue;
    },
  };
}
