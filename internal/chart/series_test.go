package chart

import (
	"testing"

	"scorecard/internal/load"
	"scorecard/internal/sitetest"
)

// TestTrendSeries checks that each further target and comparator a
// measure has is drawn as a line of its own, named in the legend, and
// given in the summary.
func TestTrendSeries(t *testing.T) {
	s := sitetest.Load(t, sitetest.Series)
	for _, tc := range []struct {
		measure string
		lines   map[string][]any // series name -> its values, Q1 and Q2
		summary string
	}{
		{"health-1", map[string][]any{
			"Annual target":                  {92.0, 92.0},
			"Target for 2018/19":             {"-", 96.0},
			"Top quartile (London boroughs)": {95.0, 98.0},
			"England average":                {89.0, 92.0},
		}, "Actual 93% in Q2 2016/17, up from 91% in Q1 2016/17; target 90%; Annual target: 92%; Target for 2018/19: 96%; Top quartile (London boroughs): 98% (2015-16); England average: 92%; published status Low green (LG)."},
		{"health-2", map[string][]any{
			"Annual target":   {"-", 150.0}, // a bound, at its value
			"England average": {"-", "-"},   // NYA: a gap
		}, "Actual 38 in Q2 2016/17, down from 44 in Q1 2016/17; target 40; Annual target: <150; published status High green (HG)."},
		{"homes-1", map[string][]any{}, "Actual 120 in Q2 2016/17, up from 96 in Q1 2016/17; target 100; published status High green (HG)."},
	} {
		t.Run(tc.measure, func(t *testing.T) {
			c := Trend(s, measure(t, s, tc.measure), en)
			if c.Summary != tc.summary {
				t.Errorf("Summary = %q\nwant      %q", c.Summary, tc.summary)
			}
			o := decode(t, c)
			found := map[string]bool{}
			for _, sr := range o.Series {
				want, ok := tc.lines[sr.Name]
				if !ok {
					continue
				}
				found[sr.Name] = true
				dash := "dashed"
				if sr.Name == "England average" || sr.Name == "Top quartile (London boroughs)" {
					dash = "dotted"
				}
				if sr.Type != "line" || sr.LineStyle.Type != dash || sr.Symbol == "" {
					t.Errorf("%s: a %s with line %q and symbol %q; want a %s line with a symbol", sr.Name, sr.Type, sr.LineStyle.Type, sr.Symbol, dash)
				}
				if len(sr.Data) != len(want) {
					t.Fatalf("%s: %d points; want %d", sr.Name, len(sr.Data), len(want))
				}
				for i, w := range want {
					if sr.Data[i].Y() != w {
						t.Errorf("%s point %d = %v; want %v", sr.Name, i, sr.Data[i].Y(), w)
					}
				}
			}
			if len(found) != len(tc.lines) {
				t.Errorf("series drawn: %v; want %d", found, len(tc.lines))
			}
			if want := 2 + len(tc.lines); len(o.Series) < want || len(o.Series) > want+len(s.Statuses) {
				t.Errorf("%d series; want Actual, Target, %d more and the statuses' markers", len(o.Series), len(tc.lines))
			}
		})
	}
}

// TestSeriesStyles holds the series' marks to what a reader can tell
// apart: colours with 3:1 contrast against the page, and each its own
// symbol.
func TestSeriesStyles(t *testing.T) {
	symbols := map[string]bool{}
	for _, st := range seriesStyles {
		if r := load.Contrast(st.colour, "#ffffff"); r < 3 {
			t.Errorf("%s has %.2f:1 contrast with white; want 3:1", st.colour, r)
		}
		if symbols[st.symbol] {
			t.Errorf("symbol %s is used twice", st.symbol)
		}
		symbols[st.symbol] = true
	}
}
