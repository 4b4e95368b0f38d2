// Package chart builds the options of a site's charts with go-echarts and
// writes them as ECharts option JSON, with a one-sentence summary of each
// for readers who cannot see it. It knows nothing of pages.
package chart

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// Chart is one chart: ECharts options, the same chart drawn as a static
// SVG, its data as a table, and what a page says about it.
type Chart struct {
	ID      string // stable, so that output stays byte-identical
	Title   string
	Summary string // one sentence with the chart's main numbers
	Options []byte // ECharts option JSON, with <, > and & escaped
	// SVG is the chart drawn complete at build time: a standalone SVG
	// document (role img, named by its <title> and <desc>, whose ids are
	// SVGTitleID and SVGDescID of ID), escaped, with no style attribute.
	SVG string
	// Table is the chart's data, the first row the column headings,
	// figures as the site's tables show them and "" for none.
	Table [][]string
}

// Colours of the parts of charts that are not statuses: each has at least
// 3:1 contrast with the white background.
const (
	actualColour = "#0b0c0c"
	targetColour = "#505a5f"
)

// finish turns a go-echarts chart's options into JSON, adding the
// settings every chart has that go-echarts has no option for. A chart sets
// its own such settings on the options before.
func finish(id string, options map[string]any) []byte {
	options["animation"] = false // drawn at once: calmer, and kinder to reduced motion
	options["aria"] = map[string]any{"enabled": true, "decal": map[string]any{"show": true}}
	b, err := json.Marshal(options)
	if err != nil {
		panic(fmt.Sprintf("chart %s: %v", id, err)) // options hold only plain data
	}
	return b // json.Marshal sorts keys and escapes <, > and &
}

func title(text string) charts.GlobalOpts {
	return charts.WithTitleOpts(opts.Title{Show: opts.Bool(false), Title: text})
}

func common() []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
	}
}

// The interactive chart's layout is set for a phone first: a chart about
// phoneW px wide, with ECharts' 12 px text.
const (
	phoneW      = 358.0
	echartsFont = 12.0
	// labelClear is what a value axis's name needs beyond its widest
	// label: ECharts' 8 px between the axis and its labels, and 8 more.
	labelClear = 16
)

// fitPhone sets a chart's legend and grid so that the legend wraps into
// rows under the plot, all shown (no paging), at a phone's width, with
// below room for the x axis's labels and name.
func fitPhone(options map[string]any, names []string, below, icon float64) {
	// ECharts' plain legend: an icon px wide (ECharts' own is 25 px), 5
	// px to the words, 10 px between items, in rows as wide as the chart
	// less its padding.
	rows, x := 1, 0.0
	for _, n := range names {
		w := icon + 5 + textWidth(n, echartsFont)
		if x > 0 && x+w > phoneW-10 {
			rows, x = rows+1, 0
		}
		x += w + 10
	}
	options["legend"] = map[string]any{"show": true, "type": "plain", "left": 0, "bottom": 0, "itemGap": 10}
	options["grid"] = map[string]any{"left": 28, "right": 16, "top": 16,
		"bottom": below + float64(rows)*22, "containLabel": true}
}

// legendNames are the names of the series, as the legend lists them.
func legendNames(series charts.MultiSeries) []string {
	var out []string
	for _, s := range series {
		out = append(out, s.Name)
	}
	return out
}

// valueAxis is a trend's y axis with the static chart's ticks, named in
// the middle of its side, far enough out to clear the widest label.
func valueAxis(ys yScale, u *report.Unit, name string) map[string]any {
	w := 0.0
	for _, l := range ys.labels {
		w = max(w, textWidth(l, echartsFont))
	}
	y := map[string]any{"type": "value", "name": name, "nameLocation": "middle", "nameGap": int(w) + labelClear,
		"min": ys.lo(), "max": ys.hi(), "interval": ys.step}
	if f := u.AxisFormat(); f != "" {
		// The tooltips write values as the axis labels them (charts.js).
		y["axisLabel"] = map[string]any{"formatter": f}
	}
	return y
}

