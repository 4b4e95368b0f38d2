package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

var update = flag.Bool("update", false, "rewrite the golden static charts in testdata/svg")

// elem is a static chart's element, read back with encoding/xml.
type elem struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Kids    []elem     `xml:",any"`
}

func (e elem) attr(name string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (e elem) num(t *testing.T, name string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(e.attr(name), 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", e.XMLName.Local, name, e.attr(name), err)
	}
	return v
}

// walk calls fn on e and every element inside it.
func (e elem) walk(fn func(elem)) {
	fn(e)
	for _, k := range e.Kids {
		k.walk(fn)
	}
}

// group returns the <g> with the class, or fails.
func (e elem) group(t *testing.T, class string) elem {
	t.Helper()
	var out *elem
	e.walk(func(x elem) {
		if x.XMLName.Local == "g" && x.attr("class") == class && out == nil {
			out = &x
		}
	})
	if out == nil {
		t.Fatalf("no <g class=%q>", class)
	}
	return *out
}

// parseSVG reads a static chart as XML and checks what every one must be:
// an svg root with its role, title and description, those the only ids,
// no style attribute or element, text inside the viewBox's width.
func parseSVG(t *testing.T, id, doc string) elem {
	t.Helper()
	var root elem
	if err := xml.Unmarshal([]byte(doc), &root); err != nil {
		t.Fatalf("%s: the SVG is not XML: %v", id, err)
	}
	if root.XMLName.Local != "svg" || root.XMLName.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("%s: root %v; want svg in the SVG namespace", id, root.XMLName)
	}
	tid, did := id+"-svg-t", id+"-svg-d"
	if root.attr("role") != "img" || root.attr("aria-labelledby") != tid+" "+did || root.attr("class") != "chart-svg" {
		t.Errorf("%s: root attributes %v", id, root.Attrs)
	}
	if len(root.Kids) < 2 || root.Kids[0].XMLName.Local != "title" || root.Kids[0].attr("id") != tid || root.Kids[0].Text == "" ||
		root.Kids[1].XMLName.Local != "desc" || root.Kids[1].attr("id") != did || root.Kids[1].Text == "" {
		t.Errorf("%s: the SVG does not open with its titled title and desc", id)
	}
	box := strings.Fields(root.attr("viewBox"))
	if len(box) != 4 {
		t.Fatalf("%s: viewBox %q", id, root.attr("viewBox"))
	}
	w, _ := strconv.ParseFloat(box[2], 64)
	h, _ := strconv.ParseFloat(box[3], 64)
	ids := 0
	root.walk(func(e elem) {
		if e.XMLName.Local == "style" || e.attr("style") != "" {
			t.Errorf("%s: a style element or attribute: %v", id, e)
		}
		if e.attr("id") != "" {
			ids++
		}
	})
	if ids != 2 {
		t.Errorf("%s: %d ids; want only the title's and desc's", id, ids)
	}
	checkTextFits(t, id, root, w, h)
	checkShapesFit(t, id, root)
	return root
}

// checkTextFits fails if a text, at the fixed width per character that
// layout allows, runs outside the chart.
func checkTextFits(t *testing.T, id string, root elem, w, h float64) {
	t.Helper()
	var walk func(e elem, size float64, anchor string)
	walk = func(e elem, size float64, anchor string) {
		if s := e.attr("font-size"); s != "" {
			size, _ = strconv.ParseFloat(s, 64)
		}
		if a := e.attr("text-anchor"); a != "" {
			anchor = a
		}
		if e.XMLName.Local == "text" {
			x, y := e.num(t, "x"), e.num(t, "y")
			tw := float64(len([]rune(e.Text))) * size * 0.6
			left := map[string]float64{"start": x, "middle": x - tw/2, "end": x - tw}[anchor]
			if left < 0 || left+tw > w || y-size < 0 || y > h {
				t.Errorf("%s: text %q (%.1f to %.1f, at %.1f) leaves the %gx%g chart", id, e.Text, left, left+tw, y, w, h)
			}
		}
		for _, k := range e.Kids {
			walk(k, size, anchor)
		}
	}
	walk(root, 0, "start")
}

// golden compares a static chart with testdata/svg/name, or rewrites it
// with -update. Open the files to look at them.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "svg", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, []byte(got)) {
		t.Errorf("%s differs from %s; look at it, and if it is right, run go test ./internal/chart -update", name, path)
	}
}

var element = map[string]string{"circle": "circle", "rect": "rect", "roundRect": "rect", "triangle": "polygon",
	"diamond": "polygon", "pin": "path", "arrow": "polygon"}

