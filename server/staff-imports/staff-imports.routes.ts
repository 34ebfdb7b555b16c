// The HTTP surface of the staff import, beside /graphql (files do not travel in GraphQL):
// GET /staff-imports/template sends the template for the caller's units; POST /staff-imports
// takes one filled-in workbook (multipart, field `file`) and answers with the dry run's job
// (201); the report and the confirmation are GraphQL (`staffImport`, `confirmStaffImport`).
// Both authenticate exactly as /graphql does. Errors have GraphQL's error shape with codes
// of the ErrorCode enum and the HTTP status that fits them.
//
// An upload, in order: the caller must be an official; a declared size over the limit is
// refused before a byte is read (413); the daily allowance is consumed (429 when spent);
// the file streams to a temporary file within the limit (413 the moment it passes it, the
// rest unread); its bytes and ZIP directory are looked at (415 for anything but an .xlsx
// workbook); then the dry run reads it as a stream. The temporary file is always removed.
import { type Request, type Response, Router } from 'express';
import type { Context } from '../platform/context';
import { AppError } from '../platform/errors';
import type { HttpRouteDeps, Services } from '../platform/module';
import { StorageLimitError } from '../platform/storage';
import { attachmentDisposition } from '../evidence/file-names';
import { FORM_OVERHEAD_BYTES, readUploadForm, UploadAbortedError } from '../evidence/upload-form';
import { staffImportError, STAFF_IMPORT_HTTP_STATUS, tooLargeError } from './staff-imports.errors';
import type { StaffImportsService } from './staff-imports.service';
import { TEMPLATE_FILE_NAME, writeTemplate } from './template';
import { inspectWorkbook, type SpooledFile, spoolUpload } from './xlsx-file';
import { sendHttpError } from '../platform/http-error';

const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TENANT_REQUIRED: 403,
  ...STAFF_IMPORT_HTTP_STATUS,
};

// the upload form's own refusals, in this route's words
const FORM_CODES: Readonly<Record<string, 'STAFF_IMPORT_UPLOAD_INVALID' | 'STAFF_IMPORT_FILE_MISSING'>> = {
  EVIDENCE_UPLOAD_INVALID: 'STAFF_IMPORT_UPLOAD_INVALID',
  EVIDENCE_FILE_MISSING: 'STAFF_IMPORT_FILE_MISSING',
};

export function createStaffImportRoutes(services: Services, http: HttpRouteDeps): Router {
  const imports = services.staffImports;
  const router = Router();
  router.get('/staff-imports/template', (req, res) => void template(imports, http, req, res));
  router.post('/staff-imports', (req, res) => void upload(imports, http, req, res));
  return router;
}

async function template(imports: StaffImportsService, http: HttpRouteDeps, req: Request, res: Response): Promise<void> {
  let ctx: Context | null = null;
  try {
    ctx = await http.context(req, res);
    const list = await imports.findTemplateUnits(ctx);
    await ctx.tx.finish(true);
    res.status(200).set({
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': attachmentDisposition(TEMPLATE_FILE_NAME),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
    await writeTemplate(res, { units: list, maxRows: imports.settings.maxRows });
    res.end();
  } catch (error) {
    await ctx?.tx.finish(false);
    if (res.headersSent) {
      req.log.error({ err: error }, 'staff import template failed part-way');
      res.destroy();
      return;
    }
    sendError(req, res, error);
  }
}

async function upload(imports: StaffImportsService, http: HttpRouteDeps, req: Request, res: Response): Promise<void> {
  let ctx: Context | null = null;
  let spooled: SpooledFile | null = null;
  try {
    ctx = await http.context(req, res);
    // authentication's connection is not held while the bytes arrive
    await ctx.tx.finish(true);
    imports.checkImporter(ctx);
    const { maxBytes } = imports.settings;
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > maxBytes + FORM_OVERHEAD_BYTES) throw tooLargeError(maxBytes);
    await imports.consumeUpload(ctx);
    const form = readUploadForm(req, maxBytes);
    try {
      const incoming = await form.file;
      spooled = await spoolUpload(incoming.stream);
      await form.complete;
      const entries = await inspectWorkbook(spooled.path, spooled.bytes);
      const job = await imports.dryRun(ctx, { path: spooled.path, bytes: spooled.bytes, entries, fileName: incoming.fileName });
      res.status(201).json({
        id: job.id,
        fileName: job.fileName,
        status: job.status,
        totalRows: job.totalRows,
        validRows: job.validRows,
        invalidRows: job.invalidRows,
        errorCount: job.errorCount,
        toCreate: job.toCreate,
        toUpdate: job.toUpdate,
        toLeaveUnchanged: job.toLeaveUnchanged,
      });
    } catch (error) {
      form.abort(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  } catch (error) {
    await ctx?.tx.finish(false);
    if (error instanceof UploadAbortedError || req.socket.destroyed) {
      req.log.info('staff import abandoned by the client: nothing stored');
      return;
    }
    // the rest of the request is not read: the connection closes after the answer
    if (!req.complete) res.setHeader('Connection', 'close');
    sendError(req, res, refusalOf(error, imports.settings.maxBytes));
  } finally {
    await spooled?.remove();
  }
}

function refusalOf(error: unknown, maxBytes: number): unknown {
  if (error instanceof StorageLimitError) return tooLargeError(maxBytes);
  if (error instanceof AppError && FORM_CODES[error.code]) return staffImportError(FORM_CODES[error.code]!, 'file');
  return error;
}

function sendError(req: Request, res: Response, error: unknown): void {
  sendHttpError(req, res, error, STATUS);
}
