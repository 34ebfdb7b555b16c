// Moving between tenants (跨地区迁入), the receiving side: a unit official (or an official
// above the unit) asks for a person registered in another tenant of the platform, by ID
// number and name, and follows the request. What the receiving tenant learns about the person
// before the move is only "such a person exists on the platform and can be asked"; the
// request waits, in this tenant, for the person or their bureau to consent (move-consent.service).
import type { AuditService } from '../audit/audit.service';
import { requireOfficial, requireTenant } from '../platform/access';
import { pathInScope, scopeOf } from '../platform/actor';
import type { Context } from '../platform/context';
import { idNumberError } from '../platform/errors';
import { parseIdNumber } from '../platform/id-number';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { uniqueViolation } from '../platform/pg-errors';
import { isUuid } from '../platform/uuid';
import type { OrganisationsService } from '../organisations/organisations.service';
import { OrgKind } from '../organisations/organisations.types';
import { isJoinDate } from '../professionals/professional-rules';
import { moveError } from './moves.errors';
import type { MoveRequestRecord, MoveRequestsRepository } from './move-requests.repository';
import { MoveRequestStatus, type MoveRequest, type RequestMoveInput } from './moves.types';

/** Days a request waits for consent before it expires (product decision). */
export const MOVE_REQUEST_DAYS = 30;

export class MoveRequestsService {
  constructor(
    private readonly repo: MoveRequestsRepository,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  async request(ctx: Context, input: RequestMoveInput): Promise<MoveRequest> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    const id = parseIdNumber(input.idNumber);
    if (!id.ok) throw idNumberError(id.code, 'idNumber');
    const unit = await this.organisations.findOneOrThrow(ctx, input.unitId, 'unitId');
    if (unit.kind !== OrgKind.UNIT) throw moveError('MOVE_UNIT_REQUIRED', 'unitId');
    if (!pathInScope(scopeOf(actor), unit.path)) throw moveError('MOVE_UNIT_OUT_OF_SCOPE', 'unitId');
    if (!isJoinDate(input.joinedUnitOn)) throw moveError('MOVE_JOIN_DATE', 'joinedUnitOn');
    const name = input.name.trim();
    const db = await ctx.db();
    // registered here already: only the unit that has them may link the move to its record
    const here = await this.repo.registeredHere(db, id.value);
    if (here && here.status === 'ACTIVE' && here.unitId !== unit.id) throw moveError('MOVE_ALREADY_REGISTERED', 'idNumber');
    if (!(await this.repo.candidateExists(db, id.value, name))) throw moveError('MOVE_PERSON_NOT_FOUND', 'idNumber');
    await this.repo.closeExpired(db, id.value);
    let requestId: string;
    try {
      requestId = await this.repo.insert(db, {
        tenantId,
        idNumber: id.value,
        name,
        gender: id.gender,
        birthDate: id.birthDate,
        unitId: unit.id,
        titleLevel: input.titleLevel,
        titleSeries: input.titleSeries,
        phone: input.phone ?? null,
        joinedUnitOn: input.joinedUnitOn,
        requestedBy: actor.id,
        validDays: MOVE_REQUEST_DAYS,
      });
    } catch (error) {
      if (uniqueViolation(error) === 'move_request_one_pending') throw moveError('MOVE_REQUEST_PENDING', 'idNumber');
      throw error;
    }
    const created = (await this.repo.findOne(db, requestId))!;
    await this.audit.record(ctx, {
      action: 'move.request',
      entityType: 'move_request',
      entityId: requestId,
      after: {
        idNumber: id.value,
        name,
        unitId: unit.id,
        titleLevel: input.titleLevel,
        titleSeries: input.titleSeries,
        joinedUnitOn: input.joinedUnitOn,
        expiresAt: created.expiresAt.toISOString(),
      },
    });
    return created;
  }

  /** The receiving unit withdraws a request nobody has answered yet. */
  async cancel(ctx: Context, id: string): Promise<MoveRequest> {
    requireOfficial(ctx);
    const found = await this.findOneOrThrow(ctx, id, 'id');
    if (found.status === MoveRequestStatus.EXPIRED) throw moveError('MOVE_REQUEST_EXPIRED', 'id');
    const db = await ctx.db();
    if (found.status !== MoveRequestStatus.PENDING || !(await this.repo.cancel(db, found.id))) throw moveError('MOVE_REQUEST_DECIDED', 'id');
    await this.audit.record(ctx, {
      action: 'move.cancel',
      entityType: 'move_request',
      entityId: found.id,
      before: { status: MoveRequestStatus.PENDING },
      after: { status: MoveRequestStatus.CANCELLED },
    });
    return (await this.repo.findOne(db, found.id))!;
  }

  /** One request of this tenant, if the official's scope holds its unit. */
  async findOne(ctx: Context, id: string): Promise<MoveRequest | null> {
    const actor = requireOfficial(ctx);
    if (!isUuid(id)) return null;
    const found = await this.repo.findOne(await ctx.db(), id);
    return found && pathInScope(scopeOf(actor), found.unitPath) ? found : null;
  }

  async findOneOrThrow(ctx: Context, id: string, field: string): Promise<MoveRequest> {
    const found = await this.findOne(ctx, id);
    if (!found) throw moveError('MOVE_REQUEST_NOT_FOUND', field);
    return found;
  }

  /** The requests into the official's part of the tree, newest first. */
  async findMany(ctx: Context, status: MoveRequestStatus | null, page: PageRequest): Promise<Connection<MoveRequestRecord>> {
    const actor = requireOfficial(ctx);
    const scope = scopeOf(actor);
    const after = decodeCursor(page.after, 2, ([at, id]) => !Number.isNaN(Date.parse(at!)) && isUuid(id!));
    const query = { path: scope.kind === 'SUBTREE' ? scope.path : null, status };
    const db = await ctx.db();
    const rows = await this.repo.findPage(db, query, after, page.first + 1);
    return toConnection(rows, page, (r) => [r.requestedKey, r.id], () => this.repo.count(db, query));
  }
}
