#!/usr/bin/env bash
# `npm test`: compile and type-check everything (server, tests, benchmarks,
# migrations) into dist/ while Vite builds the console into admin/dist/, then
# run the static checks (ESLint with zero warnings, the console's type-check,
# the layer rules of dependency-cruiser) beside the jest suite (the browser
# tests drive that build of the console in Chromium). Jest runs two files at a time in a random order (it prints the
# seed; `npm test -- --seed=N` repeats one). Extra arguments go to jest.
# Fails if any part fails.
set -u
cd "$(dirname "$0")/.."

echo "› tsc -p tsconfig.json (type-check and build) and vite build (the console)"
admin_log=$(mktemp)
npm run --silent build:admin >"$admin_log" 2>&1 &
admin_pid=$!
npx tsc -p tsconfig.json || { echo "type-check failed"; kill "$admin_pid" 2>/dev/null; exit 1; }
wait "$admin_pid" || { cat "$admin_log"; echo "console build failed"; exit 1; }
rm -f "$admin_log"
export CONSOLE_PREBUILT=1

checks_log=$(mktemp)
results=$(mktemp)
(
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
