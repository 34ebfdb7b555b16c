// The shape every capability folder exports: its resolvers, services,
// loaders, migrations and error codes. app/modules.ts lists the modules; the
// rest of app/ only reads this shape, so a new capability is a new folder and
// one line there.
import type { Queryable } from './sql';
import type { Request, Response, Router } from 'express';
import type { DataSource } from 'typeorm';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Context, Loaders } from './context';
import type { MigrationClass } from './database';
import type { ErrorCatalog } from './errors';
import type { Invalidations } from './invalidation';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

/**
 * The process-wide services, by name. Empty here: each capability adds its
 * services to this interface (declaration merging in its module file), so
 * platform/ never names a capability.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Services {}

/** What a capability may need to build its services. */
export interface ModuleDeps {
  readonly runtime: DataSource;
  readonly config: Config;
  readonly jwtSecret: string;
  /** "Today" for services that decide by the date (reminders); absent: the system clock. Tests pass their own. */
  readonly clock?: Clock;
  /**
   * The process's cache-invalidation bus (platform/invalidation.ts), which services' caches
   * follow; absent (services built outside a server): nothing is cached between requests.
   */
  readonly invalidations?: Invalidations;
  /** For work a service finishes after its request (recording an API key's last use); absent: not logged. */
  readonly logger?: Logger;
  /** Where engine evaluations and job runs are counted; absent (metrics off): nowhere (`noMetrics`). */
  readonly metrics?: Metrics;
}

/** Background work a module runs while the server serves (scheduled jobs); stopped before the pools close. */
export interface RunningJobs {
  stop(): Promise<void>;
}

/** What app/ lends a capability's own HTTP routes (those outside GraphQL, such as file uploads). */
export interface HttpRouteDeps {
  /**
   * Authenticates the request exactly as /graphql does (a bearer token or an API key;
   * neither: anonymous) and builds its context. Credentials that are presented and not
   * valid throw an AppError with its HTTP status (401, or 403 for a suspended tenant).
   * The route ends `ctx.tx`; it is rolled back if the response closes first.
   */
  context(req: Request, res: Response): Promise<Context>;
}

/** A type-graphql resolver class; app/ constructs it once with the services. */
export type ResolverClass = new (services: Services) => object;

export interface CapabilityModule {
  readonly name: string;
  readonly resolvers?: readonly ResolverClass[];
  /**
   * Builds this capability's services. Modules are built in the order app/
   * lists them, so `built` holds the services of every module listed before.
   */
  readonly createServices?: (deps: ModuleDeps, built: Services) => Partial<Services>;
  /** DataLoaders, made fresh for every request. */
  readonly createLoaders?: (db: () => Promise<Queryable>) => Partial<Loaders>;
  /** Express routes of its own, mounted beside /graphql (built once, with the services). */
  readonly createRoutes?: (services: Services, http: HttpRouteDeps) => Router;
  /** The migrations (in the top-level migrations/ folder) that create this capability's tables. */
  readonly migrations?: readonly MigrationClass[];
  /**
   * Work done at every start, as the owner, after the migrations and before serving (loading
   * reference data such as the working-day calendar). Must be idempotent.
   */
  readonly onStart?: (owner: DataSource, logger: Logger) => Promise<void>;
  /**
   * Starts this module's background jobs once the server listens (null: none to run, e.g. turned
   * off by configuration). Every server process runs them; the jobs themselves keep work from
   * being done twice.
   */
  readonly startJobs?: (services: Services, deps: ModuleDeps, logger: Logger) => Promise<RunningJobs | null>;
  /** This capability's error codes and their Chinese messages. */
  readonly errors?: ErrorCatalog;
}
