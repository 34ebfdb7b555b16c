import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import type { IntegrityService } from './integrity.service';
import { IntegrityRecordView } from './integrity.types';

@Resolver()
export class IntegrityResolver {
  private readonly integrity: IntegrityService;
  constructor(services: Services) {
    this.integrity = services.integrity;
  }

  @Authorized()
  @Query(() => [IntegrityRecordView], { description: '某人的职称评审诚信档案记录（本人及有权查看其信息的工作人员）' })
  integrityRecords(@Ctx() ctx: Context, @Arg('professionalId', () => ID) professionalId: string) {
    return this.integrity.recordsOf(ctx, professionalId);
  }
}
