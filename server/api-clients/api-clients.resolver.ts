import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import type { ApiClientsService } from './api-clients.service';
import { ApiClient, ApiClientConnection, CreateApiClientInput, CreatedApiClient } from './api-clients.types';

@Resolver(() => ApiClient)
export class ApiClientsResolver {
  private readonly apiClientsService: ApiClientsService;
  constructor(services: Services) {
    this.apiClientsService = services.apiClients;
  }

  @Authorized()
  @Query(() => ApiClientConnection, { description: '第三方接入客户端（人社局）' })
  apiClients(@Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.apiClientsService.findMany(ctx, page);
  }

  @Authorized()
  @Mutation(() => CreatedApiClient, { description: '新建第三方客户端；密钥只返回这一次' })
  createApiClient(@Ctx() ctx: Context, @Arg('input') input: CreateApiClientInput) {
    return this.apiClientsService.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => ApiClient, { description: '吊销第三方客户端' })
  revokeApiClient(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.apiClientsService.revoke(ctx, id);
  }
}
