// A tenant's continuing-education policy as published revisions. The bureau
// publishes a new revision (a changed cap, table cell, deadline...) through
// the API; earlier revisions stay, and certified years keep theirs.
import type { AuditService } from '../audit/audit.service';
import { type PolicyDocument, type PolicyVersion, versionForYear } from '../engine';
import { requireOfficial, requireTenant } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { errorWithMessage } from '../platform/errors';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { tenantError } from '../tenants/tenants.errors';
import type { TenantsService } from '../tenants/tenants.service';
import { boundedParam, checkYear } from './input-bounds';
import { policyError } from './policy.errors';
import { formatPath } from './policy.loader';
import type { PolicyRepository, PolicyRevision } from './policy.repository';
import { policySchema } from './policy.schema';
import type { ActivityKind, PolicyRevisionInfo, PolicyView, PublishPolicyVersionInput } from './policy.types';

export interface TenantRef {
  tenantId: string;
  code: string;
  name: string;
}

/** Validates a whole document against the policy schema; the error names the path. */
export function validateDocument(raw: unknown, label: string): PolicyDocument {
  const result = policySchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatPath(issue.path) : '';
  throw errorWithMessage(policyError, 'POLICY_INVALID', `${label}: ${path}: ${issue?.message ?? '格式错误'}`, `version.${path}`);
}

export class PoliciesService {
  constructor(
    private readonly repo: PolicyRepository,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Every year argument of the API (policy, hours) goes through here: a whole
   * year from 1990 to next year, or — for facts that must already have
   * happened, like certifying — to this year (China time).
   */
  checkYear(year: number, field = 'year', upTo: 'current' | 'next' = 'next'): void {
    checkYear(year, field, this.clock, upTo);
  }

  /**
   * The tenant a policy question is about: the caller's own, or — for a
   * caller outside any tenant (the public calculator) — the one named.
   */
  async tenant(ctx: Context, tenantCode?: string | null): Promise<TenantRef> {
    let tenantId = ctx.tenantId;
    if (!tenantId) {
      if (!tenantCode) throw tenantError('TENANT_NOT_FOUND', 'tenantCode', '未登录时请用 tenantCode 指定地区');
      // an operator's transaction is already open (outside any tenant)
      if (ctx.tx.isOpen) throw policyError('POLICY_TENANT_MISMATCH', 'tenantCode');
      tenantId = await this.tenants.activeIdByCode(tenantCode);
      if (!tenantId) throw tenantError('TENANT_NOT_FOUND', 'tenantCode', `没有代码为“${tenantCode}”的地区`);
      ctx.tx.setTenant({ tenantId, operator: ctx.actor.kind === 'OPERATOR' });
    }
    const t = await this.tenants.current(ctx, tenantId);
    if (!t) throw tenantError('TENANT_NOT_FOUND', 'tenantCode');
    if (tenantCode && tenantCode !== t.code) throw policyError('POLICY_TENANT_MISMATCH', 'tenantCode', `您属于“${t.name}”，不能查询“${tenantCode}”的政策`);
    return { tenantId: t.id, code: t.code, name: t.name };
  }

  async current(ctx: Context): Promise<PolicyRevision> {
    const found = await this.repo.latest(await ctx.db());
    if (!found) throw policyError('POLICY_NOT_PUBLISHED');
    return found;
  }

  versionOrThrow(doc: PolicyDocument, year: number, field = 'year'): PolicyVersion {
    const version = versionForYear(doc, year);
    if (!version) throw policyError('POLICY_NO_VERSION_FOR_YEAR', field, `${year}年`);
    return version;
  }

  async view(ctx: Context, year: number, tenantCode?: string | null): Promise<PolicyView> {
    this.checkYear(year);
    const t = await this.tenant(ctx, tenantCode);
    const rev = await this.current(ctx);
    const v = this.versionOrThrow(rev.document, year);
    return {
      tenantCode: t.code,
      tenantName: t.name,
      revision: rev.revision,
      publishedAt: rev.publishedAt,
      year,
      fromYear: v.fromYear,
      regime: v.regime,
      requiredPublic: v.requirement.PUBLIC,
      requiredProfessional: v.requirement.PROFESSIONAL,
      deadline: rev.document.deadline.monthDay,
      version: v as unknown as Record<string, unknown>,
    };
  }

  async kinds(ctx: Context, year: number, tenantCode?: string | null): Promise<ActivityKind[]> {
    this.checkYear(year);
    await this.tenant(ctx, tenantCode);
    const v = this.versionOrThrow((await this.current(ctx)).document, year);
    return Object.entries(v.kinds).map(([code, k]) => ({
      code,
      name: k.name,
      subject: k.subject,
      source: k.source,
      // with the product-wide bounds, so that forms show what the API accepts
      params: k.params.map((p) => ({ ...boundedParam(p, this.clock), values: p.values?.map((o) => ({ ...o })) })),
    }));
  }

  async history(ctx: Context, page: PageRequest): Promise<Connection<PolicyRevisionInfo>> {
    requireOfficial(ctx);
    const em = await ctx.db();
    const before = decodeCursor(page.after, 1, ([r]) => /^\d{1,9}$/.test(r ?? ''))?.[0];
    const rows = await this.repo.history(em, before === undefined ? null : Number(before), page.first + 1);
    return toConnection(rows, page, (r) => [String(r.revision)], () => this.repo.count(em));
  }

  /**
   * A new revision: the given version replaces the one with the same
   * fromYear (or is added), and/or the yearly deadline changes. The
   * tenant's policy lock is taken before the current revision is read, so
   * that concurrent publications build on each other instead of one silently
   * reverting the other; with `expectedRevision`, a publication based on an
   * outdated revision is refused.
   */
  async publish(ctx: Context, input: PublishPolicyVersionInput): Promise<PolicyRevisionInfo> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    if (!input.version && !input.deadline) throw policyError('POLICY_INVALID', 'version', '请提供新的政策版本或截止日期');
    const db = await ctx.db();
    await this.repo.lock(db, tenantId);
    const current = await this.current(ctx);
    if (input.expectedRevision != null && input.expectedRevision !== current.revision) {
      throw policyError('REVISION_CONFLICT', 'expectedRevision', `当前为第${current.revision}版，您的修改基于第${input.expectedRevision}版`);
    }
    let versions = current.document.versions;
    const version = input.version as unknown as PolicyVersion | undefined;
    if (version) {
      if (typeof version.fromYear !== 'number') throw policyError('POLICY_INVALID', 'version.fromYear', 'fromYear 必须为年份');
      this.checkYear(version.fromYear, 'version.fromYear');
      versions = versions.filter((v) => v.fromYear !== version.fromYear).concat(version);
      versions.sort((a, b) => a.fromYear - b.fromYear);
    }
    const deadline = input.deadline ? { monthDay: input.deadline.monthDay, source: input.deadline.source } : current.document.deadline;
    const document = validateDocument({ ...current.document, deadline, versions }, `${current.document.code} 第${current.revision + 1}版`);
    const published = await this.repo.insert(db, tenantId, document, input.note ?? null, actor.id);
    await this.audit.record(ctx, {
      action: 'policy.publish',
      entityType: 'policy_revision',
      entityId: published.id,
      before: { revision: current.revision },
      after: { revision: published.revision, fromYear: version?.fromYear ?? null, deadline: deadline.monthDay, note: input.note ?? null },
    });
    return { revision: published.revision, note: published.note, publishedAt: published.publishedAt };
  }
}
