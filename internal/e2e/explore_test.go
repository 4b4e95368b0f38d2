package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// scriptBudget is the most script, gzipped, that a page may load before a
// reader asks for anything: ECharts (219 KB gzipped) is loaded only when a
// reader asks for an interactive chart.
const scriptBudget = 100 * 1024

// scripts records the scripts a tab requests, page by page.
type scripts struct {
	mu   sync.Mutex
	urls []string
}

func (s *scripts) listen(ev any) {
	if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Type == network.ResourceTypeScript {
		s.mu.Lock()
		s.urls = append(s.urls, e.Request.URL)
		s.mu.Unlock()
	}
}

func (s *scripts) reset() {
	s.mu.Lock()
	s.urls = nil
	s.mu.Unlock()
}

func (s *scripts) list() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.urls)
}

// echartsIn returns the requests among urls for ECharts.
func echartsIn(urls []string) []string {
	var out []string
	for _, u := range urls {
		if strings.Contains(path.Base(u), "echarts") {
			out = append(out, u)
		}
	}
	return out
}

// gzipSize is the size of the file that u, an address on srv, serves from
// dir, compressed with gzip as a server would send it.
func gzipSize(t *testing.T, dir, base, u string) int {
	t.Helper()
	rel, ok := strings.CutPrefix(u, base+"/")
	if !ok {
		t.Fatalf("the script %s is not on the test server %s", u, base)
	}
	p, err := url.PathUnescape(strings.SplitN(rel, "?", 2)[0])
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		t.Fatalf("the script %s: %v", u, err)
	}
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write(data)
	z.Close()
	return b.Len()
}

