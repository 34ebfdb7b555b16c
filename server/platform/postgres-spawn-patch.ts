// How the package's spawns of initdb and postgres are redirected: to a
// relocated copy of the binaries, from a folder the PostgreSQL user can enter,
// in a process group of their own, with failed execs collected.
import childProcess, { type SpawnOptions } from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

export interface SpawnPatch {
  /** The binaries folder the package spawns from … */
  from: string;
  /** … and the one to run them from instead (the same unless relocated). */
  to: string;
  /** A folder the PostgreSQL user can enter (a root's 0700 working folder would not do). */
  cwd: string;
  detached: boolean;
  /** Failed execs (EACCES, ENOENT): the package has no 'error' listener, which would make them uncaught. */
  errors: Error[];
}

/**
 * The package spawns initdb and postgres with a named import of
 * child_process.spawn, so the builtin's export is swapped (and synced to its
 * ESM view) for the duration. Ctrl-C in a terminal signals the whole
 * foreground process group, and PostgreSQL would begin a fast shutdown before
 * the server has drained its requests: `detached` starts it in its own group,
 * leaving the order to us.
 */
export async function withPatchedSpawn<T>(patch: SpawnPatch, work: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  const patched = ((command: string, args: readonly string[], options: SpawnOptions = {}) => {
    const file = command.startsWith(patch.from + path.sep) ? patch.to + command.slice(patch.from.length) : command;
    const child = original(file, args, { ...options, cwd: options.cwd ?? patch.cwd, detached: patch.detached || options.detached });
    child.on('error', (error) => patch.errors.push(error));
    return child;
  }) as typeof childProcess.spawn;
  (childProcess as { spawn: typeof childProcess.spawn }).spawn = patched;
  syncBuiltinESMExports();
  try {
    return await work();
  } finally {
    (childProcess as { spawn: typeof childProcess.spawn }).spawn = original;
    syncBuiltinESMExports();
  }
}
