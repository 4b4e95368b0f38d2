package sheet

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/dataset"
	"scorecard/internal/load"
	"scorecard/internal/report"
)

// TestRoundTripExample exports the example's Q2 2016/17 as the open data
// CSV, and as an XLSX workbook made from it, imports each into a copy of
// the site without that quarter, and checks that the site then holds the
// same scorecard: every row's cells and every note. A few periods and a
// note are given text a spreadsheet would run as a formula, which the
// export guards with a leading ' and the import must drop again.
func TestRoundTripExample(t *testing.T) {
	example, findings := load.Site(os.DirFS("../.."))
	if err := findings.Err(); err != nil {
		t.Fatalf("the example has errors:\n%v", err)
	}
	var orig *report.Quarter
	for _, q := range example.Quarters {
		if q.ID == q2 {
			orig = q
		}
	}
	if orig == nil {
		t.Fatal("the example has no 2016-17 Q2")
	}
	formulas := []string{"=SUM(A1:A2)", "- provisional, see note", "+cmd|' /C calc'!A0", "@risk", "-10%"}
	if len(orig.Rows) < len(formulas) {
		t.Fatalf("the example's 2016-17 Q2 has %d rows; the test wants at least %d", len(orig.Rows), len(formulas))
	}
	for i, f := range formulas {
		orig.Rows[i].Period = f
	}
	noted := false
	for _, r := range orig.Rows {
		if len(r.Notes) > 0 && !noted {
			r.Notes[0].Note.Text = "=HYPERLINK(\"https://evil.example/\")"
			noted = true
		}
	}
	if !noted {
		t.Fatal("the example's 2016-17 Q2 has no notes; the test wants one")
	}
	csvFile := filepath.Join(t.TempDir(), "2016-17-q2.csv")
	if err := os.WriteFile(csvFile, dataset.CSV(example, orig), 0o644); err != nil {
		t.Fatal(err)
	}
	xlsxFile := filepath.Join(t.TempDir(), "2016-17-q2.xlsx")
	if err := CSVToXLSX(csvFile, xlsxFile); err != nil {
		t.Fatal(err)
	}

	for _, file := range []string{csvFile, xlsxFile} {
		t.Run(filepath.Ext(file), func(t *testing.T) {
			dir := t.TempDir()
			for _, sub := range []string{"data", "content"} {
				if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("../..", sub))); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(dir, "data", "quarters", "2016-17-q2.yaml")
			if err := os.Remove(out); err != nil {
				t.Fatal(err)
			}
			without, _ := load.Site(os.DirFS(dir))
			sh, err := Open(file, "")
			if err != nil {
				t.Fatal(err)
			}
			q, probs := Import(sh, without, q2, without.Import)
			if probs != nil {
				t.Fatalf("Import:\n%v", probs)
			}
			if err := os.WriteFile(out, q.YAML(filepath.Base(file)), 0o644); err != nil {
				t.Fatal(err)
			}

			s, findings := load.Site(os.DirFS(dir))
			if err := findings.Err(); err != nil {
				t.Fatalf("the site with the imported quarter has errors:\n%v", err)
			}
			var got *report.Quarter
			for _, q := range s.Quarters {
				if q.ID == q2 {
					got = q
				}
			}
			if diff := cmp.Diff(cells(orig), cells(got)); diff != "" {
				t.Errorf("imported quarter (-original +imported):\n%s", diff)
			}
		})
	}
}

// cell is what a quarter publishes for one measure.
type cell struct {
	Measure, Target, Actual, Status, Period string
	Notes                                   []string // label: text
}

func cells(q *report.Quarter) []cell {
	var out []cell
	for _, r := range q.Rows {
		c := cell{Measure: r.Measure.ID, Target: r.Target.Raw, Actual: r.Actual.Raw, Period: r.Period}
		if r.Status != nil {
			c.Status = r.Status.Code
		}
		for _, n := range r.Notes {
			c.Notes = append(c.Notes, n.Label+": "+n.Note.Text)
		}
		out = append(out, c)
	}
	return out
}
