// Declarations (学时申报): a professional declares what they did — an activity of any kind
// the tenant's policy knows, with its parameters and evidence — and sees at once the hours
// the policy would give. A draft is edited (version-checked) and submitted into the review
// chain (unit → department → bureau, as the policy's `review` section and the organisation
// tree say); it may be withdrawn until the first decision. Officials recording hours for
// someone (`recordActivity`) file a declaration that enters the chain at their own level.
// Nothing counts until the chain's last level records it (declaration-review.service.ts).
import type { AuditService } from '../audit/audit.service';
import type { ActivitiesService, DeclaredActivity } from '../hours/activities.service';
import type { RecordActivityInput } from '../hours/hours.types';
import { requireAccount, requireOfficial, requireTenant } from '../platform/access';
import type { AccountActor } from '../platform/actor';
import type { Context } from '../platform/context';
import { commonError } from '../platform/errors';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import type { PoliciesService } from '../policy/policy.service';
import type { ProfessionalsService } from '../professionals/professionals.service';
import { canSeeDeclaration } from './declaration-access';
import { declarationError } from './declarations.errors';
import { insertDecision } from './declaration-decisions.repository';
import { linkFiles } from './declaration-files.repository';
import type { DeclarationsRepository } from './declarations.repository';
import type { CheckedContent, DeclarationContents } from './declaration-content';
import type { CountsOnce } from './counts-once.service';
import {
  type CreateDeclarationInput,
  type Declaration,
  type DeclarationDecisionView,
  type DeclarationStatus,
  type EvidenceInput,
  type UpdateDeclarationInput,
} from './declarations.types';
import { type ChainEntries, type Entry } from './chain-entry';
import { snapshot } from './declaration-views';
import { RECORDED_STEP } from './review-chain';

/** Submissions of one declaration (the first and the resubmissions after rejections). */
export const MAX_ROUNDS = 10;


export class DeclarationsService {
  constructor(
    private readonly repo: DeclarationsRepository,
    private readonly professionals: ProfessionalsService,
    private readonly policies: PoliciesService,
    private readonly activities: ActivitiesService,
    private readonly contents: DeclarationContents,
    private readonly once: CountsOnce,
    private readonly audit: AuditService,
    private readonly entries: ChainEntries,
  ) {}

  /** A declaration the caller may see, or null (absent, another tenant's or out of sight look the same). */
  async findOne(ctx: Context, id: string): Promise<Declaration | null> {
    requireAccount(ctx);
    if (!isUuid(id)) return null;
    const d = await ctx.loaders.declaration.load(id);
    return d && canSeeDeclaration(ctx.actor, d) ? d : null;
  }

  async findOneOrThrow(ctx: Context, id: string, field = 'id'): Promise<Declaration> {
    const d = await this.findOne(ctx, id);
    if (!d) throw declarationError('DECLARATION_NOT_FOUND', field);
    return d;
  }

  /** The declaration as stored now (after a write in this request). */
  async reload(ctx: Context, id: string): Promise<Declaration> {
    ctx.loaders.declaration.clear(id);
    ctx.loaders.declarationDecisions.clear(id);
    const d = await ctx.loaders.declaration.load(id);
    if (!d) throw declarationError('DECLARATION_NOT_FOUND', 'id');
    return d;
  }

  /** One person's declarations (a professional: their own), by year; drafts only their filer's. */
  async findMany(
    ctx: Context,
    filter: { professionalId?: string | null; year?: number | null; status?: DeclarationStatus | null },
    page: PageRequest,
  ): Promise<Connection<Declaration>> {
    const actor = requireAccount(ctx);
    if (filter.year != null) this.policies.checkYear(filter.year, 'year');
    const professionalId = filter.professionalId ?? actor.professionalId;
    if (!professionalId) throw commonError('BAD_USER_INPUT', 'professionalId', '请指定专业技术人员');
    const person = await this.professionals.findOneOrThrow(ctx, professionalId, 'professionalId');
    const after = decodeCursor(page.after, 2, ([y, id]) => /^\d{4}$/.test(y ?? '') && isUuid(id ?? ''));
    const query = { professionalId: person.id, year: filter.year ?? null, status: filter.status ?? null, viewer: actor.id };
    const em = await ctx.db();
    const rows = await this.repo.findPage(em, query, after, page.first + 1);
    for (const row of rows) ctx.loaders.declaration.prime(row.id, row);
    return toConnection(rows, page, (d) => [String(d.year), d.id], () => this.repo.countPage(em, query));
  }

  async decisions(ctx: Context, d: Declaration): Promise<DeclarationDecisionView[]> {
    return canSeeDeclaration(ctx.actor, d) ? ctx.loaders.declarationDecisions.load(d.id) : [];
  }

