// A tenant's continuing-education policy as published revisions. The bureau
// publishes a new revision (a changed cap, table cell, deadline...) through
// the API; earlier revisions stay, and certified years keep theirs.
import type { AuditService } from '../audit/audit.service';
import { citationText, type PolicyDocument, type PolicyVersion, versionForYear } from '../engine';
import { requireOfficial, requireTenant } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { errorWithMessage } from '../platform/errors';
import { noInvalidations, type Invalidations } from '../platform/invalidation';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import type { Queryable } from '../platform/sql';
import { tenantError } from '../tenants/tenants.errors';
import type { TenantsService } from '../tenants/tenants.service';
import { boundedParam, checkYear } from './input-bounds';
import { LatestRevisions } from './latest-revisions';
import { draftDocument, inputField } from './policy-draft';
import { formatPath, validatePolicy } from './policy-validation';
import { policyError } from './policy.errors';
import type { PolicyRepository, PolicyRevision } from './policy.repository';
import type { ActivityKind, PolicyRevisionInfo, PolicyView, PublishPolicyVersionInput, ReminderDaysView, ReviewChainView } from './policy.types';

export interface TenantRef {
  tenantId: string;
  code: string;
  name: string;
}

export class PoliciesService {
  private readonly latest: LatestRevisions;

  constructor(
    private readonly repo: PolicyRepository,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    /** The bus the latest-revision cache follows; absent: the latest revision is read on every call. */
    invalidations: Invalidations = noInvalidations,
  ) {
    this.latest = new LatestRevisions(invalidations);
  }

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

  /**
   * The tenant's latest revision, from the process's cache (latest-revisions.ts) when the
   * request has a tenant: a revision published elsewhere counts here as soon as its commit's
   * notification arrives (a moment after the commit); one published through this process, at
   * once. A caller that read the latest number in its own statement uses `atRevision`.
   */
  async current(ctx: Context): Promise<PolicyRevision> {
    const tenantId = ctx.tenantId;
    const load = async () => this.repo.latest(await ctx.db(), tenantId);
    const found = tenantId ? await this.latest.current(tenantId, load) : await load();
    if (!found) throw policyError('POLICY_NOT_PUBLISHED');
    return found;
  }

