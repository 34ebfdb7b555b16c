import { IsOptional, Length, Matches } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';
import { ApiScope } from '../api-clients/api-clients.types';
import { Node } from '../nodes/nodes.types';
import { Organisation } from '../organisations/organisations.types';
import { ConnectionType } from '../platform/pagination';
import { Professional } from '../professionals/professionals.types';
import { Tenant } from '../tenants/tenants.types';
import { defineEnum } from '../platform/graphql-enum';

export const AccountRole = defineEnum('AccountRole', '账号角色', {
  BUREAU_OFFICIAL: '人社局工作人员',
  DEPARTMENT_OFFICIAL: '主管部门工作人员',
  UNIT_OFFICIAL: '用人单位经办人',
  PROFESSIONAL: '专业技术人员本人',
});
export type AccountRole = (typeof AccountRole)[keyof typeof AccountRole];

export const AccountStatus = defineEnum('AccountStatus', '账号状态', {
  PENDING: '待激活',
  ACTIVE: '正常',
  DISABLED: '已停用',
});
export type AccountStatus = (typeof AccountStatus)[keyof typeof AccountStatus];

export const ActorKind = defineEnum('ActorKind', '调用者类型', {
  ACCOUNT: '登录账号（工作人员或专业技术人员）',
  API_CLIENT: '第三方接入客户端（API 密钥）',
  OPERATOR: '平台运营人员',
});
export type ActorKind = (typeof ActorKind)[keyof typeof ActorKind];

@ObjectType('Account', { description: '登录账号', implements: Node })
export class Account implements Node {
  @Field(() => ID) id: string;
  @Field({ description: '用户名；专业技术人员为脱敏身份证号码' }) username: string;
  @Field() displayName: string;
  @Field(() => AccountRole) role: AccountRole;
  @Field(() => ID) orgNodeId: string;
  @Field(() => ID, { nullable: true }) professionalId: string | null;
  @Field(() => AccountStatus) status: AccountStatus;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastSignInAt: Date | null;
  /** internal */
  orgPath: string;
}

@ObjectType({ description: '账号列表（按用户名排序，键集分页）' })
export class AccountConnection extends ConnectionType(Account, 'Account') {}

@ObjectType({ description: '当前调用者' })
export class Viewer {
  @Field(() => ActorKind) kind: ActorKind;
  @Field() label: string;
  @Field(() => String, { nullable: true, description: '登录账号的显示名称（如“某某单位经办人”、专业技术人员的姓名）；其他调用者为空' }) displayName: string | null;
  @Field(() => AccountRole, { nullable: true }) role: AccountRole | null;
  @Field(() => Tenant, { nullable: true }) tenant: Tenant | null;
  @Field(() => Organisation, { nullable: true }) organisation: Organisation | null;
  @Field(() => Professional, { nullable: true }) professional: Professional | null;
  @Field(() => [ApiScope], { description: 'API 客户端的权限范围（其他调用者为空）' }) scopes: ApiScope[];
}

@ObjectType()
export class SignInResult {
  @Field() token: string;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => Account, { nullable: true }) account: Account | null;
}

@ObjectType({ description: '一次性激活码：只在此时显示一次' })
export class ActivationCodeResult {
  @Field(() => Account) account: Account;
  @Field() activationCode: string;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
}

@InputType()
export class SignInInput {
  @Field({ description: '地区代码，如 linyi' }) @Matches(/^[a-z][a-z0-9-]{1,30}$/, { message: '地区代码格式错误' }) tenantCode: string;
  @Field({ description: '用户名；专业技术人员为身份证号码' }) @Length(3, 64) username: string;
  @Field() @Length(1, 128) password: string;
}

@InputType()
export class ActivateAccountInput {
  @Field() @Matches(/^[a-z][a-z0-9-]{1,30}$/, { message: '地区代码格式错误' }) tenantCode: string;
  @Field() @Length(3, 64) username: string;
  @Field() @Length(6, 32) activationCode: string;
  @Field({ description: '自行设置的新密码：至少 10 位，含字母和数字' }) newPassword: string;
}

@InputType()
export class OperatorSignInInput {
  @Field() @Length(3, 64) username: string;
  @Field() @Length(1, 128) password: string;
}

@InputType()
export class CreateOfficialAccountInput {
  @Field()
  @Matches(/^[a-z][a-z0-9._-]{2,31}$/, { message: '用户名须以小写字母开头，3–32 位小写字母、数字、点、下划线或连字符' })
  username: string;
  @Field() @Length(1, 50) displayName: string;
  @Field(() => AccountRole) role: AccountRole;
  @Field(() => ID) orgNodeId: string;
}

@InputType()
export class IssueActivationCodeInput {
  @Field(() => ID, { nullable: true, description: '为专业技术人员签发（首次激活）' }) @IsOptional() professionalId?: string | null;
  @Field(() => ID, { nullable: true, description: '为已有账号签发（重置密码）' }) @IsOptional() accountId?: string | null;
}
