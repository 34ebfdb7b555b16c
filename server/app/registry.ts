// Builds what the modules declare: services once per process, loaders once
// per request (when first used), the ordered migration history, and the error-code catalog.
import type { Queryable } from '../platform/sql';
import type { Router } from 'express';
import type { DataSource } from 'typeorm';
import type { Loaders } from '../platform/context';
import type { MigrationClass } from '../platform/database';
import { commonError, idNumberError, type ErrorCatalog } from '../platform/errors';
import type { Logger } from '../platform/logger';
import type { CapabilityModule, HttpRouteDeps, ModuleDeps, RunningJobs, Services } from '../platform/module';
import { modules } from './modules';

export function createServices(deps: ModuleDeps, list: readonly CapabilityModule[] = modules): Services {
  const services = {} as Services;
  for (const m of list) Object.assign(services, m.createServices?.(deps, services));
  return services;
}

const DB = Symbol('the request database');
type LazyLoaders = Loaders & { [DB]: () => Promise<Queryable> };
const prototypes = new WeakMap<readonly CapabilityModule[], object>();

/**
 * The prototype of a request's loaders: for each loader a getter that, on first use, makes that
 * module's loaders for the request (its `createLoaders`) and keeps them as the request's own
 * properties. A request that asks for none (most: a status lookup, `{__typename}`) makes none.
 * The names come from calling each module's `createLoaders` once, with a database never used.
 */
function loadersPrototype(list: readonly CapabilityModule[]): object {
  const known = prototypes.get(list);
  if (known) return known;
  const prototype: PropertyDescriptorMap = {};
  const unused = () => Promise.reject(new Error('loader names only'));
  for (const m of list) {
    const create = m.createLoaders;
    if (!create) continue;
    for (const name of Object.keys(create(unused))) {
      prototype[name] = {
        get(this: LazyLoaders) {
          const made = create(this[DB]);
          for (const [key, loader] of Object.entries(made)) Object.defineProperty(this, key, { value: loader, enumerable: true });
          return (made as Record<string, unknown>)[name];
        },
      };
    }
  }
  const made = Object.create(null, prototype) as object;
  prototypes.set(list, made);
  return made;
}

/** The request's loaders, each module's made when one of them is first used. */
export function createLoaders(db: () => Promise<Queryable>, list: readonly CapabilityModule[] = modules): Loaders {
  const loaders = Object.create(loadersPrototype(list)) as LazyLoaders;
  loaders[DB] = db;
  return loaders;
}

/** The modules' own HTTP routes, in module order. */
export function createRoutes(services: Services, http: HttpRouteDeps, list: readonly CapabilityModule[] = modules): Router[] {
  return list.flatMap((m) => (m.createRoutes ? [m.createRoutes(services, http)] : []));
}

/** Migrations run in the order of their timestamp, whichever module owns them. */
export function allMigrations(list: readonly CapabilityModule[] = modules): MigrationClass[] {
  const timestamp = (m: MigrationClass) => Number(/(\d{13})$/.exec(m.name)?.[1] ?? NaN);
  const unique = [...new Set(list.flatMap((m) => m.migrations ?? []))];
  return unique.sort((a, b) => timestamp(a) - timestamp(b));
}

/** The modules' start-up steps, in module order (after the migrations, before serving). */
export async function runStartSteps(owner: DataSource, logger: Logger, list: readonly CapabilityModule[] = modules): Promise<void> {
  for (const m of list) await m.onStart?.(owner, logger);
}

/** Starts the modules' background jobs; the answer stops them all (the last started first). */
export async function startJobs(services: Services, deps: ModuleDeps, logger: Logger, list: readonly CapabilityModule[] = modules): Promise<RunningJobs> {
  const running: RunningJobs[] = [];
  for (const m of list) {
    const jobs = await m.startJobs?.(services, deps, logger);
    if (jobs) running.push(jobs);
  }
  return {
    async stop() {
      for (const jobs of running.reverse()) await jobs.stop();
    },
  };
}

/** Every code the API answers with, and its Chinese message. */
export function errorCatalog(list: readonly CapabilityModule[] = modules): Map<string, string> {
  const catalogs: ErrorCatalog[] = [commonError.catalog, idNumberError.catalog, ...list.map((m) => m.errors ?? {})];
  const out = new Map<string, string>();
  for (const catalog of catalogs) {
    for (const [code, message] of Object.entries(catalog)) {
      const known = out.get(code);
      if (known !== undefined && known !== message) throw new Error(`error code ${code} has two messages: "${known}" and "${message}"`);
      out.set(code, message);
    }
  }
  return out;
}
