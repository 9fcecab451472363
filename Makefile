# PlanSite: `make site` builds the site from Content/ into Public/; `make test` runs every test.
# Both install the Debian packages they need when they are missing (as root, or with sudo).

SWIFT      ?= swift
CONFIG     ?= release
PLANSITE    = .build/$(CONFIG)/plansite
BUILD_DEPS  = libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev pkg-config
# command:package pairs the tests need; a command already on PATH is not reinstalled.
TEST_TOOLS  = chromium:chromium node:nodejs python3:python3
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site build test fuzz bench deps test-deps serve watch clean

site: build
	$(PLANSITE) build --content Content --templates Templates --output Public

build: deps
	$(SWIFT) build -c $(CONFIG) --product plansite

# Swift tests, builds killed part-way, `plansite watch` driven by saved files, the search code under node's test runner, the search page in
# headless Chromium, and pages built from script-injection attempts in the same browser.
test: deps test-deps
	$(SWIFT) test
	$(SWIFT) build --product plansite
	python3 Tests/cli/interrupted_build_test.py
	python3 Tests/cli/watch_test.py
	node --test Tests/js
	python3 Tests/browser/search_test.py
	python3 Tests/browser/injection_test.py

# The fuzz tests of `make test` with a longer budget: FUZZ_ITERATIONS mutations of each real plan
# and four times as many random plans. The input being tried is kept in .build/fuzz/, so one that
# crashes the test process can be turned into a regression test.
FUZZ_ITERATIONS ?= 2000
fuzz: deps
	@mkdir -p .build/fuzz
	PLANSITE_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) PLANSITE_FUZZ_INPUTS=$(CURDIR)/.build/fuzz $(SWIFT) test --filter FuzzTests \
	  || { echo "The inputs being tried when it stopped are in .build/fuzz/"; exit 1; }

# Installs only what is missing, so a machine that has everything never needs root.
deps:
	@command -v $(SWIFT) >/dev/null || { echo "Swift is not installed: get the toolchain from swift.org (see README)"; exit 1; }
	@missing=""; for p in $(BUILD_DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Generated corpora of 1,000 and 10,000 plans; PlanSite beside Hugo and Pagefind (see docs/PERFORMANCE.md).
bench: build test-deps
	@command -v hugo >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo; }
	@python3 -c "import pagefind_bin" 2>/dev/null || python3 -m pip install --quiet pagefind-bin
	python3 bench/bench.py $(SIZES)

test-deps:
	@missing=""; for pair in $(TEST_TOOLS); do command -v $${pair%%:*} >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

serve: site
	python3 -m http.server --directory Public 8000

# What a writer leaves running while editing plans: serves the site on http://localhost:8000/ and
# builds it again whenever a file in Content/ or Templates/ is saved. Ctrl-C stops both.
watch: build
	@python3 -m http.server --directory Public 8000 >/dev/null 2>&1 & server=$$!; trap "kill $$server" EXIT INT TERM; \
	echo "Serving Public/ on http://localhost:8000/"; \
	$(PLANSITE) watch --content Content --templates Templates --output Public

clean:
	rm -rf .build Public
