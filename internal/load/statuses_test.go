package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
	"scorecard/internal/report"
)

// TestTextColour: a status tag takes white text where white reads, dark
// text on a light colour, and neither on a mid-tone that gives under 4.5:1
// with both.
func TestTextColour(t *testing.T) {
	for _, tc := range []struct {
		colour, want string // want "" when the colour is refused
	}{
		{"#00703c", report.White},    // the default green: 6.1:1 with white
		{"#942514", report.White},    // the default red
		{"#ffbf47", report.DarkText}, // a council's amber: 1.7:1 with white, 11.6:1 with dark text
		{"#7fff7f", report.DarkText}, // light green
		{"#ffffff", report.DarkText},
		{"#767676", report.White},    // 4.54:1 with white
		{"#777777", ""},              // 4.48:1 with white, 4.37:1 with dark text
		{"#808080", report.DarkText}, // under 4.5:1 with white, over it with dark text
		{"#787878", ""},
	} {
		got, ok := TextColour(tc.colour)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("TextColour(%s) = %q, %v; want %q", tc.colour, got, ok, tc.want)
		}
		if ok && Contrast(tc.colour, got) < 4.5 {
			t.Errorf("TextColour(%s) = %s, with contrast %.2f:1", tc.colour, got, Contrast(tc.colour, got))
		}
	}
}

// TestPublishedDirectionWords reads each word and arrow a report may print
// for its direction of travel, through each polarity.
func TestPublishedDirectionWords(t *testing.T) {
	const refused = report.DirectionKind(255)
	for _, tc := range []struct {
		words                      []string
		higher, lower, inRange, no report.DirectionKind
	}{
		{[]string{"improved", "Improving", "better", "IMPROVED"}, report.Improved, report.Improved, report.Improved, refused},
		{[]string{"worse", "worsened", "declined", "Deteriorated"}, report.Worse, report.Worse, report.Worse, refused},
		{[]string{"same", "no change", "No  Change", "unchanged", "stable", "↔", "→"}, report.NoChange, report.NoChange, report.NoChange, report.NoChange},
		{[]string{"up", "Increased", "↑"}, report.Improved, report.Worse, refused, report.Increased},
		{[]string{"down", "decreased", "↓"}, report.Worse, report.Improved, refused, report.Decreased},
		{[]string{"sideways", "improved?", "", "↗"}, refused, refused, refused, refused},
	} {
		for _, w := range tc.words {
			for _, p := range []struct {
				good report.Polarity
				want report.DirectionKind
			}{{report.Higher, tc.higher}, {report.Lower, tc.lower}, {report.InRange, tc.inRange}, {report.NotStated, tc.no}} {
				var errs diag.List
				d := &doc{file: "q.yaml", errs: &errs}
				n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: w, Line: 3, Column: 14}
				got := readPublishedDirection(d, n, &report.Measure{ID: "m-1", Good: p.good})
				switch {
				case p.want == refused && (got != nil || len(errs) != 1):
					t.Errorf("direction %q, good %s = %+v, %v; want it refused", w, p.good, got, errs)
				case p.want == refused:
					if !strings.HasPrefix(errs[0].Error(), "q.yaml:3:14: measure m-1: direction ") || !strings.Contains(errs[0].Msg, "; write") {
						t.Errorf("direction %q, good %s: message %q lacks the position or the fix", w, p.good, errs[0].Error())
					}
				case got == nil || got.Kind != p.want || got.Raw != w || len(errs) > 0:
					t.Errorf("direction %q, good %s = %+v, %v; want %s", w, p.good, got, errs, p.want)
				}
			}
		}
	}
}

