import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TitleLevel, TitleRoute } from '../engine/titles';
import { TitleApplication, TitleRouteEnum } from '../titles/titles.types';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import { TitleLevelEnum } from '../professionals/title-enums';
import type { ActivitiesService } from './activities.service';
import type { CertificationService } from './certification.service';
import type { CompletionService } from './completion.service';
import type { EligibilityService } from './eligibility.service';
import type { ShortfallService } from './shortfall.service';
import { ShortfallArgs, ShortfallConnection } from './shortfall.types';
import {
  ActivityConnection,
  ApplicationEligibilityItem,
  BatchEligibilityItem,
  CompletionStatus,
  EligibilityApplicant,
  HoursEvaluation,
  PreviewHoursInput,
  TitleEligibilityView,
  YearCertificationView,
} from './hours.types';

@Resolver()
export class HoursResolver {
  private readonly completion: CompletionService;
  private readonly eligibility: EligibilityService;
  private readonly certification: CertificationService;
  private readonly activityLog: ActivitiesService;
  private readonly shortfallList: ShortfallService;
  constructor(services: Services) {
    this.completion = services.completion;
    this.eligibility = services.eligibility;
    this.certification = services.certification;
    this.activityLog = services.activities;
    this.shortfallList = services.shortfalls;
  }

  @Authorized()
  @Query(() => ShortfallConnection, {
    description: '缺学时人员：管理范围内本年度学时未达标的人员及各科目缺口；职称申报人按截止日期由近及远列在前面（工作人员）',
  })
  shortfalls(@Ctx() ctx: Context, @Args() args: ShortfallArgs) {
    return this.shortfallList.shortfalls(ctx, args);
  }

  @Query(() => HoursEvaluation, { description: '学时计算器：按政策试算，不保存任何数据' })
  previewHours(@Ctx() ctx: Context, @Arg('input') input: PreviewHoursInput, @Arg('tenantCode', () => String, { nullable: true }) tenantCode?: string) {
    return this.completion.preview(ctx, input, tenantCode);
  }

  @Authorized()
  @Query(() => CompletionStatus, { description: '某人某年度学时完成情况' })
  completionStatus(@Ctx() ctx: Context, @Arg('idNumber') idNumber: string, @Arg('year', () => Int) year: number) {
    return this.completion.status(ctx, idNumber, year);
  }

  @Authorized()
  @Query(() => TitleEligibilityView, { description: '职称申报继续教育资格（无申报记录的调用方可直接给出申报途径和材料提交日期）' })
  titleEligibility(
    @Ctx() ctx: Context,
    @Arg('idNumber') idNumber: string,
    @Arg('targetLevel', () => TitleLevelEnum) targetLevel: TitleLevel,
    @Arg('applicationYear', () => Int) applicationYear: number,
    @Arg('route', () => TitleRouteEnum, { nullable: true, description: '申报途径；缺省为正常评审' }) route?: TitleRoute,
    @Arg('filedOn', () => String, { nullable: true, description: '申报材料提交日期 YYYY-MM-DD（须在申报年度内）' }) filedOn?: string,
  ) {
    return this.eligibility.eligibility(ctx, idNumber, targetLevel, applicationYear, { route, filedOn });
  }

  @Authorized()
  @Query(() => [ApplicationEligibilityItem], { description: '按职称申报记录批量核查继续教育资格（每次最多 5000 条）' })
  titleApplicationEligibilityBatch(@Ctx() ctx: Context, @Arg('applicationIds', () => [ID]) applicationIds: string[]) {
    return this.eligibility.eligibilityOfApplications(ctx, applicationIds);
  }

  @Authorized()
  @Query(() => TitleEligibilityView, { description: '按职称申报记录核查继续教育资格（拟申报级别、途径、材料提交日期取自该记录）' })
  titleApplicationEligibility(@Ctx() ctx: Context, @Arg('applicationId', () => ID) applicationId: string) {
    return this.eligibility.eligibilityOfApplication(ctx, applicationId);
  }

  @Authorized()
  @Query(() => [BatchEligibilityItem], { description: '批量核查职称申报资格（每次最多 5000 人）' })
  titleEligibilityBatch(
    @Ctx() ctx: Context,
    @Arg('applicants', () => [EligibilityApplicant]) applicants: EligibilityApplicant[],
    @Arg('applicationYear', () => Int) applicationYear: number,
  ) {
    return this.eligibility.eligibilityBatch(ctx, applicants, applicationYear);
  }

  @Authorized()
  @Query(() => ActivityConnection, { description: '某人的学习活动记录（按年度，分页）' })
  activities(
    @Ctx() ctx: Context,
    @Arg('professionalId', () => ID) professionalId: string,
    @Args() page: PageArgs,
    @Arg('year', () => Int, { nullable: true }) year?: number,
  ) {
    return this.activityLog.findMany(ctx, professionalId, year ?? null, page);
  }

  @Authorized()
  @Mutation(() => YearCertificationView, { description: '认定某人某年度学时（按当前政策版本固定结果）' })
  certifyYear(@Ctx() ctx: Context, @Arg('professionalId', () => ID) professionalId: string, @Arg('year', () => Int) year: number) {
    return this.certification.certify(ctx, professionalId, year);
  }
}

/** Per request (keyed by its context): a list of applications asking for eligibility is judged together. */
const applicationEligibility = new WeakMap<Context, DataLoader<TitleApplication, TitleEligibilityView | undefined, string>>();

@Resolver(() => TitleApplication)
export class ApplicationEligibilityResolver {
  private readonly eligibilityService: EligibilityService;
  constructor(services: Services) {
    this.eligibilityService = services.eligibility;
  }

  @FieldResolver(() => TitleEligibilityView, { nullable: true, description: '本次申报的继续教育资格核查' })
  eligibility(@Root() application: TitleApplication, @Ctx() ctx: Context) {
    let loader = applicationEligibility.get(ctx);
    if (!loader) {
      loader = new DataLoader((apps) => this.eligibilityService.judgeApplications(ctx, apps, true), { cacheKeyFn: (a) => a.id, maxBatchSize: 500 });
      applicationEligibility.set(ctx, loader);
    }
    return loader.load(application);
  }
}
