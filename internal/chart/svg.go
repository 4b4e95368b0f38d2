package chart

import (
	"encoding/xml"
	"fmt"
	"html"
	"math"
	"strings"
	"unicode/utf8"
)

// The static charts are SVG drawn for a phone first: a viewBox svgW units
// wide, with text of 12.5 to 13 units, so that shown 358 px wide on a 390
// px phone the text is at least 11 px, and larger where the chart is
// wider (up to 36rem, 576 px, on a desktop: text about 18 px). They use
// presentation attributes only (no style attribute, no <style>), so a
// strict Content-Security-Policy allows them, and fixed number formatting,
// so the same input gives the same bytes.
const (
	svgW     = 400.0
	svgPad   = 8.0
	fontSize = 13.0
	smallFnt = 12.5
	fontFace = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"
	// charWidth is the width, in ems, that layout allows for each
	// character: more than the average of the fonts above, so that text
	// laid out by it fits whichever of them a reader's device has.
	charWidth = 0.6
)

// textWidth is the width layout allows for s at size.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * charWidth
}

// wrap breaks s into lines of whole words at most width wide at size; a
// word longer than a line is broken where it must be.
func wrap(s string, width, size float64) []string {
	limit := max(1, int(width/(size*charWidth)))
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		for utf8.RuneCountInString(w) > limit {
			if line != "" {
				lines, line = append(lines, line), ""
			}
			r := []rune(w)
			lines, w = append(lines, string(r[:limit])), string(r[limit:])
		}
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= limit:
			line += " " + w
		default:
			lines, line = append(lines, line), w
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// node is an element of a static chart: the tree is built first and
// written out at the end, escaping every attribute and text.
type node struct {
	name  string
	attrs []string // name, value, name, value...
	text  string
	kids  []*node
}

// el makes an element with attributes given as name, value pairs.
func el(name string, attrs ...string) *node {
	if len(attrs)%2 != 0 {
		panic("chart: odd attributes for " + name)
	}
	return &node{name: name, attrs: attrs}
}

func (n *node) add(kids ...*node) *node {
	for _, k := range kids {
		if k != nil {
			n.kids = append(n.kids, k)
		}
	}
	return n
}

func (n *node) withText(s string) *node { n.text = s; return n }

func (n *node) write(b *strings.Builder) {
	// Piece by piece, not in joined strings: a big site draws millions
	// of elements.
	b.WriteByte('<')
	b.WriteString(n.name)
	for i := 0; i < len(n.attrs); i += 2 {
		b.WriteByte(' ')
		b.WriteString(n.attrs[i])
		b.WriteString(`="`)
		b.WriteString(html.EscapeString(n.attrs[i+1])) // the value itself when it has nothing to escape
		b.WriteByte('"')
	}
	if n.text == "" && len(n.kids) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	if n.text != "" {
		xml.EscapeText(b, []byte(n.text)) // writes to a Builder: no error
	}
	for _, k := range n.kids {
		k.write(b)
	}
	b.WriteString("</")
	b.WriteString(n.name)
	b.WriteByte('>')
}

// svgDoc is the root of a static chart: its title and description, named
// by the ids SVGTitleID and SVGDescID, are its accessible name.
func svgDoc(id, title, desc string, height float64, body ...*node) string {
	root := el("svg", "xmlns", "http://www.w3.org/2000/svg",
		"viewBox", "0 0 "+f(svgW)+" "+f(height), "width", f(svgW), "height", f(height),
		"role", "img", "aria-labelledby", SVGTitleID(id)+" "+SVGDescID(id), "class", "chart-svg",
		"font-family", fontFace, "font-size", f(fontSize))
	root.add(el("title", "id", SVGTitleID(id)).withText(title), el("desc", "id", SVGDescID(id)).withText(desc))
	root.add(el("rect", "width", f(svgW), "height", f(height), "fill", "#ffffff"))
	root.add(body...)
	var b strings.Builder
	root.write(&b)
	return b.String()
}

// SVGTitleID and SVGDescID are the ids of a static chart's title and
// description, the only ids in it.
func SVGTitleID(id string) string { return id + "-svg-t" }

// SVGDescID: see SVGTitleID.
func SVGDescID(id string) string { return id + "-svg-d" }

// text is a line of text at x, y (its baseline).
func text(x, y float64, s string, attrs ...string) *node {
	return el("text", append([]string{"x", f(x), "y", f(y)}, attrs...)...).withText(s)
}

// mark draws an ECharts symbol (circle, rect, roundRect, triangle, diamond,
// pin, arrow, and their "empty" outlines) size units across, centred on
// cx, cy: filled with fill and edged with edge, or for an empty one, white
// and edged with fill.
func mark(shape string, cx, cy, size float64, fill, edge string) *node {
	return hollowMark(shape, cx, cy, size, fill, edge, "#ffffff")
}

// hollowMark is mark with the inside of an empty shape in inside: "none"
// on a coloured ground, which then shows through the outline.
func hollowMark(shape string, cx, cy, size float64, fill, edge, inside string) *node {
	attrs := []string{"fill", fill, "stroke", edge, "stroke-width", "1.5"}
	if s, empty := strings.CutPrefix(shape, "empty"); empty && s != "" {
		shape = strings.ToLower(s[:1]) + s[1:]
		attrs = []string{"fill", inside, "stroke", fill, "stroke-width", "2"}
	}
	h := size / 2
	var n *node
	switch shape {
	case "circle":
		n = el("circle", "cx", f(cx), "cy", f(cy), "r", f(h))
	case "rect":
		n = el("rect", "x", f(cx-h), "y", f(cy-h), "width", f(size), "height", f(size))
	case "roundRect":
		n = el("rect", "x", f(cx-h), "y", f(cy-h), "width", f(size), "height", f(size), "rx", f(size/4))
	case "triangle":
		n = el("polygon", "points", pts(cx, cy-h, cx+h, cy+h, cx-h, cy+h))
	case "diamond":
		n = el("polygon", "points", pts(cx, cy-h, cx+h, cy, cx, cy+h, cx-h, cy))
	case "pin":
		// A head and a point below it, as ECharts draws a map pin.
		r := size * 0.35
		hy := cy - h + r
		n = el("path", "d", fmt.Sprintf("M%s %sL%s %sA%s %s 0 1 1 %s %sZ",
			f(cx), f(cy+h), f(cx-r*0.8), f(hy+r*0.6), f(r), f(r), f(cx+r*0.8), f(hy+r*0.6)))
	case "arrow":
		n = el("polygon", "points", pts(cx, cy-h, cx+h, cy+h, cx, cy+h*0.4, cx-h, cy+h))
	default:
		n = el("circle", "cx", f(cx), "cy", f(cy), "r", f(h))
	}
	n.attrs = append(n.attrs, attrs...)
	return n
}

func pts(xy ...float64) string {
	s := make([]string, 0, len(xy)/2)
	for i := 0; i+1 < len(xy); i += 2 {
		s = append(s, f(xy[i])+","+f(xy[i+1]))
	}
	return strings.Join(s, " ")
}

// legendItem is one entry of a chart's legend: a swatch and its words.
type legendItem struct {
	label  string
	swatch func(x, y float64) *node // draws the swatch centred on x, y
	lines  []string                 // label, wrapped to fit
}

const (
	swatchW   = 22.0
	legendGap = 16.0
	lineH     = 17.0
)

// legend lays items out in rows that fit the chart's width, from top,
// breaking an item's words onto more lines when it alone is wider; it
// returns the group and the height it takes.
func legend(items []legendItem, top float64) (*node, float64) {
	g := el("g", "class", "legend", "font-size", f(smallFnt), "fill", actualColour)
	avail := svgW - 2*svgPad
	x, y, rowH := svgPad, top, lineH
	for _, it := range items {
		it.lines = wrap(it.label, avail-swatchW-6, smallFnt)
		w := swatchW + 6
		for _, l := range it.lines {
			w = max(w, swatchW+6+textWidth(l, smallFnt))
		}
		if x > svgPad && x+w > svgPad+avail {
			x, y, rowH = svgPad, y+rowH, lineH
		}
		rowH = max(rowH, lineH*float64(len(it.lines)))
		g.add(it.swatch(x+swatchW/2, y+lineH/2))
		for i, l := range it.lines {
			g.add(text(x+swatchW+6, y+lineH/2+4+float64(i)*lineH, l))
		}
		x += w + legendGap
	}
	if len(items) == 0 {
		return g, 0
	}
	return g, y + rowH - top
}

// lineSwatch is a legend's short line, dashed when dash is not "".
func lineSwatch(colour, dash, shape string) func(x, y float64) *node {
	return func(x, y float64) *node {
		g := el("g")
		l := el("line", "x1", f(x-swatchW/2), "y1", f(y), "x2", f(x+swatchW/2), "y2", f(y), "stroke", colour, "stroke-width", "2")
		if dash != "" {
			l.attrs = append(l.attrs, "stroke-dasharray", dash)
		}
		g.add(l)
		if shape != "" {
			g.add(mark(shape, x, y, 8, colour, colour))
		}
		return g
	}
}

// niceStep is a round step that cuts span into about n parts: 1, 2, 2.5
// or 5 times a power of ten, or for times, a round number of seconds or
// minutes.
func niceStep(span float64, n int, duration bool) float64 {
	raw := span / float64(n)
	if duration {
		for _, s := range []float64{1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600} {
			if s >= raw {
				return s
			}
		}
		return math.Ceil(raw/3600) * 3600
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// ticks are the round values from below lo to above hi, about n steps.
func ticks(lo, hi float64, n int, duration bool) (vals []float64, step float64) {
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) || math.IsNaN(hi) {
		lo, hi = 0, 1 // no figure the loader reads is so, but never loop on one
	}
	if hi <= lo {
		d := math.Max(math.Abs(lo)*0.1, 1)
		lo, hi = lo-d, hi+d
	}
	step = niceStep(hi-lo, n, duration)
	start := math.Floor(lo/step+1e-9) * step
	for i := 0; i <= 4*n; i++ { // about n steps; more only where floats lose places
		v := start + float64(i)*step
		vals = append(vals, v)
		if v >= hi-1e-9*step {
			break
		}
	}
	return vals, step
}

// minSec writes seconds as m:ss, or h:mm:ss from an hour: 90 gives 1:30.
func minSec(secs float64) string {
	t := int(math.Round(secs))
	sign := ""
	if t < 0 {
		sign, t = "-", -t
	}
	if t >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, t/3600, t/60%60, t%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, t/60, t%60)
}

// decimalsOf is the number of decimal places that step needs (up to 3).
func decimalsOf(step float64) int {
	for d := 0; d < 3; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(step*p-math.Round(step*p)) < 1e-9 {
			return d
		}
	}
	return 3
}
