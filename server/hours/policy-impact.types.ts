// GraphQL types of the policy impact preview (政策调整影响预估).
import { IsInt, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { YearStatusEnum, type YearStatus } from './hours.types';

@ObjectType('PolicyImpactVerdict', { description: '某人某年度的结论及计入学时' })
export class PolicyImpactVerdict {
  @Field(() => YearStatusEnum, { description: '年度结论：已完成、未完成，或对本人无要求' }) status: YearStatus;
  @Field({ description: '是否完成本年度学时' }) complete: boolean;
  @Field(() => Float, { description: '计入的公需科目学时' }) publicHours: number;
  @Field(() => Float, { description: '计入的专业科目学时' }) professionalHours: number;
  @Field(() => Float, { description: '计入的学时合计（公需 + 专业）' }) totalHours: number;
}

@ObjectType('PolicyImpactChange', { description: '一名结论或计入学时将会改变的人员：现行政策下与调整后的对比' })
export class PolicyImpactChange {
  @Field(() => ID, { description: '人员 ID' }) professionalId: string;
  @Field({ description: '姓名' }) name: string;
  @Field({ description: '身份证号（脱敏）' }) idNumber: string;
  @Field({ description: '所在单位名称' }) unitName: string;
  @Field(() => PolicyImpactVerdict, { description: '现行政策下' }) before: PolicyImpactVerdict;
  @Field(() => PolicyImpactVerdict, { description: '按调整后的政策' }) after: PolicyImpactVerdict;
}

@ObjectType('PolicyImpact', {
  description:
    '政策调整的影响预估：按调整后的政策重新计算某年度，与现行政策比较（不发布任何内容）。只计在职人员；已认定年度保持认定结论，不计为变化。为限制每次请求的工作量，最多检查 scanned 人：complete 为假时各数量只是已检查部分的结果',
})
export class PolicyImpact {
  @Field(() => Int, { description: '本次检查的人数（按人员 ID 顺序，最多为服务器设定的上限）' }) scanned: number;
  @Field(() => Int, { description: '本地区在职人员总数' }) total: number;
  @Field({ description: '是否检查了全部在职人员；为假时以下数量只统计已检查的 scanned 人' }) complete: boolean;
  @Field(() => Int, { description: '结论或计入学时将会改变的人数（已检查部分）' }) changedCount: number;
  @Field(() => Int, { description: '由未完成变为完成的人数（已检查部分）' }) becameComplete: number;
  @Field(() => Int, { description: '由完成变为未完成的人数（已检查部分）' }) becameIncomplete: number;
  @Field(() => Int, { description: '计入的公需或专业科目学时将会改变的人数（已检查部分）' }) hoursChanged: number;
  @Field(() => [PolicyImpactChange], { description: '将会改变的人员，按人员 ID 顺序的前 first 名' }) changes: PolicyImpactChange[];
}

/** `year` and `first` of policyImpact; `input` is an argument of its own, validated as publishPolicyVersion's (the same fields in errors). */
@ArgsType()
export class PolicyImpactArgs {
  @Field(() => Int, { description: '预估哪一年度' }) @IsInt() year: number;

  @Field(() => Int, { defaultValue: 20, description: '列出的变化人员数（1–100）' })
  @Min(1)
  @Max(100)
  first: number = 20;
}
