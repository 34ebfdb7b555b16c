// DataLoaders for declarations and their decisions, made per request.
import type { Queryable } from '../platform/sql';
import DataLoader from 'dataloader';
import { byId } from '../platform/loaders';
import { declarantsOfSameResult } from './counts-once.repository';
import { decisionsOf } from './declaration-decisions.repository';
import { DeclarationsRepository } from './declarations.repository';
import type { Declaration, DeclarationDecisionView } from './declarations.types';

declare module '../platform/context' {
  interface Loaders {
    /** A declaration as stored (no access check: the service decides who may see it). */
    declaration: DataLoader<string, Declaration | null>;
    /** A declaration's decisions, oldest first. */
    declarationDecisions: DataLoader<string, DeclarationDecisionView[]>;
    /** How many professionals declared the same result as the declaration (0: it names no result). */
    declarationDeclarants: DataLoader<string, number>;
  }
}

export function createDeclarationLoaders(db: () => Promise<Queryable>) {
  const repository = new DeclarationsRepository();
  return {
    declaration: new DataLoader<string, Declaration | null>(async (ids) => byId(ids, await repository.findMany(await db(), ids))),
    declarationDecisions: new DataLoader<string, DeclarationDecisionView[]>(async (ids) => {
      const byDeclaration = await decisionsOf(await db(), ids);
      return ids.map((id) => byDeclaration.get(id) ?? []);
    }),
    declarationDeclarants: new DataLoader<string, number>(async (ids) => {
      const counts = await declarantsOfSameResult(await db(), ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
