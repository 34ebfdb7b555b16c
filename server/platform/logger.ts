// Structured JSON logs. Secrets and ID numbers never reach a log line: the
// redact list covers the places they could appear, and callers log masked values.
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
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { service: 'ce-platform' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}
