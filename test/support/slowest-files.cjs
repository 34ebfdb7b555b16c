// Prints the test files of a jest JSON report (`JEST_RESULTS=/tmp/r.json npm test`) by
// time, slowest first, with each project's total: where `npm test`'s minutes go.
// node test/support/slowest-files.cjs /tmp/r.json [count]
const { readFileSync } = require('node:fs');
const path = require('node:path');

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const count = Number(process.argv[3] ?? 30);
const files = report.testResults.map((r) => ({
  file: path.relative(process.cwd(), r.name),
  seconds: (r.endTime - r.startTime) / 1000,
  tests: r.assertionResults.length,
}));
files.sort((a, b) => b.seconds - a.seconds);
const total = files.reduce((n, f) => n + f.seconds, 0);
console.log(`${files.length} files, ${total.toFixed(0)} s of file time in all (three workers)`);
for (const f of files.slice(0, count)) console.log(`${f.seconds.toFixed(1).padStart(7)} s  ${String(f.tests).padStart(4)} tests  ${f.file}`);
const byDir = new Map();
for (const f of files) {
  const dir = f.file.split(path.sep).slice(0, 3).join(path.sep);
  byDir.set(dir, (byDir.get(dir) ?? 0) + f.seconds);
}
console.log('by folder:');
for (const [dir, s] of [...byDir].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${s.toFixed(0).padStart(7)} s  ${dir}`);
