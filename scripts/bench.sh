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
. scripts/serve-site.sh
serve_site ./target/release/callboard-server "$port" out/bench-site out/bench-server.log
BENCH_BASE="http://127.0.0.1:$port" node scripts/bench.mjs
