import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { canSeeProfessional } from '../platform/access';
import { PageArgs } from '../platform/pagination';
import { Professional } from '../professionals/professionals.types';
import type { TitleApplicationsService } from './title-applications.service';
import type { TitlesService } from './titles.service';
import {
  CreateTitleApplicationInput,
  RecordTitleInput,
  RemoveTitleRecordInput,
  TitleApplication,
  TitleApplicationConnection,
  TitleApplicationStatus,
  TitleRecord,
  UpdateTitleApplicationInput,
} from './titles.types';

@Resolver(() => Professional)
export class ProfessionalTitlesResolver {
  private readonly titles: TitlesService;
  constructor(services: Services) {
    this.titles = services.titles;
  }

  @FieldResolver(() => [TitleRecord], { description: '职称记录（新的在前）；最新一条即现职称' })
  titleHistory(@Root() p: Professional, @Ctx() ctx: Context) {
    return canSeeProfessional(ctx.actor, p) ? this.titles.history(ctx, p) : [];
  }

  @Authorized()
  @Mutation(() => Professional, { description: '登记一条职称记录；最新的记录成为现职称（留痕，带版本校验）' })
  recordTitle(@Ctx() ctx: Context, @Arg('input') input: RecordTitleInput) {
    return this.titles.record(ctx, input);
  }

  @Authorized()
  @Mutation(() => Professional, { description: '删除一条登记错误的职称记录（留痕，带版本校验）' })
  removeTitleRecord(@Ctx() ctx: Context, @Arg('input') input: RemoveTitleRecordInput) {
    return this.titles.remove(ctx, input);
  }
}

@Resolver(() => TitleApplication)
export class TitleApplicationsResolver {
  private readonly applications: TitleApplicationsService;
  constructor(services: Services) {
    this.applications = services.titleApplications;
  }

  @Authorized()
  @Query(() => TitleApplication, { nullable: true, description: '一条职称申报' })
  titleApplication(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.applications.findOne(ctx, id);
  }

  @Authorized()
  @Query(() => TitleApplicationConnection, { description: '某年度管理范围内的职称申报（专业技术人员：本人的），键集分页' })
  titleApplications(
    @Ctx() ctx: Context,
    @Arg('applicationYear', () => Int) applicationYear: number,
    @Args() page: PageArgs,
    @Arg('professionalId', () => ID, { nullable: true }) professionalId?: string,
    @Arg('status', () => TitleApplicationStatus, { nullable: true }) status?: TitleApplicationStatus,
  ) {
    return this.applications.findMany(ctx, { applicationYear, professionalId, status }, page);
  }

  @FieldResolver(() => Professional, { nullable: true, description: '申报人' })
  professional(@Root() a: TitleApplication, @Ctx() ctx: Context) {
    return ctx.loaders.professional.load(a.professionalId);
  }

  @Authorized()
  @Mutation(() => TitleApplication, { description: '登记职称申报' })
  createTitleApplication(@Ctx() ctx: Context, @Arg('input') input: CreateTitleApplicationInput) {
    return this.applications.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => TitleApplication, { description: '修改职称申报（登记材料提交日期、更改途径、撤回）' })
  updateTitleApplication(@Ctx() ctx: Context, @Arg('input') input: UpdateTitleApplicationInput) {
    return this.applications.update(ctx, input);
  }
}
