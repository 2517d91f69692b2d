# ratingsd: `make run` serves the embedded demo data on 127.0.0.1:8080, `make test` runs every test.
# Both install missing system packages first (scripts/install-deps.sh).

SWIFT ?= swift
# Zero warnings in our own code: the test build fails on any.
STRICT := -Xswiftc -warnings-as-errors

.PHONY: deps build release run test browser-test bench clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build $(STRICT)

release: deps
	$(SWIFT) build -c release

run: release
	.build/release/ratingsd

test: deps
	python3 scripts/validate-openapi.py
	$(SWIFT) build --build-tests $(STRICT)
	$(SWIFT) test --skip-build
	scripts/browser-test.sh

# The dashboard in headless Chromium (installed with apt-get when missing): consensus rows render,
# a rating arrives live over EventSource, screenshots land in .build/browser-test/.
browser-test:
	scripts/browser-test.sh

bench: release
	scripts/bench.sh
	scripts/bench-feed.sh
	scripts/bench-upstream.sh
	scripts/bench-sse.sh

clean:
	rm -rf .build
