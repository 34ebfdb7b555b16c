// The per-request context: built once by app/, passed explicitly as the first
// argument of every service call. Loaders live here because they must never
// be shared between requests.
import type { Actor } from './actor';
import type { Logger } from './logger';
import type { Queryable } from './sql';
import type { RequestTransaction } from './transaction';

/**
 * The request's DataLoaders. Empty here: each capability adds its own loaders
 * to this interface (declaration merging in its `*.loaders.ts`), so platform/
 * never names a capability.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export interface Context {
  readonly requestId: string;
  /** the client's address, for sign-in throttling */
  readonly clientAddress: string;
  readonly actor: Actor;
  /** The tenant of this request; null for anonymous and operator requests. */
  readonly tenantId: string | null;
  readonly tx: RequestTransaction;
  readonly log: Logger;
  readonly loaders: Loaders;
  db(): Promise<Queryable>;
}
