// A capability's own HTTP route (uploads, downloads, exports) answers an error in GraphQL's
// error shape: the code of the ErrorCode enum, the field at fault, and a fitting status (the
// error's own, else the route's table, else 400); anything unexpected is logged and is a 500
// that says nothing more. A `retryAfterSeconds` extension becomes a Retry-After header.
import type { Request, Response } from 'express';
import { AppError } from './errors';

export function sendHttpError(req: Request, res: Response, error: unknown, statuses: Readonly<Record<string, number>>): void {
  if (!(error instanceof AppError)) {
    req.log.error({ err: error }, 'unexpected error');
    res.status(500).json({ errors: [{ message: '服务器内部错误，请稍后再试', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    return;
  }
  const retryAfter = error.extensions?.retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  const extensions = error.field ? { code: error.code, field: error.field } : { code: error.code };
  res.status(error.httpStatus ?? statuses[error.code] ?? 400).json({ errors: [{ message: error.message, extensions }] });
}
