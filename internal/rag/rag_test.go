package rag

import (
	"strings"
	"testing"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

func f(x float64) *float64 { return &x }

// harrow is the default five-point scale and bands, as the sample implies.
func harrow() (report.Rating, map[string]*report.Status) {
	st := map[string]*report.Status{}
	for _, c := range []string{"HG", "LG", "G", "A", "LR", "HR"} {
		st[c] = &report.Status{Code: c, Label: c, Rating: true}
	}
	return report.Rating{
		Bands: []report.Band{
			{Status: st["HG"], AtLeast: f(5)},
			{Status: st["LG"], AtLeast: f(0)},
			{Status: st["A"], MoreThan: f(-5)},
			{Status: st["LR"], AtLeast: f(-10)},
			{Status: st["HR"]},
		},
		InRange: st["G"],
	}, st
}

// threePoint is a GREEN / AMBER / RED scale with a Blue for no target.
func threePoint() (report.Rating, map[string]*report.Status) {
	st := map[string]*report.Status{}
	for _, c := range []string{"GREEN", "AMBER", "RED", "BLUE"} {
		st[c] = &report.Status{Code: c, Label: c, Rating: true}
	}
	return report.Rating{
		Bands: []report.Band{
			{Status: st["GREEN"], AtLeast: f(0)},
			{Status: st["AMBER"], AtLeast: f(-10)},
			{Status: st["RED"]},
		},
		InRange:  st["GREEN"],
		NoTarget: st["BLUE"],
	}, st
}

func parse(t *testing.T, s string) value.Value {
	t.Helper()
	v, err := value.ParseWords(s, value.DefaultWords)
	if err != nil {
		t.Fatalf("value.ParseWords(%q): %v", s, err)
	}
	return v
}

func TestStatus(t *testing.T) {
	five, _ := harrow()
	three, _ := threePoint()
	for _, tc := range []struct {
		name           string
		rating         report.Rating
		good           report.Polarity
		quarter        int // 2 unless set
		target, actual string
		lastYear       string // the same quarter's actual a year earlier
		want           string // a status code, or "" with a reason containing why
		why            string
	}{
		// Band edges, higher is better: gaps of exactly +5, 0, -5 and -10%.
		{name: "5% better is HG", good: "higher", target: "20", actual: "21", want: "HG"},
		{name: "just under 5% better is LG", good: "higher", target: "20", actual: "20.95", want: "LG"},
		{name: "on target is LG", good: "higher", target: "44%", actual: "44%", want: "LG"},
		{name: "just under target is A", good: "higher", target: "100", actual: "99.9", want: "A"},
		{name: "exactly 5% worse is LR", good: "higher", target: "20", actual: "19", want: "LR"},
		{name: "just under 5% worse is A", good: "higher", target: "3%", actual: "2.86%", want: "A"},
		{name: "exactly 10% worse is LR", good: "higher", target: "20", actual: "18", want: "LR"},
		{name: "just over 10% worse is HR", good: "higher", target: "20", actual: "17.99", want: "HR"},
		{name: "sample HG", good: "higher", target: "93%", actual: "97.8%", want: "HG"},

		// Figure words: no figure, so no status, with the word's meaning.
		{name: "actual NYA", good: "higher", target: "90%", actual: "NYA", why: "no figure: not yet available (the actual is NYA)"},
		{name: "actual n/a", good: "higher", target: "90%", actual: " n/a ", why: "no figure: not applicable (the actual is n/a)"},
		{name: "actual New", good: "lower", target: "5", actual: "New", why: "no figure: new measure, no figure yet"},
		{name: "actual Not measured", good: "higher", target: "BL", actual: "Not measured", why: "no figure: not measured this period"},
		{name: "target No target", good: "higher", target: "No target", actual: "90%", why: "no figure: no target set (the target is No target)"},
		{name: "target NYA on a scale with no_target", rating: three, good: "higher", target: "NYA", actual: "90%", why: "no figure: not yet available (the target is NYA)"},

		// Lower is better.
		{name: "lower: under target is better", good: "lower", target: "9.25%", actual: "7.08%", want: "HG"},
		{name: "lower: exactly 5% worse is LR", good: "lower", target: "100", actual: "105", want: "LR"},
		{name: "lower: exactly 10% worse is LR", good: "lower", target: "100", actual: "110", want: "LR"},
		{name: "lower: staff sickness", good: "lower", target: "8.18", actual: "8.84", want: "LR"},
		{name: "lower: reduction targets compare the size of the reduction", good: "lower", target: "-10%", actual: "-21%", want: "HG"},
		{name: "lower: reduction target -20% v -18% is exactly 10% worse", good: "lower", target: "-20%", actual: "-18%", want: "LR"},
		{name: "lower: reduction target -20% v -12%", good: "lower", target: "-20%", actual: "-12%", want: "HR"},

		// min:sec values compare as seconds: 01:30 is 90, 02:11 is 131.
		{name: "min:sec", good: "lower", target: "01:30", actual: "02:11", want: "HR"},
		{name: "min:sec on target", good: "lower", target: "01:30", actual: "01:30", want: "LG"},
		{name: "min:sec 5% better", good: "lower", target: "01:40", actual: "01:35", want: "HG"},

		// Ranges.
		{name: "in range inside", good: "in range", target: "0.9-1.1", actual: "0.98", want: "G"},
		{name: "in range at the edge", good: "in range", target: "0.9-1.1", actual: "1.1", want: "G"},
		{name: "in range below", good: "in range", target: "0.9-1.1", actual: "0.8", want: "HR"},
		{name: "in range just above", good: "in range", target: "0.9-1.1", actual: "1.12", want: "A"},
		{name: "higher with range: below the lower bound", good: "higher", target: "13-15%", actual: "12%", want: "LR"},
		{name: "higher with range: far below", good: "higher", target: "13-15%", actual: "10%", want: "HR"},
		{name: "higher with range: inside, judged on the lower bound", good: "higher", target: "13-15%", actual: "13.5%", want: "LG"},
		{name: "lower with range: inside, judged on the upper bound", good: "lower", target: "7-15%", actual: "11.90%", want: "HG"},
		{name: "lower with range: above", good: "lower", target: "7-15%", actual: "16%", want: "LR"},

		// Ranks: 1st is best, judged on the worst rank the target allows.
		{name: "rank worse than range", good: "lower", target: "12th to 20th in London", actual: "5.33 (26th)", want: "HR"},
		{name: "rank at the worst allowed", good: "lower", target: "12th to 20th in London", actual: "4.1 (20th)", want: "LG"},
		{name: "rank inside", good: "lower", target: "12th to 20th in London", actual: "3 (12th)", want: "HG"},
		{name: "rank just outside", good: "lower", target: "12th to 20th in London", actual: "4 (21st)", want: "LR"},
		{name: "rank missing", good: "lower", target: "12th to 20th in London", actual: "5.33", why: "gives no rank"},

		// Year on year: against the same quarter a year earlier.
		{name: "year on year worse", good: "lower", target: "Year on year reduction", actual: "43.3% (58/134)", lastYear: "42.5% (62/146)", want: "A"},
		{name: "year on year better", good: "lower", target: "Year on year reduction", actual: "83 (353)", lastYear: "89 (378)", want: "HG"},
		{name: "year on year increase", good: "higher", target: "Year on year increase", actual: "110", lastYear: "100", want: "HG"},
		{name: "year on year, no last year", good: "lower", target: "Year on year reduction", actual: "44.9% (66/147)", why: "no actual for Q2 2015/16"},

		// Missing and unusable values.
		{name: "no actual", good: "higher", target: "90%", actual: "", why: "no actual"},
		{name: "actual not applicable", good: "higher", target: "-", actual: "-", why: "not applicable"},
		{name: "no target", good: "lower", target: "", actual: "483", why: "no target"},
		{name: "baseline", good: "lower", target: "BL", actual: "8", why: "baseline"},
		{name: "annual target before Q4", good: "higher", target: "[60%]", actual: "56%", why: "whole year"},
		{name: "annual target at Q4", good: "higher", quarter: 4, target: "[60%]", actual: "63%", want: "HG"},
		{name: "units differ", good: "higher", target: "90%", actual: "90", why: "different units"},
		{name: "zero target met", good: "higher", target: "0", actual: "0", want: "LG"},
		{name: "zero target beaten", good: "higher", target: "0", actual: "3", want: "HG"},
		{name: "range actual", good: "higher", target: "90%", actual: "80-90%", why: "not a single figure"},

		// Bounds: the sign says which side meets the target. An actual
		// exactly at a strict bound misses it and takes the first band
		// below on target (A; AMBER on a three-point scale); exactly at a
		// non-strict bound is on target.
		{name: "<5 below", good: "lower", target: "<5", actual: "4", want: "HG"},
		{name: "<5 at", good: "lower", target: "<5", actual: "5", want: "A"},
		{name: "<5 at, written 5.0", good: "lower", target: "<5", actual: "5.0", want: "A"},
		{name: "<5 above", good: "lower", target: "<5", actual: "6", want: "HR"},
		{name: "<=5 below", good: "lower", target: "<=5", actual: "4.9", want: "LG"},
		{name: "<=5 at", good: "lower", target: "<=5", actual: "5", want: "LG"},
		{name: "<=5 above", good: "lower", target: "<=5", actual: "5.2", want: "A"},
		{name: "≤5 at", good: "lower", target: "≤5", actual: "5", want: "LG"},
		{name: "=<5 at", good: "lower", target: "=<5", actual: "5", want: "LG"},
		{name: "5> at", good: "lower", target: "5>", actual: "5", want: "A"},
		{name: "5> below", good: "lower", target: "5>", actual: "4", want: "HG"},
		{name: "5> above", good: "lower", target: "5>", actual: "5.5", want: "LR"},
		{name: ">3.5 above", good: "higher", target: ">3.5", actual: "3.6", want: "LG"},
		{name: ">3.5 at", good: "higher", target: ">3.5", actual: "3.5", want: "A"},
		{name: ">3.5 below", good: "higher", target: ">3.5", actual: "3.3", want: "LR"},
		{name: ">=94% above", good: "higher", target: ">=94%", actual: "99%", want: "HG"},
		{name: ">=94% at", good: "higher", target: ">=94%", actual: "94%", want: "LG"},
		{name: ">=94% below", good: "higher", target: ">=94%", actual: "93%", want: "A"},
		{name: "≥94% at", good: "higher", target: "≥94%", actual: "94%", want: "LG"},
		{name: "=>94% at", good: "higher", target: "=>94%", actual: "94%", want: "LG"},
		{name: "2.4%< above", good: "higher", target: "2.4%<", actual: "2.5%", want: "LG"},
		{name: "2.4%< at", good: "higher", target: "2.4%<", actual: "2.4%", want: "A"},
		{name: "2.4%< below", good: "higher", target: "2.4%<", actual: "2%", want: "HR"},
		{name: ">0 at zero", good: "higher", target: ">0", actual: "0", want: "A"},
		{name: ">=0 at zero", good: "higher", target: ">=0", actual: "0", want: "LG"},
		{name: "<01:30 at", good: "lower", target: "<01:30", actual: "01:30", want: "A"},
		{name: "in range measure, bound decides the side", good: "in range", target: "<5", actual: "5", want: "A"},
		{name: "in range measure, under a <5 bound", good: "in range", target: "<5", actual: "3", want: "HG"},
		{name: "bound against the measure's polarity", good: "higher", target: "<5", actual: "4", why: "asks for a lower figure"},
		{name: "bound in other units", good: "lower", target: "<5%", actual: "5", why: "different units"},
		{name: "3-point strict bound met exactly", rating: three, good: "lower", target: "<5", actual: "5", want: "AMBER"},
		{name: "3-point non-strict bound met exactly", rating: three, good: "lower", target: "<=5", actual: "5", want: "GREEN"},

		// A three-point scale with a status for no target.
		{name: "3-point green on target", rating: three, good: "higher", target: "90%", actual: "90%", want: "GREEN"},
		{name: "3-point amber exactly 10% worse", rating: three, good: "higher", target: "100", actual: "90", want: "AMBER"},
		{name: "3-point red", rating: three, good: "higher", target: "100", actual: "89", want: "RED"},
		{name: "3-point blue for no target", rating: three, good: "lower", target: "", actual: "483", want: "BLUE"},
		{name: "3-point in range", rating: three, good: "in range", target: "0.9-1.1", actual: "1", want: "GREEN"},

		// No stated polarity: the bands rate only against a target range.
		{name: "not stated, figure target", good: "not stated", target: "95%", actual: "94%", why: "the report does not say which way is better for this measure, so the bands cannot rate its actual 94% against the target 95%"},
		{name: "not stated, bound target", good: "not stated", target: "<5", actual: "4", why: "does not say which way is better"},
		{name: "not stated, year on year", good: "not stated", target: "Year on year reduction", actual: "4", lastYear: "5", why: "does not say which way is better"},
		{name: "not stated, inside a range", good: "not stated", target: "0.9-1.1", actual: "1", want: "G"},
		{name: "not stated, outside a range", good: "not stated", target: "10-20", actual: "25", want: "HR"},
		{name: "not stated, no target", rating: three, good: "not stated", target: "", actual: "483", want: "BLUE"},
		{name: "not stated, figure word", good: "not stated", target: "NYA", actual: "4", why: "not yet available"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rating := tc.rating
			if rating.Bands == nil {
				rating = five
			}
			q := tc.quarter
			if q == 0 {
				q = 2
			}
			m := &report.Measure{ID: "m-1", Good: tc.good}
			in := Input{
				Rating:  rating,
				Measure: m,
				Quarter: report.QuarterOf(2016, q),
				Row:     &report.Row{Measure: m, Target: parse(t, tc.target), Actual: parse(t, tc.actual)},
			}
			if tc.lastYear != "" {
				in.LastYear = &report.Row{Measure: m, Actual: parse(t, tc.lastYear)}
			}
			got := Status(in)
			code := ""
			if got.Status != nil {
				code = got.Status.Code
			}
			if code != tc.want {
				t.Fatalf("Status(%s %q v %q) = %q (%s%s), want %q", tc.good, tc.actual, tc.target, code, got.Working(), got.Reason(), tc.want)
			}
			if tc.want == "" && !strings.Contains(got.Reason(), tc.why) {
				t.Errorf("Status(%q v %q) gives no status with reason %q; want it to say %q", tc.actual, tc.target, got.Reason(), tc.why)
			}
			if tc.want != "" && got.Working() == "" {
				t.Errorf("Status(%q v %q) = %s with no working", tc.actual, tc.target, code)
			}
		})
	}
}

