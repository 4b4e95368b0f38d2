package chart

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"scorecard/internal/load"
	"scorecard/internal/report"
)

// shapeOf reads back which ECharts symbol an element draws, from its
// geometry as a reader sees it, and the box it covers; ok is false for an
// element that draws no symbol, such as a rectangle that is not square.
func shapeOf(t *testing.T, e elem) (shape string, box [4]float64, ok bool) {
	t.Helper()
	var xs, ys []float64
	switch e.XMLName.Local {
	case "circle":
		cx, cy, r := e.num(t, "cx"), e.num(t, "cy"), e.num(t, "r")
		shape, xs, ys = "circle", []float64{cx - r, cx + r}, []float64{cy - r, cy + r}
	case "rect":
		x, y, w, h := 0.0, 0.0, e.num(t, "width"), e.num(t, "height")
		if e.attr("x") != "" || e.attr("y") != "" { // else at 0, 0, as the background
			x, y = e.num(t, "x"), e.num(t, "y")
		}
		if math.Abs(w-h) > 0.05 {
			return "", box, false
		}
		shape, xs, ys = "rect", []float64{x, x + w}, []float64{y, y + h}
		if e.attr("rx") != "" {
			shape = "roundRect"
		}
	case "polygon":
		for _, p := range strings.Fields(e.attr("points")) {
			x, y, _ := strings.Cut(p, ",")
			xf, err1 := strconv.ParseFloat(x, 64)
			yf, err2 := strconv.ParseFloat(y, 64)
			if err1 != nil || err2 != nil {
				t.Fatalf("polygon points %q", e.attr("points"))
			}
			xs, ys = append(xs, xf), append(ys, yf)
		}
		switch {
		case len(xs) == 3:
			shape = "triangle"
		case len(xs) == 4 && ys[1] < ys[2]: // its right corner above its bottom one
			shape = "diamond"
		case len(xs) == 4:
			shape = "arrow" // its right foot below the notch between its feet
		default:
			return "", box, false
		}
	case "path":
		// A pin: the point, then the head's ends and the arc over them of
		// radius r.
		var n []float64
		for _, w := range strings.FieldsFunc(e.attr("d"), func(r rune) bool { return strings.ContainsRune("MLAZ ", r) }) {
			v, err := strconv.ParseFloat(w, 64)
			if err != nil {
				t.Fatalf("path %q", e.attr("d"))
			}
			n = append(n, v)
		}
		if len(n) != 11 {
			return "", box, false
		}
		r := n[4]
		shape, xs, ys = "pin", []float64{n[0] - r, n[0] + r}, []float64{n[3] - 2*r, n[1]}
	default:
		return "", box, false
	}
	// An outline shows the ground inside, or white, in a colour of its
	// own; a filled shape on a dark ground may be white all over.
	if f, edge := e.attr("fill"), e.attr("stroke"); f == "none" || f == "#ffffff" && edge != f {
		if edge == "" || edge == "none" {
			t.Errorf("an outline of %s with no edge: %v", shape, e.Attrs)
		}
		shape = "empty" + strings.ToUpper(shape[:1]) + shape[1:]
	}
	box = [4]float64{xs[0], ys[0], xs[0], ys[0]}
	for i := range xs {
		box = [4]float64{min(box[0], xs[i]), min(box[1], ys[i]), max(box[2], xs[i]), max(box[3], ys[i])}
	}
	return shape, box, true
}

// checkShapesFit fails if a shape runs outside the chart.
func checkShapesFit(t *testing.T, id string, root elem) {
	t.Helper()
	box := strings.Fields(root.attr("viewBox"))
	w, _ := strconv.ParseFloat(box[2], 64)
	h, _ := strconv.ParseFloat(box[3], 64)
	root.walk(func(e elem) {
		if _, b, ok := shapeOf(t, e); ok && (b[0] < 0 || b[1] < 0 || b[2] > w+1e-9 || b[3] > h+1e-9) {
			t.Errorf("%s: <%s> covers %v, outside the %gx%g chart", id, e.XMLName.Local, b, w, h)
		}
	})
}

