// Package chart builds the options of a site's charts with go-echarts and
// writes them as ECharts option JSON, with a one-sentence summary of each
// for readers who cannot see it. It knows nothing of pages.
package chart

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// Chart is one chart: ECharts options, and what a page says about it.
type Chart struct {
	ID      string // stable, so that output stays byte-identical
	Title   string
	Summary string // one sentence with the chart's main numbers
	Options []byte // ECharts option JSON, with <, > and & escaped
}

// Colours of the parts of charts that are not statuses: each has at least
// 3:1 contrast with the white background.
const (
	actualColour = "#0b0c0c"
	targetColour = "#505a5f"
)

// finish turns a go-echarts chart's options into JSON, adding the
// settings go-echarts has no option for. tweak, if not nil, may change the
// options as plain JSON values first.
func finish(id string, options map[string]any, tweak func(map[string]any)) []byte {
	options["animation"] = false // drawn at once: calmer, and kinder to reduced motion
	options["aria"] = map[string]any{"enabled": true, "decal": map[string]any{"show": true}}
	b, err := json.Marshal(options)
	if err == nil && tweak != nil {
		var plain map[string]any
		if err = json.Unmarshal(b, &plain); err == nil {
			tweak(plain)
			b, err = json.Marshal(plain)
		}
	}
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
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "3%", Top: "10%", Bottom: "18%", ContainLabel: opts.Bool(true)}),
	}
}

// Trend charts a measure's actual against its target across every quarter
// the site holds, marking each actual with its published status.
func Trend(s *report.Site, m *report.Measure) Chart {
	id := "chart-trend-" + m.Address
	var quarters []string
	var rows []*report.Row
	for _, q := range s.Quarters {
		if r := q.Row(m); r != nil {
			quarters = append(quarters, q.ID.Label())
			rows = append(rows, r)
		}
	}
	line := charts.NewLine()
	yAxis := opts.YAxis{Type: "value", Name: axisName(m.Unit), Scale: opts.Bool(true)}
	if m.Unit == "%" {
		yAxis.AxisLabel = &opts.AxisLabel{Formatter: "{value}%"}
	}
	line.SetGlobalOptions(append(common(),
		title(m.Title),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: "Quarter", NameLocation: "middle", NameGap: 30}),
		charts.WithYAxisOpts(yAxis),
	)...)
	line.SetXAxis(quarters)

	actual := make([]opts.LineData, len(rows))
	for i, r := range rows {
		actual[i] = opts.LineData{Value: point(r.Actual)}
	}
	line.AddSeries("Actual", actual,
		charts.WithLineChartOpts(opts.LineChart{Symbol: "none", ConnectNulls: opts.Bool(false)}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: actualColour, Width: 2}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: actualColour}),
	)
	for _, tl := range targetLines(rows) {
		line.AddSeries(tl.name, tl.data,
			charts.WithLineChartOpts(opts.LineChart{Symbol: "rect", SymbolSize: 6}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: targetColour, Width: 2, Type: "dashed"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: targetColour}),
		)
	}
	// One series of markers per status, so that the legend names each and
	// each has its own shape as well as colour.
	for _, st := range s.Statuses {
		data := make([]opts.ScatterData, len(rows))
		used := false
		for i, r := range rows {
			data[i] = opts.ScatterData{Value: "-"}
			if r.Status == st && r.Actual.Kind == value.Number {
				data[i] = opts.ScatterData{Value: r.Actual.Num}
				used = true
			}
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
			charts.WithItemStyleOpts(opts.ItemStyle{Color: st.Colour, BorderColor: st.Colour, BorderWidth: 2}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: st.Code, Color: actualColour}),
		)
		line.MultiSeries = append(line.MultiSeries, sc)
	}
	line.Validate() // puts the quarters on their axis
	options := line.JSON()
	return Chart{ID: id, Title: "Trend: " + m.Title, Summary: trendSummary(rows, quarters), Options: finish(id, options, nil)}
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
func targetLines(rows []*report.Row) []targetLine {
	single := targetLine{name: "Target", data: make([]opts.LineData, len(rows))}
	low := targetLine{name: "Target range, lower end", data: make([]opts.LineData, len(rows))}
	high := targetLine{name: "Target range, upper end", data: make([]opts.LineData, len(rows))}
	var hasSingle, hasRange bool
	for i, r := range rows {
		single.data[i], low.data[i], high.data[i] = opts.LineData{Value: "-"}, opts.LineData{Value: "-"}, opts.LineData{Value: "-"}
		t := r.Target
		if t.Unit != r.Actual.Unit && r.Actual.Kind == value.Number {
			continue // a target in other units cannot share the axis
		}
		switch t.Kind {
		case value.Number, value.Bound:
			single.data[i] = opts.LineData{Value: t.Num}
			hasSingle = true
		case value.Range:
			low.data[i], high.data[i] = opts.LineData{Value: t.Low}, opts.LineData{Value: t.High}
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

func axisName(unit string) string {
	switch unit {
	case "%":
		return "Per cent"
	case "min:sec":
		return "Seconds"
	case "£":
		return "Pounds"
	}
	return strings.ToUpper(unit[:1]) + unit[1:]
}

// trendSummary says, in one sentence, where the measure stands: "Actual
// 97.8% in Q2 2016/17, down from 99.6% in Q1 2016/17; target 93%;
// published status High green (HG)."
func trendSummary(rows []*report.Row, quarters []string) string {
	last := -1
	for i, r := range rows {
		if r.Actual.Kind == value.Number {
			last = i
		}
	}
	if last < 0 {
		return "No actual figure has been published for this measure yet."
	}
	r := rows[last]
	var b strings.Builder
	fmt.Fprintf(&b, "Actual %s in %s", r.Actual.Raw, quarters[last])
	prev := -1
	for i := last - 1; i >= 0; i-- {
		if rows[i].Actual.Kind == value.Number && rows[i].Actual.Unit == r.Actual.Unit {
			prev = i
			break
		}
	}
	if prev >= 0 {
		p := rows[prev].Actual
		switch {
		case r.Actual.Num > p.Num:
			fmt.Fprintf(&b, ", up from %s in %s", p.Raw, quarters[prev])
		case r.Actual.Num < p.Num:
			fmt.Fprintf(&b, ", down from %s in %s", p.Raw, quarters[prev])
		default:
			fmt.Fprintf(&b, ", the same as in %s", quarters[prev])
		}
	} else {
		b.WriteString(", the first figure published here")
	}
	switch r.Target.Kind {
	case value.Blank, value.NotApplicable:
		b.WriteString("; no target")
	case value.Word:
		fmt.Fprintf(&b, "; no target figure (%s: %s)", strings.TrimSpace(r.Target.Raw), r.Target.Meaning())
	default:
		fmt.Fprintf(&b, "; target %s", r.Target.Raw)
	}
	if r.Status != nil {
		fmt.Fprintf(&b, "; published status %s", r.Status.Describe())
	}
	b.WriteString(".")
	return b.String()
}
