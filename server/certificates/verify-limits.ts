// The public verification page's limit: look-ups per client address per minute
// (VERIFY_MAX_PER_MINUTE), counted in PostgreSQL (table certificate_verify_limit, shared by
// every server process) BEFORE the look-up, in one atomic upsert (rate-limiter-flexible's
// `consume`), so a burst cannot overshoot it. Every look-up counts, known codes or not: the
// page is a way to check one certificate, not to try many. IPv6 addresses count by /64.
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { addressKey } from '../accounts/sign-in-limits';

export class VerifyLimits {
  private readonly limiter: RateLimiterPostgres;

  constructor(pool: Pool, perMinute: number) {
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'certificate_verify_limit',
      tableCreated: true,
      keyPrefix: 'verify',
      points: perMinute,
      duration: 60,
      // sweeps rows expired an hour ago (every 5 minutes, timer unref'd)
      clearExpiredByTimeout: true,
    });
  }

  /** Counts one look-up from `address`; null when allowed, else the seconds until the next is. */
  async consume(address: string): Promise<number | null> {
    try {
      await this.limiter.consume(addressKey(address));
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }
}
