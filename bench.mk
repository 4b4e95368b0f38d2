# Performance: how long Scorecard takes to build sites of growing size,
# against the floor (the same files written by a plain Go program) and
# against Hugo making the same measure and theme pages. Included from the
# Makefile.
#
#   make bench        the example, then 1,000, 10,000 and 40,000 measures
#                     (8 themes, 40 quarters each), in /dev/shm when it is
#                     writable; prints the tables at the end: full builds
#                     (with -full when scorecard has it), CPU time, floor,
#                     rebuilds after a one-sentence narrative edit, peak
#                     memory and memory per page, edit-to-reload, and Hugo
#                     on equal pages with both sites' page sizes by kind.
#                     Each size has 10 minutes for Scorecard and 5 for
#                     Hugo, the whole run 45; a size
#                     that fails or runs out of time or memory is reported
#                     as failed, and runs that do not fit are cut (the
#                     table says how many were made). Installs Debian's
#                     time and hugo packages when they are missing and it
#                     runs as root.
#   make bench-quick  the example and 1,000 measures, without Hugo
#
# BENCH_FLAGS passes more flags to the harness (go run ./bench -help lists
# them), such as BENCH_FLAGS='-sizes 1000,10000 -budget 5m'.

BENCH_FLAGS ?=

.PHONY: bench bench-quick

bench:
	$(MAKE) scorecard
	$(GO) run ./bench -go $(GO) -scorecard ./scorecard $(BENCH_FLAGS)

bench-quick:
	$(MAKE) scorecard
	$(GO) run ./bench -go $(GO) -scorecard ./scorecard -sizes 1000 -hugo=false $(BENCH_FLAGS)

# The pages as a resident's phone meets them: Google Lighthouse (pinned in
# bench/lighthouse/package.json, installed there, apart from the test
# tools), mobile preset, on the example's home page, a theme page, the
# measure page with the longest history and the measures index, served
# with gzip and the strict Content-Security-Policy (go run ./bench/lighthouse
# -help). Prints the median of three runs per page and fails when a page
# misses a target: performance 0.95, accessibility, best practices and SEO
# 1.0, total blocking time under 200 ms, at most 100 KB of script.
# LIGHTHOUSE_FLAGS passes more flags, such as LIGHTHOUSE_FLAGS='-runs 5'.
LIGHTHOUSE_FLAGS ?=
LIGHTHOUSE := bench/lighthouse/node_modules/lighthouse/cli/index.js

.PHONY: lighthouse

$(LIGHTHOUSE): bench/lighthouse/package.json bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund
	@touch $@

lighthouse: browser $(LIGHTHOUSE) site
	$(GO) run ./bench/lighthouse -site public $(LIGHTHOUSE_FLAGS)
