import { ArrayMinSize, ArrayUnique, Length } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../nodes/nodes.types';
import { ConnectionType } from '../platform/pagination';

export enum ApiScope {
  COMPLETION_READ = 'completion:read',
  TRAINING_REPORT = 'training:report',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  valuesConfig: {
    COMPLETION_READ: { description: '查询人员学时完成情况与职称申报资格（职称评审系统等）' },
    TRAINING_REPORT: { description: '上报培训完成情况（施教机构）' },
  },
});

@ObjectType('ApiClient', { description: '第三方接入客户端', implements: Node })
export class ApiClient implements Node {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: '密钥标识（公开部分）' }) keyId: string;
  @Field(() => [ApiScope]) scopes: ApiScope[];
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '密钥到期时间；为空则不过期' }) expiresAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '最近一次使用时间（至多每分钟更新一次）；从未使用为空' }) lastUsedAt: Date | null;
}

@ObjectType({ description: '第三方客户端列表（新建的在前，键集分页）' })
export class ApiClientConnection extends ConnectionType(ApiClient, 'ApiClient') {}

@ObjectType({ description: '新建的客户端与完整密钥：密钥只显示这一次' })
export class CreatedApiClient {
  @Field(() => ApiClient) client: ApiClient;
  @Field({ description: '请求时放在 X-Api-Key 头中' }) apiKey: string;
}

@InputType()
export class CreateApiClientInput {
  @Field() @Length(1, 100) name: string;
  @Field(() => [ApiScope]) @ArrayMinSize(1, { message: '至少选择一个权限范围' }) @ArrayUnique() scopes: ApiScope[];
  @Field(() => GraphQLISODateTime, { nullable: true, description: '密钥到期时间：须晚于现在，且不超过 3 年；不填则不过期' })
  expiresAt?: Date | null;
}
