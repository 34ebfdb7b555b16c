import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context';
import { TitleLevelEnum } from '../platform/title-enums';
import type { TitleLevel } from '../platform/titles';
import { ActivitiesService } from './activities.service';
import { CompletionService } from './completion.service';
import {
  ActivityKind,
  ActivityView,
  BatchEligibilityItem,
  CompletionStatus,
  EligibilityApplicant,
  HoursEvaluation,
  PolicyRevisionInfo,
  PolicyView,
  PreviewHoursInput,
  PublishPolicyVersionInput,
  RecordActivityInput,
  TitleEligibilityView,
  YearCertificationView,
} from './hours.types';
import { PoliciesService } from './policies.service';

@Resolver()
export class HoursResolver {
  constructor(
    private readonly policiesService: PoliciesService,
    private readonly completionService: CompletionService,
    private readonly activitiesService: ActivitiesService,
  ) {}

  @Query(() => PolicyView, { description: '某年度适用的政策（未登录时须指定 tenantCode）' })
  policy(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('tenantCode', () => String, { nullable: true }) tenantCode?: string,
  ) {
    return this.policiesService.view(ctx, year, tenantCode);
  }

  @Query(() => [ActivityKind], { description: '某年度可申报的学习形式及其参数' })
  activityKinds(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('tenantCode', () => String, { nullable: true }) tenantCode?: string,
  ) {
    return this.policiesService.kinds(ctx, year, tenantCode);
  }

  @Authorized()
  @Query(() => [PolicyRevisionInfo], { description: '政策发布历史' })
  policyRevisions(@Ctx() ctx: Context) {
    return this.policiesService.history(ctx);
  }

  @Query(() => HoursEvaluation, { description: '学时计算器：按政策试算，不保存任何数据' })
  previewHours(
    @Ctx() ctx: Context,
    @Arg('input') input: PreviewHoursInput,
    @Arg('tenantCode', () => String, { nullable: true }) tenantCode?: string,
  ) {
    return this.completionService.preview(ctx, input, tenantCode);
  }

  @Authorized()
  @Query(() => CompletionStatus, { description: '某人某年度学时完成情况' })
  completionStatus(@Ctx() ctx: Context, @Arg('idNumber') idNumber: string, @Arg('year', () => Int) year: number) {
    return this.completionService.status(ctx, idNumber, year);
  }

  @Authorized()
  @Query(() => TitleEligibilityView, { description: '职称申报继续教育资格' })
  titleEligibility(
    @Ctx() ctx: Context,
    @Arg('idNumber') idNumber: string,
    @Arg('targetLevel', () => TitleLevelEnum) targetLevel: TitleLevel,
    @Arg('applicationYear', () => Int) applicationYear: number,
  ) {
    return this.completionService.eligibility(ctx, idNumber, targetLevel, applicationYear);
  }

  @Authorized()
  @Query(() => [BatchEligibilityItem], { description: '批量核查职称申报资格（每次最多 5000 人）' })
  titleEligibilityBatch(
    @Ctx() ctx: Context,
    @Arg('applicants', () => [EligibilityApplicant]) applicants: EligibilityApplicant[],
    @Arg('applicationYear', () => Int) applicationYear: number,
  ) {
    return this.completionService.eligibilityBatch(ctx, applicants, applicationYear);
  }

  @Authorized()
  @Query(() => [ActivityView], { description: '某人的学习活动记录' })
  activities(
    @Ctx() ctx: Context,
    @Arg('professionalId', () => ID) professionalId: string,
    @Arg('year', () => Int, { nullable: true }) year?: number,
  ) {
    return this.activitiesService.findMany(ctx, professionalId, year);
  }

  @Authorized()
  @Mutation(() => ActivityView, { description: '由工作人员直接记录学习活动' })
  recordActivity(@Ctx() ctx: Context, @Arg('input') input: RecordActivityInput) {
    return this.activitiesService.record(ctx, input);
  }

  @Authorized()
  @Mutation(() => PolicyRevisionInfo, { description: '发布新的政策版本（人社局）' })
  publishPolicyVersion(@Ctx() ctx: Context, @Arg('input') input: PublishPolicyVersionInput) {
    return this.policiesService.publish(ctx, input);
  }

  @Authorized()
  @Mutation(() => YearCertificationView, { description: '认定某人某年度学时（按当前政策版本固定结果）' })
  certifyYear(@Ctx() ctx: Context, @Arg('professionalId', () => ID) professionalId: string, @Arg('year', () => Int) year: number) {
    return this.completionService.certify(ctx, professionalId, year);
  }
}
