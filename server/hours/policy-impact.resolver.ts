import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import type { PolicyImpactService } from './policy-impact.service';
import { PublishPolicyVersionInput } from '../policy/policy.types';
import { PolicyImpact, PolicyImpactArgs } from './policy-impact.types';

@Resolver()
export class PolicyImpactResolver {
  private readonly impacts: PolicyImpactService;
  constructor(services: Services) {
    this.impacts = services.policyImpact;
  }

  @Authorized()
  @Query(() => PolicyImpact, {
    description: '政策调整影响预估（人社局）：与 publishPolicyVersion 相同的输入，不发布；某年度哪些在职人员的结论或计入学时将会改变。每个请求最多调用一次',
  })
  policyImpact(
    @Ctx() ctx: Context,
    @Args() { year, first }: PolicyImpactArgs,
    @Arg('input', { description: '拟发布的调整，与 publishPolicyVersion 的 input 相同（同样校验，同样的错误）' }) input: PublishPolicyVersionInput,
  ) {
    return this.impacts.impact(ctx, input, year, first);
  }
}
