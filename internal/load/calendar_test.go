package load

import (
	"strings"
	"testing"

	"scorecard/internal/report"
)

// TestReleases reads a monthly site's calendar, written out of order and
// before editions: says how editions are written: the releases come back
// as months of the site's year, in date order, each at its line.
func TestReleases(t *testing.T) {
	fsys := site(t, nil)
	fsys["data/site.yaml"].Data = []byte(`organisation: Test Council
title: Performance Report
accessibility: {contact_email: access@example.org, prepared: 2026-11-25}
releases:
  - {edition: 2017-01, date: 2017-02-15}
  - {edition: 2016-12, date: 2017-01-18}
editions: monthly
code_of_practice:
  trustworthiness: The figures are prepared by the *performance team*.
  quality: |
    Each figure is checked twice.
  value: Residents can download every figure.
  contact: performance@example.org
  prepared: 2026-12-01
`)
	q := fsys["data/quarters/2016-17-q2.yaml"]
	delete(fsys, "data/quarters/2016-17-q2.yaml")
	q.Data = []byte(strings.Replace(string(q.Data), "quarter: 2016-17 Q2", "month: 2016-11", 1))
	fsys["data/months/2016-11.yaml"] = q
	s, errs := Site(fsys)
	for _, e := range errs {
		if e.Pos.File == siteFile {
			t.Errorf("finding: %v", e)
		}
	}
	want := []struct {
		edition report.Period
		date    string
		line    int
	}{
		{report.MonthPeriodOf(2016, 12, report.FinancialYear), "2017-01-18", 6},
		{report.MonthPeriodOf(2017, 1, report.FinancialYear), "2017-02-15", 5},
	}
	if len(s.Releases) != len(want) {
		t.Fatalf("Releases = %+v; want %d", s.Releases, len(want))
	}
	for i, w := range want {
		r := s.Releases[i]
		if r.Edition != w.edition || r.Date != w.date || r.Pos.Line != w.line {
			t.Errorf("Releases[%d] = %s on %s at line %d; want %s on %s at line %d", i, r.Edition.Label(), r.Date, r.Pos.Line, w.edition.Label(), w.date, w.line)
		}
	}
	c := s.CodeOfPractice
	if c == nil {
		t.Fatal("CodeOfPractice is nil")
	}
	if c.Trustworthiness != "The figures are prepared by the *performance team*." || c.Quality != "Each figure is checked twice." ||
		c.Value != "Residents can download every figure." || c.Contact != "performance@example.org" || c.Prepared != "2026-12-01" || c.Reviewed != "" {
		t.Errorf("CodeOfPractice = %+v", *c)
	}
}
