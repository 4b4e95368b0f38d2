package chart

import (
	"html"
	"math"
	"strconv"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// Sparkline size, in SVG user units.
const (
	sparkW, sparkH, sparkPad = 240.0, 64.0, 8.0
)

// Sparkline draws a measure's actuals, and numeric targets as a dashed
// line, on a time line as the trend chart does, as a small static SVG for pages read without JavaScript. It uses
// presentation attributes only (no style attributes), so a strict
// Content-Security-Policy allows it. It returns "" when there are fewer
// than two actuals to draw.
func Sparkline(s *report.Site, m *report.Measure, summary string) string {
	var actual, target, at []float64
	var statuses []*report.Status
	var cut []bool // a break in the series falls before the figure
	// Every figure with a place in time, as the trend chart has them, each
	// where its period sits on the time line.
	rows := placed(s, m)
	for i, r := range rows {
		cut = append(cut, i > 0 && m.Between(rows[i-1].When, r.When) != nil)
		at = append(at, float64(r.When.PlotAt().Unix()))
		a, t := math.NaN(), math.NaN()
		if r.Actual.Kind == value.Number {
			a = r.Actual.Num
		}
		if r.Target.Kind == value.Number && r.Target.Unit == r.Actual.Unit {
			t = r.Target.Num
		}
		actual, target, statuses = append(actual, a), append(target, t), append(statuses, r.Status)
	}
	n := 0
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range actual {
		for _, v := range []float64{actual[i], target[i]} {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		if !math.IsNaN(actual[i]) {
			n++
		}
	}
	if n < 2 {
		return ""
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	x := func(i int) float64 {
		span := at[len(at)-1] - at[0]
		if span <= 0 {
			return sparkPad + float64(i)*(sparkW-2*sparkPad)/float64(len(actual)-1)
		}
		return sparkPad + (at[i]-at[0])*(sparkW-2*sparkPad)/span
	}
	y := func(v float64) float64 {
		return sparkH - sparkPad - (v-lo)/(hi-lo)*(sparkH-2*sparkPad)
	}
	// Written by appending to one buffer, not with fmt: a big site's
	// theme pages draw hundreds of thousands of sparklines.
	b := make([]byte, 0, 512+80*len(actual))
	b = append(b, `<svg class="sparkline" viewBox="0 0 `+sparkSize+`" width="`+sparkWidth+`" height="`+sparkHeight+`" role="img" aria-label="`...)
	b = append(b, html.EscapeString(summary)...)
	b = append(b, `" xmlns="http://www.w3.org/2000/svg">`...)
	b = polyline(b, target, cut, x, y, `stroke="`+targetColour+`" stroke-width="1.5" stroke-dasharray="4 3"`)
	b = polyline(b, actual, cut, x, y, `stroke="`+actualColour+`" stroke-width="2"`)
	for i, v := range actual {
		if math.IsNaN(v) {
			continue
		}
		colour, edge := targetColour, ""
		if st := statuses[i]; st != nil {
			colour = st.Colour
			if st.Light() {
				edge = ` stroke="` + st.Text + `" stroke-width="1.5"` // stands out from the white page
			}
		}
		b = append(b, `<circle cx="`...)
		b = appendF(b, x(i))
		b = append(b, `" cy="`...)
		b = appendF(b, y(v))
		b = append(b, `" r="4" fill="`...)
		b = append(b, colour...)
		b = append(b, '"')
		b = append(b, edge...)
		b = append(b, `/>`...)
	}
	b = append(b, `</svg>`...)
	return string(b)
}

// The sparkline's size as its attributes write it.
var (
	sparkWidth  = f(sparkW)
	sparkHeight = f(sparkH)
	sparkSize   = sparkWidth + " " + sparkHeight
)

// polyline appends to b the runs of consecutive known values, starting a
// new run where cut says a break in the series falls.
func polyline(b []byte, vals []float64, cut []bool, x func(int) float64, y func(float64) float64, attrs string) []byte {
	start, points := 0, 0 // where the open run's element starts in b, and its points
	open := func() {
		start, points = len(b), 0
		b = append(b, `<polyline points="`...)
	}
	flush := func() {
		if points > 1 {
			b = append(b, `" fill="none" `...)
			b = append(b, attrs...)
			b = append(b, `/>`...)
		} else {
			b = b[:start] // a run of one point draws nothing
		}
		open()
	}
	open()
	for i, v := range vals {
		if math.IsNaN(v) || cut[i] {
			flush()
		}
		if math.IsNaN(v) {
			continue
		}
		if points > 0 {
			b = append(b, ' ')
		}
		b = appendF(b, x(i))
		b = append(b, ',')
		b = appendF(b, y(v))
		points++
	}
	flush()
	return b[:start] // the run flush opened last is empty
}

// appendF appends a coordinate as f prints it.
func appendF(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', 1, 64) }

// f prints a coordinate with fixed precision, so output is byte-identical.
func f(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