  /**
   * Revision number `revision` of the request's tenant, which the caller has just read to be
   * the latest (in the same statement as the data it evaluates): the cached latest when it is
   * that one, else loaded by number (and cached as the latest when newer). So a revision
   * published anywhere counts at once, notification or not. POLICY_NOT_PUBLISHED if none.
   */
  async atRevision(ctx: Context, revision: number): Promise<PolicyRevision> {
    const tenantId = ctx.tenantId;
    const load = async () => this.repo.byNumber(await ctx.db(), tenantId, revision);
    const found = tenantId ? await this.latest.at(tenantId, revision, load) : await load();
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
      deadlineSource: rev.document.deadline.source,
      review: reviewChainView(rev.document.review),
      calendarClosures: (rev.document.calendar?.closures ?? []).map((c) => ({ from: c.from, to: c.to, name: c.name, source: c.source })),
      reminders: reminderDaysView(rev.document),
      sources: Object.entries(rev.document.sources).map(([key, d]) => ({
        key,
        number: d.number ?? null,
        title: d.title,
        issuer: d.issuer ?? null,
        date: d.date ?? null,
      })),
      version: v as unknown as Record<string, unknown>,
    };
  }

  async kinds(ctx: Context, year: number, tenantCode?: string | null): Promise<ActivityKind[]> {
    this.checkYear(year);
    await this.tenant(ctx, tenantCode);
    const doc = (await this.current(ctx)).document;
    const v = this.versionOrThrow(doc, year);
    return Object.entries(v.kinds).map(([code, k]) => ({
      code,
      name: k.name,
      subject: k.subject,
      source: citationText(doc.sources, k.source),
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
   * fromYear (or is added), and/or the yearly deadline changes, and/or
   * sources are added (a new document the version cites) or updated. The
   * tenant's policy lock is taken before the current revision is read, so
   * that concurrent publications build on each other instead of one silently
   * reverting the other; with `expectedRevision`, a publication based on an
   * outdated revision is refused. Every problem is reported where it is in the
   * input (`version.kinds.x.rule.hours`, `deadline.monthDay`, `sources[0].date`).
   * A version may not drop a kind that has recorded activities in the years it
   * governs (product decision: they would silently stop counting).
   */
  async publish(ctx: Context, input: PublishPolicyVersionInput): Promise<PolicyRevisionInfo> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    const db = await ctx.db();
    const { current, document } = await this.draft(ctx, input, () => this.repo.lock(db, tenantId));
    const version = input.version;
    const published = await this.repo.insert(db, tenantId, document, input.note ?? null, actor.id);
    // this process answers with the new revision from now on; the others once the commit is announced
    this.latest.hold(tenantId);
    await this.audit.record(ctx, {
      action: 'policy.publish',
      entityType: 'policy_revision',
      entityId: published.id,
      before: { revision: current.revision },
      after: {
        revision: published.revision,
        fromYear: (version?.fromYear as number | undefined) ?? null,
        deadline: document.deadline.monthDay,
        sources: input.sources?.map((s) => s.key) ?? [],
        note: input.note ?? null,
      },
    });
    return { revision: published.revision, note: published.note, publishedAt: published.publishedAt };
  }

  /**
   * The document publishing `input` would make, checked exactly as `publish` checks it (the
   * same errors on the same fields), and the revision it builds on; publishes nothing and takes
   * no lock (a later publication may still be refused for a revision published meanwhile).
   */
  async preview(ctx: Context, input: PublishPolicyVersionInput): Promise<{ current: PolicyRevision; document: PolicyDocument }> {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    requireTenant(ctx);
    return this.draft(ctx, input, null);
  }

  /** The checks of a publication, in its order; `lock` runs before the current revision is read. */
  private async draft(ctx: Context, input: PublishPolicyVersionInput, lock: (() => Promise<void>) | null): Promise<{ current: PolicyRevision; document: PolicyDocument }> {
    if (!input.version && !input.deadline && !input.sources?.length) {
      throw policyError('POLICY_INVALID', 'version', '请提供新的政策版本、截止日期或引用文件');
    }
    await lock?.();
    // from the database, never the cache: a publication must build on the revision that is latest now
    const current = await this.repo.latest(await ctx.db());
    if (!current) throw policyError('POLICY_NOT_PUBLISHED');
    if (input.expectedRevision != null && input.expectedRevision !== current.revision) {
      throw policyError('REVISION_CONFLICT', 'expectedRevision', `当前为第${current.revision}版，您的修改基于第${input.expectedRevision}版`);
    }
    const version = input.version;
    if (version) {
      if (typeof version.fromYear !== 'number') throw policyError('POLICY_INVALID', 'version.fromYear', 'fromYear 必须为年份');
      this.checkYear(version.fromYear, 'version.fromYear');
    }
    const document = this.validateDraft(current, input);
    if (version) await this.checkKeptKinds(await ctx.db(), current.document, document, version.fromYear as number);
    return { current, document };
  }

  /** The document the publication makes, validated; problems named by their place in the input. */
  private validateDraft(current: PolicyRevision, input: PublishPolicyVersionInput): PolicyDocument {
    const draft = draftDocument(current.document, input);
    if (!('document' in draft)) throw policyError('POLICY_INVALID', draft.field, `${draft.field}：${draft.message}`);
    const result = validatePolicy(draft.document);
    if (result.ok) return result.document;
    const problems = result.issues.map((issue) => ({ issue, field: inputField(issue, draft) }));
    const lines = problems.map(({ issue, field }) =>
      field !== null ? `${field}：${issue.message}` : `当前第${current.revision}版政策的 ${formatPath(issue.path)}：${issue.message}`,
    );
    const field = problems.find((p) => p.field !== null)?.field ?? undefined;
    throw errorWithMessage(policyError, 'POLICY_INVALID', `政策内容不符合规范：${lines.join('；')}`, field);
  }

  /**
   * The new version of `fromYear` keeps every kind that has recorded activities in the years
   * it governs (until the next version) and that the version in force for them had.
   */
  private async checkKeptKinds(db: Queryable, before: PolicyDocument, after: PolicyDocument, fromYear: number): Promise<void> {
    const next = after.versions.find((v) => v.fromYear > fromYear)?.fromYear ?? null;
    const kept = versionForYear(after, fromYear);
    if (!kept) return;
    const rows = await this.repo.activityCountsOutside(db, fromYear, next, Object.keys(kept.kinds));
    const removed = new Map<string, { name: string; count: number; years: number[] }>();
    for (const row of rows) {
      const old = versionForYear(before, row.year);
      if (!old || !Object.hasOwn(old.kinds, row.kind)) continue;
      const entry = removed.get(row.kind) ?? { name: old.kinds[row.kind]!.name, count: 0, years: [] };
      entry.count += row.count;
      entry.years.push(row.year);
      removed.set(row.kind, entry);
    }
    if (removed.size === 0) return;
    const lines = [...removed].map(([code, r]) => `学习形式“${r.name}”（${code}）已有${r.count}条学习记录或审核中的申报（${r.years.join('、')}年度）`);
    const first = removed.keys().next().value as string;
    throw policyError(
      'POLICY_KIND_IN_USE',
      `version.kinds.${first}`,
      `${lines.join('；')}。如不再适用，请保留该学习形式并用 years 或 fromYear 限定其适用年度（已记录的学习随之不再计入，并在结果中说明原因）`,
    );
  }
}

/** The review chain as the policy states it; a policy without one has the default unit → department → bureau. */
function reviewChainView(review: PolicyDocument['review']): ReviewChainView {
  if (!review) return { levels: ['UNIT', 'DEPARTMENT', 'BUREAU'], source: null, routes: [] };
  return {
    levels: [...review.levels],
    source: review.source,
    routes: (review.routes ?? []).map((r) => ({
      series: [...(r.when.series ?? [])],
      kinds: [...(r.when.kinds ?? [])],
      employerTypes: [...(r.when.employerTypes ?? [])],
      departmentCode: r.department.code,
      source: r.source,
    })),
  };
}

function reminderDaysView(doc: PolicyDocument): ReminderDaysView | null {
  const r = doc.reminders;
  return r ? { daysBefore: [...r.daysBefore], titleDaysBefore: [...(r.titleDaysBefore ?? r.daysBefore)], source: r.source } : null;
}
