package chart

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"scorecard/internal/report"

	"scorecard/internal/value"
	"scorecard/internal/words"
)

// en is the English catalogue, whose words the tests expect.
var en = words.English()

// A figure word is a gap in the trend, not a point, and the summary falls
// back on the last figure; a target word is named with its meaning.
func TestTrendFigureWords(t *testing.T) {
	s := example(t)
	m := measure(t, s, "pmv-1")
	var last *value.Value
	for _, q := range s.Quarters {
		r := q.Row(m)
		switch {
		case r == nil || q.ID.FirstYear() != 2016:
		case q.ID.N() == 2:
			last = &r.Actual
		case q.ID.N() == 1:
			r.Target, _ = value.ParseWords("no target", value.DefaultWords)
		}
	}
	if last == nil {
		t.Fatal("pmv-1 has no row in Q2 2016/17")
	}
	*last, _ = value.ParseWords("NYA", value.DefaultWords)
	c := Trend(s, m, en)
	o := decode(t, c)
	for _, sr := range o.Series {
		if sr.Name == "Actual" && (len(sr.Data) != 3 || sr.Data[2].Y() != "-" || sr.Data[1].Y() != 11.9) {
			t.Errorf("Actual = %+v; want 11.9 then a gap", sr.Data)
		}
	}
	want := "Actual 11.90% in Q1 2016/17, down from 14.6% in Q2 2015/16; no target figure (no target: no target set); published status High green (HG)."
	if c.Summary != want {
		t.Errorf("Summary = %q\nwant      %q", c.Summary, want)
	}
}

// marked is the English catalogue with every message marked ⟦…⟧.
type marked struct{}

func (marked) Text(id string, args ...any) (string, error) {
	s, err := en.Text(id, args...)
	return "⟦" + s + "⟧", err
}

// TestChartWords: every word a chart writes itself (its title, legend,
// axis names, table headings, summary, the SVG's text) comes from the
// catalogue it is given; what is left is the site's own: titles,
// periods, statuses, units and figures.
func TestChartWords(t *testing.T) {
	s := example(t)
	own := []string{}
	for _, st := range s.Statuses {
		own = append(own, st.Describe())
	}
	for _, q := range s.Quarters {
		own = append(own, q.ID.Label())
		for _, r := range q.Rows {
			// A period's label may wrap on the axis: its words too.
			own = append(own, strings.Fields(r.When.Label())...)
			own = append(own, r.When.Label(), r.Target.Raw, r.Target.Figure(), r.Target.Meaning(), r.Actual.Raw)
			for _, f := range append(r.Targets, r.Comparators...) {
				own = append(own, f.Text(), f.Value.Figure())
			}
		}
	}
	for _, th := range s.Themes {
		own = append(own, th.Title)
	}
	for _, sr := range s.Series {
		own = append(own, sr.Label)
	}
	var charts []Chart
	for _, m := range s.Measures {
		own = append(own, m.Title, m.Unit.AxisName())
		charts = append(charts, Trend(s, m, marked{}))
	}
	var names []string
	var rows [][]*report.Row
	q := s.Quarters[len(s.Quarters)-1]
	for _, th := range s.Themes {
		names = append(names, th.Title)
		rows = append(rows, q.ThemeRows(th))
	}
	charts = append(charts, StatusBars("chart-w", "⟦Statuses⟧", report.CountStatuses(s.Statuses, names, rows), true, marked{}))
	slices.SortFunc(own, func(a, b string) int { return len(b) - len(a) })
	inner := regexp.MustCompile(`⟦[^⟦⟧]*⟧`)
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, c := range charts {
		var table []string
		for _, row := range c.Table {
			table = append(table, row...)
		}
		text := strings.Join([]string{c.Title, c.Summary, html.UnescapeString(tags.ReplaceAllString(c.SVG, " ")), strings.Join(table, " ")}, " ")
		if !strings.Contains(text, "⟦") {
			t.Errorf("%s: no word from the catalogue", c.ID)
		}
		for inner.MatchString(text) {
			text = inner.ReplaceAllString(text, " ")
		}
		for _, o := range own {
			if o != "" {
				text = strings.ReplaceAll(text, o, " ")
			}
		}
		// A target word's meaning is the value package's (not yet the
		// catalogue's); figures may hold letters of their own (units).
		if w := regexp.MustCompile(`\pL{3,}`).FindString(text); w != "" {
			t.Errorf("%s: %q is not from the catalogue:\n%s", c.ID, w, strings.Join(strings.Fields(text), " "))
		}
	}
}
