// GraphQL types of the audit log as the bureau reads it (审计日志).
import { IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType, PageArgs } from '../platform/pagination';
import { IsCalendarDate } from '../platform/validators';

export type AuditActorKind = 'ACCOUNT' | 'API_CLIENT' | 'OPERATOR' | 'SYSTEM';
export const AuditActorKindEnum = defineEnum<AuditActorKind>('AuditActorKind', '审计日志中操作者的类型', {
  ACCOUNT: '登录账号（工作人员或专业技术人员）',
  API_CLIENT: '第三方接入客户端（API 密钥）',
  OPERATOR: '平台运营人员',
  SYSTEM: '系统（无登录的调用或后台任务）',
});

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '日期格式应为 YYYY-MM-DD' };

@ObjectType('AuditEvent', { description: '一条审计日志：谁在何时对哪条记录做了什么（只增不改）；身份证号一律脱敏' })
export class AuditEvent {
  @Field(() => ID, { description: '日志序号（越大越新）' }) id: string;
  @Field(() => GraphQLISODateTime, { description: '发生时间' }) at: Date;
  @Field(() => AuditActorKindEnum, { description: '操作者类型' }) actorKind: AuditActorKind;
  @Field(() => ID, { nullable: true, description: '操作者（账号、客户端或运营人员）的 ID；系统操作为空' }) actorId: string | null;
  @Field(() => String, { nullable: true, description: '操作者标识，如 account:bureau、operator:admin（专业技术人员账号以账号 ID 标识）' }) actorLabel: string | null;
  @Field({ description: '动作，如 policy.publish、declaration.approve' }) action: string;
  @Field({ description: '记录类型，如 professional、declaration、policy_revision' }) entityType: string;
  @Field({ description: '记录的 ID' }) entityId: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: '修改前的内容（新建时为空；身份证号脱敏）' }) before: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: '修改后的内容（身份证号脱敏）' }) after: Record<string, unknown> | null;
  @Field(() => String, { nullable: true, description: '请求 ID：同一请求写下的日志相同' }) requestId: string | null;
}

@ObjectType()
export class AuditEventConnection extends ConnectionType(AuditEvent, 'AuditEvent') {}

@InputType({ description: '审计日志的筛选条件（各条件同时满足）' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: '操作者 ID' })
  @IsOptional()
  @Matches(UUID, { message: '操作者 ID 格式错误' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: '操作者标识（完全一致），如 account:bureau' })
  @IsOptional()
  @Length(1, 200)
  actorLabel?: string | null;

  @Field(() => String, { nullable: true, description: '操作者标识的前缀，如 operator:' })
  @IsOptional()
  @Length(1, 200)
  actorLabelPrefix?: string | null;

  @Field(() => String, { nullable: true, description: '记录类型，如 professional' })
  @IsOptional()
  @Length(1, 100)
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: '记录的 ID' })
  @IsOptional()
  @Length(1, 200)
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: '动作（完全一致），如 policy.publish' })
  @IsOptional()
  @Length(1, 100)
  action?: string | null;

  @Field(() => String, { nullable: true, description: '动作的前缀，如 policy.（政策的全部动作）' })
  @IsOptional()
  @Length(1, 100)
  actionPrefix?: string | null;

  @Field(() => String, { nullable: true, description: '日期自（含，YYYY-MM-DD，北京时间）' })
  @IsOptional()
  @Matches(DATE, DATE_MESSAGE)
  @IsCalendarDate()
  from?: string | null;

  @Field(() => String, { nullable: true, description: '日期至（含，YYYY-MM-DD，北京时间）' })
  @IsOptional()
  @Matches(DATE, DATE_MESSAGE)
  @IsCalendarDate()
  to?: string | null;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: '筛选条件' }) @IsOptional() @ValidateNested() filter?: AuditEventFilter | null;
}
