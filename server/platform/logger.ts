// Structured JSON logs. Secrets and ID numbers never reach a log line: the
// redact list covers the places they could appear, and callers log masked values.
import pino, { Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'ce-platform' },
    redact: {
      paths: [
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
      ],
      censor: '[redacted]',
    },
  });
}
