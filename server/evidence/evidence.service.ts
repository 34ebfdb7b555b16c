// Evidence files (证明材料): the PDFs and photos of certificates that back a
// declaration. Signed-in accounts of a tenant upload them (POST /uploads);
// a declaration names the caller's own files (`findOwnFiles`); the uploader
// and the officials whose part of the tree holds the uploader's professional
// record may download them (GET /uploads/:id). Nothing else can find one.
//
// An upload, in order:
//   1. the type is sniffed from the first bytes (PDF, JPEG, PNG); anything
//      else is refused before anything is counted or stored;
//   2. the account's daily quota is consumed: one conditional upsert,
//      committed at once, so parallel uploads cannot all pass and every
//      server process shares the count;
//   3. the bytes are streamed to the object storage within the size limit (no
//      database connection is held meanwhile: a slow client cannot drain the
//      pool), and only a complete file becomes visible;
//   4. once the whole request has been read and found well-formed, the row is
//      inserted and committed.
// A failure after step 2 gives the quota back; a failure after step 3 deletes
// the stored file. So a refused, oversize or abandoned upload leaves no file
// and no row.
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { canSeeProfessional, requireAccount, requireTenant } from '../platform/access';
import { type AccountActor, isOfficial } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { commonError } from '../platform/errors';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { type ObjectStorage, type StoredObject, StorageLimitError } from '../platform/storage';
import { inTransaction, type TenantSettings } from '../platform/transaction';
import { isUuid } from '../platform/uuid';
import { evidenceStorageKey, newEvidenceId } from './evidence-keys';
import { evidenceError, tooLargeError } from './evidence.errors';
import type { EvidenceRepository } from './evidence.repository';
import type { EvidenceFile, EvidenceFileView } from './evidence.types';
import { sanitiseFileName } from './file-names';
import { SNIFF_BYTES, sniffContentType } from './file-types';
import { readHead } from './stream-head';

/** Files one declaration (one call of `findOwnFiles`) may name. */
export const MAX_FILES_PER_CALL = 10;

export interface EvidenceSettings {
  /** largest file, in bytes (EVIDENCE_MAX_BYTES) */
  maxBytes: number;
  /** files one account may upload a day, China time (EVIDENCE_DAILY_UPLOADS) */
  dailyUploads: number;
}

/** A file part of an upload request, as it arrives. */
export interface IncomingFile {
  stream: Readable;
  /** the name the client gave, unchecked */
  fileName: string | undefined;
}

/** Whether the caller may read the file for a reason another capability knows. */
export type FileReadRule = (ctx: Context, fileId: string) => Promise<boolean>;

export class EvidenceService {
  private readonly readRules: FileReadRule[] = [];

  constructor(
    private readonly repo: EvidenceRepository,
    private readonly storage: ObjectStorage,
    private readonly runtime: DataSource,
    readonly settings: EvidenceSettings,
    private readonly clock: Clock,
  ) {}

  /** Who may upload: a signed-in account of a tenant (not an API client, not an operator). */
  checkUploader(ctx: Context): AccountActor {
    const actor = requireAccount(ctx);
    requireTenant(ctx);
    return actor;
  }

  /**
   * Stores an uploaded file and records it. `formComplete` settles when the
   * rest of the request has been read: the row is written only if it
   * resolves (a second file, a broken form or a client that went away rejects it).
   */
  async upload(ctx: Context, incoming: IncomingFile, formComplete: Promise<void>): Promise<EvidenceFile> {
    const actor = this.checkUploader(ctx);
    const tenantId = requireTenant(ctx);
    const { head, body } = await readHead(incoming.stream, SNIFF_BYTES);
    const contentType = sniffContentType(head);
    if (!contentType) {
      body.destroy();
      throw evidenceError('EVIDENCE_TYPE_NOT_ALLOWED', 'file');
    }
    const settings: TenantSettings = { tenantId, actorId: actor.id };
    const day = this.clock.today();
    const counted = await inTransaction(this.runtime, settings, (em) => this.repo.consumeUpload(em, tenantId, actor.id, day, this.settings.dailyUploads));
    if (!counted) {
      body.destroy();
      throw evidenceError('EVIDENCE_QUOTA_EXCEEDED', 'file', `每个账号每天最多 ${this.settings.dailyUploads} 个`);
    }
    const id = newEvidenceId();
    const storageKey = evidenceStorageKey(tenantId, id);
    let stored: StoredObject | null = null;
    try {
      stored = await this.storage.put(storageKey, body, this.settings.maxBytes);
      await formComplete;
      const { bytes, sha256 } = stored;
      return await inTransaction(this.runtime, settings, (em) =>
        this.repo.insert(em, tenantId, {
          id,
          uploadedBy: actor.id,
          professionalId: actor.role === 'PROFESSIONAL' ? actor.professionalId : null,
          fileName: sanitiseFileName(incoming.fileName, contentType),
          contentType,
          bytes,
          sha256,
          storageKey,
        }),
      );
    } catch (error) {
      if (stored) await this.storage.delete(storageKey).catch((e: unknown) => ctx.log.error({ err: e, storageKey }, 'could not delete an evidence file that was not recorded'));
      await inTransaction(this.runtime, settings, (em) => this.repo.refundUpload(em, actor.id, day)).catch((e: unknown) =>
        ctx.log.warn({ err: e }, 'could not give back an upload that stored nothing'),
      );
      if (error instanceof StorageLimitError) throw tooLargeError(this.settings.maxBytes);
      throw error;
    }
  }

