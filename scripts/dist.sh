#!/usr/bin/env bash
# Builds the script-tag bundle into dist/: callboard.js (the one file a page
# includes), element.js, the wasm-bindgen glue and the optimized wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=${1:-dist}

cargo build -p callboard --lib --release --target wasm32-unknown-unknown
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name callboard_wasm \
  target/wasm32-unknown-unknown/release/callboard.wasm
if [ -x node_modules/.bin/wasm-opt ]; then
  # DIST_NAMES=1 keeps the function names (for a CPU profile; `make bench`
  # with BENCH_ONLY=profile), at the cost of size.
  node_modules/.bin/wasm-opt -Oz ${DIST_NAMES:+-g} --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types \
    "$out/callboard_wasm_bg.wasm" -o "$out/callboard_wasm_bg.wasm"
else
  echo "dist: wasm-opt not found (run scripts/setup.sh); the wasm is not size-optimized" >&2
fi
cp js/element.js js/callboard.js js/element.d.ts js/callboard.d.ts "$out/"
# `.br` and `.gz` beside each file, for servers and CDNs that serve them.
node scripts/precompress.mjs "$out"
echo "dist: $(cd "$out" && ls | tr '\n' ' ')"
for f in "$out"/*.js "$out"/*.wasm; do
  printf '  %-28s %8d bytes, %7d gzip\n' "$(basename "$f")" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
