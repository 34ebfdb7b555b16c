// The staff import template (《专业技术人员信息导入表》, 004 三、(二)): its columns, the
// headers a file may use for them, and the words of the drop-down lists. The template
// (template.ts), the reader (sheet-reader.ts) and the row checks (row-check.ts) all read
// this one list.
import { EMPLOYER_TYPE_LABELS, EMPLOYER_TYPES, type EmployerType, TITLE_LEVEL_LABELS, TITLE_LEVELS, TITLE_SERIES, TITLE_SERIES_LABELS, type TitleLevel, type TitleSeries } from '../engine/titles';

export type ColumnKey = 'NAME' | 'ID_NUMBER' | 'UNIT' | 'TITLE_LEVEL' | 'TITLE_SERIES' | 'EMPLOYER_TYPE' | 'PHONE' | 'JOINED_UNIT_ON';

export interface TemplateColumn {
  /** position in the template, 1-based; errors are stored by it */
  no: number;
  key: ColumnKey;
  /** the template's header (required columns get a `*` after it) */
  header: string;
  /** other headers accepted for the column in an uploaded file */
  aliases: readonly string[];
  required: boolean;
  /** kept as text in the template, so Excel neither rounds ID numbers nor turns dates into numbers */
  text: boolean;
  width: number;
  hint: string;
}

export const COLUMNS: readonly TemplateColumn[] = [
  { no: 1, key: 'NAME', header: '姓名', aliases: [], required: true, text: false, width: 12, hint: '汉字、字母或间隔号（·），1–50 个字符' },
  { no: 2, key: 'ID_NUMBER', header: '身份证号码', aliases: ['身份证号', '公民身份号码'], required: true, text: true, width: 22, hint: '18 位居民身份证号码，末位可为 X；以此识别人员：已登记的人员将被更新' },
  { no: 3, key: 'UNIT', header: '所在单位', aliases: ['单位', '单位名称', '工作单位'], required: true, text: false, width: 28, hint: '单位全称或单位编码，须在您的管理范围内（见“单位列表”）' },
  { no: 4, key: 'TITLE_LEVEL', header: '职称级别', aliases: ['职称等级'], required: true, text: false, width: 12, hint: '从下拉列表选择' },
  { no: 5, key: 'TITLE_SERIES', header: '职称系列', aliases: [], required: true, text: false, width: 14, hint: '从下拉列表选择' },
  { no: 6, key: 'EMPLOYER_TYPE', header: '单位性质', aliases: [], required: false, text: false, width: 16, hint: '可不填；填写时须与该单位登记的单位性质一致' },
  { no: 7, key: 'PHONE', header: '手机号码', aliases: ['手机号', '联系电话'], required: false, text: true, width: 14, hint: '可不填；11 位大陆手机号。已登记人员不填则保留原号码' },
  { no: 8, key: 'JOINED_UNIT_ON', header: '入职本单位日期', aliases: ['入职日期', '调入日期'], required: true, text: true, width: 16, hint: '如 2020-09-01（也可写 2020/9/1 或 2020年9月1日）' },
];

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, TemplateColumn>> = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, TemplateColumn>;

/** The header as printed in the template. */
export function templateHeader(c: TemplateColumn): string {
  return c.required ? `${c.header}*` : c.header;
}

/** A header cell as a file may write it: spaces, a `*` and a note in brackets do not matter. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*]/g, '');
}

const HEADER_TO_COLUMN = new Map<string, TemplateColumn>(COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normaliseHeader(h), c] as const)));

/** The template column a header names, if any. */
export function columnOfHeader(text: string): TemplateColumn | undefined {
  return HEADER_TO_COLUMN.get(normaliseHeader(text));
}

/** The example row of the template: recognised by its ID number (GB 11643's own example) and skipped. */
export const EXAMPLE_ID_NUMBER = '11010519491231002X';

/** A list's words → codes; the codes themselves are accepted too. */
function lookup<K extends string>(codes: readonly K[], labels: Record<K, string>): ReadonlyMap<string, K> {
  return new Map<string, K>(codes.flatMap((k) => [[labels[k], k] as const, [k, k] as const]));
}

export const TITLE_LEVEL_BY_WORD = lookup<TitleLevel>(TITLE_LEVELS, TITLE_LEVEL_LABELS);
export const TITLE_SERIES_BY_WORD = lookup<TitleSeries>(TITLE_SERIES, TITLE_SERIES_LABELS);
export const EMPLOYER_TYPE_BY_WORD = lookup<EmployerType>(EMPLOYER_TYPES, EMPLOYER_TYPE_LABELS);

/** The words of each drop-down list, in the template's order. */
export const LIST_WORDS: Readonly<Partial<Record<ColumnKey, readonly string[]>>> = {
  TITLE_LEVEL: TITLE_LEVELS.map((k) => TITLE_LEVEL_LABELS[k]),
  TITLE_SERIES: TITLE_SERIES.map((k) => TITLE_SERIES_LABELS[k]),
  EMPLOYER_TYPE: EMPLOYER_TYPES.map((k) => EMPLOYER_TYPE_LABELS[k]),
};
