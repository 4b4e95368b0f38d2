package report

import (
	"fmt"
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
