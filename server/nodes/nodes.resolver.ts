import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import type { NodesService } from './nodes.service';
import { Node } from './nodes.types';

@Resolver()
export class NodesResolver {
  private readonly nodesService: NodesService;
  constructor(services: Services) {
    this.nodesService = services.nodes;
  }

  @Authorized()
  @Query(() => Node, {
    nullable: true,
    description:
      '按 ID 获取任一对象（Relay 约定）。不存在、属于其他租户或不在调用者可见范围内时返回 null，三者不作区分；ID 格式无效时报 BAD_USER_INPUT',
  })
  node(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.nodesService.findOne(ctx, id);
  }
}
