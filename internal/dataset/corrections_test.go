package dataset

import (
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"scorecard/internal/report"
)

// TestCorrectionsCSV checks data/corrections.csv: a header, then a row
// per correction, newest edition first and each edition's in the order
// written, every cell as given but for one a spreadsheet would run.
func TestCorrectionsCSV(t *testing.T) {
	m := &report.Measure{ID: "BBH-5", Address: "bbh-5", Title: "Tenant satisfaction"}
	q1 := &report.Quarter{ID: report.QuarterOf(2016, 1)}
	q2 := &report.Quarter{ID: report.QuarterOf(2016, 2)}
	q1.Corrections = []*report.Correction{
		{Measure: m, Field: "actual", From: "44%", To: "46%", Date: "2016-11-30", Why: "Late survey returns were counted."},
		{Measure: m, Field: "target", From: "-10%", To: "", Date: "2016-12-01", Why: "=HYPERLINK(\"x\"), a formula"},
	}
	q2.Corrections = []*report.Correction{
		{Measure: m, Field: "status", From: "", To: "HG", Date: "2016-12-02", Why: "The status, \"quoted\",\nwas left out."},
	}
	s := &report.Site{Quarters: []*report.Quarter{q1, q2}}
	recs, err := csv.NewReader(strings.NewReader(string(CorrectionsCSV(s)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"quarter", "measure", "title", "field", "from", "to", "date", "why"},
		{"2016-17 Q2", "BBH-5", "Tenant satisfaction", "status", "", "HG", "2016-12-02", "The status, \"quoted\",\nwas left out."},
		{"2016-17 Q1", "BBH-5", "Tenant satisfaction", "actual", "44%", "46%", "2016-11-30", "Late survey returns were counted."},
		{"2016-17 Q1", "BBH-5", "Tenant satisfaction", "target", "-10%", "", "2016-12-01", "'=HYPERLINK(\"x\"), a formula"},
	}
	if !slices.EqualFunc(recs, want, slices.Equal) {
		t.Errorf("corrections.csv =\n%q\nwant\n%q", recs, want)
	}
	if b := CorrectionsCSV(&report.Site{Quarters: []*report.Quarter{q2}}); !strings.HasSuffix(string(b), "\r\n") || strings.Count(string(b), "\r\n") != 3 {
		// the header, and one record whose why holds a line break
		t.Errorf("lines do not end in CRLF: %q", b)
	}
	if b := string(CorrectionsCSV(&report.Site{Quarters: []*report.Quarter{{ID: report.QuarterOf(2016, 1)}}})); b != "quarter,measure,title,field,from,to,date,why\r\n" {
		t.Errorf("with no corrections, corrections.csv = %q; want the header alone", b)
	}
}

// TestCorrectionsPackage checks that datapackage.json describes
// corrections.csv with its own schema, column by column.
func TestCorrectionsPackage(t *testing.T) {
	s := &report.Site{Organisation: "Test Council", Title: "Report", Quarters: []*report.Quarter{{ID: report.QuarterOf(2016, 1)}}}
	var pkg struct {
		Resources []struct {
			Name, Path, Format string
			Schema             *struct {
				Fields []struct{ Name, Type, Description string }
			}
		}
	}
	if err := json.Unmarshal(Package(s), &pkg); err != nil {
		t.Fatal(err)
	}
	for _, res := range pkg.Resources {
		if res.Name != "corrections" {
			continue
		}
		if res.Path != "corrections.csv" || res.Format != "csv" || res.Schema == nil {
			t.Fatalf("the corrections resource is %+v", res)
		}
		var names []string
		for _, f := range res.Schema.Fields {
			names = append(names, f.Name)
			if f.Description == "" || f.Type == "" {
				t.Errorf("field %s has no type or description", f.Name)
			}
		}
		if want := []string{"quarter", "measure", "title", "field", "from", "to", "date", "why"}; !slices.Equal(names, want) {
			t.Errorf("the corrections' fields are %v; want %v", names, want)
		}
		return
	}
	t.Error("datapackage.json has no corrections resource")
}
