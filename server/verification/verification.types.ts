// GraphQL types of fraud marks (认定虚假申报) and spot checks (随机抽查).
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Declaration } from '../declarations/declarations.types';
import { IntegrityRecordView } from '../integrity/integrity.types';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType } from '../platform/pagination';

export type SpotCheckOutcome = 'PENDING' | 'PASSED' | 'FAILED';
export const SpotCheckOutcomeEnum = defineEnum<SpotCheckOutcome>('SpotCheckOutcome', '抽查复核结果', {
  PENDING: '待复核',
  PASSED: '复核通过（不作改变）',
  FAILED: '复核未通过（撤销该申报，学时不再计入）',
});

@ArgsType()
export class MarkFraudulentArgs {
  @Field(() => ID, { description: '审核中或已记录的学时申报' }) id: string;
  @Field({ description: '认定理由（必填，申报人可见）' }) @MaxLength(500) reason: string;
}

@ObjectType('FraudMark', { description: '认定虚假申报的结果：申报已撤销，申报人记入职称评审诚信档案' })
export class FraudMark {
  @Field(() => Declaration) declaration: Declaration;
  @Field(() => IntegrityRecordView) integrityRecord: IntegrityRecordView;
  @Field({ description: '是否撤销了已计入的学时（已记录的申报）' }) hoursWithdrawn: boolean;
  @Field({ description: '是否撤销了该年度的学时认定（撤销的学时曾计入已认定的年度）' }) certificationRevoked: boolean;
}

@InputType({ description: '随机抽查：按随机种子从某年度已记录的学时申报中，按各主管部门分别抽取规定比例' })
export class DrawSpotCheckInput {
  @Field(() => Int, { description: '抽查的计入年度' }) year: number;
  @Field(() => Float, { description: '抽查比例（%），大于 0 且不超过 100；各主管部门分别抽取 ⌈比例 × 该部门已记录申报数⌉ 条' }) percentage: number;
  @Field({ description: '随机种子（字母、数字、- 和 _，1–64 位）：同一种子、同一范围抽得同样的样本，可复现' }) seed: string;
  @Field(() => [ID], { nullable: true, description: '只抽这些主管部门（人社局本级：直属人社局的单位）；缺省为全部' })
  @IsOptional()
  @ArrayMaxSize(200)
  departmentIds?: string[] | null;
}

@ObjectType('SpotCheckDepartment', { description: '抽查中的一个主管部门：抽取时的已记录申报数与抽取数' })
export class SpotCheckGroupView {
  @Field(() => ID, { description: '主管部门（直属人社局的单位归入人社局本级）' }) departmentId: string;
  @Field({ description: '抽取时的名称' }) departmentName: string;
  @Field(() => Int, { description: '抽取时该部门该年度已记录的学时申报数' }) population: number;
  @Field(() => Int, { description: '抽取数' }) drawn: number;
}

@ObjectType('SpotCheck', { description: '一次随机抽查（随机抽查：001 六、(三)）' })
export class SpotCheckView {
  @Field(() => ID) id: string;
  @Field(() => Int) year: number;
  @Field(() => Float, { description: '抽查比例（%）' }) percentage: number;
  @Field({ description: '随机种子' }) seed: string;
  @Field(() => [ID], { nullable: true, description: '限定的主管部门；为空时为全部' }) departmentIds: string[] | null;
  @Field(() => Int, { description: '抽取范围内已记录的学时申报数' }) population: number;
  @Field(() => Int, { description: '抽取条数' }) itemCount: number;
  @Field(() => [SpotCheckGroupView], { description: '各主管部门的抽取情况' }) departments: SpotCheckGroupView[];
  @Field(() => Int, { description: '待复核条数' }) pending: number;
  @Field(() => Int, { description: '复核通过条数' }) passed: number;
  @Field(() => Int, { description: '复核未通过条数' }) failed: number;
  @Field(() => ID) drawnById: string;
  @Field(() => GraphQLISODateTime) drawnAt: Date;

  // internal: keyset position
  checkNo: string;
}

@ObjectType({ description: '抽查列表（键集分页，最近的在前）' })
export class SpotCheckConnection extends ConnectionType(SpotCheckView, 'SpotCheck') {}

@ObjectType('SpotCheckItem', { description: '抽查中的一条学时申报及其复核结果（复核结果登记后不能修改）' })
export class SpotCheckItemView {
  @Field(() => ID) id: string;
  @Field(() => ID) spotCheckId: string;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => Int, { description: '在该部门随机顺序中的位次' }) position: number;
  @Field(() => ID) declarationId: string;
  @Field(() => SpotCheckOutcomeEnum) outcome: SpotCheckOutcome;
  @Field(() => String, { nullable: true, description: '复核意见；未通过时为撤销理由（申报人可见）' }) reason: string | null;
  @Field(() => ID, { nullable: true }) decidedById: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
}

@ObjectType({ description: '抽查条目列表（键集分页）' })
export class SpotCheckItemConnection extends ConnectionType(SpotCheckItemView, 'SpotCheckItem') {}

@ArgsType()
export class RecordSpotCheckOutcomeArgs {
  @Field(() => ID) itemId: string;
  @Field({ description: '复核是否通过' }) passed: boolean;
  @Field(() => String, { nullable: true, description: '复核意见；未通过时必填（撤销理由，申报人可见）' }) @IsOptional() @MaxLength(500) reason?: string | null;
}
