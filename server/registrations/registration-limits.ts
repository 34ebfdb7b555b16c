// The sign-up limits (docs/REGISTRATION.md), shared by every server process through
// PostgreSQL (table registration_limit; rate-limiter-flexible's RateLimiterPostgres on the
// runtime role's pool). A sign-up is counted BEFORE any of its work (the password's argon2
// hash, the checks, the writes), in one atomic upsert per counter, so a burst cannot
// overshoot the limit: with 10 an hour, the eleventh of 100 sign-ups sent at once is refused
// without being evaluated. Every sign-up counts, accepted or not: the form is a way to
// register once, not to try ID numbers.
//
// Two counters, each for an hour:
//   address  (tenant, client address): REGISTRATION_MAX_PER_ADDRESS (default 10). Stops one
//            place filling a tenant's queues or probing which ID numbers are registered.
//   tenant   (tenant): REGISTRATION_MAX_PER_TENANT (default 1,000), over all addresses.
//            Bounds what many addresses together can write into one tenant's queues.
// The address counter is consumed first; the tenant counter only when it allowed the
// sign-up, so one address cannot use up the tenant's allowance. Keys carry the tenant's id
// (as the sign-in limits carry its code): one tenant's crowd never blocks another tenant's
// applicants. IPv6 addresses count by their /64 (addressKey).
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { addressKey } from '../accounts/sign-in-limits';
import { AppError } from '../platform/errors';

const HOUR = 3600;

export interface RegistrationLimitSettings {
  perAddress: number;
  perTenant: number;
}

export class RegistrationLimits {
  private readonly address: RateLimiterPostgres;
  private readonly tenant: RateLimiterPostgres;

  constructor(pool: Pool, settings: RegistrationLimitSettings) {
    const store = { storeClient: pool, storeType: 'pool', tableName: 'registration_limit', tableCreated: true };
    this.address = new RateLimiterPostgres({ ...store, keyPrefix: 'signup-address', points: settings.perAddress, duration: HOUR, clearExpiredByTimeout: true });
    this.tenant = new RateLimiterPostgres({ ...store, keyPrefix: 'signup-tenant', points: settings.perTenant, duration: HOUR, clearExpiredByTimeout: false });
  }

  /** Counts one sign-up from `address` to the tenant, or throws TOO_MANY_REQUESTS (saying when to try again). */
  async consume(tenantId: string, address: string): Promise<void> {
    const refused =
      (await refusal(this.address, `${tenantId}@${addressKey(address)}`, '当前网络地址提交的注册申请过多')) ??
      (await refusal(this.tenant, tenantId, '本地区当前提交的注册申请过多'));
    if (refused) throw refused;
  }
}

async function refusal(limiter: RateLimiterPostgres, key: string, what: string): Promise<AppError | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60000));
    return new AppError('TOO_MANY_REQUESTS', `${what}，请 ${minutes} 分钟后再试`);
  }
}
