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
	summary := countsSummary(c, say)
	return Chart{ID: id, Title: chartTitle, Summary: summary, Options: finish(id, options),
		SVG: barsSVG(id, chartTitle, summary, c, say), Table: countsTable(heading, c, say)}
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

// countsSummary says what the last category holds: "Q2 2016/17: 7 of 14
// High green (HG), 1 Low green (LG), ...".
func countsSummary(c report.Counts, say sayer) string {
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
