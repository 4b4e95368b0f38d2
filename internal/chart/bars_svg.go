package chart

import (
	"strconv"

	"scorecard/internal/report"
)

// Layout of status bars, in SVG units.
const (
	barH     = 24.0
	barGap   = 14.0
	segMark  = 11.0 // a segment's shape mark, across
	segSpace = 3.0  // room each side of what a segment holds
)

// statusColours are the fill of a status's marks and the colour of words
// on it; "no status" is the neutral grey, with white words.
func statusColours(st *report.Status) (fill, words string) {
	if st == nil {
		return targetColour, report.White
	}
	return st.Colour, st.Text
}

// spareShapes are the shapes "No status published" may take, in order of
// choice, those the default scale leaves free first.
var spareShapes = []string{"emptyArrow", "emptyPin", "emptyRoundRect", "arrow", "pin", "roundRect",
	"emptyDiamond", "emptyRect", "emptyTriangle", "emptyCircle", "diamond", "triangle", "rect", "circle"}

// countShapes are the shapes of counted statuses, in their order: each
// status's own, and for rows published without one (nil), the first spare
// shape that no counted status has, so that a reader tells every segment
// and legend key apart by shape as well as colour and words.
func countShapes(statuses []*report.Status) []string {
	out := make([]string, len(statuses))
	taken := map[string]bool{}
	for i, st := range statuses {
		if st != nil {
			out[i] = st.Shape
			taken[st.Shape] = true
		}
	}
	spare := spareShapes[0] // every shape taken: shared, but told by its words
	for _, sh := range spareShapes {
		if !taken[sh] {
			spare = sh
			break
		}
	}
	for i, st := range statuses {
		if st == nil {
			out[i] = spare
		}
	}
	return out
}

// barsSVG draws counts as one horizontal stacked bar per category, its
// name above it (wrapped, never clipped), each segment's status shape and
// count inside it where they fit (the shape alone where only it does), the
// total after the bar, and the legend below, keyed by the same shapes.
func barsSVG(id, title, summary string, c report.Counts, say sayer) string {
	most := 1
	for _, t := range c.Totals {
		most = max(most, t)
	}
	shapes := countShapes(c.Statuses)
	width := svgW - 2*svgPad - textWidth(strconv.Itoa(most), smallFnt) - 6 // room for the total
	scale := width / float64(most)
	body := []*node{}
	y := svgPad
	for j, cat := range c.Categories {
		names := el("g", "font-size", f(fontSize), "fill", actualColour, "font-weight", "bold")
		for _, l := range wrap(cat, svgW-2*svgPad, fontSize) {
			y += lineH
			names.add(text(svgPad, y-4, l))
		}
		body = append(body, names)
		y += 2
		bar := el("g", "stroke", "#ffffff", "stroke-width", "1")
		// What a segment holds lets the pointer through to the segment,
		// whose title says it in words.
		marks := el("g", "class", "segment-marks", "pointer-events", "none")
		counts := el("g", "font-size", f(smallFnt), "text-anchor", "middle", "pointer-events", "none")
		x := svgPad
		for i, st := range c.Statuses {
			n := c.N[i][j]
			if n == 0 {
				continue
			}
			w := float64(n) * scale
			fill, words := statusColours(st)
			seg := el("rect", "x", f(x), "y", f(y), "width", f(w), "height", f(barH), "fill", fill)
			seg.add(el("title").withText(say("chart-bar-segment", "Category", cat, "N", n, "Status", countLabel(st, say))))
			bar.add(seg)
			// The shape in the colour of the segment's words (4.5:1 on
			// it), then the count, centred together.
			s := strconv.Itoa(n)
			both := segMark + segSpace + textWidth(s, smallFnt)
			cy := y + barH/2
			switch {
			case both+2*segSpace <= w:
				left := x + (w-both)/2
				marks.add(hollowMark(shapes[i], left+segMark/2, cy, segMark, words, words, "none"))
				counts.add(text(left+segMark+segSpace+textWidth(s, smallFnt)/2, cy+4.5, s, "fill", words))
			case segMark+2*segSpace <= w:
				marks.add(hollowMark(shapes[i], x+w/2, cy, segMark, words, words, "none"))
			}
			x += w
		}
		body = append(body, bar, marks, counts,
			text(x+5, y+barH/2+4.5, strconv.Itoa(c.Totals[j]), "font-size", f(smallFnt), "fill", actualColour))
		y += barH + barGap
	}
	var items []legendItem
	for i, st := range c.Statuses {
		used := false
		for _, n := range c.N[i] {
			used = used || n > 0
		}
		if !used {
			continue
		}
		fill, edge := targetColour, targetColour
		if st != nil {
			fill, edge = st.Colour, markEdge(st)
		}
		items = append(items, legendItem{label: countLabel(st, say), swatch: func(x, y float64) *node {
			return mark(shapes[i], x, y, markSize, fill, edge)
		}})
	}
	lg, lh := legend(items, y)
	body = append(body, lg)
	return svgDoc(id, title, summary, y+lh+svgPad, body...)
}

// countsTable is status counts as rows under headings: the category, then
// one column for each status.
func countsTable(heading string, c report.Counts, say sayer) [][]string {
	head := []string{heading}
	for _, st := range c.Statuses {
		head = append(head, countLabel(st, say))
	}
	out := [][]string{head}
	for j, cat := range c.Categories {
		line := []string{cat}
		for i := range c.Statuses {
			line = append(line, strconv.Itoa(c.N[i][j]))
		}
		out = append(out, line)
	}
	return out
}
