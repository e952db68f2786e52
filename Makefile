# callboard: the two commands a new machine needs are `make demo` and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
WASM := --target wasm32-unknown-unknown

.PHONY: test demo setup lint unit browser browser-chromium browser-firefox e2e size dist npm gallery bench bench-proxy

## make test: install what is missing, then format check, clippy (native
## and wasm32), native tests, browser tests (wasm-bindgen-test in headless
## Chromium and Firefox ESR) and the end-to-end suite (Playwright in
## Chromium against the dev server, the script-tag bundle and the npm
## package in a Vite app; a WebDriver smoke of the script-tag widget in
## Firefox), then the bundle size budget.
test: setup lint unit browser e2e size

setup:
	@scripts/setup.sh test

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	cargo clippy -p callboard $(WASM) --all-targets --all-features -- -D warnings

unit:
	cargo test --workspace --all-features
	node --test tests/first_page.test.mjs tests/exports.test.mjs tests/manifest.test.mjs

## The browser tests run in Chromium and in Firefox ESR. The runner takes
## the driver named by CHROMEDRIVER or GECKODRIVER, and the browsers'
## options from webdriver.json (media may play without a user gesture, as
## after the click a test stands in for); its timeout covers a whole test
## binary (Firefox's software rendering is the slower).
BROWSER_TESTS := --test browser --test components --test net --test memory --test options
export WASM_BINDGEN_TEST_TIMEOUT ?= 180

browser: browser-chromium browser-firefox

browser-chromium:
	cargo test -p callboard $(WASM) $(BROWSER_TESTS)

browser-firefox:
	env -u CHROMEDRIVER GECKODRIVER=$$(command -v geckodriver) \
		GECKODRIVER_ARGS="--binary /usr/bin/firefox-esr" \
		cargo test -p callboard $(WASM) $(BROWSER_TESTS)

e2e:
	scripts/e2e.sh

## The size budget: gzip total of dist/ under the ceiling in size-budget.json.
size:
	@[ -f dist/callboard_wasm_bg.wasm ] || scripts/dist.sh
	node --test tests/size_budget.test.mjs

## make demo: the dev server (mock providers) on :8787 and `trunk serve` for
## the demo page on http://127.0.0.1:8080/.
demo:
	@scripts/setup.sh demo
	scripts/demo.sh

## make dist: the script-tag bundle in dist/ (dist/callboard.js is the file
## a page includes).
dist:
	@scripts/setup.sh test
	scripts/dist.sh

## make npm: the npm package in pkg/ (`cd pkg && npm pack`).
npm: dist
	scripts/npm.sh

## make gallery: the widget over in-memory demo data, on :8091.
gallery:
	@scripts/setup.sh test
	scripts/gallery.sh

## make bench: size, rendering, playback-following, request and memory
## figures of the script-tag widget in headless Chromium (table on stdout,
## JSON in out/bench.json; BENCH_RUNS=20 runs per timed figure).
bench:
	@scripts/setup.sh test
	scripts/bench.sh

## make bench-proxy: the reference proxy (release build, its own process)
## in front of a fake upstream with realistic latency and sizes: 20,000
## requests by 200 clients direct and through it, then faults beside
## ordinary traffic, then 2,000 event streams under 100 webhooks a second
## and two replicas on a Redis (redis-server, started on a free port) with
## one killed; throughput, added latency, memory, descriptors and every
## client's answer (table on stdout, JSON in out/bench-proxy.json).
## About four minutes, 127.0.0.1 only; fails when a check fails.
bench-proxy:
	@scripts/setup.sh test
	cargo build -q --release -p callboard-server --bin callboard-server --example bench-proxy
	ulimit -n 65536 2>/dev/null || true; ./target/release/examples/bench-proxy
