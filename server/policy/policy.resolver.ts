import { Arg, Args, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import type { PoliciesService } from './policy.service';
import { ActivityKind, PolicyRevisionConnection, PolicyRevisionInfo, PolicyView, PublishPolicyVersionInput } from './policy.types';

@Resolver()
export class PolicyResolver {
  private readonly policies: PoliciesService;
  constructor(services: Services) {
    this.policies = services.policies;
  }

  @Query(() => PolicyView, { description: '某年度适用的政策（未登录时须指定 tenantCode）' })
  policy(@Ctx() ctx: Context, @Arg('year', () => Int) year: number, @Arg('tenantCode', () => String, { nullable: true }) tenantCode?: string) {
    return this.policies.view(ctx, year, tenantCode);
  }

  @Query(() => [ActivityKind], { description: '某年度可申报的学习形式及其参数' })
  activityKinds(@Ctx() ctx: Context, @Arg('year', () => Int) year: number, @Arg('tenantCode', () => String, { nullable: true }) tenantCode?: string) {
    return this.policies.kinds(ctx, year, tenantCode);
  }

  @Authorized()
  @Query(() => PolicyRevisionConnection, { description: '政策发布历史（最新在前）' })
  policyRevisions(@Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.policies.history(ctx, page);
  }

  @Authorized()
  @Mutation(() => PolicyRevisionInfo, { description: '发布新的政策版本（人社局）' })
  publishPolicyVersion(@Ctx() ctx: Context, @Arg('input') input: PublishPolicyVersionInput) {
    return this.policies.publish(ctx, input);
  }
}