// TestTrendSVG draws the example's minutes:seconds measure: its ticks are
// times, and each figure has a mark in its status's shape and colour and
// its code.
func TestTrendSVG(t *testing.T) {
	s := example(t)
	m := measure(t, s, "bmb-13")
	c := Trend(s, m, en)
	root := parseSVG(t, c.ID, c.SVG)
	golden(t, "trend-bmb-13.svg", c.SVG)

	ticks := root.group(t, "y-ticks")
	if len(ticks.Kids) < 3 {
		t.Errorf("%d ticks; want at least 3", len(ticks.Kids))
	}
	times := regexp.MustCompile(`^\d+:[0-5]\d$`)
	for _, k := range ticks.Kids {
		if !times.MatchString(k.Text) {
			t.Errorf("tick %q is not minutes:seconds", k.Text)
		}
	}
	// Every figure the data gives, as the reader would count them.
	type fig struct {
		code, shape, colour string
	}
	var want []fig
	seen := map[report.Period]bool{}
	for i := len(s.Quarters) - 1; i >= 0; i-- {
		for _, r := range s.Quarters[i].RowsOf(m) {
			if r.Actual.Kind == value.Number && r.Status != nil && !seen[r.When] {
				seen[r.When] = true
				want = append([]fig{{r.Status.Code, r.Status.Shape, r.Status.Colour}}, want...)
			}
		}
	}
	if len(want) < 2 {
		t.Fatalf("the example has %d figures for %s; the test needs two or more", len(want), m.ID)
	}
	marks := root.group(t, "marks").Kids
	codes := root.group(t, "codes").Kids
	if len(marks) != len(want) || len(codes) != len(want) {
		t.Fatalf("%d marks and %d codes; want %d of each", len(marks), len(codes), len(want))
	}
	for i, w := range want {
		shape := strings.TrimPrefix(w.shape, "empty")
		shape = strings.ToLower(shape[:1]) + shape[1:]
		if marks[i].XMLName.Local != element[shape] {
			t.Errorf("mark %d is a %s; want the %s of %s", i, marks[i].XMLName.Local, w.shape, w.code)
		}
		if got := marks[i].attr("fill") + marks[i].attr("stroke"); !strings.Contains(got, w.colour) {
			t.Errorf("mark %d is coloured %s; want %s", i, got, w.colour)
		}
		if codes[i].Text != w.code {
			t.Errorf("mark %d is labelled %q; want %q", i, codes[i].Text, w.code)
		}
	}
	if !strings.Contains(string(c.Options), `"scorecard":{"duration":"mm:ss"}`) {
		t.Errorf("the options do not say the figures are times: %s", c.Options)
	}
	if got := c.Table[0]; len(got) < 4 || got[0] != "Period" || got[2] != "Actual" {
		t.Errorf("table headings %q", got)
	}
	times2 := regexp.MustCompile(`^\d\d:\d\d$`)
	for _, row := range c.Table[1:] {
		if row[2] != "" && !times2.MatchString(row[2]) {
			t.Errorf("table actual %q is not written as the tables show it (02:31)", row[2])
		}
	}
}

// TestStatusBarsSVG draws the example's home and theme charts: every
// category's name is there, whole, and every status counted is in the
// legend.
func TestStatusBarsSVG(t *testing.T) {
	s := example(t)
	home := StatusBars("chart-home", "Published statuses by theme", homeCounts(s), true, en)
	th := s.Themes[0]
	var names []string
	var rows [][]*report.Row
	for _, q := range s.Quarters {
		names = append(names, q.ID.Label())
		rows = append(rows, q.TreeRows(th))
	}
	theme := StatusBars("chart-theme", th.Title+": published statuses", report.CountStatuses(s.Statuses, names, rows), false, en)
	for name, c := range map[string]Chart{"bars-home.svg": home, "bars-theme.svg": theme} {
		root := parseSVG(t, c.ID, c.SVG)
		golden(t, name, c.SVG)
		var words strings.Builder
		root.walk(func(e elem) {
			if e.XMLName.Local == "text" {
				words.WriteString(e.Text + " ")
			}
		})
		all := strings.Join(strings.Fields(words.String()), " ")
		for _, row := range c.Table[1:] {
			if !strings.Contains(all, strings.Join(strings.Fields(row[0]), " ")) {
				t.Errorf("%s: category %q is not in the chart", name, row[0])
			}
		}
		legend := root.group(t, "legend")
		for i, head := range c.Table[0][1:] {
			n := 0
			for _, row := range c.Table[1:] {
				k, _ := strconv.Atoi(row[i+1])
				n += k
			}
			if n > 0 && !strings.Contains(flatText(legend), head) {
				t.Errorf("%s: status %q is counted but not in the legend", name, head)
			}
		}
	}
}

// homeCounts are the statuses of the example's latest quarter by theme,
// as its home page charts them.
func homeCounts(s *report.Site) report.Counts {
	q := s.Quarters[len(s.Quarters)-1]
	var names []string
	var rows [][]*report.Row
	for _, th := range s.Themes {
		names = append(names, th.Title)
		rows = append(rows, q.TreeRows(th))
	}
	return report.CountStatuses(s.Statuses, names, rows)
}

func flatText(e elem) string {
	var b strings.Builder
	e.walk(func(x elem) {
		if x.XMLName.Local == "text" {
			b.WriteString(x.Text + " ")
		}
	})
	return b.String()
}

