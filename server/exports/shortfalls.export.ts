// Who is short (缺学时人员) for a year, as the console lists it: `shortfalls(year, filter)`
// in the caller's scope, title applicants first by their deadline, then the rest by unit,
// walked page by page through the list's own service (each page judges at most its scan
// budget). Its bound is the people it judges: everyone active in scope that the filter keeps,
// counted before anything is written. ID numbers are masked, as the list shows them.
import { TITLE_LEVEL_LABELS, TITLE_SERIES_LABELS } from '../engine/titles';
import type { Context } from '../platform/context';
import type { ShortfallService } from '../hours/shortfall.service';
import { ShortfallFilter, type Shortfall } from '../hours/shortfall.types';
import { TitleSeriesEnum } from '../professionals/title-enums';
import { type ExportKind, OFFICIALS, type PreparedExport } from './export-kind';
import { intAt, toInput } from './export-input';
import { dateCell, type SheetColumn } from './xlsx-stream';

export interface ShortfallsExportArgs {
  year: number;
  filter: ShortfallFilter;
}

/** Rows asked of one page of the list (a page may hold fewer: each judges a bounded number of people). */
const PAGE = 500;

const COLUMNS: readonly SheetColumn<Shortfall>[] = [
  { header: '姓名', width: 12, value: (s) => s.name },
  { header: '身份证号码', width: 22, value: (s) => s.idNumber },
  { header: '所在单位', width: 30, value: (s) => s.unitName },
  { header: '职称级别', width: 10, value: (s) => TITLE_LEVEL_LABELS[s.titleLevel] },
  { header: '职称系列', width: 14, value: (s) => TITLE_SERIES_LABELS[s.titleSeries] },
  { header: '年度', width: 8, value: (s) => s.year, format: 'number' },
  { header: '截止日期', width: 12, value: (s) => dateCell(s.deadline), format: 'date' },
  { header: '剩余天数', width: 10, value: (s) => s.daysLeft, format: 'number' },
  { header: '公需科目已完成', width: 14, value: (s) => s.publicCredited, format: 'decimal' },
  { header: '公需科目缺口', width: 14, value: (s) => s.publicShortfall, format: 'decimal' },
  { header: '专业科目已完成', width: 14, value: (s) => s.professionalCredited, format: 'decimal' },
  { header: '专业科目缺口', width: 14, value: (s) => s.professionalShortfall, format: 'decimal' },
  { header: '职称申报', width: 10, value: (s) => (s.targetLevel ? `申报${TITLE_LEVEL_LABELS[s.targetLevel]}` : null) },
  { header: '已认定', width: 8, value: (s) => (s.certified ? '是' : '否') },
  { header: '截止日期依据', width: 40, value: (s) => s.deadlineReason },
  { header: '未达标原因', width: 60, value: (s) => s.reasons.join('；') },
];

export class ShortfallsExport implements ExportKind<ShortfallsExportArgs> {
  readonly name = 'shortfalls';
  readonly title = '缺学时人员名单';
  readonly roles = OFFICIALS;

  constructor(private readonly shortfalls: ShortfallService) {}

  async parse(body: Record<string, unknown>): Promise<ShortfallsExportArgs> {
    const filter = await toInput(ShortfallFilter, body.filter, 'filter', { unitId: 'string', titleSeries: { enum: TitleSeriesEnum } });
    return { year: intAt(body, 'year'), filter };
  }

  async prepare(ctx: Context, args: ShortfallsExportArgs, maxRows: number): Promise<PreparedExport> {
    return {
      rows: await this.shortfalls.countCandidates(ctx, args),
      write: async (book) => {
        const sheet = book.sheet(this.title, COLUMNS);
        let after: string | null = null;
        do {
          const page = await this.shortfalls.shortfalls(ctx, { ...args, first: PAGE, after });
          await sheet.add(page.nodes.slice(0, maxRows - sheet.rows));
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after && sheet.rows < maxRows);
        sheet.commit();
        return sheet.rows;
      },
    };
  }

  fileName(args: ShortfallsExportArgs, today: string): string {
    return `${this.title}-${args.year}年-${today}`;
  }

  auditFilter(args: ShortfallsExportArgs): Record<string, unknown> {
    return { year: args.year, filter: { ...args.filter } };
  }
}
