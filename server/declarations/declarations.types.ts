// GraphQL types of declarations (学时申报) and their review (审核).
import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { ReviewLevel } from '../engine';
import type { TitleSeries } from '../engine/titles';
import { ActivityHoursView, HoursEvaluation } from '../hours/hours.types';
import { Node } from '../nodes/nodes.types';
import { ErrorCodeEnum } from '../platform/error-code.enum';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType } from '../platform/pagination';
import { IsCalendarDate, NotBlank } from '../platform/validators';
import { TitleSeriesEnum } from '../professionals/title-enums';

export const DeclarationStatus = defineEnum('DeclarationStatus', '学时申报状态', {
  DRAFT: '草稿（可修改）',
  SUBMITTED: '审核中',
  RECORDED: '已记录（学时计入）',
  REJECTED: '已退回（可修改后重新提交）',
  WITHDRAWN: '已撤回',
  REVOKED: '已撤销（经认定为虚假申报或抽查复核未通过，学时不计；见撤销理由）',
});
export type DeclarationStatus = (typeof DeclarationStatus)[keyof typeof DeclarationStatus];

export const ReviewLevelEnum = defineEnum<ReviewLevel>('ReviewLevel', '审核层级', {
  UNIT: '用人单位',
  DEPARTMENT: '主管部门（含行业审核机构）',
  BUREAU: '人力资源社会保障局',
});

export type ReviewDecisionKind = 'FILED' | 'APPROVED' | 'ADJUSTED' | 'REJECTED' | 'FRAUD' | 'SPOT_CHECK_FAILED';
export const ReviewDecisionEnum = defineEnum<ReviewDecisionKind>('ReviewDecision', '审核决定', {
  FILED: '由本级工作人员登记（本级审核即登记本身）',
  APPROVED: '审核通过',
  ADJUSTED: '调整学时后通过',
  REJECTED: '退回',
  FRAUD: '人社局认定为虚假申报（撤销，记入诚信档案）',
  SPOT_CHECK_FAILED: '人社局抽查复核未通过（撤销，学时不计）',
});

export type ReviewQueueStatus = 'WAITING' | 'FORWARDED' | 'RECORDED' | 'REJECTED' | 'WITHDRAWN' | 'REVOKED';
export const ReviewQueueStatusEnum = defineEnum<ReviewQueueStatus>('ReviewQueueStatus', '审核队列中的状态（相对于本级）', {
  WAITING: '待本级审核',
  FORWARDED: '本级已通过，待上级审核',
  RECORDED: '已记录',
  REJECTED: '已退回（本级或上级退回）',
  WITHDRAWN: '申报人已撤回',
  REVOKED: '已撤销（虚假申报或抽查复核未通过）',
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '日期格式应为 YYYY-MM-DD' };
const KIND = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

@ObjectType('Evidence', { description: '证明材料：证书编号、发证单位、签发日期和上传的文件' })
export class EvidenceView {
  @Field(() => String, { nullable: true }) certificateNo: string | null;
  @Field(() => String, { nullable: true }) issuer: string | null;
  @Field(() => String, { nullable: true, description: '签发日期（YYYY-MM-DD）' }) issuedOn: string | null;
  @Field(() => String, { nullable: true, description: '成果或证书名称（与年度、发证单位一起识别同一成果）' }) resultTitle: string | null;
  @Field(() => [ID], { description: '上传的证明文件' }) fileIds: string[];
}

@InputType({ description: '证明材料' })
export class EvidenceInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[\p{L}\p{N}\-_/()（）〔〕]{1,50}$/u, { message: '证书编号只能包含文字、数字和 - _ / 括号（最多 50 个字符）' })
  certificateNo?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: '发证单位长度须为 1–100 个字符' })
  @NotBlank({ message: '发证单位不能为空白' })
  issuer?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsCalendarDate() issuedOn?: string | null;
  @Field(() => String, { nullable: true, description: '成果或证书名称（论文题目、获奖项目名称等）；同一成果（名称、年度、发证单位相同）只能申报一次' })
  @IsOptional()
  @Length(1, 200, { message: '成果名称长度须为 1–200 个字符' })
  @NotBlank({ message: '成果名称不能为空白' })
  resultTitle?: string | null;
  @Field(() => [ID], { nullable: true, description: '已上传的证明文件（最多 10 个）' }) @IsOptional() @ArrayMaxSize(10) fileIds?: string[] | null;
}

@ObjectType('ReviewStep', { description: '审核链中的一级：层级、审核机构、是否为当前环节' })
export class ReviewStepView {
  @Field(() => ReviewLevelEnum) level: ReviewLevel;
  @Field(() => ID) organisationId: string;
  @Field() organisationName: string;
  @Field({ description: '是否为当前待审核的环节' }) current: boolean;
}

