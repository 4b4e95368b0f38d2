package rag

import (
	"strings"
	"testing"

	"scorecard/internal/diag"
	"scorecard/internal/report"
)

// TestRules tries each kind of status rule: on the target, on the
// direction of travel, and on the actual's position against a comparator,
// for measures where higher and lower are better, in range, and with no
// stated polarity. A row no rule takes is rated by the bands.
func TestRules(t *testing.T) {
	five, st := harrow()
	q1 := report.QuarterOf(2016, 1)
	tq := &report.Series{Kind: report.ComparatorSeries, ID: "top-quartile", Label: "Top quartile (London boroughs)"}
	eng := &report.Series{Kind: report.ComparatorSeries, ID: "england", Label: "England average"}
	missedImproved := report.Rule{Status: st["A"], Target: report.TargetMissed, Direction: report.Improved, N: 1}
	metNoChange := report.Rule{Status: st["LG"], Target: report.TargetMet, Direction: report.NoChange, N: 1}
	worse := report.Rule{Status: st["HR"], Direction: report.Worse, N: 1}
	atLeastTQ := report.Rule{Status: st["HG"], Comparator: "top-quartile", Position: report.AtLeast, N: 1}
	betterTQ := report.Rule{Status: st["HG"], Comparator: "top-quartile", Position: report.Better, N: 1}
	worseEng := report.Rule{Status: st["HR"], Comparator: "england", Position: report.WorseThan, N: 1}
	for _, tc := range []struct {
		name           string
		rules          []report.Rule
		good           report.Polarity
		target, actual string
		since          report.DirectionKind
		comparators    map[*report.Series]string
		want           string // the status code
		working        string // what the working says, when a rule gives the status
		byRule         bool   // a rule gives the status; implied by working
	}{
		{name: "off target but improved", rules: []report.Rule{missedImproved}, good: "higher", target: "95%", actual: "80%", since: report.Improved, want: "A",
			working: "actual 80% against target 95%: off target, and improved since Q1 2016/17: A by the site's rule 1"},
		{name: "off target and worse: the bands", rules: []report.Rule{missedImproved}, good: "higher", target: "95%", actual: "80%", since: report.Worse, want: "HR"},
		{name: "on target and improved: the bands", rules: []report.Rule{missedImproved}, good: "higher", target: "95%", actual: "99%", since: report.Improved, want: "LG"},
		{name: "not comparable: the bands", rules: []report.Rule{missedImproved}, good: "higher", target: "95%", actual: "80%", want: "HR"},
		{name: "lower is better, off target, improved", byRule: true, rules: []report.Rule{missedImproved}, good: "lower", target: "10", actual: "12", since: report.Improved, want: "A"},
		{name: "strict bound just missed counts as missed", byRule: true, rules: []report.Rule{missedImproved}, good: "lower", target: "<5", actual: "5", since: report.Improved, want: "A"},
		{name: "on target, no change", rules: []report.Rule{metNoChange}, good: "higher", target: "90", actual: "99", since: report.NoChange, want: "LG",
			working: "actual 99 against target 90: on target, and no change since Q1 2016/17: LG by the site's rule 1"},
		{name: "inside the range is met", rules: []report.Rule{metNoChange}, good: "in range", target: "0.9-1.1", actual: "1", since: report.NoChange, want: "LG",
			working: "actual 1 against target 0.9-1.1: on target, and no change since Q1 2016/17: LG by the site's rule 1"},
		{name: "direction alone, no target", rules: []report.Rule{worse}, good: "higher", target: "", actual: "50", since: report.Worse, want: "HR",
			working: "actual 50: worse since Q1 2016/17: HR by the site's rule 1"},
		{name: "first rule that holds wins", byRule: true, rules: []report.Rule{{Status: st["LR"], Target: report.TargetMissed, N: 1}, {Status: st["A"], Target: report.TargetMissed, Direction: report.Improved, N: 2}}, good: "higher", target: "95%", actual: "94%", since: report.Improved, want: "LR"},
		{name: "second rule when the first does not hold", rules: []report.Rule{{Status: st["LR"], Target: report.TargetMet, N: 1}, {Status: st["A"], Target: report.TargetMissed, Direction: report.Improved, N: 2}}, good: "higher", target: "95%", actual: "50%", since: report.Improved, want: "A",
			working: "actual 50% against target 95%: off target, and improved since Q1 2016/17: A by the site's rule 2"},

		// Comparators, in the measure's good direction.
		{name: "higher, above top quartile: at least", rules: []report.Rule{atLeastTQ}, good: "higher", target: "99%", actual: "98%", comparators: map[*report.Series]string{tq: "97%"}, want: "HG",
			working: "actual 98%: at least as good as the Top quartile (London boroughs) (97%): HG by the site's rule 1"},
		{name: "higher, equal to top quartile: at least", byRule: true, rules: []report.Rule{atLeastTQ}, good: "higher", target: "99%", actual: "97%", comparators: map[*report.Series]string{tq: "97%"}, want: "HG"},
		{name: "higher, equal to top quartile: not better", rules: []report.Rule{betterTQ}, good: "higher", target: "99%", actual: "97%", comparators: map[*report.Series]string{tq: "97%"}, want: "A"},
		{name: "higher, below top quartile: the bands", rules: []report.Rule{atLeastTQ}, good: "higher", target: "99%", actual: "96%", comparators: map[*report.Series]string{tq: "97%"}, want: "A"},
		{name: "lower, above top quartile is worse", rules: []report.Rule{atLeastTQ}, good: "lower", target: "10", actual: "12", comparators: map[*report.Series]string{tq: "11"}, want: "HR"},
		{name: "lower, below top quartile is better", byRule: true, rules: []report.Rule{betterTQ}, good: "lower", target: "10", actual: "12", comparators: map[*report.Series]string{tq: "13"}, want: "HG"},
		{name: "lower, worse than England", rules: []report.Rule{worseEng}, good: "lower", target: "10", actual: "9", comparators: map[*report.Series]string{eng: "8", tq: "20"}, want: "HR",
			working: "actual 9: worse than the England average (8): HR by the site's rule 1"},
		{name: "higher, not worse than England", rules: []report.Rule{worseEng}, good: "higher", target: "10", actual: "9", comparators: map[*report.Series]string{eng: "8"}, want: "LR"},
		{name: "no such comparator on the row", rules: []report.Rule{atLeastTQ}, good: "higher", target: "99%", actual: "98%", comparators: map[*report.Series]string{eng: "50%"}, want: "A"},
		{name: "comparator in other units", rules: []report.Rule{atLeastTQ}, good: "higher", target: "99%", actual: "98%", comparators: map[*report.Series]string{tq: "97"}, want: "A"},
		{name: "comparator not a figure", rules: []report.Rule{atLeastTQ}, good: "higher", target: "99%", actual: "98%", comparators: map[*report.Series]string{tq: "NYA"}, want: "A"},
		{name: "in range, nearer the range than the comparator", byRule: true, rules: []report.Rule{betterTQ}, good: "in range", target: "10-20", actual: "22", comparators: map[*report.Series]string{tq: "25"}, want: "HG"},
		{name: "in range, farther than the comparator", rules: []report.Rule{betterTQ}, good: "in range", target: "10-20", actual: "28", comparators: map[*report.Series]string{tq: "25"}, want: "HR"},

		// No stated polarity: never improved or worse, no comparator position.
		{name: "not stated, increased is not improved", rules: []report.Rule{{Status: st["A"], Direction: report.Improved, N: 1}}, good: "not stated", target: "", actual: "12", since: report.Increased, want: ""},
		{name: "not stated, no change", byRule: true, rules: []report.Rule{{Status: st["A"], Direction: report.NoChange, N: 1}}, good: "not stated", target: "", actual: "12", since: report.NoChange, want: "A"},
		{name: "not stated, comparator", rules: []report.Rule{atLeastTQ}, good: "not stated", target: "", actual: "12", comparators: map[*report.Series]string{tq: "11"}, want: ""},
		{name: "not stated, target met cannot be said", rules: []report.Rule{{Status: st["A"], Target: report.TargetMet, N: 1}}, good: "not stated", target: "10", actual: "12", want: ""},
		{name: "no actual: no rule", rules: []report.Rule{worse}, good: "higher", target: "10", actual: "NYA", since: report.Worse, want: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rating := five
			rating.Rules = tc.rules
			m := &report.Measure{ID: "m-1", Good: tc.good}
			row := &report.Row{Measure: m, Target: parse(t, tc.target), Actual: parse(t, tc.actual)}
			for _, s := range []*report.Series{tq, eng} { // in a fixed order
				if v, ok := tc.comparators[s]; ok {
					row.Comparators = append(row.Comparators, report.Figure{Series: s, Value: parse(t, v)})
				}
			}
			got := Status(Input{Rating: rating, Measure: m, Quarter: report.QuarterOf(2016, 2), Row: row,
				Since: report.Direction{Kind: tc.since, Against: q1}})
			code := ""
			if got.Status != nil {
				code = got.Status.Code
			}
			if code != tc.want {
				t.Fatalf("Status = %q (%s%s), want %q", code, got.Working(), got.Reason(), tc.want)
			}
			if tc.working != "" && got.Working() != tc.working {
				t.Errorf("working = %q\nwant      %q", got.Working(), tc.working)
			}
			if byRule := strings.Contains(got.Working(), "by the site's rule"); byRule != (tc.byRule || tc.working != "") {
				t.Errorf("working = %q: by a rule %v, want %v", got.Working(), byRule, !byRule)
			}
		})
	}
}

