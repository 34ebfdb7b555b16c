// Accounts of officials and professionals: sign-in, activation, tokens.
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { SignInLimits1732600000000 } from '../../migrations/1732600000000-sign-in-limits';
import type { CapabilityModule } from '../platform/module';
import { accountError } from './accounts.errors';
import { AccountsRepository } from './accounts.repository';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { SignInService } from './sign-in.service';
import { argon2Gate } from './argon2-gate';
import { SignInLimits } from './sign-in-limits';
import { TokenService } from './tokens';

declare module '../platform/module' {
  interface Services {
    tokens: TokenService;
    accounts: AccountsService;
    signIns: SignInService;
  }
}

export const accountsModule: CapabilityModule = {
  name: 'accounts',
  resolvers: [AccountsResolver],
  createServices: ({ runtime, config, jwtSecret }, { organisations, professionals, audit, tenants }) => {
    const repository = new AccountsRepository();
    const tokens = new TokenService(jwtSecret, config.JWT_TTL_SECONDS);
    // the runtime role's pool (no transaction, no tenant): the limit table is shared by all server processes
    const pool = (runtime.driver as PostgresDriver).master as Pool;
    const limits = new SignInLimits(pool, { maxFailures: config.SIGN_IN_MAX_FAILURES, windowSeconds: config.SIGN_IN_BLOCK_SECONDS });
    return {
      tokens,
      accounts: new AccountsService(repository, organisations, professionals, audit),
      signIns: new SignInService(runtime, repository, tokens, limits, argon2Gate, audit, tenants),
    };
  },
  migrations: [SignInLimits1732600000000],
  errors: accountError.catalog,
};
