// The HTTP surface of exports, beside /graphql (a file does not travel in GraphQL):
// POST /exports/<kind>.xlsx with the list's arguments as a JSON body (`{ "filter": … }`,
// `{ "year": 2026, "filter": … }`, `{ "year": 2026, "under": "…" }`), authenticated exactly as
// /graphql is. A refusal is a JSON answer in GraphQL's error shape (`{ errors: [{ message,
// extensions: { code, field } }] }`) with its HTTP status; once the file has begun, a failure
// can only cut the download short (the client sees an incomplete file, never a valid one).
import express, { type Request, type Response, Router } from 'express';
import { attachmentDisposition } from '../evidence/file-names';
import type { Context } from '../platform/context';
import { commonError } from '../platform/errors';
import type { HttpRouteDeps, Services } from '../platform/module';
import type { ExportsService } from './exports.service';
import { StreamClosedError } from './xlsx-stream';
import { sendHttpError } from '../platform/http-error';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TENANT_REQUIRED: 403,
};

export function createExportRoutes(services: Services, http: HttpRouteDeps): Router {
  const service = services.exports;
  const router = Router();
  // the arguments of a list: a few hundred bytes
  const body = express.json({ limit: '16kb', strict: true });
  router.post('/exports/:file', body, (req, res) => void download(service, http, req, res));
  return router;
}

async function download(service: ExportsService, http: HttpRouteDeps, req: Request, res: Response): Promise<void> {
  let ctx: Context | null = null;
  // once the workbook streams, its zip is piped into the response: nothing else may write there
  let streaming = false;
  try {
    ctx = await http.context(req, res);
    const kind = /^([a-z-]{1,40})\.xlsx$/.exec(String(req.params.file))?.[1] ?? '';
    const body: unknown = req.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw commonError('BAD_REQUEST', undefined, '请求体须为 JSON 对象');
    const started = await service.start(ctx, kind, body as Record<string, unknown>);
    res.status(200).set({
      'Content-Type': XLSX,
      'Content-Disposition': attachmentDisposition(started.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
    streaming = true;
    const rows = await started.stream(res);
    req.log.info({ rows }, 'export sent');
  } catch (error) {
    if (error instanceof StreamClosedError) {
      req.log.info('export abandoned by the client');
    } else if (streaming || res.headersSent) {
      // the file has begun: cut it short, so the client never mistakes it for a whole one
      req.log.warn({ err: error }, 'export stopped part-way');
      res.destroy();
    } else {
      res.removeHeader('Content-Disposition');
      sendError(req, res, error);
    }
  } finally {
    await ctx?.tx.finish(false);
  }
}

function sendError(req: Request, res: Response, error: unknown): void {
  sendHttpError(req, res, error, STATUS);
}
