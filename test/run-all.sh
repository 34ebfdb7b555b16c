#!/usr/bin/env bash
# `npm test`: build the server into dist/ with swc (test/support/build-dist.cjs: a few
# seconds; the tests that start the product as a user does run it) while Vite builds the
# console into admin/dist/ (the browser tests drive it in Chromium); then the jest suite
# beside the static checks (test/support/static-checks.mjs: tsc's type-check of the server,
# tests, benchmarks and migrations, of the browser tests and of the console, and ESLint with
# zero warnings, over programs built once; then the layer rules of dependency-cruiser). Jest
# runs three files at a time in a random order (it prints the seed; `npm test -- --seed=N`
# repeats one). Extra arguments go to jest.
# Fails if any part fails.
set -u
cd "$(dirname "$0")/.."

echo "› swc build of the server (dist/) and vite build (the console)"
admin_log=$(mktemp)
npm run --silent build:admin >"$admin_log" 2>&1 &
admin_pid=$!
node test/support/build-dist.cjs || { echo "server build failed"; kill "$admin_pid" 2>/dev/null; exit 1; }
wait "$admin_pid" || { cat "$admin_log"; echo "console build failed"; exit 1; }
rm -f "$admin_log"
export CONSOLE_PREBUILT=1

checks_log=$(mktemp)
results=$(mktemp)
(
  node test/support/static-checks.mjs &&
    echo "› dependency-cruiser (layers, cycles, engine purity)" &&
    npx depcruise server bench migrations admin/src --config .dependency-cruiser.cjs
) >"$checks_log" 2>&1 &
checks_pid=$!

npx jest --maxWorkers=3 --randomize --json --outputFile="$results" "$@"
tests_status=$?

wait "$checks_pid"
checks_status=$?
cat "$checks_log"
[ "$checks_status" -eq 0 ] && echo "static checks passed" || echo "static checks FAILED"

node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' "$results" 2>/dev/null || echo "tests: 0 passed, 1 failed"
# JEST_RESULTS=<file>: keep jest's JSON report (per-file times: test/support/slowest-files.cjs)
[ -n "${JEST_RESULTS:-}" ] && cp "$results" "$JEST_RESULTS"
rm -f "$checks_log" "$results"

[ "$tests_status" -eq 0 ] && [ "$checks_status" -eq 0 ]
