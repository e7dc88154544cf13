#!/usr/bin/env bash
# Runs the unit tests, the sign-in throttle's integration files, then the
# production smoke test, on another Node.js line, with the node_modules already installed (every native
# addon here is Node-API: @node-rs/argon2, sharp, the Next and Tailwind
# compilers; their binaries work on any Node version). The Node build comes
# from the npm registry's `node` package, kept under ~/.cache between runs.
# Usage: bash scripts/test-on-node.sh 22.23.3   (after `npm ci` and `npm run build`)
# Prints «node X: N passed, N failed» last.
set -uo pipefail
cd "$(dirname "$0")/.."

version=${1:?usage: test-on-node.sh <exact node version, e.g. 22.23.3>}
prefix="${XDG_CACHE_HOME:-$HOME/.cache}/sahifa/node-$version"
if [ ! -x "$prefix/node_modules/.bin/node" ]; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund "node@$version" >/dev/null 2>&1 || { echo "could not install node@$version from the npm registry"; echo "node $version: 0 passed, 1 failed"; exit 1; }
fi
export PATH="$prefix/node_modules/.bin:$PATH"
actual=$(node --version)
echo "node on PATH: $actual"
if [ "$actual" != "v$version" ]; then echo "node $version: 0 passed, 1 failed"; exit 1; fi

reports=test-results/reports
mkdir -p "$reports"
passed=0
failed=0

# One vitest run with a JSON report; its counts are added to the totals.
run_vitest() {
  local json="$reports/vitest-node-$version-$1.json"
  shift
  rm -f "$json"
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$json"
  local status=$?
  local counts
  counts=$(node -e '
    try {
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      console.log(r.numPassedTests + " " + r.numFailedTests);
    } catch { console.log("0 1"); }' "$json")
  local p=${counts% *} f=${counts#* }
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
}

run_vitest unit --project unit
# The whole integration suite runs on 22 as on 20, but took 7 min here, well past
# this step's budget; these are the files of the throttles that the password and
# second steps share (docs/operations.md, "Node versions").
run_vitest integration --project integration lib/auth/sign-in.int.test.ts lib/users/second-factor.int.test.ts lib/users/account.int.test.ts

# The production server (the build made by `npm test`) on this Node, on a fresh embedded database.
SMOKE_PORT=3202 SMOKE_PG_PORT=54392 bash scripts/smoke-embedded.sh | tee "$reports/smoke-node-$version.log"
smoke=$(grep -E '^smoke: [0-9]+ passed, [0-9]+ failed' "$reports/smoke-node-$version.log" | tail -1)
passed=$((passed + $(grep -oE '[0-9]+ passed' <<<"$smoke" | grep -oE '[0-9]+' || echo 0)))
failed=$((failed + $(grep -oE '[0-9]+ failed' <<<"$smoke" | grep -oE '[0-9]+' || echo 1)))

echo "node $version: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
