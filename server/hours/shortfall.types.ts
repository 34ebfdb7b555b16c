// GraphQL types of "who is short" (缺学时人员).
import { IsInt } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { TitleLevel, TitleSeries } from '../engine/titles';
import { PageArgs, PageInfo } from '../platform/pagination';
import { TitleLevelEnum, TitleSeriesEnum } from '../professionals/title-enums';

@ObjectType('Shortfall', { description: '一名在本年度学时不足的人员：各科目的缺口和应完成的截止日期' })
export class Shortfall {
  @Field(() => ID) professionalId: string;
  @Field() name: string;
  @Field({ description: '身份证号（脱敏）' }) idNumber: string;
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => TitleLevelEnum) titleLevel: TitleLevel;
  @Field(() => TitleSeriesEnum) titleSeries: TitleSeries;
  @Field(() => Int) year: number;
  @Field({ description: '应完成的截止日期（YYYY-MM-DD）：职称申报人按职称规定，其他人员为年度截止日' }) deadline: string;
  @Field(() => Int, { description: '距截止日的天数（已过为负数）' }) daysLeft: number;
  @Field({ description: '截止日期的由来及依据' }) deadlineReason: string;
  @Field(() => ID, { nullable: true, description: '本年度的职称申报（申报人）' }) titleApplicationId: string | null;
  @Field(() => TitleLevelEnum, { nullable: true, description: '申报的职称层级' }) targetLevel: TitleLevel | null;
  @Field(() => Float) publicCredited: number;
  @Field(() => Float, { description: '公需科目缺口' }) publicShortfall: number;
  @Field(() => Float) professionalCredited: number;
  @Field(() => Float, { description: '专业科目缺口' }) professionalShortfall: number;
  @Field(() => [String], { description: '未达标的原因' }) reasons: string[];
  @Field({ description: '是否为已认定年度的结论' }) certified: boolean;
}

@ObjectType('ShortfallConnection', {
  description: '缺学时人员的一页：职称申报人按截止日期由近及远在前，其他人员按单位在后。为限制每次请求的工作量，一页可能少于 first 条：hasNextPage 为真时用 endCursor 继续',
})
export class ShortfallConnection {
  @Field(() => [Shortfall]) nodes: Shortfall[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: '本次请求检查了多少人' }) scanned: number;
}

@InputType({ description: '缺学时人员的筛选条件' })
export class ShortfallFilter {
  @Field(() => ID, { nullable: true, description: '单位' }) unitId?: string | null;
  @Field(() => TitleSeriesEnum, { nullable: true }) titleSeries?: TitleSeries | null;
}

@ArgsType()
export class ShortfallArgs extends PageArgs {
  @Field(() => Int, { description: '年度' }) @IsInt() year: number;
  @Field(() => ShortfallFilter, { nullable: true }) filter?: ShortfallFilter | null;
}
