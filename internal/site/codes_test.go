package site

import (
	"slices"
	"strings"
	"testing"

	"scorecard/internal/render"
	"scorecard/internal/report"
	"scorecard/internal/search"
)

// TestSearchFindsCodes: a measure's reference codes are in its search
// document, so that a resident searching "BV053" or "LVE 009" finds it.
func TestSearchFindsCodes(t *testing.T) {
	th := &report.Theme{ID: "th", Address: "th", Title: "Theme"}
	m := &report.Measure{ID: "m-1", Address: "m-1", Title: "Homes built", Theme: th, Codes: []string{"BV053", "LVE 009"}}
	th.Measures = []*report.Measure{m}
	q := &report.Quarter{ID: report.QuarterOf(2016, 2), Rows: []*report.Row{{Measure: m}}}
	q.IndexRows()
	s := &report.Site{Themes: []*report.Theme{th}, Measures: []*report.Measure{m}, Quarters: []*report.Quarter{q}}
	r, err := render.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	docs := searchDocs(r, s)
	docs = slices.DeleteFunc(docs, func(d search.Doc) bool { return d.Kind == "page" }) // the corrections page, found with none
	if len(docs) != 1 || docs[0].Kind != "measure" {
		t.Fatalf("docs = %+v", docs)
	}
	for _, code := range m.Codes {
		if !slices.Contains(docs[0].Context, code) {
			t.Errorf("the measure's search context %q lacks %q", docs[0].Context, code)
		}
	}
	if ix := string(search.Index(docs)); !strings.Contains(ix, "bv053") || !strings.Contains(ix, "lve 009") {
		t.Errorf("the index holds no folded code:\n%s", ix)
	}
}
