#!/usr/bin/env bash
# Smoke test of the default path: `npm start` with no DATABASE_URL boots the
# embedded PostgreSQL, migrates, seeds, and serves the seed story.
# Prints one line per check and a closing «N passed, N failed».
set -uo pipefail
cd "$(dirname "$0")/.."

port=${SMOKE_PORT:-3201}
pg_port=${SMOKE_PG_PORT:-54391}
data_dir=$(mktemp -d /tmp/sahifa-smoke-XXXXXX)
chmod 755 "$data_dir"
log=$data_dir/server.log
passed=0
failed=0
check() { # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then echo "  ✓ $name"; passed=$((passed + 1)); else echo "  ✗ $name"; failed=$((failed + 1)); fi
}

env -u DATABASE_URL DATA_DIR="$data_dir" EMBEDDED_PG_PORT="$pg_port" PORT="$port" \
  AUTH_SECRET="$(head -c 32 /dev/urandom | base64)" LOG_LEVEL=warn \
  setsid npm start >"$log" 2>&1 &
server_pid=$!

base="http://127.0.0.1:$port"
up=false
for _ in $(seq 1 90); do
  if curl -fs "$base/api/health" >/dev/null 2>&1; then up=true; break; fi
  sleep 1
done

headline=$(sed -n 2p db/seed-story.ar.txt)
check "server answers health within 90 s" $up
check "health reports the database ok" bash -c "curl -fs '$base/api/health' | grep -q '\"db\":\"ok\"'"
home=$(curl -fs "$base/" || true)
check "home lists the seed headline" grep -qF "$headline" <<<"$home"
href=$(grep -o 'href="/technology/[^"]*"' <<<"$home" | head -1 | sed 's/^href="//; s/"$//')
article=$(curl -fs "$base$href" || true)
all_paragraphs() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do grep -qF -- "$line" <<<"$article" || return 1; done < <(tail -n +4 db/seed-story.ar.txt)
}
check "article carries every seed paragraph" all_paragraphs
check "the embedded cluster lives under the data folder" test -f "$data_dir/postgres/PG_VERSION"

kill -TERM -- "-$server_pid" 2>/dev/null
wait "$server_pid" 2>/dev/null
stopped() { for _ in $(seq 1 20); do pgrep -f "$data_dir/postgres" >/dev/null || return 0; sleep 0.5; done; return 1; }
check "the embedded PostgreSQL stops with the app" stopped
if [ "$failed" -gt 0 ]; then echo "server log:"; tail -40 "$log"; fi
rm -rf "$data_dir"
echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
