// GraphQL types of title records (职称记录) and title applications (职称申报).
import { IsInt, IsOptional, Length, Matches } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { TITLE_ROUTE_LABELS, type TitleLevel, type TitleRoute, type TitleSeries } from '../engine/titles';
import { Node } from '../nodes/nodes.types';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType } from '../platform/pagination';
import { IsCalendarDate, NotBlank } from '../platform/validators';
import { TitleLevelEnum, TitleSeriesEnum } from '../professionals/title-enums';

export const TitleRouteEnum = defineEnum('TitleRoute', '职称申报途径', TITLE_ROUTE_LABELS);

export const TitleApplicationStatus = defineEnum('TitleApplicationStatus', '职称申报状态', {
  ACTIVE: '有效',
  WITHDRAWN: '已撤回',
});
export type TitleApplicationStatus = (typeof TitleApplicationStatus)[keyof typeof TitleApplicationStatus];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '日期格式应为 YYYY-MM-DD' };

@ObjectType('TitleRecord', { description: '职称记录：取得的职称级别、系列、日期与发证机关；最新一条即现职称' })
export class TitleRecord {
  @Field(() => ID) id: string;
  @Field(() => ID) professionalId: string;
  @Field(() => TitleLevelEnum) level: TitleLevel;
  @Field(() => TitleSeriesEnum) series: TitleSeries;
  @Field({ description: '取得日期（YYYY-MM-DD）' }) obtainedOn: string;
  @Field({ description: '发证（评审）机关' }) issuingBody: string;
  @Field(() => String, { nullable: true, description: '证书编号' }) certificateNo: string | null;
  @Field(() => GraphQLISODateTime) recordedAt: Date;
}

@InputType({ description: '登记一条职称记录（单位办理；留痕）' })
export class RecordTitleInput {
  @Field(() => ID) professionalId: string;
  @Field(() => Int, { description: '读取人员信息时的版本号，用于防止覆盖他人的修改' }) @IsInt() version: number;
  @Field(() => TitleLevelEnum) level: TitleLevel;
  @Field(() => TitleSeriesEnum) series: TitleSeries;
  @Field() @Matches(DATE, DATE_MESSAGE) @IsCalendarDate() obtainedOn: string;
  @Field() @Length(1, 100, { message: '发证机关长度须为 1–100 个字符' }) @NotBlank({ message: '发证机关不能为空白' }) issuingBody: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[\p{L}\p{N}\-_/()（）〔〕]{1,50}$/u, { message: '证书编号只能包含文字、数字和 - _ / 括号（最多 50 个字符）' })
  certificateNo?: string | null;
}

@InputType({ description: '删除一条登记错误的职称记录（留痕）' })
export class RemoveTitleRecordInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: '读取人员信息时的版本号' }) @IsInt() version: number;
}

@ObjectType('TitleApplication', { description: '职称申报：申报人、拟申报级别与系列、申报年度、途径和材料提交日期', implements: Node })
export class TitleApplication implements Node {
  @Field(() => ID) id: string;
  @Field(() => ID) professionalId: string;
  @Field(() => TitleLevelEnum, { description: '拟申报级别' }) targetLevel: TitleLevel;
  @Field(() => TitleSeriesEnum, { description: '拟申报系列' }) targetSeries: TitleSeries;
  @Field(() => Int) applicationYear: number;
  @Field(() => TitleRouteEnum) route: TitleRoute;
  @Field(() => String, { nullable: true, description: '申报材料提交日期（YYYY-MM-DD）；未提交时为空' }) filedOn: string | null;
  @Field(() => TitleApplicationStatus) status: TitleApplicationStatus;
  @Field(() => Int) version: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
}

@ObjectType({ description: '职称申报列表（键集分页）' })
export class TitleApplicationConnection extends ConnectionType(TitleApplication, 'TitleApplication') {}

@InputType()
export class CreateTitleApplicationInput {
  @Field(() => ID) professionalId: string;
  @Field(() => TitleLevelEnum) targetLevel: TitleLevel;
  @Field(() => TitleSeriesEnum) targetSeries: TitleSeries;
  @Field(() => Int) @IsInt() applicationYear: number;
  @Field(() => TitleRouteEnum, { defaultValue: 'NORMAL_REVIEW' }) route: TitleRoute;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsCalendarDate() filedOn?: string | null;
}

@InputType({ description: '修改职称申报（如登记材料提交日期、撤回）；须带读取时的版本号' })
export class UpdateTitleApplicationInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @IsInt() version: number;
  @Field(() => TitleLevelEnum, { nullable: true }) targetLevel?: TitleLevel | null;
  @Field(() => TitleSeriesEnum, { nullable: true }) targetSeries?: TitleSeries | null;
  @Field(() => TitleRouteEnum, { nullable: true }) route?: TitleRoute | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsCalendarDate() filedOn?: string | null;
  @Field(() => TitleApplicationStatus, { nullable: true, description: 'WITHDRAWN：撤回' }) status?: TitleApplicationStatus | null;
}
