import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Subject } from '../engine';
import { ErrorCodeEnum } from '../platform/error-code.enum';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType } from '../platform/pagination';
import { IsCalendarDate, NotBlank } from '../platform/validators';
import { SubjectEnum } from '../policy/policy.enums';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '日期格式应为 YYYY-MM-DD' };

export type TrainingSource = 'PROVIDER' | 'PLATFORM';
export const TrainingSourceEnum = defineEnum<TrainingSource>('TrainingSource', '培训项目的来源', {
  PROVIDER: '施教机构（API 客户端）备案的培训项目',
  PLATFORM: '平台自有课程',
});

export type CompletionRowStatus = 'CREDITED' | 'NOT_CREDITED' | 'ALREADY_REPORTED' | 'REJECTED';
export const CompletionRowStatusEnum = defineEnum<CompletionRowStatus>('CompletionRowStatus', '一条培训完成记录的处理结果', {
  CREDITED: '已记录学时（无需审核）',
  NOT_CREDITED: '已记录完成情况，但按规定不计学时（见 message，例如项目未按时备案）',
  ALREADY_REPORTED: '此前已上报并记录，本次不重复计入',
  REJECTED: '未记录（见 code 与 message），本批其余记录不受影响',
});

@ObjectType('TrainingProject', { description: '施教机构备案的培训项目（或平台自有课程）' })
export class TrainingProject {
  @Field(() => ID) id: string;
  @Field(() => TrainingSourceEnum) source: TrainingSource;
  @Field(() => ID, { nullable: true, description: '备案的施教机构（API 客户端）；平台自有课程为空' }) providerId: string | null;
  @Field({ description: '施教机构名称（API 客户端名称；平台自有课程为“平台课程”）' }) providerName: string;
  @Field() title: string;
  @Field({ description: '计入的学习形式（政策中的代码）' }) kind: string;
  @Field() kindName: string;
  @Field(() => SubjectEnum) subject: Subject;
  @Field(() => Float, { description: '每人完成后记录的学时' }) hours: number;
  @Field(() => GraphQLJSONObject, { description: '记录为学习活动时的参数（学时按每人上报的填入）' }) params: Record<string, unknown>;
  @Field({ description: '开班日期 YYYY-MM-DD' }) startDate: string;
  @Field({ description: '结束日期 YYYY-MM-DD' }) endDate: string;
  @Field({ description: '培训对象' }) audience: string;
  @Field({ description: '培训地点（线上课程填“线上”）' }) venue: string;
  @Field(() => GraphQLISODateTime) filedAt: Date;
  @Field({ description: '备案日期（北京时间）' }) filedOn: string;
  @Field({ description: '是否按时备案；未按时备案的项目保留，但其完成情况不计学时' }) onTime: boolean;
  @Field(() => String, { nullable: true, description: '未按时备案的原因与依据' }) lateReason: string | null;
  @Field(() => Int, { nullable: true, description: '政策要求的备案提前工作日数；政策未规定为空' }) leadWorkingDays: number | null;
  @Field(() => Int, { nullable: true, description: '备案日至开班日之间的工作日数（含备案日，不含开班日）' }) workingDaysBefore: number | null;
  @Field(() => String, { nullable: true, description: '计算工作日的说明（例如该年度的节假日安排尚未载入时按周一至周五计算）' })
  calendarNote: string | null;
}

@ObjectType({ description: '培训项目列表（键集分页）' })
export class TrainingProjectConnection extends ConnectionType(TrainingProject, 'TrainingProject') {}

@InputType({ description: '备案一个培训项目' })
export class FileTrainingProjectInput {
  @Field() @Length(1, 200) @NotBlank() title: string;
  @Field({ description: '计入的学习形式代码（见 activityKinds；须按实际学时计算、计入公需或专业科目）' }) @Length(1, 64) kind: string;
  @Field(() => Float, { description: '每人完成后记录的学时（可在上报时按人填写更少的学时）' }) @Min(0.5) @Max(2000) hours: number;
  @Field({ description: '开班日期 YYYY-MM-DD' }) @Matches(DATE, DATE_MESSAGE) @IsCalendarDate() startDate: string;
  @Field({ description: '结束日期 YYYY-MM-DD（与开班日期同一年度）' }) @Matches(DATE, DATE_MESSAGE) @IsCalendarDate() endDate: string;
  @Field({ description: '培训对象' }) @Length(1, 500) @NotBlank() audience: string;
  @Field({ description: '培训地点（线上课程填“线上”）' }) @Length(1, 200) @NotBlank() venue: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: '该学习形式的其他参数（学时、备案日期、开班日期等由平台填入）' })
  @IsOptional()
  params?: Record<string, unknown> | null;
}

