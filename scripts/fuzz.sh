#!/usr/bin/env bash
# Fuzzes the parsers, transcript reader and request builder for a set time
# per target (not part of CI): scripts/fuzz.sh [seconds per target] [seed].
# Crashing inputs are saved under out/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
FUZZ_SECONDS=${1:-60} FUZZ_SEED=${2:-24301} \
  cargo test --release -p callboard --test fuzz -- --ignored --nocapture --test-threads=1 2>&1 | grep -E "fuzz [a-z-]+:|panicked|test result"
