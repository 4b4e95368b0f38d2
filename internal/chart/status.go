package chart

import (
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"scorecard/internal/report"
)

// StatusBars charts counts as stacked bars, one per category, horizontal
// when the categories are long names.
func StatusBars(id, chartTitle string, c report.Counts, horizontal bool, w Words) Chart {
	say := sayIn(w)
	measures := say("col-measures")
	bar := charts.NewBar()
	catAxis := opts.XAxis{Type: "category"}
	valAxis := opts.YAxis{Type: "value", Name: measures, MinInterval: 1}
	gopts := append(common(), title(chartTitle))
	if horizontal {
		bar.XYReversal()
		gopts = append(gopts,
			charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: measures, MinInterval: 1}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Width: 140, Overflow: "break"}}),
		)
	} else {
		gopts = append(gopts, charts.WithXAxisOpts(catAxis), charts.WithYAxisOpts(valAxis))
	}
	bar.SetGlobalOptions(gopts...)
	bar.SetXAxis(c.Categories)
	// A count is written in its segment only where the segment is wide
	// (or tall) enough to hold it on a phone: the bars' length there is
	// about barRoom px for the largest total.
	most := slices.Max(append([]int{1}, c.Totals...))
	barRoom, need := 220.0, 16.0
	if horizontal {
		barRoom = phoneW - 140 - 40 // less the wrapped theme names and the axis's ends
		need = textWidth(strconv.Itoa(most), echartsFont) + 6
	}
	for i, st := range c.Statuses {
		data := make([]opts.BarData, len(c.Categories))
		for j, n := range c.N[i] {
			data[j] = opts.BarData{Value: n}
			switch {
			case n == 0:
				data[j] = opts.BarData{Value: "-"}
			case float64(n)/float64(most)*barRoom < need:
				data[j].Label = &opts.Label{Show: opts.Bool(false)}
			}
		}
		colour, text := "#505a5f", "#ffffff"
		if st != nil && st.Light() {
			colour, text = st.Colour, st.Text // a light colour takes dark numbers
		} else if st != nil {
			colour = st.Colour
		}
		bar.AddSeries(countLabel(st, say), data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "status", BarWidth: "60%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colour, BorderColor: "#ffffff", BorderWidth: 1}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: text, Formatter: "{c}"}),
			charts.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)}),
		)
	}
	bar.Validate() // puts the categories on their axis
	options := bar.JSON()
	if horizontal {
		// Long category names wrap; go-echarts has no option for the
		// line height that keeps wrapped lines apart.
		axes := make([]wrappedYAxis, len(bar.YAxisList))
		for i, y := range bar.YAxisList {
			axes[i] = wrappedYAxis{YAxis: y}
			if y.AxisLabel != nil {
				axes[i].AxisLabel = &wrappedLabel{AxisLabel: *y.AxisLabel, LineHeight: 16}
			}
		}
		options["yAxis"] = axes
	}
	// The value axis is named in the middle of its side, clear of its
	// labels (counts, a few digits wide).
	heading := say("chart-period")
	names := legendNames(bar.MultiSeries)
	if horizontal {
		heading = say("col-theme")
		options["xAxis"] = []any{map[string]any{"type": "value", "name": measures, "nameLocation": "middle", "nameGap": 26, "minInterval": 1}}
		fitPhone(options, names, 46, legendIcon)
	} else {
		w := textWidth(strconv.Itoa(most), echartsFont)
		options["yAxis"] = []any{map[string]any{"type": "value", "name": measures, "nameLocation": "middle", "nameGap": int(w) + labelClear, "minInterval": 1}}
		fitPhone(options, names, 30, legendIcon)
	}
	shapeLegend(options, names, countShapes(c.Statuses))
	return Chart{ID: id, Title: chartTitle, Summary: countsSummary(c, horizontal, say), Options: finish(id, options),
		SVG: barsSVG(id, chartTitle, countsDetail(c, say), c, say), Table: countsTable(heading, c, say)}
}

// legendIcon is the size, in px, of a bar chart's legend keys: square, so
// that each shape keeps its proportions (ECharts stretches an icon to the
// legend's item box, 25 by 14 px unless set).
const legendIcon = 14

// shapeLegend keys each series of the legend by its status's shape (the
// names of ECharts' symbols), as the static chart does, so that a reader
// tells apart statuses that share a colour; ECharts draws an "empty" shape
// as an outline.
func shapeLegend(options map[string]any, names, shapes []string) {
	data := make([]map[string]any, len(names))
	for i, n := range names {
		data[i] = map[string]any{"name": n}
		if shapes[i] != "" {
			data[i]["icon"] = shapes[i]
		}
	}
	lg := options["legend"].(map[string]any)
	lg["data"] = data
	lg["itemWidth"], lg["itemHeight"] = legendIcon, legendIcon
}

// wrappedYAxis is a value axis whose labels wrap, with the line height
// go-echarts has no option for.
type wrappedYAxis struct {
	opts.YAxis
	AxisLabel *wrappedLabel `json:"axisLabel,omitempty"` // in place of YAxis's own
}

type wrappedLabel struct {
	opts.AxisLabel
	LineHeight int `json:"lineHeight,omitempty"`
}

// summaryCategories is the most categories a status chart's summary
// names: the sentence stays short, and the table under the chart holds
// every count.
const summaryCategories = 4

// countsSummary is a status chart's one sentence: the most common status
// in each category (the first categories, themes, when the bars are
// horizontal; the latest, periods, when they are not), with how many more
// the table holds: "The most common published status in each theme:
// Build a Better Harrow, 19 of 44 No status published; ...". A tie goes to
// the status first in the scale.
func countsSummary(c report.Counts, horizontal bool, say sayer) string {
	from, to := 0, len(c.Categories)
	if to > summaryCategories {
		if horizontal {
			to = summaryCategories
		} else {
			from = to - summaryCategories
		}
	}
	var parts []string
	for j := from; j < to; j++ {
		top := -1
		for i := range c.Statuses {
			if c.N[i][j] > 0 && (top < 0 || c.N[i][j] > c.N[top][j]) {
				top = i
			}
		}
		if top < 0 {
			parts = append(parts, say("chart-counts-none", "Category", c.Categories[j]))
			continue
		}
		parts = append(parts, say("chart-counts-most", "Category", c.Categories[j], "N", c.N[top][j], "Total", c.Totals[j],
			"Status", countLabel(c.Statuses[top], say)))
	}
	lead := "chart-counts-lead-periods"
	if horizontal {
		lead = "chart-counts-lead-themes"
	}
	out := say(lead, "Parts", strings.Join(parts, "; "))
	if more := len(c.Categories) - (to - from); more > 0 {
		out += say("chart-counts-more", more)
	}
	return out + say("chart-counts-end")
}

// countsDetail is every count of a status chart in words, for the static
// drawing's description: "Q2 2016/17, 14 measures: 7 High green (HG), 1
// Low green (LG), ...; ...".
func countsDetail(c report.Counts, say sayer) string {
	var parts []string
	for j, cat := range c.Categories {
		var items []string
		for i, st := range c.Statuses {
			if n := c.N[i][j]; n > 0 {
				items = append(items, say("chart-counts-status", "N", n, "Status", countLabel(st, say)))
			}
		}
		parts = append(parts, say("chart-counts-category", "Category", cat, "N", c.Totals[j], "Statuses", strings.Join(items, ", ")))
	}
	return strings.Join(parts, "; ") + say("chart-summary-end")
}
