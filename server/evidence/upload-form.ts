// Reads an upload request (multipart/form-data) as it streams in, with busboy:
// exactly one file, in the field `file`; a few small text fields are allowed
// and ignored. Nothing is buffered whole: the file part is handed on as a
// stream the moment it starts, and the rest of the form is checked as it
// arrives. A client that goes away mid-way fails the file stream, so whoever
// is storing it stops and cleans up.
import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { StorageLimitError } from '../platform/storage';
import { evidenceError } from './evidence.errors';
import type { IncomingFile } from './evidence.service';

/** Multipart framing (boundaries, part headers, small fields) a request may carry besides the file's bytes. */
export const FORM_OVERHEAD_BYTES = 16 * 1024;

/** The client closed the connection before the request was complete. */
export class UploadAbortedError extends Error {
  constructor() {
    super('the client went away before the upload was complete');
    this.name = 'UploadAbortedError';
  }
}

export interface UploadForm {
  /** The file part, as soon as it starts; EVIDENCE_FILE_MISSING when the form ends without one. */
  file: Promise<IncomingFile>;
  /** Resolves when the whole form has been read and held that one file; rejects otherwise. */
  complete: Promise<void>;
  /** Stops reading: the file stream fails with `error`, the rest of the request is left unread. */
  abort(error: Error): void;
}

export function readUploadForm(req: Request, maxFileBytes: number): UploadForm {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      // browsers send UTF-8 file names as raw bytes in filename="…"
      defParamCharset: 'utf8',
      limits: { files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 20, fileSize: maxFileBytes + 1 },
    });
  } catch {
    // not multipart/form-data, or no boundary
    const refused = Promise.reject(evidenceError('EVIDENCE_UPLOAD_INVALID', 'file'));
    refused.catch(() => undefined);
    return { file: refused, complete: refused, abort: () => undefined };
  }

  let fileStream: Readable | null = null;
  let settled = false;
  let resolveFile!: (file: IncomingFile) => void;
  let rejectFile!: (error: Error) => void;
  let resolveComplete!: () => void;
  let rejectComplete!: (error: Error) => void;
  const file = new Promise<IncomingFile>((resolve, reject) => ((resolveFile = resolve), (rejectFile = reject)));
  const complete = new Promise<void>((resolve, reject) => ((resolveComplete = resolve), (rejectComplete = reject)));
  // either may be left unawaited by a caller that stopped early
  file.catch(() => undefined);
  complete.catch(() => undefined);

  const abort = (error: Error) => {
    if (settled) return;
    settled = true;
    rejectFile(error);
    rejectComplete(error);
    // not from inside busboy's own callbacks: it goes on parsing the chunk it is in
    setImmediate(() => {
      fileStream?.destroy(error);
      req.unpipe(parser);
      parser.destroy();
    });
  };
  const invalid = (detail?: string) => abort(evidenceError('EVIDENCE_UPLOAD_INVALID', 'file', detail));

  parser.on('file', (name, stream, info) => {
    // failures reach whoever reads the stream; one nobody reads yet must not be an uncaught error
    stream.on('error', () => undefined);
    if (name !== 'file') {
      stream.resume();
      return invalid(`文件须放在表单字段 file 中，而不是 ${name}`);
    }
    fileStream = stream;
    stream.once('limit', () => abort(new StorageLimitError(maxFileBytes)));
    resolveFile({ stream, fileName: info.filename });
  });
  parser.on('filesLimit', () => invalid('只能上传一个文件'));
  parser.on('fieldsLimit', () => invalid());
  parser.on('partsLimit', () => invalid());
  parser.on('error', () => invalid());
  parser.on('close', () => {
    if (settled) return;
    if (!fileStream) return abort(evidenceError('EVIDENCE_FILE_MISSING', 'file'));
    settled = true;
    resolveComplete();
  });
  req.on('close', () => {
    if (!req.complete) abort(new UploadAbortedError());
  });
  req.pipe(parser);
  return { file, complete, abort };
}
