// Apollo plugins: the per-request transaction's end, a cost limit on queries
// (priced by query-limits.ts) and one structured log line per operation.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema, OperationTypeNode } from 'graphql';
import type { Context } from '../platform/context';
import { requestLogFields } from '../platform/logger';
import type { FormatError } from './format-error';
import { requestInfoOfLogger } from './request-log';
import { MAX_QUERY_NODES, priceOf } from './query-cost';
import { limitError } from './query-limits';

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

/**
 * A query (not a mutation) is served by single read-only statements, without a
 * transaction around them (request-db.ts: RequestScope.readOnly); a query whose
 * resolvers tried to write would fail, not commit half a change.
 */
export function readOnlyPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (operation?.operation === OperationTypeNode.QUERY) contextValue.tx.readOnly();
        },
      };
    },
  };
}

/**
 * Prices the operation (query-limits.ts: every list counts its size, a batch
 * its input; query-cost.ts: once per distinct document and pricing variables)
 * and refuses it, before any resolver runs, over `max`.
 */
export function complexityPlugin(schema: GraphQLSchema, max: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number | null;
          try {
            complexity = priceOf(schema, document, request.operationName, request.variables);
          } catch (error) {
            if (error instanceof GraphQLError) {
              throw limitError(`查询包含的字段过多（展开片段后超过 ${MAX_QUERY_NODES} 个），请减少字段或片段`, { limit: MAX_QUERY_NODES });
            }
            throw error;
          }
          // null: variables that do not fit their types; execution refuses them before any resolver
          // runs, with a BAD_USER_INPUT naming the variable; nothing is spent meanwhile
          if (complexity !== null && complexity > max) {
            throw limitError(`查询过于复杂（代价 ${complexity}，上限 ${max}），请减少字段、分页大小或批量人数`, { complexity, max });
          }
        },
      };
    },
  };
}

/**
 * The operation's name and its answer's error codes go on the request's access line
 * (request-log.ts: one line per request); a context made outside an HTTP request (none
 * today) gets a `graphql` line of its own. Errors the client sees only as
 * INTERNAL_SERVER_ERROR are logged here, with the request's fields, by the formatter's `report`.
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
          const errors = (body.kind === 'single' ? (body.singleResult.errors ?? []) : []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR'));
          const info = requestInfoOfLogger(contextValue.log);
          if (info) info.errors = errors;
          else contextValue.log.info({ ms: Number(process.hrtime.bigint() - started) / 1e6, errors }, 'graphql');
        },
      };
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      // a failure outside any request's pipeline is left to the formatter, on the process logger
      if (requestContext.contextValue?.log) report(requestContext.contextValue.log, [error]);
    },
  };
}

/** Request errors (the operation never ran) that GraphQL over HTTP answers with 200 to an `application/json` client. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (or names
 * no type) gets 200 for a document that does not parse or validate and for
 * variables that do not fit their types, the errors being in the body; a
 * client accepting `application/graphql-response+json` keeps Apollo's 400.
 * Malformed requests (BAD_REQUEST), refusals over the limits and
 * authentication failures keep their 4xx.
 */
export function jsonStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          if (!errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))) return;
          const accept = request.http?.headers.get('accept') ?? '';
          if (accept.toLowerCase().includes(GRAPHQL_RESPONSE_JSON)) return;
          response.http.status = 200;
        },
      };
    },
  };
}
