// DataLoaders for professionals, made per request.
import type { Queryable } from '../platform/sql';
import DataLoader from 'dataloader';
import { byId } from '../platform/loaders';
import { ProfessionalsRepository } from './professionals.repository';
import type { Professional } from './professionals.types';

declare module '../platform/context' {
  interface Loaders {
    professional: DataLoader<string, Professional | null>;
  }
}

export function createProfessionalLoaders(db: () => Promise<Queryable>) {
  const repository = new ProfessionalsRepository();
  return {
    professional: new DataLoader<string, Professional | null>(async (ids) => byId(ids, await repository.findMany(await db(), ids))),
  };
}
