// The audit log (审计日志) as the bureau lists it: `auditEvents(filter)`, newest first, read
// a keyset page at a time through the list's own service, which masks every ID number in it.
// Before and after are written as JSON text.
import { AuditEventFilter, type AuditActorKind, type AuditEvent } from '../audit/audit.types';
import type { AuditEventsService } from '../audit/audit-events.service';
import type { Context } from '../platform/context';
import type { ExportKind, PreparedExport } from './export-kind';
import { toInput } from './export-input';
import { chinaTimeCell, type SheetColumn } from './xlsx-stream';

/** Rows read and written together. */
const BATCH = 1000;

const ACTOR_KINDS: Record<AuditActorKind, string> = { ACCOUNT: '登录账号', API_CLIENT: '接入客户端', OPERATOR: '平台运营', SYSTEM: '系统' };
const json = (value: Record<string, unknown> | null) => (value === null ? null : JSON.stringify(value));

const COLUMNS: readonly SheetColumn<AuditEvent>[] = [
  { header: '时间（北京时间）', width: 20, value: (e) => chinaTimeCell(e.at), format: 'datetime' },
  { header: '操作者类型', width: 12, value: (e) => ACTOR_KINDS[e.actorKind] ?? e.actorKind },
  { header: '操作者', width: 24, value: (e) => e.actorLabel },
  { header: '动作', width: 28, value: (e) => e.action },
  { header: '记录类型', width: 18, value: (e) => e.entityType },
  { header: '记录 ID', width: 38, value: (e) => e.entityId },
  { header: '修改前', width: 50, value: (e) => json(e.before) },
  { header: '修改后', width: 50, value: (e) => json(e.after) },
  { header: '请求 ID', width: 38, value: (e) => e.requestId },
  { header: '日志序号', width: 10, value: (e) => e.id },
];

export class AuditEventsExport implements ExportKind<AuditEventFilter> {
  readonly name = 'audit-events';
  readonly title = '审计日志';
  readonly roles = ['BUREAU_OFFICIAL'] as const;

  constructor(private readonly events: AuditEventsService) {}

  parse(body: Record<string, unknown>): Promise<AuditEventFilter> {
    const text = 'string' as const;
    return toInput(AuditEventFilter, body.filter, 'filter', {
      actorId: text,
      actorLabel: text,
      actorLabelPrefix: text,
      entityType: text,
      entityId: text,
      action: text,
      actionPrefix: text,
      from: text,
      to: text,
    });
  }

  async prepare(ctx: Context, filter: AuditEventFilter, maxRows: number): Promise<PreparedExport> {
    // the first page checks the filter (a date range the right way round)
    const first = await this.events.findMany(ctx, filter, { first: BATCH });
    return {
      rows: first.pageInfo.hasNextPage ? await this.events.countUpTo(ctx, filter, maxRows) : first.nodes.length,
      write: async (book) => {
        const sheet = book.sheet(this.title, COLUMNS);
        let page = first;
        for (;;) {
          await sheet.add(page.nodes.slice(0, maxRows - sheet.rows));
          if (!page.pageInfo.hasNextPage || sheet.rows >= maxRows) break;
          page = await this.events.findMany(ctx, filter, { first: BATCH, after: page.pageInfo.endCursor });
        }
        sheet.commit();
        return sheet.rows;
      },
    };
  }

  fileName(_filter: AuditEventFilter, today: string): string {
    return `${this.title}-${today}`;
  }

  auditFilter(filter: AuditEventFilter): Record<string, unknown> {
    return { ...filter };
  }
}
