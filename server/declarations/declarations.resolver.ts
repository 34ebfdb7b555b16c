import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RecordActivityInput } from '../hours/hours.types';
import { canSeeProfessional } from '../platform/access';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import { Professional } from '../professionals/professionals.types';
import type { DeclarationReviewService } from './declaration-review.service';
import type { DeclarationsService } from './declarations.service';
import type { DeclarationPreviews } from './declaration-previews';
import type { ReviewerAids } from './reviewer-aids';
import {
  AdjustDeclarationArgs,
  ApproveDeclarationArgs,
  BulkApprovalItem,
  BulkApproveArgs,
  CreateDeclarationInput,
  Declaration,
  DeclarationConnection,
  DeclarationDecisionView,
  DeclarationPreview,
  DeclarationStatus,
  DeclarationVersionArgs,
  DeclarationWarning,
  EvidenceInput,
  RejectDeclarationArgs,
  ReviewQueueCounts,
  ReviewQueueFilter,
  UpdateDeclarationInput,
} from './declarations.types';

/** Per request (keyed by its context): a page of declarations asking for previews is evaluated together. */
const previews = new WeakMap<Context, DataLoader<Declaration, DeclarationPreview>>();

@Resolver(() => Declaration)
export class DeclarationsResolver {
  private readonly service: DeclarationsService;
  private readonly aids: ReviewerAids;
  private readonly previews: DeclarationPreviews;
  constructor(services: Services) {
    this.service = services.declarations;
    this.aids = services.reviewerAids;
    this.previews = services.declarationPreviews;
  }

  @Authorized()
  @Query(() => Declaration, { nullable: true, description: '一项学时申报（申报人本人、审核链上的审核机构和管理范围内的工作人员可见）' })
  declaration(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Authorized()
  @Query(() => DeclarationConnection, { description: '某人的学时申报（专业技术人员：本人的），按年度，键集分页' })
  declarations(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('professionalId', () => ID, { nullable: true, description: '工作人员须指定；专业技术人员缺省为本人' }) professionalId?: string,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('status', () => DeclarationStatus, { nullable: true }) status?: DeclarationStatus,
  ) {
    return this.service.findMany(ctx, { professionalId, year, status }, page);
  }

  @Authorized()
  @Mutation(() => Declaration, { description: '填写学时申报（专业技术人员本人；submit 为 true 时立即提交审核）' })
  createDeclaration(@Ctx() ctx: Context, @Arg('input') input: CreateDeclarationInput) {
    return this.service.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => Declaration, { description: '修改草稿或被退回的学时申报（带版本校验）' })
  updateDeclaration(@Ctx() ctx: Context, @Arg('input') input: UpdateDeclarationInput) {
    return this.service.update(ctx, input);
  }

  @Authorized()
  @Mutation(() => Declaration, { description: '提交审核（草稿，或修改后重新提交被退回的申报）' })
  submitDeclaration(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return this.service.submit(ctx, id, version);
  }

  @Authorized()
  @Mutation(() => Declaration, { description: '撤回学时申报（草稿；审核中且本轮尚无审核决定；或被退回后不再修改）' })
  withdrawDeclaration(@Ctx() ctx: Context, @Args() { id, version }: DeclarationVersionArgs) {
    return this.service.withdraw(ctx, id, version ?? null);
  }

  @Authorized()
  @Mutation(() => Declaration, {
    description: '工作人员为管理范围内的人员登记学习活动：作为本级已审核的学时申报进入审核链，由上级继续审核；人社局登记的立即记录',
  })
  recordActivity(
    @Ctx() ctx: Context,
    @Arg('input') input: RecordActivityInput,
    @Arg('evidence', () => EvidenceInput, { nullable: true, description: '证明材料' }) evidence?: EvidenceInput | null,
  ) {
    return this.service.fileAsOfficial(ctx, input, evidence ?? null);
  }

  @FieldResolver(() => DeclarationPreview, { description: '按现行政策试算的学时及说明' })
  preview(@Root() d: Declaration, @Ctx() ctx: Context) {
    let loader = previews.get(ctx);
    if (!loader) {
      // batching only: a mutation later in the request may record activities that change a preview
      loader = new DataLoader((ds) => this.previews.previewMany(ctx, ds), { cache: false, maxBatchSize: 500 });
      previews.set(ctx, loader);
    }
    return loader.load(d);
  }

  @FieldResolver(() => [DeclarationWarning], { description: '提请审核人员注意的情况，如同一成果的申报人数超过作者人数' })
  warnings(@Root() d: Declaration, @Ctx() ctx: Context) {
    return this.aids.warnings(ctx, d);
  }

  @FieldResolver(() => [DeclarationDecisionView], { description: '审核记录（谁审核，谁负责），先后顺序' })
  decisions(@Root() d: Declaration, @Ctx() ctx: Context) {
    return this.service.decisions(ctx, d);
  }

  @FieldResolver(() => Professional, { nullable: true, description: '申报人的人员信息（调用方管理范围内时）' })
  async professional(@Root() d: Declaration, @Ctx() ctx: Context) {
    const p = await ctx.loaders.professional.load(d.professionalId);
    return p && canSeeProfessional(ctx.actor, p) ? p : null;
  }
}

@Resolver()
export class ReviewResolver {
  private readonly review: DeclarationReviewService;
  constructor(services: Services) {
    this.review = services.declarationReview;
  }

  @Authorized()
  @Query(() => DeclarationConnection, {
    description: '本级审核队列（用人单位、主管部门或人社局：审核链中本机构这一级），按提交先后，键集分页；totalCount 最多计到 10000（为 10000 时表示 10000 条及以上，见 reviewQueueCounts.capped）',
  })
  reviewQueue(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => ReviewQueueFilter, { nullable: true }) filter?: ReviewQueueFilter) {
    return this.review.queue(ctx, filter ?? null, page);
  }

  @Authorized()
  @Query(() => ReviewQueueCounts, { description: '本级审核队列各状态的数量' })
  reviewQueueCounts(@Ctx() ctx: Context, @Arg('filter', () => ReviewQueueFilter, { nullable: true }) filter?: ReviewQueueFilter) {
    return this.review.counts(ctx, filter ?? null);
  }

  @Authorized()
  @Mutation(() => Declaration, { description: '审核通过（末级通过即记录学时）' })
  approveDeclaration(@Ctx() ctx: Context, @Args() { id, version, comment }: ApproveDeclarationArgs) {
    return this.review.approve(ctx, id, version ?? null, comment ?? null);
  }

  @Authorized()
  @Mutation(() => Declaration, { description: '退回申报人（须填写理由）' })
  rejectDeclaration(@Ctx() ctx: Context, @Args() { id, version, reason }: RejectDeclarationArgs) {
    return this.review.reject(ctx, id, version ?? null, reason);
  }

  @Authorized()
  @Mutation(() => Declaration, { description: '调整学时后通过（须填写理由；计入时以调整后的学时为准，仍受上限约束）' })
  adjustDeclaration(@Ctx() ctx: Context, @Args() { id, version, publicHours, professionalHours, reason }: AdjustDeclarationArgs) {
    return this.review.adjust(ctx, id, version ?? null, { publicHours, professionalHours }, reason);
  }

  @Authorized()
  @Mutation(() => [BulkApprovalItem], { description: '批量通过一页（最多 50 条），逐条办理并逐条答复' })
  bulkApproveDeclarations(@Ctx() ctx: Context, @Args() { ids, comment }: BulkApproveArgs) {
    return this.review.bulkApprove(ctx, ids, comment ?? null);
  }
}
