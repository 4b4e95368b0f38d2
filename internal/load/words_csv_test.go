package load_test

import (
	"bytes"
	"encoding/csv"
	"testing"
	"testing/fstest"

	"scorecard/internal/dataset"
	"scorecard/internal/load"
	"scorecard/internal/rag"
)

// Figure words reach the CSV as written, with no number, and the row's
// computed status is empty with the word's meaning as the reason.
func TestFigureWordsInCSV(t *testing.T) {
	fsys := fstest.MapFS{
		"data/site.yaml": {Data: []byte("organisation: Test Council\ntitle: Performance Report\naccessibility: {contact_email: access@example.org, prepared: 2026-11-25}\n" +
			"figure_words:\n  - {word: NYA, means: not yet available}\n  - {word: TBC, means: to be confirmed}\n")},
		"data/measures.yaml": {Data: []byte("themes:\n  - {id: homes, title: Homes}\nmeasures:\n" +
			"  - {id: homes-1, theme: homes, title: Homes built, good: higher, unit: count}\n" +
			"  - {id: homes-2, theme: homes, title: Repairs on time, good: higher, unit: \"%\"}\n")},
		"data/quarters/2016-17-q2.yaml": {Data: []byte("quarter: 2016-17 Q2\nmeasures:\n" +
			"  homes-1: {target: 100, actual: nya}\n  homes-2: {target: TBC, actual: 88%}\n")},
	}
	s, errs := load.Site(fsys)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	rag.Assess(s)
	records, err := csv.NewReader(bytes.NewReader(dataset.CSV(s))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	for _, want := range []map[string]string{
		{"measure": "homes-1", "target": "100", "actual": "nya", "actual_value": "", "computed_status": "", "computed_working": "no figure: not yet available (the actual is nya)"},
		{"measure": "homes-2", "target": "TBC", "actual": "88%", "target_value": "", "computed_status": "", "computed_working": "no figure: to be confirmed (the target is TBC)"},
	} {
		found := false
		for _, rec := range records[1:] {
			if rec[col["measure"]] != want["measure"] {
				continue
			}
			found = true
			for k, v := range want {
				i, ok := col[k]
				if !ok {
					t.Fatalf("the CSV has no column %q: %v", k, records[0])
				}
				if rec[i] != v {
					t.Errorf("%s: %s = %q; want %q", want["measure"], k, rec[i], v)
				}
			}
		}
		if !found {
			t.Errorf("no row for %s", want["measure"])
		}
	}
}