// TestLegendFits lays out legends of many and long items: no row runs
// past the chart's width.
func TestLegendFits(t *testing.T) {
	long := "A status with a very long label that no single row of a phone's legend can hold whole"
	for _, labels := range [][]string{
		{"Actual", "Target", "High green (HG)", "Low green (LG)", "Amber (A)", "Low red (LR)", "High red (HR)", "No survey this qtr"},
		{long, "X", long + " " + long},
		{strings.Repeat("W", 200)},
	} {
		var items []legendItem
		for _, l := range labels {
			items = append(items, legendItem{label: l, swatch: lineSwatch(actualColour, "", "")})
		}
		g, h := legend(items, 10)
		var b strings.Builder
		g.write(&b)
		doc := svgDoc("chart-l", "Legend", "A legend.", 10+h+svgPad, g)
		root := parseSVG(t, "chart-l", doc)
		n := len(root.group(t, "legend").Kids)
		if n < 2*len(labels) {
			t.Errorf("%d elements in the legend of %d items", n, len(labels))
		}
		_ = b
	}
}

// TestTicks: axis steps are round, times step by round seconds or minutes
// and write as m:ss.
func TestTicks(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		dur    bool
		want   string
	}{
		{91, 160, true, "1:20 1:40 2:00 2:20 2:40"},
		{20, 50, true, "0:20 0:30 0:40 0:50"},
		{85.2, 99.6, false, "85 90 95 100"},
		{0.42, 0.47, false, "0.42 0.44 0.46 0.48"},
	} {
		vals, step := ticks(c.lo, c.hi, 4, c.dur)
		var got []string
		for _, v := range vals {
			if c.dur {
				got = append(got, minSec(v))
			} else {
				got = append(got, strconv.FormatFloat(v, 'f', decimalsOf(step), 64))
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("ticks(%g, %g) = %s; want %s", c.lo, c.hi, strings.Join(got, " "), c.want)
		}
	}
	for _, c := range [][2]float64{{math.Inf(-1), math.Inf(1)}, {1e300, 1e308}, {-1e15, 1e15 + 0.001}, {5, 5}, {math.NaN(), 1}} {
		vals, step := ticks(c[0], c[1], 4, false)
		if len(vals) < 2 || len(vals) > 17 || !(step > 0) {
			t.Errorf("ticks(%g, %g) = %v by %g", c[0], c[1], vals, step)
		}
	}
	if got := minSec(3725); got != "1:02:05" {
		t.Errorf("minSec(3725) = %s", got)
	}
}

// TestMarkShapes: every shape a site may name draws, each unlike the
// others, empty ones in outline.
func TestMarkShapes(t *testing.T) {
	seen := map[string]string{}
	for _, sh := range []string{"circle", "rect", "roundRect", "triangle", "diamond", "pin", "arrow",
		"emptyCircle", "emptyRect", "emptyRoundRect", "emptyTriangle", "emptyDiamond", "emptyPin", "emptyArrow"} {
		var b strings.Builder
		mark(sh, 10, 10, 12, "#00703c", "#00703c").write(&b)
		out := b.String()
		if prev, dup := seen[out]; dup {
			t.Errorf("%s draws as %s does: %s", sh, prev, out)
		}
		seen[out] = sh
		if empty := strings.HasPrefix(sh, "empty"); empty != strings.Contains(out, `fill="#ffffff"`) {
			t.Errorf("%s: %s", sh, out)
		}
	}
}

// TestSVGEscapes: titles, labels and codes with markup in them stay text.
func TestSVGEscapes(t *testing.T) {
	s := example(t)
	m := measure(t, s, "bmb-13") // a site of the test's own: changed at will
	bad := `<script>alert("&")</script>`
	m.Title = bad
	for _, st := range s.Statuses {
		st.Code, st.Label = st.Code+bad, bad
	}
	c := Trend(s, m, en)
	root := parseSVG(t, c.ID, c.SVG)
	if strings.Contains(c.SVG, "<script") {
		t.Errorf("markup in the data reached the SVG: %s", c.SVG)
	}
	if !strings.Contains(root.Kids[0].Text, bad) || !strings.Contains(flatText(root.group(t, "codes")), bad) {
		t.Errorf("the title or codes lost their text")
	}
}

// TestBarsFit: long category names and large counts stay inside the chart.
func TestBarsFit(t *testing.T) {
	s := example(t)
	var rows []*report.Row
	for range 123456 {
		rows = append(rows, &report.Row{Status: s.Statuses[0]})
	}
	rows = append(rows, &report.Row{})
	long := strings.Repeat("Supercalifragilisticexpialidocious ", 4) + "&<b>"
	c := StatusBars("chart-f", "Fit", report.CountStatuses(s.Statuses, []string{long, "B"}, [][]*report.Row{rows, rows[:3]}), true, en)
	parseSVG(t, c.ID, c.SVG) // checks every text, legend key and mark is inside
	if !strings.Contains(c.SVG, "123457") || !strings.Contains(c.SVG, "&amp;&lt;b&gt;") {
		t.Errorf("the total or the escaped name is missing")
	}
}
