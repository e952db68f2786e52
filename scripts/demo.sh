#!/usr/bin/env bash
# `make demo`: builds the widget bundle, starts the dev server (mock
# providers) on 8787 and `trunk serve` for www/ on 8080, and prints the URL.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
scripts/dist.sh
cargo build -q -p callboard-server
mkdir -p out
./target/debug/callboard-server serve --port 8787 > out/demo-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT INT TERM
up=
for _ in $(seq 1 100); do
  if curl -fs http://127.0.0.1:8787/healthz >/dev/null 2>&1; then up=1; break; fi
  sleep 0.1
done
if [ -z "$up" ]; then
  echo "demo: the dev server did not start on :8787 (see out/demo-server.log)" >&2
  exit 1
fi
echo
echo "  callboard demo: http://127.0.0.1:8080/   (mock providers on http://127.0.0.1:8787/)"
echo
trunk serve --config Trunk.toml
