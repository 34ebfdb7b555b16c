// What the reminder runs need outside the ledgers: the active tenants (read in an operator
// transaction: the tenant table shows a tenant transaction only its own row) and a lock per
// tenant so that two processes do not do the same run at once.
import type { DataSource } from 'typeorm';
import { type Queryable, queryOne, queryRows } from '../platform/sql';

export interface TenantLock {
  release(): Promise<void>;
}

export class RemindersRepository {
  async activeTenantIds(db: Queryable): Promise<string[]> {
    return (await queryRows<{ id: string }>(db, `SELECT id FROM tenant WHERE status = 'ACTIVE' ORDER BY code`)).map((r) => r.id);
  }

  /**
   * A session advisory lock on the tenant's reminder run, held on a connection of its own for
   * the run's length (its transactions come and go); null when another process holds it. A
   * process that dies loses its connection, and the lock with it.
   */
  async tryLock(runtime: DataSource, tenantId: string): Promise<TenantLock | null> {
    const runner = runtime.createQueryRunner();
    await runner.connect();
    const key = [`ce-reminders`, tenantId];
    try {
      const row = await queryOne<{ locked: boolean }>(runner, `SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked`, key);
      if (!row?.locked) {
        await runner.release();
        return null;
      }
    } catch (error) {
      await runner.release();
      throw error;
    }
    return {
      async release() {
        try {
          await runner.query(`SELECT pg_advisory_unlock(hashtext($1), hashtext($2))`, key);
        } finally {
          await runner.release();
        }
      },
    };
  }
}
