// The import template (《专业技术人员信息导入表》) as an .xlsx, written as a stream: the data
// sheet with the Chinese headers, an example row (skipped on import), text-formatted ID,
// phone and date columns, and drop-down lists (data validation) for the title level, the
// title series and the employer type — and for the unit, the units in the caller's part of
// the tree; a short instructions sheet; and a hidden sheet holding the lists.
import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { COLUMNS, EXAMPLE_ID_NUMBER, LIST_WORDS, templateHeader, type ColumnKey } from './staff-import-columns';

export const TEMPLATE_FILE_NAME = '专业技术人员信息导入表.xlsx';
export const DATA_SHEET = '人员信息';
const INSTRUCTIONS_SHEET = '填写说明';
const LISTS_SHEET = '选项';

export interface TemplateUnit {
  name: string;
  code: string | null;
}

export interface TemplateOptions {
  /** units the caller may import into (for the unit column's list); empty: no list */
  units: readonly TemplateUnit[];
  /** the data rows one file may hold: for the instructions, and the rows the lists cover */
  maxRows: number;
}

/** exceljs keeps a sheet's validations by range (one entry for a whole column), but its typings omit the collection. */
const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;

const column = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!;
const letter = (no: number) => String.fromCharCode(64 + no);

export async function writeTemplate(out: Writable, options: TemplateOptions): Promise<void> {
  // exceljs is loaded with the first template, not with the server
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '继续教育学时管理平台';

  const data = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  const header = data.addRow(COLUMNS.map(templateHeader));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  header.commit();
  const example: Record<ColumnKey, string> = {
    NAME: '张三',
    ID_NUMBER: EXAMPLE_ID_NUMBER,
    UNIT: options.units[0]?.name ?? '某某单位',
    TITLE_LEVEL: '中级',
    TITLE_SERIES: '卫生',
    EMPLOYER_TYPE: '事业单位',
    PHONE: '13800000000',
    JOINED_UNIT_ON: '2020-09-01',
  };
  const exampleRow = data.addRow(COLUMNS.map((c) => example[c.key]));
  exampleRow.font = { italic: true, color: { argb: 'FF808080' } };
  exampleRow.commit();

  // the lists live on a hidden sheet: one column per list
  const lists: [ColumnKey, readonly string[]][] = [
    ['TITLE_LEVEL', LIST_WORDS.TITLE_LEVEL!],
    ['TITLE_SERIES', LIST_WORDS.TITLE_SERIES!],
    ['EMPLOYER_TYPE', LIST_WORDS.EMPLOYER_TYPE!],
    ['UNIT', options.units.map((u) => u.name)],
  ];
  // the example row, then as many rows as a file may hold
  const rangeEnd = `${options.maxRows + 2}`;
  lists.forEach(([key, words], i) => {
    if (!words.length) return;
    const c = column(key);
    const at = letter(c.no);
    const listColumn = letter(i + 1);
    validations(data).add(`${at}2:${at}${rangeEnd}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`'${LISTS_SHEET}'!$${listColumn}$2:$${listColumn}$${words.length + 1}`],
      // a unit may also be given by its code, which the list does not hold
      errorStyle: key === 'UNIT' ? 'information' : 'stop',
      showErrorMessage: true,
      errorTitle: c.header,
      error: key === 'UNIT' ? '不在单位列表中：请确认填写的是单位编码' : '请从下拉列表中选择',
    });
  });
  data.commit();

  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [{ width: 18 }, { width: 90 }];
  const title = help.addRow(['专业技术人员信息导入表 填写说明']);
  title.font = { bold: true, size: 14 };
  title.commit();
  const lines: [string, string][] = [
    ['填写位置', `在“${DATA_SHEET}”工作表中从第 3 行起每行填写一人；第 1 行为表头，请勿修改；第 2 行为示例（身份证号码 ${EXAMPLE_ID_NUMBER}），导入时自动忽略，可保留或删除。`],
    ['数量', `每个文件最多 ${options.maxRows} 人；空行不计。`],
    ['导入步骤', '上传后系统先逐行检查（预检），列出每个错误所在的行、列和原因；确认后才登记。可选择“全部导入”（有错误行则不导入）或“只导入无错误的行”。'],
    ['已登记的人员', '以身份证号码识别：本单位已登记的人员按表中信息更新（手机号码不填则保留原号码），不会重复登记；已登记在其他单位的人员请在人员信息中办理“调动”。同一文件重复导入不会产生变化。'],
    ['公式', '请只填写文字：含公式或以 =、+、-、@ 开头的单元格会被拒绝。'],
    ...COLUMNS.map((c): [string, string] => [templateHeader(c), `${c.required ? '必填。' : '选填。'}${c.hint}`]),
  ];
  for (const line of lines) {
    const row = help.addRow(line);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  help.commit();

  const listSheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const heads = listSheet.addRow(lists.map(([key]) => column(key).header));
  heads.commit();
  const longest = Math.max(...lists.map(([, words]) => words.length));
  for (let i = 0; i < longest; i++) listSheet.addRow(lists.map(([, words]) => words[i] ?? null)).commit();
  listSheet.commit();

  await workbook.commit();
}
