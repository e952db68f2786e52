#!/usr/bin/env bash
# `make demo`: builds the widget bundle, starts the dev server (mock
# providers) on 8787 and `trunk serve` for www/ on 8080, and prints the URL.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
scripts/dist.sh
cargo build -q -p callboard-server
./target/debug/callboard-server serve --port 8787 > out/demo-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do curl -fs http://127.0.0.1:8787/healthz >/dev/null 2>&1 && break; sleep 0.1; done
echo
echo "  callboard demo: http://127.0.0.1:8080/   (mock providers on http://127.0.0.1:8787/)"
echo
trunk serve --config Trunk.toml
