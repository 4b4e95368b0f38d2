package load

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/report"
)

// TestSiteConfigRoundTrip decodes the configuration of the root example
// and of a site with every part SiteConfig writes, encodes it, and decodes
// that: the configuration is the same, and encodes to the same bytes.
func TestSiteConfigRoundTrip(t *testing.T) {
	full := &SiteConfig{
		Comment: "Written by a test.", Organisation: "Test: Council", Title: "Report, quarterly", Language: "cy",
		BaseURL: "https://example.org/performance/", TableNote: "# not a comment",
		Accessibility: report.Accessibility{Compliance: "fully", Exceptions: []string{"Charts: see the tables", "- a dash"},
			ContactEmail: "a@example.org", ContactPhone: "020 7946 0000", ContactURL: "https://example.org/contact",
			ResponseDays: 10, Prepared: "2026-01-02", Reviewed: "2026-02-03", Tested: "2026-03-04"},
		Import: report.Import{Columns: map[string]string{"measure": "Ref", "status": "RAG: 1", "quarter": "null"}, HeaderRow: 3},
	}
	root, errs := Site(siteFrom(t, "../.."))
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	for _, c := range []*SiteConfig{full, ConfigOf(root)} {
		data := c.Encode()
		fsys := site(t, nil)
		fsys[siteFile] = &fstest.MapFile{Data: data}
		s, errs := Site(fsys)
		for _, d := range errs {
			if d.Pos.File == siteFile {
				t.Errorf("%v\n%s", d, data)
			}
		}
		want := *c
		want.Comment = ""
		got := ConfigOf(s)
		if diff := cmp.Diff(&want, got); diff != "" {
			t.Errorf("reads back otherwise (-encoded +read):\n%s\n%s", diff, data)
		}
		got.Comment = c.Comment
		if again := got.Encode(); string(again) != string(data) {
			t.Errorf("encodes otherwise the second time:\n%s\nthe first:\n%s", again, data)
		}
	}
}

// TestCatalogueEncode encodes a catalogue with every field Catalogue
// writes, nested themes too, and decodes it to the same measures.
func TestCatalogueEncode(t *testing.T) {
	c := &Catalogue{
		Themes: []CatalogueTheme{{ID: "homes", Title: "Homes: all", Themes: []CatalogueTheme{{ID: "repairs", Title: "Repairs"}}}, {ID: "work", Title: "Work"}},
		Measures: []CatalogueMeasure{
			{Comment: "Homes", ID: "homes-1", Number: "1", Theme: "repairs", Title: "% of repairs on time", Good: "higher", Unit: "%",
				Equalities: true, Cumulative: true, Definition: "Repairs: done", Why: "yes", Source: "Housing system",
				Frequency: "Quarterly", Owner: "Director, Housing", Caveats: "[none]", Codes: []string{"BV053", "LVE 009"},
				IDs: []report.ExternalID{{Scheme: "LG Inform", ID: "1234"}}},
			{Comment: "Work", ID: "work-1", Theme: "work", Title: "Time to answer calls", Good: "lower", Unit: "min:sec"},
		},
	}
	data := c.Encode()
	want := `themes:
  - id: homes
    title: 'Homes: all'
    themes:
      - id: repairs
        title: Repairs
  - id: work
    title: Work
measures:
  # Homes
  - id: homes-1
    number: "1"
    theme: repairs
    title: '% of repairs on time'
    good: higher
    unit: '%'
    equalities: true
    cumulative: true
    definition: 'Repairs: done'
    why: yes
    source: Housing system
    frequency: Quarterly
    owner: Director, Housing
    codes: [BV053, LVE 009]
    ids: {LG Inform: "1234"}
    caveats: '[none]'
  # Work
  - id: work-1
    theme: work
    title: Time to answer calls
    good: lower
    unit: min:sec
`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("encoded (-want +got):\n%s", diff)
	}
	fsys := site(t, nil)
	fsys[catalogueFile] = &fstest.MapFile{Data: data}
	delete(fsys, "data/quarters/2016-17-q2.yaml")
	s, errs := Site(fsys)
	for _, d := range errs {
		if d.Pos.File == catalogueFile {
			t.Errorf("%v", d)
		}
	}
	var got []CatalogueMeasure
	for _, m := range s.Measures {
		got = append(got, CatalogueMeasure{ID: m.ID, Number: m.Number, Theme: m.Theme.ID, Title: m.Title, Good: string(m.Good),
			Equalities: m.Equalities, Cumulative: m.Cumulative, Definition: m.Definition, Why: m.Why, Source: m.Source,
			Frequency: m.Frequency, Owner: m.Owner, Caveats: m.Caveats, Codes: m.Codes, IDs: m.IDs})
	}
	wantMeasures := []CatalogueMeasure{c.Measures[0], c.Measures[1]}
	for i := range wantMeasures {
		wantMeasures[i].Comment, wantMeasures[i].Unit = "", "" // the unit is the loader's to name
	}
	if diff := cmp.Diff(wantMeasures, got); diff != "" {
		t.Errorf("reads back otherwise (-encoded +read):\n%s", diff)
	}
	if len(s.Themes) != 2 || len(s.Themes[0].Children) != 1 || s.Themes[0].Title != "Homes: all" {
		t.Errorf("themes read back as %+v", s.Themes)
	}
}
