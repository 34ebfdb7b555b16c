import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_POLICY_FILE_BYTES } from '../policy/input-bounds';
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
  @Field(() => String, {
    nullable: true,
    description: '政策文件（YAML 文本，格式同 tenants/*.yaml，最大 512 KB，其中 code 须与本租户代码一致）：作为该租户政策的第一个发布版本。文件有误时为 POLICY_FILE_INVALID，extensions.problems 列出各处问题及行列号，不开通租户',
  })
  // characters here (a cheap first gate); the service counts the bytes
  @IsOptional()
  @MaxLength(MAX_POLICY_FILE_BYTES, { message: '政策文件不能超过 512 KB' })
  policy?: string | null;
}

@ObjectType('PolicyFileProblem', { description: '政策文件中的一处问题' })
export class PolicyFileProblem {
  @Field(() => Int, { description: '行号（从 1 起）' }) line: number;
  @Field(() => Int, { description: '列号（从 1 起）' }) column: number;
  @Field(() => String, { nullable: true, description: '问题在文档中的路径，如 versions[0].kinds.paper.source；YAML 语法错误为空' }) path: string | null;
  @Field() message: string;
}

@ObjectType('PolicyFileCheck', { description: '政策文件检查结果（不开通租户、不保存任何数据）' })
export class PolicyFileCheck {
  @Field({ description: '文件无误，可用于开通租户' }) ok: boolean;
  @Field(() => [PolicyFileProblem], { description: '各处问题，按出现顺序（最多 50 处）' }) problems: PolicyFileProblem[];
}
