// Limits on password and activation-code guesses, shared by every server
// process through PostgreSQL (table sign_in_limit, migration
// 1732600000000-sign-in-limits; rate-limiter-flexible's RateLimiterPostgres on
// the runtime role's pool).
//
// An attempt is counted BEFORE its secret is checked, in one atomic upsert
// per counter (`consume`), so thirty guesses sent at once cannot all pass a
// check that the slow argon2 step only counts afterwards: with a limit of 5,
// the sixth concurrent attempt is refused without being evaluated. A
// successful attempt gives its points back (`reward`), so the counters hold
// failures within the window; a success does not wipe earlier failures
// (deleting the counter mid-burst would let further guesses of that burst
// through). An attempt that was counted but never evaluated (the server was
// too busy to hash, see argon2-gate.ts) gives its points back too.
//
// Three counters (N = SIGN_IN_MAX_FAILURES, W = SIGN_IN_BLOCK_SECONDS;
// defaults 5 and 15 minutes), after OWASP's guidance and the "login
// endpoint protection" example of rate-limiter-flexible:
//   pair     (account, address)  N failures per W, then blocked for W.
//            Guessing from one place stops here, and blocks only that place:
//            five wrong passwords from one address do not lock the account
//            for its owner elsewhere.
//   account  (account, any unknown address)  4N per 4W (20 per hour),
//            then blocked for 4W. Stops guessing spread over many
//            addresses. It applies only to addresses that never signed in to
//            this account successfully: an address that did (a "known
//            device", remembered for 30 days after each success) is limited
//            by its own pair counter alone, so a distributed attack cannot
//            lock the owner out of the devices they use.
//   address  (tenant, address)  20N per W (100 per 15 minutes), then
//            blocked for W. Stops one address trying many accounts (spraying
//            one common password over usernames).
// Activation codes have their own pair and account counters (no known
// devices: a pending account has none; a successful activation makes its
// address a known device for signing in) and share the address counter;
// operators are counted in the realm `operator`. Every key carries the
// tenant's code, so one tenant's attackers never block another tenant's users; an unknown username is counted like a real one
// (the answer never tells whether it exists). IPv6 addresses are counted by
// their /64, which one subscriber usually holds whole.
import { isIPv6 } from 'node:net';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { errorWithMessage } from '../platform/errors';
import { accountError } from './accounts.errors';

const TABLE = 'sign_in_limit';
const KNOWN_DEVICE_SECONDS = 30 * 86400;

/** Who is guessing what: `realm` is the tenant's code (or `operator`), `scope` the secret's kind. */
export interface AttemptKey {
  scope: 'signIn' | 'activate' | 'operator';
  realm: string;
  username: string;
  address: string;
  /** the input field the refusal names */
  field: string;
}

type Counter = 'pair' | 'account' | 'address';

/** A counted attempt: settle it with `succeeded()`, leave it counted on failure, `refund()` it when it was never evaluated. */
export interface Attempt {
  succeeded(): Promise<void>;
  refund(): Promise<void>;
}

export interface LimitSettings {
  maxFailures: number;
  windowSeconds: number;
}

export class SignInLimits {
  private readonly counters: Record<Counter, RateLimiterPostgres>;
  private readonly known: RateLimiterPostgres;

  constructor(pool: Pool, { maxFailures, windowSeconds }: LimitSettings) {
    const store = { storeClient: pool, storeType: 'pool', tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false };
    const limiter = (keyPrefix: string, points: number, seconds: number) =>
      new RateLimiterPostgres({ ...store, keyPrefix, points, duration: seconds, blockDuration: seconds });
    this.counters = {
      pair: limiter('pair', maxFailures, windowSeconds),
      account: limiter('account', maxFailures * 4, windowSeconds * 4),
      address: limiter('address', maxFailures * 20, windowSeconds),
    };
    // one limiter sweeps rows expired an hour ago (every 5 minutes, timer unref'd)
    this.known = new RateLimiterPostgres({ ...store, keyPrefix: 'known', points: 1, duration: KNOWN_DEVICE_SECONDS, clearExpiredByTimeout: true });
  }

  /**
   * Counts one attempt on every counter that applies, or throws
   * TOO_MANY_ATTEMPTS (saying when to try again). The pair and address
   * counters are consumed together (an address hammering a blocked account
   * keeps using up its own allowance); the account counter only when both
   * allowed the attempt, so one address cannot use up the account's
   * allowance for all other addresses.
   */
  async consume(key: AttemptKey): Promise<Attempt> {
    const keys = keysOf(key);
    const consumed: Counter[] = [];
    const take = async (counter: Counter): Promise<RateLimiterRes | null> => {
      try {
        await this.counters[counter].consume(keys[counter]);
        consumed.push(counter);
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) return error;
        throw error;
      }
    };
    const [known, pair, address] = await Promise.all([key.scope === 'activate' ? null : this.known.get(keys.pair), take('pair'), take('address')]);
    const refused: [Counter, RateLimiterRes | null][] = [['pair', pair], ['address', address]];
    if (!pair && !address && !known) refused.push(['account', await take('account')]);
    const first = refused.find(([, res]) => res !== null);
    if (first) throw refusal(first[0], first[1]!, key.field);

    const giveBack = () => Promise.all(consumed.map((c) => this.counters[c].reward(keys[c])));
    return {
      refund: async () => void (await giveBack()),
      succeeded: async () => {
        // activation also makes the address a known device for signing in
        const device = key.scope === 'activate' ? keysOf({ ...key, scope: 'signIn' }).pair : keys.pair;
        await Promise.all([giveBack(), this.known.set(device, 1, KNOWN_DEVICE_SECONDS)]);
      },
    };
  }
}

function keysOf(key: AttemptKey): Record<Counter, string> {
  const address = addressKey(key.address);
  const account = `${key.scope}:${key.realm}:${key.username}`;
  return { pair: `${account}@${address}`, account, address: `${key.realm}@${address}` };
}

/** An IPv4 address as it is (also when IPv4-mapped), an IPv6 address as its /64. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

const REFUSALS: Record<Counter, (minutes: number) => string> = {
  pair: (m) => `尝试次数过多，请 ${m} 分钟后再试`,
  account: (m) => `该账号近期在多处尝试失败次数过多，请 ${m} 分钟后再试，或在曾成功登录过的设备上登录`,
  address: (m) => `当前网络地址尝试次数过多，请 ${m} 分钟后再试`,
};

function refusal(counter: Counter, res: RateLimiterRes, field: string) {
  const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60000));
  return errorWithMessage(accountError, 'TOO_MANY_ATTEMPTS', REFUSALS[counter](minutes), field);
}
