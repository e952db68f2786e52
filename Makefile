# callboard: the two commands a new machine needs are `make demo` and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
WASM := --target wasm32-unknown-unknown

.PHONY: test demo setup lint unit browser build

## make test: install what is missing, then format check, clippy (native
## and wasm32), native tests and browser tests in headless Chromium.
test: setup lint unit browser

setup:
	@scripts/setup.sh test

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p callboard $(WASM) --all-targets -- -D warnings

unit:
	cargo test --workspace

browser:
	cargo test -p callboard $(WASM) --test browser --test components --test net

## make demo: for now builds the widget for wasm and the server; the demo
## page itself comes with the dev server.
demo:
	@scripts/setup.sh demo
	$(MAKE) build

build:
	cargo build -p callboard $(WASM) --release
	cargo build -p callboard-server --release
	@echo "built: target/wasm32-unknown-unknown/release/callboard.wasm and target/release/callboard-server"
