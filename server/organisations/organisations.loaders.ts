// DataLoaders for organisation nodes, made per request. They return raw rows;
// services decide what the actor may see.
import type { Queryable } from '../platform/sql';
import DataLoader from 'dataloader';
import { byId } from '../platform/loaders';
import { OrganisationsRepository } from './organisations.repository';
import type { Organisation } from './organisations.types';

declare module '../platform/context' {
  interface Loaders {
    organisation: DataLoader<string, Organisation | null>;
    /** a page of children per parent; parents asked with the same page arguments share one query */
    organisationChildren: DataLoader<ChildrenPageKey, Organisation[], string>;
    organisationChildCount: DataLoader<string, number>;
  }
}

export interface ChildrenPageKey {
  parentId: string;
  /** keyset position (name, id) or null for the first page */
  after: readonly string[] | null;
  limit: number;
}

function childrenKey(k: ChildrenPageKey): string {
  return `${k.parentId}|${k.limit}|${k.after?.join('|') ?? ''}`;
}

export function createOrganisationLoaders(db: () => Promise<Queryable>) {
  const repository = new OrganisationsRepository();
  return {
    organisation: new DataLoader<string, Organisation | null>(async (ids) => byId(ids, await repository.findMany(await db(), ids))),
    organisationChildren: new DataLoader<ChildrenPageKey, Organisation[], string>(
      async (keys) => {
        const em = await db();
        const pages = new Map<string, Organisation[]>();
        const groups = new Map<string, ChildrenPageKey[]>();
        for (const key of keys) {
          const group = `${key.limit}|${key.after?.join('|') ?? ''}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        for (const group of groups.values()) {
          const first = group[0]!;
          const rows = await repository.findChildrenPages(em, group.map((k) => k.parentId), first.after, first.limit);
          for (const k of group) pages.set(childrenKey(k), rows.filter((r) => r.parentId === k.parentId));
        }
        return keys.map((k) => pages.get(childrenKey(k)) ?? []);
      },
      { cacheKeyFn: childrenKey },
    ),
    organisationChildCount: new DataLoader<string, number>(async (parentIds) => {
      const counts = await repository.countChildren(await db(), parentIds);
      return parentIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