  /** A professional declares for themself: a draft, or submitted at once. */
  async create(ctx: Context, input: CreateDeclarationInput): Promise<Declaration> {
    const actor = requireAccount(ctx);
    const tenantId = requireTenant(ctx);
    if (actor.role !== 'PROFESSIONAL' || !actor.professionalId) throw declarationError('DECLARATION_PROFESSIONALS_ONLY');
    const person = await this.professionals.findOneOrThrow(ctx, actor.professionalId, 'professionalId');
    const content = await this.contents.check(ctx, input, input.evidence ?? null);
    if (input.submit) await this.goingLive(ctx, person.id, null, content);
    const state = input.submit ? (await this.entries.entry(ctx, person, content.kind)).state : null;
    const id = await this.repo.insert(
      await ctx.db(),
      { ...content, tenantId, professionalId: person.id, unitId: person.unitId, titleSeries: person.titleSeries, filedBy: actor.id, filedByRole: actor.role },
      state,
    );
    await this.stored(ctx, id, content);
    const created = await this.reload(ctx, id);
    await this.audit.record(ctx, { action: 'declaration.create', entityType: 'declaration', entityId: id, after: snapshot(created) });
    return created;
  }

  /** Changes a draft, or a rejected declaration before it is resubmitted; only its filer, at the version read. */
  async update(ctx: Context, input: UpdateDeclarationInput): Promise<Declaration> {
    const before = await this.filersOwn(ctx, input.id);
    if (before.status !== 'DRAFT' && before.status !== 'REJECTED') throw declarationError('DECLARATION_NOT_EDITABLE', 'id');
    if (before.version !== input.version) throw commonError('VERSION_CONFLICT', 'version');
    const content = await this.contents.check(
      ctx,
      {
        kind: input.kind ?? before.kind,
        year: input.year ?? before.year,
        date: input.date === undefined ? before.date : input.date,
        params: input.params ?? before.params,
      },
      input.evidence === undefined ? null : input.evidence,
      input.evidence === undefined ? before : null,
    );
    // a rejected declaration is still live: its corrected evidence may not clash either
    if (before.status === 'REJECTED') await this.once.check(ctx, before.professionalId, before.id, content.keys, content.spec);
    if (!(await this.repo.updateContent(await ctx.db(), before.id, input.version, content))) throw await this.whyNotChanged(ctx, before.id, 'DECLARATION_NOT_EDITABLE');
    await this.stored(ctx, before.id, content);
    const after = await this.reload(ctx, before.id);
    await this.audit.record(ctx, { action: 'declaration.update', entityType: 'declaration', entityId: before.id, before: snapshot(before), after: snapshot(after) });
    return after;
  }