// askChart asks for the interactive chart of the page's first chart as a
// reader would: "button" presses its "Explore this chart" button, "focus"
// focuses the chart, "hover" moves the mouse onto it. Then it waits until
// ECharts has drawn it: an svg of its own, of non-zero size, in place of
// the static one. ctx bounds the wait.
func askChart(ctx context.Context, how string) error {
	var act []chromedp.Action[chromedp.Void]
	switch how {
	case "button":
		act = append(act, chromedp.Click(chromedp.CSS(`button.chart-explore`)))
	case "focus":
		act = append(act, chromedp.Focus(chromedp.CSS(`figure.chart[data-chart]`)))
	case "hover":
		type point struct{ X, Y float64 }
		p, err := chromedp.Run(ctx, chromedp.Evaluate[point](`(() => {
			const c = document.querySelector('figure.chart[data-chart]');
			c.scrollIntoView({block: 'center'});
			const r = c.getBoundingClientRect();
			return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
		})()`))
		if err != nil {
			return fmt.Errorf("finding the chart: %w", err)
		}
		act = append(act, chromedp.MouseEvent(chromedp.MouseMoved, 1, 1), chromedp.MouseEvent(chromedp.MouseMoved, p.X, p.Y))
	default:
		return fmt.Errorf("no way to ask %q", how)
	}
	if err := chromedp.Do(ctx, act...); err != nil {
		return fmt.Errorf("asking for the chart (%s): %w", how, err)
	}
	type state struct {
		Drawn bool   `json:"drawn"`
		Note  string `json:"note"`
	}
	for {
		s, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(() => {
			const c = document.querySelector('figure.chart[data-chart]');
			const g = c.querySelector('.chart-live svg');
			const r = g ? g.getBoundingClientRect() : {width: 0, height: 0};
			const stat = c.querySelector('.chart-static');
			const note = document.getElementById(c.dataset.chart + '-note');
			return {
				drawn: c.classList.contains('chart-drawn') && r.width > 0 && r.height > 0 && getComputedStyle(stat).display === 'none',
				note: note ? note.textContent : '',
			};
		})()`))
		if err != nil {
			return fmt.Errorf("reading the chart: %w", err)
		}
		if s.Drawn {
			return nil
		}
		if s.Note != "" {
			return fmt.Errorf("asked for by %s, the chart was not drawn: %q", how, s.Note)
		}
		if err := chromedp.Do(ctx, chromedp.Sleep(25*time.Millisecond)); err != nil {
			return fmt.Errorf("asked for by %s, the chart was not drawn: %w", how, err)
		}
	}
}

// TestChartsOnDemand opens the home, a theme and measure pages under the
// site's Content-Security-Policy and checks that each loads at most
// scriptBudget of script (gzipped) and no ECharts; that asking for the
// chart (its button, focus, hover) loads ECharts once and draws the chart
// in place of the static one; and that nothing logs an error or breaks
// the policy.
func TestChartsOnDemand(t *testing.T) {
	dir := builtSite(t)
	b := startBrowser(t)
	srv := serve(t, dir)
	tb := newTab(t, b)
	seen := &scripts{}
	if err := chromedp.Listen(tb.ctx, seen.listen); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		page sitePage
		how  string
		w    int64
	}{
		{sitePage{"home", "index.html", ""}, "button", 390},
		{sitePage{"home", "index.html", ""}, "hover", 1280},
		{sitePage{"theme", "2016-17/q2/build-a-better-harrow/index.html", ""}, "focus", 390},
		{sitePage{"theme", "2016-17/q2/build-a-better-harrow/index.html", ""}, "button", 1280},
		{sitePage{"measure-pmv-3", "measures/pmv-3/index.html", ""}, "hover", 390},
		{sitePage{"measure-mm-ss", "measures/bmb-13/index.html", ""}, "focus", 1280},
		{sitePage{"measure-mm-ss", "measures/bmb-13/index.html", ""}, "button", 390},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/%s/%dpx", c.page.name, c.how, c.w), func(t *testing.T) {
			where := fmt.Sprintf("%s at %dpx", c.page, c.w)
			if msg := c.page.missing(dir); msg != "" {
				t.Fatalf("%s: %s", where, msg)
			}
			seen.reset()
			var onLoad, after, violations []string
			o, err := tb.visit(c.page.httpURL(srv.URL), c.w, func(ctx context.Context) error {
				onLoad = seen.list()
				if err := askChart(ctx, c.how); err != nil {
					return err
				}
				var err error
				if err = (&recorderWait{tb.rec}).wait(ctx); err != nil {
					return err
				}
				after = seen.list()
				violations, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](readViolations))
				return err
			})
			if o != nil {
				checkQuiet(t, where, o)
				o.csp = unique(append(o.csp, violations...))
				checkPolicy(t, where, o)
			}
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			total := 0
			for _, u := range onLoad {
				total += gzipSize(t, dir, srv.URL, u)
			}
			t.Logf("%s: %d scripts on load, %.1f KB gzipped: %v", where, len(onLoad), float64(total)/1024, onLoad)
			if total > scriptBudget {
				t.Errorf("%s: the page loads %d bytes of script gzipped before a reader asks for anything; at most %d", where, total, scriptBudget)
			}
			if e := echartsIn(onLoad); len(e) > 0 {
				t.Errorf("%s: the page loads ECharts before a reader asks for a chart: %v", where, e)
			}
			if e := echartsIn(after); len(e) != 1 {
				t.Errorf("%s: asked for the chart by %s, the page requested ECharts %d times (%v); want once", where, c.how, len(e), e)
			}
		})
	}
}

// recorderWait waits for a tab's requests to settle after an action.
type recorderWait struct{ r *recorder }

func (w *recorderWait) wait(ctx context.Context) error { return w.r.waitQuiet(ctx) }

// TestChartDuration checks that a minutes:seconds measure's interactive
// chart labels its value axis as mm:ss, as the page writes its figures.
func TestChartDuration(t *testing.T) {
	dir := builtSite(t)
	b := startBrowser(t)
	srv := serve(t, dir)
	tb := newTab(t, b)
	p := sitePage{"measure-mm-ss", "measures/bmb-13/index.html", ""}
	var labels []string
	o, err := tb.visit(p.httpURL(srv.URL), 1280, func(ctx context.Context) error {
		if err := askChart(ctx, "button"); err != nil {
			return err
		}
		var err error
		labels, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-chart] .chart-live svg text')].map(t => t.textContent.trim()).filter(s => s)`))
		return err
	})
	if o != nil {
		checkQuiet(t, p.path, o)
	}
	if err != nil {
		t.Fatalf("%s: %v", p.path, err)
	}
	times := 0
	for _, l := range labels {
		if len(l) == 5 && l[2] == ':' && strings.Trim(l[:2]+l[3:], "0123456789") == "" {
			times++
		}
	}
	if times < 2 {
		t.Errorf("%s: the interactive chart's text shows %d labels in mm:ss; want its value axis in mm:ss (at least 2 ticks); its text: %q", p.path, times, labels)
	}
}

