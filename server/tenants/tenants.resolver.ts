import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import type { TenantsService } from './tenants.service';
import { CreateTenantInput, Tenant } from './tenants.types';

@Resolver()
export class TenantsResolver {
  private readonly tenantsService: TenantsService;
  constructor(services: Services) {
    this.tenantsService = services.tenants;
  }

  @Authorized('OPERATOR')
  @Query(() => [Tenant], { description: '全部租户（平台运营）' })
  tenants(@Ctx() ctx: Context) {
    return this.tenantsService.findMany(ctx);
  }

  @Authorized('OPERATOR')
  @Mutation(() => Tenant, { description: '开通新租户（平台运营）' })
  createTenant(@Ctx() ctx: Context, @Arg('input') input: CreateTenantInput) {
    return this.tenantsService.create(ctx, input);
  }
}
