import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Declaration } from '../declarations/declarations.types';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import type { SpotChecksService } from './spot-checks.service';
import type { VerificationService } from './verification.service';
import {
  DrawSpotCheckInput,
  FraudMark,
  MarkFraudulentArgs,
  RecordSpotCheckOutcomeArgs,
  SpotCheckConnection,
  SpotCheckItemConnection,
  SpotCheckItemView,
  type SpotCheckOutcome,
  SpotCheckOutcomeEnum,
  SpotCheckView,
} from './verification.types';

@Resolver(() => SpotCheckView)
export class VerificationResolver {
  private readonly verification: VerificationService;
  private readonly checks: SpotChecksService;
  constructor(services: Services) {
    this.verification = services.verification;
    this.checks = services.spotChecks;
  }

  @Authorized()
  @Mutation(() => FraudMark, { description: '人社局认定学时申报为虚假申报：撤销该申报（已记录的撤销学时），申报人记入职称评审诚信档案（记录期限按政策）' })
  markDeclarationFraudulent(@Ctx() ctx: Context, @Args() args: MarkFraudulentArgs) {
    return this.verification.markFraudulent(ctx, args.id, args.reason);
  }

  @Authorized()
  @Mutation(() => SpotCheckView, { description: '人社局随机抽查：按随机种子从某年度已记录的学时申报中按各主管部门分别抽取规定比例（每次最多 10000 条）' })
  drawSpotCheck(@Ctx() ctx: Context, @Arg('input') input: DrawSpotCheckInput) {
    return this.checks.draw(ctx, input);
  }

  @Authorized()
  @Mutation(() => SpotCheckItemView, { description: '登记一条抽查的复核结果（只能登记一次）；未通过的撤销该申报，学时不再计入' })
  recordSpotCheckOutcome(@Ctx() ctx: Context, @Args() args: RecordSpotCheckOutcomeArgs) {
    return this.checks.recordOutcome(ctx, args.itemId, args.passed, args.reason);
  }

  @Authorized()
  @Query(() => SpotCheckConnection, { description: '本地区的随机抽查（最近的在前）' })
  spotChecks(@Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.checks.findMany(ctx, page);
  }

  @Authorized()
  @Query(() => SpotCheckView, { description: '一次随机抽查' })
  spotCheck(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.checks.findOne(ctx, id);
  }

  @FieldResolver(() => SpotCheckItemConnection, { description: '抽取的学时申报（按主管部门和随机顺序），可按复核结果筛选' })
  items(
    @Ctx() ctx: Context,
    @Root() check: SpotCheckView,
    @Args() page: PageArgs,
    @Arg('outcome', () => SpotCheckOutcomeEnum, { nullable: true }) outcome?: SpotCheckOutcome | null,
  ) {
    return this.checks.items(ctx, check, outcome ?? null, page);
  }
}

@Resolver(() => SpotCheckItemView)
export class SpotCheckItemResolver {
  @FieldResolver(() => Declaration, { nullable: true, description: '被抽查的学时申报' })
  declaration(@Ctx() ctx: Context, @Root() item: SpotCheckItemView) {
    return ctx.loaders.declaration.load(item.declarationId);
  }
}
