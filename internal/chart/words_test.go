package chart

import (
	"testing"

	"scorecard/internal/value"
)

// A figure word is a gap in the trend, not a point, and the summary falls
// back on the last figure; a target word is named with its meaning.
func TestTrendFigureWords(t *testing.T) {
	s := example(t)
	m := measure(t, s, "pmv-1")
	var last *value.Value
	for _, q := range s.Quarters {
		r := q.Row(m)
		switch {
		case r == nil || q.ID.FirstYear() != 2016:
		case q.ID.N() == 2:
			last = &r.Actual
		case q.ID.N() == 1:
			r.Target, _ = value.ParseWords("no target", value.DefaultWords)
		}
	}
	if last == nil {
		t.Fatal("pmv-1 has no row in Q2 2016/17")
	}
	*last, _ = value.ParseWords("NYA", value.DefaultWords)
	c := Trend(s, m)
	o := decode(t, c)
	for _, sr := range o.Series {
		if sr.Name == "Actual" && (len(sr.Data) != 3 || sr.Data[2].Y() != "-" || sr.Data[1].Y() != 11.9) {
			t.Errorf("Actual = %+v; want 11.9 then a gap", sr.Data)
		}
	}
	want := "Actual 11.90% in Q1 2016/17, down from 14.6% in Q2 2015/16; no target figure (no target: no target set); published status High green (HG)."
	if c.Summary != want {
		t.Errorf("Summary = %q\nwant      %q", c.Summary, want)
	}
}
