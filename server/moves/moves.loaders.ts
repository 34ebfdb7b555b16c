// DataLoaders for moved years, made per request.
import DataLoader from 'dataloader';
import type { Queryable } from '../platform/sql';
import { type MovedYearRecord, MovedYearsRepository } from './moved-years.repository';

declare module '../platform/context' {
  interface Loaders {
    /** A professional's moved years (read-only history), by year. */
    movedYears: DataLoader<string, MovedYearRecord[]>;
  }
}

export function createMoveLoaders(db: () => Promise<Queryable>) {
  const repository = new MovedYearsRepository();
  return {
    movedYears: new DataLoader<string, MovedYearRecord[]>(async (ids) => {
      const rows = await repository.historyOf(await db(), ids);
      return ids.map((id) => rows.filter((r) => r.professionalId === id));
    }),
  };
}
