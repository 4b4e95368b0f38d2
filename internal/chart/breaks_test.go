package chart

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"scorecard/internal/report"
)

// TestTrendBreak draws a trend across a break in its series: a labelled
// rule between the periods either side, no line joined across it, the
// summary (the static chart's description) saying so, and on the
// interactive chart a mark line and a gap.
func TestTrendBreak(t *testing.T) {
	s := example(t)
	m := measure(t, s, "pmv-1")
	plain := Trend(s, m, en)
	q2 := report.QuarterOf(2016, 2)
	m.Breaks = []report.Break{{From: q2, Kind: report.MethodChange, Reason: "A new survey"}}
	defer func() { m.Breaks = nil }()
	c := Trend(s, m, en)

	want := "Actual 13.80% in Q2 2016/17, not compared with 11.90% in Q1 2016/17, before the method change; target 7-15%; published status High green (HG). Method change from Q2 2016/17: A new survey."
	if c.Summary != want {
		t.Errorf("Summary = %q\nwant      %q", c.Summary, want)
	}
	root := parseSVG(t, c.ID, c.SVG)
	var desc string
	root.walk(func(e elem) {
		if e.XMLName.Local == "desc" {
			desc = e.Text
		}
	})
	if desc != c.Summary {
		t.Errorf("desc = %q; want the summary", desc)
	}

	// The rule lies between the marks of Q1 and Q2 2016/17, labelled.
	var xs []float64
	for _, k := range root.group(t, "marks").Kids {
		switch k.XMLName.Local {
		case "circle":
			xs = append(xs, k.num(t, "cx"))
		default:
			t.Fatalf("the example's pmv-1 marks are circles; found a %s", k.XMLName.Local)
		}
	}
	if len(xs) != 3 {
		t.Fatalf("%d marks; want 3", len(xs))
	}
	breaks := root.group(t, "breaks")
	var rule, label *elem
	for i := range breaks.Kids {
		switch k := &breaks.Kids[i]; k.XMLName.Local {
		case "line":
			rule = k
		case "text":
			label = k
		}
	}
	if rule == nil || label == nil {
		t.Fatalf("the breaks group holds %+v; want a rule and its label", breaks.Kids)
	}
	if x := rule.num(t, "x1"); x <= xs[1] || x >= xs[2] || rule.attr("stroke-dasharray") == "" {
		t.Errorf("the rule at x %v, dashed %q; want a dashed rule between %v and %v", x, rule.attr("stroke-dasharray"), xs[1], xs[2])
	}
	if label.Text != "Method change" {
		t.Errorf("the rule is labelled %q", label.Text)
	}
	checkTextFits(t, c.ID, root, svgW, root.num(t, "height"))

	// The actual's line: three points joined without the break, two with it.
	if got, was := actualPoints(t, c), actualPoints(t, plain); got != "2" || was != "3" {
		t.Errorf("the actual's runs have %s points, %s without the break; want 2 and 3", got, was)
	}

	// The target range's band is not joined across the break either.
	bands := func(c Chart) int {
		n := 0
		parseSVG(t, c.ID, c.SVG).walk(func(e elem) {
			if e.XMLName.Local == "polygon" {
				n++
			}
		})
		return n
	}
	if got, was := bands(c), bands(plain); got != was+1 {
		t.Errorf("%d target range bands, %d without the break; want one more", got, was)
	}

	// The interactive chart: a gap in the line at the break, and a line
	// marking it.
	var o struct {
		Series []struct {
			Name     string
			Data     []datum
			MarkLine struct {
				Data []struct {
					Name  string
					XAxis string
				}
			}
		}
	}
	if err := json.Unmarshal(c.Options, &o); err != nil {
		t.Fatal(err)
	}
	actual := o.Series[0]
	if actual.Name != "Actual" || len(actual.Data) != 4 || actual.Data[2].X() != "2016-07-01" || actual.Data[2].Y() != "-" {
		t.Errorf("the actual series %+v; want a gap on 2016-07-01 between Q1 and Q2", actual.Data)
	}
	if ml := actual.MarkLine.Data; len(ml) != 1 || ml[0].Name != "Method change" || ml[0].XAxis != "2016-07-01" {
		t.Errorf("mark lines %+v; want the method change on 2016-07-01", ml)
	}
	for _, sr := range o.Series[1:] {
		if strings.HasPrefix(sr.Name, "Target") && len(sr.Data) != 4 {
			t.Errorf("%s has %d points; want a gap at the break too", sr.Name, len(sr.Data))
		}
	}
}

// actualPoints counts the points of the actual's polylines, joined by
// "+", in the static chart.
func actualPoints(t *testing.T, c Chart) string {
	t.Helper()
	var counts []string
	parseSVG(t, c.ID, c.SVG).walk(func(e elem) {
		if e.XMLName.Local != "g" || e.attr("stroke") != actualColour || e.attr("fill") != "none" {
			return
		}
		for _, p := range e.Kids {
			counts = append(counts, strconv.Itoa(len(strings.Fields(p.attr("points")))))
		}
	})
	return strings.Join(counts, "+")
}

// TestSparklineBreak: a card's sparkline does not join its line across a
// break either.
func TestSparklineBreak(t *testing.T) {
	s := example(t)
	m := measure(t, s, "pmv-1") // three actuals; a range target, drawn as no line
	points := func() string {
		svg := Sparkline(s, m, "x")
		var n []string
		for _, p := range strings.Split(svg, `<polyline points="`)[1:] {
			n = append(n, strconv.Itoa(len(strings.Fields(p[:strings.IndexByte(p, '"')]))))
		}
		return strings.Join(n, "+")
	}
	before := points()
	m.Breaks = []report.Break{{From: report.QuarterOf(2016, 1), Kind: report.SeriesBreak, Reason: "A new definition."}}
	defer func() { m.Breaks = nil }()
	// Q2 2015/16 stands alone before the break: Q1 and Q2 2016/17 keep
	// their line.
	if after := points(); before != "3" || after != "2" {
		t.Errorf("polylines of %s points before the break, %s after; want 3 and 2", before, after)
	}
}