// TestChartReuse checks what a reader can take away from a chart: its
// CSV and SVG files (which must parse), its PNG (made in the browser
// under the strict policy), its link and its embed page.
func TestChartReuse(t *testing.T) {
	dir := builtSite(t)
	b := startBrowser(t)
	srv := serve(t, dir)
	tb := newTab(t, b)
	downloads := t.TempDir()
	done := make(chan string, 1)
	err := chromedp.ListenBrowser(tb.ctx, func(ev any) {
		if e, ok := ev.(*browser.EventDownloadProgress); ok && e.State == browser.DownloadProgressStateCompleted {
			select {
			case done <- e.GUID:
			default:
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	events := true
	if _, err := chromedp.CallBrowser(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: &events}); err != nil {
		t.Fatalf("letting the browser download: %v", err)
	}

	for _, p := range []sitePage{
		{"measure-pmv-3", "measures/pmv-3/index.html", ""},
		{"home", "index.html", ""},
	} {
		t.Run(p.name, func(t *testing.T) {
			type reuse struct {
				ID    string `json:"id"`
				CSV   string `json:"csv"`
				SVG   string `json:"svg"`
				Link  string `json:"link"`
				Embed string `json:"embed"`
				Cite  string `json:"cite"`
				Box   []float64
			}
			var got reuse
			var pngFile string
			o, err := tb.visit(p.httpURL(srv.URL), 1280, func(ctx context.Context) error {
				var err error
				got, err = chromedp.Run(ctx, chromedp.Evaluate[reuse](`(() => {
					const c = document.querySelector('figure.chart[data-chart]');
					const id = c.dataset.chart;
					const r = document.getElementById(id).querySelector('.chart-reuse');
					const a = text => [...r.querySelectorAll('a')].find(x => x.textContent.includes(text));
					const vb = c.querySelector('.chart-static svg').viewBox.baseVal;
					return {id: id, csv: a('CSV').href, svg: a('SVG').href, link: a('Link').getAttribute('href'),
						embed: a('own page').href, cite: r.querySelector('.chart-cite').textContent, box: [vb.width, vb.height]};
				})()`))
				if err != nil {
					return fmt.Errorf("reading the reuse links: %w", err)
				}
				if err := chromedp.Do(ctx,
					chromedp.Click(chromedp.CSS(`details.chart-reuse > summary`)),
					chromedp.Click(chromedp.CSS(`button.chart-png`))); err != nil {
					return fmt.Errorf("pressing the PNG button: %w", err)
				}
				select {
				case guid := <-done:
					pngFile = filepath.Join(downloads, guid)
				case <-ctx.Done():
					return fmt.Errorf("no PNG downloaded: %w", ctx.Err())
				}
				return nil
			})
			if o != nil {
				checkQuiet(t, p.path, o)
				checkPolicy(t, p.path, o)
			}
			if err != nil {
				t.Fatalf("%s: %v", p.path, err)
			}
			if got.Link != "#"+got.ID {
				t.Errorf("%s: the chart's link is %q; want #%s, the chart's section", p.path, got.Link, got.ID)
			}
			if !strings.Contains(got.Cite, "Harrow Council") || !strings.Contains(got.Cite, "#"+got.ID) {
				t.Errorf("%s: the citation %q names no organisation or no address of the chart", p.path, got.Cite)
			}
			checkCSV(t, fetch(t, got.CSV))
			checkSVG(t, got.SVG, fetch(t, got.SVG))
			if page := fetch(t, got.Embed); !bytes.Contains(page, []byte(`id="`+got.ID+`-svg-t"`)) {
				t.Errorf("%s: the embed page %s does not show the chart's static SVG", p.path, got.Embed)
			}
			f, err := os.Open(pngFile)
			if err != nil {
				t.Fatalf("%s: the PNG: %v", p.path, err)
			}
			defer f.Close()
			img, err := png.Decode(f)
			if err != nil {
				t.Fatalf("%s: the downloaded PNG does not decode: %v", p.path, err)
			}
			if w := img.Bounds().Dx(); len(got.Box) != 2 || w != int(2*got.Box[0]+0.5) {
				t.Errorf("%s: the PNG is %d px wide; want twice the SVG's viewBox width %v", p.path, w, got.Box)
			}
		})
	}
}

// fetch gets u, which must answer 200.
func fetch(t *testing.T, u string) []byte {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %s", u, resp.Status)
	}
	return b
}

// checkCSV fails unless data is CSV with a heading row and at least one
// row of figures, every row as wide as the headings.
func checkCSV(t *testing.T, data []byte) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Errorf("the chart's CSV does not parse: %v", err)
		return
	}
	if len(rows) < 2 {
		t.Errorf("the chart's CSV has %d rows; want headings and figures:\n%s", len(rows), data)
	}
}

