package rag

import (
	"math"
	"testing"

	"scorecard/internal/report"
)

// TestStatusTargetGap: whatever status the figures take, the assessment
// says whether they meet the target and by how much, for the headline.
func TestStatusTargetGap(t *testing.T) {
	five, _ := harrow()
	five.Rules = []report.Rule{{Status: &report.Status{Code: "X", Rating: true}, Target: report.TargetMissed, N: 1}}
	for _, tc := range []struct {
		good           report.Polarity
		target, actual string
		met            report.TargetCondition
		gap            float64
	}{
		{report.Higher, "90%", "81%", report.TargetMissed, -10}, // by the rule
		{report.Lower, "20", "19", report.TargetMet, 5},
		{report.InRange, "13-15%", "14%", report.TargetMet, 0},
		{report.Higher, "90%", "NYA", 0, 0},
		{report.Higher, "", "90%", 0, 0},
	} {
		m := &report.Measure{ID: "m-1", Good: tc.good}
		got := Status(Input{Rating: five, Measure: m, Quarter: report.QuarterOf(2016, 2),
			Row: &report.Row{Target: parse(t, tc.target), Actual: parse(t, tc.actual)}})
		if got.Target != tc.met || math.Abs(got.Gap-tc.gap) > 1e-9 {
			t.Errorf("%s v %s: target %v, gap %v; want %v, %v", tc.actual, tc.target, got.Target, got.Gap, tc.met, tc.gap)
		}
	}
}

// TestDirectionChange: the move in the good direction as a percentage of
// the earlier figure; none for a measure with no stated polarity.
func TestDirectionChange(t *testing.T) {
	q1 := report.QuarterOf(2016, 1)
	for _, tc := range []struct {
		good     report.Polarity
		old, cur string
		want     float64
	}{
		{report.Higher, "40%", "50%", 25},
		{report.Lower, "20", "25", -25},
		{report.Higher, "0", "3", math.Inf(1)},
		{report.NotStated, "10", "12", 0},
		{report.Higher, "10", "10", 0},
	} {
		m := &report.Measure{ID: "m-1", Good: tc.good}
		cur := &report.Row{Actual: parse(t, tc.cur), When: q1.Next()}
		prev := &report.Row{Actual: parse(t, tc.old), When: q1}
		got := Direction(Comparison{Measure: m, Row: cur, Against: q1, Held: true, Prior: prev})
		if got.Change != tc.want && !(math.Abs(got.Change-tc.want) < 1e-9) {
			t.Errorf("%s %s to %s: change %v, want %v", tc.good, tc.old, tc.cur, got.Change, tc.want)
		}
	}
}
