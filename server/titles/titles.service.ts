// Title history (职称记录): the titles a professional obtained, recorded by the
// officials of their unit (or above). The latest record is the current title,
// which tenure-based look-back windows read (Qingdao 001 四、).
import type { AuditService } from '../audit/audit.service';
import { titleLevelRank } from '../engine/titles';
import { requireOfficial, requireTenant } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { commonError } from '../platform/errors';
import type { ProfessionalsService } from '../professionals/professionals.service';
import type { Professional } from '../professionals/professionals.types';
import { titleError } from './titles.errors';
import type { TitlesRepository } from './titles.repository';
import type { RecordTitleInput, RemoveTitleRecordInput, TitleRecord } from './titles.types';

/** Titles one person can hold over a career, with room for corrections (the API prices the list by it). */
export const MAX_TITLE_RECORDS = 10;

export class TitlesService {
  constructor(
    private readonly repo: TitlesRepository,
    private readonly professionals: ProfessionalsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A person's title history, newest first (empty when the caller may not see them). */
  async history(ctx: Context, professional: Professional): Promise<TitleRecord[]> {
    return (await ctx.loaders.titleHistory.load(professional.id)) ?? [];
  }

  async record(ctx: Context, input: RecordTitleInput): Promise<Professional> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    const person = await this.professionals.findOneOrThrow(ctx, input.professionalId, 'professionalId');
    if (titleLevelRank(input.level) <= 0) throw titleError('TITLE_LEVEL_REQUIRED', 'level');
    checkObtainedOn(input.obtainedOn, person.birthDate, this.clock.today());
    const em = await ctx.db();
    if (!(await this.repo.bumpProfessional(em, person.id, input.version))) throw commonError('VERSION_CONFLICT', 'version');
    // counted under the person's row lock (taken by the version bump above)
    if ((await this.repo.countRecords(em, person.id)) >= MAX_TITLE_RECORDS) throw titleError('TITLE_HISTORY_FULL', 'professionalId');
    const record = await this.repo.insertRecord(em, tenantId, {
      professionalId: person.id,
      level: input.level,
      series: input.series,
      obtainedOn: input.obtainedOn,
      issuingBody: input.issuingBody.trim(),
      certificateNo: input.certificateNo?.trim() || null,
      recordedBy: actor.id,
    });
    await this.repo.refreshCurrentTitle(em, person.id);
    const after = await this.reload(ctx, person.id);
    await this.audit.record(ctx, {
      action: 'title.record',
      entityType: 'professional',
      entityId: person.id,
      before: currentTitle(person),
      after: { ...currentTitle(after), record: { id: record.id, level: record.level, series: record.series, obtainedOn: record.obtainedOn, issuingBody: record.issuingBody, certificateNo: record.certificateNo } },
    });
    return after;
  }

  /** Removes a record entered by mistake; the current title falls back to the latest remaining one. */
  async remove(ctx: Context, input: RemoveTitleRecordInput): Promise<Professional> {
    requireOfficial(ctx);
    const em = await ctx.db();
    const record = await this.repo.findRecord(em, input.id);
    const person = record && (await this.professionals.findOne(ctx, record.professionalId));
    if (!record || !person) throw titleError('TITLE_RECORD_NOT_FOUND', 'id');
    if (!(await this.repo.bumpProfessional(em, person.id, input.version))) throw commonError('VERSION_CONFLICT', 'version');
    await this.repo.deleteRecord(em, record.id);
    await this.repo.refreshCurrentTitle(em, person.id);
    const after = await this.reload(ctx, person.id);
    await this.audit.record(ctx, {
      action: 'title.remove',
      entityType: 'professional',
      entityId: person.id,
      before: { ...currentTitle(person), record: { id: record.id, level: record.level, series: record.series, obtainedOn: record.obtainedOn } },
      after: currentTitle(after),
    });
    return after;
  }

  private async reload(ctx: Context, id: string): Promise<Professional> {
    ctx.loaders.professional.clear(id);
    ctx.loaders.titleHistory.clear(id);
    return this.professionals.findOneOrThrow(ctx, id);
  }
}

function currentTitle(p: Professional) {
  return { titleLevel: p.titleLevel, titleSeries: p.titleSeries, titleObtainedOn: p.titleObtainedOn, version: p.version };
}

function checkObtainedOn(obtainedOn: string, birthDate: string, today: string): void {
  if (obtainedOn < birthDate) throw titleError('TITLE_OBTAINED_BEFORE_BIRTH', 'obtainedOn');
  if (obtainedOn > today) throw titleError('TITLE_OBTAINED_IN_FUTURE', 'obtainedOn');
}
