// Accounts of officials and professionals: sign-in, activation, tokens.
import type { CapabilityModule } from '../platform/module';
import { accountError } from './accounts.errors';
import { AccountsRepository } from './accounts.repository';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { SignInService } from './sign-in.service';
import { SignInThrottle } from './throttle';
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
    const throttle = new SignInThrottle(config.SIGN_IN_MAX_FAILURES, config.SIGN_IN_BLOCK_SECONDS);
    return {
      tokens,
      accounts: new AccountsService(repository, organisations, professionals, audit),
      signIns: new SignInService(runtime, repository, tokens, throttle, audit, tenants),
    };
  },
  errors: accountError.catalog,
};
