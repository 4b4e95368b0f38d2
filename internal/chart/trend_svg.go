package chart

import (
	"math"
	"strings"
	"time"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// yScale is a trend's value axis: its round ticks, labelled as the unit
// shows figures (92%, £1,200, 2:30).
type yScale struct {
	ticks  []float64
	step   float64
	labels []string
}

func (y yScale) lo() float64 { return y.ticks[0] }
func (y yScale) hi() float64 { return y.ticks[len(y.ticks)-1] }

// isDuration says whether a unit's figures are times written as mm:ss,
// charted in seconds and labelled as times.
func isDuration(u *report.Unit) bool { return u != nil && u.Written == value.MinSec }

// trendScale fits a value axis to every figure the trend draws.
func trendScale(rows []*report.Row, refs []*report.Series, u *report.Unit) yScale {
	lo, hi := math.Inf(1), math.Inf(-1)
	see := func(v float64) { lo, hi = math.Min(lo, v), math.Max(hi, v) }
	for _, r := range rows {
		if r.Actual.Kind == value.Number {
			see(r.Actual.Num)
		}
		if t := r.Target; t.Unit == r.Actual.Unit || r.Actual.Kind != value.Number {
			switch t.Kind {
			case value.Number, value.Bound:
				see(t.Num)
			case value.Range:
				see(t.Low)
				see(t.High)
			}
		}
		for _, sr := range refs {
			if fg := r.Reference(sr); fg != nil && (fg.Value.Kind == value.Number || fg.Value.Kind == value.Bound) {
				see(fg.Value.Num)
			}
		}
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 1
	}
	dur := isDuration(u)
	ts, step := ticks(lo, hi, 4, dur)
	y := yScale{ticks: ts, step: step}
	for _, v := range ts {
		y.labels = append(y.labels, tickLabel(v, step, u))
	}
	return y
}

// tickLabel writes an axis value as the unit shows figures, with the
// places the step needs.
func tickLabel(v, step float64, u *report.Unit) string {
	if math.Abs(v) < step*1e-9 {
		v = 0 // no "-0"
	}
	if isDuration(u) {
		return minSec(v)
	}
	if u == nil {
		u = &report.Unit{}
	}
	c := *u
	c.Decimals = decimalsOf(step)
	return c.Format(v)
}

// Layout of a trend, in SVG units.
const (
	trendPlotH = 200.0
	trendTop   = 44.0 // room for the axis name and the labels of the highest marks
	markSize   = 12.0
)

// trendSVG draws a measure's trend as a static chart.
func trendSVG(id, title, summary string, s *report.Site, m *report.Measure, rows []*report.Row, cs []cut, say sayer) string {
	refs := referenceSeries(s, rows)
	ys := trendScale(rows, refs, m.Unit)
	labelW := 0.0
	for _, l := range ys.labels {
		labelW = max(labelW, textWidth(l, smallFnt))
	}
	left, right := svgPad+labelW+6, svgW-svgPad-4
	bottom := trendTop + trendPlotH
	yOf := func(v float64) float64 { return bottom - (v-ys.lo())/(ys.hi()-ys.lo())*trendPlotH }

	// The time line runs from the first day of the earliest period to the
	// last of the latest, as the interactive chart's does.
	var first, last time.Time
	for _, r := range rows {
		start, end := r.When.Dates()
		if first.IsZero() || start.Before(first) {
			first = start
		}
		if end.After(last) {
			last = end
		}
	}
	span := last.Sub(first).Seconds()
	xOf := func(i int) float64 {
		if span <= 0 {
			return (left + right) / 2
		}
		return left + rows[i].When.PlotAt().Sub(first).Seconds()/span*(right-left)
	}

	body := []*node{}
	// The axis's name, above it: never clipped, however long.
	name := axisName(m.Unit, say)
	body = append(body, text(svgPad, 16, name, "font-size", f(smallFnt), "fill", targetColour))
	grid := el("g", "stroke", "#d8dadc", "stroke-width", "1")
	axis := el("g", "class", "y-ticks", "font-size", f(smallFnt), "fill", actualColour, "text-anchor", "end")
	for i, v := range ys.ticks {
		y := yOf(v)
		grid.add(el("line", "x1", f(left), "y1", f(y), "x2", f(right), "y2", f(y)))
		axis.add(text(left-6, y+4, ys.labels[i]))
	}
	body = append(body, grid, axis,
		el("line", "x1", f(left), "y1", f(bottom), "x2", f(right), "y2", f(bottom), "stroke", actualColour, "stroke-width", "1"))

	// The periods under the axis, kept inside the chart and thinned so
	// that none overlaps another: the latest always, then every stride-th
	// before it, the smallest stride that fits.
	xl := el("g", "class", "x-labels", "font-size", f(smallFnt), "fill", actualColour, "text-anchor", "middle")
	// A period's name on two lines at most, as narrow as that allows: "Q2
	// 2016/17" as Q2 over 2016/17.
	lines := func(i int) []string {
		l := rows[i].When.Label()
		var out []string
		for w := 56.0; w <= svgW/2; w += 28 {
			if out = wrap(l, w, smallFnt); len(out) <= 2 {
				break
			}
		}
		return out
	}
	labelAt := func(i int) (x, w float64) {
		for _, l := range lines(i) {
			w = max(w, textWidth(l, smallFnt))
		}
		return min(max(xOf(i), svgPad+w/2), svgW-svgPad-w/2), w
	}
	stride := 1
	for ; stride < len(rows); stride++ {
		fits := true
		for i := len(rows) - 1; i-stride >= 0 && fits; i -= stride {
			x, w := labelAt(i)
			px, pw := labelAt(i - stride)
			fits = px+pw/2+8 <= x-w/2
		}
		if fits {
			break
		}
	}
	deepest := 1
	for i := len(rows) - 1; i >= 0; i -= stride {
		deepest = max(deepest, len(lines(i)))
		x, _ := labelAt(i)
		xl.add(el("line", "x1", f(xOf(i)), "y1", f(bottom), "x2", f(xOf(i)), "y2", f(bottom+4), "stroke", actualColour))
		for k, l := range lines(i) {
			xl.add(text(x, bottom+18+float64(k)*15, l))
		}
	}
	body = append(body, xl)

	breaks, labels := breakRules(cs, xOf, trendTop, bottom)
	body = append(body, breaks)
	cut := cutAt(cs, len(rows))
	var items []legendItem
	vals := func(get func(r *report.Row) (float64, bool)) []float64 {
		out := make([]float64, len(rows))
		for i, r := range rows {
			out[i] = math.NaN()
			if v, ok := get(r); ok {
				out[i] = v
			}
		}
		return out
	}
	sameUnit := func(r *report.Row) bool { return r.Target.Unit == r.Actual.Unit || r.Actual.Kind != value.Number }
	single := vals(func(r *report.Row) (float64, bool) {
		return r.Target.Num, sameUnit(r) && (r.Target.Kind == value.Number || r.Target.Kind == value.Bound)
	})
	low := vals(func(r *report.Row) (float64, bool) { return r.Target.Low, sameUnit(r) && r.Target.Kind == value.Range })
	high := vals(func(r *report.Row) (float64, bool) { return r.Target.High, sameUnit(r) && r.Target.Kind == value.Range })
	if band := rangeBand(low, high, cut, xOf, yOf); band != nil {
		body = append(body, band)
		items = append(items, legendItem{label: say("chart-target-range"), swatch: func(x, y float64) *node {
			return el("rect", "x", f(x-swatchW/2), "y", f(y-5), "width", f(swatchW), "height", "10",
				"fill", bandColour, "stroke", targetColour, "stroke-width", "1")
		}})
	}
	// The other series' marks, which a status's code should not cover.
	var obstacles [][4]float64
	avoid := func(v []float64, size float64) {
		for i, x := range v {
			if !math.IsNaN(x) {
				obstacles = append(obstacles, [4]float64{xOf(i) - size/2, yOf(x) - size/2, xOf(i) + size/2, yOf(x) + size/2})
			}
		}
	}
	if hasAny(single) {
		avoid(single, 6)
		body = append(body, runs(single, cut, xOf, yOf, targetColour, "6 4"), marks(single, xOf, yOf, "rect", 6, targetColour))
		items = append(items, legendItem{label: say("chart-target"), swatch: lineSwatch(targetColour, "6 4", "rect")})
	}
	for i, sr := range refs {
		style := seriesStyles[i%len(seriesStyles)]
		dash := "6 4"
		if sr.Kind == report.ComparatorSeries {
			dash = "2 3"
		}
		v := vals(func(r *report.Row) (float64, bool) {
			fg := r.Reference(sr)
			return valueOr(fg), fg != nil && (fg.Value.Kind == value.Number || fg.Value.Kind == value.Bound)
		})
		avoid(v, 8)
		body = append(body, runs(v, cut, xOf, yOf, style.colour, dash), marks(v, xOf, yOf, style.symbol, 8, style.colour))
		items = append(items, legendItem{label: sr.Label, swatch: lineSwatch(style.colour, dash, style.symbol)})
	}
	actual := vals(func(r *report.Row) (float64, bool) { return r.Actual.Num, r.Actual.Kind == value.Number })
	body = append(body, runs(actual, cut, xOf, yOf, actualColour, ""))
	items = append([]legendItem{{label: say("chart-actual"), swatch: lineSwatch(actualColour, "", "")}}, items...)

	// A mark per figure, in its status's shape and colour, with the
	// status's code above it, or below where another series' mark is in
	// the way, and left out only where it would cover another code.
	avoid(actual, markSize)
	ms := el("g", "class", "marks")
	codes := el("g", "class", "codes", "font-size", f(smallFnt), "fill", actualColour, "text-anchor", "middle")
	placed := labels // the breaks' labels
	shown := map[*report.Status]bool{}
	for i, r := range rows {
		v := actual[i]
		if math.IsNaN(v) {
			continue
		}
		x, y := xOf(i), yOf(v)
		tip := r.When.Label() + ": " + strings.TrimSpace(r.Actual.Figure())
		st := r.Status
		if st == nil {
			ms.add(el("circle", "cx", f(x), "cy", f(y), "r", "3", "fill", actualColour).add(el("title").withText(tip)))
			continue
		}
		shown[st] = true
		mk := mark(st.Shape, x, y, markSize, st.Colour, markEdge(st))
		mk.add(el("title").withText(tip + ", " + st.Describe()))
		ms.add(mk)
		w := textWidth(st.Code, smallFnt)
		if w > svgW-2*svgPad {
			continue // a code too long to label a mark: the legend gives it
		}
		x = min(max(x, svgPad+w/2), svgW-svgPad-w/2) // inside the chart
		above := [4]float64{x - w/2, y - markSize/2 - 15, x + w/2, y - markSize/2 - 1}
		below := [4]float64{x - w/2, y + markSize/2 + 1, x + w/2, y + markSize/2 + 15}
		box := above
		switch {
		case !overlaps(above, obstacles) && !overlaps(above, placed):
		case below[3] < bottom && !overlaps(below, obstacles) && !overlaps(below, placed):
			box = below
		case overlaps(above, placed):
			continue
		}
		placed = append(placed, box)
		codes.add(text((box[0]+box[2])/2, box[3]-3, st.Code))
	}
	for _, st := range s.Statuses {
		if shown[st] {
			items = append(items, legendItem{label: st.Describe(), swatch: func(x, y float64) *node {
				return mark(st.Shape, x, y, markSize, st.Colour, markEdge(st))
			}})
		}
	}
	body = append(body, ms, codes)
	below := bottom + 16 + float64(deepest)*15 // under the periods
	lg, lh := legend(items, below)
	body = append(body, lg)
	return svgDoc(id, title, summary, below+lh+svgPad, body...)
}

// axisName names a trend's value axis: the unit in words, and for times
// the form the labels take.
func axisName(u *report.Unit, say sayer) string {
	switch {
	case u == nil:
		return ""
	case isDuration(u):
		return say("chart-minutes-seconds")
	}
	return u.AxisName()
}

func valueOr(fg *report.Figure) float64 {
	if fg == nil {
		return math.NaN()
	}
	return fg.Value.Num
}

func hasAny(v []float64) bool {
	for _, x := range v {
		if !math.IsNaN(x) {
			return true
		}
	}
	return false
}

func overlaps(b [4]float64, placed [][4]float64) bool {
	for _, p := range placed {
		if b[0] < p[2]+2 && p[0] < b[2]+2 && b[1] < p[3] && p[1] < b[3] {
			return true
		}
	}
	return false
}

// runs draws the runs of consecutive known values as lines, starting a
// new run where cut says a break in the series falls before a value.
func runs(v []float64, cut []bool, xOf func(int) float64, yOf func(float64) float64, colour, dash string) *node {
	g := el("g", "fill", "none", "stroke", colour, "stroke-width", "2")
	if dash != "" {
		g.attrs = append(g.attrs, "stroke-dasharray", dash)
	}
	var run []float64
	flush := func() {
		if len(run) > 2 {
			g.add(el("polyline", "points", pts(run...)))
		}
		run = run[:0]
	}
	for i, x := range v {
		if cut[i] {
			flush()
		}
		if math.IsNaN(x) {
			flush()
			continue
		}
		run = append(run, xOf(i), yOf(x))
	}
	flush()
	return g
}

// marks draws a small symbol at each known value.
func marks(v []float64, xOf func(int) float64, yOf func(float64) float64, shape string, size float64, colour string) *node {
	g := el("g")
	for i, x := range v {
		if !math.IsNaN(x) {
			g.add(mark(shape, xOf(i), yOf(x), size, colour, colour))
		}
	}
	return g
}

// bandColour fills a target range: the target's grey, lightened, under
// the lines and marks drawn on it. (Figures add no markup of their own to
// a page, so the band uses the attributes other parts of a chart have.)
const bandColour = "#dcdfe1"

// rangeBand shades the target ranges, one band for each run of periods
// that have one, a run ending at a break in the series (cut); nil when
// none has.
func rangeBand(low, high []float64, cut []bool, xOf func(int) float64, yOf func(float64) float64) *node {
	if !hasAny(low) {
		return nil
	}
	g := el("g", "fill", bandColour, "stroke", targetColour, "stroke-width", "1", "stroke-dasharray", "3 2")
	i := 0
	for i < len(low) {
		if math.IsNaN(low[i]) {
			i++
			continue
		}
		j := i
		for j < len(low) && !math.IsNaN(low[j]) && (j == i || !cut[j]) {
			j++
		}
		var p []float64
		if j-i == 1 { // one period: a short band either side of it
			x := xOf(i)
			p = []float64{x - 6, yOf(high[i]), x + 6, yOf(high[i]), x + 6, yOf(low[i]), x - 6, yOf(low[i])}
		} else {
			for k := i; k < j; k++ {
				p = append(p, xOf(k), yOf(high[k]))
			}
			for k := j - 1; k >= i; k-- {
				p = append(p, xOf(k), yOf(low[k]))
			}
		}
		g.add(el("polygon", "points", pts(p...)))
		i = j
	}
	return g
}

// trendTable is a trend's data as rows under headings, figures as the
// tables show them.
func trendTable(s *report.Site, rows []*report.Row, say sayer) [][]string {
	refs := referenceSeries(s, rows)
	head := []string{say("chart-period"), say("chart-target"), say("chart-actual"), say("col-published-status")}
	for _, sr := range refs {
		head = append(head, sr.Label)
	}
	out := [][]string{head}
	for _, r := range rows {
		status := ""
		if r.Status != nil {
			status = r.Status.Describe()
		}
		line := []string{r.When.Label(), cellText(r.Target), cellText(r.Actual), status}
		for _, sr := range refs {
			t := ""
			if fg := r.Reference(sr); fg != nil {
				t = cellText(fg.Value)
			}
			line = append(line, t)
		}
		out = append(out, line)
	}
	return out
}

// cellText is a figure as a table shows it, without its qualifiers' marks:
// "" for a blank cell or one that is not applicable.
func cellText(v value.Value) string {
	if v.Kind == value.Blank || v.Kind == value.NotApplicable {
		return ""
	}
	return strings.TrimSpace(v.Figure())
}

// markEdge is the edge of a status's marks: its own colour, or on a light
// colour, which barely shows on the white page, the dark of its words.
func markEdge(st *report.Status) string {
	if st.Light() {
		return st.Text
	}
	return st.Colour
}
