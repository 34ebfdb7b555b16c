import { IsOptional, Length, Matches } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ApiScope } from '../api-clients/api-clients.types';
import { Node } from '../nodes/nodes.types';
import { Organisation } from '../organisations/organisations.types';
import { ConnectionType } from '../platform/pagination';
import { Professional } from '../professionals/professionals.types';
import { Tenant } from '../tenants/tenants.types';

export enum AccountRole {
  BUREAU_OFFICIAL = 'BUREAU_OFFICIAL',
  DEPARTMENT_OFFICIAL = 'DEPARTMENT_OFFICIAL',
  UNIT_OFFICIAL = 'UNIT_OFFICIAL',
  PROFESSIONAL = 'PROFESSIONAL',
}
registerEnumType(AccountRole, {
  name: 'AccountRole',
  valuesConfig: {
    BUREAU_OFFICIAL: { description: '人社局工作人员' },
    DEPARTMENT_OFFICIAL: { description: '主管部门工作人员' },
    UNIT_OFFICIAL: { description: '用人单位经办人' },
    PROFESSIONAL: { description: '专业技术人员本人' },
  },
});

export enum AccountStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  valuesConfig: { PENDING: { description: '待激活' }, ACTIVE: { description: '正常' }, DISABLED: { description: '已停用' } },
});

export enum ActorKind {
  ACCOUNT = 'ACCOUNT',
  API_CLIENT = 'API_CLIENT',
  OPERATOR = 'OPERATOR',
}
registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: '调用者类型',
  valuesConfig: {
    ACCOUNT: { description: '登录账号（工作人员或专业技术人员）' },
    API_CLIENT: { description: '第三方接入客户端（API 密钥）' },
    OPERATOR: { description: '平台运营人员' },
  },
});

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
