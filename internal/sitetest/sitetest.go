// Package sitetest loads the small sites that tests of several packages
// share, such as the site of a command's testscript, so that each is
// written once, and holds the looks at an output folder that the tests of
// site and publish share (Tree, NoLeftovers).
package sitetest

import (
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"scorecard/internal/load"
	"scorecard/internal/rag"
	"scorecard/internal/report"
)

// Series is the path, from a package folder under internal/, of the
// testscript whose site has further targets (an annual target, a target
// for 2018-19) and two comparators.
const Series = "../../cmd/scorecard/testdata/script/series.txtar"

// Breaks is the path, from a package folder under internal/, of the
// testscript whose site has a method change in a measure's series (from
// 2016-17 Q1, in homes-1) and year-end forecasts in 2016-17 Q2.
const Breaks = "../../cmd/scorecard/testdata/script/breaks.txtar"

// Load loads the site held in the txtar archive at path (its files that
// are not the script's, laid out as a site folder) and assesses it, as a
// build does. It fails the test when the site has errors.
func Load(tb testing.TB, path string) *report.Site {
	tb.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	s, errs := load.Site(fsys)
	if errs.HasErrors() {
		tb.Fatalf("%s: %v", path, errs)
	}
	rag.Assess(s)
	return s
}
