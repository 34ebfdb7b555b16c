// GraphQL types of the staff import: the job with its dry-run counts and result, and its
// errors by row and column. The file itself is uploaded with POST /staff-imports (the
// template comes from GET /staff-imports/template), never through GraphQL.
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType } from '../platform/pagination';
import { COLUMNS, type ColumnKey } from './staff-import-columns';
import { PROBLEM_MESSAGES, type Problem } from './staff-import-problems';

export const StaffImportColumn = defineEnum('StaffImportColumn', '人员导入表的列', Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>);
export type StaffImportColumn = ColumnKey;

export const StaffImportProblem = defineEnum('StaffImportProblem', '导入文件中一行的问题', PROBLEM_MESSAGES);
export type StaffImportProblem = Problem;

export const StaffImportStatus = defineEnum('StaffImportStatus', '导入任务状态', {
  READY: '已检查（预检结果见 errors），待确认导入',
  IMPORTED: '已导入',
  EXPIRED: '超过 24 小时未确认，已失效',
});
export type StaffImportStatus = (typeof StaffImportStatus)[keyof typeof StaffImportStatus];

export const StaffImportMode = defineEnum('StaffImportMode', '导入方式', {
  ALL: '全部导入：文件中有任何错误行则一行也不导入',
  VALID_ONLY: '只导入无错误的行，跳过错误行',
});
export type StaffImportMode = (typeof StaffImportMode)[keyof typeof StaffImportMode];

@ObjectType('StaffImportRowError', { description: '预检发现的问题：第几行、哪一列、什么问题' })
export class StaffImportRowError {
  @Field(() => Int, { description: '行号（与表格软件中显示的一致，表头为第 1 行）' }) row: number;
  @Field(() => StaffImportColumn) column: StaffImportColumn;
  @Field({ description: '列名（模板的表头）' }) columnLabel: string;
  @Field(() => StaffImportProblem) code: StaffImportProblem;
  @Field(() => String, { nullable: true, description: '与语言无关的补充：重复出现的其他行号、长度上限、登记的单位性质代码' }) detail: string | null;
  @Field({ description: '中文说明' }) message: string;
  /** internal: the template column, the keyset position */
  columnNo: number;
}

@ObjectType({ description: '预检问题列表（按行、列排序，键集分页）' })
export class StaffImportRowErrorConnection extends ConnectionType(StaffImportRowError, 'StaffImportRowError') {}

@ObjectType('StaffImportResult', { description: '确认导入的结果' })
export class StaffImportResult {
  @Field(() => StaffImportMode) mode: StaffImportMode;
  @Field(() => Int, { description: '新登记的人员' }) created: number;
  @Field(() => Int, { description: '已登记、信息有变化而更新的人员' }) updated: number;
  @Field(() => Int, { description: '已登记、信息无变化的人员' }) unchanged: number;
  @Field(() => Int, { description: '因有错误而跳过的行' }) skipped: number;
  @Field(() => GraphQLISODateTime) confirmedAt: Date;
}

@ObjectType('StaffImport', { description: '人员批量导入任务：上传的文件、预检结果与导入结果' })
export class StaffImport {
  @Field(() => ID) id: string;
  @Field({ description: '上传的文件名' }) fileName: string;
  @Field(() => Int, { description: '文件字节数' }) fileBytes: number;
  @Field(() => StaffImportStatus) status: StaffImportStatus;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { description: '未确认时的失效时间（上传后 24 小时）' }) expiresAt: Date;
  @Field(() => Int, { description: '人员行数（空行与模板示例行不计）' }) totalRows: number;
  @Field(() => Int, { description: '无错误的行数' }) validRows: number;
  @Field(() => Int, { description: '有错误的行数' }) invalidRows: number;
  @Field(() => Int, { description: '问题条数（一行可有多条）' }) errorCount: number;
  @Field(() => Int, { description: '预检：将新登记的人员' }) toCreate: number;
  @Field(() => Int, { description: '预检：将更新的已登记人员' }) toUpdate: number;
  @Field(() => Int, { description: '预检：已登记且信息无变化的人员' }) toLeaveUnchanged: number;
  @Field(() => StaffImportResult, { nullable: true, description: '确认导入后的结果；未导入时为空' }) result: StaffImportResult | null;
  @Field(() => Int) version: number;
  /** internal */
  createdBy: string;
  /** internal: created_at to the microsecond, the list's keyset position */
  createdKey: string;
}

@ObjectType({ description: '本人的导入任务（新上传的在前，键集分页）' })
export class StaffImportConnection extends ConnectionType(StaffImport, 'StaffImport') {}
