package render

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"scorecard/internal/report"
)

// TestBar: the stretches of the headline's bar follow each other, on
// target first, leave out empty counts and fill the bar.
func TestBar(t *testing.T) {
	for _, tc := range []struct {
		h    report.Headline
		want string
	}{
		{report.Headline{Total: 3, OnTarget: 1, OffTarget: 1, NotRated: 1}, "hl-on 0.00 33.33 hl-off 33.33 33.33 hl-none 66.67 33.33"},
		{report.Headline{Total: 4, OffTarget: 3, NotRated: 1}, "hl-off 0.00 75.00 hl-none 75.00 25.00"},
		{report.Headline{}, ""},
	} {
		got, end := "", 0.0
		for i, s := range bar(tc.h) {
			if i > 0 {
				got += " "
			}
			got += s.Class + " " + s.X + " " + s.W
			x, _ := strconv.ParseFloat(s.X, 64)
			w, _ := strconv.ParseFloat(s.W, 64)
			end = x + w
		}
		if got != tc.want {
			t.Errorf("bar(%+v) = %q, want %q", tc.h, got, tc.want)
		}
		if tc.h.Total > 0 && math.Abs(end-100) > .01 {
			t.Errorf("bar(%+v) ends at %v, not 100", tc.h, end)
		}
	}
}

// TestPercentWords: one decimal at most; the words for a change from zero.
func TestPercentWords(t *testing.T) {
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		p    float64
		want string
	}{
		{33.333, "33.3% worse than target"},
		{6.75, "6.8% worse than target"},
		{20, "20% worse than target"},
		{math.Inf(1), "worse than a target of zero"},
	} {
		if got := r.percentWords(tc.p, "headline-worse-by", "headline-worse-by-zero"); got != tc.want {
			t.Errorf("percentWords(%v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

// TestHeadlineRule: the key names the site's statuses by where the
// headline counts them.
func TestHeadlineRule(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	g, a, r, b := &report.Status{Code: "G", Rating: true}, &report.Status{Code: "A", Rating: true}, &report.Status{Code: "R", Rating: true}, &report.Status{Code: "B", Rating: true}
	none := &report.Status{Code: "No survey"}
	s := &report.Site{Statuses: []*report.Status{g, a, r, b, none}, Rating: report.Rating{
		Bands: []report.Band{{Status: g, AtLeast: f(0)}, {Status: a, AtLeast: f(-5)}, {Status: r}},
		Rules: []report.Rule{{Status: b, Direction: report.Improved}},
	}}
	codes := func(sts []*report.Status) (out []string) {
		for _, st := range sts {
			out = append(out, st.Code)
		}
		return out
	}
	rule := newHeadlineRule(s)
	for _, tc := range []struct {
		name string
		got  []string
		want string
	}{
		{"on", codes(rule.On), "[G]"},
		{"off", codes(rule.Off), "[A R]"},
		{"by the figures", codes(rule.Figures), "[B]"},
		{"not ratings", codes(rule.Other), "[No survey]"},
	} {
		if got := fmt.Sprint(tc.got); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}