// TestStatusesLoad loads a site with status rules, a light colour, a
// measure with no stated polarity and published directions.
func TestStatusesLoad(t *testing.T) {
	fsys := site(t, nil)
	fsys["data/site.yaml"] = &fstest.MapFile{Data: []byte(`organisation: Test Council
title: Performance Report
accessibility: {contact_email: access@example.org, prepared: 2026-11-25}
statuses:
  - {code: G, label: On target, rating: true, colour: "#00703c", shape: circle}
  - {code: A, label: Near target, rating: true, colour: "#ffbf47", shape: diamond}
  - {code: R, label: Off target, rating: true, colour: "#942514", shape: triangle}
rating:
  rules:
    - {status: A, target: missed, direction: improved}
    - {status: G, target: Met, direction: No change}
  bands:
    - {status: G, at_least: 0}
    - {status: A, at_least: -10}
    - {status: R}
`)}
	cat := string(fsys["data/measures.yaml"].Data)
	cat = strings.Replace(cat, "    good: higher\n    unit: count\n", "    unit: count\n", 1)
	cat = strings.Replace(cat, "    good: higher\n    unit: \"%\"\n", "    good: Not stated\n    unit: \"%\"\n", 1)
	fsys["data/measures.yaml"] = &fstest.MapFile{Data: []byte(cat)}
	q := string(fsys["data/quarters/2016-17-q2.yaml"].Data)
	q = strings.NewReplacer("status: HG}", "status: G, direction: ↑}", "status: A,", "status: A, direction: down,", "status: HR}", "status: R, direction: up}").Replace(q)
	fsys["data/quarters/2016-17-q2.yaml"] = &fstest.MapFile{Data: []byte(q)}
	s, errs := Site(fsys)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	r := s.Rating.Rules
	if len(r) != 2 || r[0].Status.Code != "A" || r[0].Target != report.TargetMissed || r[0].Direction != report.Improved || r[0].N != 1 ||
		r[1].Status.Code != "G" || r[1].Target != report.TargetMet || r[1].Direction != report.NoChange || r[1].N != 2 || r[1].Pos.Line != 11 {
		t.Errorf("rules = %+v", r)
	}
	if a := s.Statuses[1]; a.Text != report.DarkText || !a.Light() || s.Statuses[0].Text != report.White {
		t.Errorf("text colours: G %s, A %s; want white and dark", s.Statuses[0].Text, a.Text)
	}
	if g1, g2 := s.Measures[0].Good, s.Measures[1].Good; g1 != report.NotStated || g2 != report.NotStated {
		t.Errorf("polarities %q, %q; want both not stated", g1, g2)
	}
	rows := s.Quarters[0].Rows
	for i, want := range []report.DirectionKind{report.Increased, report.Decreased, report.Worse} {
		if p := rows[i].PublishedDirection; p == nil || p.Kind != want || p.Pos.Line == 0 {
			t.Errorf("%s published direction = %+v; want %s", rows[i].Measure.ID, p, want)
		}
	}
}

// TestRuleComparators: a rule's comparator must be one the site declares;
// once declared, the rule keeps its label.
func TestRuleComparators(t *testing.T) {
	var errs diag.List
	d := &doc{file: siteFile, errs: &errs}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("- {status: G, comparator: top-quartile, position: at least}\n- {status: G, comparator: london, position: better}\n"), &n); err != nil {
		t.Fatal(err)
	}
	scale := []*report.Status{{Code: "G", Rating: true}}
	series := []*report.Series{
		{Kind: report.TargetSeries, ID: "london", Label: "A target, not a comparator"},
		{Kind: report.ComparatorSeries, ID: "top-quartile", Label: "Top quartile (London boroughs)"},
	}
	rules := resolveRules(d, readRules(d, n.Content[0]), scale, series)
	if len(rules) != 1 || rules[0].Comparator != "top-quartile" || rules[0].Position != report.AtLeast || rules[0].ComparatorLabel != "Top quartile (London boroughs)" {
		t.Errorf("rules = %+v", rules)
	}
	want := `data/site.yaml:2:27: a status rule names comparator "london", which the site does not declare; declare it under "comparators:" in data/site.yaml, or use one of: "top-quartile"`
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("errors = %v\nwant %s", errs, want)
	}
	if got, want := rules[0].Describe(), "G when the actual is at least as good as the Top quartile (London boroughs)"; got != want {
		t.Errorf("Describe() = %q, want %q", got, want)
	}
}
