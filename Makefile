# Scorecard's tasks. `make site` builds the example into public/;
# `make test` runs every test.

GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
GOFMT ?= $(dir $(GO))gofmt
export GOFLAGS ?= -mod=readonly

.PHONY: site test scorecard vet fmt-check fuzz-smoke clean

# The binary is always rebuilt; go's cache makes that cheap.
scorecard:
	$(GO) build -o scorecard ./cmd/scorecard

site: scorecard
	./scorecard build

# The fuzz smoke runs first so that go test's summary closes the output.
test: fmt-check vet fuzz-smoke
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$($(GOFMT) -l cmd internal); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

# A short run of each fuzz target: enough to catch a panic on new inputs.
fuzz-smoke:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=10s ./internal/value

clean:
	rm -rf public scorecard
