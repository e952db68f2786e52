#!/usr/bin/env bash
# The bundle's linker (scripts/dist.sh passes it with -Clinker): rust-lld,
# without exporting wasm-streams' `IntoUnderlying*` classes.
#
# Leptos always builds server_fn with its browser client, and with it
# wasm-streams, whose classes are `#[wasm_bindgen]` exports. callboard
# never calls a server function, but an export is a root the linker
# keeps, with everything it reaches (stream adapters, futures, their
# vtables in the function table): about 3.5 KB gzip before the first rows.
# Not exported, the linker drops them. wasm-bindgen still writes their
# JavaScript classes, which scripts/slim-bindings.mjs removes.
#
# rustc runs the linker with its own tool directory on PATH, so rust-lld
# is found there.
set -euo pipefail
args=()
dropped=0
export_next=0
for arg in "$@"; do
  if [ "$export_next" = 1 ]; then
    export_next=0
    case "$arg" in
      *intounderlying*)
        # Drop this name and the `--export` before it.
        unset 'args[${#args[@]}-1]'
        dropped=$((dropped + 1))
        continue
        ;;
    esac
  elif [ "$arg" = --export ]; then
    export_next=1
  fi
  args+=("$arg")
done
if [ "$dropped" = 0 ]; then
  echo "link-wasm.sh: no wasm-streams exports to drop (did rustc pass its exports in a response file, or Leptos stop using wasm-streams?): update this script" >&2
  exit 1
fi
exec rust-lld "${args[@]}"