// checkSVG fails unless data is a well-formed SVG document with a title.
func checkSVG(t *testing.T, u string, data []byte) {
	t.Helper()
	var doc struct {
		XMLName xml.Name
		Title   string `xml:"title"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Errorf("%s does not parse as XML: %v", u, err)
		return
	}
	if doc.XMLName.Local != "svg" || doc.XMLName.Space != "http://www.w3.org/2000/svg" || doc.Title == "" {
		t.Errorf("%s is <%s xmlns=%q> with title %q; want an SVG with its title", u, doc.XMLName.Local, doc.XMLName.Space, doc.Title)
	}
}

// TestChartWithoutECharts serves the site with ECharts missing and checks
// that asking for a chart keeps its static drawing, says so in its status
// line, and breaks nothing else: no exception, no other failed load, no
// policy violation.
func TestChartWithoutECharts(t *testing.T) {
	dir := builtSite(t)
	b := startBrowser(t)
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		if strings.Contains(r.URL.Path, "echarts") {
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	tb := newTab(t, b)
	p := sitePage{"measure-pmv-3", "measures/pmv-3/index.html", ""}
	type state struct {
		Drawn  bool    `json:"drawn"`
		Static float64 `json:"static"` // the static SVG's height
		Note   string  `json:"note"`
	}
	var got state
	o, err := tb.visit(p.httpURL(srv.URL), 390, func(ctx context.Context) error {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button.chart-explore`))); err != nil {
			return err
		}
		for {
			var err error
			got, err = chromedp.Run(ctx, chromedp.Evaluate[state](`(() => {
				const c = document.querySelector('figure.chart[data-chart]');
				return {drawn: c.classList.contains('chart-drawn'),
					static: c.querySelector('.chart-static svg').getBoundingClientRect().height,
					note: document.getElementById(c.dataset.chart + '-note').textContent};
			})()`))
			if err != nil || got.Note != "" {
				return err
			}
			if err := chromedp.Do(ctx, chromedp.Sleep(25*time.Millisecond)); err != nil {
				return fmt.Errorf("no word that the chart could not load: %w", err)
			}
		}
	})
	if err != nil {
		t.Fatalf("%s: %v", p.path, err)
	}
	if got.Drawn || got.Static <= 0 || !strings.Contains(got.Note, "could not load") {
		t.Errorf("%s without ECharts: drawn %v, static chart %gpx high, status %q; want the static chart kept and the status saying the interactive one could not load", p.path, got.Drawn, got.Static, got.Note)
	}
	var other []string
	for _, m := range append(o.console, o.failed...) {
		if !strings.Contains(m, "echarts") {
			other = append(other, m)
		}
	}
	if len(other) > 0 {
		t.Errorf("%s without ECharts: other errors:%s", p.path, list(other))
	}
	// The missing ECharts is a 404 page, which the browser refuses to run
	// as a script; nothing else may be refused.
	var refused []string
	for _, m := range o.csp {
		if !strings.Contains(m, "echarts") {
			refused = append(refused, m)
		}
	}
	o.csp = refused
	checkPolicy(t, p.path, o)
}
