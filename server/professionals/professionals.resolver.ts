import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { canSeeOrganisation, canSeeProfessional } from '../platform/access';
import { PageArgs } from '../platform/pagination';
import { Organisation } from '../organisations/organisations.types';
import type { ProfessionalsService } from './professionals.service';
import {
  CreateProfessionalInput,
  Professional,
  ProfessionalConnection,
  ProfessionalFilter,
  TransferProfessionalInput,
  UpdateProfessionalInput,
} from './professionals.types';

@Resolver(() => Professional)
export class ProfessionalsResolver {
  private readonly professionalsService: ProfessionalsService;
  constructor(services: Services) {
    this.professionalsService = services.professionals;
  }

  @Authorized()
  @Query(() => Professional, { nullable: true })
  professional(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.professionalsService.findOne(ctx, id);
  }

  @Authorized()
  @Query(() => ProfessionalConnection, { description: '专业技术人员列表（按单位排序，键集分页）' })
  professionals(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => ProfessionalFilter, { nullable: true }) filter?: ProfessionalFilter,
  ) {
    return this.professionalsService.findMany(ctx, filter ?? {}, page);
  }

  @FieldResolver(() => String)
  idNumber(@Root() p: Professional, @Ctx() ctx: Context) {
    return canSeeProfessional(ctx.actor, p) ? p.idNumber : p.idNumberMasked;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: '所在单位' })
  async unit(@Root() p: Professional, @Ctx() ctx: Context) {
    const unit = await ctx.loaders.organisation.load(p.unitId);
    return unit && (canSeeOrganisation(ctx.actor, unit.path) || canSeeProfessional(ctx.actor, p)) ? unit : null;
  }

  @Authorized()
  @Mutation(() => Professional, { description: '登记专业技术人员' })
  createProfessional(@Ctx() ctx: Context, @Arg('input') input: CreateProfessionalInput) {
    return this.professionalsService.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => Professional, { description: '修改专业技术人员信息' })
  updateProfessional(@Ctx() ctx: Context, @Arg('input') input: UpdateProfessionalInput) {
    return this.professionalsService.update(ctx, input);
  }

  @Authorized()
  @Mutation(() => Professional, { description: '调动到另一用人单位' })
  transferProfessional(@Ctx() ctx: Context, @Arg('input') input: TransferProfessionalInput) {
    return this.professionalsService.transfer(ctx, input);
  }
}