func TestStatusWorking(t *testing.T) {
	five, _ := harrow()
	m := &report.Measure{ID: "m-1", Good: report.Higher}
	got := Status(Input{Rating: five, Measure: m, Quarter: report.QuarterOf(2016, 2),
		Row: &report.Row{Target: parse(t, "3%"), Actual: parse(t, "2.86%")}})
	want := "actual 2.86% against target 3%: 4.67% worse than target, so A (less than 5% worse)"
	if got.Working() != want {
		t.Errorf("working = %q\nwant      %q", got.Working(), want)
	}
}

func TestStatusWorkingBound(t *testing.T) {
	five, _ := harrow()
	for _, tc := range []struct {
		good                 report.Polarity
		target, actual, want string
	}{
		{report.Lower, "<5", "5", "actual 5 against target <5: 5 is not below 5, so it just misses the target: A (less than 5% worse)"},
		{report.Higher, "2.4%<", "2.4%", "actual 2.4% against target 2.4%<: 2.4% is not above 2.4%, so it just misses the target: A (less than 5% worse)"},
		{report.Lower, "<=5", "5", "actual 5 against target <=5: exactly on target, so LG (on target or better)"},
		{report.Higher, ">3.5", "3.5", "actual 3.5 against target >3.5: 3.5 is not above 3.5, so it just misses the target: A (less than 5% worse)"},
	} {
		m := &report.Measure{ID: "m-1", Good: tc.good}
		got := Status(Input{Rating: five, Measure: m, Quarter: report.QuarterOf(2016, 2),
			Row: &report.Row{Target: parse(t, tc.target), Actual: parse(t, tc.actual)}})
		if got.Working() != tc.want {
			t.Errorf("%s v %s: working = %q\nwant %q", tc.actual, tc.target, got.Working(), tc.want)
		}
	}
}