// Trend charts a measure's actual against its target across every quarter
// the site holds, marking each actual with its published status.
func Trend(s *report.Site, m *report.Measure, w Words) Chart {
	say := sayIn(w)
	id := "chart-trend-" + m.Address
	rows := placed(s, m)
	quarters := make([]string, len(rows)) // each figure's period, in words
	dates := make([]string, len(rows))    // where it sits on the time axis
	var first, last time.Time             // the axis runs over every period shown
	for i, r := range rows {
		quarters[i] = r.When.Label()
		dates[i] = r.When.PlotAt().Format("2006-01-02")
		start, end := r.When.Dates()
		if first.IsZero() || start.Before(first) {
			first = start
		}
		if end.After(last) {
			last = end
		}
	}
	line := charts.NewLine()
	unit := m.Unit
	line.SetGlobalOptions(append(common(),
		title(m.Title),
		charts.WithXAxisOpts(timeAxis(first, last, say("chart-period"))),
	)...)
	// Each point sits on the time axis at its date, named for its period.
	at := func(i int, v any) opts.LineData {
		return opts.LineData{Name: quarters[i], Value: []any{dates[i], v}}
	}

	// A break in the series: a gap in every line, and a rule marking it.
	cs := cuts(m, rows, say)
	actual := make([]opts.LineData, len(rows))
	for i, r := range rows {
		actual[i] = at(i, point(r.Actual))
	}
	line.AddSeries(say("chart-actual"), gapped(actual, cs), append([]charts.SeriesOpts{
		charts.WithLineChartOpts(opts.LineChart{Symbol: "none", ConnectNulls: opts.Bool(false)}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: actualColour, Width: 2}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: actualColour}),
	}, breakLines(cs)...)...)
	for _, tl := range targetLines(rows, at, say) {
		line.AddSeries(tl.name, gapped(tl.data, cs),
			charts.WithLineChartOpts(opts.LineChart{Symbol: "rect", SymbolSize: 6}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: targetColour, Width: 2, Type: "dashed"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: targetColour}),
		)
	}
	for i, sr := range referenceSeries(s, rows) {
		style := seriesStyles[i%len(seriesStyles)]
		dash := "dashed"
		if sr.Kind == report.ComparatorSeries {
			dash = "dotted"
		}
		data := make([]opts.LineData, len(rows))
		for j, r := range rows {
			// A number or a bound is drawn at its value, as the row's own
			// target is; a range, a word or a blank is a gap (the tables
			// give it).
			data[j] = at(j, "-")
			if f := r.Reference(sr); f != nil && (f.Value.Kind == value.Number || f.Value.Kind == value.Bound) {
				data[j] = at(j, f.Value.Num)
			}
		}
		line.AddSeries(sr.Label, gapped(data, cs),
			charts.WithLineChartOpts(opts.LineChart{Symbol: style.symbol, SymbolSize: 8, ConnectNulls: opts.Bool(false)}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: style.colour, Width: 2, Type: dash}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: style.colour}),
		)
	}
	// One series of markers per status, so that the legend names each and
	// each has its own shape as well as colour.
	for _, st := range s.Statuses {
		data := make([]opts.ScatterData, len(rows))
		used := false
		for i, r := range rows {
			v := any("-")
			if r.Status == st && r.Actual.Kind == value.Number {
				v, used = r.Actual.Num, true
			}
			p := at(i, v)
			data[i] = opts.ScatterData{Name: p.Name, Value: p.Value}
		}
		if !used {
			continue
		}
		// The series a Scatter's AddSeries makes, without making a whole
		// Scatter chart for it: NewScatter fills every default of a chart
		// by reflection, a third of a trend's time.
		sc := charts.SingleSeries{Name: st.Describe(), Type: types.ChartScatter, Data: data}
		sc.ConfigureSeriesOpts(
			charts.WithScatterChartOpts(opts.ScatterChart{Symbol: st.Shape, SymbolSize: 14}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: st.Colour, BorderColor: markEdge(st), BorderWidth: 2}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: st.Code, Color: actualColour}),
		)
		line.MultiSeries = append(line.MultiSeries, sc)
	}
	options := line.JSON()
	ys := trendScale(rows, referenceSeries(s, rows), unit)
	options["yAxis"] = []any{valueAxis(ys, unit, axisName(unit, say))}
	fitPhone(options, legendNames(line.MultiSeries), 50, 25)
	switch {
	case isDuration(unit):
		// Times are charted in seconds; the axis labels and tooltips write
		// them as the tables do (charts.js).
		form := "mm:ss"
		if ys.hi() >= 3600 {
			form = "h:mm:ss"
		}
		options["scorecard"] = map[string]any{"duration": form}
	case !unit.Builtin:
		// A site's own unit says how many places its figures show: the
		// tooltips write them so (charts.js), the built-ins as written.
		options["scorecard"] = map[string]any{"decimals": unit.Decimals}
	}
	t, summary := say("chart-trend-title", "Measure", m.Title), trendSummary(m, rows, quarters, say)+breakSentences(cs, say)
	return Chart{ID: id, Title: t, Summary: summary, Options: finish(id, options),
		SVG: trendSVG(id, t, summary, s, m, rows, cs, say), Table: trendTable(s, rows, say)}
}

