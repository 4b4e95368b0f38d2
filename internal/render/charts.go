package render

import (
	"io"
	"strings"

	"scorecard/internal/report"
)

// Each chart can be reused: its figures as CSV, its drawing as SVG (and
// PNG, which charts.js makes in the browser), a link to it, a citation,
// and a page of its own, to embed in an iframe on the council's other
// pages. The files of the chart with id ID are under ChartDir(ID).

// ChartDir is the folder of a chart's files: "charts/trend-pmv-3/" for the
// chart chart-trend-pmv-3.
func ChartDir(id string) string { return "charts/" + strings.TrimPrefix(id, "chart-") + "/" }

// ChartFiles are the paths of a chart's files, from the site root.
type ChartFiles struct {
	Page string // the embed page: charts/ID/index.html
	CSV  string // the figures: charts/ID/data.csv
	SVG  string // the drawing: charts/ID/chart.svg
}

// FilesOf gives the paths of the files of the chart with the given id.
func FilesOf(id string) ChartFiles {
	d := ChartDir(id)
	return ChartFiles{Page: d + "index.html", CSV: d + "data.csv", SVG: d + "chart.svg"}
}

// Reuse is what a chart's reuse panel and embed page need beyond the
// chart: the page it belongs to, its address and its citation.
type Reuse struct {
	Page    string // the page the chart is on, from the site root
	Address string // the chart's stable address: the page's, with #ID; absolute when the site has a base URL
	Embed   string // the embed page's address, absolute when the site has a base URL
	Cite    string // "Harrow Council, Corporate scorecard: ..., Q2 2016/17. https://.... Published 25 November 2016."
}

// Reusable fills c.Reuse for the chart of page (a path from the site
// root) showing period (its label, such as "Q2 2016/17" or "Q1 2015/16 to
// Q2 2016/17") as published in edition q: its citation is dated by q's
// publication date when it has one, else by the last day of q's period.
func (rd *Renderer) Reusable(s *report.Site, c Chart, page, period string, q *report.Quarter) Chart {
	dir := strings.TrimSuffix(page, "index.html")
	embed := strings.TrimSuffix(FilesOf(c.ID).Page, "index.html")
	r := Reuse{Page: page, Address: s.BaseURL + dir + "#" + c.ID, Embed: s.BaseURL + embed}
	var date string
	switch {
	case q == nil:
	case q.Published != "":
		date = rd.say("cite-published", "Date", rd.longDate(q.Published))
	default:
		_, end := q.ID.Dates()
		date = rd.say("cite-figures-to", "Date", rd.longDate(end.Format("2006-01-02")))
	}
	if period != "" && !strings.Contains(c.Title, period) {
		r.Cite = rd.say("cite-period", "Organisation", s.Organisation, "Title", s.Title, "Chart", c.Title, "Period", period, "Address", r.Address, "Date", date)
	} else {
		r.Cite = rd.say("cite", "Organisation", s.Organisation, "Title", s.Title, "Chart", c.Title, "Address", r.Address, "Date", date)
	}
	c.Reuse = r
	return c
}

// Span names the periods from first to last, for a chart's citation: "Q2
// 2016/17", or "Q1 2015/16 to Q2 2016/17".
func (r *Renderer) Span(first, last report.Period) string {
	if first == last {
		return last.Label()
	}
	return r.say("span", "First", first.Label(), "Last", last.Label())
}

// Files gives the paths of the chart's files.
func (c chartView) Files() ChartFiles { return FilesOf(c.ID) }

// Cite is the chart's citation.
func (c chartView) Cite() string { return c.Reuse.Cite }

// EmbedCode is the HTML to show the chart's page on another page.
func (c chartView) EmbedCode() string {
	return `<iframe src="` + c.Reuse.Embed + `" title="` + strings.ReplaceAll(c.Title, `"`, "&quot;") + `" width="100%" height="700"></iframe>`
}

// embedData is what embed.html receives.
type embedData struct {
	page
	Chart chartView
	Head  []string   // the table's headings: the chart's Table's first row
	Rows  [][]string // the rest of its rows
	Full  string     // the page the chart is on, from the root
}

// Embed renders the page of chart c alone, for an iframe: its heading,
// summary, drawing and figures, and a link to the page it is on.
func (r *Renderer) Embed(w io.Writer, s *report.Site, c Chart) error {
	at := FilesOf(c.ID).Page
	d := embedData{page: newPage(s, at, "", c.Title), Full: c.Reuse.Page}
	d.Chart = chartView{Chart: c, Level: 1, Root: d.Root}
	if len(c.Table) > 0 {
		d.Head, d.Rows = c.Table[0], c.Table[1:]
	}
	return r.pages["embed.html"].ExecuteTemplate(w, r.embed, d)
}

// embedAnchors are the ids of a chart's embed page.
func embedAnchors(id string) []string {
	return []string{"main", id + "-h", id + "-s", id + "-svg-t", id + "-svg-d"}
}

// ChartIDs are the ids of every chart of s, each once: the home chart of
// each edition, its theme charts, and each measure's trend.
func ChartIDs(s *report.Site) []string {
	var ids []string
	for _, q := range s.Quarters {
		ids = append(ids, HomeChartID(q))
		for _, t := range s.AllThemes() {
			ids = append(ids, ThemeChartID(q, t))
		}
	}
	for _, m := range s.Measures {
		ids = append(ids, trendChartID(m))
	}
	return ids
}

// TrendChartID is the id of a measure's trend chart.
func TrendChartID(m *report.Measure) string { return trendChartID(m) }

// SearchIndexPath is the search page's index of the site. It changes with
// every edition, so it is not under assets/, whose files a host may let
// browsers keep for a year.
const SearchIndexPath = "search/search-index.js"
