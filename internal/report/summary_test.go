package report

import (
	"fmt"
	"math"
	"testing"
)

// TestDirectionWords: a measure with no stated polarity increases or
// decreases, with arrows that show up and down; the others improve or
// worsen.
func TestDirectionWords(t *testing.T) {
	for _, tc := range []struct {
		k            DirectionKind
		words, arrow string
	}{
		{Improved, "Improved", "↑"},
		{NoChange, "No change", "→"},
		{Worse, "Worse", "↓"},
		{Increased, "Increased", "↑"},
		{Decreased, "Decreased", "↓"},
		{NotComparable, "Not comparable", "–"},
	} {
		if tc.k.String() != tc.words || tc.k.Arrow() != tc.arrow {
			t.Errorf("kind %d = %q %q; want %q %q", tc.k, tc.k.String(), tc.k.Arrow(), tc.words, tc.arrow)
		}
	}
	if got, want := NotStated.Describe(), "No stated polarity: the report does not say which way is better"; got != want {
		t.Errorf("NotStated.Describe() = %q, want %q", got, want)
	}
}

// TestSummaryDirections: increased and decreased are counted only where
// some measure moved so, after worse and before not comparable.
func TestSummaryDirections(t *testing.T) {
	row := func(since, year DirectionKind) *Row {
		return &Row{SinceQuarter: Direction{Kind: since}, SinceLastYear: Direction{Kind: year}}
	}
	for _, tc := range []struct {
		name string
		rows []*Row
		want string
	}{
		{"stated polarities only", []*Row{row(Improved, Worse), row(NoChange, NotComparable)},
			"[{Improved 1 0} {No change 1 0} {Worse 0 1} {Not comparable 0 1}]"},
		{"one measure increased", []*Row{row(Improved, Worse), row(Increased, NotComparable)},
			"[{Improved 1 0} {No change 0 0} {Worse 0 1} {Increased 1 0} {Not comparable 0 1}]"},
		{"decreased a year ago only", []*Row{row(NoChange, Decreased)},
			"[{Improved 0 0} {No change 1 0} {Worse 0 0} {Decreased 0 1} {Not comparable 0 0}]"},
	} {
		var got []string
		for _, d := range Summarise(tc.rows, nil).Directions {
			got = append(got, fmt.Sprintf("{%s %d %d}", d.Kind, d.SinceQuarter, d.SinceYear))
		}
		if s := fmt.Sprint(got); s != tc.want {
			t.Errorf("%s: directions = %s\nwant %s", tc.name, s, tc.want)
		}
	}
}