// placed returns the figures of m that have a place in time, one for each
// period, in time order: every edition's rows for m, the latest edition's
// where two publish the same period. A figure whose period Scorecard
// cannot read is in the tables, not on the chart.
func placed(s *report.Site, m *report.Measure) []*report.Row {
	byPeriod := map[report.Period]int{}
	var rows []*report.Row
	for _, q := range s.Quarters {
		for _, r := range q.RowsOf(m) {
			switch i, seen := byPeriod[r.When]; {
			case r.When.IsZero():
			case seen:
				rows[i] = r
			default:
				byPeriod[r.When] = len(rows)
				rows = append(rows, r)
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b *report.Row) int { return a.When.Compare(b.When) })
	return rows
}

// timeAxis is a trend's x axis, a time axis: each point sits at the
// middle of its period (a year to date at the middle of its last month),
// named for the period, so that months, quarters and years sit where they
// belong and a missing period leaves a gap of its length. The axis runs
// from the first day of the earliest period to the last of the latest, so
// that every point sits inside the plot, where a reader's pointer finds
// it.
func timeAxis(first, last time.Time, name string) opts.XAxis {
	x := opts.XAxis{Type: "time", Name: name, NameLocation: "middle", NameGap: 30}
	if !first.IsZero() {
		x.Min, x.Max = first.Format("2006-01-02"), last.Format("2006-01-02")
	}
	return x
}

// seriesStyles are the marks of further targets and comparators, taken in
// turn: each colour has at least 3:1 contrast with the white background,
// and each symbol differs, so that no series is told apart by colour
// alone; targets are dashed and comparators dotted.
var seriesStyles = []struct{ colour, symbol string }{
	{"#1d70b8", "triangle"},
	{"#4c2c92", "diamond"},
	{"#912b88", "pin"},
	{"#005a30", "roundRect"},
	{"#6f3c00", "arrow"},
	{"#28345c", "emptyCircle"},
}

// referenceSeries are the site's further targets and comparators that
// give a figure for one of rows, in the site's order.
func referenceSeries(s *report.Site, rows []*report.Row) []*report.Series {
	var out []*report.Series
	for _, sr := range s.Series {
		for _, r := range rows {
			if r.Reference(sr) != nil {
				out = append(out, sr)
				break
			}
		}
	}
	return out
}

// point is a value ECharts can plot: the number, or "-" for a gap.
func point(v value.Value) any {
	if v.Kind == value.Number {
		return v.Num
	}
	return "-"
}

type targetLine struct {
	name string
	data []opts.LineData
}

// targetLines draws numeric targets as one dashed line, and range targets
// as two, one for each end.
func targetLines(rows []*report.Row, at func(int, any) opts.LineData, say sayer) []targetLine {
	single := targetLine{name: say("chart-target"), data: make([]opts.LineData, len(rows))}
	low := targetLine{name: say("chart-target-low"), data: make([]opts.LineData, len(rows))}
	high := targetLine{name: say("chart-target-high"), data: make([]opts.LineData, len(rows))}
	var hasSingle, hasRange bool
	for i, r := range rows {
		single.data[i], low.data[i], high.data[i] = at(i, "-"), at(i, "-"), at(i, "-")
		t := r.Target
		if t.Unit != r.Actual.Unit && r.Actual.Kind == value.Number {
			continue // a target in other units cannot share the axis
		}
		switch t.Kind {
		case value.Number, value.Bound:
			single.data[i] = at(i, t.Num)
			hasSingle = true
		case value.Range:
			low.data[i], high.data[i] = at(i, t.Low), at(i, t.High)
			hasRange = true
		}
	}
	var out []targetLine
	if hasSingle {
		out = append(out, single)
	}
	if hasRange {
		out = append(out, low, high)
	}
	return out
}

// trendSummary says, in one sentence, where the measure stands: "Actual
// 97.8% in Q2 2016/17, down from 99.6% in Q1 2016/17; target 93%;
// published status High green (HG)."
func trendSummary(m *report.Measure, rows []*report.Row, quarters []string, say sayer) string {
	last := -1
	for i, r := range rows {
		if r.Actual.Kind == value.Number {
			last = i
		}
	}
	if last < 0 {
		return say("chart-no-actual")
	}
	r := rows[last]
	var b strings.Builder
	b.WriteString(say("chart-summary-actual", "Figure", r.Actual.Raw, "Period", quarters[last]))
	prev := -1
	for i := last - 1; i >= 0; i-- {
		if rows[i].Actual.Kind == value.Number && rows[i].Actual.Unit == r.Actual.Unit {
			prev = i
			break
		}
	}
	if prev >= 0 {
		p := rows[prev].Actual
		b0 := m.Between(rows[prev].When, r.When)
		switch {
		case b0 != nil:
			b.WriteString(say("chart-summary-across", "Figure", p.Raw, "Period", quarters[prev], "Kind", say(lowerKind(b0.Kind))))
		case r.Actual.Num > p.Num:
			b.WriteString(say("chart-summary-up", "Figure", p.Raw, "Period", quarters[prev]))
		case r.Actual.Num < p.Num:
			b.WriteString(say("chart-summary-down", "Figure", p.Raw, "Period", quarters[prev]))
		default:
			b.WriteString(say("chart-summary-same", "Period", quarters[prev]))
		}
	} else {
		b.WriteString(say("chart-summary-first"))
	}
	switch r.Target.Kind {
	case value.Blank, value.NotApplicable:
		b.WriteString(say("chart-summary-no-target"))
	case value.Word:
		b.WriteString(say("chart-summary-target-word", "Word", strings.TrimSpace(r.Target.Raw), "Meaning", r.Target.Meaning()))
	default:
		b.WriteString(say("chart-summary-target", "Figure", r.Target.Raw))
	}
	for _, f := range append(r.Targets[:len(r.Targets):len(r.Targets)], r.Comparators...) {
		b.WriteString(say("chart-summary-series", "Label", f.Series.Label, "Figure", f.Text()))
	}
	if r.Status != nil {
		b.WriteString(say("chart-summary-status", "Status", r.Status.Describe()))
	}
	b.WriteString(say("chart-summary-end"))
	return b.String()
}