  /** Into the chain: a draft's first round, or a corrected rejected declaration's next one. */
  async submit(ctx: Context, id: string, version: number): Promise<Declaration> {
    const before = await this.filersOwn(ctx, id);
    if (before.status !== 'DRAFT' && before.status !== 'REJECTED') throw declarationError('DECLARATION_NOT_EDITABLE', 'id');
    if (before.version !== version) throw commonError('VERSION_CONFLICT', 'version');
    if (before.round >= MAX_ROUNDS) throw declarationError('DECLARATION_ROUND_LIMIT', 'id');
    // the policy may have changed since the draft was written
    const content = await this.contents.recheck(ctx, before);
    await this.goingLive(ctx, before.professionalId, before.id, content);
    const person = await this.professionals.findOneOrThrow(ctx, before.professionalId, 'id');
    const entry = await this.entries.entry(ctx, person, before.kind);
    const em = await ctx.db();
    await this.stored(ctx, before.id, content);
    const submitted = await this.once.guard(() => this.repo.submit(em, before.id, version, entry.state), content.spec);
    if (!submitted) throw await this.whyNotChanged(ctx, before.id, 'DECLARATION_NOT_EDITABLE');
    const after = await this.afterFiling(ctx, before.id, before.round + 1, entry);
    await this.audit.record(ctx, {
      action: before.status === 'REJECTED' ? 'declaration.resubmit' : 'declaration.submit',
      entityType: 'declaration',
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  }

  /** By its filer: a draft, a rejected one they will not correct, or a submitted one before any decision of the current round. */
  async withdraw(ctx: Context, id: string, version: number | null): Promise<Declaration> {
    const before = await this.filersOwn(ctx, id);
    const em = await ctx.db();
    if (!(await this.repo.withdraw(em, before.id, before.filedBy, version))) throw await this.whyNotChanged(ctx, before.id, 'DECLARATION_WITHDRAW_TOO_LATE', version);
    const after = await this.reload(ctx, before.id);
    await this.audit.record(ctx, { action: 'declaration.withdraw', entityType: 'declaration', entityId: before.id, before: snapshot(before), after: snapshot(after) });
    return after;
  }

  /**
   * An official records an activity for someone in their scope (`recordActivity`): a
   * declaration filed at the official's level. Their level's decision is theirs (a FILED
   * decision); it waits at the first level above them, or is recorded at once when there is
   * none (a bureau official's record).
   */
  async fileAsOfficial(ctx: Context, input: RecordActivityInput, evidence: EvidenceInput | null): Promise<Declaration> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    const person = await this.professionals.findOneOrThrow(ctx, input.professionalId, 'professionalId');
    const content = await this.contents.check(ctx, input, evidence);
    await this.goingLive(ctx, person.id, null, content);
    const entry = await this.entries.entry(ctx, person, content.kind);
    const id = await this.repo.insert(
      await ctx.db(),
      { ...content, tenantId, professionalId: person.id, unitId: person.unitId, titleSeries: person.titleSeries, filedBy: actor.id, filedByRole: actor.role },
      entry.state,
    );
    await this.stored(ctx, id, content);
    const filed = await this.afterFiling(ctx, id, 1, entry);
    await this.audit.record(ctx, { action: 'declaration.file', entityType: 'declaration', entityId: id, after: snapshot(filed) });
    return filed;
  }

  /** After a filing or submission: the filing official's own decision, and the record when no level is left. */
  private async afterFiling(ctx: Context, id: string, round: number, entry: Entry): Promise<Declaration> {
    const tenantId = requireTenant(ctx);
    if (entry.own) {
      await insertDecision(await ctx.db(), {
        tenantId,
        declarationId: id,
        round,
        level: entry.own.level,
        nodeId: entry.own.actor.orgNodeId,
        decision: 'FILED',
        reviewerId: entry.own.actor.id,
        reviewerLabel: entry.own.actor.label,
        comment: null,
        publicHours: null,
        professionalHours: null,
      });
    }
    const filed = await this.reload(ctx, id);
    if (entry.state.step !== RECORDED_STEP) return filed;
    await this.recordActivityOf(ctx, filed, requireAccount(ctx));
    return this.reload(ctx, id);
  }

  /** The end of the chain: the declaration's activity is recorded; from now on it counts. */
  async recordActivityOf(ctx: Context, d: Declaration, recordedBy: AccountActor): Promise<void> {
    await this.activities.recordDeclared(ctx, toDeclared(d, recordedBy));
  }

  /** As `recordActivityOf` for each, in one statement (a bulk approval at the last level). */
  async recordActivitiesOf(ctx: Context, ds: readonly Declaration[], recordedBy: AccountActor): Promise<void> {
    if (ds.length) await this.activities.recordDeclaredMany(ctx, ds.map((d) => toDeclared(d, recordedBy)));
  }

  /** The declaration, if the caller filed it (only its filer changes, submits or withdraws it). */
  private async filersOwn(ctx: Context, id: string): Promise<Declaration> {
    const actor = requireAccount(ctx);
    const d = await this.findOneOrThrow(ctx, id);
    if (d.filedBy !== actor.id) throw declarationError('DECLARATION_NOT_FILER', 'id');
    return d;
  }

  /** Why a conditional write changed nothing: the version moved on, or the state no longer allows it. */
  private async whyNotChanged(ctx: Context, id: string, stateCode: 'DECLARATION_NOT_EDITABLE' | 'DECLARATION_WITHDRAW_TOO_LATE', version?: number | null) {
    const now = await this.reload(ctx, id);
    const stillOpen = stateCode === 'DECLARATION_WITHDRAW_TOO_LATE' ? isWithdrawable(now) : now.status === 'DRAFT' || now.status === 'REJECTED';
    if (stillOpen && version !== null) return commonError('VERSION_CONFLICT', 'version');
    return declarationError(stateCode, 'id');
  }

  /** After its content is written: its counts-once keys and the files it names (who may read them). */
  private async stored(ctx: Context, id: string, c: CheckedContent): Promise<void> {
    await this.once.store(ctx, id, c.resultTitle, c.keys, c.spec);
    await linkFiles(await ctx.db(), requireTenant(ctx), id, c.fileIds);
  }

  /** Before a declaration goes live: the evidence its kind requires, and no clash with the person's other live declarations. */
  private async goingLive(ctx: Context, professionalId: string, exceptId: string | null, c: CheckedContent): Promise<void> {
    this.once.requireEvidence(c.spec, c);
    await this.once.check(ctx, professionalId, exceptId, c.keys, c.spec);
  }
}

/** The activity a recorded declaration becomes. */
function toDeclared(d: Declaration, recordedBy: AccountActor): DeclaredActivity {
  return {
    declarationId: d.id,
    professionalId: d.professionalId,
    kind: d.kind,
    year: d.year,
    date: d.date,
    params: d.params,
    recordedBy: recordedBy.id,
    submittedAt: d.submittedAt ?? new Date(),
    adjusted: d.adjusted,
  };
}

function isWithdrawable(d: Declaration): boolean {
  return d.status === 'DRAFT' || d.status === 'REJECTED' || (d.status === 'SUBMITTED' && d.step === d.entryStep);
}
