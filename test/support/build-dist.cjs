// `npm test`'s build of the server for the tests that start it as a user does
// (`node dist/server/main.js`): server/ and migrations/ compiled by swc, file by
// file, with the options jest's transform uses (jest.config.js), into dist/.
// A few seconds, where tsc's emit took half a minute before jest could start;
// tsc still type-checks everything (`--noEmit`) beside the tests. `npm start` and
// `npm run build` build with tsc as before.
const { transformFile } = require('@swc/core');
const { mkdir, readdir, writeFile } = require('node:fs/promises');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const options = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

async function sources(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')).map((e) => path.join(e.parentPath, e.name));
}

async function build(file) {
  const relative = path.relative(root, file);
  const out = path.join(root, 'dist', relative.replace(/\.ts$/, '.js'));
  const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(out), file) });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
  if (map) await writeFile(`${out}.map`, map);
}

async function main() {
  const files = (await Promise.all(['server', 'migrations'].map((d) => sources(path.join(root, d))))).flat();
  const started = performance.now();
  // a few at a time: swc's transforms run on its own threads
  for (let i = 0; i < files.length; i += 64) await Promise.all(files.slice(i, i + 64).map(build));
  console.log(`built ${files.length} files into dist/ in ${Math.round(performance.now() - started)} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
