# Pictures of the example site, to look at a change before it is published.
# Included from the Makefile.
#
#   make screenshots        builds the example into public/ and writes into
#                           screenshots/: a page of every kind (home, an
#                           edition, a theme, two measures, the measures
#                           index, print, search, about, accessibility, open
#                           data, corrections, 404, a chart to embed) at 1280 and 390 px wide (whole-page
#                           PNGs), and A4 PDFs of a theme page and of the
#                           quarter's print page, as Chromium prints them
#   make clean-screenshots  removes screenshots/
#
# The same site gives the same files (see cmd/screenshots).

SCREENSHOTS ?= screenshots

.PHONY: screenshots clean-screenshots

# The folder is emptied first, so that it holds only this run's pictures.
screenshots: browser
	$(MAKE) scorecard
	./scorecard build
	rm -rf $(SCREENSHOTS)
	$(GO) run ./cmd/screenshots -site public -out $(SCREENSHOTS)

clean-screenshots:
	rm -rf $(SCREENSHOTS)
