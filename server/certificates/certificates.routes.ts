// The HTTP surface of certificates, beside /graphql:
//  GET /certificates/:id/pdf  the PDF, for those who may see the certificate (authenticated as
//                             /graphql is; anyone else gets 404, as for evidence files);
//  GET /verify/:code          the public verification page (no sign-in), HTML or JSON,
//                             rate-limited per address.
// Errors have GraphQL's error shape with codes of the ErrorCode enum and a fitting status.
import { type Request, type Response, Router } from 'express';
import { attachmentDisposition } from '../evidence/file-names';
import type { Context } from '../platform/context';
import { AppError } from '../platform/errors';
import type { HttpRouteDeps, Services } from '../platform/module';
import { yearRange } from './certificate-format';
import { certificateError } from './certificates.errors';
import { limitedHtml, VERIFY_CSP, verifyHtml, verifyJson } from './verify-page';
import { sendHttpError } from '../platform/http-error';

const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TENANT_REQUIRED: 403,
  CERTIFICATE_NOT_FOUND: 404,
  TOO_MANY_REQUESTS: 429,
};

export function createCertificateRoutes(services: Services, http: HttpRouteDeps): Router {
  const router = Router();
  router.get('/certificates/:id/pdf', (req, res) => void download(services, http, req, res));
  router.get('/verify/:code', (req, res) => void verify(services, req, res));
  return router;
}

async function download(services: Services, http: HttpRouteDeps, req: Request, res: Response): Promise<void> {
  let ctx: Context | null = null;
  try {
    ctx = await http.context(req, res);
    const record = await services.certificates.findRecord(ctx, String(req.params.id));
    // the connection is not held while the PDF is drawn
    await ctx.tx.finish(true);
    if (!record) throw certificateError('CERTIFICATE_NOT_FOUND', 'id');
    const t0 = performance.now();
    const bytes = await services.certificates.render(record, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
    req.log.info({ certificateId: record.id, ms: Math.round(performance.now() - t0), bytes: bytes.length }, 'certificate rendered');
    res.status(200).set({
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.length),
      'Content-Disposition': attachmentDisposition(`${record.title}-${record.holderName}-${yearRange(record.years)}.pdf`),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    res.end(bytes);
  } catch (error) {
    await ctx?.tx.finish(false);
    sendError(req, res, error);
  }
}

async function verify(services: Services, req: Request, res: Response): Promise<void> {
  const json = req.query.format === 'json' || (req.accepts(['html', 'json']) === 'json' && !req.accepts('html'));
  res.set({
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Robots-Tag': 'noindex, nofollow',
    'Content-Security-Policy': VERIFY_CSP,
  });
  try {
    const answer = await services.certificateVerification.verify(req.ip ?? 'unknown', String(req.params.code));
    res.status(answer.status === 'UNKNOWN' ? 404 : 200);
    if (json) res.json(verifyJson(answer));
    else res.type('html').send(verifyHtml(answer));
  } catch (error) {
    const wait = error instanceof AppError && error.code === 'TOO_MANY_REQUESTS' ? error.extensions?.retryAfter : undefined;
    if (typeof wait !== 'number' || json) {
      if (typeof wait === 'number') res.set('Retry-After', String(wait));
      sendError(req, res, error);
      return;
    }
    res.status(429).set('Retry-After', String(wait)).type('html').send(limitedHtml(wait));
  }
}

function sendError(req: Request, res: Response, error: unknown): void {
  sendHttpError(req, res, error, STATUS);
}
