import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { canSeeOrganisation } from '../platform/access';
import { PageArgs } from '../platform/pagination';
import type { OrganisationsService } from './organisations.service';
import {
  CreateOrganisationInput,
  MoveOrganisationInput,
  Organisation,
  OrganisationConnection,
  OrgKind,
  RenameOrganisationInput,
  SetEmployerTypeInput,
} from './organisations.types';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  private readonly organisationsService: OrganisationsService;
  constructor(services: Services) {
    this.organisationsService = services.organisations;
  }

  @Authorized()
  @Query(() => Organisation, { nullable: true, description: '按 ID 查询机构（管理范围内）' })
  organisation(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.organisationsService.findOne(ctx, id);
  }

  @Authorized()
  @Query(() => OrganisationConnection, { description: '机构树（深度优先顺序），默认为本人管理范围' })
  organisations(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('under', () => ID, { nullable: true, description: '只列出此机构及其下级' }) under?: string,
    @Arg('kind', () => OrgKind, { nullable: true }) kind?: OrgKind,
  ) {
    return this.organisationsService.findMany(ctx, { under, kind }, page);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  async parent(@Root() node: Organisation, @Ctx() ctx: Context) {
    if (!node.parentId) return null;
    const parent = await ctx.loaders.organisation.load(node.parentId);
    return parent && canSeeOrganisation(ctx.actor, parent.path) ? parent : null;
  }

  @FieldResolver(() => OrganisationConnection, { description: '下级机构（按名称排序）' })
  children(@Root() node: Organisation, @Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.organisationsService.findChildren(ctx, node, page);
  }

  @Authorized()
  @Mutation(() => Organisation, { description: '新建主管部门或用人单位' })
  createOrganisation(@Ctx() ctx: Context, @Arg('input') input: CreateOrganisationInput) {
    return this.organisationsService.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => Organisation, { description: '调整上级机构' })
  moveOrganisation(@Ctx() ctx: Context, @Arg('input') input: MoveOrganisationInput) {
    return this.organisationsService.move(ctx, input);
  }

  @Authorized()
  @Mutation(() => Organisation, { description: '机构更名' })
  renameOrganisation(@Ctx() ctx: Context, @Arg('input') input: RenameOrganisationInput) {
    return this.organisationsService.rename(ctx, input);
  }

  @Authorized()
  @Mutation(() => Organisation, { description: '设定机构的单位性质（机关、事业单位、国有企业、民营企业、社会组织、其他）；未自行设定的下级随之改变' })
  setOrganisationEmployerType(@Ctx() ctx: Context, @Arg('input') input: SetEmployerTypeInput) {
    return this.organisationsService.setEmployerType(ctx, input);
  }
}
