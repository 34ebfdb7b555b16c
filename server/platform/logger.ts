// Structured JSON logs. Secrets and ID numbers never reach a log line: the
// values of the keys they are kept under are removed from the written line at
// any depth (log-redaction.ts), the line is masked for what no key names (an ID
// number in a driver's message, a token in an error text), and callers log
// masked values.
//
// Every line written while serving a request has the same shape: `reqId`,
// `tenant` (the tenant's code), `actor` and `operation` (the GraphQL operation's
// name), null until known. They are not child-logger bindings: pino writes a
// binding and a logged key of the same name twice, and the fields are learnt
// as the request goes on (the operation only after parsing). A logged key of
// the same name wins, once.
import pino, { DestinationStream, Level, Logger } from 'pino';
import { redactSecretKeys } from './log-redaction';

export type { Level, Logger };

// What is masked in the written line itself, whatever key holds it (a message,
// an error's message, a driver's `detail`, a stack):
// - anything shaped like an 18-character resident ID number (17 digits and a
//   digit or X, not part of a longer run of digits) becomes `3701**********1234`,
//   as maskIdNumber writes it; the check digit is not required to be right;
// - PostgreSQL's "Failing row contains (…)": the whole row;
// - a bearer token (a JWT) and an API key's secret.
const ID_NUMBER = /(?<!\d)(\d{4})\d{10}(\d{3}[\dXx])(?!\d)/g;
const FAILING_ROW = /(Failing row contains )\((?:[^"\\]|\\.)*/g;
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;
const API_KEY = /\b(ce_[A-Za-z0-9]{8,32}\.)[A-Za-z0-9_-]{20,100}/g;
const ID_NUMBER_VALUE = /([:,[])(\d{4})\d{10}(\d{4})(?=[,}\]])/g;
const JSON_STRING_OR_OTHER = /"(?:[^"\\]|\\.)*"|[^"]+/g;

function maskText(text: string): string {
  return text
    .replace(ID_NUMBER, '$1**********$2')
    .replace(FAILING_ROW, '$1[redacted]')
    .replace(JWT, '[redacted]')
    .replace(API_KEY, '$1[redacted]');
}

/** A written log line (JSON) with secret keys' values (log-redaction.ts), ID numbers, failing rows, tokens and API secrets masked. */
export function maskLogLine(written: string): string {
  const line = redactSecretKeys(written);
  if (!/\d{17}|Failing row|eyJ|ce_/.test(line)) return line;
  // inside JSON strings the mask is text; an 18-digit JSON number becomes a masked string
  return line.replace(JSON_STRING_OR_OTHER, (part) =>
    part.startsWith('"') ? maskText(part) : part.replace(ID_NUMBER_VALUE, '$1"$2**********$3"'),
  );
}

/** What every log line of a request says about it. */
export interface RequestLogFields {
  readonly reqId: string;
  /** the tenant's code (not its id); null for anonymous and operator requests */
  tenant: string | null;
  actor: string | null;
  operation: string | null;
}

const SERVICE = 'ce-platform';
const REQUEST = Symbol('request log fields');
type RequestLogger = Logger & { [REQUEST]?: RequestLogFields };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: SERVICE },
      hooks: { streamWrite: maskLogLine },
      // read through the prototype chain: children of a request's logger carry its fields too
      mixin: (_object, _level, logger) => {
        const fields = (logger as RequestLogger)[REQUEST];
        return fields ? { reqId: fields.reqId, tenant: fields.tenant, actor: fields.actor, operation: fields.operation } : {};
      },
    },
    destination,
  );
}

/** Lines are written once this many bytes are waiting, or every FLUSH_MS, whichever comes first. */
const BUFFER_BYTES = 4096;
const FLUSH_MS = 500;

/**
 * Standard output, written off the request's path: lines are buffered and written together
 * (one write per 4 KB under load, at most half a second late when quiet) rather than with a
 * blocking write each; pino flushes what is left synchronously when the process exits,
 * process.exit included.
 */
export function stdoutDestination(): DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: BUFFER_BYTES });
  // a callback, so that a flush after the stream closed (at exit) is not an uncaught error
  setInterval(() => destination.flush(() => undefined), FLUSH_MS).unref();
  return destination;
}

/** What one access line says besides the request's fields (request-log.ts). */
export interface AccessLine {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly ms: number;
  readonly errors?: readonly string[];
  readonly msg: string;
}

const MASKABLE = /\d{17}|Failing row|eyJ|ce_/;
const text = (value: string | null): string => (value === null ? 'null' : JSON.stringify(MASKABLE.test(value) ? maskText(value) : value));

/**
 * A request's access line, written straight to the logger's stream: the same JSON as
 * `log[level]({ method, path, status, ms, errors }, msg)` writes, with the request's fields and
 * the base, but formatted here (no mixin, no object walk, no masking of the whole line). Every
 * key is known and carries no secret; the values a client chooses (the path, the fields) are
 * masked as any line is. One per request, so it is worth the few lines.
 */
export function writeAccessLine(logger: Logger, level: Level, fields: RequestLogFields, line: AccessLine): void {
  const errors = line.errors ? `,"errors":[${line.errors.map((code) => text(code)).join(',')}]` : '';
  const json =
    `{"level":${logger.levels.values[level]},"time":${Date.now()},"service":"${SERVICE}","reqId":${text(fields.reqId)},` +
    `"tenant":${text(fields.tenant)},"actor":${text(fields.actor)},"operation":${text(fields.operation)},` +
    `"method":${text(line.method)},"path":${text(line.path)},"status":${line.status},"ms":${line.ms}${errors},"msg":${text(line.msg)}}\n`;
  (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym]!.write(json);
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
