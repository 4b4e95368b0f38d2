package chart

import (
	"strconv"

	"scorecard/internal/report"
)

// Layout of status bars, in SVG units.
const (
	barH   = 24.0
	barGap = 14.0
)

// statusColours are the fill of a status's marks and the colour of words
// on it; "no status" is the neutral grey, with white words.
func statusColours(st *report.Status) (fill, words string) {
	if st == nil {
		return targetColour, report.White
	}
	return st.Colour, st.Text
}

// barsSVG draws counts as one horizontal stacked bar per category, its
// name above it (wrapped, never clipped), each segment's count inside it
// where the count fits, the total after the bar, and the legend below.
func barsSVG(id, title, summary string, c report.Counts, say sayer) string {
	most := 1
	for _, t := range c.Totals {
		most = max(most, t)
	}
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
		counts := el("g", "font-size", f(smallFnt), "text-anchor", "middle")
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
			if s := strconv.Itoa(n); textWidth(s, smallFnt)+6 <= w {
				counts.add(text(x+w/2, y+barH/2+4.5, s, "fill", words))
			}
			x += w
		}
		body = append(body, bar, counts,
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
		fill, _ := statusColours(st)
		items = append(items, legendItem{label: countLabel(st, say), swatch: func(x, y float64) *node {
			return el("rect", "x", f(x-swatchW/2), "y", f(y-7), "width", f(swatchW), "height", "14", "fill", fill)
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
