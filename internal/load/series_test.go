package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

const seriesSite = `organisation: Test Council
title: Performance Report
accessibility: {contact_email: access@example.org, prepared: 2026-11-25}
comparators:
  - id: top-quartile
    label: Top quartile (London boroughs)
    source: LG Inform
  - id: england
    label: England average
    source: NHS Digital
targets:
  - id: annual
    label: Annual target
  - id: 2018-19
    label: Target for 2018/19
`

// TestSeriesForms reads each form a row's further targets and comparators
// take, and checks they come out in the order data/site.yaml declares.
func TestSeriesForms(t *testing.T) {
	type fig struct {
		id, raw, period, source string
		kind                    value.Kind
	}
	for _, tc := range []struct {
		name, row string
		targets   []fig
		comps     []fig
	}{
		{"none", `{target: 90%, actual: 88%}`, nil, nil},
		{"flow", `{target: 90%, actual: 88%, targets: {2018-19: 97%, annual: 96%}, comparators: {england: 92%}}`,
			[]fig{{id: "annual", raw: "96%", kind: value.Number}, {id: "2018-19", raw: "97%", kind: value.Number}},
			[]fig{{id: "england", raw: "92%", kind: value.Number}}},
		{"mapping with period and source", "\n    actual: 88%\n    comparators:\n      england: 92%\n      top-quartile: {value: 98%, period: 2015-16, source: \"LG Inform, March 2017\"}",
			nil,
			[]fig{{id: "top-quartile", raw: "98%", period: "2015-16", source: "LG Inform, March 2017", kind: value.Number}, {id: "england", raw: "92%", kind: value.Number}}},
		{"figure word and range and bound", `{actual: 88%, targets: {annual: NYA, 2018-19: ">=95%"}, comparators: {england: 90-94%}}`,
			[]fig{{id: "annual", raw: "NYA", kind: value.Word}, {id: "2018-19", raw: ">=95%", kind: value.Bound}},
			[]fig{{id: "england", raw: "90-94%", kind: value.Range}}},
		{"blank", `{actual: 88%, comparators: {england: }}`, nil, []fig{{id: "england", kind: value.Blank}}},
		{"empty fields", "\n    actual: 88%\n    targets:\n    comparators: {}", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := site(t, nil)
			fsys["data/site.yaml"] = &fstest.MapFile{Data: []byte(seriesSite)}
			fsys["data/quarters/2016-17-q2.yaml"] = &fstest.MapFile{Data: []byte("quarter: 2016-17 Q2\nmeasures:\n  homes-2: " + tc.row + "\n")}
			s, errs := Site(fsys)
			if errs.HasErrors() {
				t.Fatal(errs)
			}
			var ids []string
			for _, sr := range s.Series {
				ids = append(ids, sr.Kind.Word()+":"+sr.ID)
			}
			if got := strings.Join(ids, " "); got != "comparator:top-quartile comparator:england target:annual target:2018-19" {
				t.Errorf("series = %s", got)
			}
			r := s.Quarters[0].Rows[0]
			for _, c := range []struct {
				kind report.SeriesKind
				got  []report.Figure
				want []fig
			}{{report.TargetSeries, r.Targets, tc.targets}, {report.ComparatorSeries, r.Comparators, tc.comps}} {
				if len(c.got) != len(c.want) {
					t.Fatalf("%ss = %+v; want %+v", c.kind.Word(), c.got, c.want)
				}
				for i, w := range c.want {
					g := c.got[i]
					if g.Series.ID != w.id || g.Series.Kind != c.kind || g.Value.Raw != w.raw || g.Value.Kind != w.kind || g.Period != w.period || g.Source != w.source || g.Pos.Line == 0 {
						t.Errorf("%s %d = %s %q (%v) period %q source %q at %v; want %+v", c.kind.Word(), i, g.Series.ID, g.Value.Raw, g.Value.Kind, g.Period, g.Source, g.Pos, w)
					}
					if r.Reference(g.Series) == nil || r.Reference(g.Series).Value.Raw != w.raw {
						t.Errorf("Reference(%s) does not find the figure", w.id)
					}
				}
			}
		})
	}
}

func TestSeriesColumn(t *testing.T) {
	for _, tc := range []struct {
		kind     report.SeriesKind
		id, want string
	}{
		{report.TargetSeries, "annual", "target_annual"},
		{report.TargetSeries, "2018-19", "target_2018_19"},
		{report.ComparatorSeries, "Top quartile (London)", "comparator_top_quartile_london"},
		{report.ComparatorSeries, "--england--", "comparator_england"},
	} {
		if got := (&report.Series{Kind: tc.kind, ID: tc.id}).Column(); got != tc.want {
			t.Errorf("Column(%s %q) = %q; want %q", tc.kind.Word(), tc.id, got, tc.want)
		}
	}
}
