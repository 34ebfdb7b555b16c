import { IsOptional, Length, Matches } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../nodes/nodes.types';
import { ConnectionType } from '../platform/pagination';
import { TitleLevelEnum, TitleSeriesEnum } from './title-enums';
import type { TitleLevel, TitleSeries } from '../engine/titles';
import { defineEnum } from '../platform/graphql-enum';
import { NotBlank } from '../platform/validators';
import { NAME_PATTERN as NAME, NAME_RULE, PHONE_PATTERN, PHONE_RULE } from './professional-rules';

export const Gender = defineEnum('Gender', '性别', {
  MALE: '男',
  FEMALE: '女',
});
export type Gender = (typeof Gender)[keyof typeof Gender];

export const ProfessionalStatus = defineEnum('ProfessionalStatus', '在职状态', {
  ACTIVE: '在职',
  LEFT: '已离职',
  RETIRED: '已退休',
  MOVED_OUT: '已迁出（迁入平台上的其他地区；记录只读，不计入本地统计）',
});
export type ProfessionalStatus = (typeof ProfessionalStatus)[keyof typeof ProfessionalStatus];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('Professional', { description: '专业技术人员', implements: Node })
export class Professional implements Node {
  @Field(() => ID) id: string;
  @Field({ description: '身份证号码；管理范围外的调用方只能看到脱敏号码' }) idNumber: string;
  @Field({ description: '脱敏身份证号码，如 3701**********1234' }) idNumberMasked: string;
  @Field() name: string;
  @Field(() => Gender, { description: '由身份证号码推算' }) gender: Gender;
  @Field({ description: '出生日期（YYYY-MM-DD），由身份证号码推算' }) birthDate: string;
  @Field(() => ID) unitId: string;
  @Field(() => TitleLevelEnum) titleLevel: TitleLevel;
  @Field(() => TitleSeriesEnum) titleSeries: TitleSeries;
  @Field(() => String, { nullable: true, description: '现职称取得日期（取自职称记录；未登记职称记录时为空）' }) titleObtainedOn: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => ProfessionalStatus) status: ProfessionalStatus;
  @Field({ description: '调入（入职）本单位日期' }) joinedUnitOn: string;
  @Field(() => Int) version: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  /** internal */
  unitPath: string;
}

@InputType()
export class ProfessionalFilter {
  @Field(() => ID, { nullable: true, description: '所在单位' }) unitId?: string | null;
  @Field(() => ID, { nullable: true, description: '某机构（主管部门等）及其下级的全部单位' }) orgId?: string | null;
  @Field(() => TitleLevelEnum, { nullable: true }) titleLevel?: TitleLevel | null;
  @Field(() => TitleSeriesEnum, { nullable: true }) titleSeries?: TitleSeries | null;
  @Field(() => ProfessionalStatus, { nullable: true }) status?: ProfessionalStatus | null;
  @Field(() => String, { nullable: true, description: '姓名（前缀匹配）' })
  @IsOptional()
  @Length(1, 50)
  name?: string | null;
  @Field(() => String, { nullable: true, description: '身份证号码（精确匹配）' })
  @IsOptional()
  @Length(18, 18, { message: '身份证号码应为18位' })
  idNumber?: string | null;
}

@ObjectType({ description: '专业技术人员列表（键集分页）' })
export class ProfessionalConnection extends ConnectionType(Professional, 'Professional') {}

@InputType()
export class CreateProfessionalInput {
  @Field({ description: '18 位身份证号码' }) idNumber: string;
  @Field() @Matches(NAME, { message: NAME_RULE }) @NotBlank({ message: '姓名不能为空白' }) name: string;
  @Field(() => ID) unitId: string;
  @Field(() => TitleLevelEnum) titleLevel: TitleLevel;
  @Field(() => TitleSeriesEnum) titleSeries: TitleSeries;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_RULE })
  phone?: string | null;
  @Field() @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) joinedUnitOn: string;
}

@InputType()
export class UpdateProfessionalInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: '读取时的版本号，用于防止覆盖他人的修改' }) version: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(NAME, { message: NAME_RULE })
  @NotBlank({ message: '姓名不能为空白' })
  name?: string | null;
  @Field(() => TitleLevelEnum, { nullable: true, description: '仅限尚无职称记录的人员；有职称记录后请用 recordTitle 登记' }) titleLevel?: TitleLevel | null;
  @Field(() => TitleSeriesEnum, { nullable: true, description: '仅限尚无职称记录的人员；有职称记录后请用 recordTitle 登记' }) titleSeries?: TitleSeries | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_RULE })
  phone?: string | null;
  @Field(() => ProfessionalStatus, { nullable: true }) status?: ProfessionalStatus | null;
}

@InputType()
export class TransferProfessionalInput {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: '调入单位' }) unitId: string;
  @Field() @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) joinedUnitOn: string;
}