@ObjectType('AdjustedHours', { description: '审核人员调整后的学时及理由' })
export class AdjustedHoursView {
  @Field(() => Float) publicHours: number;
  @Field(() => Float) professionalHours: number;
  @Field() reason: string;
}

@ObjectType('DeclarationDecision', { description: '一条审核决定（谁审核，谁负责：不可修改）' })
export class DeclarationDecisionView {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: '第几次提交' }) round: number;
  @Field(() => ReviewLevelEnum) level: ReviewLevel;
  @Field(() => ID) organisationId: string;
  @Field() organisationName: string;
  @Field(() => ReviewDecisionEnum) decision: ReviewDecisionKind;
  @Field(() => ID) reviewerId: string;
  @Field({ description: '审核人' }) reviewerName: string;
  @Field(() => String, { nullable: true, description: '意见或理由' }) comment: string | null;
  @Field(() => Float, { nullable: true }) publicHours: number | null;
  @Field(() => Float, { nullable: true }) professionalHours: number | null;
  @Field(() => GraphQLISODateTime) decidedAt: Date;
}

export type DeclarationWarningCode = 'CO_AUTHOR_OVERFLOW';
export const DeclarationWarningCodeEnum = defineEnum<DeclarationWarningCode>('DeclarationWarningCode', '提请审核人员注意的情况', {
  CO_AUTHOR_OVERFLOW: '同一成果的申报人数超过其作者人数',
});

@ObjectType('DeclarationWarning', { description: '提请审核人员注意的情况（不阻止审核）' })
export class DeclarationWarning {
  @Field(() => DeclarationWarningCodeEnum) code: DeclarationWarningCode;
  @Field() message: string;
}

@ObjectType('DeclarationPreview', { description: '按现行政策试算：本项申报可得学时（含说明），以及计入后的年度情况' })
export class DeclarationPreview {
  @Field(() => ActivityHoursView, { description: '本项申报的学时、适用规则与说明' }) hours: ActivityHoursView;
  @Field(() => HoursEvaluation, { description: '本项计入后该年度的完成情况（已记录的学习加本项）' }) year: HoursEvaluation;
}

@ObjectType('Declaration', { description: '学时申报：专业技术人员申报的学习活动及证明材料，经审核链审核，末级通过后计入学时', implements: Node })
export class Declaration implements Node {
  @Field(() => ID) id: string;
  @Field(() => ID) professionalId: string;
  @Field({ description: '申报人姓名' }) professionalName: string;
  @Field(() => ID, { description: '申报（提交）时所在单位' }) unitId: string;
  @Field() unitName: string;
  @Field(() => TitleSeriesEnum, { description: '申报（提交）时的职称系列' }) titleSeries: TitleSeries;
  @Field({ description: '学习形式代码（见 activityKinds）' }) kind: string;
  @Field({ description: '学习形式名称（申报时的政策）' }) kindName: string;
  @Field(() => Int, { description: '计入年度' }) year: number;
  @Field(() => String, { nullable: true, description: '发生日期' }) date: string | null;
  @Field(() => GraphQLJSONObject) params: Record<string, unknown>;
  @Field(() => EvidenceView) evidence: EvidenceView;
  @Field(() => DeclarationStatus) status: DeclarationStatus;
  @Field(() => Int, { description: '提交次数（退回后重新提交为新的一轮）' }) round: number;
  @Field(() => ReviewLevelEnum, { nullable: true, description: '当前待审核的层级（审核中时）' }) currentLevel: ReviewLevel | null;
  @Field(() => [ReviewStepView], { description: '审核链（提交时按政策和组织机构确定，之后不随组织机构调整而改变）' }) chain: ReviewStepView[];
  @Field(() => String, { nullable: true, description: '行业审核路线的说明及依据' }) chainNote: string | null;
  @Field(() => String, { nullable: true, description: '退回理由' }) rejectionReason: string | null;
  @Field(() => String, { nullable: true, description: '撤销理由（已撤销时）' }) revocationReason: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '撤销时间' }) revokedAt: Date | null;
  @Field(() => AdjustedHoursView, { nullable: true, description: '审核人员调整的学时（计入时以此为准）' }) adjustedHours: AdjustedHoursView | null;
  @Field(() => ID, { nullable: true, description: '记录后的学习活动（与申报同一 ID）' }) activityId: string | null;
  @Field(() => Int) version: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '（最近一次）提交时间' }) submittedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '记录（末级审核通过）时间' }) recordedAt: Date | null;

  // internal
  /** The person's current unit path (supervision scope). */
  unitPath: string;
  filedBy: string;
  step: number;
  entryStep: number;
  review: { UNIT: string | null; DEPARTMENT: string | null; BUREAU: string | null };
  queueNo: string | null;
  occurredOn: string | null;
  adjusted: { PUBLIC: number; PROFESSIONAL: number } | null;
}

