#!/usr/bin/env bash
# make bench: builds the release bundle and the dev server, serves both with
# the bench page, and runs scripts/bench.mjs in headless Chromium. Prints a
# table; the figures go to out/bench.json. BENCH_RUNS (default 20) sets the
# runs per timed figure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
port=${BENCH_PORT:-8795}
scripts/dist.sh
cargo build -q --release -p callboard-server
rm -rf out/bench-site && mkdir -p out/bench-site
cp -r dist out/bench-site/dist
cp -r bench out/bench-site/bench
./target/release/callboard-server serve --port "$port" --calls 2000 --static out/bench-site > out/bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
BENCH_BASE="http://127.0.0.1:$port" node scripts/bench.mjs
