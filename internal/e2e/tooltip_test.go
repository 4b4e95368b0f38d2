package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tooltipPages hold one chart of each kind: a measure's trend (a line with
// status markers), a theme's status counts by quarter (vertical bars), and
// the home page's status counts by theme (horizontal bars).
var tooltipPages = []sitePage{
	{"measure-trend", "measures/pmv-3/index.html", ""},
	{"theme-status-bars", "2016-17/q2/build-a-better-harrow/index.html", ""},
	{"home-status-bars", "index.html", ""},
}

// TestTooltip hovers the mouse over a data point of the first chart of
// each of tooltipPages, served under the site's Content-Security-Policy,
// at each width, and checks that the chart's tooltip shows, inside the
// chart, the category and each series' value there in words (a status by
// its name, not its colour alone); that Escape hides it; and that hovering
// violated nothing in the policy and logged no error or warning.
func TestTooltip(t *testing.T) {
	dir := builtSite(t)
	browser := startBrowser(t)
	srv := serve(t, dir)
	tb := newTab(t, browser)

	for _, p := range tooltipPages {
		for _, w := range widths {
			t.Run(fmt.Sprintf("%s/%dpx", p.name, w), func(t *testing.T) {
				where := fmt.Sprintf("%s at %dpx", p, w)
				if msg := p.missing(dir); msg != "" {
					t.Fatalf("%s: %s", where, msg)
				}
				var h hover
				o, err := tb.visit(p.httpURL(srv.URL), w, func(ctx context.Context) error {
					return h.run(ctx)
				})
				if o != nil {
					checkCharts(t, where, o)
					checkQuiet(t, where, o)
					o.csp = unique(append(o.csp, h.violations...))
					checkPolicy(t, where, o)
				}
				if err != nil {
					t.Fatalf("%s: hovering over %s: %v", where, h.point, err)
				}
				t.Logf("%s: hovering over %s shows a tooltip reading %q", where, h.point, h.shown.Lines)
				if !slices.Equal(h.shown.Lines, h.want) {
					t.Errorf("%s: hovering over %s, the tooltip reads%s\nwant%s", where, h.point, list(h.shown.Lines), list(h.want))
				}
				if c, r := h.shown.Chart, h.shown.Tip; r.Left < c.Left-0.5 || r.Right > c.Right+0.5 {
					t.Errorf("%s: the tooltip spans x=%.0f to %.0f, outside its chart's x=%.0f to %.0f, so it can widen the page", where, r.Left, r.Right, c.Left, c.Right)
				}
			})
		}
	}
}

// hover is what TestTooltip does in a page and what it saw there.
type hover struct {
	point      string   // the data point hovered over, for messages
	want       []string // the tooltip's lines, from the chart's own options
	shown      tipState // the tooltip once visible
	violations []string // securitypolicyviolation events, read after the hover
}

// tipState is a chart's tooltip: ECharts' HTML tooltip is a <div> it adds
// to the chart's element beside the one holding the drawing.
type tipState struct {
	Tips  int      `json:"tips"`  // such <div>s
	Lines []string `json:"lines"` // the visible one's text, a line each; nil when none is visible
	Tip   rect     `json:"tip"`
	Chart rect     `json:"chart"`
}

type rect struct {
	Left  float64 `json:"left"`
	Right float64 `json:"right"`
}

// readTip reads the tooltip of the first chart on the page.
const readTip = `(() => {
	const chart = document.querySelector('[data-chart] .chart-live');
	const tips = [...chart.children].filter(d => d.tagName === 'DIV' && !d.querySelector('svg, canvas'));
	const shown = tips.find(d => {
		const s = getComputedStyle(d), r = d.getBoundingClientRect();
		return s.display !== 'none' && s.visibility === 'visible' && Number(s.opacity) > 0 && r.width > 0 && r.height > 0;
	});
	const box = el => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right}; };
	return {
		tips: tips.length,
		lines: shown ? shown.innerText.split('\n').map(s => s.trim()).filter(s => s) : null,
		tip: shown ? box(shown) : {left: 0, right: 0},
		chart: box(chart),
	};
})()`

// echartsOptions is what the test reads of a chart's option JSON.
type echartsOptions struct {
	XAxis  []echartsAxis `json:"xAxis"`
	YAxis  []echartsAxis `json:"yAxis"`
	Series []struct {
		Type string `json:"type"`
		Name string `json:"name"`
		Data []struct {
			Name  string `json:"name"`  // on a time axis, the point's period
			Value any    `json:"value"` // a number, or "-" for none; [date, that] on a time axis
		} `json:"data"`
	} `json:"series"`
}

type echartsAxis struct {
	Type      string   `json:"type"`
	Data      []string `json:"data"`
	AxisLabel *struct {
		Formatter string `json:"formatter"`
	} `json:"axisLabel"`
}