// A rating whose only band below target starts further down still rates a
// strict bound met exactly in it; with no such band there is no status.
func TestStrictBoundBands(t *testing.T) {
	_, st := harrow()
	m := &report.Measure{ID: "m-1", Good: report.Lower}
	row := &report.Row{Target: parse(t, "<5"), Actual: parse(t, "5")}
	in := Input{Measure: m, Quarter: report.QuarterOf(2016, 2), Row: row}
	in.Rating = report.Rating{Bands: []report.Band{{Status: st["HG"], AtLeast: f(0)}, {Status: st["A"], AtLeast: f(-10)}, {Status: st["HR"]}}}
	if got := Status(in); got.Status != st["A"] {
		t.Errorf("with an at_least -10 band, 5 v <5 = %v (%s); want A", got.Status, got.Working())
	}
	in.Rating = report.Rating{Bands: []report.Band{{Status: st["HG"], AtLeast: f(0)}}}
	if got := Status(in); got.Status != nil || !strings.Contains(got.Reason(), "no rating band") {
		t.Errorf("with no band below target, 5 v <5 = %v (%s); want no status", got.Status, got.Reason())
	}
}

func TestPerMeasureBands(t *testing.T) {
	five, st := harrow()
	strict := []report.Band{{Status: st["HG"], AtLeast: f(0)}, {Status: st["HR"]}}
	m := &report.Measure{ID: "m-1", Good: report.Higher, Bands: strict}
	got := Status(Input{Rating: five, Measure: m, Quarter: report.QuarterOf(2016, 2),
		Row: &report.Row{Target: parse(t, "90%"), Actual: parse(t, "89.9%")}})
	if got.Status != st["HR"] {
		t.Errorf("with the measure's own bands, 89.9%% v 90%% = %v; want HR", got.Status)
	}
}