// TestAssessPublishedDirection: check warns at the published direction of
// travel when it differs from the computed one, and says why when the
// figures give none; an agreeing one gives nothing.
func TestAssessPublishedDirection(t *testing.T) {
	five, _ := harrow()
	m := &report.Measure{ID: "m-1", Good: report.Higher}
	q := func(n int, actual string, pub report.DirectionKind) *report.Quarter {
		row := &report.Row{Measure: m, Target: parse(t, "90%"), Actual: parse(t, actual)}
		if pub != report.NotComparable {
			row.PublishedDirection = &report.PublishedDirection{Raw: "as published", Kind: pub, Pos: diag.Pos{File: "q", Line: n}}
		}
		return &report.Quarter{ID: report.QuarterOf(2016, n), Rows: []*report.Row{row}}
	}
	// period gives q's row the period text, read as when.
	period := func(q *report.Quarter, text string, when report.Period) *report.Quarter {
		q.Rows[0].Period, q.Rows[0].When = text, when
		return q
	}
	ytd := report.Period{Kind: report.ToDatePeriod, Start: report.QuarterOf(2016, 1).Start, Months: 6, Year: report.FinancialYear}
	for _, tc := range []struct {
		name     string
		raw      string // the published word; "as published" unless set
		quarters []*report.Quarter
		want     []string // the warnings' messages, in order
	}{
		{name: "agrees", quarters: []*report.Quarter{q(1, "80%", 0), q(2, "85%", report.Improved)}},
		{name: "differs", quarters: []*report.Quarter{q(1, "80%", 0), q(2, "75%", report.Improved)},
			want: []string{`q:2: warning: measure m-1, Q2 2016/17: the published direction of travel is "as published" (improved) but the figures give worse since Q1 2016/17: fell from 80% in Q1 2016/17 to 75%`}},
		{name: "differs, said in the kind's own word", raw: "Worse", quarters: []*report.Quarter{q(1, "80%", 0), q(2, "85%", report.Worse)},
			want: []string{`q:2: warning: measure m-1, Q2 2016/17: the published direction of travel is "Worse" but the figures give improved since Q1 2016/17: rose from 80% in Q1 2016/17 to 85%`}},
		{name: "not comparable", quarters: []*report.Quarter{q(2, "75%", report.Worse)},
			want: []string{`q:2: warning: measure m-1, Q2 2016/17: the published direction of travel "as published" cannot be checked, because the figures give none since Q1 2016/17: no figures for Q1 2016/17 are published here`}},
		// No earlier period to name (found by FuzzSite): the message said
		// "none since : ...".
		{name: "not comparable, a period Scorecard cannot place", quarters: []*report.Quarter{q(1, "80%", 0), period(q(2, "75%", report.Worse), "x", report.Period{})},
			want: []string{`q:2: warning: measure m-1, Q2 2016/17: the published direction of travel "as published" cannot be checked, because the figures give none: the data period "x" is not one Scorecard can place in time`}},
		{name: "not comparable, a year to date", quarters: []*report.Quarter{q(1, "80%", 0), period(q(2, "75%", report.Worse), "2016-17 Q2 YTD", ytd)},
			want: []string{`q:2: warning: measure m-1, Q2 2016/17: the published direction of travel "as published" cannot be checked, because the figures give none: a year-to-date figure is compared only with the same part of the year before`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &report.Site{Rating: five, Measures: []*report.Measure{m}, Quarters: tc.quarters}
			for _, q := range tc.quarters {
				if p := q.Rows[0].PublishedDirection; p != nil && tc.raw != "" {
					p.Raw = tc.raw
				}
			}
			var got []string
			for _, w := range Assess(s) {
				if strings.Contains(w.Msg, "direction") {
					got = append(got, w.Error())
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
