// Completion statistics (学时完成情况统计) as the officials' home page shows them for a year,
// in the caller's scope or `under` one organisation of it: `completionStatistics(year,
// under)` through its own service, which judges at most STATISTICS_MAX_PEOPLE people (the
// file then says it is partial, as the page does). Four sheets: each organisation of the
// level below (the page's chart, with a total), every unit of the scope, hours by kind of
// activity, and the shortfall distribution.
import type { Context } from '../platform/context';
import type { StatisticsService, UnitCompletion } from '../hours/statistics.service';
import type { CompletionStatistics, KindHours, OrganisationCompletion, ShortfallBucket } from '../hours/statistics.types';
import type { OrgKind } from '../organisations/organisations.types';
import { type ExportKind, OFFICIALS, type PreparedExport } from './export-kind';
import { intAt, stringAt } from './export-input';
import type { SheetColumn, XlsxStream } from './xlsx-stream';

export interface StatisticsExportArgs {
  year: number;
  under: string | null;
}

const KIND_LABELS: Record<OrgKind, string> = { BUREAU: '人社局', DEPARTMENT: '主管部门', UNIT: '用人单位' };

type OrganisationRow = OrganisationCompletion & { year: number };

const BY_ORGANISATION: readonly SheetColumn<OrganisationRow>[] = [
  { header: '年度', width: 8, value: (r) => r.year, format: 'number' },
  { header: '机构', width: 32, value: (r) => r.name },
  { header: '机构类型', width: 10, value: (r) => KIND_LABELS[r.kind] ?? r.kind },
  { header: '在职人数', width: 10, value: (r) => r.headcount, format: 'number' },
  { header: '已完成人数', width: 12, value: (r) => r.complete, format: 'number' },
  { header: '无要求人数', width: 12, value: (r) => r.noRequirement, format: 'number' },
  { header: '未完成人数', width: 12, value: (r) => r.headcount - r.noRequirement - r.complete, format: 'number' },
  { header: '完成率', width: 10, value: (r) => r.rate, format: 'percent' },
];

type UnitRow = UnitCompletion & { year: number };

const BY_UNIT: readonly SheetColumn<UnitRow>[] = [
  { header: '年度', width: 8, value: (r) => r.year, format: 'number' },
  { header: '单位', width: 32, value: (r) => r.name },
  { header: '上级机构', width: 28, value: (r) => r.parentName },
  { header: '在职人数', width: 10, value: (r) => r.headcount, format: 'number' },
  { header: '已完成人数', width: 12, value: (r) => r.complete, format: 'number' },
  { header: '无要求人数', width: 12, value: (r) => r.noRequirement, format: 'number' },
  { header: '未完成人数', width: 12, value: (r) => r.headcount - r.noRequirement - r.complete, format: 'number' },
  { header: '完成率', width: 10, value: (r) => r.rate, format: 'percent' },
];

const BY_KIND: readonly SheetColumn<KindHours>[] = [
  { header: '学习形式', width: 30, value: (k) => k.label },
  { header: '代码', width: 24, value: (k) => k.kind },
  { header: '计入学时', width: 12, value: (k) => k.hours, format: 'decimal' },
  { header: '人数', width: 10, value: (k) => k.people, format: 'number' },
];

const DISTRIBUTION: readonly SheetColumn<ShortfallBucket>[] = [
  { header: '缺口（学时）', width: 20, value: (b) => b.label },
  { header: '人数', width: 10, value: (b) => b.count, format: 'number' },
];

export class StatisticsExport implements ExportKind<StatisticsExportArgs> {
  readonly name = 'completion-statistics';
  readonly title = '学时完成情况统计';
  readonly roles = OFFICIALS;

  constructor(private readonly statistics: StatisticsService) {}

  parse(body: Record<string, unknown>): Promise<StatisticsExportArgs> {
    return Promise.resolve({ year: intAt(body, 'year'), under: stringAt(body, 'under') });
  }

  async prepare(ctx: Context, args: StatisticsExportArgs, maxRows: number): Promise<PreparedExport> {
    // the whole work is the statistics themselves, bounded by the service; the rows are a handful
    const stats = await this.statistics.completionStatistics(ctx, args, { byUnit: true });
    const units = stats.byUnit ?? [];
    return { rows: Math.max(units.length, stats.byOrganisation.length), write: async (book) => writeStatistics(book, stats, units, maxRows) };
  }

  fileName(args: StatisticsExportArgs, today: string): string {
    return `${this.title}-${args.year}年-${today}`;
  }

  auditFilter(args: StatisticsExportArgs): Record<string, unknown> {
    return { ...args };
  }
}

async function writeStatistics(book: XlsxStream, stats: CompletionStatistics, units: readonly UnitCompletion[], maxRows: number): Promise<number> {
  const partial = stats.complete ? null : `人数较多，仅统计了前 ${stats.scanned} 人（共 ${stats.total} 人）`;
  const organisations = book.sheet('各机构完成情况', BY_ORGANISATION);
  const rows = stats.byOrganisation.slice(0, maxRows).map((o) => ({ ...o, year: stats.year }));
  await organisations.add(rows);
  await organisations.add([{ ...totalOf(rows), year: stats.year }]);
  if (partial) organisations.note(partial);
  organisations.commit();
  const byUnit = book.sheet('各单位完成情况', BY_UNIT);
  // a page at a time: a city may have thousands of units
  for (let i = 0; i < Math.min(units.length, maxRows); i += 1000) {
    await byUnit.add(units.slice(i, Math.min(i + 1000, maxRows)).map((u) => ({ ...u, year: stats.year })));
  }
  if (partial) byUnit.note(partial);
  byUnit.commit();
  const kinds = book.sheet('各学习形式学时', BY_KIND);
  await kinds.add(stats.hoursByKind);
  kinds.commit();
  const distribution = book.sheet('学时缺口分布', DISTRIBUTION);
  await distribution.add(stats.shortfallDistribution);
  distribution.commit();
  return rows.length + Math.min(units.length, maxRows);
}

function totalOf(rows: readonly OrganisationCompletion[]): OrganisationCompletion {
  const sum = (f: (r: OrganisationCompletion) => number) => rows.reduce((n, r) => n + f(r), 0);
  const [headcount, complete, noRequirement] = [sum((r) => r.headcount), sum((r) => r.complete), sum((r) => r.noRequirement)];
  const judged = headcount - noRequirement;
  return { organisationId: '', name: '合计', kind: '' as OrgKind, headcount, complete, noRequirement, rate: judged > 0 ? complete / judged : 0 };
}
