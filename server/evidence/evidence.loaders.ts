// DataLoaders for evidence files, made per request. They answer what row-level
// security shows (the request's tenant); who may read a file is the service's check.
import type { Queryable } from '../platform/sql';
import DataLoader from 'dataloader';
import { byId } from '../platform/loaders';
import { EvidenceRepository } from './evidence.repository';
import type { EvidenceFile } from './evidence.types';

declare module '../platform/context' {
  interface Loaders {
    evidenceFile: DataLoader<string, EvidenceFile | null>;
  }
}

export function createEvidenceLoaders(db: () => Promise<Queryable>) {
  const repository = new EvidenceRepository();
  return {
    evidenceFile: new DataLoader<string, EvidenceFile | null>(async (ids) => byId(ids, await repository.findMany(await db(), ids))),
  };
}