  /**
   * The caller's own uploads among `ids` (each once, in the order first
   * named), for a declaration to attach. Any id that is missing, not a file,
   * or uploaded by someone else is refused as EVIDENCE_NOT_FOUND on `field`,
   * without telling which of those it is.
   */
  async findOwnFiles(ctx: Context, ids: readonly string[], field: string): Promise<EvidenceFileView[]> {
    const actor = requireAccount(ctx);
    if (ids.length > MAX_FILES_PER_CALL) throw evidenceError('EVIDENCE_TOO_MANY', field);
    const unique = [...new Set(ids)];
    if (!unique.every(isUuid)) throw evidenceError('EVIDENCE_NOT_FOUND', field);
    const files = await ctx.loaders.evidenceFile.loadMany(unique);
    const own = files.filter((f): f is EvidenceFile => !!f && !(f instanceof Error) && f.uploadedBy === actor.id);
    if (own.length !== unique.length) throw evidenceError('EVIDENCE_NOT_FOUND', field);
    return own;
  }

  /**
   * May the caller read this file? Its uploader, and officials whose part of
   * the tree holds the professional who uploaded it; a file an official
   * uploaded (no professional) only its uploader.
   */
  async canRead(ctx: Context, file: EvidenceFileView): Promise<boolean> {
    const actor = ctx.actor;
    if (actor.kind !== 'ACCOUNT') return false;
    if (file.uploadedBy === actor.id) return true;
    if (file.professionalId && isOfficial(actor)) {
      const person = await ctx.loaders.professional.load(file.professionalId);
      if (person && canSeeProfessional(actor, person)) return true;
    }
    for (const rule of this.readRules) if (await rule(ctx, file.id)) return true;
    return false;
  }

  /**
   * Adds a reason a caller may read a file, from a capability that uses files (declarations:
   * whoever may see a declaration naming the file). Capabilities after this one register here,
   * so this one never imports them.
   */
  addReadRule(rule: FileReadRule): void {
    this.readRules.push(rule);
  }

  /** A file the caller may read, or null (missing, another tenant's, or not theirs to read: the same answer). */
  async findReadable(ctx: Context, id: string): Promise<EvidenceFile | null> {
    if (ctx.actor.kind === 'ANONYMOUS') throw commonError('UNAUTHENTICATED');
    if (ctx.actor.kind !== 'ACCOUNT' || !isUuid(id)) return null;
    const file = await ctx.loaders.evidenceFile.load(id);
    return file && (await this.canRead(ctx, file)) ? file : null;
  }

  /** The bytes of a file found by `findReadable`. */
  open(file: EvidenceFile): Promise<Readable> {
    return this.storage.get(file.storageKey);
  }

  /** The caller's uploads, newest first. */
  async findMine(ctx: Context, page: PageRequest): Promise<Connection<EvidenceFile>> {
    const actor = requireAccount(ctx);
    const before = decodeCursor(page.after, 1, ([id]) => isUuid(id!))?.[0] ?? null;
    const em = await ctx.db();
    const rows = await this.repo.findPageOfUploader(em, actor.id, before, page.first + 1);
    for (const row of rows) ctx.loaders.evidenceFile.prime(row.id, row);
    return toConnection(rows, page, (r) => [r.id], () => this.repo.countOfUploader(em, actor.id));
  }
}
