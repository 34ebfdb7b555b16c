// Global object identification: Query.node(id) over the capabilities' records.
import type { CapabilityModule } from '../platform/module';
import { NodesRepository } from './nodes.repository';
import { NodesResolver } from './nodes.resolver';
import { NodesService } from './nodes.service';

declare module '../platform/module' {
  interface Services {
    nodes: NodesService;
  }
}

export const nodesModule: CapabilityModule = {
  name: 'nodes',
  resolvers: [NodesResolver],
  createServices: (_deps, { organisations, professionals, accounts, apiClients }) => ({
    nodes: new NodesService(new NodesRepository(), organisations, professionals, accounts, apiClients),
  }),
};
