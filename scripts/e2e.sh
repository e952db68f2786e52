#!/usr/bin/env bash
# The end-to-end suite: builds the bundle and the dev server, serves both,
# and runs the Playwright specs (node's test runner) in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
port=${E2E_PORT:-8790}
scripts/dist.sh >/dev/null
scripts/npm.sh >/dev/null
scripts/e2e-site.sh
cargo build -q -p callboard-server
. scripts/serve-site.sh
serve_site ./target/debug/callboard-server "$port" out/e2e out/e2e-server.log
E2E_BASE="http://127.0.0.1:$port" node --test --test-concurrency=1 ${E2E_FILES:-tests/e2e/*.test.mjs}
