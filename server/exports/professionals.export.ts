// The staff list (专业技术人员名单) as the console lists it: `professionals(filter)` in the
// caller's scope, by unit, read a keyset page at a time through the list's own service.
// ID numbers are masked, as the list shows them (idNumberMasked).
import { TITLE_LEVEL_LABELS, TITLE_SERIES_LABELS } from '../engine/titles';
import type { Context } from '../platform/context';
import { maskIdNumber } from '../platform/id-number';
import type { OrganisationsService } from '../organisations/organisations.service';
import type { ProfessionalsService } from '../professionals/professionals.service';
import { Gender, type Professional, ProfessionalFilter, ProfessionalStatus } from '../professionals/professionals.types';
import { TitleLevelEnum, TitleSeriesEnum } from '../professionals/title-enums';
import { type ExportKind, OFFICIALS, type PreparedExport } from './export-kind';
import { toInput } from './export-input';
import { dateCell, type SheetColumn } from './xlsx-stream';

/** Rows read and written together. */
const BATCH = 1000;

const GENDER_LABELS: Record<Gender, string> = { MALE: '男', FEMALE: '女' };
const STATUS_LABELS: Record<ProfessionalStatus, string> = { ACTIVE: '在职', LEFT: '已离职', RETIRED: '已退休', MOVED_OUT: '已迁出' };

type StaffRow = Professional & { unitName: string };

const COLUMNS: readonly SheetColumn<StaffRow>[] = [
  { header: '姓名', width: 12, value: (p) => p.name },
  { header: '身份证号码', width: 22, value: (p) => p.idNumberMasked },
  { header: '性别', width: 6, value: (p) => GENDER_LABELS[p.gender] },
  { header: '出生日期', width: 12, value: (p) => dateCell(p.birthDate), format: 'date' },
  { header: '所在单位', width: 30, value: (p) => p.unitName },
  { header: '职称级别', width: 10, value: (p) => TITLE_LEVEL_LABELS[p.titleLevel] },
  { header: '职称系列', width: 14, value: (p) => TITLE_SERIES_LABELS[p.titleSeries] },
  { header: '现职称取得日期', width: 16, value: (p) => dateCell(p.titleObtainedOn), format: 'date' },
  { header: '手机号码', width: 14, value: (p) => p.phone },
  { header: '在职状态', width: 10, value: (p) => STATUS_LABELS[p.status] },
  { header: '调入本单位日期', width: 16, value: (p) => dateCell(p.joinedUnitOn), format: 'date' },
];

export class ProfessionalsExport implements ExportKind<ProfessionalFilter> {
  readonly name = 'professionals';
  readonly title = '专业技术人员名单';
  readonly roles = OFFICIALS;

  constructor(
    private readonly professionals: ProfessionalsService,
    private readonly organisations: OrganisationsService,
  ) {}

  parse(body: Record<string, unknown>): Promise<ProfessionalFilter> {
    return toInput(ProfessionalFilter, body.filter, 'filter', {
      unitId: 'string',
      orgId: 'string',
      titleLevel: { enum: TitleLevelEnum },
      titleSeries: { enum: TitleSeriesEnum },
      status: { enum: ProfessionalStatus },
      name: 'string',
      idNumber: 'string',
    });
  }

  async prepare(ctx: Context, filter: ProfessionalFilter, maxRows: number): Promise<PreparedExport> {
    // the first page checks the filter (units in scope, the ID number) and counts the list
    const first = await this.professionals.findMany(ctx, filter, { first: BATCH });
    return {
      rows: await first.totalCount,
      write: async (book) => {
        const sheet = book.sheet(this.title, COLUMNS);
        let page = first;
        for (;;) {
          await sheet.add(await this.withUnits(ctx, page.nodes.slice(0, maxRows - sheet.rows)));
          // the list primes the request's loader with every row it reads: let them go
          ctx.loaders.professional.clearAll();
          if (!page.pageInfo.hasNextPage || sheet.rows >= maxRows) break;
          page = await this.professionals.findMany(ctx, filter, { first: BATCH, after: page.pageInfo.endCursor });
        }
        sheet.commit();
        return sheet.rows;
      },
    };
  }

  fileName(_filter: ProfessionalFilter, today: string): string {
    return `${this.title}-${today}`;
  }

  auditFilter(filter: ProfessionalFilter): Record<string, unknown> {
    return { ...filter, ...(filter.idNumber ? { idNumber: maskIdNumber(filter.idNumber) } : {}) };
  }

  /** The rows with their unit's name (a batch's units in one query, through the request's loader). */
  private async withUnits(ctx: Context, people: readonly Professional[]): Promise<StaffRow[]> {
    const ids = [...new Set(people.map((p) => p.unitId))];
    const units = await Promise.all(ids.map((id) => this.organisations.findOne(ctx, id)));
    const names = new Map(ids.map((id, i) => [id, units[i]?.name ?? '']));
    return people.map((p) => ({ ...p, unitName: names.get(p.unitId) ?? '' }));
  }
}
