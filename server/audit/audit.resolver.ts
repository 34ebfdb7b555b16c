import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import type { AuditEventsService } from './audit-events.service';
import { AuditEventConnection, AuditEventsArgs } from './audit.types';

@Resolver()
export class AuditResolver {
  private readonly events: AuditEventsService;
  constructor(services: Services) {
    this.events = services.auditEvents;
  }

  @Authorized()
  @Query(() => AuditEventConnection, {
    description: '本地区的审计日志（人社局），最新在前，键集分页；totalCount 最多计到 10000（为 10000 时表示 10000 条及以上）',
  })
  auditEvents(@Ctx() ctx: Context, @Args() { filter, ...page }: AuditEventsArgs) {
    return this.events.findMany(ctx, filter ?? null, page);
  }
}
