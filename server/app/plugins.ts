// Apollo plugins: the per-request transaction's end, a cost limit on queries,
// and one structured log line per operation.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { Context } from '../platform/context';
import { requestLogFields } from '../platform/logger';
import type { FormatError } from './format-error';

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
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Variables that do not fit their types: execution refuses them before any resolver
            // runs, with a BAD_USER_INPUT naming the variable; nothing is spent meanwhile.
            if (error instanceof GraphQLError) return;
            throw error;
          }
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

/**
 * One `graphql` line per operation, on the request's logger (whose lines carry
 * the request id, tenant, actor and, once resolved, the operation's name).
 * Errors the client sees only as INTERNAL_SERVER_ERROR are logged here, with
 * the request's fields, by the formatter's `report`.
 */
export function loggingPlugin(report: FormatError['report']): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didResolveOperation({ contextValue, operationName }) {
          const fields = requestLogFields(contextValue.log);
          if (fields) fields.operation = operationName ?? null;
        },
        async didEncounterErrors({ contextValue, errors }) {
          report(contextValue.log, errors);
        },
        async willSendResponse({ contextValue, response }) {
          const body = response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          contextValue.log.info(
            { ms: Number(process.hrtime.bigint() - started) / 1e6, errors: errors.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') },
            'graphql',
          );
        },
      };
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      // a failure outside any request's pipeline is left to the formatter, on the process logger
      if (requestContext.contextValue?.log) report(requestContext.contextValue.log, [error]);
    },
  };
}
