// The per-request context: built once, passed explicitly as the first argument
// of every service call. Loaders live here because they must never be shared
// between requests.
import type { EntityManager } from 'typeorm';
import type { Actor } from '../platform/actor';
import type { Logger } from '../platform/logger';
import type { LazyTransaction } from '../platform/transaction';
import type { Loaders } from './loaders';

export interface Context {
  readonly requestId: string;
  /** the client's address, for sign-in throttling */
  readonly clientAddress: string;
  readonly actor: Actor;
  /** The tenant of this request; null for anonymous and operator requests. */
  readonly tenantId: string | null;
  readonly tx: LazyTransaction;
  readonly log: Logger;
  readonly loaders: Loaders;
  db(): Promise<EntityManager>;
}
