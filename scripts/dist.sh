#!/usr/bin/env bash
# Builds the script-tag bundle into dist/: callboard.js (the one JavaScript
# file a page loads: the element, the wasm-bindgen glue and the chunk
# loader in one module), the optimized wasm and its on-demand chunk, the
# types; and target/wasm-split/npm/element.js, the same without the
# element's registration, for the npm package (scripts/npm.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=${1:-dist}

# The code the first rows do not need is in separately loaded chunks
# (src/ui/split.rs, docs/architecture.md): the lib is
# built with the `split` feature and relocations kept, `wasm-split-cli` cuts
# it into the main module and `split_*.wasm` chunks with `__wasm_split.js`
# (which fetches them relative to its own URL), and wasm-bindgen keeps the
# exports the chunks link against.
split=target/wasm-split
# The crates' registry paths shortened to `crates/…`: no build machine's
# home directory in the bundle.
remap=""
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  remap+=" --remap-path-prefix=${registry%/}=crates"
done
# The standard library is compiled with the bundle (rust-src, from
# scripts/setup.sh) instead of taken prebuilt: size-optimized, and with
# panics as immediate traps, so no panic message or location formatting is
# linked in (about 19 KB gzip before the first rows, 28 KB in all). A panic
# (a bug: no data path may panic) then reaches JavaScript as a
# `WebAssembly.RuntimeError`, which the element's safety net turns into
# the failure state (js/element.js). These are unstable compiler options,
# enabled on this pinned stable toolchain by RUSTC_BOOTSTRAP for this one
# build; the tests, the demo and the crate as a dependency build as usual.
# The linker is rust-lld through scripts/link-wasm.sh, which keeps an
# unused dependency's exports (and their code) out. LLVM inlines a little
# more than at opt-level "z" alone (threshold 15, not 5): measured, 1.5 KB
# gzip less in all and 1.2 KB less before the first rows once wasm-opt has
# run as below (0 and 25 gave more, 10 less gain).
RUSTC_BOOTSTRAP=1 \
  RUSTFLAGS="${RUSTFLAGS:-} -Clinker=$PWD/scripts/link-wasm.sh -Clink-args=--emit-relocs -Cllvm-args=-inline-threshold=15 -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none$remap" \
  cargo build -p callboard --lib --release --target wasm32-unknown-unknown --features split \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
rm -rf "$out" "$split" && mkdir -p "$out" "$split"
wasm-split-cli --target web --out-name callboard_wasm \
  target/wasm32-unknown-unknown/release/callboard.wasm "$split"
js="$split/js"
mkdir -p "$js"
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-dir "$js" --out-name callboard_wasm \
  "$split/callboard_wasm.wasm"
cp "$split"/__wasm_split.js js/element.js js/first-page.js js/callboard.js "$js/"
node scripts/slim-bindings.mjs "$js/callboard_wasm_bg.wasm" "$js/callboard_wasm.js"
# Each split point's module, and the chunks of code two or more of them
# share (loaded with whichever needs them first).
cp "$js"/callboard_wasm_bg.wasm "$split"/split_*.wasm "$out/"
if compgen -G "$split/chunk_*.wasm" >/dev/null; then cp "$split"/chunk_*.wasm "$out/"; fi
if [ -x node_modules/.bin/wasm-opt ]; then
  # DIST_NAMES=1 keeps the function names (for a CPU profile; `make bench`
  # with BENCH_ONLY=profile), at the cost of size.
  # Optimized until a pass gains nothing more (about 1 KB gzip over one
  # -Oz pass); no module keeps the producers and target-features
  # sections (build metadata). What counts is the compressed size, and
  # three options make the files larger or about the same raw but much
  # smaller compressed (measured on the four modules together, gzip -9):
  # - wasm-opt inlines a function called from one place whatever its
  #   size; this code is mostly Leptos's generic functions, compiled once
  #   per type in near-identical copies that compress to almost nothing
  #   as separate functions and stop being alike once inlined into their
  #   different callers. Inlining those only up to 20 bytes (and any
  #   function up to 4) took 339.6 KB to 310.8 KB.
  # - Functions sorted by (mangled) name, which puts the copies of one
  #   generic function side by side, inside the compressor's window:
  #   -3.1 KB.
  # - Constant address offsets folded into loads and stores, which is
  #   sound when no address wraps around into the first 1 KB of memory
  #   (Rust's pointers never do): -0.6 KB.
  for wasm in "$out"/*.wasm; do
    node_modules/.bin/wasm-opt --reorder-functions-by-name -Oz --converge \
      --one-caller-inline-max-function-size=20 --always-inline-max-function-size=4 \
      --low-memory-unused ${DIST_NAMES:+-g} --enable-bulk-memory \
      --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      --enable-reference-types --strip-producers --strip-target-features \
      "$wasm" -o "$wasm"
  done
else
  echo "dist: wasm-opt not found (run scripts/setup.sh); the wasm is not size-optimized" >&2
fi
cp js/element.d.ts js/callboard.d.ts "$out/"
# One module, minified (js/ keeps the readable sources): a page fetches
# callboard.js and then the wasm, instead of finding element.js, the glue
# and the chunk loader one import after another (that chain held the
# wasm's download back by about 60 ms on a cold load). `import.meta.url`
# still names callboard.js, so the wasm files load from beside it. Names a
# page uses (exports, the element's properties, events) are not renamed.
if [ ! -x node_modules/.bin/esbuild ]; then
  echo "dist: esbuild not found: run scripts/setup.sh" >&2
  exit 1
fi
# (wasm-bindgen's glue names `__wasm_split.js` once per split module in
# its imports object: the same module namespace each time, so esbuild's
# duplicate-key warning is silenced.)
bundle() {
  node_modules/.bin/esbuild "$js/$1" --bundle --minify --format=esm --target=es2022 \
    --log-level=warning --log-override:duplicate-object-key=silent --outfile="$2"
}
bundle callboard.js "$out/callboard.js"
mkdir -p "$split/npm"
bundle element.js "$split/npm/element.js"
# `.br` and `.gz` beside each file, for servers and CDNs that serve them.
node scripts/precompress.mjs "$out"
echo "dist: $(cd "$out" && ls | tr '\n' ' ')"
for f in "$out"/*.js "$out"/*.wasm; do
  printf '  %-28s %8d bytes, %7d gzip\n' "$(basename "$f")" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
