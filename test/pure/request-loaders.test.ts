// A request's loaders are made when first used, per module, and never shared between requests.
import DataLoader from 'dataloader';
import { createLoaders } from '../../server/app/registry';
import type { CapabilityModule } from '../../server/platform/module';
import type { Queryable } from '../../server/platform/sql';

function moduleWith(made: string[], names: string[]): CapabilityModule {
  return {
    name: `m-${names.join('-')}`,
    createLoaders: (db: () => Promise<Queryable>) => {
      made.push(names.join(','));
      return Object.fromEntries(names.map((n) => [n, new DataLoader<string, string>(async (keys) => { await db(); return keys.map((k) => `${n}:${k}`); })]));
    },
  };
}

describe('request loaders', () => {
  it('makes a module’s loaders on first use, once, with the request’s database', async () => {
    const made: string[] = [];
    const list = [moduleWith(made, ['a', 'b']), moduleWith(made, ['c'])];
    const db = jest.fn(async () => ({}) as Queryable);
    const loaders = createLoaders(db, list) as unknown as Record<string, DataLoader<string, string>>;
    made.length = 0; // the names were learnt from one call each
    const a = loaders.a!;
    expect(made).toEqual(['a,b']);
    expect(loaders.a).toBe(a);
    expect(loaders.b).toBeInstanceOf(DataLoader);
    expect(made).toEqual(['a,b']);
    await expect(a.load('x')).resolves.toBe('a:x');
    expect(db).toHaveBeenCalledTimes(1);
    expect(loaders.c).toBeInstanceOf(DataLoader);
    expect(made).toEqual(['a,b', 'c']);
    expect(Object.keys(loaders).sort()).toEqual(['a', 'b', 'c']);
  });

  it('gives each request its own loaders and database', async () => {
    const list = [moduleWith([], ['a'])];
    const first = jest.fn(async () => ({}) as Queryable);
    const second = jest.fn(async () => ({}) as Queryable);
    const one = createLoaders(first, list) as unknown as Record<string, DataLoader<string, string>>;
    const two = createLoaders(second, list) as unknown as Record<string, DataLoader<string, string>>;
    expect(one.a).not.toBe(two.a);
    await two.a!.load('k');
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });

  it('makes nothing for a request that uses no loader', () => {
    const made: string[] = [];
    const list = [moduleWith(made, ['a'])];
    createLoaders(async () => ({}) as Queryable, list);
    made.length = 0;
    createLoaders(async () => ({}) as Queryable, list);
    expect(made).toEqual([]);
  });
});
