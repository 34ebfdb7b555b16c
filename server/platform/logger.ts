// Structured JSON logs. Secrets and ID numbers never reach a log line: the
// redact list covers the places they could appear, and callers log masked values.
//
// Every line written while serving a request has the same shape: `reqId`,
// `tenant` (the tenant's code), `actor` and `operation` (the GraphQL operation's
// name), null until known. They are not child-logger bindings: pino writes a
// binding and a logged key of the same name twice, and the fields are learnt
// as the request goes on (the operation only after parsing). A logged key of
// the same name wins, once.
import pino, { DestinationStream, Logger } from 'pino';

export type { Logger };

const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'idNumber',
  '*.idNumber',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
];

/** What every log line of a request says about it. */
export interface RequestLogFields {
  readonly reqId: string;
  /** the tenant's code (not its id); null for anonymous and operator requests */
  tenant: string | null;
  actor: string | null;
  operation: string | null;
}

const REQUEST = Symbol('request log fields');
type RequestLogger = Logger & { [REQUEST]?: RequestLogFields };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ce-platform' },
      redact: { paths: REDACT, censor: '[redacted]' },
      // read through the prototype chain: children of a request's logger carry its fields too
      mixin: (_object, _level, logger) => {
        const fields = (logger as RequestLogger)[REQUEST];
        return fields ? { reqId: fields.reqId, tenant: fields.tenant, actor: fields.actor, operation: fields.operation } : {};
      },
    },
    destination,
  );
}

/** A logger for one request; `fields` may be filled in later and later lines show it. */
export function createRequestLogger(logger: Logger, fields: RequestLogFields): Logger {
  const child = logger.child({}) as RequestLogger;
  child[REQUEST] = fields;
  return child;
}

/** The fields of a request's logger (undefined for a logger not made by createRequestLogger). */
export function requestLogFields(logger: Logger): RequestLogFields | undefined {
  return (logger as RequestLogger)[REQUEST];
}
