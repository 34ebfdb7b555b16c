// DataLoaders for title histories and applications, made per request.
import type { Queryable } from '../platform/sql';
import DataLoader from 'dataloader';
import { byId } from '../platform/loaders';
import { TitlesRepository } from './titles.repository';
import type { TitleApplication, TitleRecord } from './titles.types';

declare module '../platform/context' {
  interface Loaders {
    /** A professional's title records, newest first. */
    titleHistory: DataLoader<string, TitleRecord[]>;
    titleApplication: DataLoader<string, TitleApplication | null>;
  }
}

export function createTitleLoaders(db: () => Promise<Queryable>) {
  const repository = new TitlesRepository();
  return {
    titleHistory: new DataLoader<string, TitleRecord[]>(async (ids) => {
      const byPerson = await repository.historiesOf(await db(), ids);
      return ids.map((id) => byPerson.get(id) ?? []);
    }),
    titleApplication: new DataLoader<string, TitleApplication | null>(async (ids) => byId(ids, await repository.findApplications(await db(), ids))),
  };
}
