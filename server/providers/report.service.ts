// A provider's report of completions: up to 10,000 rows in one batch under a key the provider
// chooses. The key is claimed first, so a repeat (a retry after a timeout) replays the first
// answer and writes nothing; the same key with other content is refused. Each row is answered
// in its place; a bad row never costs the rest of the batch.
import { createHash } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import { isValidDate } from '../engine';
import { requireTenant } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { ID_NUMBER_ERROR_MESSAGES, type IdNumberErrorCode, maskIdNumber, normalizeIdNumber, parseIdNumber } from '../platform/id-number';
import { isUuid } from '../platform/uuid';
import type { CompletionArrays, CompletionsRepository } from './completions.repository';
import { canReportTo, requireReporter } from './provider-access';
import { MAX_BATCH_ROWS, providerError, type ProviderErrorCode } from './providers.errors';
import type { BatchRowTuple, ProvidersRepository, StoredProject } from './providers.repository';
import type { CompletionRowStatus, TrainingCompletionRowInput, TrainingCompletionRowResult, TrainingReportResult } from './providers.types';

export interface ReportInput {
  projectId: string;
  batchKey: string;
  rows: readonly TrainingCompletionRowInput[];
}

/** A row ready to record, or its answer already. */
type Checked = { index: number; idNumber: string; name: string; completedOn: string; hours: number } | BatchRowTuple;

