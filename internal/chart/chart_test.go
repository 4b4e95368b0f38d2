package chart

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"scorecard/internal/load"
	"scorecard/internal/rag"
	"scorecard/internal/report"
	"scorecard/internal/value"
)

func example(t *testing.T) *report.Site {
	t.Helper()
	s, errs := load.Site(os.DirFS("../.."))
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	rag.Assess(s)
	return s
}

func measure(t *testing.T, s *report.Site, id string) *report.Measure {
	t.Helper()
	for _, m := range s.Measures {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("no measure %s", id)
	return nil
}

// options decodes a chart's JSON into the parts the tests look at.
type options struct {
	Animation bool
	Aria      struct{ Enabled bool }
	XAxis     []struct {
		Type, Min, Max string
		Data           []string
	}
	YAxis []struct {
		Data      []string
		AxisLabel struct {
			Width, LineHeight int
			Overflow          string
		}
	}
	Scorecard *struct{ Decimals int } // Scorecard's own settings (charts.js)
	Series    []struct {
		Name, Type, Symbol, Stack string
		Data                      []datum
		ItemStyle                 struct{ Color, BorderColor string }
		LineStyle                 struct{ Type string }
		Label                     struct{ Formatter, Color string }
	}
}

// datum is one data item: on a trend's time axis, {name, value: [date,
// y]}; elsewhere {value: y}.
type datum struct {
	Name  string
	Value any
}

// Y is the point's value on the value axis.
func (p datum) Y() any {
	if a, ok := p.Value.([]any); ok && len(a) == 2 {
		return a[1]
	}
	return p.Value
}

// X is the point's date on a time axis, or "".
func (p datum) X() string {
	if a, ok := p.Value.([]any); ok && len(a) == 2 {
		s, _ := a[0].(string)
		return s
	}
	return ""
}

func decode(t *testing.T, c Chart) options {
	t.Helper()
	return decodeAs[options](t, c)
}

// decodeAs decodes a chart's options into the parts a test looks at.
func decodeAs[T any](t *testing.T, c Chart) T {
	t.Helper()
	var o T
	if err := json.Unmarshal(c.Options, &o); err != nil {
		t.Fatalf("%s: options are not JSON: %v", c.ID, err)
	}
	return o
}

func TestTrend(t *testing.T) {
	s := example(t)
	c := Trend(s, measure(t, s, "pmv-1"), en)
	if c.ID != "chart-trend-pmv-1" {
		t.Errorf("ID = %q", c.ID)
	}
	want := "Actual 13.80% in Q2 2016/17, up from 11.90% in Q1 2016/17; target 7-15%; published status High green (HG)."
	if c.Summary != want {
		t.Errorf("Summary = %q\nwant      %q", c.Summary, want)
	}
	o := decode(t, c)
	if o.Animation || !o.Aria.Enabled {
		t.Errorf("animation %v, aria %v; want no animation and aria on", o.Animation, o.Aria.Enabled)
	}
	names := map[string]int{}
	for i, sr := range o.Series {
		names[sr.Name] = i
	}
	actual := o.Series[names["Actual"]]
	// On a time axis, each point at the middle of its period, named for it.
	var at []string
	for _, p := range actual.Data {
		at = append(at, p.Name+"@"+p.X())
	}
	if got := strings.Join(at, ","); o.XAxis[0].Type != "time" || got != "Q2 2015/16@2015-08-16,Q1 2016/17@2016-05-16,Q2 2016/17@2016-08-16" {
		t.Errorf("x axis %q, points %s; want a time axis with each quarter at its middle", o.XAxis[0].Type, got)
	}
	if len(actual.Data) != 3 || actual.Data[2].Y() != 13.8 {
		t.Errorf("Actual = %+v", actual.Data)
	}
	for _, name := range []string{"Target", "Target range, lower end", "Target range, upper end"} {
		if sr := o.Series[names[name]]; sr.Name != name || sr.LineStyle.Type != "dashed" {
			t.Errorf("series %q: %+v; want a dashed line", name, sr)
		}
	}
	hg := o.Series[names["High green (HG)"]]
	if hg.Type != "scatter" || hg.Symbol != "circle" || hg.ItemStyle.Color != "#00703c" || hg.Label.Formatter != "HG" {
		t.Errorf("HG markers = %+v; want circles in #00703c labelled HG", hg)
	}
	if hg.Data[0].Y() != "-" || hg.Data[1].Y() != 11.9 {
		t.Errorf("HG markers at %+v; want none in Q2 2015/16 (LG), 11.9 in Q1 2016/17", hg.Data)
	}
	if lg := o.Series[names["Low green (LG)"]]; lg.Symbol != "emptyCircle" {
		t.Errorf("LG marker shape %q; want a shape of its own", lg.Symbol)
	}
}

func TestTrendSummaries(t *testing.T) {
	s := example(t)
	for id, want := range map[string]string{
		"bmb-13": "Actual 02:31 in Q2 2016/17, up from 02:11 in Q1 2016/17; target 01:30; published status High red (HR).",
		"bmb-10": "Actual 90% in Q2 2016/17, the same as in Q1 2016/17; target 80%; published status High green (HG).",
		"bbh-34": "Actual 6 in Q1 2016/17, the same as in Q2 2015/16; target 6.1; published status Low green (LG).",
		"bmb-6":  "Actual 56% in Q1 2016/17, the first figure published here; target [60%].",
		"bbh-52": "Actual 38% in Q1 2016/17, down from 43% in Q2 2015/16; target 50%; published status High red (HR).",
	} {
		if got := Trend(s, measure(t, s, id), en).Summary; got != want {
			t.Errorf("%s: %q\nwant  %q", id, got, want)
		}
	}
}

func TestStatusBars(t *testing.T) {
	st := []*report.Status{{Code: "G", Label: "Green", Colour: "#00703c"}, {Code: "R", Label: "Red", Colour: "#942514"}}
	rows := [][]*report.Row{
		{{Status: st[0]}, {Status: st[0]}, {Status: st[1]}},
		{{Status: st[1]}, {}},
	}
	counts := report.CountStatuses(st, []string{"Q1", "Q2"}, rows)
	c := StatusBars("chart-x", "Statuses", counts, false, en)
	// Q2's tie (1 Red, 1 with no status) goes to the status first in the scale.
	if want := "The most common published status in each period: Q1, 2 of 3 Green (G); Q2, 1 of 2 Red (R). The table under the chart gives every count."; c.Summary != want {
		t.Errorf("Summary = %q\nwant      %q", c.Summary, want)
	}
	if want := "Q1, 3 measures: 2 Green (G), 1 Red (R); Q2, 2 measures: 1 Red (R), 1 No status published."; !strings.Contains(c.SVG, want) {
		t.Errorf("the drawing's description lacks every count, %q", want)
	}
	o := decode(t, c)
	if len(o.Series) != 3 {
		t.Fatalf("%d series; want Green, Red and no status", len(o.Series))
	}
	g := o.Series[0]
	if g.Name != "Green (G)" || g.Stack != "status" || g.ItemStyle.Color != "#00703c" || g.Data[0].Y() != 2.0 || g.Data[1].Y() != "-" {
		t.Errorf("Green series = %+v", g)
	}
	h := decode(t, StatusBars("chart-y", "Statuses", counts, true, en))
	if len(h.YAxis) == 0 || strings.Join(h.YAxis[0].Data, ",") != "Q1,Q2" {
		t.Errorf("horizontal bars: y axis = %+v; want the categories", h.YAxis)
	}
	// Long names wrap, with room between their lines.
	if l := h.YAxis[0].AxisLabel; l.Width != 140 || l.Overflow != "break" || l.LineHeight != 16 {
		t.Errorf("horizontal bars: axis label = %+v; want width 140, overflow break, line height 16", l)
	}
	if len(o.YAxis) == 0 || o.YAxis[0].AxisLabel.LineHeight != 0 {
		t.Errorf("vertical bars: y axis = %+v; want no line height", o.YAxis)
	}
}

func TestSparkline(t *testing.T) {
	s := example(t)
	svg := Sparkline(s, measure(t, s, "bmb-12"), "a summary")
	for _, want := range []string{`<svg class="sparkline"`, `role="img"`, `aria-label="a summary"`, `<polyline`, `fill="#942514"`, `stroke-dasharray`} {
		if !strings.Contains(svg, want) {
			t.Errorf("sparkline lacks %s:\n%s", want, svg)
		}
	}
	if strings.Contains(svg, "style=") {
		t.Errorf("sparkline has a style attribute, which a strict CSP refuses:\n%s", svg)
	}
	if got := Sparkline(s, measure(t, s, "bmb-6"), ""); got != "" {
		t.Errorf("a measure with one actual got a sparkline: %s", got)
	}
}

func BenchmarkTrend(b *testing.B) {
	s, _ := load.Site(os.DirFS("../.."))
	rag.Assess(s)
	for b.Loop() {
		for _, m := range s.Measures {
			Trend(s, m, en)
		}
	}
}

// TestLightStatus: a light status colour, such as a council's amber
// #ffbf47, takes dark text: its trend marks are edged in dark text to stand
// out from the white page, keep their own shape, and the numbers on its
// bars are dark.
func TestLightStatus(t *testing.T) {
	s := example(t)
	var amber *report.Status
	for _, st := range s.Statuses {
		if st.Code == "A" {
			amber = st
		}
	}
	amber.Colour, amber.Text = "#ffbf47", report.DarkText
	var m *report.Measure
	for _, q := range s.Quarters {
		for _, r := range q.Rows {
			if r.Status == amber && r.Actual.Kind == value.Number && m == nil {
				m = r.Measure
			}
		}
	}
	if m == nil {
		t.Fatal("the example has no measure rated A")
	}
	o := decode(t, Trend(s, m, en))
	shapes := map[string]string{}
	for _, sr := range o.Series {
		if sr.Type != "scatter" {
			continue
		}
		if other, dup := shapes[sr.Symbol]; dup {
			t.Errorf("%s and %s share the marker %s", sr.Name, other, sr.Symbol)
		}
		shapes[sr.Symbol] = sr.Name
		switch {
		case sr.Name == amber.Describe() && (sr.ItemStyle.Color != "#ffbf47" || sr.ItemStyle.BorderColor != report.DarkText || sr.Symbol != amber.Shape):
			t.Errorf("%s: amber marks = %+v; want #ffbf47 %s edged in %s", m.ID, sr, amber.Shape, report.DarkText)
		case sr.Name != amber.Describe() && sr.ItemStyle.BorderColor != sr.ItemStyle.Color:
			t.Errorf("%s: %s marks edged in %s; want their own colour", m.ID, sr.Name, sr.ItemStyle.BorderColor)
		}
	}
	if shapes[amber.Shape] != amber.Describe() {
		t.Errorf("%s: no amber marks among %v", m.ID, shapes)
	}
	counts := report.CountStatuses(s.Statuses, []string{"Q"}, [][]*report.Row{{{Status: amber}, {Status: s.Statuses[0]}}})
	for _, sr := range decode(t, StatusBars("chart-z", "Statuses", counts, false, en)).Series {
		want := "#ffffff"
		if sr.Name == amber.Describe() {
			want = report.DarkText
		}
		if sr.Label.Color != want {
			t.Errorf("bar %s: numbers in %s; want %s", sr.Name, sr.Label.Color, want)
		}
	}
	if svg := Sparkline(s, m, "x"); !strings.Contains(svg, `fill="#ffbf47" stroke="`+report.DarkText+`"`) {
		t.Errorf("sparkline of %s: amber points not edged in dark text:\n%s", m.ID, svg)
	}
}

// TestTrendTimeAxis: figures for periods of different lengths sit where
// they belong, the latest edition's figure stands for a period published
// twice, and a figure whose period cannot be placed is left off.
func TestTrendTimeAxis(t *testing.T) {
	m := &report.Measure{ID: "calls", Title: "Calls", Good: report.Higher, Unit: report.BuiltinUnit("%"), Index: 0}
	th := &report.Theme{ID: "t", Title: "T", Measures: []*report.Measure{m}}
	m.Theme = th
	num := func(s string) value.Value {
		v, err := value.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	month := func(mon int) report.Period { return report.MonthPeriodOf(2016, mon, report.FinancialYear) }
	row := func(when report.Period, actual string) *report.Row {
		return &report.Row{Measure: m, When: when, Actual: num(actual)}
	}
	may := &report.Quarter{ID: month(5), Rows: []*report.Row{row(month(5), "80%")}}
	june := &report.Quarter{ID: month(6), Rows: []*report.Row{row(month(6), "85%")},
		More: []*report.Row{row(month(4), "70%"), row(month(5), "81%")}}
	// July publishes the quarter before, not July; September a figure
	// whose period could not be read.
	july := &report.Quarter{ID: month(7), Rows: []*report.Row{row(report.QuarterOf(2016, 1), "79%")}}
	sept := &report.Quarter{ID: month(9), Rows: []*report.Row{{Measure: m, Period: "whenever", Actual: num("90%")}}}
	s := &report.Site{Themes: []*report.Theme{th}, Measures: []*report.Measure{m}, Quarters: []*report.Quarter{may, june, july, sept}}
	for _, q := range s.Quarters {
		q.IndexRows()
	}
	o := decode(t, Trend(s, m, en))
	for _, sr := range o.Series {
		if sr.Name != "Actual" {
			continue
		}
		var got []string
		for _, p := range sr.Data {
			got = append(got, fmt.Sprintf("%s@%s=%v", p.Name, p.X(), p.Y()))
		}
		want := "April 2016@2016-04-16=70,May 2016@2016-05-16=81,Q1 2016/17@2016-05-16=79,June 2016@2016-06-16=85"
		if strings.Join(got, ",") != want {
			t.Errorf("Actual = %s\nwant     %s", strings.Join(got, ","), want)
		}
	}
	if x := o.XAxis[0]; x.Type != "time" || x.Min != "2016-04-01" || x.Max != "2016-06-30" || len(x.Data) != 0 {
		t.Errorf("x axis = %+v; want a time axis from 2016-04-01 to 2016-06-30", x)
	}
}

// TestTrendDecimals: a trend of a site's own unit tells the tooltips how
// many places its figures show; one of a built-in unit leaves them as
// written.
func TestTrendDecimals(t *testing.T) {
	weeks := &report.Unit{ID: "weeks", Label: "weeks", Symbol: "weeks", Decimals: 2, Kind: report.DurationUnit}
	for _, tt := range []struct {
		unit *report.Unit
		want string
	}{
		{report.BuiltinUnit("%"), "none"},
		{weeks, "2"},
	} {
		m := &report.Measure{ID: "waits", Title: "Waits", Good: report.Lower, Unit: tt.unit}
		th := &report.Theme{ID: "t", Title: "T", Measures: []*report.Measure{m}}
		m.Theme = th
		q := &report.Quarter{ID: report.QuarterOf(2016, 1), Rows: []*report.Row{{Measure: m, When: report.QuarterOf(2016, 1), Actual: value.Value{Kind: value.Number, Num: 12.5}}}}
		q.IndexRows()
		o := decode(t, Trend(&report.Site{Themes: []*report.Theme{th}, Measures: []*report.Measure{m}, Quarters: []*report.Quarter{q}}, m, en))
		got := "none"
		if o.Scorecard != nil {
			got = fmt.Sprint(o.Scorecard.Decimals)
		}
		if got != tt.want {
			t.Errorf("unit %s: decimals %s; want %s", tt.unit.ID, got, tt.want)
		}
	}
}
