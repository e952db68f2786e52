#!/usr/bin/env bash
# Builds the script-tag bundle into dist/: callboard.js (the one file a page
# includes), element.js, the wasm-bindgen glue and the optimized wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=${1:-dist}

# The call view is a separately loaded chunk (src/ui/chunk.rs): the lib is
# built with the `split` feature and relocations kept, `wasm-split-cli` cuts
# it into the main module and `split_*.wasm` chunks with `__wasm_split.js`
# (which fetches them relative to its own URL), and wasm-bindgen keeps the
# exports the chunks link against.
split=target/wasm-split
RUSTFLAGS="${RUSTFLAGS:-} -Clink-args=--emit-relocs" \
  cargo build -p callboard --lib --release --target wasm32-unknown-unknown --features split
rm -rf "$out" "$split" && mkdir -p "$out" "$split"
wasm-split-cli --target web --out-name callboard_wasm \
  target/wasm32-unknown-unknown/release/callboard.wasm "$split"
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-dir "$out" --out-name callboard_wasm \
  "$split/callboard_wasm.wasm"
cp "$split"/__wasm_split.js "$split"/*.wasm "$out/"
rm "$out/callboard_wasm.wasm"
if [ -x node_modules/.bin/wasm-opt ]; then
  # DIST_NAMES=1 keeps the function names (for a CPU profile; `make bench`
  # with BENCH_ONLY=profile), at the cost of size.
  for wasm in "$out"/*.wasm; do
    node_modules/.bin/wasm-opt -Oz ${DIST_NAMES:+-g} --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-reference-types \
      "$wasm" -o "$wasm"
  done
else
  echo "dist: wasm-opt not found (run scripts/setup.sh); the wasm is not size-optimized" >&2
fi
cp js/element.js js/callboard.js js/element.d.ts js/callboard.d.ts "$out/"
# The JavaScript minified (js/ keeps the readable sources): 4.5 KB gzip
# less before the first rows. Names a page uses (exports, the element's
# properties, events) are not renamed.
if [ -x node_modules/.bin/esbuild ]; then
  for js in "$out"/*.js; do
    node_modules/.bin/esbuild "$js" --minify --format=esm --target=es2022 \
      --log-level=warning --allow-overwrite --outfile="$js"
  done
else
  echo "dist: esbuild not found (run scripts/setup.sh); the JavaScript is not minified" >&2
fi
# `.br` and `.gz` beside each file, for servers and CDNs that serve them.
node scripts/precompress.mjs "$out"
echo "dist: $(cd "$out" && ls | tr '\n' ' ')"
for f in "$out"/*.js "$out"/*.wasm; do
  printf '  %-28s %8d bytes, %7d gzip\n' "$(basename "$f")" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
