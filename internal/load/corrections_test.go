package load

import (
	"testing"
	"testing/fstest"

	"scorecard/internal/diag"
)

// A correction goes on its quarter and on the row it corrects, with its
// place; one of a row no longer in the file goes on the quarter alone.
func TestCorrectionsRead(t *testing.T) {
	fsys := site(t, nil)
	fsys["data/quarters/2016-17-q2.yaml"] = &fstest.MapFile{Data: []byte(`quarter: 2016-17 Q2
measures:
  homes-1: {target: 100, actual: 125, status: HG}
  homes-2: {target: 90%, actual: 88%, status: A}
corrections:
  - {measure: homes-1, field: actual, from: "120", to: "125", date: 2016-11-30, why: Late returns were counted.}
  - measure: work-1
    field: actual
    from: "02:31"
    to: ""
    date: 2016-12-01
    why: The figure was withdrawn.
`)}
	s, errs := Site(fsys)
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	q := s.Quarters[0]
	if len(q.Corrections) != 2 {
		t.Fatalf("the quarter has %d corrections, want 2", len(q.Corrections))
	}
	c := q.Corrections[0]
	if c.Measure.ID != "homes-1" || c.Field != "actual" || c.From != "120" || c.To != "125" || c.Date != "2016-11-30" || c.Why != "Late returns were counted." || c.Period != "" {
		t.Errorf("the first correction is %+v", c)
	}
	if want := (diag.Pos{File: "data/quarters/2016-17-q2.yaml", Line: 6, Col: 5}); c.Pos != want {
		t.Errorf("the first correction is at %v, want %v", c.Pos, want)
	}
	if r := q.Rows[0]; r.Measure.ID != "homes-1" || len(r.Corrections) != 1 || r.Corrections[0] != c {
		t.Errorf("homes-1's row has corrections %v", r.Corrections)
	}
	if w := q.Corrections[1]; w.Measure.ID != "work-1" || w.To != "" || w.Pos.Line != 7 {
		t.Errorf("the second correction is %+v", w)
	}
	for _, r := range q.Rows[1:] {
		if len(r.Corrections) != 0 {
			t.Errorf("%s's row has corrections %v", r.Measure.ID, r.Corrections)
		}
	}
}
