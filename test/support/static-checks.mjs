// The static checks of `npm test` in one process, so that each TypeScript program is built and
// type-checked once: tsc's diagnostics for the server, tests, benchmarks and migrations
// (tsconfig.json) and for the browser tests (test/e2e/console/tsconfig.json), then ESLint with
// typescript-eslint's type-checked rules over the same two programs (`parserOptions.programs`:
// the rules ask the checker that already resolved every type, instead of a project service
// building the programs again), then the console's program (admin/tsconfig.json). The same
// checks as `npx tsc -p … --noEmit`, `npx eslint server bench migrations test --max-warnings 0`
// and `npx tsc -p admin/tsconfig.json` run one by one (`npm run typecheck`, `npm run lint`), at
// about half the CPU. dependency-cruiser's layer rules run after, as their own command.
// Prints what each tool prints; exits 1 if any check fails.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);

// the programs share parsed files that do not differ between them (node_modules' types, lib files)
const sourceFiles = new Map();
function createHost(options) {
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${typeof languageVersion === 'object' ? JSON.stringify(languageVersion) : languageVersion}|${fileName}`;
    if (!fileName.includes('/node_modules/')) return read(fileName, languageVersion, onError, shouldCreate);
    let file = sourceFiles.get(key);
    if (!file) {
      file = read(fileName, languageVersion, onError, shouldCreate);
      if (file) sourceFiles.set(key, file);
    }
    return file;
  };
  return host;
}

function buildProgram(configPath) {
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const options = { ...parsed.options, noEmit: true };
  const program = ts.createProgram({ rootNames: parsed.fileNames, options, projectReferences: parsed.projectReferences, host: createHost(options) });
  return { program, configErrors: parsed.errors };
}

const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };

/** tsc's check of one program: prints its diagnostics as tsc does; true when there are none. */
function typeCheck(label, program, configErrors) {
  console.log(`› tsc ${label}`);
  const diagnostics = [...configErrors, ...ts.getPreEmitDiagnostics(program)];
  if (diagnostics.length === 0) return true;
  console.log(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
  console.log(`Found ${diagnostics.length} error(s) in ${label}.`);
  return false;
}

let ok = true;
const main = buildProgram('tsconfig.json');
ok = typeCheck('-p tsconfig.json --noEmit (server, tests, benchmarks, migrations)', main.program, main.configErrors) && ok;
const browser = buildProgram('test/e2e/console/tsconfig.json');
ok = typeCheck('-p test/e2e/console/tsconfig.json (the browser tests)', browser.program, browser.configErrors) && ok;

console.log('› eslint server bench migrations test --max-warnings 0');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, programs: [main.program, browser.program] } } },
});
const results = await eslint.lintFiles(['server', 'bench', 'migrations', 'test']);
const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
const report = await (await eslint.loadFormatter('stylish')).format(results);
if (report) console.log(report);
if (problems > 0) {
  console.log(`ESLint found ${problems} problem(s) (--max-warnings 0).`);
  ok = false;
}

const admin = buildProgram('admin/tsconfig.json');
ok = typeCheck('-p admin/tsconfig.json (the console)', admin.program, admin.configErrors) && ok;

process.exit(ok ? 0 : 1);
