// Professionals (专业技术人员): registered by ID number in a unit, seen only
// by the officials whose part of the tree holds that unit, and by themselves.
import type { Context } from '../platform/context';
import { AuditService } from '../audit/audit.service';
import { canSeeProfessional, requireAccount, requireOfficial, requireTenant } from '../platform/access';
import { pathInScope, scopeOf } from '../platform/actor';
import { commonError, idNumberError } from '../platform/errors';
import { parseIdNumber } from '../platform/id-number';
import { Connection, decodeCursor, emptyConnection, PageRequest, toConnection } from '../platform/pagination';
import { uniqueViolation } from '../platform/pg-errors';
import { isUuid } from '../platform/uuid';
import { OrganisationsService } from '../organisations/organisations.service';
import { Organisation, OrgKind } from '../organisations/organisations.types';
import { isJoinDate } from './professional-rules';
import { professionalError } from './professionals.errors';
import { ProfessionalQuery, ProfessionalsRepository } from './professionals.repository';
import {
  CreateProfessionalInput,
  Professional,
  ProfessionalFilter,
  ProfessionalStatus,
  TransferProfessionalInput,
  UpdateProfessionalInput,
} from './professionals.types';

export class ProfessionalsService {
  constructor(
    private readonly repo: ProfessionalsRepository,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  async findOne(ctx: Context, id: string): Promise<Professional | null> {
    requireAccount(ctx);
    const p = await ctx.loaders.professional.load(id);
    return p && canSeeProfessional(ctx.actor, p) ? p : null;
  }

  async findOneOrThrow(ctx: Context, id: string, field = 'id'): Promise<Professional> {
    const p = await this.findOne(ctx, id);
    if (!p) throw professionalError('PROFESSIONAL_NOT_FOUND', field);
    return p;
  }

  /** The actor's professionals matching the filter, by unit; totalCount counts the same query. */
  async findMany(ctx: Context, filter: ProfessionalFilter, page: PageRequest): Promise<Connection<Professional>> {
    const query = await this.toQuery(ctx, filter);
    const after = decodeCursor(page.after, 2, ([, id]) => isUuid(id!));
    if (!query) return emptyConnection(page);
    const em = await ctx.db();
    const rows = await this.repo.findPage(em, query, after, page.first + 1);
    for (const row of rows) ctx.loaders.professional.prime(row.id, row);
    return toConnection(rows, page, (r) => [r.unitPath, r.id], () => this.repo.count(em, query));
  }

  async create(ctx: Context, input: CreateProfessionalInput): Promise<Professional> {
    requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    const id = parseIdNumber(input.idNumber);
    if (!id.ok) throw idNumberError(id.code, 'idNumber');
    const unit = await this.unitInScope(ctx, input.unitId, 'unitId');
    checkDate(input.joinedUnitOn, 'joinedUnitOn');
    const em = await ctx.db();
    let created: Professional;
    try {
      created = await this.repo.insert(em, tenantId, {
        idNumber: id.value,
        name: input.name.trim(),
        gender: id.gender,
        birthDate: id.birthDate,
        unitId: unit.id,
        unitPath: unit.path,
        titleLevel: input.titleLevel,
        titleSeries: input.titleSeries,
        phone: input.phone ?? null,
        joinedUnitOn: input.joinedUnitOn,
      });
    } catch (error) {
      if (uniqueViolation(error) === 'professional_id_number') throw professionalError('PROFESSIONAL_ID_NUMBER_TAKEN', 'idNumber');
      throw error;
    }
    await this.audit.record(ctx, { action: 'professional.create', entityType: 'professional', entityId: created.id, after: snapshot(created) });
    return created;
  }

  async update(ctx: Context, input: UpdateProfessionalInput): Promise<Professional> {
    requireOfficial(ctx);
    const before = await this.findOneOrThrow(ctx, input.id);
    if (before.status === ProfessionalStatus.MOVED_OUT) throw professionalError('PROFESSIONAL_MOVED_OUT', 'id');
    if (input.status === ProfessionalStatus.MOVED_OUT) throw professionalError('PROFESSIONAL_MOVED_OUT', 'status');
    // the current title of a person with a title history is its latest record
    if (before.titleObtainedOn !== null && (input.titleLevel || input.titleSeries)) {
      throw professionalError('PROFESSIONAL_TITLE_FROM_HISTORY', input.titleLevel ? 'titleLevel' : 'titleSeries');
    }
    const updated = await this.repo.update(await ctx.db(), before.id, input.version, {
      name: input.name?.trim() ?? undefined,
      titleLevel: input.titleLevel ?? undefined,
      titleSeries: input.titleSeries ?? undefined,
      phone: input.phone === undefined ? undefined : input.phone,
      status: input.status ?? undefined,
    });
    if (!updated) throw commonError('VERSION_CONFLICT', 'version');
    await this.audit.record(ctx, {
      action: 'professional.update',
      entityType: 'professional',
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(updated),
    });
    ctx.loaders.professional.clear(before.id).prime(before.id, updated);
    return updated;
  }

  /** Moves a professional to another unit; both units must be in the official's scope. */
  async transfer(ctx: Context, input: TransferProfessionalInput): Promise<Professional> {
    requireOfficial(ctx);
    const before = await this.findOneOrThrow(ctx, input.id);
    if (before.status === ProfessionalStatus.MOVED_OUT) throw professionalError('PROFESSIONAL_MOVED_OUT', 'id');
    const unit = await this.unitInScope(ctx, input.unitId, 'unitId');
    if (unit.id === before.unitId) throw professionalError('PROFESSIONAL_SAME_UNIT', 'unitId');
    checkDate(input.joinedUnitOn, 'joinedUnitOn');
    const em = await ctx.db();
    const moved = await this.repo.update(em, before.id, before.version, {
      unitId: unit.id,
      unitPath: unit.path,
      joinedUnitOn: input.joinedUnitOn,
    });
    if (!moved) throw commonError('VERSION_CONFLICT', 'id');
    await this.repo.moveAccount(em, before.id, unit.id);
    await this.audit.record(ctx, {
      action: 'professional.transfer',
      entityType: 'professional',
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(moved),
    });
    ctx.loaders.professional.clear(before.id).prime(before.id, moved);
    return moved;
  }

  /** The list filter, narrowed to the actor's scope; null when nothing can match. */
  private async toQuery(ctx: Context, filter: ProfessionalFilter): Promise<ProfessionalQuery | null> {
    const actor = requireAccount(ctx);
    const scope = scopeOf(actor);
    const query: ProfessionalQuery = {
      path: scope.kind === 'SUBTREE' ? scope.path : null,
      selfId: scope.kind === 'SELF' ? scope.professionalId : null,
      titleLevel: filter.titleLevel,
      titleSeries: filter.titleSeries,
      status: filter.status,
      name: filter.name?.trim() || null,
    };
    if (scope.kind === 'NONE') throw commonError('FORBIDDEN');
    if (filter.idNumber) {
      const id = parseIdNumber(filter.idNumber);
      if (!id.ok) throw idNumberError(id.code, 'filter.idNumber');
      query.idNumber = id.value;
    }
    if (filter.orgId) {
      const org = await this.organisations.findOneOrThrow(ctx, filter.orgId, 'filter.orgId');
      const path = narrower(query.path, org.path);
      if (path === undefined) return null;
      query.path = path;
      
    }
    if (filter.unitId) {
      const unit = await this.organisations.findOneOrThrow(ctx, filter.unitId, 'filter.unitId');
      query.unitId = unit.id;
    }
    return query;
  }

  private async unitInScope(ctx: Context, unitId: string, field: string): Promise<Organisation> {
    const unit = await this.organisations.findOneOrThrow(ctx, unitId, field);
    if (unit.kind !== OrgKind.UNIT) throw professionalError('PROFESSIONAL_UNIT_REQUIRED', field);
    if (!pathInScope(scopeOf(ctx.actor), unit.path)) throw professionalError('PROFESSIONAL_OUT_OF_SCOPE', field);
    return unit;
  }
}

/** The intersection of two subtrees given by path: the deeper one, or undefined when disjoint. */
function narrower(a: string | null, b: string): string | undefined {
  if (a === null || b.startsWith(a)) return b;
  if (a.startsWith(b)) return a;
  return undefined;
}

function checkDate(value: string, field: string): void {
  if (!isJoinDate(value)) throw professionalError('PROFESSIONAL_JOIN_DATE', field);
}

function snapshot(p: Professional) {
  return {
    idNumber: p.idNumber,
    name: p.name,
    unitId: p.unitId,
    titleLevel: p.titleLevel,
    titleSeries: p.titleSeries,
    phone: p.phone,
    status: p.status,
    joinedUnitOn: p.joinedUnitOn,
    version: p.version,
  };
}