// legendKeys pairs each key of a legend with its words: the shape, then
// its label's lines.
func legendKeys(t *testing.T, legend elem) map[string]string {
	t.Helper()
	keys := map[string]string{}
	shape, label := "", ""
	done := func() {
		if shape != "" {
			keys[strings.TrimSpace(label)] = shape
		}
	}
	for _, k := range legend.Kids {
		if k.XMLName.Local == "text" {
			label += " " + k.Text
			continue
		}
		done()
		sh, _, ok := shapeOf(t, k)
		if !ok {
			t.Errorf("a legend key is no status's shape: <%s %v>", k.XMLName.Local, k.Attrs)
			sh = "?"
		}
		shape, label = sh, ""
	}
	done()
	return keys
}

// TestBarsShapes: in the static status bars, each legend key is its
// status's shape, "No status published" one that no status of the scale
// has, and each segment wide enough carries its status's shape, in a
// colour with at least 3:1 contrast on it, and its count.
func TestBarsShapes(t *testing.T) {
	s := example(t)
	scaleShapes := map[string]bool{}
	for _, st := range s.Statuses {
		scaleShapes[st.Shape] = true
	}
	// The example's home chart, and a chart where every status of the
	// scale and rows without one have wide segments.
	var all []*report.Row
	for _, st := range append(append([]*report.Status{}, s.Statuses...), nil) {
		for range 10 {
			all = append(all, &report.Row{Status: st})
		}
	}
	wide := 0
	for _, c := range []report.Counts{
		homeCounts(s),
		report.CountStatuses(s.Statuses, []string{"Every status", "A few"}, [][]*report.Row{all, all[:25]}),
	} {
		ch := StatusBars("chart-s", "Shapes", c, true, en)
		root := parseSVG(t, ch.ID, ch.SVG) // checks the shapes are inside the chart

		want := map[string]string{} // label -> shape
		var noStatus string
		for _, st := range c.Statuses {
			if st == nil {
				noStatus = report.CountLabel(nil)
				continue
			}
			want[st.Describe()] = st.Shape
		}
		keys := legendKeys(t, root.group(t, "legend"))
		if len(keys) != len(c.Statuses) {
			t.Errorf("%d legend keys %v; want one for each of %d statuses", len(keys), keys, len(c.Statuses))
		}
		for label, shape := range want {
			if keys[label] != shape {
				t.Errorf("legend key of %q is %q; want %q", label, keys[label], shape)
			}
		}
		if noStatus != "" {
			if sh := keys[noStatus]; sh == "" || sh == "?" || scaleShapes[sh] {
				t.Errorf("legend key of %q is %q; want a shape no status has", noStatus, sh)
			}
		}

		// The segments, in the order of their statuses; the marks inside
		// each.
		var segs []elem
		root.walk(func(e elem) {
			if e.XMLName.Local == "rect" && len(e.Kids) > 0 && e.Kids[0].XMLName.Local == "title" {
				segs = append(segs, e)
			}
		})
		var marks []elem
		root.walk(func(e elem) {
			if e.XMLName.Local == "g" && e.attr("class") == "segment-marks" {
				marks = append(marks, e.Kids...)
			}
		})
		var texts []elem
		root.walk(func(e elem) {
			if e.XMLName.Local == "text" {
				texts = append(texts, e)
			}
		})
		k := 0
		for j := range c.Categories {
			for i, st := range c.Statuses {
				n := c.N[i][j]
				if n == 0 {
					continue
				}
				if k >= len(segs) {
					t.Fatalf("%d segments; want more", len(segs))
				}
				seg := segs[k]
				k++
				label := report.CountLabel(st)
				if !strings.Contains(seg.Kids[0].Text, label) {
					t.Errorf("segment %d's title %q; want %q", k, seg.Kids[0].Text, label)
				}
				x0, x1 := seg.num(t, "x"), seg.num(t, "x")+seg.num(t, "width")
				y0, y1 := seg.num(t, "y"), seg.num(t, "y")+seg.num(t, "height")
				var in []string
				for _, m := range marks {
					sh, b, ok := shapeOf(t, m)
					if !ok {
						t.Errorf("a segment mark is no shape: %v", m)
						continue
					}
					if cx, cy := (b[0]+b[2])/2, (b[1]+b[3])/2; cx > x0 && cx < x1 && cy > y0 && cy < y1 {
						if b[0] < x0 || b[2] > x1 {
							t.Errorf("%s: the mark of %q runs out of its segment", c.Categories[j], label)
						}
						in = append(in, sh)
						ink := m.attr("stroke")
						if r := load.Contrast(ink, seg.attr("fill")); r < 3 {
							t.Errorf("%s: the mark of %q in %s on %s: contrast %.1f; want 3:1", c.Categories[j], label, ink, seg.attr("fill"), r)
						}
					}
				}
				count := false
				for _, tx := range texts {
					if x, y := tx.num(t, "x"), tx.num(t, "y"); tx.Text == strconv.Itoa(n) && x > x0 && x < x1 && y > y0 && y < y1 {
						count = true
					}
				}
				if x1-x0 >= 40 {
					wide++
					if !count {
						t.Errorf("%s: the segment of %d %q has no count", c.Categories[j], n, label)
					}
				}
				shape := keys[label]
				switch {
				case len(in) > 1:
					t.Errorf("%s: %d marks in the segment of %q", c.Categories[j], len(in), label)
				case len(in) == 1 && in[0] != shape:
					t.Errorf("%s: the segment of %q is marked %s; its legend key is %s", c.Categories[j], label, in[0], shape)
				case len(in) == 0 && x1-x0 >= 20:
					t.Errorf("%s: the segment of %q, %.1f wide, has no mark", c.Categories[j], label, x1-x0)
				}
			}
		}
		if k != len(segs) {
			t.Errorf("%d segments; want %d", len(segs), k)
		}
	}
	if wide == 0 {
		t.Errorf("no segment is wide enough to test its count and mark")
	}
}

