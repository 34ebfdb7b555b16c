// What the two kinds of application (a professional's registration, an organisation's
// application) have in common in the database: found by receipt or id, locked for a decision,
// paged and counted in a queue, rejected with a reason. Each repository extends this with its
// own table, SELECT (columns and joins, `r` being the application) and row mapping, and adds
// what differs: its insert, its sweep, what an approval writes.
import { changedRows, queryOne, queryRows, type Queryable } from '../platform/sql';
import { isUuid } from '../platform/uuid';
import { countSql, countsSql, pageSql, type QueueQuery } from './registration-queue';
import type { RegistrationStatus } from './registrations.types';

/** Who decided: the account, and its label as shown to the applicant. */
export interface Decider {
  id: string;
  label: string;
}

export type ApplicationTable = 'professional_registration' | 'org_application';

export class ApplicationStore<Row, Item> {
  constructor(
    protected readonly table: ApplicationTable,
    /** `SELECT … FROM <table> r JOIN …`, without WHERE */
    private readonly select: string,
    private readonly toItem: (row: Row) => Item,
  ) {}

  /** The one named by a receipt (its SHA-256), for the applicant. */
  async findByReceipt(em: Queryable, hash: string): Promise<Item | null> {
    const row = await queryOne<Row>(em, `${this.select} WHERE r.receipt_hash = $1`, [hash]);
    return row && this.toItem(row);
  }

  async findOne(em: Queryable, id: string): Promise<Item | null> {
    if (!isUuid(id)) return null;
    const row = await queryOne<Row>(em, `${this.select} WHERE r.id = $1`, [id]);
    return row && this.toItem(row);
  }

  /** The application, its row locked until the transaction ends (a second decision waits, then reads the first's outcome), with its password hash. */
  async lock(em: Queryable, id: string): Promise<{ item: Item; passwordHash: string | null } | null> {
    if (!isUuid(id)) return null;
    const row = await queryOne<Row & { password_hash: string | null }>(em, `${this.select.replace('SELECT', 'SELECT r.password_hash,')} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    return row && { item: this.toItem(row), passwordHash: row.password_hash };
  }

  async queuePage(em: Queryable, q: QueueQuery, status: RegistrationStatus, afterQueueNo: string | null, limit: number): Promise<Item[]> {
    const { sql, params } = pageSql(this.select, q, status, afterQueueNo, limit);
    return (await queryRows<Row>(em, sql, params)).map(this.toItem);
  }

  async queueCount(em: Queryable, q: QueueQuery, status: RegistrationStatus, limit: number): Promise<number> {
    const { sql, params } = countSql(this.table, q, status, limit);
    return (await queryOne<{ n: number }>(em, sql, params))?.n ?? 0;
  }

  async queueCounts(em: Queryable, q: QueueQuery, limit: number): Promise<Record<RegistrationStatus, number>> {
    const { sql, params } = countsSql(this.table, q, limit);
    const row = await queryOne<Record<Lowercase<RegistrationStatus>, number>>(em, sql, params);
    return { PENDING: row?.pending ?? 0, APPROVED: row?.approved ?? 0, REJECTED: row?.rejected ?? 0, EXPIRED: row?.expired ?? 0 };
  }

  /** Rejected with its reason, the password hash dropped: only a pending one (a second decision changes nothing). */
  async markRejected(em: Queryable, id: string, by: Decider, reason: string): Promise<void> {
    await changedRows(
      em,
      `UPDATE ${this.table} SET status = 'REJECTED', rejection_reason = $2, decided_at = now(), decided_by = $3,
              decided_by_label = $4, password_hash = NULL
        WHERE id = $1 AND status = 'PENDING'`,
      [id, reason, by.id, by.label],
    );
  }
}