@ObjectType({ description: '学时申报列表（键集分页）' })
export class DeclarationConnection extends ConnectionType(Declaration, 'Declaration') {}

@InputType({ description: '填写一项学时申报（专业技术人员本人）' })
export class CreateDeclarationInput {
  @Field({ description: '学习形式代码（见 activityKinds）' }) @Matches(KIND, { message: '学习形式代码格式错误' }) kind: string;
  @Field(() => Int) @IsInt() year: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsCalendarDate() date?: string | null;
  @Field(() => GraphQLJSONObject) params: Record<string, unknown>;
  @Field(() => EvidenceInput, { nullable: true }) @IsOptional() @ValidateNested() evidence?: EvidenceInput | null;
  @Field({ defaultValue: false, description: '填写后立即提交审核' }) submit: boolean;
}

@InputType({ description: '修改草稿或被退回的学时申报；须带读取时的版本号' })
export class UpdateDeclarationInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @IsInt() version: number;
  @Field({ nullable: true }) @IsOptional() @Matches(KIND, { message: '学习形式代码格式错误' }) kind?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() year?: number;
  @Field(() => String, { nullable: true, description: '发生日期；传 null 清除' }) @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsCalendarDate() date?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) params?: Record<string, unknown> | null;
  @Field(() => EvidenceInput, { nullable: true, description: '整体替换证明材料' }) @IsOptional() @ValidateNested() evidence?: EvidenceInput | null;
}

@ArgsType()
export class DeclarationVersionArgs {
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true, description: '读取时的版本号；给出时如已被修改则拒绝' }) @IsOptional() @IsInt() version?: number | null;
}

@ArgsType()
export class ApproveDeclarationArgs extends DeclarationVersionArgs {
  @Field(() => String, { nullable: true, description: '审核意见' }) @IsOptional() @MaxLength(500) comment?: string | null;
}

@ArgsType()
export class RejectDeclarationArgs extends DeclarationVersionArgs {
  @Field({ description: '退回理由（必填，退回给申报人）' }) @MaxLength(500) reason: string;
}

@ArgsType()
export class AdjustDeclarationArgs extends DeclarationVersionArgs {
  @Field(() => Float, { description: '核定的公需科目学时' }) publicHours: number;
  @Field(() => Float, { description: '核定的专业科目学时' }) professionalHours: number;
  @Field({ description: '调整理由（必填）' }) @MaxLength(500) reason: string;
}

@ArgsType()
export class BulkApproveArgs {
  @Field(() => [ID], { description: '本页要通过的学时申报（最多 50 条）' }) ids: string[];
  @Field(() => String, { nullable: true, description: '审核意见（每条相同）' }) @IsOptional() @MaxLength(500) comment?: string | null;
}

@ObjectType({ description: '批量通过中的一条：逐条办理，一条失败不影响其他各条' })
export class BulkApprovalItem {
  @Field(() => ID) id: string;
  @Field(() => ErrorCodeEnum, { nullable: true, description: '未能通过时的错误代码（如 ALREADY_DECIDED）' }) errorCode: string | null;
  @Field(() => String, { nullable: true }) errorMessage: string | null;
  @Field(() => Declaration, { nullable: true, description: '通过后的学时申报' }) declaration: Declaration | null;
}

@InputType({ description: '审核队列的筛选条件' })
export class ReviewQueueFilter {
  @Field(() => ReviewQueueStatusEnum, { defaultValue: 'WAITING', description: '缺省为待本级审核' }) status: ReviewQueueStatus;
  @Field(() => ID, { nullable: true, description: '申报人所在单位' }) unitId?: string | null;
  @Field({ nullable: true, description: '学习形式代码' }) @IsOptional() @Matches(KIND, { message: '学习形式代码格式错误' }) kind?: string;
  @Field(() => String, { nullable: true, description: '提交日期自（含，YYYY-MM-DD）' }) @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsCalendarDate() from?: string | null;
  @Field(() => String, { nullable: true, description: '提交日期至（含，YYYY-MM-DD）' }) @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsCalendarDate() to?: string | null;
  @Field(() => TitleSeriesEnum, { nullable: true }) titleSeries?: TitleSeries | null;
}

@ObjectType({ description: '本级审核队列各状态的数量（同一筛选条件）；每个数量最多计到 limit，超过的列在 capped 中（显示为“limit+”）' })
export class ReviewQueueCounts {
  @Field(() => Int) waiting: number;
  @Field(() => Int) forwarded: number;
  @Field(() => Int) recorded: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) withdrawn: number;
  @Field(() => Int) revoked: number;
  @Field(() => Int, { description: '计数上限（10000）：数量不超过它时是准确数' }) limit: number;
  @Field(() => [ReviewQueueStatusEnum], { description: '数量超过上限的状态：其数量字段为上限值，应显示为“10000+”' }) capped: ReviewQueueStatus[];
}
