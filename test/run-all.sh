#!/usr/bin/env bash
# `npm test`: compile and type-check everything (server, tests, benchmarks,
# migrations) into dist/, then run the static checks (ESLint with zero
# warnings, the layer rules of dependency-cruiser) beside the jest suite, one
# core each. Jest runs two files at a time in a random order (it prints the
# seed; `npm test -- --seed=N` repeats one). Extra arguments go to jest.
# Fails if any part fails.
set -u
cd "$(dirname "$0")/.."

echo "› tsc -p tsconfig.json (type-check and build)"
npx tsc -p tsconfig.json || { echo "type-check failed"; exit 1; }

checks_log=$(mktemp)
results=$(mktemp)
(
  echo "› eslint --max-warnings 0" &&
    npx eslint server bench migrations test --max-warnings 0 &&
    echo "› dependency-cruiser (layers, cycles, engine purity)" &&
    npx depcruise server bench migrations --config .dependency-cruiser.cjs
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
