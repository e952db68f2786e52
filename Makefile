# callboard: the two commands a new machine needs are `make demo` and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
WASM := --target wasm32-unknown-unknown

.PHONY: test demo setup lint unit browser build gallery

## make test: install what is missing, then format check, clippy (native
## and wasm32), native tests and browser tests in headless Chromium.
test: setup lint unit browser

setup:
	@scripts/setup.sh test

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	cargo clippy -p callboard $(WASM) --all-targets --all-features -- -D warnings

unit:
	cargo test --workspace --all-features

browser:
	cargo test -p callboard $(WASM) --test browser --test components --test net

## make demo: for now builds the widget for wasm and the server; the demo
## page itself comes with the dev server. `make gallery` serves the widget
## over in-memory demo data meanwhile.
demo:
	@scripts/setup.sh demo
	$(MAKE) build

build:
	cargo build -p callboard $(WASM) --release
	cargo build -p callboard-server --release
	@echo "built: target/wasm32-unknown-unknown/release/callboard.wasm and target/release/callboard-server"

gallery:
	@scripts/setup.sh test
	scripts/gallery.sh