type legendData struct {
	Legend struct {
		Data []struct{ Name, Icon string }
	}
}

// TestBarsLegendIcons: the interactive chart's legend keys each status by
// its shape, as the static one does.
func TestBarsLegendIcons(t *testing.T) {
	s := example(t)
	var rows []*report.Row
	for _, st := range append(append([]*report.Status{}, s.Statuses...), nil) {
		rows = append(rows, &report.Row{Status: st})
	}
	c := report.CountStatuses(s.Statuses, []string{"Q"}, [][]*report.Row{rows})
	for _, horizontal := range []bool{true, false} {
		ch := StatusBars("chart-i", "Icons", c, horizontal, en)
		o := decodeAs[legendData](t, ch)
		if len(o.Legend.Data) != len(c.Statuses) {
			t.Fatalf("legend data %+v; want one for each of %d statuses", o.Legend.Data, len(c.Statuses))
		}
		keys := legendKeys(t, parseSVG(t, ch.ID, ch.SVG).group(t, "legend"))
		for i, st := range c.Statuses {
			d := o.Legend.Data[i]
			if d.Name != report.CountLabel(st) || d.Icon == "" || d.Icon != keys[d.Name] {
				t.Errorf("horizontal %v: legend entry %+v; want %q keyed %q, as the static chart", horizontal, d, report.CountLabel(st), keys[report.CountLabel(st)])
			}
			if st != nil && d.Icon != st.Shape {
				t.Errorf("horizontal %v: %s keyed %s; want its shape %s", horizontal, d.Name, d.Icon, st.Shape)
			}
		}
	}
}
