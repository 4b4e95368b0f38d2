package sheet

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/load"
)

// tricky holds cells that YAML would read differently if written plain.
const tricky = `
measure,target,actual,status,period,notes
work-1,01:30,02:31,HR,,Note 2: Estimated
homes-1,"1,059",33,,null,Note 1
homes-2,[60%],42.5% (62/146),No survey this qtr,Apr 15 to Mar 16,"1, 3"
homes-3,-,£125,,#1,
work-2,,,,"yes: really",
`

func TestYAML(t *testing.T) {
	q, errs := Import(csvSheet(t, tricky), testSite(t), q2, Config{})
	if errs != nil {
		t.Fatal(errs)
	}
	want := `# Imported from scores.csv by scorecard import.
quarter: 2016-17 Q2
measures:
  # Homes
  homes-1: {target: '1,059', actual: "33", period: "null", notes: [1]}
  homes-2: {target: '[60%]', actual: 42.5% (62/146), status: No survey this qtr, period: Apr 15 to Mar 16, notes: [1, 3]}
  homes-3: {target: '-', actual: £125, period: '#1'}
  # Work
  work-1: {target: '01:30', actual: '02:31', status: HR, notes: [2]}
  work-2: {period: 'yes: really'}
notes:
  # The sheet gives no text for these notes: add text: as the report
  # prints it, or leave them without text.
  - {theme: homes, labels: [1, 3]}
  - {theme: work, labels: [2], text: Estimated}
`
	got := string(q.YAML("scores.csv"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("YAML (-want +got):\n%s", diff)
	}

	// The loader reads back every cell as the sheet showed it, and accepts
	// the notes without text as a report may publish them.
	fsys := siteFS(t)
	fsys["data/quarters/2016-17-q2.yaml"] = &fstest.MapFile{Data: []byte(got)}
	s, findings := load.Site(fsys)
	if findings.HasErrors() {
		t.Errorf("loading the imported file: %v", findings.Err())
	}
	loaded := s.Quarters[len(s.Quarters)-1]
	if len(loaded.Rows) != len(q.Rows) {
		t.Fatalf("loaded %d rows, imported %d", len(loaded.Rows), len(q.Rows))
	}
	for i, r := range q.Rows {
		lr := loaded.Rows[i]
		status := ""
		if lr.Status != nil {
			status = lr.Status.Code
		}
		if lr.Measure.ID != r.Measure.ID || lr.Target.Raw != r.Target || lr.Actual.Raw != r.Actual || status != r.Status || lr.Period != r.Period {
			t.Errorf("loaded %s {%q %q %q %q}, imported %s {%q %q %q %q}", lr.Measure.ID, lr.Target.Raw, lr.Actual.Raw, status, lr.Period,
				r.Measure.ID, r.Target, r.Actual, r.Status, r.Period)
		}
	}
}

// TestYAMLComments keeps each comment on its line, whatever the file's
// name or a theme's title holds.
func TestYAMLComments(t *testing.T) {
	s := testSite(t)
	s.Themes[0].Title = "Homes\rand\u2028more\x01"
	q, errs := Import(csvSheet(t, "measure,target,actual,status\nhomes-1,1,2,HG\n"), s, q2, Config{})
	if errs != nil {
		t.Fatal(errs)
	}
	got := string(q.YAML("a\nquarter: 2016-17 Q3.csv"))
	want := "# Imported from a quarter: 2016-17 Q3.csv by scorecard import.\nquarter: 2016-17 Q2\nmeasures:\n  # Homes and more \n  homes-1: {target: \"1\", actual: \"2\", status: HG}\n"
	if got != want {
		t.Errorf("YAML:\n%q\nwant:\n%q", got, want)
	}
}
