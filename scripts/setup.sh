#!/usr/bin/env bash
# Installs what callboard's builds and tests need, idempotently: each step
# checks first and is skipped when the right version is already there.
#
#   scripts/setup.sh test   # toolchain for `make test`
#   scripts/setup.sh demo   # plus Trunk for `make demo`
set -euo pipefail

TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than these machines have
GECKODRIVER_VERSION=0.37.1
WASM_SPLIT_VERSION=0.2.4       # wasm-split-cli: the call view's chunk (scripts/dist.sh)

export PATH="$HOME/.cargo/bin:$PATH"
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must be exactly the crate version Cargo.lock holds.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
what=${1:-test}

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# Rust: the wasm target and the lint components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# rust-src: the bundle's release build compiles the standard library itself
# (scripts/dist.sh), size-optimized and with panics as plain traps.
for component in rustfmt clippy rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

# wasm-bindgen CLI (and wasm-bindgen-test-runner), exactly the crate's version.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: the locked tree wants a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# wasm-split-cli cuts the bundle into the main module and the call view's
# chunk (the demo and the tests both build the bundle).
# (It has no --version; cargo's install list says which one is there.)
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
    --features build-binary --force
fi

# Chromium and its driver, and Firefox ESR, from Debian (never a browser
# download).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
# Firefox only for the tests (the demo needs no second browser).
[ "$what" = demo ] || command -v firefox-esr >/dev/null || missing+=(firefox-esr)
# Redis for the tests of proxy replicas sharing events (each test starts
# its own on a free loopback port; nothing runs as a service).
[ "$what" = demo ] || command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# geckodriver, the WebDriver server for Firefox (wasm-bindgen-test and the
# Firefox end-to-end smoke).
if [ "$what" != demo ] && [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 4 minutes)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION" --force
fi

# Node packages (Playwright, axe, binaryen), when the project has them.
if [ -f package-lock.json ]; then
  stamp=node_modules/.callboard-lock.sha256
  want=$(sha256sum package-lock.json | awk '{print $1}')
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing node packages"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
fi

if [ "$what" = demo ]; then
  if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 6 minutes)"
    cargo install --locked trunk --version "$TRUNK_VERSION" --force
  fi
fi

say "ready ($what)"
