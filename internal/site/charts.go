package site

import (
	"io"

	"scorecard/internal/assets"
	"scorecard/internal/chart"
	"scorecard/internal/dataset"
	"scorecard/internal/render"
	"scorecard/internal/report"
)

// The files of each chart, for reuse (render.FilesOf): its page alone, to
// embed (charts/ID/index.html), its figures (charts/ID/data.csv) and its
// drawing (charts/ID/chart.svg). Each job makes its chart again rather
// than keeping every chart of the site in memory.

// chartJobs lists the jobs that make the files of every chart of s, in
// the order of render.ChartIDs.
func chartJobs(s *report.Site, r *render.Renderer) []*job {
	var jobs []*job
	add := func(id string, make func() render.Chart) {
		f := render.FilesOf(id)
		jobs = append(jobs,
			&job{path: f.Page, write: func(w io.Writer) error { return r.Embed(w, s, make()) }},
			&job{path: f.CSV, write: func(w io.Writer) error { return dataset.WriteTable(w, make().Table) }},
			&job{path: f.SVG, write: func(w io.Writer) error { _, err := io.WriteString(w, make().SVG); return err }},
		)
	}
	for i, q := range s.Quarters {
		add(render.HomeChartID(q), func() render.Chart { return homeChart(r, s, q) })
		for _, t := range s.AllThemes() {
			add(render.ThemeChartID(q, t), func() render.Chart { return themeChart(r, s, s.Quarters[:i+1], t) })
		}
	}
	for _, m := range s.Measures {
		add(render.TrendChartID(m), func() render.Chart { return trendChart(r, s, m) })
	}
	return jobs
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