/**
 * One reported completion. Checked row by row in the service (not here): a bad row is answered
 * in its place and the rest of the batch is kept.
 */
@InputType({ description: '一条培训完成记录' })
export class TrainingCompletionRowInput {
  @Field({ description: '身份证号码（18 位）' }) idNumber: string;
  @Field({ description: '姓名（与登记的姓名核对）' }) name: string;
  @Field({ description: '完成日期 YYYY-MM-DD（培训项目起止日期内）' }) completedOn: string;
  @Field(() => Float, { nullable: true, description: '学时；缺省为培训项目的学时' }) hours?: number | null;
}

@ObjectType({ description: '一条培训完成记录的处理结果' })
export class TrainingCompletionRowResult {
  @Field(() => Int, { description: '在上报的 rows 中的序号（从 0 开始）' }) index: number;
  @Field({ description: '脱敏身份证号码' }) idNumber: string;
  @Field(() => CompletionRowStatusEnum) status: CompletionRowStatus;
  @Field(() => ErrorCodeEnum, { nullable: true, description: '未计学时或未记录时的代码' }) code: string | null;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => Float, { description: '本条记录的学时（未计学时为 0；年度上限等按政策在完成情况中计算）' }) hours: number;
}

@ObjectType({ description: '一批培训完成情况的处理结果；同一批次号再次上报相同内容时返回同一结果' })
export class TrainingReportResult {
  @Field(() => ID) batchId: string;
  @Field() batchKey: string;
  @Field(() => ID) projectId: string;
  @Field({ description: '是否为此前同一批次的重放（本次没有写入任何记录）' }) replayed: boolean;
  @Field(() => Int) received: number;
  @Field(() => Int) credited: number;
  @Field(() => Int) notCredited: number;
  @Field(() => Int) alreadyReported: number;
  @Field(() => Int) rejected: number;
  @Field(() => [TrainingCompletionRowResult], { description: '每条记录的结果，与上报的 rows 一一对应' }) rows: TrainingCompletionRowResult[];
}

@ObjectType('TrainingCompletion', { description: '一人完成一个培训项目的记录' })
export class TrainingCompletion {
  @Field(() => ID) projectId: string;
  @Field(() => ID) professionalId: string;
  @Field({ description: '姓名' }) name: string;
  @Field({ description: '脱敏身份证号码' }) idNumber: string;
  @Field() completedOn: string;
  @Field(() => Float, { description: '记录的学时（项目未按时备案为 0）' }) hours: number;
  @Field(() => ID, { nullable: true, description: '记录的学习活动；不计学时为空' }) activityId: string | null;
  @Field(() => ID) batchId: string;
  @Field(() => GraphQLISODateTime) reportedAt: Date;
}

@ObjectType({ description: '培训完成记录列表（键集分页）' })
export class TrainingCompletionConnection extends ConnectionType(TrainingCompletion, 'TrainingCompletion') {}

@InputType({ description: '培训项目的筛选条件' })
export class TrainingProjectFilter {
  @Field(() => Int, { nullable: true, description: '开班年度' }) @IsOptional() @Min(1990) @Max(2100) year?: number | null;
  @Field(() => Boolean, { nullable: true, description: '只看按时（true）或未按时（false）备案的项目' }) @IsOptional() onTime?: boolean | null;
  @Field(() => ID, { nullable: true, description: '施教机构（API 客户端）；仅人社局可用' }) @IsOptional() providerId?: string | null;
  @Field(() => TrainingSourceEnum, { nullable: true }) @IsOptional() source?: TrainingSource | null;
}

@ArgsType()
export class ReportTrainingCompletionsArgs {
  @Field(() => ID, { description: '培训项目（本机构备案的）' }) projectId: string;
  @Field({ description: '批次号：由上报方自定（每个施教机构内唯一，1–100 个可见 ASCII 字符）；同一批次号重复上报相同内容返回同一结果，不重复记录' })
  @Length(1, 100)
  @Matches(/^[\x21-\x7e]+$/, { message: '批次号只能包含可见的 ASCII 字符（字母、数字、符号），不含空格' })
  batchKey: string;
  @Field(() => [TrainingCompletionRowInput], { description: '完成记录，每批最多 10000 条' }) rows: TrainingCompletionRowInput[];
}