// run picks a data point of the page's first chart, moves the mouse onto
// it, waits for the tooltip, then presses Escape and waits for it to hide.
// ctx bounds the waits.
func (h *hover) run(ctx context.Context) error {
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const chart = document.querySelector('[data-chart]');
		const data = chart && document.getElementById(chart.dataset.chart + '-options');
		return data ? data.textContent : '';
	})()`))
	if err != nil {
		return fmt.Errorf("reading the chart's options: %w", err)
	}
	var o echartsOptions
	if err := json.Unmarshal([]byte(text), &o); err != nil {
		return fmt.Errorf("the page's first chart has no option JSON the test can read (%v): %.200q", err, text)
	}
	if len(o.XAxis) == 0 || len(o.YAxis) == 0 {
		return fmt.Errorf("the chart has no x or y axis: %.200q", text)
	}
	horizontal := o.YAxis[0].Type == "category"
	cats, valueAxis := o.XAxis[0].Data, o.YAxis[0]
	if horizontal {
		cats, valueAxis = o.YAxis[0].Data, o.XAxis[0]
	}
	// A trend on a time axis: each point names its period and carries its
	// date, the same in every series.
	timeAxis := o.XAxis[0].Type == "time"
	var dates []string
	if timeAxis && len(o.Series) > 0 {
		cats = nil
		for _, d := range o.Series[0].Data {
			cats = append(cats, d.Name)
			if pair, ok := d.Value.([]any); ok && len(pair) == 2 {
				date, _ := pair[0].(string)
				dates = append(dates, date)
			} else {
				dates = append(dates, "")
			}
		}
	}

	// The category where most series have a value (the last such), and in
	// it the last series with a value: a status marker on a trend, the top
	// of the stack on status bars.
	value := func(k, j int) (float64, bool) {
		if d := o.Series[k].Data; j < len(d) {
			val := d[j].Value
			if pair, ok := val.([]any); ok && len(pair) == 2 {
				val = pair[1]
			}
			v, ok := val.(float64)
			return v, ok
		}
		return 0, false
	}
	cat, most := -1, 0
	for j := range cats {
		n := 0
		for k := range o.Series {
			if _, ok := value(k, j); ok {
				n++
			}
		}
		if n > 0 && n >= most {
			cat, most = j, n
		}
	}
	if cat < 0 {
		return fmt.Errorf("no series of the chart has a value to hover over: %.200q", text)
	}
	series, at, stack := -1, 0.0, 0.0
	h.want = []string{cats[cat]}
	for k, s := range o.Series {
		v, ok := value(k, cat)
		if !ok {
			continue
		}
		series, at = k, v
		if s.Type == "bar" { // stacked: the middle of its segment
			at = stack + v/2
			stack += v
		}
		if s.Type == "scatter" { // a trend's status marker
			h.want = append(h.want, "Status: "+s.Name)
			continue
		}
		n := commas(strconv.FormatFloat(v, 'f', -1, 64))
		if f := valueAxis.AxisLabel; f != nil && strings.Contains(f.Formatter, "{value}") {
			n = strings.ReplaceAll(f.Formatter, "{value}", n) // as the axis shows it
		}
		h.want = append(h.want, o.Series[k].Name+": "+n)
	}
	h.point = fmt.Sprintf("%s (%g) in %s", o.Series[series].Name, at, cats[cat])

	coord := fmt.Sprintf("[%d, %g]", cat, at)
	if timeAxis {
		coord = fmt.Sprintf("[%q, %g]", dates[cat], at)
	}
	if horizontal {
		coord = fmt.Sprintf("[%g, %d]", at, cat)
	}
	// The chart is static until asked for: press its button, as a reader.
	if err := askChart(ctx, "button"); err != nil {
		return err
	}
	type point struct{ X, Y float64 }
	p, err := chromedp.Run(ctx, chromedp.Evaluate[point](fmt.Sprintf(`(() => {
		const chart = document.querySelector('[data-chart] .chart-live');
		chart.scrollIntoView({block: 'center'});
		const [x, y] = echarts.getInstanceByDom(chart).convertToPixel({seriesIndex: %d}, %s);
		const r = chart.getBoundingClientRect();
		return {X: r.left + x, Y: r.top + y};
	})()`, series, coord)))
	if err != nil {
		return fmt.Errorf("finding the point on the page: %w", err)
	}
	h.point += fmt.Sprintf(" at (%.0f, %.0f)", p.X, p.Y)

	// From a corner of the page, then onto the point, as a reader's mouse.
	if err := chromedp.Do(ctx,
		chromedp.MouseEvent(chromedp.MouseMoved, 1, 1),
		chromedp.MouseEvent(chromedp.MouseMoved, p.X, p.Y),
	); err != nil {
		return fmt.Errorf("moving the mouse: %w", err)
	}
	if h.shown, err = waitTip(ctx, true); err != nil {
		return fmt.Errorf("no tooltip became visible (%d tooltip elements in the chart): %w", h.shown.Tips, err)
	}
	if h.violations, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](readViolations)); err != nil {
		return fmt.Errorf("reading the CSP violations after the hover: %w", err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		return fmt.Errorf("pressing Escape: %w", err)
	}
	if after, err := waitTip(ctx, false); err != nil {
		return fmt.Errorf("the tooltip still shows after Escape, reading%s: %w", list(after.Lines), err)
	}
	return nil
}

// waitTip waits until the chart's tooltip is visible (or, with visible
// false, hidden), and returns it as last seen.
func waitTip(ctx context.Context, visible bool) (tipState, error) {
	for {
		s, err := chromedp.Run(ctx, chromedp.Evaluate[tipState](readTip))
		if err != nil || (s.Lines != nil) == visible {
			return s, err
		}
		if err := chromedp.Do(ctx, chromedp.Sleep(20*time.Millisecond)); err != nil {
			return s, err
		}
	}
}

// commas groups a number's whole part in threes, as ECharts' addCommas
// does: "1234.5" is "1,234.5".
func commas(n string) string {
	whole, frac, dot := strings.Cut(n, ".")
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if dot {
		return sign + whole + "." + frac
	}
	return sign + whole
}

// unique is items without repeats, in their first order.
func unique(items []string) []string {
	var out []string
	for _, s := range items {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
