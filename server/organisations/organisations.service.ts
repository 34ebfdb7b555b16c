// The organisation tree of a tenant: the bureau at the root, departments
// (district HR bureaus, sector departments) and units below. Officials manage
// the part of the tree under their own node.
import type { Context } from '../platform/context';
import { AuditService } from '../audit/audit.service';
import { canSeeOrganisation, requireAccount, requireOfficial, requireTenant } from '../platform/access';
import { pathInScope, scopeOf } from '../platform/actor';
import { uniqueViolation } from '../platform/pg-errors';
import { isUuid } from '../platform/uuid';
import { Connection, decodeCursor, emptyConnection, PageRequest, toConnection } from '../platform/pagination';
import { organisationError } from './organisations.errors';
import { OrganisationsRepository, SubtreeQuery } from './organisations.repository';
import {
  CreateOrganisationInput,
  MoveOrganisationInput,
  Organisation,
  OrgKind,
  RenameOrganisationInput,
  SetEmployerTypeInput,
} from './organisations.types';
import { commonError } from '../platform/errors';

const ALLOWED_PARENTS: Record<OrgKind, OrgKind[]> = {
  BUREAU: [],
  DEPARTMENT: [OrgKind.BUREAU, OrgKind.DEPARTMENT],
  UNIT: [OrgKind.BUREAU, OrgKind.DEPARTMENT],
};

export class OrganisationsService {
  constructor(
    private readonly repo: OrganisationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** A node the actor may see, or null (another tenant's id looks the same as none). */
  async findOne(ctx: Context, id: string): Promise<Organisation | null> {
    requireAccount(ctx);
    const node = await ctx.loaders.organisation.load(id);
    return node && canSeeOrganisation(ctx.actor, node.path) ? node : null;
  }

  async findOneOrThrow(ctx: Context, id: string, field = 'id'): Promise<Organisation> {
    const node = await this.findOne(ctx, id);
    if (!node) throw organisationError('ORGANISATION_NOT_FOUND', field);
    return node;
  }

  /** The actor's subtree (or the subtree under `under`), depth-first in path order. */
  async findMany(ctx: Context, args: { under?: string | null; kind?: OrgKind | null }, page: PageRequest): Promise<Connection<Organisation>> {
    const actor = requireAccount(ctx);
    const em = await ctx.db();
    let root: Organisation;
    if (args.under) {
      root = await this.findOneOrThrow(ctx, args.under, 'under');
    } else if (actor.role === 'BUREAU_OFFICIAL') {
      root = (await this.repo.bureau(em))!;
    } else {
      root = await this.findOneOrThrow(ctx, actor.orgNodeId);
    }
    // A professional may only see their own unit, never its subtree.
    const query: SubtreeQuery = { path: root.path, exact: actor.role === 'PROFESSIONAL', kind: args.kind };
    const afterPath = decodeCursor(page.after, 1)?.[0] ?? null;
    const rows = await this.repo.findSubtree(em, query, afterPath, page.first + 1);
    for (const row of rows) ctx.loaders.organisation.prime(row.id, row);
    return toConnection(rows, page, (r) => [r.path], () => this.repo.countSubtree(em, query));
  }

  /** The children of a node the actor can see, by name. */
  async findChildren(ctx: Context, parent: Organisation, page: PageRequest): Promise<Connection<Organisation>> {
    const actor = requireAccount(ctx);
    // an official sees the whole subtree below a node they see; a professional nothing below their unit
    if (actor.role === 'PROFESSIONAL' || !canSeeOrganisation(actor, parent.path)) return emptyConnection(page);
    const after = decodeCursor(page.after, 2, ([, id]) => isUuid(id!));
    // batched: a list of organisations asking for children costs one query per page shape
    const rows = await ctx.loaders.organisationChildren.load({ parentId: parent.id, after, limit: page.first + 1 });
    for (const row of rows) ctx.loaders.organisation.prime(row.id, row);
    return toConnection(rows, page, (r) => [r.name, r.id], () => ctx.loaders.organisationChildCount.load(parent.id));
  }

  async create(ctx: Context, input: CreateOrganisationInput): Promise<Organisation> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    const parent = await this.findOneOrThrow(ctx, input.parentId, 'parentId');
    if (input.kind === OrgKind.BUREAU || !ALLOWED_PARENTS[input.kind].includes(parent.kind)) {
      throw organisationError('ORGANISATION_PARENT_KIND', 'kind');
    }
    if (actor.role === 'DEPARTMENT_OFFICIAL' && input.kind !== OrgKind.UNIT) {
      throw organisationError('ORGANISATION_OUT_OF_SCOPE', 'kind', '主管部门只能创建用人单位');
    }
    const em = await ctx.db();
    const created = await this.guardUnique(() =>
      this.repo.insert(em, tenantId, { parentId: parent.id, kind: input.kind, name: input.name.trim(), code: input.code, employerType: input.employerType }),
    );
    await this.audit.record(ctx, { action: 'organisation.create', entityType: 'organisation', entityId: created.id, after: snapshot(created) });
    ctx.loaders.organisation.prime(created.id, created);
    return created;
  }

  async rename(ctx: Context, input: RenameOrganisationInput): Promise<Organisation> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL']);
    const node = await this.findOneOrThrow(ctx, input.id);
    if (actor.role === 'DEPARTMENT_OFFICIAL' && node.id === actor.orgNodeId) {
      throw organisationError('ORGANISATION_OUT_OF_SCOPE', 'id', '机构更名须由上级办理');
    }
    const em = await ctx.db();
    const renamed = await this.guardUnique(() => this.repo.rename(em, node.id, input.name.trim()));
    await this.audit.record(ctx, {
      action: 'organisation.rename',
      entityType: 'organisation',
      entityId: node.id,
      before: snapshot(node),
      after: snapshot(renamed),
    });
    ctx.loaders.organisation.clear(node.id).prime(node.id, renamed);
    return renamed;
  }

