# Scorecard's tasks. `make site` builds the example into public/,
# installing only what building needs (ECharts); `make test` runs every
# test, installing the test tools too (axe-core, the Nu HTML Checker,
# Chromium, Java, poppler-utils).

GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
GOFMT ?= $(dir $(GO))gofmt
export GOFLAGS ?= -mod=readonly

.PHONY: site test scorecard assets test-tools browser java poppler vet fmt-check fuzz-smoke race clean

ECHARTS := internal/assets/third_party/echarts.common.min.js

# The binary is always rebuilt; go's cache makes that cheap. It embeds
# ECharts, so it needs the assets first.
scorecard: assets
	$(GO) build -o scorecard ./cmd/scorecard

# ECharts comes from npm, pinned by package-lock.json; the binary embeds it.
# Building needs nothing else, so this installs the dependencies alone,
# not the devDependencies (the test tools).
assets: $(ECHARTS)

node_modules/echarts/dist/echarts.common.min.js: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund
	@touch $@

# The browser tests' tools from npm, the package.json devDependencies:
# axe-core and vnu-jar (the Nu HTML Checker, 31 MB), which internal/e2e
# reads from node_modules. npm ci empties node_modules before it installs,
# so the stamp lives inside it: an install without the tools (make assets
# after package-lock.json changes) deletes the stamp, and the next make
# test installs them again. The assets come first (order only), so that
# the two installs never run at once under make -j; npm's cache makes the
# second one quick.
TEST_TOOLS := node_modules/.scorecard-test-tools

test-tools: $(TEST_TOOLS)

$(TEST_TOOLS): package.json package-lock.json | $(ECHARTS)
	npm ci --no-audit --no-fund
	@touch $@

$(ECHARTS): node_modules/echarts/dist/echarts.common.min.js
	cp $< $@

# Headless Chromium for the browser tests, and Java for the Nu HTML Checker
# (Debian's packages, installed when missing and running as root;
# otherwise they say how).
browser:
	bash .ci/install-chromium

java:
	bash .ci/install-java

# poppler-utils (pdfinfo, pdftotext, pdftohtml), with which the tests read
# back the committee pack's PDF (internal/e2e/pdf_test.go); Debian's
# package, installed like Chromium.
poppler:
	bash .ci/install-poppler

site: scorecard
	./scorecard build

# The fuzz smoke runs first so that go test's summary closes the output.
test: assets test-tools browser java poppler fmt-check vet fuzz-smoke race
	$(GO) test -count=1 ./...

# The packages that run work in parallel, under the race detector: the
# build's jobs, the loader's quarter files, the atomic swap's lock, the preview
# server's requests.
race:
	$(GO) test -race -count=1 ./internal/parallel ./internal/load ./internal/site ./internal/publish ./internal/serve

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$($(GOFMT) -l cmd internal); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

# A short run of each fuzz target: thousands of new inputs each. A run
# starts from the target's seeds and testdata/fuzz/ alone, with a cache of
# its own for what it finds (go's shared cache grows with every run, and
# replaying it would take the whole run), and does not shrink what it finds
# (-fuzzminimizetime=0), which would take the run over too; an input that
# fails is still written to testdata/fuzz/, as found. Each run is a count
# of inputs, not a time: the work is the same on a busy machine, and Go
# 1.26's fuzzer can fail a timed run with "context deadline exceeded" as
# its time ends (golang/go#75804, fixed in 1.27).
FUZZ_CACHE = $(or $(TMPDIR),/tmp)/scorecard-fuzz-$(shell echo $$PPID)
FUZZ_SMOKE = -fuzzminimizetime=0 -args -test.fuzzcachedir=$(FUZZ_CACHE)
fuzz-smoke:
	$(GO) test -run='^$$' -fuzz='^FuzzSame$$' -fuzztime=100000x ./internal/fastyaml $(FUZZ_SMOKE)
	$(GO) test -run='^$$' -fuzz='^FuzzPlainTag$$' -fuzztime=100000x ./internal/fastyaml $(FUZZ_SMOKE)
	$(GO) test -run='^$$' -fuzz='^FuzzFrontMatter$$' -fuzztime=40000x ./internal/load $(FUZZ_SMOKE)
	$(GO) test -run='^$$' -fuzz='^FuzzLoadQuarter$$' -fuzztime=20000x ./internal/load $(FUZZ_SMOKE)
	$(GO) test -run='^$$' -fuzz='^FuzzMarkdown$$' -fuzztime=10000x ./internal/load $(FUZZ_SMOKE)
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=100000x ./internal/value $(FUZZ_SMOKE)
	$(GO) test -run='^$$' -fuzz='^FuzzSite$$' -fuzztime=3000x ./internal/site $(FUZZ_SMOKE)
	$(GO) test -run='^$$' -fuzz='^FuzzImportRoundTrip$$' -fuzztime=20000x ./internal/sheet $(FUZZ_SMOKE)
	rm -rf $(FUZZ_CACHE)

clean:
	rm -rf public scorecard node_modules bench/lighthouse/node_modules $(ECHARTS) $(SCREENSHOTS)

include screenshots.mk
include bench.mk