// TestStandingOf: a rating status is on or off target by the bands, the
// in-range status and the rules that give it; a status given both ways
// goes by the figures; statuses that are not ratings are not rated.
func TestStandingOf(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	hg, lg, g, a, r := &Status{Code: "HG", Rating: true}, &Status{Code: "LG", Rating: true}, &Status{Code: "G", Rating: true}, &Status{Code: "A", Rating: true}, &Status{Code: "R", Rating: true}
	both := &Status{Code: "B", Rating: true}
	unused := &Status{Code: "U", Rating: true}
	survey := &Status{Code: "No survey this qtr"}
	rating := Rating{
		Bands:   []Band{{Status: hg, AtLeast: f(5)}, {Status: lg, AtLeast: f(0)}, {Status: a, MoreThan: f(-5)}, {Status: both, AtLeast: f(-10)}, {Status: r}},
		Rules:   []Rule{{Status: a, Target: TargetMissed, Direction: Improved}, {Status: both, Direction: Improved}},
		InRange: g,
	}
	own := &Measure{Bands: []Band{{Status: hg, AtLeast: f(-5)}, {Status: r}}}
	plain := &Measure{}
	for _, tc := range []struct {
		name string
		row  Row
		want Standing
	}{
		{"5% better band", Row{Measure: plain, Status: hg}, OnTarget},
		{"on-target band", Row{Measure: plain, Status: lg}, OnTarget},
		{"in range", Row{Measure: plain, Status: g}, OnTarget},
		{"band and rule below target", Row{Measure: plain, Status: a}, OffTarget},
		{"last band", Row{Measure: plain, Status: r}, OffTarget},
		{"measure's own bands put HG below target", Row{Measure: own, Status: hg}, OffTarget},
		{"given both ways, figures met", Row{Measure: plain, Status: both, Computed: Assessment{Target: TargetMet}}, OnTarget},
		{"given both ways, figures missed", Row{Measure: plain, Status: both, Computed: Assessment{Target: TargetMissed}}, OffTarget},
		{"given both ways, no figures", Row{Measure: plain, Status: both}, NotRated},
		{"rating given by nothing", Row{Measure: plain, Status: unused, Computed: Assessment{Target: TargetMissed}}, OffTarget},
		{"not a rating", Row{Measure: plain, Status: survey, Computed: Assessment{Target: TargetMet}}, NotRated},
		{"no status", Row{Measure: plain, Computed: Assessment{Target: TargetMet}}, NotRated},
	} {
		if got := StandingOf(rating, &tc.row); got != tc.want {
			t.Errorf("%s: StandingOf = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestNewHeadline: counts, the furthest off target by gap, the biggest
// improvements by change, ties in catalogue order, at most n each.
func TestNewHeadline(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	on, off := &Status{Code: "G", Rating: true}, &Status{Code: "R", Rating: true}
	other := &Status{Code: "New"}
	rating := Rating{Bands: []Band{{Status: on, AtLeast: f(0)}, {Status: off}}}
	q1 := Period{Kind: QuarterPeriod, Start: 2016*12 + 3, Months: 3}
	m := func(i int) *Measure { return &Measure{ID: fmt.Sprint("m", i), Index: i} }
	row := func(i int, st *Status, target TargetCondition, gap float64, dir DirectionKind, change float64) *Row {
		return &Row{Measure: m(i), Status: st, Computed: Assessment{Target: target, Gap: gap},
			SinceQuarter: Direction{Kind: dir, Against: q1, Change: change}}
	}
	rows := []*Row{
		row(0, on, TargetMet, 3, Improved, 2),
		row(1, off, TargetMissed, -4, Worse, -1),
		row(2, off, TargetMissed, -20, Improved, 50),
		row(3, off, TargetMissed, -4, Improved, 2),
		row(4, off, 0, 0, NotComparable, 0), // off target by its status, no gap
		row(5, other, 0, 0, NotComparable, 0),
		row(6, off, TargetMissed, math.Inf(-1), Improved, math.Inf(1)),
		row(7, nil, 0, 0, NoChange, 0),
	}
	h := NewHeadline(rating, rows, 3)
	ids := func(rs []*Row) string {
		var s []string
		for _, r := range rs {
			s = append(s, r.Measure.ID)
		}
		return fmt.Sprint(s)
	}
	if h.Total != 8 || h.OnTarget != 1 || h.OffTarget != 5 || h.NotRated != 2 || h.Improved != 4 || h.Worse != 1 {
		t.Errorf("counts = total %d, on %d, off %d, not rated %d, improved %d, worse %d; want 8, 1, 5, 2, 4, 1",
			h.Total, h.OnTarget, h.OffTarget, h.NotRated, h.Improved, h.Worse)
	}
	if h.Since != q1 {
		t.Errorf("Since = %v, want %v", h.Since, q1)
	}
	if got, want := ids(h.FurthestOff), "[m6 m2 m1]"; got != want {
		t.Errorf("FurthestOff = %s, want %s", got, want)
	}
	if got, want := ids(h.MostImproved), "[m6 m2 m0]"; got != want {
		t.Errorf("MostImproved = %s, want %s", got, want)
	}
	// Directions against different periods name none.
	rows[0].SinceQuarter.Against = MonthPeriodOf(2016, 6, 0)
	if h := NewHeadline(rating, rows, 1); !h.Since.IsZero() || len(h.FurthestOff) != 1 || len(h.MostImproved) != 1 {
		t.Errorf("mixed periods: Since = %v, %d furthest, %d improved; want zero, 1, 1", h.Since, len(h.FurthestOff), len(h.MostImproved))
	}
}
