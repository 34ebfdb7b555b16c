// DataLoaders, made fresh for every request (a loader shared between requests
// would hand one user's rows to another). They return raw rows; services
// decide what the actor may see.
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { Organisation } from '../organisations/organisations.types';
import { ProfessionalsRepository } from '../professionals/professionals.repository';
import type { Professional } from '../professionals/professionals.types';

export interface Loaders {
  organisation: DataLoader<string, Organisation | null>;
  organisationChildren: DataLoader<string, Organisation[]>;
  professional: DataLoader<string, Professional | null>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

export function createLoaders(db: () => Promise<EntityManager>): Loaders {
  const orgs = new OrganisationsRepository();
  const professionals = new ProfessionalsRepository();
  return {
    organisation: new DataLoader(async (ids) => byId(ids, await orgs.findMany(await db(), ids))),
    organisationChildren: new DataLoader(async (parentIds) => {
      const rows = await orgs.findChildren(await db(), parentIds);
      return parentIds.map((id) => rows.filter((r) => r.parentId === id));
    }),
    professional: new DataLoader(async (ids) => byId(ids, await professionals.findMany(await db(), ids))),
  };
}
