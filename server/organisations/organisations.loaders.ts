// DataLoaders for organisation nodes, made per request. They return raw rows;
// services decide what the actor may see.
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { byId } from '../platform/loaders';
import { OrganisationsRepository } from './organisations.repository';
import type { Organisation } from './organisations.types';

declare module '../platform/context' {
  interface Loaders {
    organisation: DataLoader<string, Organisation | null>;
    organisationChildren: DataLoader<string, Organisation[]>;
  }
}

export function createOrganisationLoaders(db: () => Promise<EntityManager>) {
  const repository = new OrganisationsRepository();
  return {
    organisation: new DataLoader<string, Organisation | null>(async (ids) => byId(ids, await repository.findMany(await db(), ids))),
    organisationChildren: new DataLoader<string, Organisation[]>(async (parentIds) => {
      const rows = await repository.findChildren(await db(), parentIds);
      return parentIds.map((id) => rows.filter((r) => r.parentId === id));
    }),
  };
}
