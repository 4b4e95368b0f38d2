package site

import (
	"io"
	"sync"

	"scorecard/internal/assets"
	"scorecard/internal/chart"
	"scorecard/internal/dataset"
	"scorecard/internal/render"
	"scorecard/internal/report"
)

// The files of each chart, for reuse (render.FilesOf): its page alone, to
// embed (charts/ID/index.html), its figures (charts/ID/data.csv) and its
// drawing (charts/ID/chart.svg). A chart is made once for the page it is
// on and its files, whose jobs follow the page's, and let go after its
// last use, so that the site's charts are not all held in memory at once.

// charts are a build's charts, by id, each shared by the jobs that show it.
type charts struct {
	s    *report.Site
	r    *render.Renderer
	byID map[string]*sharedChart
}

func newCharts(s *report.Site, r *render.Renderer) *charts {
	return &charts{s: s, r: r, byID: map[string]*sharedChart{}}
}

// sharedChart is one chart, made by the first of the jobs planned to use
// it and kept until the last of them has it.
type sharedChart struct {
	id    string
	make  func() render.Chart
	mu    sync.Mutex
	left  int // uses planned that have not had the chart yet
	made  bool
	chart render.Chart
}

// shared returns the chart with the given id, made by make when first used.
func (c *charts) shared(id string, make func() render.Chart) *sharedChart {
	sc := c.byID[id]
	if sc == nil {
		sc = &sharedChart{id: id, make: make}
		c.byID[id] = sc
	}
	return sc
}

// home is the home page's chart of edition q.
func (c *charts) home(q *report.Quarter) *sharedChart {
	return c.shared(render.HomeChartID(q), func() render.Chart { return homeChart(c.r, c.s, q) })
}

// theme is theme t's chart over quarters, on the last one's theme page.
func (c *charts) theme(quarters []*report.Quarter, t *report.Theme) *sharedChart {
	q := quarters[len(quarters)-1]
	return c.shared(render.ThemeChartID(q, t), func() render.Chart { return themeChart(c.r, c.s, quarters, t) })
}

// trend is measure m's trend chart.
func (c *charts) trend(m *report.Measure) *sharedChart {
	return c.shared(render.TrendChartID(m), func() render.Chart { return trendChart(c.r, c.s, m) })
}

// use plans one more use of the chart, while the jobs are planned (on one
// goroutine), and returns what the job calls to have it.
func (sc *sharedChart) use() func() render.Chart {
	sc.left++
	return sc.get
}

// get gives the chart to one of its uses. A job run again after every
// planned use (a benchmark, a test) makes the chart anew.
func (sc *sharedChart) get() render.Chart {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.left == 0 {
		return sc.make()
	}
	if !sc.made {
		sc.chart, sc.made = sc.make(), true
	}
	got := sc.chart
	if sc.left--; sc.left == 0 {
		sc.chart = render.Chart{} // let it go
	}
	return got
}

// drop counts off one planned use that will not have the chart: its job
// took its file from the earlier build. The last use lets the chart go.
func (sc *sharedChart) drop() {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.left == 0 {
		return
	}
	if sc.left--; sc.left == 0 {
		sc.chart = render.Chart{}
	}
}

// files lists the jobs that make the files of chart sc.
func (c *charts) files(sc *sharedChart) []*job {
	f := render.FilesOf(sc.id)
	page, csv, svg := sc.use(), sc.use(), sc.use()
	return []*job{
		{path: f.Page, skip: sc.drop, write: func(w io.Writer) error { return c.r.Embed(w, c.s, page()) }},
		{path: f.CSV, skip: sc.drop, write: func(w io.Writer) error { return dataset.WriteTable(w, csv().Table) }},
		{path: f.SVG, skip: sc.drop, write: func(w io.Writer) error { _, err := io.WriteString(w, svg().SVG); return err }},
	}
}

// trendChart charts a measure's figures over time.
func trendChart(r *render.Renderer, s *report.Site, m *report.Measure) render.Chart {
	c := chart.Trend(s, m, r.Words())
	var first, last *report.Quarter
	for _, q := range s.Quarters {
		if len(q.RowsOf(m)) > 0 {
			if first == nil {
				first = q
			}
			last = q
		}
	}
	period := ""
	if first != nil {
		period = r.Span(first.ID, last.ID)
	}
	return reusable(r, s, c, render.Chart{Sparkline: chart.Sparkline(s, m, c.Summary)}, render.MeasurePath(m), period, last)
}

// reusable is the chart c as a page shows it, with what into has besides
// (a status chart's counts, a trend's sparkline), on page, showing period
// as published in edition q (nil for none).
func reusable(r *render.Renderer, s *report.Site, c chart.Chart, into render.Chart, page, period string, q *report.Quarter) render.Chart {
	into.ID, into.Title, into.Summary, into.Options, into.SVG, into.Table = c.ID, c.Title, c.Summary, c.Options, c.SVG, c.Table
	return r.Reusable(s, into, page, period, q)
}

// useAssets gives r the content-hashed names of the assets and of the
// site's style sheet, which it returns with its path.
func useAssets(s *report.Site, r *render.Renderer, files []assets.File) (css []byte, path string) {
	css = render.Stylesheet(s)
	path = assets.Hashed("style.css", css)
	names := assets.Names(files)
	names["style.css"] = path
	r.UseAssets(names)
	return css, path
}
