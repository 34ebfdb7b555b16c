// In-app notifications and an account's e-mail settings. Row-level security lets only the
// notification's own account read or mark it (app.actor_id), on top of the tenant wall; the
// reminder job writes them without reading them back.
import { changedRows, execute, type Queryable, queryOne, queryRows } from '../platform/sql';

export type NotificationKind = 'SHORTFALL_REMINDER' | 'UNIT_DIGEST';

export interface NewNotification {
  accountId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

export interface NotificationRecord {
  id: string;
  /** the keyset position: larger is newer */
  no: string;
  kind: NotificationKind;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export interface EmailSettingsRecord {
  email: string | null;
  emailOptOut: boolean;
}

const COLUMNS = `id, no::text AS no, kind, title, body, data, created_at AS "createdAt", read_at AS "readAt"`;

/** Unread notifications are counted up to this many (the console shows "99+" well before). */
export const UNREAD_COUNT_CAP = 1000;

export class NotificationsRepository {
  async insertMany(db: Queryable, tenantId: string, items: readonly NewNotification[]): Promise<void> {
    if (items.length === 0) return;
    await execute(
      db,
      `INSERT INTO notification (tenant_id, account_id, kind, title, body, data)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
      [tenantId, items.map((n) => n.accountId), items.map((n) => n.kind), items.map((n) => n.title), items.map((n) => n.body), items.map((n) => JSON.stringify(n.data))],
    );
  }

  /** The account's notifications, newest first, after the keyset position (`no`). */
  async findPage(db: Queryable, accountId: string, unreadOnly: boolean, after: string | null, limit: number): Promise<NotificationRecord[]> {
    const params: unknown[] = [accountId, limit];
    let where = `account_id = $1`;
    if (unreadOnly) where += ` AND read_at IS NULL`;
    if (after) where += ` AND no < $${params.push(after)}::bigint`;
    return queryRows<NotificationRecord>(db, `SELECT ${COLUMNS} FROM notification WHERE ${where} ORDER BY no DESC LIMIT $2`, params);
  }

  async count(db: Queryable, accountId: string, unreadOnly: boolean): Promise<number> {
    const row = await queryOne<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM notification WHERE account_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''}`,
      [accountId],
    );
    return row?.n ?? 0;
  }

  /** Unread notifications of the account, counted up to UNREAD_COUNT_CAP. */
  async unreadCount(db: Queryable, accountId: string): Promise<number> {
    const row = await queryOne<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM notification WHERE account_id = $1 AND read_at IS NULL LIMIT $2) u`,
      [accountId, UNREAD_COUNT_CAP],
    );
    return row?.n ?? 0;
  }

  /** Marks the account's unread notifications among `ids` (all of them when null) read; answers the ids marked. */
  async markRead(db: Queryable, accountId: string, ids: readonly string[] | null): Promise<string[]> {
    const rows = await changedRows<{ id: string }>(
      db,
      `UPDATE notification SET read_at = now()
        WHERE account_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING id`,
      [accountId, ids],
    );
    return rows.map((r) => r.id);
  }

  async emailSettings(db: Queryable, accountId: string): Promise<EmailSettingsRecord | null> {
    return queryOne<EmailSettingsRecord>(db, `SELECT email, email_opt_out AS "emailOptOut" FROM account WHERE id = $1`, [accountId]);
  }

  async updateEmailSettings(db: Queryable, accountId: string, email: string | null | undefined, emailOptOut: boolean | undefined): Promise<EmailSettingsRecord | null> {
    const [row] = await changedRows<EmailSettingsRecord>(
      db,
      `UPDATE account SET email = CASE WHEN $2::boolean THEN $3 ELSE email END, email_opt_out = coalesce($4, email_opt_out), version = version + 1
        WHERE id = $1 RETURNING email, email_opt_out AS "emailOptOut"`,
      [accountId, email !== undefined, email ?? null, emailOptOut ?? null],
    );
    return row ?? null;
  }
}
