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
# The React peer, side by side, where this machine has it (REACT_PEER, or
# ../shared/bench/react-peer): built once per change of its sources into
# out/react-peer, served as /react/ and precompressed like our dist/.
peer=${REACT_PEER:-../shared/bench/react-peer}
if [ -f "$peer/package.json" ]; then
  want=$(cd "$peer" && cat package-lock.json index.html vite.config.js src/* | sha256sum | awk '{print $1}')
  if [ "$(cat out/react-peer/.stamp 2>/dev/null)" != "$want" ]; then
    echo "bench: building the React peer from $peer" >&2
    rm -rf out/react-peer && mkdir -p out/react-peer
    (cd "$peer" && tar --exclude=node_modules --exclude=dist -cf - .) | tar -xf - -C out/react-peer
    chmod -R u+w out/react-peer
    (cd out/react-peer && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npx vite build --logLevel error)
    echo "$want" > out/react-peer/.stamp
  fi
  cp -r out/react-peer/dist out/bench-site/react
  node scripts/precompress.mjs out/bench-site/react/assets
else
  echo "bench: no React peer at $peer (set REACT_PEER): the side-by-side figures are skipped" >&2
fi
. scripts/serve-site.sh
serve_site ./target/release/callboard-server "$port" out/bench-site out/bench-server.log
BENCH_BASE="http://127.0.0.1:$port" BENCH_SITE=out/bench-site node scripts/bench.mjs
