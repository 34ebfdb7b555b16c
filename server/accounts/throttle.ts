// Repeated sign-in failures are throttled per (tenant, username) and per
// client address. Memory-backed: one server process; a shared store
// (rate-limiter-flexible's Postgres/Redis limiters) is the step for several.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { errorWithMessage } from '../platform/errors';
import { accountError } from './accounts.errors';

export class SignInThrottle {
  private readonly perUser: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;

  constructor(maxFailures: number, blockSeconds: number) {
    this.perUser = new RateLimiterMemory({ points: maxFailures, duration: blockSeconds, blockDuration: blockSeconds });
    this.perAddress = new RateLimiterMemory({ points: maxFailures * 20, duration: blockSeconds, blockDuration: blockSeconds });
  }

  /** Throws while either key is blocked. */
  async check(userKey: string, address: string): Promise<void> {
    const [user, addr] = await Promise.all([this.perUser.get(userKey), this.perAddress.get(address)]);
    const blocked = [user, addr].find((r) => r && r.remainingPoints <= 0 && r.msBeforeNext > 0);
    if (blocked) {
      const minutes = Math.ceil(blocked.msBeforeNext / 60000);
      throw errorWithMessage(accountError, 'TOO_MANY_ATTEMPTS', `尝试次数过多，请 ${minutes} 分钟后再试`, 'password');
    }
  }

  async fail(userKey: string, address: string): Promise<void> {
    await Promise.all([
      this.perUser.consume(userKey).catch((r: RateLimiterRes) => r),
      this.perAddress.consume(address).catch((r: RateLimiterRes) => r),
    ]);
  }

  async succeed(userKey: string): Promise<void> {
    await this.perUser.delete(userKey);
  }
}
