// A broken native module stops the start with one line naming it and the
// remedy, instead of a bare "Segmentation fault".
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { transformFileSync } from '@swc/core';
import {
  checkEmbeddedPostgresLinks,
  embeddedPostgresPackage,
  nativeModuleChecks,
  preflightNativeModules,
  probeNativeModule,
} from '../../server/platform/native-modules';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ce-native-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fakeModule(name: string, body: string) {
  const file = path.join(dir, `${name}.js`);
  writeFileSync(file, body);
  return { name, file, exercise: 'm.work()', remedy: `npm rebuild ${name}` };
}

describe('probeNativeModule', () => {
  test('a module that segfaults when loaded is named, with the signal and the remedy', () => {
    const line = probeNativeModule(fakeModule('fake-native', "process.kill(process.pid, 'SIGSEGV');"));
    expect(line).not.toBeNull();
    expect(line).not.toContain('\n');
    expect(line).toContain('原生模块 fake-native 无法使用');
    expect(line).toContain('Native module fake-native is broken: a child process that loaded it died of SIGSEGV');
    expect(line).toContain('run npm rebuild fake-native ("allowScripts" in package.json must allow fake-native)');
  });

  test('a module that crashes only when used is found by its exercise', () => {
    const line = probeNativeModule(fakeModule('crashes-on-use', "exports.work = () => process.kill(process.pid, 'SIGSEGV');"));
    expect(line).toContain('died of SIGSEGV');
  });

  test('a module that fails to load is named with its error', () => {
    const line = probeNativeModule(fakeModule('bad-binding', "throw new Error('invalid ELF header');"));
    expect(line).toContain('Native module bad-binding is broken: loading it failed (invalid ELF header)');
  });

  test('a rejected exercise counts as broken', () => {
    const line = probeNativeModule(fakeModule('rejects', "exports.work = () => Promise.reject(new Error('no'));"));
    expect(line).toContain('loading it failed (no)');
  });

  test('a hang is reported, not waited on', () => {
    const line = probeNativeModule(fakeModule('hangs', 'exports.work = () => new Promise(() => setInterval(() => {}, 1000));'), 1000);
    expect(line).toContain('did not finish within 1 s');
  });

  test('a working module passes', () => {
    expect(probeNativeModule(fakeModule('fine', 'exports.work = () => Promise.resolve(1);'))).toBeNull();
  });

  test('the real argon2 passes, quickly', () => {
    const checks = nativeModuleChecks();
    expect(checks.map((c) => c.name)).toEqual(['argon2']);
    const started = process.hrtime.bigint();
    expect(preflightNativeModules(checks)).toEqual([]);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // one Node start plus a ~1 MB hash; generous for a loaded CI machine
    expect(ms).toBeLessThan(2000);
  });
});

describe('the server entry point', () => {
  test('the probe runs on import only when the importer is server/main', () => {
    // a stand-in entry point beside a copy of the module, argon2 replaced by one that segfaults
    const server = path.join(dir, 'entry', 'server');
    const platform = path.join(server, 'platform');
    cpSync(path.join(__dirname, '..', '..', 'server', 'platform', 'native-modules.ts'), path.join(platform, 'native-modules.ts'));
    const argon2 = path.join(dir, 'entry', 'node_modules', 'argon2');
    mkdirSync(argon2, { recursive: true });
    writeFileSync(path.join(argon2, 'index.js'), "process.kill(process.pid, 'SIGSEGV');");
    writeFileSync(path.join(argon2, 'package.json'), '{"name":"argon2","main":"index.js"}');
    // compiled the way jest does it (swc), to CommonJS
    const { code } = transformFileSync(path.join(platform, 'native-modules.ts'), {
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'commonjs' },
    });
    writeFileSync(path.join(platform, 'native-modules.js'), code);
    unlinkSync(path.join(platform, 'native-modules.ts'));
    writeFileSync(path.join(server, 'main.js'), "require('./platform/native-modules'); console.log('server would start');");
    writeFileSync(path.join(server, 'other.js'), "require('./platform/native-modules'); console.log('not the entry point');");

    const main = spawnSync(process.execPath, [path.join(server, 'main.js')], { encoding: 'utf8' });
    expect(main.status).toBe(1);
    expect(main.stdout).toBe('');
    expect(main.stderr.trim().split('\n')).toHaveLength(1);
    expect(main.stderr).toContain('Native module argon2 is broken: a child process that loaded it died of SIGSEGV; run npm_config_build_from_source=true npm rebuild argon2 ("allowScripts" in package.json must allow argon2).');

    const other = spawnSync(process.execPath, [path.join(server, 'other.js')], { encoding: 'utf8' });
    expect(other.status).toBe(0);
    expect(other.stdout).toContain('not the entry point');
  });
});

describe('checkEmbeddedPostgresLinks', () => {
  test('the installed package has its library links', () => {
    expect(checkEmbeddedPostgresLinks(embeddedPostgresPackage())).toBeNull();
  });

  test('links its install script did not make are named, with the remedy', () => {
    const real = embeddedPostgresPackage();
    const pkg = { name: real.name, dir: path.join(dir, 'no-links') };
    // the package as unpacked with install scripts off: the list, without the links
    cpSync(path.join(real.nativeDir, 'pg-symlinks.json'), path.join(pkg.dir, 'native', 'pg-symlinks.json'));
    const line = checkEmbeddedPostgresLinks(pkg);
    expect(line).not.toBeNull();
    expect(line).not.toContain('\n');
    expect(line).toContain(`Embedded PostgreSQL's library links are missing (${real.name}: native/lib/`);
    expect(line).toContain(`run npm rebuild ${real.name} ("allowScripts" in package.json must allow it)`);
  });
});
