import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import type { TenantsService } from './tenants.service';
import { CreateTenantInput, PolicyFileCheck, Tenant, TenantConnection } from './tenants.types';

@Resolver()
export class TenantsResolver {
  private readonly tenantsService: TenantsService;
  constructor(services: Services) {
    this.tenantsService = services.tenants;
  }

  @Authorized('OPERATOR')
  @Query(() => TenantConnection, { description: '全部租户，按代码排序（平台运营）' })
  tenants(@Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.tenantsService.findMany(ctx, page);
  }

  @Authorized('OPERATOR')
  @Query(() => PolicyFileCheck, { description: '检查政策文件（YAML 文本，最大 512 KB）能否用于开通代码为 code 的租户，列出各处问题及行列号；不保存任何数据（平台运营）' })
  validatePolicyFile(@Ctx() ctx: Context, @Arg('policy') policy: string, @Arg('code') code: string) {
    return this.tenantsService.checkPolicyFile(ctx, policy, code);
  }

  @Authorized('OPERATOR')
  @Mutation(() => Tenant, { description: '开通新租户（平台运营）；提交政策文件时以其为该租户政策的第一个发布版本，文件有误则不开通' })
  createTenant(@Ctx() ctx: Context, @Arg('input') input: CreateTenantInput) {
    return this.tenantsService.create(ctx, input);
  }

  @Authorized('OPERATOR')
  @Mutation(() => Tenant, { description: '暂停租户（平台运营）：其登录凭证与 API 密钥随即失效，已暂停的再次暂停为 TENANT_ALREADY_SUSPENDED' })
  suspendTenant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return this.tenantsService.suspend(ctx, id, reason);
  }

  @Authorized('OPERATOR')
  @Mutation(() => Tenant, { description: '恢复已暂停的租户（平台运营）；未暂停的为 TENANT_NOT_SUSPENDED' })
  resumeTenant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.tenantsService.resume(ctx, id);
  }
}