  async move(ctx: Context, input: MoveOrganisationInput): Promise<Organisation> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL']);
    const node = await this.findOneOrThrow(ctx, input.id);
    const newParent = await this.findOneOrThrow(ctx, input.newParentId, 'newParentId');
    if (node.kind === OrgKind.BUREAU) throw organisationError('ORGANISATION_MOVE_ROOT', 'id');
    if (node.id === actor.orgNodeId) throw organisationError('ORGANISATION_OUT_OF_SCOPE', 'id', '不能移动自己所在的机构');
    if (newParent.path.startsWith(node.path)) throw organisationError('ORGANISATION_MOVE_CYCLE', 'newParentId');
    if (!ALLOWED_PARENTS[node.kind].includes(newParent.kind)) throw organisationError('ORGANISATION_PARENT_KIND', 'newParentId');
    if (!pathInScope(scopeOf(actor), node.path)) throw organisationError('ORGANISATION_OUT_OF_SCOPE', 'id');
    const em = await ctx.db();
    const moved = await this.guardUnique(() => this.repo.move(em, node, newParent));
    await this.audit.record(ctx, {
      action: 'organisation.move',
      entityType: 'organisation',
      entityId: node.id,
      before: snapshot(node),
      after: snapshot(moved),
    });
    ctx.loaders.organisation.clearAll();
    ctx.loaders.professional.clearAll();
    return moved;
  }

  /**
   * Sets (or clears) a node's employer type; the nodes below that set none follow it, and so
   * do the people in their units (their unit's effective type is theirs).
   */
  async setEmployerType(ctx: Context, input: SetEmployerTypeInput): Promise<Organisation> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL']);
    const node = await this.findOneOrThrow(ctx, input.id);
    if (actor.role === 'DEPARTMENT_OFFICIAL' && node.id === actor.orgNodeId) {
      throw organisationError('ORGANISATION_OUT_OF_SCOPE', 'id', '本机构的单位性质须由上级设定');
    }
    const em = await ctx.db();
    if (!(await this.repo.setEmployerType(em, node.id, input.version, input.employerType ?? null))) throw commonError('VERSION_CONFLICT', 'version');
    await this.repo.refreshEmployerTypes(em, node.path);
    const updated = (await this.repo.findOne(em, node.id))!;
    await this.audit.record(ctx, {
      action: 'organisation.employerType',
      entityType: 'organisation',
      entityId: node.id,
      before: snapshot(node),
      after: snapshot(updated),
    });
    ctx.loaders.organisation.clearAll();
    return updated;
  }

  private async guardUnique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'org_node_sibling_name') throw organisationError('ORGANISATION_NAME_TAKEN', 'name');
      if (constraint === 'org_node_code') throw organisationError('ORGANISATION_CODE_TAKEN', 'code');
      throw error;
    }
  }
}

function snapshot(o: Organisation) {
  return { name: o.name, kind: o.kind, code: o.code, parentId: o.parentId, employerType: o.employerType, effectiveEmployerType: o.effectiveEmployerType, version: o.version };
}

