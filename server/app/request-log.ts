// Every HTTP request's start: its id (the client's X-Request-Id when well-formed, else a new
// one, sent back), its logger (whose lines carry reqId, tenant, actor and operation, filled in
// as they become known: platform/logger.ts) and, when it ends, ONE access line with the method,
// path (never the query string: GET variables may hold ID numbers), status, milliseconds and,
// for GraphQL, the error codes of the answer. No headers and no bodies, so no credentials.
// The same for /graphql's own path (graphql-http.ts) and Express's routes. At the same spot a
// GraphQL request's operation, outcome and time go to the metrics, when they are on.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequestLogger, writeAccessLine, type Logger, type RequestLogFields } from '../platform/logger';

/** Where a GraphQL request's end is counted (platform/metrics-registry.ts). */
export interface RequestMetrics {
  graphqlRequest(operation: string | null, outcome: string, seconds: number): void;
}

/** Health probes: their access lines are debug, not info. */
export const PROBES = new Set(['/healthz', '/readyz']);
const GRAPHQL_PATH = '/graphql';
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface RequestInfo {
  readonly requestId: string;
  readonly log: Logger;
  readonly fields: RequestLogFields;
  /** The GraphQL answer's error codes, for the access line (set by the logging plugin). */
  errors?: readonly string[];
}

const infos = new WeakMap<IncomingMessage, RequestInfo>();
const byLogger = new WeakMap<Logger, RequestInfo>();

/** The info of the request whose logger this is (a GraphQL context's `log`); undefined for any other logger. */
export function requestInfoOfLogger(log: Logger): RequestInfo | undefined {
  return byLogger.get(log);
}

/** The request's info, as `beginRequest` made it. */
export function requestInfo(req: IncomingMessage): RequestInfo {
  const info = infos.get(req);
  if (!info) throw new Error('beginRequest was not called for this request');
  return info;
}

/** A GraphQL request's outcome: the first error code of its answer, or what its status says. */
function outcomeOf(errors: readonly string[] | undefined, status: number, finished: boolean): string {
  const code = errors?.[0];
  if (code !== undefined) return code;
  if (!finished) return 'ABORTED';
  return status < 400 ? 'OK' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}

export function beginRequest(req: IncomingMessage, res: ServerResponse, logger: Logger, metrics: RequestMetrics | null = null): RequestInfo {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  const fields: RequestLogFields = { reqId: requestId, tenant: null, actor: null, operation: null };
  const log = createRequestLogger(logger, fields);
  const info: RequestInfo = { requestId, log, fields };
  infos.set(req, info);
  byLogger.set(log, info);
  req.id = requestId;
  req.log = log;
  const started = performance.now();
  // taken now: Express rewrites req.url inside mounted routers
  const path = (req.url ?? '').split('?')[0] ?? '';
  res.once('close', () => {
    if (metrics && path === GRAPHQL_PATH) {
      metrics.graphqlRequest(fields.operation, outcomeOf(info.errors, res.statusCode, res.writableFinished), (performance.now() - started) / 1000);
    }
    const level = res.statusCode >= 500 ? 'error' : PROBES.has(path) ? 'debug' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const ms = Math.round((performance.now() - started) * 1000) / 1000;
    const msg = res.writableFinished ? 'request completed' : 'request aborted';
    writeAccessLine(logger, level, fields, { method: req.method ?? '', path, status: res.statusCode, ms, errors: info.errors, msg });
  });
  return info;
}

declare module 'http' {
  interface IncomingMessage {
    /** The request's id (beginRequest). */
    id: string;
    /** The request's logger (beginRequest). */
    log: Logger;
  }
}