func TestDirection(t *testing.T) {
	q1 := report.QuarterOf(2016, 1)
	newStatus := &report.Status{Code: "New in 2016/17"}
	// A row's period is the one it names, or else the edition's: Q2 for
	// the current row, Q1 for the one before (set below).
	row := func(actual, period string) *report.Row {
		r := &report.Row{Actual: parse(t, actual), Period: period}
		if period != "" {
			var err error
			if r.When, err = report.ParsePeriod(period, report.FinancialYear); err != nil {
				t.Fatal(err)
			}
		}
		return r
	}
	for _, tc := range []struct {
		name      string
		good      report.Polarity
		target    string
		cur, prev *report.Row
		isNew     bool
		notHeld   bool
		unplaced  bool // the current row names a period Scorecard cannot read
		breaks    []report.Break
		want      report.DirectionKind
		why       string
	}{
		{name: "higher rose", good: "higher", cur: row("50.1%", ""), prev: row("48%", ""), want: report.Improved, why: "rose from 48% in Q1 2016/17 to 50.1%"},
		{name: "higher fell", good: "higher", cur: row("87.80%", ""), prev: row("89.5%", ""), want: report.Worse, why: "fell"},
		{name: "lower fell is improved", good: "lower", cur: row("17%", ""), prev: row("21%", ""), want: report.Improved},
		{name: "lower rose is worse", good: "lower", cur: row("02:31", ""), prev: row("02:11", ""), want: report.Worse},
		{name: "same figure", good: "higher", cur: row("91%", ""), prev: row("91.0%", ""), want: report.NoChange},
		{name: "in range closer", good: "in range", target: "0.9-1.1", cur: row("1.05", ""), prev: row("1.3", ""), want: report.Improved},
		{name: "in range both inside", good: "in range", target: "0.9-1.1", cur: row("0.98", ""), prev: row("1.0", ""), want: report.NoChange},
		{name: "rolling periods compare", good: "lower", cur: row("43.3%", "Oct 13 to Sept 14"), prev: row("44.9%", "Jul 13 to Jun 14"), want: report.Improved},
		{name: "new measure", good: "higher", cur: row("90%", ""), isNew: true, why: "new measure"},
		{name: "no row then", good: "higher", cur: row("90%", ""), why: "not reported in Q1 2016/17"},
		{name: "quarter not held", good: "higher", cur: row("90%", ""), notHeld: true, why: "no figures for Q1 2016/17 are published here"},
		{name: "no prior actual", good: "higher", cur: row("90%", ""), prev: &report.Row{Actual: parse(t, "-"), Status: newStatus}, why: "no actual in Q1 2016/17 (New in 2016/17)"},
		{name: "no actual now", good: "higher", cur: row("", ""), prev: row("90%", ""), why: "no actual this quarter"},
		{name: "non-numeric", good: "higher", cur: row("80-90%", ""), prev: row("90%", ""), why: "not a single figure"},
		{name: "figure word now", good: "higher", cur: row("NYA", ""), prev: row("90%", ""), why: "no figure this quarter: not yet available"},
		{name: "figure word then", good: "higher", cur: row("90%", ""), prev: row("Not measured", ""), why: "no figure in Q1 2016/17: not measured this period"},
		{name: "units differ", good: "higher", cur: row("90%", ""), prev: row("90", ""), why: "different units"},
		{name: "data period differs", good: "lower", cur: row("483", "Oct 15 to Sep 16"), prev: row("495", ""), why: "the periods are of different lengths (3 months, then a year)"},
		{name: "year to date against a quarter", good: "higher", cur: row("51%", "2016-17 Q2 YTD"), prev: row("26%", ""), why: "a year-to-date figure cannot be compared with a figure for a single period"},
		{name: "years to date of different lengths", good: "higher", cur: row("51%", "2016-17 Q2 YTD"), prev: row("26%", "2016-17 Q1 YTD"), why: "year-to-date figures for different parts of the year (3 months, then 6 months)"},
		{name: "unplaced period", good: "higher", cur: row("51%", ""), prev: row("26%", ""), unplaced: true, why: "is not one Scorecard can place in time"},
		// No stated polarity: up or down, never better or worse.
		{name: "not stated rose", good: "not stated", cur: row("12", ""), prev: row("10", ""), want: report.Increased, why: "rose from 10 in Q1 2016/17 to 12"},
		{name: "not stated fell", good: "not stated", cur: row("8", ""), prev: row("10", ""), want: report.Decreased, why: "fell from 10"},
		{name: "not stated same", good: "not stated", cur: row("10", ""), prev: row("10.0", ""), want: report.NoChange},
		// A break in the series between the two figures: none.
		{name: "method change between", good: "higher", cur: row("90%", ""), prev: row("80%", ""),
			breaks: []report.Break{{From: q1.Next(), Kind: report.MethodChange, Reason: "Every tenant is asked."}},
			why:    "the method changed from Q2 2016/17: Every tenant is asked."},
		{name: "series break a year back", good: "higher", cur: row("90%", ""), prev: row("80%", "2015-16 Q2"),
			breaks: []report.Break{{From: q1, Kind: report.SeriesBreak, Reason: "A new definition."}},
			why:    "the series breaks at Q1 2016/17: A new definition."},
		{name: "break before both", good: "higher", cur: row("90%", ""), prev: row("80%", ""),
			breaks: []report.Break{{From: q1.Prev(), Kind: report.SeriesBreak, Reason: "A new definition."}},
			want:   report.Improved, why: "rose from 80%"},
		{name: "break after both", good: "higher", cur: row("90%", ""), prev: row("80%", ""),
			breaks: []report.Break{{From: q1.Next().Next(), Kind: report.SeriesBreak, Reason: "A new definition."}},
			want:   report.Improved, why: "rose from 80%"},
		{name: "year to date across a break", good: "higher", cur: row("51%", "2016-17 Q2 YTD"), prev: row("40%", "2015-16 Q2 YTD"),
			breaks: []report.Break{{From: q1, Kind: report.MethodChange, Reason: "New counting."}},
			why:    "the method changed from Q1 2016/17"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := &report.Measure{ID: "m-1", Good: tc.good, Breaks: tc.breaks}
			if tc.target != "" {
				tc.cur.Target = parse(t, tc.target)
			}
			if tc.cur.When.IsZero() && !tc.unplaced {
				tc.cur.When = q1.Next()
			}
			against := q1
			if tc.prev != nil {
				if tc.prev.When.IsZero() {
					tc.prev.When = q1
				}
				against = tc.prev.When
			}
			got := Direction(Comparison{Measure: m, Row: tc.cur, Against: against, Held: !tc.notHeld, Prior: tc.prev, New: tc.isNew})
			if got.Kind != tc.want || !strings.Contains(English(got), tc.why) || got.Against != against {
				t.Errorf("Direction = %s (%q) against %s; want %s with %q", got.Kind, English(got), got.Against, tc.want, tc.why)
			}
		})
	}
}

// TestReasonsFill: every reason a direction keeps is a message of the
// catalogue, and the arguments Direction.Why gives it fill every slot.
func TestReasonsFill(t *testing.T) {
	q := report.QuarterOf(2016, 1)
	brk := &report.Break{From: q, Kind: report.SeriesBreak, Reason: "A new definition."}
	for r := report.WhyNoActual; r <= report.WhyFellSpan; r++ {
		d := report.Direction{Reason: r, Against: q, Before: "41%", Now: "43%", Break: brk}
		w := d.Why()
		if w.ID == "" || w.ID != r.ID() {
			t.Errorf("reason %d: Why().ID = %q, want a message id", r, w.ID)
			continue
		}
		got, err := englishWords().Fill(w.ID, w.Args...)
		if err != nil || got == "" || strings.Contains(got, "<no value>") || strings.Contains(got, "{{") {
			t.Errorf("reason %s: English = %q, %v", w.ID, got, err)
		}
	}
	if got := (report.Direction{Now: "the same period"}); English(got) != "the same period" {
		t.Errorf("a reason in the model's words: English = %q", English(got))
	}
}
