package dataset

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/report"
)

// TestMeasureMetadata: a measure's metadata is in the CSV's last columns,
// lists as one cell separated by "; ", empty for a measure without it; in
// the JSON catalogue, codes are an array and ids an object, left out when
// there are none; and the Data Package describes every column.
func TestMeasureMetadata(t *testing.T) {
	th := &report.Theme{ID: "th", Address: "th", Title: "Theme"}
	full := &report.Measure{ID: "m-1", Address: "m-1", Title: "Homes built", Theme: th, Good: report.Higher, Unit: report.BuiltinUnit("count"),
		Why: "Families need homes.", Source: "Building control", Frequency: "Quarterly", Owner: "Director of Housing",
		Codes: []string{"BV053", "LVE 009"}, IDs: []report.ExternalID{{Scheme: "LG Inform", ID: "1234"}, {Scheme: "ONS", ID: "0042"}},
		Caveats: "=Counts completions, not starts."}
	bare := &report.Measure{ID: "m-2", Address: "m-2", Title: "Repairs", Theme: th, Good: report.Higher, Unit: report.BuiltinUnit("%"), Index: 1}
	th.Measures = []*report.Measure{full, bare}
	q := &report.Quarter{ID: report.QuarterOf(2016, 2), Rows: []*report.Row{{Measure: full}, {Measure: bare}}}
	q.IndexRows()
	s := &report.Site{Title: "Site", Organisation: "Council", Themes: []*report.Theme{th}, Measures: []*report.Measure{full, bare}, Quarters: []*report.Quarter{q}}

	recs, err := csv.NewReader(bytes.NewReader(CSV(s))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	meta := []string{"codes", "ids", "source", "frequency", "owner", "caveats"}
	at := slices.Index(recs[0], "codes")
	if at < 0 || !cmp.Equal(recs[0][at:at+len(meta)], meta) {
		t.Fatalf("the columns are %q; want %q together", recs[0], meta)
	}
	last := func(rec []string) []string { return rec[at : at+len(meta)] }
	want := []string{"BV053; LVE 009", "LG Inform: 1234; ONS: 0042", "Building control", "Quarterly", "Director of Housing", "'=Counts completions, not starts."}
	if diff := cmp.Diff(want, last(recs[1])); diff != "" {
		t.Errorf("m-1's metadata cells (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(make([]string, len(meta)), last(recs[2])); diff != "" {
		t.Errorf("m-2's metadata cells (-want +got):\n%s", diff)
	}

	var doc struct {
		Measures []map[string]any `json:"measures"`
	}
	if err := json.Unmarshal(JSON(s), &doc); err != nil {
		t.Fatal(err)
	}
	wantJSON := map[string]any{"id": "m-1", "theme": "th", "title": "Homes built", "good": "higher", "unit": "count", "equalities": false,
		"why": "Families need homes.", "source": "Building control", "frequency": "Quarterly", "owner": "Director of Housing",
		"codes": []any{"BV053", "LVE 009"}, "ids": map[string]any{"LG Inform": "1234", "ONS": "0042"},
		"caveats": "=Counts completions, not starts."}
	if diff := cmp.Diff(wantJSON, doc.Measures[0]); diff != "" {
		t.Errorf("m-1 in the JSON (-want +got):\n%s", diff)
	}
	for _, k := range []string{"why", "source", "frequency", "owner", "codes", "ids", "caveats"} {
		if _, ok := doc.Measures[1][k]; ok {
			t.Errorf("m-2 in the JSON has %q: %v", k, doc.Measures[1])
		}
	}

	pkg := string(Package(s))
	for _, c := range meta {
		if !strings.Contains(pkg, `"name": "`+c+`"`) {
			t.Errorf("datapackage.json does not describe the column %q", c)
		}
	}
}
