#!/usr/bin/env bash
# Lays out the end-to-end site in out/e2e: the bundle under /dist and the
# test pages under /pages (served by `callboard-server serve --static`).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/callboard.js ] || scripts/dist.sh
rm -rf out/e2e && mkdir -p out/e2e
cp -r dist out/e2e/dist
cp -r tests/e2e/pages out/e2e/pages
