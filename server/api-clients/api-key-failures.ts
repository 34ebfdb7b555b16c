// Failed API-key authentications per client address and minute (API_KEY_MAX_FAILURES_PER_MINUTE,
// default 30; IPv6 addresses count by /64). An unknown key id or a wrong secret is looked up in
// PostgreSQL every time (api-key-cache.ts keeps verified keys only), so without this a caller
// cycling made-up keys would cost one statement per request for as long as it liked. Past the
// limit an address is refused before any lookup (TOO_MANY_REQUESTS, 429, `retryAfter`) until its
// minute ends; keys that work are never counted, and a refused request is not counted again.
// Kept in the process's memory (rate-limiter-flexible's RateLimiterMemory): the check costs no
// statement, so a client with a good key keeps its one-statement request. With several server
// processes an address gets the limit in each; what it bounds is load, not guessing (a key's
// secret is 256 random bits).
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { addressKey } from '../accounts/sign-in-limits';
import { AppError } from '../platform/errors';

export class ApiKeyFailures {
  private readonly limiter: RateLimiterMemory;

  constructor(private readonly perMinute: number) {
    this.limiter = new RateLimiterMemory({ keyPrefix: 'api-key-failures', points: perMinute, duration: 60 });
  }

  /** Throws TOO_MANY_REQUESTS when `address` has used up its failures for this minute. */
  async check(address: string): Promise<void> {
    const state = await this.limiter.get(addressKey(address));
    if (state && state.consumedPoints >= this.perMinute) throw tooMany(state.msBeforeNext);
  }

  /** Counts one failed authentication from `address`. */
  async count(address: string): Promise<void> {
    try {
      await this.limiter.consume(addressKey(address));
    } catch (error) {
      // the limit reached: the next request from there is refused by check()
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }
}

function tooMany(msBeforeNext: number): AppError {
  const wait = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError('TOO_MANY_REQUESTS', `API 密钥验证失败次数过多，请 ${wait} 秒后再试`, undefined, 429, { retryAfter: wait });
}
