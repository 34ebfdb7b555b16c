// Confirming a staff import: the staged rows of a checked job become professionals, in the
// request's one transaction. The job's row is locked first and must still be READY, so a
// second confirmation (a double click, two tabs, two servers) waits and is then refused;
// the database checks run again under that lock (units and people may have changed since
// the dry run). ALL writes nothing when any row has an error; VALID_ONLY skips those rows.
// Every person created or changed gets the audit row a single registration or edit gets,
// written by the same statement as the person (auditInsertSql).
import { type AuditService, auditInsertSql } from '../audit/audit.service';
import { requireOfficial, requireTenant } from '../platform/access';
import type { Context } from '../platform/context';
import { type Metrics, noMetrics, timedJob } from '../platform/metrics';
import { isUuid } from '../platform/uuid';
import type { StaffImportChecksRepository } from './staff-import-checks.repository';
import { staffImportError } from './staff-imports.errors';
import type { ImportOutcome, StaffImportsRepository } from './staff-imports.repository';
import { checkAgainstDatabase } from './staff-imports.service';
import type { StaffImport, StaffImportMode } from './staff-imports.types';

export class StaffImportConfirmService {
  constructor(
    private readonly repo: StaffImportsRepository,
    private readonly checks: StaffImportChecksRepository,
    private readonly audit: AuditService,
    private readonly metrics: Metrics = noMetrics,
  ) {}

  confirm(ctx: Context, id: string, mode: StaffImportMode): Promise<StaffImport> {
    return timedJob(this.metrics, 'staff_import_confirm', () => this.apply(ctx, id, mode));
  }

  private async apply(ctx: Context, id: string, mode: StaffImportMode): Promise<StaffImport> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    if (!isUuid(id)) throw staffImportError('STAFF_IMPORT_NOT_FOUND', 'id');
    const em = await ctx.db();
    const job = await this.repo.lockOne(em, id);
    if (!job || job.createdBy !== actor.id) throw staffImportError('STAFF_IMPORT_NOT_FOUND', 'id');
    if (job.status === 'IMPORTED') throw staffImportError('STAFF_IMPORT_ALREADY_CONFIRMED', 'id');
    if (job.status === 'EXPIRED' || job.expiresAt.getTime() <= Date.now()) throw staffImportError('STAFF_IMPORT_EXPIRED', 'id');

    await this.repo.deleteRecheckedErrors(em, id);
    const counts = await checkAgainstDatabase(em, this.checks, id, actor);
    if (mode === 'ALL' && counts.validRows < counts.totalRows) {
      throw staffImportError('STAFF_IMPORT_HAS_ERRORS', 'mode', `${counts.totalRows - counts.validRows} 行有错误`);
    }
    if (counts.validRows === 0) throw staffImportError('STAFF_IMPORT_NOTHING_VALID', 'mode');

    const { created, written } = await this.checks.apply(em, tenantId, id, (source, firstParam) => auditInsertSql(ctx, source, firstParam));
    const outcome: ImportOutcome = {
      mode,
      created,
      updated: written - created,
      unchanged: counts.validRows - written,
      skipped: counts.totalRows - counts.validRows,
    };
    const done = await this.repo.finish(em, id, actor.id, outcome);
    await this.audit.record(ctx, {
      action: 'staffImport.confirm',
      entityType: 'staff_import',
      entityId: id,
      before: { status: job.status, version: job.version },
      after: { status: done.status, version: done.version, ...outcome },
    });
    return done;
  }
}