export class ReportService {
  constructor(
    private readonly repo: ProvidersRepository,
    private readonly completions: CompletionsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async report(ctx: Context, input: ReportInput): Promise<TrainingReportResult> {
    const who = requireReporter(ctx);
    const tenantId = requireTenant(ctx);
    if (input.rows.length > MAX_BATCH_ROWS) throw providerError('PROVIDER_BATCH_TOO_LARGE', 'rows', `本次 ${input.rows.length} 条`);
    if (input.rows.length === 0) throw providerError('PROVIDER_BATCH_EMPTY', 'rows');
    const em = await ctx.db();
    const project = isUuid(input.projectId) ? await this.repo.findProject(em, input.projectId) : null;
    if (!project || !canReportTo(who, project)) throw providerError('TRAINING_PROJECT_NOT_FOUND', 'projectId');

    const contentHash = hashContent(project.id, input.rows);
    const batchId = await this.repo.claimBatch(em, {
      tenantId,
      projectId: project.id,
      source: who.source,
      providerClientId: who.clientId,
      batchKey: input.batchKey,
      contentHash,
      received: input.rows.length,
      reportedBy: who.actorId,
    });
    if (batchId === null) return this.replay(ctx, who.clientId, input.batchKey, contentHash);

    const today = this.clock.today();
    const checked = checkRows(input.rows, project, today);
    const toRecord = toArrays(checked);
    const outcomes = toRecord.index.length
      ? await this.completions.record(
          em,
          {
            tenantId,
            projectId: project.id,
            batchId,
            credit: project.onTime,
            source: who.source,
            kind: project.kind,
            params: project.params,
            hoursParam: project.hoursParam,
            recordedBy: who.actorId,
          },
          toRecord,
        )
      : [];
    const results = checked.map((c): BatchRowTuple => (Array.isArray(c) ? c : [c.index, maskIdNumber(c.idNumber), 'REJECTED', null, 0]));
    outcomes.forEach((o, i) => {
      const masked = maskIdNumber(toRecord.idNumber[i]!);
      const hours = toRecord.hours[i]!;
      if (!o.found) results[o.index] = [o.index, masked, 'REJECTED', 'COMPLETION_UNKNOWN_PERSON', 0];
      else if (!o.nameMatches) results[o.index] = [o.index, masked, 'REJECTED', 'COMPLETION_NAME_MISMATCH', 0];
      else if (!o.inserted) results[o.index] = [o.index, masked, 'ALREADY_REPORTED', 'COMPLETION_ALREADY_REPORTED', 0];
      else if (!project.onTime) results[o.index] = [o.index, masked, 'NOT_CREDITED', 'PROJECT_FILED_LATE', 0];
      else results[o.index] = [o.index, masked, 'CREDITED', null, hours];
    });
    const counts = countStatuses(results);
    await this.repo.saveBatchAnswer(em, batchId, counts, results);
    await this.audit.record(ctx, {
      action: 'training.report',
      entityType: 'training_report_batch',
      entityId: batchId,
      after: { projectId: project.id, batchKey: input.batchKey, received: input.rows.length, ...counts },
    });
    return toResult(batchId, input.batchKey, project, false, results);
  }

  /** The answer of a batch reported before under the key (refused when its content differed). */
  private async replay(ctx: Context, clientId: string | null, batchKey: string, contentHash: string): Promise<TrainingReportResult> {
    const em = await ctx.db();
    const earlier = await this.repo.findBatch(em, clientId, batchKey);
    if (!earlier || earlier.results === null) throw new Error(`batch key ${batchKey} claimed but not readable`);
    if (earlier.contentHash !== contentHash) throw providerError('PROVIDER_BATCH_KEY_REUSED', 'batchKey');
    const project = (await this.repo.findProject(em, earlier.projectId))!;
    return toResult(earlier.id, batchKey, project, true, earlier.results);
  }
}

/**
 * The content a key stands for: the project and every row as given (ID numbers normalised,
 * names trimmed), in order. Hashed, so the batch table keeps no ID numbers.
 */
function hashContent(projectId: string, rows: readonly TrainingCompletionRowInput[]): string {
  const hash = createHash('sha256').update(projectId);
  for (const r of rows) hash.update(JSON.stringify([normalizeIdNumber(String(r.idNumber)), String(r.name).trim(), r.completedOn, r.hours ?? null]));
  return hash.digest('hex');
}

/** The checks made in memory, row by row: ID number, name, date, hours, then repeats within the batch. */
function checkRows(rows: readonly TrainingCompletionRowInput[], project: StoredProject, today: string): Checked[] {
  const seen = new Set<string>();
  return rows.map((r, index): Checked => {
    const id = parseIdNumber(r.idNumber, today);
    const shown = maskIdNumber(r.idNumber);
    if (!id.ok) return [index, shown, 'REJECTED', id.code, 0];
    const name = r.name.trim();
    if (!name || name.length > 100) return [index, shown, 'REJECTED', 'COMPLETION_NAME_REQUIRED', 0];
    const on = r.completedOn;
    if (!isValidDate(on) || on < project.startDate || on > project.endDate || on > today) return [index, shown, 'REJECTED', 'COMPLETION_DATE_INVALID', 0];
    const hours = r.hours ?? project.hours;
    if (!Number.isFinite(hours) || hours <= 0 || hours > project.hours) return [index, shown, 'REJECTED', 'COMPLETION_HOURS_INVALID', 0];
    // a repeat of a row being recorded (a rejected row does not hide a later, correct one)
    if (seen.has(id.value)) return [index, shown, 'REJECTED', 'COMPLETION_DUPLICATE_IN_BATCH', 0];
    seen.add(id.value);
    return { index, idNumber: id.value, name, completedOn: on, hours };
  });
}

function toArrays(checked: readonly Checked[]): CompletionArrays {
  const out: CompletionArrays = { index: [], idNumber: [], name: [], completedOn: [], hours: [] };
  for (const c of checked) {
    if (Array.isArray(c)) continue;
    out.index.push(c.index);
    out.idNumber.push(c.idNumber);
    out.name.push(c.name);
    out.completedOn.push(c.completedOn);
    out.hours.push(c.hours);
  }
  return out;
}

function countStatuses(results: readonly BatchRowTuple[]) {
  const counts = { credited: 0, notCredited: 0, alreadyReported: 0, rejected: 0 };
  for (const [, , status] of results) {
    if (status === 'CREDITED') counts.credited++;
    else if (status === 'NOT_CREDITED') counts.notCredited++;
    else if (status === 'ALREADY_REPORTED') counts.alreadyReported++;
    else counts.rejected++;
  }
  return counts;
}

/** A row code's message; a late project's row carries the project's own reason. */
function messageOf(code: string | null, project: StoredProject): string | null {
  if (code === null) return null;
  if (code === 'PROJECT_FILED_LATE' && project.lateReason) return project.lateReason;
  if (Object.hasOwn(providerError.catalog, code)) return providerError.catalog[code as ProviderErrorCode];
  return Object.hasOwn(ID_NUMBER_ERROR_MESSAGES, code) ? ID_NUMBER_ERROR_MESSAGES[code as IdNumberErrorCode] : code;
}

function toResult(batchId: string, batchKey: string, project: StoredProject, replayed: boolean, results: readonly BatchRowTuple[]): TrainingReportResult {
  const rows = results.map(
    ([index, idNumber, status, code, hours]): TrainingCompletionRowResult => ({
      index,
      idNumber,
      status: status as CompletionRowStatus,
      code,
      message: messageOf(code, project),
      hours,
    }),
  );
  return { batchId, batchKey, projectId: project.id, replayed, received: rows.length, ...countStatuses(results), rows };
}
