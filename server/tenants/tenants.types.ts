import { Length, Matches } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../platform/pagination';
import { defineEnum } from '../platform/graphql-enum';
import { NotBlank } from '../platform/validators';

export const TenantStatus = defineEnum('TenantStatus', '租户状态', {
  ACTIVE: '正常',
  SUSPENDED: '已暂停',
});
export type TenantStatus = (typeof TenantStatus)[keyof typeof TenantStatus];

@ObjectType({ description: '租户：一个城市或兵团' })
export class Tenant {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => TenantStatus) status: TenantStatus;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '暂停时间（正常的租户为空）' }) suspendedAt: Date | null;
  @Field(() => String, { nullable: true, description: '暂停原因（正常的租户为空）' }) suspensionReason: string | null;
}

@ObjectType()
export class TenantConnection extends ConnectionType(Tenant, 'Tenant') {}

@InputType()
export class CreateTenantInput {
  @Field() @Matches(/^[a-z][a-z0-9-]{1,30}$/, { message: '租户代码须为小写字母开头的 2–31 位字母、数字或连字符' }) code: string;
  @Field() @Length(1, 100, { message: '名称须为 1–100 个字符' }) @NotBlank({ message: '名称不能为空白' }) name: string;
  @Field() @Length(1, 100, { message: '人社局名称须为 1–100 个字符' }) @NotBlank({ message: '人社局名称不能为空白' }) bureauName: string;
}
