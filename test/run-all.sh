#!/usr/bin/env bash
# `npm test`: build the server into dist/ with swc (test/support/build-dist.cjs: a few
# seconds; the tests that start the product as a user does run it) while Vite builds the
# console into admin/dist/ (the browser tests drive it in Chromium); then the jest suite
# beside the static checks (tsc's type-check of the server, tests, benchmarks and
# migrations; ESLint with zero warnings; the console's and the browser tests' type-checks;
# the layer rules of dependency-cruiser). Jest runs three files at a time in a random order
# (it prints the seed; `npm test -- --seed=N` repeats one). Extra arguments go to jest.
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
  echo "› tsc -p tsconfig.json --noEmit (server, tests, benchmarks, migrations)" &&
    npx tsc -p tsconfig.json --noEmit &&
    echo "› eslint --max-warnings 0" &&
    npx eslint server bench migrations test --max-warnings 0 &&
    echo "› tsc -p admin/tsconfig.json (the console)" &&
    npx tsc -p admin/tsconfig.json &&
    echo "› tsc -p test/e2e/console/tsconfig.json (the browser tests)" &&
    npx tsc -p test/e2e/console/tsconfig.json &&
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
rm -f "$checks_log" "$results"

[ "$tests_status" -eq 0 ] && [ "$checks_status" -eq 0 ]
