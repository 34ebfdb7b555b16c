import { IsOptional, Length, Matches } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../nodes/nodes.types';
import { ConnectionType } from '../platform/pagination';
import { defineEnum } from '../platform/graphql-enum';
import { NotBlank } from '../platform/validators';
import { EMPLOYER_TYPE_LABELS, type EmployerType } from '../engine/titles';

export const EmployerTypeEnum = defineEnum('EmployerType', '单位性质', EMPLOYER_TYPE_LABELS);

export const OrgKind = defineEnum('OrgKind', '机构类型', {
  BUREAU: '市人社局（兵团人社局）',
  DEPARTMENT: '主管部门（区县人社局、行业主管部门）',
  UNIT: '用人单位',
});
export type OrgKind = (typeof OrgKind)[keyof typeof OrgKind];

@ObjectType('Organisation', { description: '组织机构：人社局、主管部门或用人单位', implements: Node })
export class Organisation implements Node {
  @Field(() => ID) id: string;
  @Field(() => OrgKind) kind: OrgKind;
  @Field() name: string;
  @Field(() => String, { nullable: true }) code: string | null;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => Int, { description: '层级深度，人社局为 0' }) depth: number;
  @Field(() => EmployerTypeEnum, { nullable: true, description: '本机构自行设定的单位性质；为空时沿用上级' }) employerType: EmployerType | null;
  @Field(() => EmployerTypeEnum, { nullable: true, description: '实际适用的单位性质：本机构设定的，或最近一级上级设定的；下属人员按此适用政策' })
  effectiveEmployerType: EmployerType | null;
  @Field(() => Int) version: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  /** internal: materialised path, never exposed */
  path: string;
}

@ObjectType({ description: '机构列表（键集分页）' })
export class OrganisationConnection extends ConnectionType(Organisation, 'Organisation') {}

@InputType()
export class CreateOrganisationInput {
  @Field(() => ID) parentId: string;
  @Field(() => OrgKind) kind: OrgKind;
  @Field() @Length(1, 100, { message: '名称长度须为 1–100 个字符' }) @NotBlank({ message: '名称不能为空白' }) name: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: '机构代码只能包含字母、数字和连字符（最多 40 位）' })
  code?: string | null;
  @Field(() => EmployerTypeEnum, { nullable: true, description: '单位性质；不填则沿用上级' }) employerType?: EmployerType | null;
}

@InputType({ description: '设定或清除机构的单位性质（下级未自行设定的随之改变）' })
export class SetEmployerTypeInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: '读取时的版本号' }) version: number;
  @Field(() => EmployerTypeEnum, { nullable: true, description: '为空表示清除，改为沿用上级' }) employerType: EmployerType | null;
}

@InputType()
export class MoveOrganisationInput {
  @Field(() => ID) id: string;
  @Field(() => ID) newParentId: string;
}

@InputType()
export class RenameOrganisationInput {
  @Field(() => ID) id: string;
  @Field() @Length(1, 100, { message: '名称长度须为 1–100 个字符' }) @NotBlank({ message: '名称不能为空白' }) name: string;
}
