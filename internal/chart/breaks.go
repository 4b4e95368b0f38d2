package chart

import (
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"scorecard/internal/report"
)

// A break in a measure's series (report.Break) is drawn on its trend as
// a labelled dashed rule between the periods either side, and no line is
// joined across it: the figures either side are not comparable.

// cut is a break between rows[at-1] and rows[at] of a trend.
type cut struct {
	at    int
	brk   *report.Break
	label string // the kind, in words: "Method change"
}

// cuts finds the breaks of m that fall between two of rows, in time order.
func cuts(m *report.Measure, rows []*report.Row, say sayer) []cut {
	var out []cut
	for i := 1; i < len(rows); i++ {
		if b := m.Between(rows[i-1].When, rows[i].When); b != nil {
			out = append(out, cut{at: i, brk: b, label: say(labelKind(b.Kind))})
		}
	}
	return out
}

// kindWords are the ids of the words for a kind of break: as a label,
// and within a sentence.
func kindWords(k report.BreakKind) (label, lower string) {
	if k == report.MethodChange {
		return "break-method", "break-method-lower"
	}
	return "break-break", "break-break-lower"
}

// cutAt reports, for each row, whether a break falls just before it.
func cutAt(cs []cut, n int) []bool {
	out := make([]bool, n)
	for _, c := range cs {
		out[c.at] = true
	}
	return out
}

// gapped puts a gap in a line series at each break, at the day its new
// series starts, so that ECharts does not join the line across it.
func gapped(data []opts.LineData, cs []cut) []opts.LineData {
	if len(cs) == 0 {
		return data
	}
	out := make([]opts.LineData, 0, len(data)+len(cs))
	last := 0
	for _, c := range cs {
		out = append(out, data[last:c.at]...)
		out = append(out, opts.LineData{Value: []any{breakDay(c.brk), "-"}})
		last = c.at
	}
	return append(out, data[last:]...)
}

// breakDay is where a break sits on a time axis: the first day of its
// new series.
func breakDay(b *report.Break) string {
	first, _ := b.From.Dates()
	return first.Format("2006-01-02")
}

// breakLines marks each break on the interactive chart: a dashed vertical
// line at the day its new series starts, labelled with its kind.
func breakLines(cs []cut) []charts.SeriesOpts {
	if len(cs) == 0 {
		return nil
	}
	items := make([]opts.MarkLineNameXAxisItem, len(cs))
	for i, c := range cs {
		items[i] = opts.MarkLineNameXAxisItem{Name: c.label, XAxis: breakDay(c.brk)}
	}
	return []charts.SeriesOpts{
		charts.WithMarkLineNameXAxisItemOpts(items...),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop", Color: actualColour},
			LineStyle: &opts.LineStyle{Color: targetColour, Width: 1, Type: "dashed"},
		}),
	}
}

// breakRules draws each break on the static chart: a dashed rule halfway
// between the periods either side, from top to bottom of the plot,
// labelled with its kind above the plot. It returns the labels' boxes,
// which the status codes keep clear of.
func breakRules(cs []cut, xOf func(int) float64, top, bottom float64) (*node, [][4]float64) {
	if len(cs) == 0 {
		return nil, nil
	}
	g := el("g", "class", "breaks")
	var boxes [][4]float64
	for _, c := range cs {
		x := (xOf(c.at-1) + xOf(c.at)) / 2
		g.add(el("line", "x1", f(x), "y1", f(top-14), "x2", f(x), "y2", f(bottom),
			"stroke", targetColour, "stroke-width", "1.5", "stroke-dasharray", "4 3"))
		// The label beside the rule, on the side with room for it.
		w := textWidth(c.label, smallFnt)
		anchor, lx := "start", x+4
		if lx+w > svgW-svgPad {
			anchor, lx = "end", x-4
		}
		g.add(text(lx, top-4, c.label, "font-size", f(smallFnt), "fill", actualColour, "text-anchor", anchor))
		left := lx
		if anchor == "end" {
			left = lx - w
		}
		boxes = append(boxes, [4]float64{left, top - 16, left + w, top})
	}
	return g, boxes
}

// breakSentences say what each break the chart shows is: "Method change
// from Q1 2016/17: the survey asks every tenant."
func breakSentences(cs []cut, say sayer) string {
	var b strings.Builder
	for _, c := range cs {
		reason := strings.TrimSpace(c.brk.Reason)
		if !strings.HasSuffix(reason, ".") && !strings.HasSuffix(reason, "!") && !strings.HasSuffix(reason, "?") {
			reason += "."
		}
		b.WriteString(say("chart-summary-break", "Kind", c.label, "Period", c.brk.From.Label(), "Reason", reason))
	}
	return b.String()
}

// lowerKind is the id of the words for a kind of break within a sentence.
func lowerKind(k report.BreakKind) string {
	_, lower := kindWords(k)
	return lower
}

// labelKind is the id of the words for a kind of break as a label.
func labelKind(k report.BreakKind) string {
	label, _ := kindWords(k)
	return label
}
