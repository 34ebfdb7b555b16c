// Global object identification (Relay's `node(id)`): any record a client has
// seen can be fetched again by its id alone. The lookup only finds which
// table holds the id; the record comes from its own capability's findOne, so
// the same access rules apply as to that type's own query.
import type { AccountsService } from '../accounts/accounts.service';
import type { ApiClientsService } from '../api-clients/api-clients.service';
import type { OrganisationsService } from '../organisations/organisations.service';
import type { ProfessionalsService } from '../professionals/professionals.service';
import { requireAccount } from '../platform/access';
import type { Context } from '../platform/context';
import { commonError } from '../platform/errors';
import { isUuid } from '../platform/uuid';
import type { NodesRepository } from './nodes.repository';
import type { Node } from './nodes.types';

export class NodesService {
  constructor(
    private readonly repo: NodesRepository,
    private readonly organisations: OrganisationsService,
    private readonly professionals: ProfessionalsService,
    private readonly accounts: AccountsService,
    private readonly apiClients: ApiClientsService,
  ) {}

  /**
   * The record, or null when there is none the caller may see: absent,
   * another tenant's, or outside the caller's scope all look the same.
   */
  async findOne(ctx: Context, id: string): Promise<Node | null> {
    // before the lookup, so that the answer never depends on what the id is
    requireAccount(ctx);
    if (!isUuid(id)) throw commonError('BAD_USER_INPUT', 'id', 'ID 格式无效');
    switch (await this.repo.findTable(await ctx.db(), id)) {
      case 'org_node':
        return this.organisations.findOne(ctx, id);
      case 'professional':
        return this.professionals.findOne(ctx, id);
      case 'account':
        return this.accounts.findOne(ctx, id);
      case 'api_client':
        return this.apiClients.findOne(ctx, id);
      case null:
        return null;
    }
  }
}
