import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import type { StatisticsService } from './statistics.service';
import { CompletionStatistics, CompletionStatisticsArgs } from './statistics.types';

@Resolver()
export class StatisticsResolver {
  private readonly statistics: StatisticsService;
  constructor(services: Services) {
    this.statistics = services.statistics;
  }

  @Authorized()
  @Query(() => CompletionStatistics, {
    description: '学时完成情况统计：管理范围内（或 under 指定的下属机构）本年度各下级机构完成率、各学习形式学时、缺口分布（工作人员）。一次最多检查 STATISTICS_MAX_PEOPLE 人，超出时 complete 为 false 且数字只含已检查的部分',
  })
  completionStatistics(@Ctx() ctx: Context, @Args() args: CompletionStatisticsArgs) {
    return this.statistics.completionStatistics(ctx, args);
  }
}
