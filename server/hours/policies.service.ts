// A tenant's continuing-education policy as published revisions. The bureau
// publishes a new revision (a changed cap, table cell, deadline...) through
// the API; earlier revisions stay, and certified years keep theirs.
import type { DataSource } from 'typeorm';
import type { Context } from '../app/context';
import { AuditService } from '../audit/audit.service';
import { PolicyDocument, PolicyVersion, versionForYear } from '../engine';
import { requireOfficial, requireTenant } from '../platform/access';
import { hoursError } from './hours.errors';
import { ActivityKind, PolicyRevisionInfo, PolicyView, PublishPolicyVersionInput } from './hours.types';
import { PolicyRevision, PolicyStore, validateDocument } from './policy-store';

export interface TenantRef {
  tenantId: string;
  code: string;
  name: string;
}

export class PoliciesService {
  constructor(
    private readonly runtime: DataSource,
    private readonly store: PolicyStore,
    private readonly audit: AuditService,
  ) {}

  /**
   * The tenant a policy question is about: the caller's own, or — for a
   * caller outside any tenant (the public calculator) — the one named.
   */
  async tenant(ctx: Context, tenantCode?: string | null): Promise<TenantRef> {
    let tenantId = ctx.tenantId;
    if (!tenantId) {
      // an operator's transaction is already open (outside any tenant)
      if (!tenantCode || ctx.tx.isOpen) throw hoursError('TENANT_NOT_FOUND', 'tenantCode');
      const rows = await this.runtime.query(`SELECT id, status FROM app_tenant_by_code($1)`, [tenantCode]);
      if (!rows.length || rows[0].status !== 'ACTIVE') throw hoursError('TENANT_NOT_FOUND', 'tenantCode');
      tenantId = rows[0].id as string;
      ctx.tx.setTenant({ tenantId, operator: ctx.actor.kind === 'OPERATOR' });
    }
    const [t] = await (await ctx.db()).query(`SELECT id, code, name FROM tenant WHERE id = $1`, [tenantId]);
    if (!t || (tenantCode && tenantCode !== t.code)) throw hoursError('TENANT_NOT_FOUND', 'tenantCode');
    return { tenantId: t.id, code: t.code, name: t.name };
  }

  async current(ctx: Context): Promise<PolicyRevision> {
    return this.store.latestOrThrow(await ctx.db());
  }

  versionOrThrow(doc: PolicyDocument, year: number, field = 'year'): PolicyVersion {
    const version = versionForYear(doc, year);
    if (!version) throw hoursError('POLICY_NO_VERSION_FOR_YEAR', field);
    return version;
  }

  async view(ctx: Context, year: number, tenantCode?: string | null): Promise<PolicyView> {
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
    await this.tenant(ctx, tenantCode);
    const v = this.versionOrThrow((await this.current(ctx)).document, year);
    return Object.entries(v.kinds).map(([code, k]) => ({
      code,
      name: k.name,
      subject: k.subject,
      source: k.source,
      params: k.params.map((p) => ({ ...p, values: p.values?.map((o) => ({ ...o })) })),
    }));
  }

  async history(ctx: Context): Promise<PolicyRevisionInfo[]> {
    requireOfficial(ctx);
    return this.store.history(await ctx.db());
  }

  /**
   * A new revision: the given version replaces the one with the same
   * fromYear (or is added), and/or the yearly deadline changes.
   */
  async publish(ctx: Context, input: PublishPolicyVersionInput): Promise<PolicyRevisionInfo> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    if (!input.version && !input.deadline) throw hoursError('POLICY_INVALID', 'version', '请提供新的政策版本或截止日期');
    const current = await this.current(ctx);
    let versions = current.document.versions;
    const version = input.version as unknown as PolicyVersion | undefined;
    if (version) {
      if (typeof version.fromYear !== 'number') throw hoursError('POLICY_INVALID', 'version.fromYear', 'fromYear 必须为年份');
      versions = versions.filter((v) => v.fromYear !== version.fromYear).concat(version);
      versions.sort((a, b) => a.fromYear - b.fromYear);
    }
    const deadline = input.deadline ? { monthDay: input.deadline.monthDay, source: input.deadline.source } : current.document.deadline;
    const document = validateDocument({ ...current.document, deadline, versions }, `${current.document.code} 第${current.revision + 1}版`);
    const em = await ctx.db();
    const published = await this.store.insert(em, tenantId, document, input.note ?? null, actor.id);
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
