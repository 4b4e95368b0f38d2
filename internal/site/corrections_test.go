package site

import (
	"strings"
	"testing"

	"scorecard/internal/render"
	"scorecard/internal/report"
)

// TestSearchFindsCorrections: search finds the corrections page, and each
// correction at its entry on it, by its measure, edition and reason.
func TestSearchFindsCorrections(t *testing.T) {
	th := &report.Theme{ID: "th", Address: "th", Title: "Theme"}
	m := &report.Measure{ID: "m-1", Address: "m-1", Title: "Homes built", Theme: th}
	th.Measures = []*report.Measure{m}
	row := &report.Row{Measure: m}
	q := &report.Quarter{ID: report.QuarterOf(2016, 2), Rows: []*report.Row{row}}
	c := &report.Correction{Measure: m, Field: "actual", From: "44", To: "46", Date: "2016-11-30", Why: "Late returns were counted."}
	row.Corrections, q.Corrections = []*report.Correction{c}, []*report.Correction{c}
	q.IndexRows()
	s := &report.Site{Themes: []*report.Theme{th}, Measures: []*report.Measure{m}, Quarters: []*report.Quarter{q}}
	r, err := render.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	var page, entry bool
	for _, d := range searchDocs(r, s) {
		switch d.URL {
		case render.CorrectionsPath:
			page = d.Title == "Corrections"
		case render.CorrectionsPath + "#c-2016-17-q2-m-1-actual":
			entry = d.Kind == "correction" && d.Title == "Homes built: Actual corrected" && d.Text == c.Why &&
				strings.Contains(strings.Join(d.Context, " | "), "Q2 2016/17 | Corrected on 30 November 2016: was 44")
			if !entry {
				t.Errorf("the correction's search document is %+v", d)
			}
		}
	}
	if !page || !entry {
		t.Errorf("search finds the page: %v, the correction: %v; want both", page, entry)
	}
}
