// In-app notifications for every signed-in account (its own, never another's: row-level
// security says so too), and its e-mail settings: the address reminders go to and the switch
// that stops them (in-app notifications are made either way).
import type { AuditService } from '../audit/audit.service';
import { requireAccount } from '../platform/access';
import type { Context } from '../platform/context';
import { type Connection, decodeCursor, toConnection } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import type { EmailSettingsRecord, NotificationRecord, NotificationsRepository } from './notifications.repository';
import type { MarkNotificationsReadResult, MyNotificationsArgs, NotificationSettings, NotificationView, UpdateNotificationSettingsInput } from './notifications.types';
import { reminderError } from './reminders.errors';

export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly audit: AuditService,
    /** is e-mail configured on this server (SMTP_HOST)? */
    private readonly emailEnabled: boolean,
  ) {}

  async mine(ctx: Context, args: MyNotificationsArgs): Promise<Connection<NotificationView>> {
    const actor = requireAccount(ctx);
    const em = await ctx.db();
    const after = decodeCursor(args.after, 1, ([no]) => /^\d{1,19}$/.test(no ?? ''))?.[0] ?? null;
    const rows = await this.repo.findPage(em, actor.id, args.unreadOnly, after, args.first + 1);
    return toConnection(rows.map(toView), args, (n) => [n.no], () => this.repo.count(em, actor.id, args.unreadOnly));
  }

  async unreadCount(ctx: Context): Promise<number> {
    const actor = requireAccount(ctx);
    return this.repo.unreadCount(await ctx.db(), actor.id);
  }

  async markRead(ctx: Context, ids: readonly string[] | null | undefined): Promise<MarkNotificationsReadResult> {
    const actor = requireAccount(ctx);
    const bad = (ids ?? []).findIndex((id) => !isUuid(id));
    if (bad >= 0) throw reminderError('NOTIFICATION_ID_INVALID', `ids[${bad}]`);
    const em = await ctx.db();
    const marked = await this.repo.markRead(em, actor.id, ids ?? null);
    await this.audit.record(ctx, { action: 'notification.markRead', entityType: 'account', entityId: actor.id, after: { marked: marked.length, all: !ids } });
    return { marked: marked.length, unread: await this.repo.unreadCount(em, actor.id) };
  }

  async settings(ctx: Context): Promise<NotificationSettings> {
    const actor = requireAccount(ctx);
    const found = await this.repo.emailSettings(await ctx.db(), actor.id);
    return { email: found?.email ?? null, emailOptOut: found?.emailOptOut ?? false, emailEnabled: this.emailEnabled };
  }

  async updateSettings(ctx: Context, input: UpdateNotificationSettingsInput): Promise<NotificationSettings> {
    const actor = requireAccount(ctx);
    const em = await ctx.db();
    const before = await this.repo.emailSettings(em, actor.id);
    const email = input.email === undefined ? undefined : (input.email?.trim() ?? null);
    const after = await this.repo.updateEmailSettings(em, actor.id, email, input.emailOptOut ?? undefined);
    await this.audit.record(ctx, {
      action: 'account.updateNotificationSettings',
      entityType: 'account',
      entityId: actor.id,
      before: before && masked(before),
      after: after && masked(after),
    });
    return { email: after?.email ?? null, emailOptOut: after?.emailOptOut ?? false, emailEnabled: this.emailEnabled };
  }
}

function toView(n: NotificationRecord): NotificationView & { no: string } {
  const num = (k: string) => (typeof n.data[k] === 'number' ? (n.data[k]) : null);
  return {
    id: n.id,
    no: n.no,
    kind: n.kind,
    title: n.title,
    body: n.body,
    createdAt: n.createdAt,
    readAt: n.readAt,
    year: num('year'),
    deadline: typeof n.data.deadline === 'string' ? n.data.deadline : null,
    daysBefore: num('daysBefore'),
    people: num('people'),
  };
}

/** The trail keeps that an address changed, not the whole address: `z***@example.com`. */
function masked(s: EmailSettingsRecord): object {
  return { email: s.email && s.email.replace(/^(.)[^@]*/, '$1***'), emailOptOut: s.emailOptOut };
}
