// How often one account may export, shared by every server process through PostgreSQL
// (table export_limit, migration 1733720000000-export-limits; rate-limiter-flexible's
// RateLimiterPostgres on the runtime role's pool). An export is counted BEFORE any of its
// work, in one atomic upsert (`consume`), so ten exports started at once cannot all pass a
// check that only counts them once they are done. A refused or failed export keeps its
// point: the count is of exports started, which is what costs the database.
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../platform/errors';

const TABLE = 'export_limit';

export interface ExportLimitSettings {
  /** exports one account may start per window */
  points: number;
  windowSeconds: number;
}

export class ExportLimits {
  private readonly limiter: RateLimiterPostgres;

  constructor(pool: Pool, { points, windowSeconds }: ExportLimitSettings) {
    // one limiter sweeps rows expired an hour ago (every 5 minutes, timer unref'd)
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      keyPrefix: 'export',
      points,
      duration: windowSeconds,
    });
  }

  /** Counts one export of this account, or throws EXPORT_RATE_LIMITED (HTTP 429) saying when to try again. */
  async consume(tenantId: string, accountId: string): Promise<void> {
    try {
      await this.limiter.consume(`${tenantId}:${accountId}`);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60000));
      throw new AppError('EXPORT_RATE_LIMITED', `导出过于频繁，请 ${minutes} 分钟后再试`, undefined, 429, { retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) });
    }
  }
}
