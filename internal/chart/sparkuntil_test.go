package chart

import (
	"strings"
	"testing"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// TestSparklineUntil checks that a card's sparkline stops at its quarter:
// bmb-12's has a mark for each figure up to the quarter, and none after.
func TestSparklineUntil(t *testing.T) {
	s := example(t)
	m := measure(t, s, "bmb-12")
	marks := func(svg string) int { return strings.Count(svg, "<circle") }
	all := marks(Sparkline(s, m, ""))
	last := s.Quarters[len(s.Quarters)-1]
	if got := marks(SparklineUntil(s, m, last, "")); got != all {
		t.Errorf("SparklineUntil(the last quarter) has %d marks, Sparkline %d; want the same", got, all)
	}
	var before *report.Quarter
	for _, q := range s.Quarters[:len(s.Quarters)-1] {
		if q.Row(m) != nil {
			before = q
		}
	}
	if before == nil {
		t.Fatal("bmb-12 has no figure before the last quarter; pick another measure")
	}
	got := SparklineUntil(s, m, before, "")
	if n := marks(got); n >= all {
		t.Errorf("SparklineUntil(%s) has %d marks, as many as the whole history's %d:\n%s", before.ID.Label(), n, all, got)
	}
	if s.Quarters[len(s.Quarters)-1] != last {
		t.Errorf("SparklineUntil changed the site's quarters")
	}
	// A long history: the sparkline keeps the last SparkEditions quarters.
	lm := &report.Measure{ID: "long"}
	long := &report.Site{Measures: []*report.Measure{lm}}
	for i := range SparkEditions + 4 {
		id := report.QuarterOf(2000+i/4, i%4+1)
		q := &report.Quarter{ID: id, Rows: []*report.Row{{Measure: lm, When: id, Actual: value.Value{Kind: value.Number, Num: float64(i)}}}}
		q.IndexRows()
		long.Quarters = append(long.Quarters, q)
	}
	if got := marks(Sparkline(long, lm, "")); got != SparkEditions+4 {
		t.Fatalf("the long history's Sparkline has %d marks; want %d, one a quarter", got, SparkEditions+4)
	}
	if got := marks(SparklineUntil(long, lm, long.Quarters[len(long.Quarters)-1], "")); got != SparkEditions {
		t.Errorf("SparklineUntil over %d quarters has %d marks; want the last %d", len(long.Quarters), got, SparkEditions)
	}
	if got := SparklineUntil(s, m, &report.Quarter{}, ""); got != "" {
		t.Errorf("SparklineUntil(a quarter not in the site) = %q, want \"\"", got)
	}
}
