// The HTTP surface of evidence files, beside /graphql (files do not travel in
// GraphQL): POST /uploads stores one file, GET /uploads/:id sends one back.
// Both authenticate exactly as /graphql does. Errors have GraphQL's error shape
// (`{ errors: [{ message, extensions: { code, field } }] }`) with codes of the
// ErrorCode enum and the HTTP status that fits them.
import { type Request, type Response, Router } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Context } from '../platform/context';
import type { HttpRouteDeps, Services } from '../platform/module';
import { StorageLimitError } from '../platform/storage';
import { evidenceError, tooLargeError } from './evidence.errors';
import type { EvidenceService } from './evidence.service';
import { attachmentDisposition } from './file-names';
import { FORM_OVERHEAD_BYTES, readUploadForm, UploadAbortedError } from './upload-form';
import { sendHttpError } from '../platform/http-error';

const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TENANT_REQUIRED: 403,
  EVIDENCE_NOT_FOUND: 404,
  EVIDENCE_TOO_LARGE: 413,
  EVIDENCE_TYPE_NOT_ALLOWED: 415,
  EVIDENCE_QUOTA_EXCEEDED: 429,
};

export function createEvidenceRoutes(services: Services, http: HttpRouteDeps): Router {
  const evidence = services.evidence;
  const router = Router();
  router.post('/uploads', (req, res) => void upload(evidence, http, req, res));
  router.get('/uploads/:id', (req, res) => void download(evidence, http, req, res));
  return router;
}

async function upload(evidence: EvidenceService, http: HttpRouteDeps, req: Request, res: Response): Promise<void> {
  let ctx: Context | null = null;
  try {
    ctx = await http.context(req, res);
    // authentication's connection is not held while the bytes arrive
    await ctx.tx.finish(true);
    evidence.checkUploader(ctx);
    const { maxBytes } = evidence.settings;
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > maxBytes + FORM_OVERHEAD_BYTES) throw new StorageLimitError(maxBytes);
    const form = readUploadForm(req, maxBytes);
    try {
      const file = await evidence.upload(ctx, await form.file, form.complete);
      res.status(201).json({ id: file.id, fileName: file.fileName, contentType: file.contentType, bytes: file.bytes, sha256: file.sha256 });
    } catch (error) {
      form.abort(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  } catch (error) {
    await ctx?.tx.finish(false);
    if (error instanceof UploadAbortedError || req.socket.destroyed) {
      req.log.info('upload abandoned by the client: nothing stored');
      return;
    }
    const refusal = error instanceof StorageLimitError ? tooLargeError(evidence.settings.maxBytes) : error;
    // the rest of the request is not read: the connection closes after the answer
    res.setHeader('Connection', 'close');
    sendError(req, res, refusal);
  }
}

async function download(evidence: EvidenceService, http: HttpRouteDeps, req: Request, res: Response): Promise<void> {
  let ctx: Context | null = null;
  try {
    ctx = await http.context(req, res);
    const file = await evidence.findReadable(ctx, String(req.params.id));
    await ctx.tx.finish(true);
    if (!file) throw evidenceError('EVIDENCE_NOT_FOUND', 'id');
    const body = await evidence.open(file);
    res.status(200).set({
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      ETag: `"${file.sha256}"`,
    });
    await pipeline(body, res);
  } catch (error) {
    await ctx?.tx.finish(false);
    if (res.headersSent) {
      req.log.error({ err: error }, 'evidence download failed part-way');
      res.destroy();
      return;
    }
    sendError(req, res, error);
  }
}

function sendError(req: Request, res: Response, error: unknown): void {
  sendHttpError(req, res, error, STATUS);
}
