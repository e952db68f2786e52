#!/usr/bin/env bash
# Builds the component gallery (the widget over in-memory demo data) into
# out/gallery and serves it on http://127.0.0.1:${PORT:-8091}/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --example gallery --target wasm32-unknown-unknown ${RELEASE:+--release}
profile=${RELEASE:+release}; profile=${profile:-debug}
rm -rf out/gallery && mkdir -p out/gallery
wasm-bindgen --target web --no-typescript --out-dir out/gallery \
  "target/wasm32-unknown-unknown/$profile/examples/gallery.wasm"
cat > out/gallery/index.html <<'HTML'
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>callboard gallery</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; background: #eef1f5; } body.dark { background: #0b0d10; }</style>
<script type="module">
  if (new URLSearchParams(location.search).get("theme") === "dark") document.body.classList.add("dark");
  import init from "./gallery.js"; init();
</script>
</head><body></body></html>
HTML
if [ "${SERVE:-1}" = 1 ]; then
  echo "gallery on http://127.0.0.1:${PORT:-8091}/"
  exec python3 -m http.server "${PORT:-8091}" --bind 127.0.0.1 --directory out/gallery
fi
